"""What the annotation wizard tells the annotator at each step, in English and Chinese (short).

The texts paraphrase the consensus (section 6, "principles and strategy") rule by rule, so the
desktop widget and the browser wizard show the same words and cite the same rule IDs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError

LANGUAGES = ("en", "zh")

#: rule -> (English, Chinese)
RULE_TEXTS: dict[str, tuple[str, str]] = {
    "R-ANN-1": (
        "Before drawing, review every sequence and every slice; confirm the lesion's location, "
        "size, shape and components.",
        "标注前浏览全部序列及全部层面,明确病变的位置、大小、形态及成分。",
    ),
    "R-ANN-2": (
        "Avoid sulci, ventricles and other normal structures.",
        "避开脑沟、脑室等正常结构。",
    ),
    "R-ANN-3": (
        "Do not label leukoaraiosis or lacunes as edema.",
        "勿将脑白质疏松、腔隙灶标注为水肿。",
    ),
    "R-ANN-4": (
        "Whole tumor (or edema) and enhancing regions are required; with no definite "
        "enhancement leave the enhancing region empty and confirm 'no enhancement'.",
        "肿瘤全域(或水肿区)及强化区为必标;无明确强化时强化区不标,并确认“无强化”。",
    ),
    "R-ANN-5": (
        "Sharp margins: trace the visible edge slice by slice; a threshold tool with manual "
        "correction is allowed.",
        "边界清楚者沿可见边缘逐层勾画;可用阈值法半自动勾画后手动修正。",
    ),
    "R-ANN-6": (
        "Blurred margins: adjust window/level; label only tissue that is certainly lesion and "
        "leave out what is uncertain.",
        "边界模糊者调节窗宽窗位,只标注确定的病变组织,不确定者不标。",
    ),
    "R-ANN-7": (
        "Several lesions: browse all slices first and label every lesion seen.",
        "多发病变先浏览全部层面,标注所见的每一个病灶。",
    ),
    "R-ANN-8": (
        "Draw on the original axial images, not on reformatted ones.",
        "在原始轴位图像上标注,不在重建图像上标注。",
    ),
    "R-ANN-9": (
        "Go slice by slice; never miss the first and last slice of the tumor.",
        "逐层标注,勿遗漏肿瘤的首层及末层。",
    ),
    "R-SEG-1": (
        "Whole tumor: tumor body plus peritumoral edema, drawn mainly on FLAIR.",
        "肿瘤全域:肿瘤主体及瘤周水肿,主要在 FLAIR 上勾画。",
    ),
    "R-SEG-2": (
        "Tumor body on T2WI, without edema; where body and edema are hard to separate, consult "
        "FLAIR, T1WI and contrast T1WI across slices and planes.",
        "肿瘤主体在 T2WI 上勾画,不含水肿;与水肿难以区分时参考 FLAIR、T1WI 及增强 T1WI 多层面多方位观察。",
    ),
    "R-SEG-3": (
        "Enhancing region on contrast T1WI, by comparison with plain T1WI.",
        "强化区在增强 T1WI 上勾画,与平扫 T1WI 对照。",
    ),
    "R-SEG-4": (
        "Non-enhancing part of the tumor body on contrast T1WI: solid non-enhancing tumor, "
        "necrosis, cyst, haemorrhage.",
        "非强化区为增强 T1WI 上肿瘤主体的非强化部分:非强化实性成分、坏死、囊变、出血。",
    ),
    "R-SEG-5": (
        "Enhancing and non-enhancing parts are drawn together as one region.",
        "强化区与非强化区合并为一个区域勾画。",
    ),
    "R-SEG-6": (
        "Meningeal tumors: the FLAIR region is the edema only, excluding the tumor body.",
        "脑膜来源肿瘤:FLAIR 区域仅为水肿区,不含肿瘤主体。",
    ),
    "R-SEG-7": (
        "Clearly thickened, enhancing meninges (dural tail) belong to the enhancing region.",
        "明显增厚强化的脑膜(脑膜尾征)归入强化区。",
    ),
    "R-ANN-9/self-check": (
        "Self-check: fix every error it reports; warnings are worth a second look.",
        "自查:修正报告中的全部错误;警告项需再次核对。",
    ),
    "R-FLOW-1": (
        "Save: a new annotation version is written with your name and the time; nothing is "
        "overwritten.",
        "保存:以标注者姓名及时间生成新的标注版本,不覆盖既往版本。",
    ),
}

#: Drawing rules shown for every region, after the region's own R-SEG rules.
DRAWING_RULES = ("R-ANN-8", "R-ANN-5", "R-ANN-6", "R-ANN-7", "R-ANN-9")
#: Extra rules for the FLAIR regions (whole tumor / edema).
FLAIR_RULES = ("R-ANN-2", "R-ANN-3")

STEP_TITLES: dict[str, tuple[str, str]] = {
    "review_sequences": ("Review all sequences", "浏览全部序列"),
    "draw": ("Draw", "勾画"),
    "self_check": ("Self-check", "自查"),
    "confirm_checklist": ("Confirm the checklist", "确认核查清单"),
    "save": ("Save a new version", "保存新版本"),
    "done": ("Done", "完成"),
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


def _language(lang: str) -> int:
    if lang not in LANGUAGES:
        raise InvalidInputError(
            tr(
                "guidance language must be one of {LANGUAGES}, got {lang!r}",
                LANGUAGES=LANGUAGES,
                lang=lang,
            )
        )
    return LANGUAGES.index(lang)


def region_rules(region: Any) -> tuple[str, ...]:
    """The rules to show while drawing a region: its own R-SEG rules, then the drawing rules."""
    own = tuple(r for r in region.rules if r.startswith("R-SEG") and r in RULE_TEXTS)
    flair = FLAIR_RULES if region.key in ("whole_tumor", "edema") else ()
    enhancing = ("R-ANN-4",) if "R-ANN-4" in region.rules and region.required else ()
    return own + flair + enhancing + DRAWING_RULES


def region_card(region: Any, lang: str = "en") -> dict[str, Any]:
    """Where and how a region is drawn: reference sequence, colour, required or optional."""
    index = _language(lang)
    return {
        "key": region.key,
        "name": region.name_en if index == 0 else region.name_zh,
        "reference_sequence": region.reference_sequence.value,
        "color_rgb": list(region.color_rgb),
        "required": region.required,
        "label_value": region.label_value,
    }


def step_guidance(step: str, lang: str = "en", region: Any = None) -> Guidance:
    """The guidance of a step (``region``: the schema region while drawing)."""
    index = _language(lang)
    title = STEP_TITLES[step][index]
    if step == "draw":
        if region is None:
            raise InvalidInputError(tr("the draw step's guidance needs the region being drawn"))
        card = region_card(region, lang)
        rules = region_rules(region)
        title = f"{title}: {card['name']} ({card['reference_sequence']})"
        return Guidance(step, title, card, tuple((r, RULE_TEXTS[r][index]) for r in rules))
    rules = STEP_RULES[step]
    return Guidance(step, title, None, tuple((r, RULE_TEXTS[r][index]) for r in rules))
