"""CNSTumorQC: is this case fit to annotate? (R-DATA-1/2, R-ACQ-1..7, R-QC-1..3)

A thin Slicer module over ``CNSTumorQCLib``: the widget only wires the UI to the logic; every
behaviour lives in the Qt-free library, which the command line and the tests share.
"""

import logging
import os
from pathlib import Path

import slicer
import vtk
from slicer.i18n import tr as _
from slicer.i18n import translate
from slicer.parameterNodeWrapper import parameterNodeWrapper
from slicer.ScriptedLoadableModule import *
from slicer.util import VTKObservationMixin

#
# CNSTumorQC
#


class CNSTumorQC(ScriptedLoadableModule):
    """Module metadata (ScriptedLoadableModule)."""

    def __init__(self, parent):
        ScriptedLoadableModule.__init__(self, parent)
        self.parent.title = _("CNS Tumor QC")
        self.parent.categories = [translate("qSlicerAbstractCoreModule", "Segmentation")]
        self.parent.dependencies = []
        self.parent.contributors = ["CNSTumor developers (CNSTumor)"]
        self.parent.helpText = _(
            "Checks whether a DICOM study is fit to annotate under the Chinese radiologists' expert "
            "consensus on CNS-tumor MRI annotation: de-identification (R-DATA-1), DICOM integrity "
            "(R-DATA-2), sequence rules (R-ACQ-1..7) and a suggested image-quality grade (R-QC-1..3) "
            "that a radiologist confirms."
        )
        self.parent.acknowledgementText = _(
            "Implements the Expert consensus on MR images annotation of central nervous system "
            "tumors (Chinese Association of Radiologists, Int J Med Radiol 2021;44(4):378-384)."
        )


#
# CNSTumorQCParameterNode
#


@parameterNodeWrapper
class CNSTumorQCParameterNode:
    """The module's state, stored in the scene.

    dicomDirectory - the study folder to check.
    outputDirectory - where the QC report (JSON, CSV, HTML) is written.
    deidentifiedDirectory - where a de-identified copy is written (empty: none).
    strict - treat a study that is not fit as an error.
    reviewer - the radiologist who confirms grades (recorded with each confirmation, R-QC-2).
    """

    dicomDirectory: Path
    outputDirectory: Path
    deidentifiedDirectory: Path
    strict: bool = False
    reviewer: str = ""


#
# CNSTumorQCWidget
#


class CNSTumorQCWidget(ScriptedLoadableModuleWidget, VTKObservationMixin):
    """Wires the UI to CNSTumorQCLogic; no behaviour of its own."""

    def __init__(self, parent=None) -> None:
        ScriptedLoadableModuleWidget.__init__(self, parent)
        VTKObservationMixin.__init__(self)
        self.logic = None
        self._parameterNode = None
        self._parameterNodeGuiTag = None
        self._lastReport = None

    def setup(self) -> None:
        ScriptedLoadableModuleWidget.setup(self)
        uiWidget = slicer.util.loadUI(self.resourcePath("UI/CNSTumorQC.ui"))
        self.layout.addWidget(uiWidget)
        self.ui = slicer.util.childWidgetVariables(uiWidget)
        uiWidget.setMRMLScene(slicer.mrmlScene)

        self.logic = CNSTumorQCLogic()

        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.StartCloseEvent, self.onSceneStartClose)
        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.EndCloseEvent, self.onSceneEndClose)

        self.ui.runQCButton.connect("clicked(bool)", self.onRunQCButton)
        self.ui.deidentifyButton.connect("clicked(bool)", self.onDeidentifyButton)
        self.ui.confirmGradeButton.connect("clicked(bool)", self.onConfirmGradeButton)
        self.ui.openReportButton.connect("clicked(bool)", self.onOpenReportButton)

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
                self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._checkCanRun
            )

    def onSceneStartClose(self, caller, event) -> None:
        self.setParameterNode(None)

    def onSceneEndClose(self, caller, event) -> None:
        if self.parent.isEntered:
            self.initializeParameterNode()

    def initializeParameterNode(self) -> None:
        self.setParameterNode(self.logic.getParameterNode())

    def setParameterNode(self, inputParameterNode) -> None:
        if self._parameterNode:
            self._parameterNode.disconnectGui(self._parameterNodeGuiTag)
            self.removeObserver(
                self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._checkCanRun
            )
        self._parameterNode = inputParameterNode
        if self._parameterNode:
            self._parameterNodeGuiTag = self._parameterNode.connectGui(self.ui)
            self.addObserver(self._parameterNode, vtk.vtkCommand.ModifiedEvent, self._checkCanRun)
            self._checkCanRun()

    def _checkCanRun(self, caller=None, event=None) -> None:
        folder = self._parameterNode.dicomDirectory if self._parameterNode else None
        canRun = bool(folder and str(folder) not in ("", ".") and os.path.isdir(folder))
        self.ui.runQCButton.enabled = canRun
        self.ui.deidentifyButton.enabled = canRun
        self.ui.runQCButton.toolTip = _("Check the study") if canRun else _("Select a DICOM folder")

    def onRunQCButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to check the study."), waitCursor=True):
            p = self._parameterNode
            self._lastReport = self.logic.runQC(p.dicomDirectory, p.outputDirectory)
            self.logic.fillSeriesTable(self._lastReport, self.ui.seriesTableWidget)
            self.ui.verdictLabel.text = self.logic.verdictText(self._lastReport, strict=p.strict)

    def onDeidentifyButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("De-identification failed."), waitCursor=True):
            p = self._parameterNode
            report = self.logic.deidentify(p.dicomDirectory, p.deidentifiedDirectory)
            self.ui.verdictLabel.text = self.logic.deidText(report)

    def onConfirmGradeButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(
            _("Failed to record the confirmed grade."), waitCursor=True
        ):
            row = self.ui.seriesTableWidget.currentRow()
            if self._lastReport is None or row < 0:
                raise ValueError(_("Run QC and select a series first."))
            p = self._parameterNode
            self._lastReport = self.logic.confirmGrade(
                p.outputDirectory,
                self._lastReport.series[row].series_instance_uid,
                int(self.ui.confirmedGradeSpinBox.value),
                p.reviewer,
                self.ui.gradeReasonLineEdit.text,
            )
            self.logic.fillSeriesTable(self._lastReport, self.ui.seriesTableWidget)

    def onOpenReportButton(self) -> None:
        report = Path(self._parameterNode.outputDirectory) / "qc_report.html"
        if report.is_file():
            import qt

            qt.QDesktopServices.openUrl(qt.QUrl.fromLocalFile(str(report)))


