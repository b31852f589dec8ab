"""CNSTumorQC: is this case fit to annotate? (R-DATA-1/2, R-ACQ-1..7, R-QC-1..3)

A thin Slicer module over ``CNSTumorQCLib``: pick a DICOM folder or a study of Slicer's DICOM
database, run the QC with a progress bar, confirm each series' sequence and image-quality grade
with a reason in the series table, open the HTML report. Every behaviour lives in the Qt-free
library, which the command line and the tests share.

This file must stay parseable by the Python of older Slicer releases (3.9 in Slicer 5.8) so that
those show a clear "needs Slicer 5.10" message; the Lib is imported only after the version check.
"""

import logging
import os
import tempfile
from pathlib import Path

import qt
import slicer
import vtk
from slicer.i18n import tr as _
from slicer.i18n import translate
from slicer.parameterNodeWrapper import parameterNodeWrapper
from slicer.ScriptedLoadableModule import *
from slicer.util import VTKObservationMixin

#: The oldest 3D Slicer this extension runs on (Python 3.12, pydicom 2.4, vtkSegment.SetTerminology).
MINIMUM_SLICER_VERSION = (5, 10)
MODULE_DIR = os.path.dirname(os.path.abspath(__file__))
#: Sequences a radiologist may confirm for a series (CNSTumorQCLib.sequences.MRSequence values).
SEQUENCES = ["T1", "T1C", "T2", "FLAIR", "DWI", "ADC", "OTHER"]


def slicerVersionProblem(moduleTitle):
    """A message when this Slicer is older than MINIMUM_SLICER_VERSION, else None (both modules
    say it, each with its own title)."""
    version = (int(slicer.app.majorVersion), int(slicer.app.minorVersion))
    if version >= MINIMUM_SLICER_VERSION:
        return None
    return _(
        "{module} needs 3D Slicer {minimum} or later; this is Slicer {version}. "
        "Install Slicer {minimum} (or a later release) from https://download.slicer.org."
    ).format(
        module=moduleTitle,
        minimum="{}.{}".format(*MINIMUM_SLICER_VERSION),
        version="{}.{}".format(*version),
    )


def loadModuleTranslations(moduleName, moduleDir):
    """Slicer 5.10 loads .qm files only from its own folder: load a module's for the
    application language (<moduleDir>/Resources/Translations/<module>/<module>_<language>.qm)."""
    folder = os.path.join(moduleDir, "Resources", "Translations", moduleName)
    if os.path.isdir(folder) and hasattr(slicer.app, "loadTranslations"):
        slicer.app.loadTranslations(folder)


loadModuleTranslations("CNSTumorQC", MODULE_DIR)


#
# CNSTumorQC
#


