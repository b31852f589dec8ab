"""CNSTumorAnnotation: annotate a case exactly as the consensus prescribes (R-SEG-*, R-ANN-*, R-FMT-*).

A thin Slicer module over ``CNSTumorAnnotationLib``: a case queue fed by the annotation project
(next/previous, resume, unsaved-changes guard, who is drawing), one segmentation per reference
sequence shown in that sequence's own axial geometry (R-ANN-8), the consensus regions as segments
with colours and terminology, self-check (R-ANN-9), a new version on every save, a read-only
review with overlays, volumes and located comments (R-PPL-3), and export (R-FMT-1..3). All
behaviour lives in the Lib package; this file only wires widgets to it.

This file must stay parseable by the Python of older Slicer releases (3.9 in Slicer 5.8) so that
those show a clear "needs Slicer 5.10" message instead of a syntax error; the Lib is imported
only after the version check.
"""

import logging
import os
from pathlib import Path
from typing import Annotated

import qt
import slicer
import vtk
from slicer.i18n import tr as _
from slicer.i18n import translate
from slicer.parameterNodeWrapper import Choice, parameterNodeWrapper
from slicer.ScriptedLoadableModule import *
from slicer.util import VTKObservationMixin

# The QC module's file (installed beside this one): what both modules share (the minimum Slicer
# and its message, loading a module's translations, the requirement handling of the logics).
from CNSTumorQC import (
    CNSTumorQCLogic,
    RequirementsMixin,
    loadModuleTranslations,
    slicerVersionProblem,
)

#: The export formats (R-FMT-1..3); the combo box shows exactly these (parameterNodeWrapper Choice).
EXPORT_FORMATS = ["all", "nifti", "seg-nrrd", "dicom-seg", "brats", "nnunet"]
#: Guidance languages of the wizard.
LANGUAGES = ["en", "zh"]
MODULE_DIR = os.path.dirname(os.path.abspath(__file__))


loadModuleTranslations("CNSTumorAnnotation", MODULE_DIR)


#
# CNSTumorAnnotation
#


class CNSTumorAnnotation(ScriptedLoadableModule):
    """Module metadata (ScriptedLoadableModule)."""

    def __init__(self, parent):
        ScriptedLoadableModule.__init__(self, parent)
        self.parent.title = _("CNS Tumor Annotation")
        self.parent.categories = [translate("qSlicerAbstractCoreModule", "Segmentation")]
        # The logic imports CNSTumorQCLib (shipped by the CNSTumorQC module of this extension).
        self.parent.dependencies = ["Segmentations", "SegmentEditor", "CNSTumorQC"]
        self.parent.contributors = ["CNSTumor developers (CNSTumor)"]
        self.parent.helpText = _(
            "A case queue and a per-case wizard for annotating CNS-tumor MRI under the Chinese "
            "radiologists' expert consensus: whole tumor / edema on FLAIR, tumor body on T2, "
            "enhancing and non-enhancing regions on contrast T1, each on the original axial images; "
            "self-check, versioned saves, review and export to NIfTI, .seg.nrrd, DICOM SEG, BraTS "
            "and nnU-Net layouts."
        )
        problem = slicerVersionProblem(_("CNS Tumor Annotation"))
        if problem:
            logging.error(problem)
            self.parent.helpText = problem + "\n\n" + self.parent.helpText
        self.parent.acknowledgementText = _(
            "Implements the Expert consensus on MR images annotation of central nervous system "
            "tumors (Chinese Association of Radiologists, Int J Med Radiol 2021;44(4):378-384)."
        )
        if not problem:
            slicer.app.connect("startupCompleted()", registerSampleData)


def registerSampleData():
    """The bundled real case (TCGA-FG-6692, installed with the extension) in Sample Data."""
    import SampleData
    from CNSTumorQCLib.paths import sample_data_dir

    folder = sample_data_dir()
    native = folder / "native"
    if not native.is_dir():
        logging.warning("CNSTumor: bundled sample case not found at %s", folder)
        return
    sequences = ["FLAIR", "T1", "T1C", "T2"]
    SampleData.SampleDataLogic.registerCustomSampleDataSource(
        category="CNS Tumor",
        sampleName="CNSTumor TCGA-FG-6692",
        uris=[(native / f"{s}.nii.gz").as_uri() for s in sequences],
        fileNames=[f"TCGA-FG-6692_{s}.nii.gz" for s in sequences],
        nodeNames=[f"TCGA-FG-6692 {s}" for s in sequences],
        loadFileTypes=["VolumeFile"] * len(sequences),
    )