#
# CNSTumorQCLogic
#


class CNSTumorQCLogic(ScriptedLoadableModuleLogic):
    """Calls CNSTumorQCLib; usable without the widget (batch, tests)."""

    def __init__(self) -> None:
        ScriptedLoadableModuleLogic.__init__(self)

    def getParameterNode(self):
        return CNSTumorQCParameterNode(super().getParameterNode())

    def runQC(self, dicomDirectory, outputDirectory):
        """Index, identify, check and grade every series; writes qc_report.json/.csv/.html."""
        from CNSTumorQCLib.qc import run_qc

        logging.info("CNSTumorQC: checking %s", dicomDirectory)
        return run_qc(Path(dicomDirectory), Path(outputDirectory))

    def deidentify(self, dicomDirectory, outputDirectory):
        """Write a de-identified copy (R-DATA-1); the pseudonym key goes beside, never inside, it."""
        from CNSTumorQCLib.deid.folder import deidentify_folder

        outputDirectory = Path(outputDirectory)
        keyFile = outputDirectory.parent / (outputDirectory.name + "_pseudonym_key.json")
        return deidentify_folder(Path(dicomDirectory), outputDirectory, keyFile)

    def confirmGrade(self, outputDirectory, seriesInstanceUID, grade, reviewer, reason):
        """Record the radiologist's confirmed grade beside the suggestion (R-QC-1, R-QC-2)."""
        from CNSTumorQCLib.quality.confirmation import record_grade_confirmation

        return record_grade_confirmation(
            Path(outputDirectory), seriesInstanceUID, grade, reviewer, reason
        )

    @staticmethod
    def verdictText(report, strict=False) -> str:
        """The study verdict with its reasons; with ``strict`` a study that is not fit raises."""
        reasons = [
            reason
            for study in report.to_dict().get("studies", [])
            for reason in study.get("reasons", [])
        ]
        text = _("Study verdict: {verdict}").format(verdict=report.verdict.value)
        if reasons:
            text += " (" + "; ".join(reasons) + ")"
        if strict and report.verdict.value != "FIT":
            raise ValueError(text)
        return text

    @staticmethod
    def deidText(report) -> str:
        counts = ", ".join(f"{key}: {value}" for key, value in sorted(report.counts.items()))
        return _("De-identified ({counts}); {n} findings").format(
            counts=counts, n=len(report.findings)
        )

    @staticmethod
    def fillSeriesTable(report, table) -> None:
        import qt

        series = report.to_dict().get("series", [])
        columns = [
            "sequence",
            "plane",
            "acquisition",
            "slice_thickness_mm",
            "suggested_grade",
            "confirmed_grade",
            "findings",
        ]
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setRowCount(len(series))
        for row, entry in enumerate(series):
            for column, key in enumerate(columns):
                value = entry.get(key)
                text = (
                    str(len(value)) if key == "findings" else ("" if value is None else str(value))
                )
                table.setItem(row, column, qt.QTableWidgetItem(text))


#
# CNSTumorQCTest
#


class CNSTumorQCTest(ScriptedLoadableModuleTest):
    """Runs the logic on a DICOM study written from the bundled real case (needs the Lib packages)."""

    def setUp(self):
        slicer.mrmlScene.Clear()

    def runTest(self):
        self.setUp()
        self.test_CNSTumorQC_bundled_case_study()

    def test_CNSTumorQC_bundled_case_study(self):
        import tempfile

        from CNSTumorQCLib.dicom.writer import write_sample_case_study

        self.delayDisplay("Writing the bundled case as a DICOM study")
        with tempfile.TemporaryDirectory() as tmp:
            study = Path(tmp) / "study"
            write_sample_case_study(study)
            logic = CNSTumorQCLogic()
            report = logic.runQC(study, Path(tmp) / "qc")
            data = report.to_dict()
            sequences = sorted(entry["sequence"] for entry in data["series"])
            self.assertEqual(sequences, ["FLAIR", "T1", "T1C", "T2"])
            # R-ACQ-4: the TCGA case has no DWI/ADC, so the study is not fit as a whole.
            self.assertIn("DWI", logic.verdictText(report))
            with self.assertRaises(ValueError):
                logic.verdictText(report, strict=True)
            uid = data["series"][0]["series_instance_uid"]
            confirmed = logic.confirmGrade(Path(tmp) / "qc", uid, 3, "Dr Wang", "")
            self.assertEqual(confirmed.series[0].confirmed_grade, 3)
            self.assertTrue((Path(tmp) / "qc" / "qc_report.html").is_file())
        self.delayDisplay("Test passed")