class CNSTumorQC(ScriptedLoadableModule):
    """Module metadata (ScriptedLoadableModule)."""

    def __init__(self, parent):
        ScriptedLoadableModule.__init__(self, parent)
        self.parent.title = _("CNS Tumor QC")
        self.parent.categories = [translate("qSlicerAbstractCoreModule", "Segmentation")]
        self.parent.dependencies = ["DICOM"]
        self.parent.contributors = ["CNSTumor developers (CNSTumor)"]
        self.parent.helpText = _(
            "Checks whether a DICOM study is fit to annotate under the Chinese radiologists' expert "
            "consensus on CNS-tumor MRI annotation: de-identification (R-DATA-1), DICOM integrity "
            "(R-DATA-2), sequence rules (R-ACQ-1..7) and a suggested image-quality grade (R-QC-1..3) "
            "that a radiologist confirms."
        )
        problem = slicerVersionProblem(_("CNS Tumor QC"))
        if problem:
            logging.error(problem)
            self.parent.helpText = problem + "\n\n" + self.parent.helpText
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
    reviewer - the radiologist who confirms sequences and grades (recorded, R-QC-2).
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
        problem = slicerVersionProblem(_("CNS Tumor QC"))
        if problem:
            label = qt.QLabel(problem)
            label.wordWrap = True
            self.layout.addWidget(label)
            return
        uiWidget = slicer.util.loadUI(self.resourcePath("UI/CNSTumorQC.ui"))
        self.layout.addWidget(uiWidget)
        self.ui = slicer.util.childWidgetVariables(uiWidget)
        uiWidget.setMRMLScene(slicer.mrmlScene)

        # Before the logic imports the Lib: offer the missing PyPI packages first.
        CNSTumorQCLogic.offerMissingRequirements()
        self.logic = CNSTumorQCLogic()

        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.StartCloseEvent, self.onSceneStartClose)
        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.EndCloseEvent, self.onSceneEndClose)

        self.ui.runQCButton.connect("clicked(bool)", self.onRunQCButton)
        self.ui.deidentifyButton.connect("clicked(bool)", self.onDeidentifyButton)
        self.ui.confirmGradeButton.connect("clicked(bool)", self.onConfirmGradeButton)
        self.ui.confirmSequenceButton.connect("clicked(bool)", self.onConfirmSequenceButton)
        self.ui.openReportButton.connect("clicked(bool)", self.onOpenReportButton)
        self.ui.refreshStudiesButton.connect("clicked(bool)", self.onRefreshStudies)
        self.ui.databaseStudyComboBox.connect("currentIndexChanged(int)", self._checkCanRun)
        self.ui.seriesTableWidget.connect("itemSelectionChanged()", self.onSeriesSelected)
        self.ui.confirmedSequenceComboBox.addItems(SEQUENCES)

        self.initializeParameterNode()
        self.onRefreshStudies()

    def cleanup(self) -> None:
        self.removeObservers()

    def enter(self) -> None:
        if self.logic is not None:
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

    def _databaseStudy(self):
        return self.ui.databaseStudyComboBox.currentData or None

    def _checkCanRun(self, caller=None, event=None) -> None:
        folder = self._parameterNode.dicomDirectory if self._parameterNode else None
        hasFolder = bool(folder and str(folder) not in ("", ".") and os.path.isdir(folder))
        canRun = hasFolder or self._databaseStudy() is not None
        self.ui.runQCButton.enabled = canRun
        self.ui.deidentifyButton.enabled = hasFolder
        self.ui.runQCButton.toolTip = (
            _("Check the study") if canRun else _("Select a DICOM folder or a database study")
        )

    def onRefreshStudies(self) -> None:
        combo = self.ui.databaseStudyComboBox
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("(use the DICOM folder)"), "")
        for label, studyUID in self.logic.databaseStudies():
            combo.addItem(label, studyUID)
        combo.blockSignals(False)
        self._checkCanRun()

    def onRunQCButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("Failed to check the study."), waitCursor=True):
            self.logic.checkRequirements()
            p = self._parameterNode
            bar = self.ui.qcProgressBar

            def progress(done, total, what):
                bar.maximum = max(total, 1)
                bar.value = done
                bar.setFormat(_("{what}: %v / %m series").format(what=what))
                slicer.app.processEvents()

            study = self._databaseStudy()
            if study is not None:
                self._lastReport = self.logic.runQCOnDatabaseStudy(
                    study, p.outputDirectory, progress
                )
            else:
                self._lastReport = self.logic.runQC(p.dicomDirectory, p.outputDirectory, progress)
            self._showReport()

    def _showReport(self) -> None:
        self.logic.fillSeriesTable(self._lastReport, self.ui.seriesTableWidget)
        self.ui.verdictLabel.text = self.logic.verdictText(
            self._lastReport, strict=self._parameterNode.strict
        )

    def onSeriesSelected(self) -> None:
        row = self.ui.seriesTableWidget.currentRow()
        if self._lastReport is None or not 0 <= row < len(self._lastReport.series):
            return
        series = self._lastReport.series[row]
        index = self.ui.confirmedSequenceComboBox.findText(series.sequence)
        self.ui.confirmedSequenceComboBox.currentIndex = max(index, 0)
        grade = series.confirmed_grade or series.suggested_grade
        if grade:
            self.ui.confirmedGradeSpinBox.value = grade

    def onDeidentifyButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(_("De-identification failed."), waitCursor=True):
            self.logic.checkRequirements()
            p = self._parameterNode
            report = self.logic.deidentify(p.dicomDirectory, p.deidentifiedDirectory)
            self.ui.verdictLabel.text = self.logic.deidText(report)

    def _selectedSeriesUID(self):
        row = self.ui.seriesTableWidget.currentRow()
        if self._lastReport is None or row < 0:
            raise ValueError(_("Run QC and select a series first."))
        return self._lastReport.series[row].series_instance_uid

    def onConfirmSequenceButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(
            _("Failed to record the confirmed sequence."), waitCursor=True
        ):
            p = self._parameterNode
            self._lastReport = self.logic.confirmSequence(
                p.outputDirectory,
                self._selectedSeriesUID(),
                self.ui.confirmedSequenceComboBox.currentText,
                p.reviewer,
                self.ui.gradeReasonLineEdit.text,
            )
            self._showReport()

    def onConfirmGradeButton(self) -> None:
        with slicer.util.tryWithErrorDisplay(
            _("Failed to record the confirmed grade."), waitCursor=True
        ):
            p = self._parameterNode
            self._lastReport = self.logic.confirmGrade(
                p.outputDirectory,
                self._selectedSeriesUID(),
                int(self.ui.confirmedGradeSpinBox.value),
                p.reviewer,
                self.ui.gradeReasonLineEdit.text,
            )
            self._showReport()

    def onOpenReportButton(self) -> None:
        report = Path(self._parameterNode.outputDirectory) / "qc_report.html"
        if report.is_file():
            qt.QDesktopServices.openUrl(qt.QUrl.fromLocalFile(str(report)))
        else:
            slicer.util.errorDisplay(_("No report yet: check a study first."))


