"""CNSTumorAnnotation: annotate a case exactly as the consensus prescribes (SPEC.md R-SEG-*, R-ANN-*, R-FMT-*).

A thin Slicer module over ``CNSTumorAnnotationLib``: one segmentation per reference sequence in its
original axial geometry (R-ANN-8), the consensus regions as segments with colours and terminology,
the Segment Editor switched to each region's reference sequence, self-check (R-ANN-9), a new
annotation version on every save, and export (R-FMT-1..3). All behaviour lives in the Lib package.
"""

from pathlib import Path

import qt
import slicer
import vtk
from slicer.i18n import tr as _
from slicer.i18n import translate
from slicer.parameterNodeWrapper import parameterNodeWrapper
from slicer.ScriptedLoadableModule import *
from slicer.util import VTKObservationMixin

#
# CNSTumorAnnotation
#


class CNSTumorAnnotation(ScriptedLoadableModule):
    """Module metadata (ScriptedLoadableModule)."""

    def __init__(self, parent):
        ScriptedLoadableModule.__init__(self, parent)
        self.parent.title = _("CNS Tumor Annotation")
        self.parent.categories = [translate("qSlicerAbstractCoreModule", "Segmentation")]
        self.parent.dependencies = ["Segmentations", "SegmentEditor"]
        self.parent.contributors = ["CNSTumor developers (CNSTumor)"]
        self.parent.helpText = _(
            "A per-case wizard for annotating CNS-tumor MRI under the Chinese radiologists' expert "
            "consensus: whole tumor / edema on FLAIR, tumor body on T2, enhancing and non-enhancing "
            "regions on contrast T1, each on the original axial images; self-check, versioned saves "
            "and export to NIfTI, .seg.nrrd, DICOM SEG, BraTS and nnU-Net layouts."
        )
        self.parent.acknowledgementText = _(
            "Implements the Expert consensus on MR images annotation of central nervous system "
            "tumors (Chinese Association of Radiologists, Int J Med Radiol 2021;44(4):378-384)."
        )


#
# CNSTumorAnnotationParameterNode
#


@parameterNodeWrapper
class CNSTumorAnnotationParameterNode:
    """The wizard's state, stored in the scene.

    caseDirectory - the case folder (case.json, volumes/, annotations/).
    annotator - who is drawing (recorded in every saved version, R-FLOW-1).
    exportDirectory - where exports go.
    exportFormat - nifti, seg-nrrd, dicom-seg, brats, nnunet or all.
    language - guidance language, "en" or "zh".
    """

    caseDirectory: Path
    annotator: str = ""
    exportDirectory: Path
    exportFormat: str = "all"
    language: str = "en"


#
# CNSTumorAnnotationWidget
#


