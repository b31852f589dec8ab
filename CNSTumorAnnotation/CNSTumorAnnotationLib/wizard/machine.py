"""The per-case annotation wizard as a Qt-free state machine (R-ANN-1..9, R-FLOW-1).

Steps, in order::

    review_sequences -> draw (each region in the schema's order) -> self_check
        -> confirm_checklist -> save -> done

- ``review_sequences`` (R-ANN-1): the annotator confirms having reviewed every sequence and
  slice (location, size, shape, components);
- ``draw``: one region at a time, each naming its reference sequence, colour, whether it is
  required, and the drawing rules (R-SEG-1..7, R-ANN-2/3/5/6/7/8/9), in English and Chinese;
- ``self_check``: the self-check's core (``selfcheck_core.check_masks``, what ``run_selfcheck``
  runs on a saved version) on the current drawing; an error sends the annotator back to draw
  the region it names. An empty enhancing region is not sent back: it becomes the R-ANN-4
  "no enhancement" checklist item;
- ``confirm_checklist``: what software cannot check (``selfcheck_params.CHECKLIST``, plus R-ANN-4
  "no enhancement" when the enhancing region is empty) is confirmed by a person, item by item;
- ``save``: a new version (``case.save_annotation_version`` or, from a scene,
  ``scene_annotation.save_scene_annotation``), then ``run_selfcheck`` on the saved version with
  the confirmations, written to ``selfcheck.json``. Should that self-check block, the wizard
  goes back to ``draw``; otherwise it is ``done``.

Every move and confirmation is recorded with who and when in ``wizard_session.json``
(``wizard_session``). A move not allowed at the current step raises ``WorkflowError`` naming
the step and the allowed moves. The masks are passed in by the caller (the desktop widget reads
them from its scene with ``scene_annotation.masks_from_scene``), so the same machine serves the
Slicer widget and a browser wizard.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import (
    CaseFolder,
    FolderVersion,
    latest_version,
    load_case,
    reference_image,
    save_annotation_version,
)
from CNSTumorAnnotationLib.i18n import N_, tr, using_language
from CNSTumorAnnotationLib.selfcheck.case_check import (
    case_transforms,
    run_selfcheck,
    write_selfcheck,
)
from CNSTumorAnnotationLib.selfcheck.core import check_masks
from CNSTumorAnnotationLib.selfcheck.params import (
    CHECKLIST,
    NO_EDEMA_REGIONS,
    NO_ENHANCEMENT_REGIONS,
    Confirmations,
    SelfCheckParameters,
)
from CNSTumorAnnotationLib.selfcheck.rules import is_empty
from CNSTumorAnnotationLib.wizard import session
from CNSTumorAnnotationLib.wizard.guidance import Guidance, step_guidance
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError
from CNSTumorQCLib.findings import Finding, Severity

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


class WizardStep(enum.Enum):
    """The wizard's steps; the values are written to ``wizard_session.json`` (a file format)."""

    REVIEW_SEQUENCES = "review_sequences"
    DRAW = "draw"
    SELF_CHECK = "self_check"
    CONFIRM_CHECKLIST = "confirm_checklist"
    SAVE = "save"
    DONE = "done"


#: The moves each step allows (the table the widget enables its buttons from).
ALLOWED_MOVES: dict[WizardStep, tuple[str, ...]] = {
    WizardStep.REVIEW_SEQUENCES: ("confirm_review",),
    WizardStep.DRAW: (
        "next_region",
        "previous_region",
        "go_to_region",
        "finish_drawing",
        "confirm_no_enhancement",
        "confirm_no_edema",
    ),
    WizardStep.SELF_CHECK: ("run_self_check", "go_to_region"),
    WizardStep.CONFIRM_CHECKLIST: (
        "confirm_item",
        "confirm_no_enhancement",
        "confirm_no_edema",
        "withdraw_item",
        "finish_checklist",
        "go_to_region",
    ),
    WizardStep.SAVE: ("save", "go_to_region"),
    WizardStep.DONE: (),
}

