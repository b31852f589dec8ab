"""CNSTumorAnnotation: annotate a case exactly as the consensus prescribes (SPEC.md R-SEG-*, R-ANN-*, R-FMT-*).

A thin Slicer module over ``CNSTumorAnnotationLib``: one segmentation per reference sequence in its
original axial geometry (R-ANN-8), the consensus regions as segments with colours and terminology,
the Segment Editor switched to each region's reference sequence, self-check (R-ANN-9), a new
annotation version on every save, and export (R-FMT-1..3). All behaviour lives in the Lib package.
"""

import logging
from pathlib import Path

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
    confirmNoEnhancement - R-ANN-4: the annotator confirms the tumor shows no enhancement.
    exportDirectory - where exports go.
    exportFormat - nifti, seg-nrrd, dicom-seg, brats, nnunet or all.
    """

    caseDirectory: Path
    annotator: str = ""
    confirmNoEnhancement: bool = False
    exportDirectory: Path
    exportFormat: str = "all"


#
# CNSTumorAnnotationWidget
#


class CNSTumorAnnotationWidget(ScriptedLoadableModuleWidget, VTKObservationMixin):
    """Wires the wizard UI and the Segment Editor to CNSTumorAnnotationLogic."""

    def __init__(self, parent=None) -> None:
        ScriptedLoadableModuleWidget.__init__(self, parent)
        VTKObservationMixin.__init__(self)
        self.logic = None
        self._parameterNode = None
        self._parameterNodeGuiTag = None
        self._loadedCase = None

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
        self.ui.regionComboBox.connect("currentIndexChanged(int)", self.onRegionChanged)
        self.ui.selfCheckButton.connect("clicked(bool)", self.onSelfCheckButton)
        self.ui.saveVersionButton.connect("clicked(bool)", self.onSaveVersionButton)
        self.ui.exportButton.connect("clicked(bool)", self.onExportButton)

        self.initializeParameterNode()

    def cleanup(self) -> None:
        self.removeObservers()

    def enter(self) -> None:
        self.initializeParameterNode()

    def exit(self) -> None:
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self._parameterNodeGuiTag = None
            self.removeObserver(
                self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._updateButtons
            )

    def onSceneStartClose(self, caller, event) -> None:
        self.setParameterNode(None)
        self._loadedCase = None

    def onSceneEndClose(self, caller, event) -> None:
        if self.parent.isEntered:
            self.initializeParameterNode()

    def initializeParameterNode(self) -> None:
        self.setParameterNode(self.logic.getParameterNode())

    def setParameterNode(self, inputParameterNode) -> None:
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self.removeObserver(
                self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._updateButtons
            )
        self._parameterNode = inputParameterNode
        if self._parameterNode:
            self._parameterNodeGuiTag = self._parameterNode.connectGui(self.ui)
            self.addObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._updateButtons)
            self._updateButtons()

    def _updateButtons(self, caller=None, event=None) -> None:
        loaded = self._loadedCase is not None
        hasAnnotator = bool(self._parameterNode and self._parameterNode.annotator.strip())
        self.ui.selfCheckButton.enabled = loaded
        self.ui.saveVersionButton.enabled = loaded and hasAnnotator
        self.ui.exportButton.enabled = loaded
        self.ui.saveVersionButton.toolTip = (
            _("Save a new annotation version")
            if hasAnnotator
            else _("Enter the annotator's name first")
        )

    def onLoadCaseButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to load the case."), waitCursor=True):
            self._loadedCase = self.logic.loadCase(self._parameterNode.caseDirectory)
            self.ui.regionComboBox.clear()
            for key, label in self.logic.regionChoices(self._loadedCase):
                self.ui.regionComboBox.addItem(label, key)
            self._updateButtons()

    def onRegionChanged(self, index: int) -> None:
        if self._loadedCase is None or index < 0:
            return
        key = self.ui.regionComboBox.itemData(index)
        segmentation, volume, segmentId = self.logic.regionTarget(self._loadedCase, key)
        # R-SEG-1..4: each region is drawn on its own reference sequence.
        self.ui.segmentEditorWidget.setSegmentationNode(segmentation)
        self.ui.segmentEditorWidget.setSourceVolumeNode(volume)
        self.ui.segmentEditorWidget.mrmlSegmentEditorNode().SetSelectedSegmentID(segmentId)
        slicer.util.setSliceViewerLayers(background=volume, fit=True)

    def onSelfCheckButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Self-check failed."), waitCursor=True):
            report = self.logic.selfCheck(
                self._loadedCase, self._parameterNode.confirmNoEnhancement
            )
            self.ui.findingsListWidget.clear()
            for line in self.logic.findingLines(report):
                self.ui.findingsListWidget.addItem(line)

    def onSaveVersionButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to save the annotation."), waitCursor=True):
            version = self.logic.saveVersion(self._loadedCase, self._parameterNode.annotator)
            self.ui.statusLabel.text = _("Saved annotation version {n}").format(n=version.version)

    def onExportButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Export failed."), waitCursor=True):
            p = self._parameterNode
            result = self.logic.export(p.caseDirectory, p.exportDirectory, p.exportFormat)
            self.ui.statusLabel.text = _("Exported to {path}").format(path=str(p.exportDirectory))
            logging.info("CNSTumorAnnotation export: %s", result)


#
# CNSTumorAnnotationLogic
#


class CNSTumorAnnotationLogic(ScriptedLoadableModuleLogic):
    """Calls CNSTumorAnnotationLib with Slicer's own scene; usable without the widget."""

    def __init__(self) -> None:
        ScriptedLoadableModuleLogic.__init__(self)
        from CNSTumorAnnotationLib.mrml_runtime import create_runtime

        self.runtime = create_runtime()

    def getParameterNode(self):
        return CNSTumorAnnotationParameterNode(super().getParameterNode())

    def getSegmentEditorNode(self):
        node = slicer.mrmlScene.GetFirstNodeByClass("vtkMRMLSegmentEditorNode")
        if node is None:
            node = slicer.mrmlScene.AddNewNodeByClass(
                "vtkMRMLSegmentEditorNode", "CNSTumorSegmentEditor"
            )
        return node

    def loadCase(self, caseDirectory):
        """Load the case's volumes and one segmentation per reference sequence (R-ANN-8)."""
        from CNSTumorAnnotationLib.case import load_case
        from CNSTumorAnnotationLib.scene import load_case_into_scene

        return load_case_into_scene(load_case(Path(caseDirectory)), self.runtime)

    @staticmethod
    def regionChoices(loadedCase):
        """(region key, "English / 中文 (reference sequence)") for every schema region."""
        return [
            (r.key, f"{r.name_en} / {r.name_zh} ({r.reference_sequence.value})")
            for r in loadedCase.case.schema.regions
        ]

    @staticmethod
    def regionTarget(loadedCase, key):
        """The segmentation, reference volume and segment ID a region is drawn in."""
        region = loadedCase.case.schema.region(key)
        segmentation = loadedCase.segmentation_nodes[region.reference_sequence]
        volume = loadedCase.volume_nodes[region.reference_sequence]
        return segmentation, volume, segmentation.GetSegmentation().GetSegmentIdBySegmentName(key)

    def saveVersion(self, loadedCase, annotator):
        """Save the scene's segmentations as a new annotation version (never overwrites)."""
        from CNSTumorAnnotationLib.scene_annotation import save_scene_annotation

        return save_scene_annotation(loadedCase, annotator, self.runtime)

    def selfCheck(self, loadedCase, confirmNoEnhancement=False):
        """Run the consensus self-check (R-ANN-2/3/7/9, hierarchy) on the latest saved version."""
        from CNSTumorAnnotationLib.selfcheck import run_selfcheck, write_selfcheck
        from CNSTumorAnnotationLib.selfcheck_params import Confirmations

        confirmations = Confirmations(no_enhancement=bool(confirmNoEnhancement))
        report = run_selfcheck(loadedCase.case, confirmations=confirmations, runtime=self.runtime)
        write_selfcheck(report, loadedCase.case.root)
        return report

    @staticmethod
    def findingLines(report):
        return [
            f"[{f.severity.value}] {f.rule} {f.region or ''} {f.message}".strip()
            for f in report.findings
        ] or [_("No findings: the annotation passes the self-check.")]

    def export(self, caseDirectory, exportDirectory, exportFormat):
        """Export per R-FMT-1..3 with a manifest tying every file to its source series."""
        from CNSTumorAnnotationLib.export import export_case

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
        self.delayDisplay("Test passed")