class CNSTumorAnnotationWidget(ScriptedLoadableModuleWidget, VTKObservationMixin):
    """Wires the wizard UI and the Segment Editor to CNSTumorAnnotationLogic.

    The steps, the moves each step allows and the guidance all come from the Qt-free wizard
    (CNSTumorAnnotationLib.wizard.machine); the widget only shows them and forwards button presses.
    """

    def __init__(self, parent=None) -> None:
        ScriptedLoadableModuleWidget.__init__(self, parent)
        VTKObservationMixin.__init__(self)
        self.logic = None
        self._parameterNode = None
        self._parameterNodeGuiTag = None
        self._loadedCase = None
        self._wizard = None

    def setup(self) -> None:
        ScriptedLoadableModuleWidget.setup(self)
        uiWidget = slicer.util.loadUI(self.resourcePath("UI/CNSTumorAnnotation.ui"))
        self.layout.addWidget(uiWidget)
        self.ui = slicer.util.childWidgetVariables(uiWidget)
        uiWidget.setMRMLScene(slicer.mrmlScene)

        self.logic = CNSTumorAnnotationLogic()

        self.ui.segmentEditorWidget.setMRMLScene(slicer.mrmlScene)
        self.ui.segmentEditorWidget.setMRMLSegmentEditorNode(self.logic.getSegmentEditorNode())

        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.StartCloseEvent, self.onSceneStartClose)
        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.EndCloseEvent, self.onSceneEndClose)

        self.ui.loadCaseButton.connect("clicked(bool)", self.onLoadCaseButton)
        # Each wizard move has one button; the wizard's allowed moves enable them.
        self._moveButtons = {
            "confirm_review": self.ui.confirmReviewButton,
            "previous_region": self.ui.previousRegionButton,
            "next_region": self.ui.nextRegionButton,
            "finish_drawing": self.ui.finishDrawingButton,
            "run_self_check": self.ui.selfCheckButton,
            "confirm_no_enhancement": self.ui.confirmNoEnhancementButton,
            "finish_checklist": self.ui.finishChecklistButton,
            "save": self.ui.saveVersionButton,
        }
        for move, button in self._moveButtons.items():
            button.connect("clicked(bool)", lambda checked, move=move: self.onMove(move))
        self.ui.checklistListWidget.connect(
            "itemChanged(QListWidgetItem*)", self.onChecklistItemChanged
        )
        self.ui.exportButton.connect("clicked(bool)", self.onExportButton)

        self.initializeParameterNode()
        self._refresh()

    def cleanup(self) -> None:
        self.removeObservers()

    def enter(self) -> None:
        self.initializeParameterNode()

    def exit(self) -> None:
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self._parameterNodeGuiTag = None
            self.removeObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._refresh)

    def onSceneStartClose(self, caller, event) -> None:
        self.setParameterNode(None)
        self._loadedCase = None
        self._wizard = None

    def onSceneEndClose(self, caller, event) -> None:
        if self.parent.isEntered:
            self.initializeParameterNode()

    def initializeParameterNode(self) -> None:
        self.setParameterNode(self.logic.getParameterNode())

    def setParameterNode(self, inputParameterNode) -> None:
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self.removeObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._refresh)
        self._parameterNode = inputParameterNode
        if self._parameterNode:
            self._parameterNodeGuiTag = self._parameterNode.connectGui(self.ui)
            self.addObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._refresh)
            self._refresh()

    def onLoadCaseButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to load the case."), waitCursor=True):
            p = self._parameterNode
            self._loadedCase, self._wizard = self.logic.loadCase(p.caseDirectory, p.annotator)
            self._refresh()

    def onMove(self, move: str) -> None:
        with slicer.util.tryWithErrorDisplay(
            _("The step could not be completed."), waitCursor=True
        ):
            findings = self.logic.move(self._wizard, self._loadedCase, move)
            if findings is not None:
                self._showFindings(findings)
            self._refresh()

    def onChecklistItemChanged(self, item) -> None:
        if self._wizard is None or self.ui.checklistListWidget.signalsBlocked():
            return
        with slicer.util.tryWithErrorDisplay(
            _("The confirmation was not recorded."), waitCursor=False
        ):
            key = item.data(256)  # Qt.UserRole
            self.logic.setChecklistItem(self._wizard, key, item.checkState() == 2)
            self._refresh()

    def onExportButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Export failed."), waitCursor=True):
            p = self._parameterNode
            result = self.logic.export(p.caseDirectory, p.exportDirectory, p.exportFormat)
            self.ui.statusLabel.text = _("Exported {n} files; manifest {path}").format(
                n=len(result.files()), path=str(result.manifest_path)
            )

    def _showFindings(self, findings) -> None:
        self.ui.findingsListWidget.clear()
        for line in self.logic.findingLines(findings):
            self.ui.findingsListWidget.addItem(line)

    def _refresh(self, caller=None, event=None) -> None:
        """Show the wizard's current step: allowed moves, guidance, checklist, drawing target."""
        loaded = self._wizard is not None
        self.ui.exportButton.enabled = loaded
        allowed = set(self.logic.allowedMoves(self._wizard))
        for move, button in self._moveButtons.items():
            button.enabled = move in allowed
        language = self._parameterNode.language if self._parameterNode else "en"
        self.ui.stepLabel.text = self.logic.stepTitle(self._wizard, language)
        self.ui.guidanceTextBrowser.setHtml(self.logic.guidanceHtml(self._wizard, language))
        self.ui.checklistListWidget.blockSignals(True)
        self.ui.checklistListWidget.clear()
        for key, text, confirmed in self.logic.checklistRows(self._wizard):
            item = qt.QListWidgetItem(text)
            item.setData(256, key)
            item.setFlags(item.flags() | qt.Qt.ItemIsUserCheckable)
            item.setCheckState(qt.Qt.Checked if confirmed else qt.Qt.Unchecked)
            self.ui.checklistListWidget.addItem(item)
        self.ui.checklistListWidget.blockSignals(False)
        target = self.logic.drawingTarget(self._wizard, self._loadedCase)
        if target is not None:
            # R-SEG-1..4, R-ANN-8: each region is drawn on its own reference sequence, original axial.
            segmentation, volume, segmentId = target
            self.ui.segmentEditorWidget.setSegmentationNode(segmentation)
            self.ui.segmentEditorWidget.setSourceVolumeNode(volume)
            self.ui.segmentEditorWidget.mrmlSegmentEditorNode().SetSelectedSegmentID(segmentId)
            slicer.util.setSliceViewerLayers(background=volume, fit=True)


