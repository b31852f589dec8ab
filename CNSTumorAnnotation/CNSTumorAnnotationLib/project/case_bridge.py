"""Bridges between the project store and a case folder, and the review walk-through the demo runs.

:func:`save_case_folder_version` records a case folder's annotation version (``case.py``:
``annotations/vNNNN/``) as a project version: the files are checked against the checksums the
case folder recorded (R-FMT-2) and copied atomically into the project.
:func:`run_review_demo` chains the public calls of issue 5 on one case folder: project, people
(with one refused reviewer, R-PPL-1), dataset (R-DATA-1), lifecycle, self-check, submission,
review, approval, status report and verification.
"""

from __future__ import annotations

import datetime as _dt
import json
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.project import auth, versions, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.people import Person, QualificationError, Role, Title
from CNSTumorAnnotationLib.project.status import approved_versions, verify_project
from CNSTumorAnnotationLib.project.store import DATABASE_NAME
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorQCLib.atomic import sha256_file, write_text_atomic
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError
from CNSTumorQCLib.findings import Finding

DEMO_ADMIN = "admin"
DEMO_ANNOTATOR = "dr_li"
DEMO_REVIEWER = "dr_wang"


def save_case_folder_version(
    project: Project,
    case_id: str,
    case_dir: str | Path,
    *,
    actor: str,
    version: int | None = None,
) -> versions.ProjectVersion:
    """Save version ``version`` (default: latest) of the case folder ``case_dir`` as the next
    project version of ``case_id``: its segmentation files and its ``version.json``."""
    from CNSTumorAnnotationLib.case.folder import VERSION_FILE, get_version, load_case

    case = load_case(case_dir)
    chosen = get_version(case, version)
    files = sorted(chosen.files.values())
    for path in files:
        expected = chosen.sha256.get(path.name)
        if expected and sha256_file(path) != expected:
            raise InvalidInputError(
                f"R-FMT-2: {path.name} no longer matches the checksum its case folder recorded",
                path,
            )
    record = chosen.folder / VERSION_FILE
    schema_version = case.schema.version
    if record.is_file():
        files.append(record)
        schema_version = str(
            json.loads(record.read_text(encoding="utf-8")).get("schema_version", schema_version)
        )
    return workflow.save_version(
        project,
        case_id,
        files,
        actor=actor,
        schema_version=schema_version,
        note=f"case folder {case.root.name} version {chosen.version}",
        source_folder=str(case.root),
        source_version=int(chosen.version),
    )


def run_review_demo(
    project_dir: str | Path,
    case_dir: str | Path,
    self_check: Iterable[Finding] | str | Path,
    *,
    case_id: str | None = None,
    qc_grade: int | None = None,
    calibration: Sequence[training.CalibrationCase] | None = None,
    ethics_reference: str = "TCIA TCGA-LGG data usage policy (public, de-identified at source)",
    ethics_date: str | None = None,
) -> dict[str, Any]:
    """Walk one case folder through the review workflow in a new project at ``project_dir``.

    ``self_check``: the self-check's findings (or its ``selfcheck.json``). ``calibration``:
    a two-team batch certifying the annotator (R-PPL-4); without one, the certification is
    recorded as an external training record, labelled as such in the audit log.
    Returns a summary: states, the refused reviewer's message, approved files, verification.
    """
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.project.status_html import write_status_html

    case = load_case(case_dir)
    case_id = case_id or case.case_id
    project_dir = Path(project_dir)
    if (project_dir / DATABASE_NAME).exists():
        raise InvalidInputError("the demo needs a new project folder", project_dir)
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
        project.pass_qc(case_id, actor=DEMO_ADMIN, grade=qc_grade)
        workflow.assign(project, case_id, DEMO_ANNOTATOR, actor=DEMO_ADMIN)
        workflow.start(project, case_id, actor=DEMO_ANNOTATOR)
        version = save_case_folder_version(project, case_id, case.root, actor=DEMO_ANNOTATOR)
        summary["version"] = version.number
        summary["self_check_passed"] = workflow.record_self_check(
            project, case_id, self_check, actor=DEMO_ANNOTATOR
        )
        if summary["self_check_passed"]:
            workflow.submit(project, case_id, actor=DEMO_ANNOTATOR)
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
            "certified by calibration"
            if report.certified
            else "calibration fell short: " + "; ".join(report.shortfalls)
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
    return "external training record (demo)"
