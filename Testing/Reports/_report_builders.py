"""Each HTML report of the project, made from real data through the public API, fast.

Used by the browser tests and by ``docs/make_screenshots.py`` (so the README's pictures are
the pages the tests check):

- QC: the bundled case written as a DICOM MR study, then ``run_qc`` (~2 s);
- agreement: the five bundled BraTS algorithm label maps (~4 s);
- status: a project with one approved, one submitted and one returned case whose versions
  are the bundled case's real label maps (<1 s);
- training: a two-team calibration whose "teams" are bundled algorithm label maps (~2 s);
- export preview: the bundled case's SRI-24 volumes with the ``mav`` labels landed on them
  (identity transform: the labels are in SRI-24 already), exported as NIfTI, BraTS and
  nnU-Net (~8 s).
"""

from __future__ import annotations

from pathlib import Path

import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.bundled import BUNDLED_ALGORITHMS, bundled_case_agreement
from CNSTumorAnnotationLib.case.labelmap_import import apply_reference_labels
from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti
from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorAnnotationLib.export.preview import PREVIEW_NAME
from CNSTumorAnnotationLib.people import Person, Role, Title
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.status_html import write_status_html
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorAnnotationLib.training.report_html import write_training_report_html
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.qc import run_qc
from CNSTumorQCLib.sequences import MRSequence

ADMIN, ANNOTATOR, REVIEWER = "admin", "dr_li", "dr_wang"
#: The states the status page is built to show, by case ID.
STATUS_CASES = {"CNST-0001": "approved", "CNST-0002": "submitted", "CNST-0003": "returned"}
RETURN_COMMENT = "enhancing rim misses the medial margin"


def init_project(directory: Path, name: str) -> Project:
    """A new project with its first administrator :data:`ADMIN`."""
    admin = Person(ADMIN, "Project administrator", Role.ADMINISTRATOR, 0, Title.RESIDENT, "S-1")
    return Project.init(directory, admin=admin, password="report-admin-pass", name=name)


def qc_report(out_dir: Path) -> Path:
    """``qc_report.html`` of the bundled case written as a DICOM study."""
    study = out_dir / "study"
    write_sample_case_study(study)
    run_qc(study, out_dir / "qc")
    return out_dir / "qc" / "qc_report.html"


def agreement_report(out_dir: Path) -> Path:
    """``agreement.html`` of the five bundled algorithm label maps."""
    bundled_case_agreement(sample_data_dir(), out_dir / "agreement")
    return out_dir / "agreement" / "agreement.html"


def status_report(out_dir: Path) -> Path:
    """``status.html`` of a project holding a case in each of :data:`STATUS_CASES`' states."""
    labels = sample_data_dir() / "reference_labels"
    with init_project(out_dir / "glioma-2026", name="glioma-2026") as project:
        _people(project)
        for index, (case_id, state) in enumerate(STATUS_CASES.items()):
            label_map = labels / f"{BUNDLED_ALGORITHMS[index]}.nii.gz"
            _walk_case(project, case_id, label_map, state)
        return write_status_html(project, out_dir / "status.html")


def training_report(out_dir: Path) -> Path:
    """The calibration report of two "teams" whose label maps are bundled algorithm outputs."""
    labels = sample_data_dir() / "reference_labels"
    cases = [
        training.CalibrationCase(
            f"cal-{index}",
            {"A": labels / f"{a}.nii.gz", "B": labels / f"{b}.nii.gz"},
            {"A": 3, "B": grade_b},
        )
        for index, (a, b, grade_b) in enumerate(
            [("hnfnetv1-20", "isen-20", 3), ("sanet0-20", "scan-20", 2)], start=1
        )
    ]
    report = training.assess_calibration(cases)
    return write_training_report_html(report, out_dir / "training.html")


def export_preview(out_dir: Path) -> Path:
    """``preview.html`` of the bundled case (SRI-24 volumes, ``mav`` labels) exported as
    NIfTI, BraTS 2023 and nnU-Net."""
    sri24 = sample_data_dir() / "sri24"
    volumes = {
        sequence: sri24 / f"{sequence.value}.nii.gz"
        for sequence in (MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR)
    }
    # the SRI-24 volumes share one grid already: no co-registration to run
    case = import_case_from_nifti(volumes, out_dir / "TCGA-FG-6692", "TCGA-FG-6692", register=False)
    identity = out_dir / "identity.tfm"
    sitk.WriteTransform(sitk.Transform(3, sitk.sitkIdentity), str(identity))
    labels = sample_data_dir() / "reference_labels" / "mav.nii.gz"
    apply_reference_labels(case, labels, "brats2021", transform=identity)
    result = export_case(case.root, out_dir / "export", "nifti,brats,nnunet")
    return result.case_folder / PREVIEW_NAME


def _people(project: Project) -> None:
    project.add_dataset(
        "tcga-lgg",
        actor=ADMIN,
        ethics_reference="TCIA TCGA-LGG data usage policy",
        ethics_date="2026-03-01",
        deidentified=True,
    )
    for person, name, role, years, title in [
        (ANNOTATOR, "Dr Li", "annotator", 6, "attending"),
        (REVIEWER, "Dr Wang", "reviewer", 15, "associate_chief"),
    ]:
        project.add_person(
            person,
            licence=f"L-{person}",
            name=name,
            role=role,
            years_experience=years,
            title=title,
            actor=ADMIN,
        )
    training.record_certification(
        project,
        ANNOTATOR,
        team="external",
        certified=True,
        thresholds_version="external training record",
        report_sha256="0" * 64,
        actor=ADMIN,
    )


def _walk_case(project: Project, case_id: str, label_map: Path, state: str) -> None:
    """Register ``case_id`` and walk it through the lifecycle to ``state``."""
    project.register_case(case_id, dataset_id="tcga-lgg", patient=f"P-{case_id}", actor=ADMIN)
    project.deidentify(case_id, actor=ADMIN, method="de-identified at source")
    project.pass_qc(case_id, actor=ADMIN, grade=3)
    workflow.assign(project, case_id, ANNOTATOR, actor=ADMIN)
    workflow.start(project, case_id, actor=ANNOTATOR)
    workflow.save_version(project, case_id, [label_map], actor=ANNOTATOR, schema_version="brats")
    clean = [Finding("R-ANN-9", Severity.INFO, "first and last slice labelled")]
    assert workflow.record_self_check(project, case_id, clean, actor=ANNOTATOR)
    workflow.submit(project, case_id, actor=ANNOTATOR, allow_unverified=True)
    if state == "approved":
        workflow.review(project, case_id, reviewer=REVIEWER, decision="approve")
    elif state == "returned":
        comment = workflow.ReviewComment(RETURN_COMMENT, region="enhancing", slice_index=74)
        workflow.review(project, case_id, reviewer=REVIEWER, decision="return", comments=[comment])