#
# CNSTumorAnnotationLogic
#


class CNSTumorAnnotationLogic(ScriptedLoadableModuleLogic):
    """Calls CNSTumorAnnotationLib with Slicer's own scene; usable without the widget."""

    def __init__(self) -> None:
        ScriptedLoadableModuleLogic.__init__(self)
        from CNSTumorAnnotationLib.mrml.runtime import create_runtime
        from CNSTumorAnnotationLib.terminology import register_terminology

        self.runtime = create_runtime()
        register_terminology(self.runtime)  # the consensus regions' codes in the Segment Editor

    def getParameterNode(self):
        return CNSTumorAnnotationParameterNode(super().getParameterNode())

    def getSegmentEditorNode(self):
        node = slicer.mrmlScene.GetFirstNodeByClass("vtkMRMLSegmentEditorNode")
        if node is None:
            node = slicer.mrmlScene.AddNewNodeByClass(
                "vtkMRMLSegmentEditorNode", "CNSTumorSegmentEditor"
            )
        return node

    def loadCase(self, caseDirectory, annotator):
        """Load the case (volumes + one segmentation per reference sequence, R-ANN-8) and start
        or resume its annotation wizard."""
        from CNSTumorAnnotationLib.case.folder import load_case
        from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
        from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard

        case = load_case(Path(caseDirectory))
        loaded = load_case_into_scene(case, self.runtime)
        if (case.root / "wizard_session.json").is_file():
            wizard = AnnotationWizard.resume(case)
        else:
            if not annotator.strip():
                raise ValueError(_("Enter the annotator's name first (R-FLOW-1)."))
            wizard = AnnotationWizard.start(case, annotator.strip())
        return loaded, wizard

    def move(self, wizard, loadedCase, move):
        """Forward one wizard move; returns the self-check findings when the move produced them."""
        from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene

        if move == "run_self_check":
            return wizard.run_self_check(masks_from_scene(loadedCase))
        if move == "save":
            wizard.save(loaded=loadedCase, runtime=self.runtime)
            return None
        getattr(wizard, move)()
        return None

    @staticmethod
    def setChecklistItem(wizard, key, confirmed):
        """Record (or withdraw) a checklist confirmation with who and when."""
        if key == "no_enhancement" and confirmed:
            wizard.confirm_no_enhancement()
        elif key == "no_edema" and confirmed:  # R-SEG-7, meningeal tumors
            wizard.confirm_no_edema()
        elif confirmed:
            wizard.confirm_item(key)
        else:
            wizard.withdraw_item(key)

    @staticmethod
    def allowedMoves(wizard):
        return wizard.allowed_moves() if wizard is not None else ()

    @staticmethod
    def stepTitle(wizard, language="en"):
        if wizard is None:
            return _("Load a case to start.")
        return wizard.guidance(language).title

    @staticmethod
    def guidanceHtml(wizard, language="en"):
        """The step's guidance: the region (sequence, colour, required) and the rule texts."""
        import html

        if wizard is None:
            return ""
        guidance = wizard.guidance(language).to_dict()
        lines = []
        region = guidance.get("region")
        if region:
            lines.append(
                "<p><b>" + html.escape(str(region.get("name", region.get("key", "")))) + "</b></p>"
            )
        lines.extend(
            f"<p><code>{html.escape(r['rule'])}</code> {html.escape(r['text'])}</p>"
            for r in guidance["rules"]
        )
        return "".join(lines)

    @staticmethod
    def checklistRows(wizard):
        if wizard is None:
            return []
        return [
            (item["key"], f"{item['rule']}: {item['text']}", bool(item["confirmed"]))
            for item in wizard.checklist()
        ]

    @staticmethod
    def drawingTarget(wizard, loadedCase):
        """(segmentation, reference volume, segment ID) of the region being drawn, or None."""
        if wizard is None or loadedCase is None or wizard.step.value != "draw" or not wizard.region:
            return None
        region = loadedCase.case.schema.region(wizard.region)
        segmentation = loadedCase.segmentation_nodes[region.reference_sequence]
        volume = loadedCase.volume_nodes[region.reference_sequence]
        return (
            segmentation,
            volume,
            segmentation.GetSegmentation().GetSegmentIdBySegmentName(region.key),
        )

    @staticmethod
    def findingLines(findings):
        return [
            f"[{f.severity.value}] {f.rule} {f.region or ''} {f.message}".strip() for f in findings
        ] or [_("No findings: the annotation passes the self-check.")]

    def export(self, caseDirectory, exportDirectory, exportFormat):
        """Export per R-FMT-1..3 with a manifest tying every file to its source series."""
        from CNSTumorAnnotationLib.export.case_export import export_case

        return export_case(
            Path(caseDirectory), Path(exportDirectory), exportFormat, runtime=self.runtime
        )