#
# The PyPI packages a module's Lib needs (both modules' logics)
#


class RequirementsMixin:
    """What both logics do about their Lib's PyPI packages inside Slicer: list what is missing,
    offer to install it on first use (after a confirmation), refuse an action clearly while
    something is missing. A logic names its requirement files and its title."""

    moduleTitle = ""

    @staticmethod
    def requirementFiles():
        raise NotImplementedError

    @staticmethod
    def followApplicationLanguage() -> None:
        """The Lib's findings, checklist items and reports speak the application's language
        (Application Settings > General > Language), as the module's own widgets do."""
        from CNSTumorQCLib import i18n

        i18n.follow_application(
            slicer.app.userSettings().value("Internationalization/Enabled"),
            slicer.app.userSettings().value("language"),
        )

    @classmethod
    def missingRequirements(cls):
        from CNSTumorQCLib.requirements import missing, read_requirements

        found = []
        for path in cls.requirementFiles():
            if os.path.isfile(path):
                found.extend(missing(read_requirements(path)))
        return found

    @classmethod
    def checkRequirements(cls) -> None:
        """Before an action: a clear message naming what is missing, never a bare
        ModuleNotFoundError from deep inside the Lib."""
        missing = cls.missingRequirements()
        if missing:
            raise RuntimeError(
                _(
                    "These Python packages are missing: {names}. Reopen the module to install "
                    "them, or run slicer.util.pip_install in the Python console."
                ).format(names=", ".join(r.line for r in missing))
            )

    @classmethod
    def offerMissingRequirements(cls) -> bool:
        """On first use: list what is missing and, after a confirmation, pip-install it with a
        progress dialog. Returns True when nothing is missing afterwards."""
        missing = cls.missingRequirements()
        if not missing:
            return True
        names = ", ".join(r.line for r in missing)
        if not slicer.util.confirmOkCancelDisplay(
            _(
                "{module} needs these Python packages, which are not installed: {names}. "
                "Install them now (needs internet access)?"
            ).format(module=cls.moduleTitle, names=names),
            windowTitle=_("Install Python packages"),
        ):
            logging.warning("%s: missing Python packages: %s", cls.moduleTitle, names)
            return False
        progress = slicer.util.createProgressDialog(
            labelText=_("Installing Python packages..."), maximum=len(missing)
        )
        try:
            for index, requirement in enumerate(missing):
                progress.labelText = _("Installing {name}...").format(name=requirement.line)
                progress.value = index
                slicer.app.processEvents()
                slicer.util.pip_install(requirement.line)
            progress.value = len(missing)
        finally:
            progress.close()
        return not cls.missingRequirements()


#
# CNSTumorQCLogic
#


