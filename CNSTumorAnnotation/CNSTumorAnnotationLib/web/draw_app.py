"""The drawing wizard in the browser: one trame-slicer server per signed-in person and case.

Started by the front server (:mod:`.workers`) with the person and case it already checked,
on 127.0.0.1 and guarded by a one-time wslink secret. It loads the case folder into
trame-slicer's MRML scene (the same ``load_case_into_scene`` the Slicer module uses) and offers:

- review of every sequence with window/level presets (R-ANN-1, R-ANN-6) before drawing;
- per-region drawing on the region's reference sequence, shown in its own native axial
  geometry with no registration transform (R-ANN-8), with trame-slicer's Segment Editor
  (paint, erase, threshold, islands, smoothing, scissors) and undo/redo, and the region's
  voxel count and volume, updated once the edits pause;
- save a new version (case folder + project version), the self-check with findings that jump
  to their slice, and submit: the same workflow calls as ``cnstumor project`` (R-ANN-9);
- for a reviewer, a read-only view with the previous version as an outline overlay.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import numpy as np
from trame.app import TrameApp
from trame.widgets import html
from trame.widgets import vuetify3 as v3
from trame_server.utils.typed_state import TypedState
from trame_slicer import module as trame_slicer_module
from trame_slicer.app.logic.segmentation import SegmentEditorLogic
from trame_slicer.app.ui import SegmentEditorUI, ViewerLayoutState
from trame_slicer.core import LayoutManager, SlicerApp
from trame_slicer.rca_view import register_rca_factories
from trame_vuetify.ui.vuetify3 import SinglePageWithDrawerLayout

from CNSTumorAnnotationLib.case.folder import load_case, reference_image
from CNSTumorAnnotationLib.i18n import tr, using_language
from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime
from CNSTumorAnnotationLib.mrml.scene import LoadedCase, load_case_into_scene
from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene
from CNSTumorAnnotationLib.mrml.segmentation import segment_voxel_count
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.case_bridge import save_case_folder_version
from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE
from CNSTumorAnnotationLib.web.i18n import t
from CNSTumorAnnotationLib.wizard import session
from CNSTumorAnnotationLib.wizard.machine import NO_ENHANCEMENT, AnnotationWizard, WizardStep
from CNSTumorQCLib.errors import CNSTumorError, WorkflowError
from CNSTumorQCLib.sequences import MRSequence

#: window/level presets as intensity percentiles of the volume (MR has no fixed units)
WL_PRESETS = {"auto": None, "narrow": (5.0, 95.0), "wide": (0.5, 99.8), "full": (0.0, 100.0)}

#: the region's voxel count is shown this long after its last edit: a stroke's frame first
COUNT_DELAY_S = 0.3


def runtime_of(app: SlicerApp) -> MRMLRuntime:
    """trame-slicer's scene and logics as the runtime every Lib function takes."""
    return MRMLRuntime(
        scene=app.scene,
        app_logic=app.app_logic,
        volumes_logic=app.volumes_logic,
        segmentations_logic=app.segmentations_logic,
        terminologies_logic=app.terminologies_logic,
        colors_logic=app.color_logic,
        subject_hierarchy_logic=app.subject_hierarchy_logic,
        in_slicer_application=False,
    )