#
# CNSTumorAnnotationParameterNode
#


@parameterNodeWrapper
class CNSTumorAnnotationParameterNode:
    """The module's state, stored in the scene.

    projectDirectory - the annotation project (project.sqlite, cases/) feeding the case queue.
    caseDirectory - the case folder (case.json, volumes/, annotations/).
    annotator - who is drawing or reviewing: a person of the project (R-FLOW-1).
    exportDirectory - where exports go.
    exportFormat - one of EXPORT_FORMATS.
    language - guidance language, one of LANGUAGES.
    """

    projectDirectory: Path
    caseDirectory: Path
    annotator: str = ""
    exportDirectory: Path
    exportFormat: Annotated[str, Choice(EXPORT_FORMATS)] = "all"
    language: Annotated[str, Choice(LANGUAGES)] = "en"


#
# CNSTumorAnnotationWidget
#


class CNSTumorAnnotationWidget(ScriptedLoadableModuleWidget, VTKObservationMixin):
    """Wires the UI, the case queue and the Segment Editor to CNSTumorAnnotationLogic."""

    def __init__(self, parent=None) -> None:
        ScriptedLoadableModuleWidget.__init__(self, parent)
        VTKObservationMixin.__init__(self)
        self.logic = None
        self._parameterNode = None
        self._parameterNodeGuiTag = None
        self._loadedCase = None
        self._wizard = None
        self._queue = None
        self._review = None
        self._unsaved = False
        self._shortcuts = []
        self._observedSegmentations = []
        self._overlayNodes = []

    # ---- setup -------------------------------------------------------------------------------
    def setup(self) -> None:
        ScriptedLoadableModuleWidget.setup(self)
        problem = slicerVersionProblem(_("CNS Tumor Annotation"))
        if problem:
            label = qt.QLabel(problem)
            label.wordWrap = True
            self.layout.addWidget(label)
            return
        uiWidget = slicer.util.loadUI(self.resourcePath("UI/CNSTumorAnnotation.ui"))
        self.layout.addWidget(uiWidget)
        self.ui = slicer.util.childWidgetVariables(uiWidget)
        uiWidget.setMRMLScene(slicer.mrmlScene)

        # Before the logic imports the Lib: offer the missing PyPI packages first.
        CNSTumorAnnotationLogic.offerMissingRequirements()
        self.logic = CNSTumorAnnotationLogic()
        self.ui.segmentEditorWidget.setMRMLScene(slicer.mrmlScene)
        self.ui.segmentEditorWidget.setMRMLSegmentEditorNode(self.logic.getSegmentEditorNode())

        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.StartCloseEvent, self.onSceneStartClose)
        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.EndCloseEvent, self.onSceneEndClose)

        self.ui.openQueueButton.connect("clicked(bool)", self.onOpenQueue)
        self.ui.nextCaseButton.connect("clicked(bool)", lambda checked: self.onStepQueue(+1))
        self.ui.previousCaseButton.connect("clicked(bool)", lambda checked: self.onStepQueue(-1))
        self.ui.openCaseButton.connect("clicked(bool)", self.onOpenQueueCase)
        self.ui.reopenCaseButton.connect("clicked(bool)", self.onReopenCase)
        self.ui.queueTableWidget.connect("cellDoubleClicked(int,int)", self.onQueueRowActivated)
        self.ui.loadCaseButton.connect("clicked(bool)", self.onLoadCaseButton)
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
        self.ui.findingsListWidget.connect(
            "itemDoubleClicked(QListWidgetItem*)", self.onFindingActivated
        )
        self.ui.compareButton.connect("clicked(bool)", self.onCompare)
        self.ui.addCommentButton.connect("clicked(bool)", self.onAddComment)
        self.ui.approveButton.connect("clicked(bool)", lambda checked: self.onDecide(True))
        self.ui.returnButton.connect("clicked(bool)", lambda checked: self.onDecide(False))
        self.ui.exportButton.connect("clicked(bool)", self.onExportButton)

        # Ctrl+N / Ctrl+P as in SlicerCaseIterator (actions of the main window: they work while
        # the focus is in a slice view, where the drawing happens).
        host = slicer.util.mainWindow() or self.parent
        for keys, delta in (("Ctrl+N", +1), ("Ctrl+P", -1)):
            action = qt.QAction(host)
            action.setShortcut(qt.QKeySequence(keys))
            action.connect("triggered()", lambda delta=delta: self.onStepQueue(delta))
            host.addAction(action)
            self._shortcuts.append((host, action))

        self.initializeParameterNode()
        self._refresh()

    def cleanup(self) -> None:
        self.removeObservers()
        for host, action in self._shortcuts:
            host.removeAction(action)
            action.setParent(None)
        self._shortcuts = []

    def enter(self) -> None:
        if self.logic is None:
            return
        # As the Segment Editor module does on enter (exit undoes both).
        self.ui.segmentEditorWidget.installKeyboardShortcuts()
        self.ui.segmentEditorWidget.setupViewObservations()
        self.ui.segmentEditorWidget.updateWidgetFromMRML()
        self.initializeParameterNode()

    def exit(self) -> None:
        """Leave nothing active behind: as the Segment Editor module does on exit."""
        if self.logic is None:
            return
        self.ui.segmentEditorWidget.setActiveEffect(None)
        self.ui.segmentEditorWidget.uninstallKeyboardShortcuts()
        self.ui.segmentEditorWidget.removeViewObservations()
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self._parameterNodeGuiTag = None
            self.removeObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._refresh)

    def onSceneStartClose(self, caller, event) -> None:
        self.setParameterNode(None)
        self.ui.segmentEditorWidget.setSegmentationNode(None)
        self._loadedCase = None  # the scene is closing: its nodes go with it
        self._forgetCase()

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

    # ---- unsaved-changes tracking ------------------------------------------------------------
    def _forgetCase(self) -> None:
        """Stop tracking the case and take its nodes out of the scene (moving on in the queue)."""
        if self._loadedCase is not None and self.logic is not None:
            self.ui.segmentEditorWidget.setSegmentationNode(None)
            self.logic.closeCase(self._loadedCase, self._overlayNodes)
        for segmentation in self._observedSegmentations:
            self.removeObserver(
                segmentation, slicer.vtkSegmentation.SegmentModified, self._onDrawingModified
            )
        self._observedSegmentations = []
        self._loadedCase = None
        self._wizard = None
        self._review = None
        self._unsaved = False
        self._overlayNodes = []

    def _watchDrawing(self) -> None:
        """Segment content changes (painting, erasing, effects) mark the case unsaved; display
        or geometry changes of the nodes do not."""
        for node in self._loadedCase.segmentation_nodes.values():
            segmentation = node.GetSegmentation()
            self.addObserver(
                segmentation, slicer.vtkSegmentation.SegmentModified, self._onDrawingModified
            )
            self._observedSegmentations.append(segmentation)
        self._unsaved = False

    def _onDrawingModified(self, caller, event) -> None:
        if self._review is None:
            self._unsaved = True

    def _mayLeaveCase(self) -> bool:
        """True when the person chose to discard unsaved drawing (asked only when there is
        some); callers leave a case when nothing is unsaved or this is True."""
        if not self._unsaved:
            return False
        return slicer.util.confirmOkCancelDisplay(
            _("The drawing on this case is not saved as a version. Discard it?"),
            windowTitle=_("Unsaved changes"),
        )

    # ---- case queue --------------------------------------------------------------------------
    def onOpenQueue(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to open the case queue."), waitCursor=True):
            self.logic.checkRequirements()
            p = self._parameterNode
            self._queue = self.logic.openQueue(p.projectDirectory, p.annotator)
            self._showQueue()

    def onStepQueue(self, delta) -> None:
        if self._queue is None:
            return
        with slicer.util.tryWithErrorDisplay(_("Cannot move in the queue."), waitCursor=True):
            discard = self._mayLeaveCase()
            if self._unsaved and not discard:
                return
            step = self._queue.next if delta > 0 else self._queue.previous
            step(unsaved=self._unsaved, discard=discard)
            self._showQueue()
            self._openCurrentQueueCase()

    def onQueueRowActivated(self, row, column) -> None:
        if self._queue is None or not 0 <= row < len(self._queue.entries):
            return
        with slicer.util.tryWithErrorDisplay(_("Cannot open that case."), waitCursor=True):
            discard = self._mayLeaveCase()
            if self._unsaved and not discard:
                return
            self._queue.go_to(
                self._queue.entries[row].case_id, unsaved=self._unsaved, discard=discard
            )
            self._showQueue()
            self._openCurrentQueueCase()

    def onOpenQueueCase(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Cannot open that case."), waitCursor=True):
            self._openCurrentQueueCase()

    def onReopenCase(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Cannot reopen the case."), waitCursor=True):
            if self._queue is None:
                raise ValueError(_("Open your queue first."))
            self._queue.reopen(self.ui.reopenReasonLineEdit.text)
            self._showQueue()
            self._openCurrentQueueCase()

    def _openCurrentQueueCase(self) -> None:
        entry = self._queue.current if self._queue else None
        if entry is None:
            return
        self._forgetCase()
        p = self._parameterNode
        if self.logic.isReviewer(self._queue):
            folder = entry.folder
            self._loadedCase, self._review = self.logic.openForReview(self._queue, entry)
        else:
            folder = self._queue.open_for_drawing()
            self._loadedCase, self._wizard = self.logic.loadCase(folder, p.annotator)
        p.caseDirectory = Path(folder)
        self._afterCaseLoaded()
        self._showQueue()

    def _showQueue(self) -> None:
        table = self.ui.queueTableWidget
        rows = self._queue.rows() if self._queue else []
        columns = ["case", "patient", "state", "step", "region", "versions"]
        headers = [_("Case"), _("Patient"), _("State"), _("Step"), _("Region"), _("Versions")]
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(columns):
                table.setItem(r, c, qt.QTableWidgetItem(str(row[key])))
            if row["current"]:
                table.selectRow(r)
        done, total = self._queue.progress() if self._queue else (0, 0)
        self.ui.queueProgressBar.maximum = max(total, 1)
        self.ui.queueProgressBar.value = done

    # ---- one case ----------------------------------------------------------------------------
    def onLoadCaseButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to load the case."), waitCursor=True):
            self.logic.checkRequirements()
            if self._unsaved and not self._mayLeaveCase():
                return
            self._forgetCase()
            p = self._parameterNode
            self._loadedCase, self._wizard = self.logic.loadCase(p.caseDirectory, p.annotator)
            self._afterCaseLoaded()

    def _afterCaseLoaded(self) -> None:
        editor = self.ui.segmentEditorWidget
        editor.readOnly = self._review is not None  # R-PPL-3: a reviewer never edits
        self._watchDrawing()
        target = self.logic.firstVolume(self._loadedCase)
        self.logic.showVolume(self._loadedCase, target)  # shown, not only added (review step)
        self._fillReview()
        self._refresh()

    def onMove(self, move: str) -> None:
        with slicer.util.tryWithErrorDisplay(
            _("The step could not be completed."), waitCursor=True
        ):
            findings = self.logic.move(self._wizard, self._loadedCase, move)
            if move == "save":
                self._unsaved = False
                if self._queue is not None:
                    self._queue.refresh()
                    self._showQueue()
            if findings is not None:
                self._showFindings(findings)
            self._refresh()

    def onChecklistItemChanged(self, item) -> None:
        if self._wizard is None or self.ui.checklistListWidget.signalsBlocked():
            return
        with slicer.util.tryWithErrorDisplay(
            _("The confirmation was not recorded."), waitCursor=False
        ):
            key = item.data(qt.Qt.UserRole)
            self.logic.setChecklistItem(self._wizard, key, item.checkState() == qt.Qt.Checked)
            self._refresh()

    def _showFindings(self, findings) -> None:
        self.ui.findingsListWidget.clear()
        for label, target in self.logic.findingRows(findings):
            item = qt.QListWidgetItem(label)
            item.setData(qt.Qt.UserRole, target)
            self.ui.findingsListWidget.addItem(item)

    def onFindingActivated(self, item) -> None:
        with slicer.util.tryWithErrorDisplay(_("Cannot show that finding."), waitCursor=False):
            target = item.data(qt.Qt.UserRole)
            if target and self._loadedCase is not None:
                self.logic.jumpToFinding(self._loadedCase, target[0], target[1])

    # ---- review ------------------------------------------------------------------------------
    def _fillReview(self) -> None:
        self.ui.compareVersionComboBox.clear()
        self.ui.commentRegionComboBox.clear()
        self.ui.commentsListWidget.clear()
        reviewing = self._review is not None
        for widget in (self.ui.approveButton, self.ui.returnButton, self.ui.addCommentButton):
            widget.enabled = reviewing
        self.ui.reviewCollapsibleButton.collapsed = not reviewing
        if self._loadedCase is None:
            return
        for number, label in self.logic.comparisonChoices(self._loadedCase):
            self.ui.compareVersionComboBox.addItem(label, number)
        self.ui.commentRegionComboBox.addItem(_("(whole case)"), "")
        for key in self._loadedCase.case.schema.keys:
            self.ui.commentRegionComboBox.addItem(key, key)
        self._showVolumes(self.logic.volumeRows(self._loadedCase, None))
        if reviewing:
            self._showFindings(self.logic.caseFindings(self._loadedCase))

    def _showVolumes(self, rows) -> None:
        table = self.ui.volumesTableWidget
        headers = [_("Region"), _("Volume (cm3)"), _("Other (cm3)"), _("Dice")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, qt.QTableWidgetItem(value))

    def onCompare(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Cannot overlay that version."), waitCursor=True):
            number = self.ui.compareVersionComboBox.currentData
            if self._loadedCase is None or number is None:
                raise ValueError(_("Load a case with another saved version first."))
            for node in self._overlayNodes:
                slicer.mrmlScene.RemoveNode(node)
            self._overlayNodes = self.logic.overlayVersion(self._loadedCase, int(number))
            self._showVolumes(self.logic.volumeRows(self._loadedCase, int(number)))

    def onAddComment(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("The comment was not added."), waitCursor=False):
            region = self.ui.commentRegionComboBox.currentData or None
            sliceIndex = self.ui.commentSliceSpinBox.value
            comment = self._review.add_comment(
                self.ui.commentLineEdit.text, region, sliceIndex if sliceIndex >= 0 else None
            )
            where = " / ".join(
                str(x) for x in (comment.region, comment.slice_index) if x is not None
            )
            self.ui.commentsListWidget.addItem(f"[{where or '-'}] {comment.text}")
            self.ui.commentLineEdit.text = ""

    def onDecide(self, approve: bool) -> None:
        with slicer.util.tryWithErrorDisplay(_("The review was not recorded."), waitCursor=True):
            state = self._review.approve() if approve else self._review.return_case()
            self.ui.statusLabel.text = _("Case {case} is now {state}.").format(
                case=self._review.case_id, state=state.value
            )
            self.ui.commentsListWidget.clear()
            if self._queue is not None:
                self._queue.refresh()
                self._showQueue()

    # ---- export ------------------------------------------------------------------------------
    def onExportButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Export failed."), waitCursor=True):
            self.logic.checkRequirements()
            p = self._parameterNode
            result = self.logic.export(p.caseDirectory, p.exportDirectory, p.exportFormat)
            self.ui.statusLabel.text = _("Exported {n} files; manifest {path}").format(
                n=len(result.files()), path=str(result.manifest_path)
            )

    # ---- refresh -----------------------------------------------------------------------------
    def _refresh(self, caller=None, event=None) -> None:
        """Show the wizard's current step: allowed moves, guidance, checklist, drawing target."""
        if self.logic is None:
            return
        loaded = self._loadedCase is not None
        self.ui.exportButton.enabled = loaded
        hasQueue = self._queue is not None and bool(self._queue.entries)
        for button in (self.ui.nextCaseButton, self.ui.previousCaseButton, self.ui.openCaseButton):
            button.enabled = hasQueue
        self.ui.reopenCaseButton.enabled = hasQueue and not self.logic.isReviewer(self._queue)
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
            item.setData(qt.Qt.UserRole, key)
            item.setFlags(item.flags() | qt.Qt.ItemIsUserCheckable)
            item.setCheckState(qt.Qt.Checked if confirmed else qt.Qt.Unchecked)
            self.ui.checklistListWidget.addItem(item)
        self.ui.checklistListWidget.blockSignals(False)
        target = self.logic.drawingTarget(self._wizard, self._loadedCase)
        if target is not None:
            # R-SEG-1..4, R-ANN-8: each region on its own reference sequence, its own axial slices.
            segmentation, volume, segmentId = target
            self.ui.segmentEditorWidget.setSegmentationNode(segmentation)
            self.ui.segmentEditorWidget.setSourceVolumeNode(volume)
            self.ui.segmentEditorWidget.mrmlSegmentEditorNode().SetSelectedSegmentID(segmentId)
            self.logic.showVolume(self._loadedCase, volume, segmentation)


#
# CNSTumorAnnotationLogic
#


class CNSTumorAnnotationLogic(RequirementsMixin, ScriptedLoadableModuleLogic):
    """Calls CNSTumorAnnotationLib with Slicer's own scene; usable without the widget."""

    moduleTitle = _("CNS Tumor Annotation")

    def __init__(self) -> None:
        ScriptedLoadableModuleLogic.__init__(self)
        self.followApplicationLanguage()
        from CNSTumorAnnotationLib.mrml.runtime import create_runtime
        from CNSTumorAnnotationLib.mrml.terminology import register_terminology

        self.runtime = create_runtime()
        register_terminology(self.runtime)  # the consensus regions' codes in the Segment Editor

    def getParameterNode(self):
        return CNSTumorAnnotationParameterNode(super().getParameterNode())

    # ---- PyPI requirements -------------------------------------------------------------------
    @staticmethod
    def requirementFiles():
        """This module's and CNSTumorQC's requirements (the annotation Lib uses both). Each module
        has its own file name: installed modules share one Resources folder."""
        return [
            os.path.join(MODULE_DIR, "Resources", "Requirements", "CNSTumorAnnotation.txt"),
            *CNSTumorQCLogic.requirementFiles(),
        ]

    # ---- queue, case, review -----------------------------------------------------------------
    def openQueue(self, projectDirectory, person):
        """The person's case queue (annotator: assigned cases; reviewer: cases to review)."""
        from CNSTumorAnnotationLib.project.annotation_project import Project
        from CNSTumorAnnotationLib.wizard.queue import CaseQueue

        if not str(person).strip():
            raise ValueError(_("Enter who you are (a person ID of the project) first."))
        return CaseQueue(Project.open(Path(projectDirectory)), str(person).strip())

    @staticmethod
    def isReviewer(queue) -> bool:
        return queue is not None and queue.role.value == "reviewer"

    def loadCase(self, caseDirectory, annotator):
        """Load the case (volumes + one segmentation per reference sequence, R-ANN-8) and start
        or resume its wizard for ``annotator`` (only the person drawing it resumes a session; a
        finished case starts a new session whose save is a new version, R-FLOW-1)."""
        from CNSTumorAnnotationLib.case.folder import load_case
        from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
        from CNSTumorAnnotationLib.wizard.opening import open_wizard

        case = load_case(Path(caseDirectory))
        wizard = open_wizard(case, str(annotator))  # checks who draws before touching the scene
        loaded = load_case_into_scene(case, self.runtime)
        return loaded, wizard

    def openForReview(self, queue, entry):
        """Load the submitted version read-only and open the reviewer's session (R-PPL-3)."""
        from CNSTumorAnnotationLib.case.folder import load_case, reference_image
        from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
        from CNSTumorAnnotationLib.wizard.review import ReviewSession

        case = load_case(entry.folder)
        slices = {
            r.key: reference_image(case, r.reference_sequence).GetSize()[2]
            for r in case.schema.regions
        }
        review = ReviewSession.open(
            queue.project, entry.case_id, queue.person.id, tuple(case.schema.keys), slices
        )
        loaded = load_case_into_scene(case, self.runtime)
        for node in loaded.segmentation_nodes.values():
            node.SetAttribute("CNSTumor.ReadOnly", "1")
        return loaded, review

    @staticmethod
    def closeCase(loadedCase, overlays=()):
        """Remove a case's nodes (and overlays) from the scene, as SlicerCaseIterator does."""
        from CNSTumorAnnotationLib.mrml.display import remove_loaded_case

        return remove_loaded_case(slicer.mrmlScene, loadedCase, tuple(overlays))

    @staticmethod
    def firstVolume(loadedCase):
        """The volume the review step shows first: FLAIR, the registration's reference."""
        volumes = loadedCase.volume_nodes
        for sequence in loadedCase.case.schema.reference_sequences:
            if sequence in volumes:
                return volumes[sequence]
        return next(iter(volumes.values()))

    def showVolume(self, loadedCase, volume, segmentation=None) -> None:
        """Show ``volume`` in every view in its own geometry (R-ANN-8) and fit the views."""
        from CNSTumorAnnotationLib.mrml.display import show_reference_volume

        show_reference_volume(slicer.mrmlScene, volume, segmentation)
        if slicer.app.layoutManager() is not None:
            slicer.util.resetSliceViews()

    def move(self, wizard, loadedCase, move):
        """Forward one wizard move; returns the self-check findings when the move produced them."""
        from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene

        if wizard is None:
            raise ValueError(_("Load a case first."))
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
    def findingRows(findings):
        """(label, (region, slice) or None) per finding; located ones first (jump targets)."""
        from CNSTumorAnnotationLib.wizard.review import jump_targets

        findings = list(findings)
        rows = [(t.label(), [t.region, t.slice_index]) for t in jump_targets(findings)]
        located = {id(f) for f in findings if f.region or f.slice_index is not None}
        rows += [
            (f"[{f.severity.value}] {f.rule}: {f.message}", None)
            for f in findings
            if id(f) not in located
        ]
        return rows or [(_("No findings: the annotation passes the self-check."), None)]

    @staticmethod
    def caseFindings(loadedCase):
        from CNSTumorAnnotationLib.wizard.review import read_selfcheck_findings

        return read_selfcheck_findings(loadedCase.case.root)

    def jumpToFinding(self, loadedCase, region, sliceIndex) -> None:
        """Show the region's reference volume and centre the views on the finding's slice."""
        from CNSTumorAnnotationLib.mrml.display import jump_to_slice

        volume = self.firstVolume(loadedCase)
        segmentation = None
        if region:
            sequence = loadedCase.case.schema.region(region).reference_sequence
            volume = loadedCase.volume_nodes[sequence]
            segmentation = loadedCase.segmentation_nodes.get(sequence)
        self.showVolume(loadedCase, volume, segmentation)
        if sliceIndex is not None:
            jump_to_slice(slicer.mrmlScene, volume, int(sliceIndex))

    @staticmethod
    def comparisonChoices(loadedCase):
        from CNSTumorAnnotationLib.wizard.review import comparison_choices

        shown = loadedCase.version.version if loadedCase.version else None
        return comparison_choices(loadedCase.case, shown)

    def overlayVersion(self, loadedCase, version):
        from CNSTumorAnnotationLib.mrml.display import add_outline_overlay

        return add_outline_overlay(self.runtime, loadedCase, version)

    def volumeRows(self, loadedCase, otherVersion):
        """Per region: volume (cm3) of the shown version, of the other one, and their Dice."""
        from CNSTumorAnnotationLib.case.folder import region_masks
        from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene
        from CNSTumorAnnotationLib.wizard.review import compare_masks, region_volumes_cm3

        shown = masks_from_scene(loadedCase)
        if otherVersion is None:
            return [
                (key, f"{value:.2f}", "", "") for key, value in region_volumes_cm3(shown).items()
            ]
        other = region_masks(loadedCase.case, otherVersion, runtime=self.runtime)
        return [
            (
                row.region,
                f"{row.volume_a_cm3:.2f}",
                f"{row.volume_b_cm3:.2f}",
                "" if row.dice is None else f"{row.dice:.3f}",
            )
            for row in compare_masks(shown, other)
        ]

    def getSegmentEditorNode(self):
        node = slicer.mrmlScene.GetFirstNodeByClass("vtkMRMLSegmentEditorNode")
        if node is None:
            node = slicer.mrmlScene.AddNewNodeByClass(
                "vtkMRMLSegmentEditorNode", "CNSTumorSegmentEditor"
            )
        return node

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
    """Drives the module's widget on the bundled real case (installed with the extension and
    registered as Sample Data) and checks what the person sees."""

    def setUp(self):
        slicer.mrmlScene.Clear()

    def runTest(self):
        self.setUp()
        self.test_CNSTumorAnnotation_sample_data_is_registered()
        self.setUp()
        self.test_CNSTumorAnnotation_widget_binds_and_shows_the_case()
        self.setUp()
        self.test_CNSTumorAnnotation_bundled_case()

    def test_CNSTumorAnnotation_sample_data_is_registered(self):
        import SampleData

        registerSampleData()
        self.delayDisplay("Loading the bundled case through Sample Data")
        nodes = SampleData.downloadSamples("CNSTumor TCGA-FG-6692")
        self.assertEqual(len(nodes), 4)
        self.assertTrue(all(node.GetImageData() is not None for node in nodes))

    def _runDemo(self, folder):
        from CNSTumorAnnotationLib.demo import run_demo

        return run_demo(Path(folder), runtime=CNSTumorAnnotationLogic().runtime)

    def test_CNSTumorAnnotation_widget_binds_and_shows_the_case(self):
        """What used to break: connectGui raised (a str bound to a QComboBox without Choice),
        so Load case read '.'; volumes were added but not shown."""
        import tempfile

        slicer.util.selectModule("CNSTumorAnnotation")
        widget = slicer.modules.cnstumorannotation.widgetRepresentation().self()
        self.assertIsNotNone(widget._parameterNodeGuiTag, "connectGui bound the widgets")
        self.assertEqual(widget.ui.exportFormatComboBox.count, len(EXPORT_FORMATS))
        with tempfile.TemporaryDirectory() as tmp:
            summary = self._runDemo(tmp)
            widget.ui.caseDirectoryPathLineEdit.currentPath = str(summary["case_folder"])
            self.assertEqual(str(widget._parameterNode.caseDirectory), str(summary["case_folder"]))
            widget.ui.annotatorLineEdit.text = "dr_zhao"
            widget.ui.loadCaseButton.click()
            self.assertIsNotNone(widget._wizard, "the case loaded")
            red = slicer.app.layoutManager().sliceWidget("Red").mrmlSliceCompositeNode()
            self.assertTrue(red.GetBackgroundVolumeID(), "a volume is shown in the red view")
            self.assertTrue(widget.ui.confirmReviewButton.enabled)
            widget.ui.confirmReviewButton.click()
            editor = widget.ui.segmentEditorWidget
            source = editor.sourceVolumeNode()
            self.assertEqual(red.GetBackgroundVolumeID(), source.GetID())
            slicer.util.selectModule("Data")
            self.assertIsNone(editor.activeEffect(), "no effect stays active after leaving")

    def test_CNSTumorAnnotation_bundled_case(self):
        import tempfile

        self.delayDisplay("Running the consensus workflow on the bundled case")
        with tempfile.TemporaryDirectory() as tmp:
            summary = self._runDemo(tmp)
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
            # a finished case opens again: a new session for the next version
            _loaded, again = logic.loadCase(summary["case_folder"], "Dr Li")
            self.assertEqual(again.allowed_moves(), ("confirm_review",))
        self.delayDisplay("Test passed")