#: The checklist key of R-ANN-4's "no enhancement" confirmation.
NO_ENHANCEMENT = "no_enhancement"
#: The checklist key of R-SEG-7's "no peritumoral edema" confirmation (meningeal tumors).
NO_EDEMA = "no_edema"
#: The texts of those two items (marked for translation: shown with ``tr``).
NO_ENHANCEMENT_TEXT = N_(
    "The tumor shows no definite enhancement: the enhancing region is left empty on purpose"
)
NO_EDEMA_TEXT = N_(
    "The meningeal tumor has no peritumoral edema: the edema region is left empty on purpose"
)


def _deferred(finding: Finding, empty: set[str]) -> bool:
    """An empty enhancing (or meningeal edema) region waits for its checklist item (R-ANN-4,
    R-SEG-7) instead of blocking."""
    return (
        finding.rule == "R-ANN-4"
        and finding.region in (*NO_ENHANCEMENT_REGIONS, *NO_EDEMA_REGIONS)
        and finding.region in empty
    )


class AnnotationWizard:
    """One annotator's session on one case; see the module docstring."""

    def __init__(self, case: CaseFolder, record: dict[str, Any]) -> None:
        self.case = case
        self.record = record

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def start(
        cls, case: CaseFolder | Path | str, annotator: str, *, restart: bool = False
    ) -> AnnotationWizard:
        """A new session (refuses to discard an unfinished one unless ``restart``)."""
        loaded = case if isinstance(case, CaseFolder) else load_case(case)
        if not annotator.strip():
            raise InvalidInputError(tr("the wizard needs the annotator's name (R-FLOW-1)"))
        existing = session.read_record(loaded.root)
        if existing and existing["step"] != WizardStep.DONE.value and not restart:
            raise WorkflowError(
                tr(
                    (
                        "an unfinished wizard session of {annotator} is at step {step}: "
                        "resume it or restart"
                    ),
                    annotator=existing["annotator"],
                    step=existing["step"],
                ),
                session.session_path(loaded.root),
            )
        parent = latest_version(loaded)
        record = session.new_record(
            loaded.case_id,
            annotator.strip(),
            parent.version if parent else None,
            list(loaded.schema.keys),
        )
        wizard = cls(loaded, record)
        wizard._commit("start", annotator.strip(), {"step": None, "region": None}, None)
        return wizard

    @classmethod
    def resume(cls, case: CaseFolder | Path | str) -> AnnotationWizard:
        """The case's live session, where it stopped."""
        loaded = case if isinstance(case, CaseFolder) else load_case(case)
        record = session.read_record(loaded.root)
        if record is None:
            raise WorkflowError(
                tr("no wizard session to resume"), session.session_path(loaded.root)
            )
        return cls(loaded, record)

    # ---- state ---------------------------------------------------------------------------
    @property
    def step(self) -> WizardStep:
        return WizardStep(self.record["step"])

    @property
    def region(self) -> str | None:
        return self.record["region"]

    @property
    def annotator(self) -> str:
        return str(self.record["annotator"])

    def allowed_moves(self) -> tuple[str, ...]:
        return ALLOWED_MOVES[self.step]

    def guidance(self, lang: str | None = None) -> Guidance:
        """The current step's guidance in ``lang`` (default: the language in effect)."""
        region = (
            self.case.schema.region(self.region)
            if self.step is WizardStep.DRAW and self.region
            else None
        )
        return step_guidance(self.step.value, lang, region)

    def checklist(self) -> list[dict[str, Any]]:
        """The items a person confirms, each with its rule, text (in the language in effect) and
        who confirmed it when. The keys and rules are identifiers and never change."""
        confirmed = self.record["confirmations"]["checklist"]
        items = [
            {"key": key, "rule": rule, "text": tr(text), "confirmed": confirmed.get(key)}
            for key, (rule, text) in CHECKLIST.items()
        ]
        if self._needs_no_enhancement():
            items.append(
                {
                    "key": NO_ENHANCEMENT,
                    "rule": "R-ANN-4",
                    "text": tr(NO_ENHANCEMENT_TEXT),
                    "confirmed": self.record["confirmations"][NO_ENHANCEMENT],
                }
            )
        if any(k in NO_EDEMA_REGIONS for k in self.record["empty_regions"]):
            items.append(
                {
                    "key": NO_EDEMA,
                    "rule": "R-SEG-7",
                    "text": tr(NO_EDEMA_TEXT),
                    "confirmed": self.record["confirmations"].get(NO_EDEMA),
                }
            )
        return items

    def confirmations(self) -> Confirmations:
        """The confirmations as the self-check takes them (recorded in its report)."""
        c = self.record["confirmations"]
        return Confirmations(
            no_enhancement=c[NO_ENHANCEMENT] is not None,
            no_edema=c.get(NO_EDEMA) is not None,
            checklist=frozenset(c["checklist"]),
            confirmed_by=self.annotator,
        )

    def state(self, lang: str | None = None) -> dict[str, Any]:
        """Everything a UI needs to render the current step (its words in ``lang``, default:
        the language in effect)."""
        guidance = self.guidance(lang)
        with using_language(lang):
            checklist = self.checklist()
        return {
            "case_id": self.case.case_id,
            "annotator": self.annotator,
            "step": self.step.value,
            "region": self.region,
            "allowed_moves": list(self.allowed_moves()),
            "guidance": guidance.to_dict(),
            "checklist": checklist,
            "last_selfcheck": self.record["last_selfcheck"],
            "saved_version": self.record["saved_version"],
        }

    # ---- moves ---------------------------------------------------------------------------
    def _require(self, move: str) -> dict[str, Any]:
        if move not in self.allowed_moves():
            allowed = ", ".join(self.allowed_moves()) or tr("none (the session is done)")
            if self.region:
                message = tr(
                    "cannot {move} at step {step} (region {region}); allowed moves: {allowed}",
                    move=move,
                    step=self.step.value,
                    region=self.region,
                    allowed=allowed,
                )
            else:
                message = tr(
                    "cannot {move} at step {step}; allowed moves: {allowed}",
                    move=move,
                    step=self.step.value,
                    allowed=allowed,
                )
            raise WorkflowError(message, session.session_path(self.case.root))
        return {"step": self.record["step"], "region": self.record["region"]}

    def _who(self, who: str | None) -> str:
        return (who or self.annotator).strip() or self.annotator

    def _commit(
        self, move: str, who: str, before: dict[str, Any], details: dict[str, Any] | None
    ) -> None:
        session.add_event(self.record, move, who, before, details)
        session.write_record(self.case.root, self.record)

    def _goto(self, step: WizardStep, region: str | None = None) -> None:
        self.record["step"] = step.value
        self.record["region"] = region

    def confirm_review(self, who: str | None = None) -> None:
        """R-ANN-1: all sequences and slices reviewed; drawing starts with the first region."""
        before = self._require("confirm_review")
        self.record["confirmations"]["review_sequences"] = {
            "by": self._who(who),
            "at": session.now(),
        }
        self._goto(WizardStep.DRAW, self.case.schema.keys[0])
        self._commit("confirm_review", self._who(who), before, {"rule": "R-ANN-1"})

    def next_region(self) -> None:
        """The next region in the schema's order, or the self-check after the last one."""
        before = self._require("next_region")
        keys = self.case.schema.keys
        index = keys.index(str(self.region))
        if index + 1 < len(keys):
            self._goto(WizardStep.DRAW, keys[index + 1])
        else:
            self._goto(WizardStep.SELF_CHECK)
        self._commit("next_region", self.annotator, before, None)

    def previous_region(self) -> None:
        before = self._require("previous_region")
        keys = self.case.schema.keys
        index = keys.index(str(self.region))
        if index == 0:
            raise WorkflowError(
                tr("{region} is the first region; there is none before it", region=keys[0])
            )
        self._goto(WizardStep.DRAW, keys[index - 1])
        self._commit("previous_region", self.annotator, before, None)

    def go_to_region(self, key: str) -> None:
        """Back to drawing a region (from a later step, e.g. to fix a self-check finding)."""
        before = self._require("go_to_region")
        self.case.schema.region(key)  # SchemaError for an unknown key
        self._goto(WizardStep.DRAW, key)
        self._commit("go_to_region", self.annotator, before, {"region": key})

    def finish_drawing(self) -> None:
        """Straight to the self-check from any region (after going back to fix one)."""
        before = self._require("finish_drawing")
        self._goto(WizardStep.SELF_CHECK)
        self._commit("finish_drawing", self.annotator, before, None)

    def run_self_check(
        self, masks: Mapping[str, sitk.Image], *, parameters: SelfCheckParameters | None = None
    ) -> tuple[Finding, ...]:
        """Self-check the current drawing; errors send the annotator back to draw their region."""
        before = self._require("run_self_check")
        params = parameters or SelfCheckParameters()
        references = {seq: reference_image(self.case, seq) for seq in self.case.volumes}
        result = check_masks(
            masks,
            references,
            self.case.schema,
            confirmations=self.confirmations(),
            parameters=params,
            transforms=case_transforms(self.case, params.common_space),
        )
        empty = {key for key in self.case.schema.keys if is_empty(masks.get(key))}
        self.record["empty_regions"] = sorted(empty)
        blocking = [
            f for f in result.findings if f.severity is Severity.ERROR and not _deferred(f, empty)
        ]
        self.record["last_selfcheck"] = _summary(result.findings, blocking, "drawing")
        if blocking:
            self._goto(WizardStep.DRAW, self._region_to_fix(blocking))
        else:
            self._goto(WizardStep.CONFIRM_CHECKLIST)
        self._commit("run_self_check", self.annotator, before, self.record["last_selfcheck"])
        return result.findings

    def _region_to_fix(self, blocking: list[Finding]) -> str:
        named = {f.region for f in blocking if f.region in self.case.schema.keys}
        for key in self.case.schema.keys:
            if key in named:
                return key
        return self.case.schema.keys[0]

    def _needs_no_enhancement(self) -> bool:
        return any(k in NO_ENHANCEMENT_REGIONS for k in self.record["empty_regions"])

    def confirm_item(self, key: str, who: str | None = None) -> None:
        """A person confirms a checklist item (recorded with who and when)."""
        before = self._require("confirm_item")
        if key == NO_ENHANCEMENT:
            raise InvalidInputError(
                tr('confirm "no enhancement" with confirm_no_enhancement (R-ANN-4)')
            )
        if key == NO_EDEMA:
            raise InvalidInputError(
                tr('confirm "no peritumoral edema" with confirm_no_edema (R-SEG-7)')
            )
        if key not in CHECKLIST:
            raise InvalidInputError(
                tr(
                    "unknown checklist item {key!r}; known: {known}",
                    key=key,
                    known=", ".join(CHECKLIST),
                )
            )
        self.record["confirmations"]["checklist"][key] = {"by": self._who(who), "at": session.now()}
        self._commit(
            "confirm_item", self._who(who), before, {"item": key, "rule": CHECKLIST[key][0]}
        )

    def confirm_no_enhancement(self, who: str | None = None) -> None:
        """R-ANN-4: the tumor shows no definite enhancement; the enhancing region stays empty."""
        before = self._require("confirm_no_enhancement")
        if not any(k in NO_ENHANCEMENT_REGIONS for k in self.case.schema.keys):
            raise InvalidInputError(
                tr("this schema has no separate enhancing region to leave empty (R-SEG-5)")
            )
        self.record["confirmations"][NO_ENHANCEMENT] = {"by": self._who(who), "at": session.now()}
        self._commit("confirm_no_enhancement", self._who(who), before, {"rule": "R-ANN-4"})

    def confirm_no_edema(self, who: str | None = None) -> None:
        """R-SEG-7: a meningeal tumor without peritumoral edema; the edema region stays empty."""
        before = self._require("confirm_no_edema")
        if not any(k in NO_EDEMA_REGIONS for k in self.case.schema.keys):
            raise InvalidInputError(
                tr("only the meningeal schema has an edema region to leave empty")
            )
        self.record["confirmations"][NO_EDEMA] = {"by": self._who(who), "at": session.now()}
        self._commit("confirm_no_edema", self._who(who), before, {"rule": "R-SEG-7"})

    def withdraw_item(self, key: str, who: str | None = None) -> None:
        """Take back a confirmation (recorded too)."""
        before = self._require("withdraw_item")
        confirmations = self.record["confirmations"]
        if key == NO_ENHANCEMENT:
            confirmations[NO_ENHANCEMENT] = None
        elif key == NO_EDEMA:
            confirmations[NO_EDEMA] = None
        elif confirmations["checklist"].pop(key, None) is None:
            raise InvalidInputError(tr("checklist item {key!r} was not confirmed", key=key))
        self._commit("withdraw_item", self._who(who), before, {"item": key})

    def open_items(self) -> list[str]:
        return [item["key"] for item in self.checklist() if not item["confirmed"]]

    def finish_checklist(self) -> None:
        """On to saving once every item is confirmed."""
        before = self._require("finish_checklist")
        missing = self.open_items()
        if missing:
            raise WorkflowError(
                tr(
                    "confirm every checklist item before saving; still open: {missing}",
                    missing=", ".join(missing),
                ),
                session.session_path(self.case.root),
            )
        self._goto(WizardStep.SAVE)
        self._commit("finish_checklist", self.annotator, before, None)

    def save(
        self,
        masks: Mapping[str, sitk.Image] | None = None,
        *,
        loaded: Any = None,
        runtime: MRMLRuntime | None = None,
        note: str = "",
    ) -> FolderVersion:
        """Save a new version (from ``masks`` or a scene's ``LoadedCase``), then self-check it."""
        before = self._require("save")
        note = note or tr(
            "saved by the annotation wizard ({wizard_version})",
            wizard_version=session.WIZARD_VERSION,
        )
        if loaded is not None:
            from CNSTumorAnnotationLib.mrml.scene_annotation import save_scene_annotation

            version = save_scene_annotation(loaded, self.annotator, runtime, note=note)
            self.case = loaded.case
        elif masks is not None:
            version = save_annotation_version(
                self.case,
                dict(masks),
                self.annotator,
                runtime=runtime,
                note=note,
                parent=self.record["parent_version"],
            )
        else:
            raise InvalidInputError(tr("save needs the masks or the scene's loaded case"))
        report = run_selfcheck(self.case, version.version, self.confirmations(), runtime=runtime)
        write_selfcheck(report, self.case.root)
        blocking = [f for f in report.findings if f.severity is Severity.ERROR]
        self.record["saved_version"] = version.version
        self.record["last_selfcheck"] = _summary(
            report.findings, blocking, f"version {version.version}"
        )
        if blocking:
            self._goto(WizardStep.DRAW, self._region_to_fix(blocking))
        else:
            self._goto(WizardStep.DONE)
        self._commit("save", self.annotator, before, {"version": version.version})
        if self.step is WizardStep.DONE:
            session.archive_record(self.case.root, self.record, version.version)
        return version


def _summary(findings: tuple[Finding, ...], blocking: list[Finding], what: str) -> dict[str, Any]:
    return {
        "of": what,
        "at": session.now(),
        "counts": {s.value: sum(f.severity is s for f in findings) for s in Severity},
        "blocking": [{"rule": f.rule, "region": f.region, "message": f.message} for f in blocking],
    }