#
# CNSTumorAnnotationTest
#


class CNSTumorAnnotationTest(ScriptedLoadableModuleTest):
    """Imports the bundled real case, annotates it from the reference labels, self-checks, exports."""

    def setUp(self):
        slicer.mrmlScene.Clear()

    def runTest(self):
        self.setUp()
        self.test_CNSTumorAnnotation_bundled_case()

    def test_CNSTumorAnnotation_bundled_case(self):
        import tempfile

        from CNSTumorAnnotationLib.demo import run_demo

        self.delayDisplay("Running the consensus workflow on the bundled case")
        with tempfile.TemporaryDirectory() as tmp:
            summary = run_demo(Path(tmp), runtime=CNSTumorAnnotationLogic().runtime)
            self.assertTrue(summary["exports"], "the demo exported files")
            for path in summary["exports"]:
                self.assertTrue(Path(path).is_file(), path)

            self.delayDisplay(
                "Walking the wizard on the approved case: a correction is a new version"
            )
            logic = CNSTumorAnnotationLogic()
            loaded, wizard = logic.loadCase(summary["case_folder"], "Dr Li")
            logic.move(wizard, loaded, "confirm_review")
            self.assertIsNotNone(logic.drawingTarget(wizard, loaded))
            logic.move(wizard, loaded, "finish_drawing")
            logic.move(wizard, loaded, "run_self_check")
            for key, _text, confirmed in logic.checklistRows(wizard):
                if not confirmed:
                    logic.setChecklistItem(wizard, key, True)
            logic.move(wizard, loaded, "finish_checklist")
            logic.move(wizard, loaded, "save")
            self.assertEqual(wizard.step.value, "done")
        self.delayDisplay("Test passed")