class CNSTumorQCLogic(RequirementsMixin, ScriptedLoadableModuleLogic):
    """Calls CNSTumorQCLib; usable without the widget (batch, tests)."""

    moduleTitle = _("CNS Tumor QC")

    def __init__(self) -> None:
        ScriptedLoadableModuleLogic.__init__(self)
        self.followApplicationLanguage()

    def getParameterNode(self):
        return CNSTumorQCParameterNode(super().getParameterNode())

    @staticmethod
    def requirementFiles():
        """Each module has its own file name: installed modules share one Resources folder."""
        return [os.path.join(MODULE_DIR, "Resources", "Requirements", "CNSTumorQC.txt")]

    def runQC(self, dicomDirectory, outputDirectory, progress=None):
        """Index, identify, check and grade every series; writes qc_report.json/.csv/.html."""
        from CNSTumorQCLib.qc import run_qc

        logging.info("CNSTumorQC: checking %s", dicomDirectory)
        return run_qc(Path(dicomDirectory), Path(outputDirectory), callback=progress)

    @staticmethod
    def databaseStudies():
        """(label, StudyInstanceUID) of every study in Slicer's DICOM database."""
        database = getattr(slicer, "dicomDatabase", None)
        if database is None or not database.isOpen:
            return []
        studies = []
        for patient in database.patients():
            name = database.nameForPatient(patient)
            for study in database.studiesForPatient(patient):
                count = len(database.seriesForStudy(study))
                studies.append((f"{name}: {study} ({count} series)", study))
        return studies

    def runQCOnDatabaseStudy(self, studyInstanceUID, outputDirectory, progress=None):
        """Check one study of Slicer's DICOM database: its files are staged (linked) in a
        temporary folder and checked there; the database's files are never modified."""
        from CNSTumorQCLib.dicom.staging import stage_files

        database = slicer.dicomDatabase
        files = [
            path
            for series in database.seriesForStudy(studyInstanceUID)
            for path in database.filesForSeries(series)
        ]
        with tempfile.TemporaryDirectory(prefix="CNSTumorQC-") as folder:
            stage_files(files, Path(folder) / "study")
            return self.runQC(Path(folder) / "study", outputDirectory, progress)

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

    def confirmSequence(self, outputDirectory, seriesInstanceUID, sequence, reviewer, reason):
        """Record the radiologist's confirmed (or corrected) sequence (R-ACQ-7)."""
        from CNSTumorQCLib.quality.confirmation import record_sequence_confirmation

        return record_sequence_confirmation(
            Path(outputDirectory), seriesInstanceUID, sequence, reviewer, reason
        )

    @staticmethod
    def verdictText(report, strict=False) -> str:
        """The study verdict with its reasons; with ``strict`` a study that is not fit raises."""
        reasons = [
            reason
            for study in report.to_dict().get("studies", [])
            for reason in study.get("reasons", [])
        ]
        text = _("Study verdict: {verdict}").format(verdict=report.verdict.words)
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
        series = report.to_dict().get("series", [])
        columns = [
            "series_number",
            "sequence",
            "needs_confirmation",
            "plane",
            "acquisition",
            "slice_thickness_mm",
            "suggested_grade",
            "confirmed_grade",
            "findings",
        ]
        headers = [
            _("Series"),
            _("Sequence"),
            _("To confirm"),
            _("Plane"),
            _("2D/3D"),
            _("Thickness (mm)"),
            _("Suggested grade"),
            _("Confirmed grade"),
            _("Findings"),
        ]
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(series))
        for row, entry in enumerate(series):
            for column, key in enumerate(columns):
                value = entry.get(key)
                if key == "findings":
                    text = str(len(value))
                elif key == "needs_confirmation":
                    text = _("yes") if value else ""
                else:
                    text = "" if value is None else str(value)
                table.setItem(row, column, qt.QTableWidgetItem(text))


#
# CNSTumorQCTest
#


class CNSTumorQCTest(ScriptedLoadableModuleTest):
    """Runs the module on a DICOM study written from the bundled real case (installed with the
    extension) and checks what the person sees in the series table."""

    def setUp(self):
        slicer.mrmlScene.Clear()

    def runTest(self):
        self.setUp()
        self.test_CNSTumorQC_bundled_case_study()
        self.setUp()
        self.test_CNSTumorQC_widget_runs_and_confirms()

    def _writeStudy(self, folder):
        from CNSTumorQCLib.demo.fixture_study import write_sample_case_study

        study = Path(folder) / "study"
        write_sample_case_study(study)
        return study

    def test_CNSTumorQC_bundled_case_study(self):
        self.delayDisplay("Writing the bundled case as a DICOM study")
        with tempfile.TemporaryDirectory() as tmp:
            study = self._writeStudy(tmp)
            logic = CNSTumorQCLogic()
            calls = []
            report = logic.runQC(study, Path(tmp) / "qc", lambda *a: calls.append(a))
            self.assertEqual(calls[-1][2], "done")
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

    def test_CNSTumorQC_widget_runs_and_confirms(self):
        slicer.util.selectModule("CNSTumorQC")
        widget = slicer.modules.cnstumorqc.widgetRepresentation().self()
        self.assertIsNotNone(widget._parameterNodeGuiTag, "connectGui bound the widgets")
        with tempfile.TemporaryDirectory() as tmp:
            study = self._writeStudy(tmp)
            widget.ui.dicomDirectoryPathLineEdit.currentPath = str(study)
            widget.ui.outputDirectoryPathLineEdit.currentPath = str(Path(tmp) / "qc")
            widget.ui.reviewerLineEdit.text = "Dr Wang"
            self.assertTrue(widget.ui.runQCButton.enabled)
            widget.ui.runQCButton.click()
            table = widget.ui.seriesTableWidget
            self.assertEqual(table.rowCount, 4)
            self.assertEqual(widget.ui.qcProgressBar.value, widget.ui.qcProgressBar.maximum)
            table.selectRow(0)
            widget.ui.confirmedGradeSpinBox.value = 2
            widget.ui.gradeReasonLineEdit.text = "mild motion"
            widget.ui.confirmGradeButton.click()
            self.assertEqual(table.item(0, 7).text(), "2")
            self.assertIn(_("Study verdict"), widget.ui.verdictLabel.text)
