"""What the annotation wizard tells the annotator at each step, in English and Chinese (short).

The texts paraphrase the consensus (section 6, "principles and strategy") rule by rule, so the
desktop widget and the browser wizard show the same words and cite the same rule IDs. They are
written in English, marked with ``N_`` and shown with ``tr`` (the Chinese is in
``translations/wizard_zh-CN.ts``), in the language asked for or, by default, the one in effect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from CNSTumorAnnotationLib.i18n import LANGUAGES, N_, language, tr, using_language
from CNSTumorQCLib.errors import InvalidInputError

#: rule -> its guidance (English, marked for translation: shown with ``tr``)
RULE_TEXTS: dict[str, str] = {
    "R-ANN-1": N_(
        "Before drawing, review every sequence and every slice; confirm the lesion's "
        "location, size, shape and components."
    ),
    "R-ANN-2": N_("Avoid sulci, ventricles and other normal structures."),
    "R-ANN-3": N_("Do not label leukoaraiosis or lacunes as edema."),
    "R-ANN-4": N_(
        "Whole tumor (or edema) and enhancing regions are required; with no definite "
        "enhancement leave the enhancing region empty and confirm 'no enhancement'."
    ),
    "R-ANN-5": N_(
        "Sharp margins: trace the visible edge slice by slice; a threshold tool with manual "
        "correction is allowed."
    ),
    "R-ANN-6": N_(
        "Blurred margins: adjust window/level; label only tissue that is certainly lesion and"
        " leave out what is uncertain."
    ),
    "R-ANN-7": N_("Several lesions: browse all slices first and label every lesion seen."),
    "R-ANN-8": N_("Draw on the original axial images, not on reformatted ones."),
    "R-ANN-9": N_("Go slice by slice; never miss the first and last slice of the tumor."),
    "R-SEG-1": N_("Whole tumor: tumor body plus peritumoral edema, drawn mainly on FLAIR."),
    "R-SEG-2": N_(
        "Tumor body on T2WI, without edema; where body and edema are hard to separate, "
        "consult FLAIR, T1WI and contrast T1WI across slices and planes."
    ),
    "R-SEG-3": N_("Enhancing region on contrast T1WI, by comparison with plain T1WI."),
    "R-SEG-4": N_(
        "Non-enhancing part of the tumor body on contrast T1WI: solid non-enhancing tumor, "
        "necrosis, cyst, haemorrhage."
    ),
    "R-SEG-5": N_("Enhancing and non-enhancing parts are drawn together as one region."),
    "R-SEG-6": N_(
        "Meningeal tumors: the FLAIR region is the edema only, excluding the tumor body."
    ),
    "R-SEG-7": N_(
        "Clearly thickened, enhancing meninges (dural tail) belong to the enhancing region."
    ),
    "R-ANN-9/self-check": N_(
        "Self-check: fix every error it reports; warnings are worth a second look."
    ),
    "R-FLOW-1": N_(
        "Save: a new annotation version is written with your name and the time; nothing is "
        "overwritten."
    ),
}

#: Drawing rules shown for every region, after the region's own R-SEG rules.
DRAWING_RULES = ("R-ANN-8", "R-ANN-5", "R-ANN-6", "R-ANN-7", "R-ANN-9")
#: Extra rules for the FLAIR regions (whole tumor / edema).
FLAIR_RULES = ("R-ANN-2", "R-ANN-3")

STEP_TITLES: dict[str, str] = {
    "review_sequences": N_("Review all sequences"),
    "draw": N_("Draw"),
    "self_check": N_("Self-check"),
    "confirm_checklist": N_("Confirm the checklist"),
    "save": N_("Save a new version"),
    "done": N_("Done"),
}

STEP_RULES: dict[str, tuple[str, ...]] = {
    "review_sequences": ("R-ANN-1", "R-ANN-7", "R-ANN-8"),
    "self_check": ("R-ANN-9/self-check",),
    "confirm_checklist": ("R-ANN-2", "R-ANN-3", "R-ANN-7", "R-ANN-9", "R-ANN-4"),
    "save": ("R-FLOW-1",),
    "done": (),
}


@dataclass(frozen=True)
class Guidance:
    """What one step shows: a title, the region being drawn (if any) and the rule texts."""

    step: str
    title: str
    region: dict[str, Any] | None
    rules: tuple[tuple[str, str], ...]  # (rule ID, text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "title": self.title,
            "region": self.region,
            "rules": [{"rule": r, "text": t} for r, t in self.rules],
        }


def _language(lang: str | None) -> str:
    """The guidance language: ``lang`` when given (``en`` / ``zh``), else the one in effect."""
    if lang is None:
        return language()
    if lang not in LANGUAGES:
        raise InvalidInputError(
            tr(
                "guidance language must be one of {languages}, got {lang!r}",
                languages=", ".join(LANGUAGES),
                lang=lang,
            )
        )
    return lang


def region_rules(region: Any) -> tuple[str, ...]:
    """The rules to show while drawing a region: its own R-SEG rules, then the drawing rules."""
    own = tuple(r for r in region.rules if r.startswith("R-SEG") and r in RULE_TEXTS)
    flair = FLAIR_RULES if region.key in ("whole_tumor", "edema") else ()
    enhancing = ("R-ANN-4",) if "R-ANN-4" in region.rules and region.required else ()
    return own + flair + enhancing + DRAWING_RULES


def region_card(region: Any, lang: str | None = None) -> dict[str, Any]:
    """Where and how a region is drawn: reference sequence, colour, required or optional."""
    with using_language(_language(lang)):
        name = region.display_name
    return {
        "key": region.key,
        "name": name,
        "reference_sequence": region.reference_sequence.value,
        "color_rgb": list(region.color_rgb),
        "required": region.required,
        "label_value": region.label_value,
    }


def step_guidance(step: str, lang: str | None = None, region: Any = None) -> Guidance:
    """The guidance of a step (``region``: the schema region while drawing), in ``lang``
    (``en`` / ``zh``; default: the language in effect)."""
    with using_language(_language(lang)):
        title = tr(STEP_TITLES[step])
        if step == "draw":
            if region is None:
                raise InvalidInputError(tr("the draw step's guidance needs the region being drawn"))
            card = region_card(region)
            rules = region_rules(region)
            title = tr(
                "{step}: {region} ({sequence})",
                step=title,
                region=card["name"],
                sequence=card["reference_sequence"],
            )
            return Guidance(step, title, card, tuple((r, tr(RULE_TEXTS[r])) for r in rules))
        rules = STEP_RULES[step]
        return Guidance(step, title, None, tuple((r, tr(RULE_TEXTS[r])) for r in rules))