class DrawApp(TrameApp):
    """One person's wizard on one case (see the module docstring)."""

    def __init__(
        self, server: Any, project_dir: Path, case_id: str, person_id: str, read_only: bool
    ) -> None:
        super().__init__(server)
        self.server.enable_module(trame_slicer_module)
        self.project_dir, self.case_id, self.person_id = project_dir, case_id, person_id
        self.read_only = read_only
        with Project.open(project_dir) as project:
            self.lang = project.person(person_id).language
            folder = project.directory / project.case(case_id).folder
        self.slicer = SlicerApp()
        register_rca_factories(self.slicer.view_manager, self.server)
        self.layout_manager = LayoutManager(
            self.slicer.scene, self.slicer.view_manager, self.server
        )
        self.layout_manager.register_layout_dict(LayoutManager.default_grid_configuration())
        self.layout_manager.set_layout("Axial Only")
        self._single_sample_views()
        TypedState(self.server.state, ViewerLayoutState)
        self.editor_logic = SegmentEditorLogic(self.server, self.slicer)
        self.runtime = runtime_of(self.slicer)
        self._references: dict[MRSequence, Any] = {}
        self.loaded: LoadedCase = load_case_into_scene(load_case(folder), self.runtime)
        self._native_geometry()
        self.overlay = self._previous_overlay() if read_only else None
        self.wizard = None if read_only else self._open_wizard()
        self.regions = list(self.loaded.case.schema.regions)
        state = self.server.state
        state.regions = [
            {
                "key": r.key,
                "name": r.name_zh if self.lang == "zh" else r.key,
                "sequence": r.reference_sequence.value,
            }
            for r in self.regions
        ]
        state.sequences = [s.value for s in self.loaded.volume_nodes]
        state.active_region = ""
        state.active_sequence = ""
        state.step = self.wizard.step.value if self.wizard else "read_only"
        state.checklist = []
        state.findings = []
        state.message = ""
        state.version = self.loaded.version.version if self.loaded.version else 0
        state.read_only = read_only
        state.wl_preset = "auto"
        state.region_voxels = -1
        state.region_ml = 0.0
        self._count_timer: asyncio.TimerHandle | None = None
        self.slicer.segmentation_editor.segmentation_modified.connect(self._count_later)
        self._build_ui()
        self._sync()
        state.slice_index = 0
        state.slice_z = 0.0
        first = MRSequence.FLAIR if MRSequence.FLAIR in self.loaded.volume_nodes else None
        self.show_sequence(first.value if first else state.sequences[0], reset=True)

    # -- the wizard state machine (the same one the Slicer module drives) --------------------
    def _open_wizard(self) -> AnnotationWizard:
        """The person's unfinished session on this case, or a new one."""
        record = session.read_record(self.loaded.case.root)
        if (
            record
            and record["step"] != WizardStep.DONE.value
            and record["annotator"] == self.person_id
        ):
            return AnnotationWizard.resume(self.loaded.case)
        return AnnotationWizard.start(self.loaded.case, self.person_id, restart=True)

    def _sync(self) -> None:
        """Mirror the machine's step and checklist (in the person's language) into the page."""
        if self.wizard is None:
            return
        self.server.state.step = self.wizard.step.value
        with using_language(self.lang):
            items = self.wizard.checklist()
        self.server.state.checklist = [
            {"key": i["key"], "rule": i["rule"], "text": i["text"], "done": bool(i["confirmed"])}
            for i in items
        ]

    def confirm_review(self) -> None:
        """R-ANN-1: every sequence and slice reviewed; drawing starts."""
        self._guard(lambda: self._wizard().confirm_review(self.person_id))
        self._sync()

    def confirm_item(self, key: str) -> None:
        def _confirm() -> None:
            if key == NO_ENHANCEMENT:
                self._wizard().confirm_no_enhancement(self.person_id)
            else:
                self._wizard().confirm_item(key, self.person_id)

        self._guard(_confirm)
        self._sync()

    def finish_checklist(self) -> None:
        self._guard(lambda: self._wizard().finish_checklist())
        self._sync()

    def _wizard(self) -> AnnotationWizard:
        if self.wizard is None:
            raise WorkflowError(tr("this view is read-only"))
        return self.wizard

    # -- scene -----------------------------------------------------------------------------
    def _single_sample_views(self) -> None:
        """Render the views without multisampling. The worker renders in software (Mesa's
        llvmpipe, no GPU), where trame-slicer's default 4x multisampling made a 814x918 slice
        frame take 43 ms instead of 3.5 and the worker spend 370-640 ms of CPU per brush stroke
        instead of about 220 (measured on this 2-core machine); every frame of a stroke waits
        for those. A slice is a textured image, which multisampling does not smooth."""
        for view in self.slicer.view_manager.get_views():
            view.render_window().SetMultiSamples(0)

    def _native_geometry(self) -> None:
        """R-ANN-8: draw on the original axial images: no registration transform on display."""
        for node in [*self.loaded.volume_nodes.values(), *self.loaded.segmentation_nodes.values()]:
            node.SetAndObserveTransformNodeID(None)
        for node in self.loaded.segmentation_nodes.values():
            node.GetDisplayNode().SetVisibility(False)

    def _previous_overlay(self) -> dict[MRSequence, Any] | None:
        """The version before the latest as outlines (a reviewer compares the two)."""
        case = self.loaded.case
        if len(case.annotations) < 2:
            return None
        previous = load_case_into_scene(case, self.runtime, case.annotations[-2].version)
        for sequence, node in previous.segmentation_nodes.items():
            node.SetAndObserveTransformNodeID(None)
            display = node.GetDisplayNode()
            display.SetVisibility2DFill(False)
            display.SetVisibility(False)
            node.SetName(f"previous {sequence.value}")
        for volume in previous.volume_nodes.values():
            self.slicer.scene.RemoveNode(volume)
        return previous.segmentation_nodes

    def show_sequence(self, sequence_value: str, *, reset: bool = False) -> None:
        """Show a sequence on its own axial plane (R-ANN-8). The field of view and the slice
        position are kept, so the same screen point is the same place in every sequence."""
        sequence = MRSequence(sequence_value)
        volume = self.loaded.volume_nodes[sequence]
        views = self.slicer.view_manager.get_slice_views()
        offsets = [view.get_slice_value() for view in views]
        self.slicer.display_manager.show_volume_in_slice_background(volume)
        for view, offset in zip(views, offsets, strict=True):
            node = view.get_view_node()
            if hasattr(node, "RotateToVolumePlane"):
                node.RotateToVolumePlane(volume)
            if reset:
                view.fit_view_to_content()
            else:
                view.set_slice_value(offset)
        for seq, node in self.loaded.segmentation_nodes.items():
            node.GetDisplayNode().SetVisibility(seq is sequence)
        for seq, node in (self.overlay or {}).items():
            node.GetDisplayNode().SetVisibility(seq is sequence)
        self.server.state.active_sequence = sequence_value
        self.apply_preset(self.server.state.wl_preset)
        self.server.state.slice_index = self.slice_index()
        for view in views:
            view.schedule_render()

    def slice_index(self) -> int:
        """The index k of the displayed slice in the sequence's file (the index the self-check
        and the reviewers' comments use; Slicer's own IJK may run the other way)."""
        sequence = MRSequence(self.server.state.active_sequence)
        to_ras = self.slicer.view_manager.get_slice_views()[0].get_view_node().GetSliceToRAS()
        ras = [to_ras.GetElement(axis, 3) for axis in range(3)]
        self.server.state.slice_z = round(ras[2], 2)
        image = self._reference(sequence)
        index = image.TransformPhysicalPointToContinuousIndex((-ras[0], -ras[1], ras[2]))
        return int(round(index[2]))

    def _reference(self, sequence: MRSequence) -> Any:
        if sequence not in self._references:
            self._references[sequence] = reference_image(self.loaded.case, sequence)
        return self._references[sequence]

    def apply_preset(self, preset: str) -> None:
        """R-ANN-6: window/level presets from the displayed volume's intensity percentiles."""
        volume = self.loaded.volume_nodes[MRSequence(self.server.state.active_sequence)]
        display = volume.GetDisplayNode()
        if preset not in WL_PRESETS:
            return
        bounds = WL_PRESETS[preset]
        if bounds is None:
            display.AutoWindowLevelOn()
        else:
            from CNSTumorAnnotationLib.mrml.io import array_from_volume

            values = array_from_volume(volume)
            low, high = np.percentile(values[values > 0] if values.any() else values, bounds)
            display.AutoWindowLevelOff()
            display.SetWindowLevel(float(max(high - low, 1.0)), float((high + low) / 2))
        self.server.state.wl_preset = preset

    def select_region(self, key: str) -> None:
        """Draw one region on its reference sequence (R-ANN-8); only after the review (R-ANN-1)."""
        if self.wizard is not None:
            if self.wizard.step is WizardStep.REVIEW_SEQUENCES:
                self.server.state.message = t("review_sequences", self.lang)
                return
            if "go_to_region" in self.wizard.allowed_moves():
                self.wizard.go_to_region(key)
            self._sync()
        region = next(r for r in self.regions if r.key == key)
        sequence = region.reference_sequence
        self.show_sequence(sequence.value)
        if not self.read_only:
            editor = self.slicer.segmentation_editor
            editor.set_active_segmentation(
                self.loaded.segmentation_nodes[sequence], self.loaded.volume_nodes[sequence]
            )
            editor.set_active_segment_id(key)
        self.server.state.active_region = key
        self.server.state.message = ""
        self._count_voxels()

    def _count_later(self, *_: Any) -> None:
        """Count the active region's voxels once the edits pause, off the stroke's path."""
        if self._count_timer is not None:
            self._count_timer.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not serving yet
            return
        self._count_timer = loop.call_later(COUNT_DELAY_S, self._count_voxels)

    def _count_voxels(self) -> None:
        self._count_timer = None
        key = self.server.state.active_region
        if not key:
            return
        node = self.loaded.segmentation_for(key)
        count = segment_voxel_count(node, key)
        volume = self.loaded.volume_nodes[self.loaded.case.schema.region(key).reference_sequence]
        voxel_ml = float(np.prod(volume.GetSpacing())) / 1000.0
        with self.server.state:
            self.server.state.region_voxels = count
            self.server.state.region_ml = round(count * voxel_ml, 2)

    def go_to(self, sequence_value: str, slice_index: int) -> None:
        """Show slice ``slice_index`` (k in the file) of a sequence: where a finding points."""
        sequence = MRSequence(sequence_value)
        self.show_sequence(sequence_value)
        image = self._reference(sequence)
        size = image.GetSize()
        lps = image.TransformContinuousIndexToPhysicalPoint(
            ((size[0] - 1) / 2, (size[1] - 1) / 2, float(slice_index))
        )
        for view in self.slicer.view_manager.get_slice_views():
            view.get_view_node().JumpSliceByCentering(-lps[0], -lps[1], lps[2])
        self.server.state.slice_index = self.slice_index()

    # -- workflow (the same calls as the CLI) ------------------------------------------------
    def self_check(self) -> None:
        """The self-check of the current drawing (the machine's ``run_self_check``)."""
        self._guard(self._self_check)
        self._sync()

    def _self_check(self) -> None:
        wizard = self._wizard()
        if wizard.step is WizardStep.DRAW:
            wizard.finish_drawing()
        findings = wizard.run_self_check(masks_from_scene(self.loaded))
        self._show_findings(findings)
        passed = wizard.step is WizardStep.CONFIRM_CHECKLIST
        self.server.state.message = (
            tr("self-check passed: confirm the checklist")
            if passed
            else tr("self-check blocked (R-ANN-9)")
        )

    def save(self) -> None:
        """Save a new version (the machine saves and self-checks it), then record both in the
        project as the signed-in annotator: the same calls as ``cnstumor project save|selfcheck``."""
        self._guard(self._save)
        self._sync()

    def _save(self) -> None:
        wizard = self._wizard()
        folder_version = wizard.save(loaded=self.loaded, runtime=self.runtime)
        with Project.open(self.project_dir) as project:
            version = save_case_folder_version(
                project,
                self.case_id,
                self.loaded.case.root,
                actor=self.person_id,
                version=folder_version.version,
            )
            passed = workflow.record_self_check(
                project, self.case_id, self.loaded.case.root / REPORT_FILE, actor=self.person_id
            )
        self.server.state.version = version.number
        if passed:
            self.server.state.message = tr(
                "{done}: v{version}, self-check passed",
                done=t("done", self.lang),
                version=version.number,
            )
        else:
            self.server.state.message = tr(
                "{done}: v{version}, self-check blocked (R-ANN-9)",
                done=t("done", self.lang),
                version=version.number,
            )
        if wizard.step is WizardStep.DONE:  # a revision after this is a new session
            self.wizard = AnnotationWizard.start(self.loaded.case, self.person_id, restart=True)

    def _show_findings(self, findings: Any) -> None:
        self.server.state.findings = [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "region": f.region or "",
                "slice": f.slice_index if f.slice_index is not None else -1,
                "sequence": self._sequence_of(f.region),
            }
            for f in findings
        ]

    def submit(self) -> None:
        def _submit() -> None:
            with Project.open(self.project_dir) as project:
                workflow.submit(project, self.case_id, actor=self.person_id)
            self.server.state.message = tr("{done}: submitted", done=t("done", self.lang))

        self._guard(_submit)

    def _sequence_of(self, region_key: str | None) -> str:
        for region in self.regions:
            if region.key == region_key:
                return region.reference_sequence.value
        return self.server.state.active_sequence

    def _guard(self, action: Any) -> None:
        """Run a workflow action in the signed-in person's language (the self-check's findings,
        its verdict and any refusal are written for them); a refusal becomes the message."""
        if self.read_only:
            self.server.state.message = t("read_only", self.lang)
            return
        with using_language(self.lang):
            try:
                action()
            except CNSTumorError as error:
                self.server.state.message = f"{t('refused', self.lang)}: {error}"

    # -- UI ---------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        lang = self.lang
        with SinglePageWithDrawerLayout(self.server, full_height=True) as self.ui:
            self.ui.title.set_text(f"{t('case', lang)} {self.case_id}")
            self.ui.root.theme = "dark"
            with self.ui.toolbar:
                v3.VSpacer()
                html.Span("{{ message }}", id="message", classes="mx-2")
                html.Span(
                    "{{ active_sequence }} k={{ slice_index }} z={{ slice_z }}",
                    id="slice",
                    classes="mx-2",
                )
                html.Span("v{{ version }}", id="version", classes="mx-2")
            with self.ui.drawer as drawer:
                drawer.width = 360
                with html.Div(classes="pa-2"):
                    html.Div(t("sequences", lang), classes="text-subtitle-2")
                    with html.Div(classes="d-flex flex-wrap"):
                        v3.VBtn(
                            "{{ s }}",
                            v_for="s in sequences",
                            key="s",
                            size="small",
                            id=("`sequence-${s}`",),
                            classes="ma-1",
                            color=("s === active_sequence ? 'primary' : ''",),
                            click=(self.show_sequence, "[s]"),
                        )
                    with html.Div(classes="d-flex flex-wrap"):
                        for preset in WL_PRESETS:
                            v3.VBtn(
                                preset,
                                size="x-small",
                                id=f"wl-{preset}",
                                classes="ma-1",
                                click=(self.apply_preset, f"['{preset}']"),
                            )
                    v3.VBtn(
                        t("review_sequences", lang),
                        id="reviewed",
                        size="small",
                        classes="ma-1",
                        prepend_icon="mdi-check",
                        v_if=("step === 'review_sequences'",),
                        click=self.confirm_review,
                    )
                    html.Div(t("region", lang), classes="text-subtitle-2 mt-2")
                    with html.Div(classes="d-flex flex-wrap"):
                        v3.VBtn(
                            "{{ r.name }} ({{ r.sequence }})",
                            v_for="r in regions",
                            key="r.key",
                            size="small",
                            classes="ma-1",
                            id=("`region-${r.key}`",),
                            color=("r.key === active_region ? 'primary' : ''",),
                            click=(self.select_region, "[r.key]"),
                        )
                    with html.Div(v_if=("!read_only",), classes="mt-2"):
                        html.Div("{{ step }}", id="step", classes="text-caption")
                        v3.VBtn(
                            t("self_check", lang),
                            id="self-check",
                            click=self.self_check,
                            classes="ma-1",
                        )
                        with html.Div(v_if=("step === 'confirm_checklist'",), id="checklist"):
                            html.Div(t("checklist", lang), classes="text-subtitle-2")
                            v3.VCheckbox(
                                v_for="item in checklist",
                                key="item.key",
                                label=("`${item.rule}: ${item.text}`",),
                                model_value=("item.done",),
                                id=("`confirm-${item.key}`",),
                                density="compact",
                                hide_details=True,
                                disabled=("item.done",),
                                click=(self.confirm_item, "[item.key]"),
                            )
                            v3.VBtn(
                                t("done", lang),
                                id="finish-checklist",
                                click=self.finish_checklist,
                                classes="ma-1",
                            )
                        v3.VBtn(
                            t("save", lang),
                            id="save",
                            click=self.save,
                            classes="ma-1",
                            disabled=("step !== 'save'",),
                        )
                        v3.VBtn(t("submit", lang), id="submit", click=self.submit, classes="ma-1")
                    with html.Div(classes="mt-2", id="findings"):
                        with html.Div(v_for="(f, i) in findings", key="i", classes="finding"):
                            html.Span("{{ f.rule }} {{ f.severity }}: {{ f.message }}")
                            v3.VBtn(
                                t("go_to", lang),
                                size="x-small",
                                v_if=("f.slice >= 0",),
                                id=("`goto-${i}`",),
                                click=(self.go_to, "[f.sequence, f.slice]"),
                            )
                with html.Div(v_if=("!read_only && active_region",)):
                    html.Div(
                        f"{{{{ active_region }}}}: {{{{ region_voxels }}}} {t('voxels', lang)}"
                        " ({{ region_ml }} ml)",
                        id="voxels",
                        classes="text-caption px-2",
                    )
                    self.editor_ui = SegmentEditorUI()
                    self.editor_logic.set_ui(self.editor_ui)
                    with html.Div(classes="d-flex"):
                        self.editor_ui.build_undo_redo_buttons()
            with self.ui.content:
                self.layout_manager.initialize_layout_grid(self.ui)


def main(argv: list[str] | None = None) -> None:
    from trame.app import get_server

    server = get_server(client_type="vue3")
    server.cli.add_argument("--project", required=True)
    server.cli.add_argument("--case", required=True)
    server.cli.add_argument("--person", required=True)
    server.cli.add_argument("--read-only", action="store_true")
    args, _ = server.cli.parse_known_args(argv)
    app = DrawApp(server, Path(args.project), args.case, args.person, args.read_only)
    app.server.start(open_browser=False)


if __name__ == "__main__":
    main(sys.argv[1:])
