"""``cnstumor project ...``: the annotation project's store and review workflow from the shell.

cnstumor project init DIR --admin admin --admin-name NAME --licence STAFF-1 --password-file admin.pw
    [--db postgresql://user@host:5432/dbname]
cnstumor project copy DIR --to postgresql://user@host:5432/dbname   (SQLite -> PostgreSQL)
cnstumor project person add DIR --id dr_li --name "Dr Li" --role annotator --years 6 --title attending
    --licence MD-1 --new-password-file li.pw --actor admin --password-file admin.pw
cnstumor project person role|password ...; cnstumor project token create|revoke ...
cnstumor project dataset add DIR --id tcga --ethics-ref IRB-1 --ethics-date 2026-03-01 --deidentified
cnstumor project case register DIR --case c1 --dataset tcga --patient P1 --actor admin
    (--dicom DEID_DIR --key-file KEY: de-identification verified; or --no-dicom, recorded)
cnstumor project case step DIR --case c1 --action deidentify|pass_qc|exclude|start|revise|reopen --actor X
    (pass_qc takes --qc-report QC/qc_report.json: its verdict and confirmed grades are recorded)
cnstumor project assign DIR --case c1 --to dr_li --actor admin
cnstumor project save DIR --case c1 --actor dr_li (--file F ... | --case-folder CASE_DIR [--version N])
cnstumor project selfcheck DIR --case c1 --actor dr_li --findings selfcheck.json
cnstumor project submit DIR --case c1 --actor dr_li
cnstumor project review DIR --case c1 --actor dr_wang (--approve | --return --comment "enhancing@72: rim")
cnstumor project status DIR [--html status.html] [--json]
cnstumor project agreement DIR --batch calibration.json [--certify --actor admin]
cnstumor project verify DIR

Every command that changes the project signs its actor in (``--password-file``,
``CNSTUMOR_PASSWORD``, ``--token-file`` or ``CNSTUMOR_TOKEN``; see :mod:`.credentials`).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.cli import credentials
from CNSTumorAnnotationLib.cli import project_people as people_commands
from CNSTumorAnnotationLib.cli.app import display_width
from CNSTumorAnnotationLib.i18n import LANGUAGES, tr
from CNSTumorAnnotationLib.people import Person, Role, Title
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.lifecycle import state_name
from CNSTumorAnnotationLib.project.status import project_status, verify_project
from CNSTumorAnnotationLib.project.workflow import ReviewComment, ReviewDecision
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError, SchemaError

_COMMENT = re.compile(r"^(?P<region>[A-Za-z_]+)(@(?P<slice>\d+))?:\s*(?P<text>.+)$", re.S)
_STEPS = ("deidentify", "pass_qc", "exclude", "start", "revise", "reopen")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "project", help=tr("annotation project: people, cases, review, audit")
    )
    commands = parser.add_subparsers(dest="project_command", metavar="SUBCOMMAND", required=True)
    init = _simple(
        commands, "init", tr("create a project folder with its first administrator"), _init
    )
    init.add_argument("--name", default="", help=tr("the project's name (default: the folder's)"))
    init.add_argument("--admin", default="admin", help=tr("the administrator's person id"))
    init.add_argument("--admin-name", required=True, help=tr("the administrator's full name"))
    init.add_argument("--licence", required=True, help=tr("the administrator's staff number"))
    init.add_argument(
        "--password-file",
        type=Path,
        help=tr(
            "file whose first line is the administrator's new password (or the {variable} "
            "environment variable)",
            variable=credentials.PASSWORD_ENV,
        ),
    )
    init.add_argument(
        "--db",
        metavar="URL",
        help=tr(
            "a PostgreSQL database for the project (postgresql://user@host:port/db; "
            "the password goes in ~/.pgpass or PGPASSWORD, never in the URL)"
        ),
    )
    copy = _simple(
        commands,
        "copy",
        tr("move the project's SQLite database onto PostgreSQL (rows, ids and audit chain kept)"),
        _copy,
    )
    copy.add_argument("--to", required=True, metavar="URL", help=tr("an empty PostgreSQL database"))
    _simple(
        commands,
        "verify",
        tr("check database integrity, audit hash chain and file checksums"),
        _verify,
    )
    _register_people(commands)
    people_commands.register_tokens(commands, _simple)
    _register_cases(commands)
    _register_review(commands)
    status = _simple(commands, "status", tr("cases per state and the review queue"), _status)
    status.add_argument(
        "--html", type=Path, help=tr("also write a self-contained HTML report here")
    )
    status.add_argument("--json", action="store_true", help=tr("print JSON instead of a table"))
    agreement = _simple(
        commands, "agreement", tr("training-phase calibration: two teams (R-PPL-4)"), _agreement
    )
    agreement.add_argument("--batch", type=Path, required=True, help=tr("calibration batch JSON"))
    agreement.add_argument(
        "--certify", action="store_true", help=tr("record the outcome for the team members")
    )
    credentials.add_arguments(agreement, tr("the administrator recording the certification"))


def _simple(
    commands: Any, name: str, help_text: str, func: Any, extra: Any = None
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.add_argument(
        "project_dir", type=Path, metavar="DIR", help=tr("the annotation project folder")
    )
    if extra:
        extra(parser)
    parser.set_defaults(func=func)
    return parser


def _register_people(commands: Any) -> None:
    person = commands.add_parser("person", help=tr("people (R-PPL-1)")).add_subparsers(
        dest="person_command", required=True
    )
    add = _simple(
        person, "add", tr("add a person; refused when not qualified for the role"), _person_add
    )
    add.add_argument("--id", required=True, help=tr("the new person's id (used to sign in)"))
    add.add_argument("--name", required=True, help=tr("the person's full name"))
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help=tr("role"))
    add.add_argument(
        "--years", type=int, required=True, help=tr("years of clinical or imaging experience")
    )
    add.add_argument(
        "--title",
        required=True,
        help=tr(
            "professional title: one of {titles} (or 主治医师 ...)",
            titles=", ".join(t.value for t in Title),
        ),
    )
    add.add_argument(
        "--licence", required=True, help=tr("licence or staff number (one human, one identity)")
    )
    add.add_argument(
        "--language", default="en", choices=list(LANGUAGES), help=tr("wizard language")
    )
    add.add_argument(
        "--new-password-file", type=Path, help=tr("the new person's first password (first line)")
    )
    credentials.add_arguments(add, tr("the administrator adding the person"))
    people_commands.register_people(person, _simple)
    dataset = commands.add_parser("dataset", help=tr("datasets (R-DATA-1)")).add_subparsers(
        dest="dataset_command", required=True
    )
    dadd = _simple(dataset, "add", tr("record a dataset with its ethics approval"), _dataset_add)
    dadd.add_argument("--id", required=True, help=tr("the dataset's id"))
    dadd.add_argument("--ethics-ref", help=tr("reference of the ethics committee's approval"))
    dadd.add_argument("--ethics-date", help=tr("date of the ethics approval, YYYY-MM-DD"))
    dadd.add_argument(
        "--deidentified", action="store_true", help=tr("the dataset is de-identified (R-DATA-1)")
    )
    dadd.add_argument("--description", default="", help=tr("a description of the dataset"))
    credentials.add_arguments(dadd, tr("the administrator recording the dataset"))


def _register_cases(commands: Any) -> None:
    case = commands.add_parser("case", help=tr("cases")).add_subparsers(
        dest="case_command", required=True
    )
    reg = _simple(
        case,
        "register",
        tr("register a collected case (state imported; R-DATA-1)"),
        _case_register,
    )
    reg.add_argument("--case", required=True, help=tr("the new case's id"))
    reg.add_argument("--dataset", required=True, help=tr("the dataset the case belongs to"))
    reg.add_argument("--patient", required=True, help=tr("the patient's pseudonym (R-DATA-1)"))
    reg.add_argument(
        "--phase",
        default="production",
        choices=["production", "calibration"],
        help=tr("production, or the training phase's calibration (default: %(default)s)"),
    )
    reg.add_argument("--source", help=tr("where the case came from (recorded in the audit log)"))
    deid = reg.add_mutually_exclusive_group(required=True)
    deid.add_argument(
        "--dicom", type=Path, help=tr("the case's de-identified DICOM folder, verified (R-DATA-1)")
    )
    deid.add_argument(
        "--no-dicom",
        action="store_true",
        help=tr("the case has no DICOM to verify (e.g. NIfTI from a public archive); recorded"),
    )
    reg.add_argument(
        "--key-file", type=Path, help=tr("the pseudonym key that de-identified --dicom")
    )
    credentials.add_arguments(reg, tr("the administrator registering the case"))
    step = _simple(case, "step", tr("move a case one lifecycle step (R-FLOW-1)"), _case_step)
    step.add_argument("--case", required=True, help=tr("the case's id"))
    step.add_argument("--action", required=True, choices=_STEPS, help=tr("the step"))
    credentials.add_arguments(step)
    step.add_argument("--reason", default="", help=tr("for exclude / reopen"))
    step.add_argument(
        "--qc-report",
        type=Path,
        help=tr("pass_qc: the case's qc_report.json with radiologist-confirmed grades (R-QC-2)"),
    )
    assign = _simple(
        commands, "assign", tr("assign a case to a qualified, certified annotator"), _assign
    )
    assign.add_argument("--case", required=True, help=tr("the case's id"))
    assign.add_argument("--to", required=True, help=tr("the annotator's person id"))
    credentials.add_arguments(assign, tr("the administrator assigning the case"))
    save = _simple(
        commands,
        "save",
        tr("save annotation files (or a case-folder version) as a new version"),
        _save,
    )
    save.add_argument("--case", required=True, help=tr("the case's id"))
    credentials.add_arguments(save, tr("the assignee"))
    save.add_argument(
        "--file",
        dest="files",
        action="append",
        type=Path,
        default=[],
        help=tr("an annotation file of the version (repeatable)"),
    )
    save.add_argument(
        "--case-folder", type=Path, help=tr("a case folder (case.json) whose version to record")
    )
    save.add_argument(
        "--version", type=int, help=tr("case-folder version number (default: the latest)")
    )
    save.add_argument(
        "--schema-version", default="", help=tr("label schema version of loose files")
    )


def _register_review(commands: Any) -> None:
    check = _simple(
        commands,
        "selfcheck",
        tr("record the self-check of the latest version (R-ANN-9)"),
        _selfcheck,
    )
    check.add_argument("--case", required=True, help=tr("the case's id"))
    credentials.add_arguments(check, tr("the assignee"))
    check.add_argument("--findings", type=Path, required=True, help=tr("selfcheck.json"))
    submit = _simple(
        commands, "submit", tr("submit for review (needs a passed self-check)"), _submit
    )
    submit.add_argument("--case", required=True, help=tr("the case's id"))
    credentials.add_arguments(submit, tr("the assignee"))
    review = _simple(
        commands, "review", tr("approve or return a submitted case (R-PPL-3)"), _review
    )
    review.add_argument("--case", required=True, help=tr("the case's id"))
    credentials.add_arguments(review, tr("the reviewer"))
    review.add_argument("--reviewer", dest="actor", help=tr("the same as --actor"))
    decision = review.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true", help=tr("approve the version"))
    decision.add_argument(
        "--return",
        dest="return_",
        action="store_true",
        help=tr("return the case to its annotator for revision"),
    )
    review.add_argument(
        "--comment",
        action="append",
        default=[],
        help=tr("REGION[@SLICE]: TEXT, or plain TEXT (repeatable)"),
    )
    review.add_argument("--summary", default="", help=tr("an overall comment"))


def _init(args: argparse.Namespace) -> int:
    password = credentials.password_from(args)
    if password is None:
        raise AuthenticationError(
            tr(
                "the first administrator needs a password: --password-file or {variable}",
                variable=credentials.PASSWORD_ENV,
            )
        )
    admin = Person(args.admin, args.admin_name, Role.ADMINISTRATOR, 0, Title.RESIDENT, args.licence)
    Project.init(
        args.project_dir, admin=admin, password=password, name=args.name, database=args.db
    ).close()
    where = "project.database -> PostgreSQL" if args.db else "project.sqlite"
    print(
        tr(
            "created annotation project {project_dir} ({database}, cases/); administrator {admin}",
            project_dir=args.project_dir,
            database=where,
            admin=args.admin,
        )
    )
    return 0


def _copy(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.project.copy import copy_to_postgresql

    for line in copy_to_postgresql(args.project_dir, args.to).lines():
        print(line)
    return 0


def _verify(args: argparse.Namespace) -> int:
    report = verify_project(args.project_dir)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


def _person_add(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        person = project.add_person(
            args.id,
            name=args.name,
            role=args.role,
            years_experience=args.years,
            title=args.title,
            licence=args.licence,
            language=args.language,
            password=credentials.password_from(args, "new_password_file"),
            actor=credentials.signed_in(project, args),
        )
    print(
        tr(
            "added {role} {person_name} ({title}, {years_experience} years)",
            role=person.role.value,
            person_name=person.name,
            title=person.title.label,
            years_experience=person.years_experience,
        )
    )
    return 0


def _dataset_add(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        project.add_dataset(
            args.id,
            actor=credentials.signed_in(project, args),
            ethics_reference=args.ethics_ref,
            ethics_date=args.ethics_date,
            deidentified=args.deidentified,
            description=args.description,
        )
    print(tr("recorded dataset {id}", id=args.id))
    return 0


def _case_register(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        project.register_case(
            args.case,
            dataset_id=args.dataset,
            patient=args.patient,
            actor=credentials.signed_in(project, args),
            phase=args.phase,
            source=args.source,
            dicom_dir=args.dicom,
            key_file=args.key_file if args.dicom else None,
        )
    print(tr("registered case {case} (imported)", case=args.case))
    return 0


def _case_step(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        actor = credentials.signed_in(project, args)
        if args.action == "pass_qc":
            if args.qc_report is None:
                raise InvalidInputError(
                    tr(
                        "pass_qc needs --qc-report: the grades a radiologist confirmed in the QC "
                        "report are recorded, never a grade typed here (R-QC-2)"
                    )
                )
            state = project.pass_qc(args.case, actor=actor, qc_report=args.qc_report)
        elif args.action == "exclude":
            state = project.exclude(args.case, actor=actor, reason=args.reason)
        elif args.action == "reopen":
            state = workflow.reopen(project, args.case, actor=actor, reason=args.reason)
        elif args.action == "start":
            state = workflow.start(project, args.case, actor=actor)
        elif args.action == "revise":
            state = workflow.revise(project, args.case, actor=actor)
        else:
            state = project.deidentify(args.case, actor=actor)
    print(tr("case {case}: {state}", case=args.case, state=state_name(state.value)))
    return 0


def _assign(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        workflow.assign(project, args.case, args.to, actor=credentials.signed_in(project, args))
    print(tr("case {case} assigned to {to}", case=args.case, to=args.to))
    return 0


def _save(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        actor = credentials.signed_in(project, args)
        if args.case_folder:
            from CNSTumorAnnotationLib.project.case_bridge import save_case_folder_version

            version = save_case_folder_version(
                project, args.case, args.case_folder, actor=actor, version=args.version
            )
        elif args.files:
            if not args.schema_version:
                raise InvalidInputError(
                    tr("--schema-version is required with loose annotation files")
                )
            version = workflow.save_version(
                project, args.case, args.files, actor=actor, schema_version=args.schema_version
            )
        else:
            raise InvalidInputError(tr("give annotation files (--file) or --case-folder"))
    print(
        tr(
            "case {case}: saved version {number} ({files} files)",
            case=args.case,
            number=version.number,
            files=len(version.files),
        )
    )
    return 0


def _selfcheck(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        passed = workflow.record_self_check(
            project, args.case, args.findings, actor=credentials.signed_in(project, args)
        )
    if passed:
        print(tr("case {case}: self-check passed", case=args.case))
    else:
        print(tr("case {case}: self-check has blocking findings (R-ANN-9)", case=args.case))
    return 0 if passed else 1


def _submit(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        workflow.submit(project, args.case, actor=credentials.signed_in(project, args))
    print(tr("case {case}: submitted for review", case=args.case))
    return 0


def parse_comment(text: str) -> ReviewComment:
    """``enhancing@72: rim too thick`` -> region, slice and text; plain text is kept whole."""
    match = _COMMENT.match(text.strip())
    if not match:
        return ReviewComment(text.strip())
    index = match.group("slice")
    return ReviewComment(
        match.group("text").strip(), match.group("region"), int(index) if index else None
    )


def _review(args: argparse.Namespace) -> int:
    decision = ReviewDecision.APPROVE if args.approve else ReviewDecision.RETURN
    with Project.open(args.project_dir) as project:
        state = workflow.review(
            project,
            args.case,
            reviewer=credentials.signed_in(project, args),
            decision=decision,
            comments=[parse_comment(c) for c in args.comment],
            summary=args.summary,
        )
    print(tr("case {case}: {state}", case=args.case, state=state_name(state.value)))
    return 0


def _status(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        status = project_status(project)
        if args.html:
            from CNSTumorAnnotationLib.project.status_html import write_status_html

            write_status_html(project, args.html)
    if args.json:
        print(json.dumps(status, indent=2, default=str))
        return 0
    counts = ", ".join(f"{state_name(k)} {v}" for k, v in status["counts"].items() if v)
    print(
        tr(
            "{project}: {counts}; review queue {queued}",
            project=status["project"],
            counts=counts or tr("no cases"),
            queued=len(status["review_queue"]),
        )
    )
    for row in status["cases"]:
        state = state_name(row["state"])
        state += " " * max(0, 13 - display_width(state))  # a Chinese character is two columns
        print(f"  {row['case']:<20} {state} {row['assignee'] or '-':<12} v{row['version'] or '-'}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.training.calibration import assess_calibration, certify_teams

    cases, members, regions = load_batch(args.batch)
    report = assess_calibration(cases, **({"regions": regions} if regions else {}))
    with Project.open(args.project_dir) as project:
        if args.certify:
            actor = credentials.signed_in(project, args)
            path = certify_teams(project, report, members, actor=actor)
        else:
            from CNSTumorAnnotationLib.training.report_html import write_training_report_html
            from CNSTumorQCLib.atomic import write_json_atomic

            path = write_json_atomic(
                args.project_dir / "training" / f"calibration-{report.sha256()[:12]}.json",
                report.to_dict(),
            )
            write_training_report_html(report, path.with_suffix(".html"))
    if report.certified:
        print(tr("certified (R-PPL-4); report: {path}", path=path))
    else:
        print(tr("NOT certified (R-PPL-4); report: {path}", path=path))
    for line in report.shortfalls:
        print(f"  {line}")
    return 0 if report.certified else 1


def load_batch(path: Path) -> tuple[list[Any], dict[str, list[str]], dict[str, list[int]] | None]:
    """Read a calibration batch: ``{"teams": {"A": [ids]}, "regions": {...}?, "cases": [{"case",
    "labels": {"A": path}, "grades": {"A": 3}}]}``; label paths are relative to the file."""
    from CNSTumorAnnotationLib.training.calibration import CalibrationCase

    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        cases = [
            CalibrationCase(
                str(c["case"]),
                {t: (Path(path).parent / p) for t, p in c["labels"].items()},
                {t: int(g) for t, g in c.get("grades", {}).items()},
            )
            for c in payload["cases"]
        ]
        members = {str(t): [str(p) for p in ids] for t, ids in payload["teams"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SchemaError(tr("not a calibration batch: {error}", error=error), path) from error
    return cases, members, payload.get("regions")
