"""The review walk-through the demo runs on one case folder: the project's public calls, chained.

:func:`run_review_demo` creates a project and walks the case through people (with one refused
reviewer, R-PPL-1), dataset (R-DATA-1), certification (R-PPL-4), lifecycle, saving the case
folder's version (``case_bridge``), self-check, submission, review, approval, the status page
and verification.
"""

from __future__ import annotations

import datetime as _dt
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import Person, QualificationError, Role, Title
from CNSTumorAnnotationLib.project import auth, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.case_bridge import save_case_folder_version
from CNSTumorAnnotationLib.project.status import approved_versions, verify_project
from CNSTumorAnnotationLib.project.store import has_project
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError
from CNSTumorQCLib.findings import Finding

DEMO_ADMIN = "admin"
DEMO_ANNOTATOR = "dr_li"
DEMO_REVIEWER = "dr_wang"


def run_review_demo(
    project_dir: str | Path,
    case_dir: str | Path,
    self_check: Iterable[Finding] | str | Path,
    *,
    case_id: str | None = None,
    qc_grade: int | None = None,
    qc_report: str | Path | None = None,
    calibration: Sequence[training.CalibrationCase] | None = None,
    ethics_reference: str = "TCIA TCGA-LGG data usage policy (public, de-identified at source)",
    ethics_date: str | None = None,
) -> dict[str, Any]:
    """Walk one case folder through the review workflow in a new project at ``project_dir``.

    ``self_check``: the self-check's findings (or its ``selfcheck.json``). ``qc_report``: the
    case's confirmed ``qc_report.json``, whose verdict and grades ``pass_qc`` records (R-QC-2).
    ``calibration``:
    a two-team batch certifying the annotator (R-PPL-4); without one, the certification is
    recorded as an external training record, labelled as such in the audit log.
    Returns a summary: states, the refused reviewer's message, approved files, verification.
    """
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.project.status_html import write_status_html

    case = load_case(case_dir)
    case_id = case_id or case.case_id
    project_dir = Path(project_dir)
    if has_project(project_dir):
        raise InvalidInputError(tr("the demo needs a new project folder"), project_dir)
    summary: dict[str, Any] = {"project": str(project_dir), "case": case_id}
    passwords = {p: secrets.token_urlsafe(12) for p in (DEMO_ADMIN, DEMO_ANNOTATOR, DEMO_REVIEWER)}
    admin = Person(
        DEMO_ADMIN, "Project administrator", Role.ADMINISTRATOR, 0, Title.RESIDENT, "STAFF-0001"
    )
    with Project.init(project_dir, admin=admin, password=passwords[DEMO_ADMIN], name="demo") as (
        project
    ):
        _people(project, summary, passwords)
        summary["credentials"] = str(_write_demo_credentials(project_dir, passwords))
        # R-FLOW-1: every actor below signs in first, exactly as the CLI and the browser do
        for person_id, password in passwords.items():
            auth.authenticate(project, person_id, password=password)
        try:
            auth.authenticate(project, DEMO_ADMIN, password=None)
        except AuthenticationError as refusal:
            summary["refused_unauthenticated"] = str(refusal)
        project.add_dataset(
            "demo-dataset",
            actor=DEMO_ADMIN,
            ethics_reference=ethics_reference,
            ethics_date=ethics_date or _dt.date.today().isoformat(),
            deidentified=True,
        )
        summary["certification"] = _certify(project, calibration)
        project.register_case(
            case_id,
            dataset_id="demo-dataset",
            patient=case.patient_id,
            actor=DEMO_ADMIN,
            source=str(case.root),
        )
        project.deidentify(case_id, actor=DEMO_ADMIN, method="de-identified at source")
        project.pass_qc(case_id, actor=DEMO_ADMIN, grade=qc_grade, qc_report=qc_report)
        workflow.assign(project, case_id, DEMO_ANNOTATOR, actor=DEMO_ADMIN)
        workflow.start(project, case_id, actor=DEMO_ANNOTATOR)
        version = save_case_folder_version(project, case_id, case.root, actor=DEMO_ANNOTATOR)
        summary["version"] = version.number
        summary["self_check_passed"] = workflow.record_self_check(
            project, case_id, self_check, actor=DEMO_ANNOTATOR
        )
        if summary["self_check_passed"]:
            # findings given in code (fixtures) are recorded as unverified and said so
            in_code = not isinstance(self_check, str | Path)
            workflow.submit(project, case_id, actor=DEMO_ANNOTATOR, allow_unverified=in_code)
            workflow.review(
                project,
                case_id,
                reviewer=DEMO_REVIEWER,
                decision="approve",
                summary="regions follow R-SEG-1..4",
            )
        summary["state"] = project.case(case_id).state.value
        summary["status_html"] = str(write_status_html(project, project_dir / "status.html"))
    summary["approved_files"] = [str(p) for a in approved_versions(project_dir) for p in a.files]
    summary["verify"] = verify_project(project_dir).lines()
    return summary


def _people(project: Project, summary: dict[str, Any], passwords: dict[str, str]) -> None:
    project.add_person(
        DEMO_ANNOTATOR,
        name="Dr Li",
        role="annotator",
        years_experience=6,
        title="attending",
        licence="MD-110-0001",
        password=passwords[DEMO_ANNOTATOR],
        actor=DEMO_ADMIN,
    )
    project.add_person(
        DEMO_REVIEWER,
        name="Dr Wang",
        role="reviewer",
        years_experience=15,
        title="associate_chief",
        licence="MD-110-0002",
        password=passwords[DEMO_REVIEWER],
        language="zh",
        actor=DEMO_ADMIN,
    )
    try:
        project.add_person(
            "dr_zhao",
            name="Dr Zhao",
            role="reviewer",
            years_experience=7,
            title="attending",
            licence="MD-110-0003",
            actor=DEMO_ADMIN,
        )
    except QualificationError as refusal:
        summary["refused_reviewer"] = str(refusal)


def _write_demo_credentials(project_dir: Path, passwords: dict[str, str]) -> Path:
    """The demo's generated passwords, readable by the owner only, so that ``cnstumor serve``
    can be tried on the demo project. A real project never writes a password anywhere."""
    path = project_dir / "demo-credentials.txt"
    lines = ["# generated by the demo for its own people; never do this in a real project"]
    lines += [f"{person} {password}" for person, password in passwords.items()]
    write_text_atomic(path, "\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


def _certify(project: Project, calibration: Sequence[training.CalibrationCase] | None) -> str:
    if calibration:
        report = training.assess_calibration(calibration)
        team_a, team_b = report.teams
        training.certify_teams(
            project, report, {team_a: [DEMO_ANNOTATOR], team_b: []}, actor=DEMO_ADMIN
        )
        return (
            tr("certified by calibration")
            if report.certified
            else tr("calibration fell short: {shortfalls}", shortfalls="; ".join(report.shortfalls))
        )
    training.record_certification(
        project,
        DEMO_ANNOTATOR,
        team="external",
        certified=True,
        thresholds_version="external training record (demo)",
        report_sha256="0" * 64,
        actor=DEMO_ADMIN,
    )
    return tr("external training record (demo)")
