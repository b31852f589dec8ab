"""Who may do what to a case: assignment, annotation versions, self-check, submission, review.

Each function checks the person against the rules (R-PPL-1 qualification, R-PPL-4
certification, R-PPL-3 no self-review, R-ANN-9 self-check before submission) and then moves
the case through the lifecycle table in one transaction with its audit entry (R-FLOW-1).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import (
    NotPermittedError,
    Person,
    QualificationError,
    Role,
)
from CNSTumorAnnotationLib.project import audit, store, versions
from CNSTumorAnnotationLib.project.annotation_project import Project, ProjectCase, role_name
from CNSTumorAnnotationLib.project.lifecycle import Action, CaseState
from CNSTumorQCLib.errors import InvalidInputError, SchemaError, WorkflowError
from CNSTumorQCLib.findings import Finding, has_blocking


class ReviewDecision(enum.Enum):
    """The two outcomes of a review (R-PPL-3). Values are stored: never rename."""

    APPROVE = "approve"
    RETURN = "return"


@dataclass(frozen=True)
class ReviewComment:
    """A reviewer's remark, located by region (schema segment) and slice when it applies."""

    text: str
    region: str | None = None
    slice_index: int | None = None


def is_certified(project: Project, person_id: str) -> bool:
    """True when the person's latest training-phase certification passed (R-PPL-4)."""
    row = project.conn.execute(
        "SELECT certified FROM certifications WHERE person = ? ORDER BY id DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    return bool(row and row[0])


def assign(project: Project, case_id: str, annotator_id: str, *, actor: str) -> CaseState:
    """Assign a QC-passed case to an annotator: qualified (R-PPL-1) and, for production
    cases, certified by the training phase (R-PPL-4). Only an administrator assigns."""
    project.require_administrator(actor, tr("assign case {case_id}", case_id=case_id))
    person = project.person(annotator_id)
    if person.role is not Role.ANNOTATOR:
        raise QualificationError(
            tr(
                (
                    "R-PPL-1: {person_name} is a {role}, not an annotator; case {case_id} "
                    "can only be assigned to an annotator"
                ),
                person_name=person.name,
                role=role_name(person.role),
                case_id=case_id,
            )
        )
    project.qualification_rules().require(person, Role.ANNOTATOR)
    case = project.case(case_id)
    if case.phase == "production" and not is_certified(project, annotator_id):
        raise QualificationError(
            tr(
                (
                    "R-PPL-4: {person_name} is not certified for production annotation; the "
                    "training phase (two teams, excellent agreement) must be passed first"
                ),
                person_name=person.name,
            )
        )
    return project.move(
        case_id,
        Action.ASSIGN,
        actor=actor,
        assignee=annotator_id,
        details={"assignee": annotator_id, "rules": project.qualification_rules().version},
    )


def start(project: Project, case_id: str, *, actor: str) -> CaseState:
    """The assignee starts annotating."""
    _require_assignee(project, case_id, actor, tr("start case {case_id}", case_id=case_id))
    return project.move(case_id, Action.START, actor=actor)


def save_version(
    project: Project,
    case_id: str,
    files: Sequence[str | Path],
    *,
    actor: str,
    schema_version: str,
    note: str = "",
    source_folder: str | None = None,
    source_version: int | None = None,
) -> versions.ProjectVersion:
    """Save the assignee's annotation files as a new version (copied atomically into the
    project). An approved case refuses: its version is immutable (R-PPL-3); reopen it first.
    ``source_folder``/``source_version`` record the case folder version it came from."""
    case = project.case(case_id)
    if case.state is CaseState.APPROVED:
        latest = versions.latest_version(project.conn, case_id)
        raise WorkflowError(
            tr(
                (
                    "R-PPL-3: case {case_id} is approved; version {number} is immutable. "
                    "Reopen the case: the change becomes a new version that is reviewed again"
                ),
                case_id=case_id,
                number=latest.number if latest else "?",
            )
        )
    _require_assignee(
        project, case_id, actor, tr("save a version of case {case_id}", case_id=case_id)
    )
    sources = [Path(f) for f in files]
    with store.transaction(project.conn) as conn:
        parent = versions.latest_version(conn, case_id)
        number = versions.next_number(conn, case_id)
        folder = versions.version_folder(case_id, number)
        records = versions.write_version_files(project.directory, folder, sources)
        version_id = versions.insert_version(
            conn,
            case_id=case_id,
            number=number,
            author=actor,
            created_at=store.utc_now(),
            parent_id=parent.id if parent else None,
            schema_version=schema_version,
            note=note,
            files=records,
            source_folder=source_folder,
            source_version=source_version,
        )
        project._move_in_transaction(
            case_id,
            Action.SAVE_VERSION,
            actor=actor,
            version_id=version_id,
            details={
                "number": number,
                "schema_version": schema_version,
                "files": {r.relpath: r.sha256 for r in records},
            },
        )
    return versions.load_version(project.conn, version_id)


def load_findings(
    source: Iterable[Finding] | str | Path,
) -> tuple[list[Finding], str | None, dict[str, str]]:
    """Findings given as objects, or read from a ``selfcheck.json`` (a list of finding dicts,
    or an object with a ``findings`` list and optionally the ``annotation_sha256`` it checked)."""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            payload: Any = json.loads(path.read_text(encoding="utf-8"))
            items = payload["findings"] if isinstance(payload, dict) else payload
            checked = (
                dict(payload.get("annotation_sha256") or {}) if isinstance(payload, dict) else {}
            )
            return [Finding.from_dict(item) for item in items], str(path), checked
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise SchemaError(tr("not a self-check result: {error}", error=error), path) from error
    return list(source), None, {}


def _check_same_files(
    case_id: str, version: versions.ProjectVersion, checked: dict[str, str], source: str | None
) -> None:
    """R-ANN-9: a self-check that names the files it checked must have checked these files."""
    recorded = {Path(f.relpath).name: f.sha256 for f in version.files}
    for name, digest in checked.items():
        if name in recorded and recorded[name] != digest:
            raise SchemaError(
                tr(
                    (
                        "R-ANN-9: this self-check examined a different {name} than version "
                        "{number} of case {case_id} holds; run the self-check on the saved "
                        "version"
                    ),
                    name=name,
                    number=version.number,
                    case_id=case_id,
                ),
                source,
            )


def record_self_check(
    project: Project,
    case_id: str,
    findings: Iterable[Finding] | str | Path,
    *,
    actor: str,
    runtime: Any = None,
) -> bool:
    """Record the self-check of the latest version (R-ANN-9). Returns True when it passed (no
    blocking finding) and the case is ``self_checked``; a blocked check is recorded and the
    case stays ``in_progress``.

    A ``selfcheck.json`` is verified, not trusted (``selfcheck_evidence.verify_report``): bound
    to the version's files, re-run on them, the same findings; the re-run's findings are what
    is recorded, with the checklist and the R-ANN-1 record in the audit entry. Findings given as
    objects (code that ran the check itself) are recorded as unverified, and ``submit`` refuses
    them unless its caller says otherwise."""
    _require_assignee(project, case_id, actor, tr("self-check case {case_id}", case_id=case_id))
    found, source, checked = load_findings(findings)
    latest = versions.latest_version(project.conn, case_id)
    if latest is None:
        raise WorkflowError(
            tr(
                "R-ANN-9: case {case_id} has no saved annotation version to self-check",
                case_id=case_id,
            )
        )
    _check_same_files(case_id, latest, checked, source)
    evidence: dict[str, Any] = {"verified": False, "source": "findings given in code"}
    if source is not None:
        from CNSTumorAnnotationLib.project.selfcheck_evidence import verify_report

        found, evidence = verify_report(Path(source), latest, runtime=runtime)
    blocking = has_blocking(found)
    with store.transaction(project.conn) as conn:
        conn.execute(
            "INSERT INTO self_checks (case_id, version_id, person, checked_at, blocking, findings,"
            " source) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                latest.id,
                actor,
                store.utc_now(),
                int(blocking),
                json.dumps([f.to_dict() for f in found], sort_keys=True),
                source,
            ),
        )
        details = {
            "version": latest.number,
            "blocking": blocking,
            "findings": len(found),
            "blocking_rules": sorted({f.rule for f in found if f.severity.blocking}),
            "evidence": evidence,
        }
        if blocking:
            audit.append(
                conn,
                actor=actor,
                action="self_check_blocked",
                case_id=case_id,
                version_id=latest.id,
                details=details,
            )
        else:
            project._move_in_transaction(
                case_id, Action.SELF_CHECK, actor=actor, version_id=latest.id, details=details
            )
    return not blocking


def _self_check_evidence(project: Project, case_id: str, version_id: int) -> dict[str, Any]:
    """The evidence recorded with the latest passing self-check of a version (audit log)."""
    entries = [
        e
        for e in audit.entries(project.conn, case_id)
        if e.action == Action.SELF_CHECK.value and e.version_id == version_id
    ]
    return dict(entries[-1].details.get("evidence") or {}) if entries else {}


def _evidence_problems(evidence: dict[str, Any], number: int) -> list[str]:
    if not evidence.get("verified"):
        return [
            tr(
                (
                    "R-ANN-9: the self-check of version {number} was not verified against its "
                    "files (record the selfcheck.json that `cnstumor selfcheck` wrote for it)"
                ),
                number=number,
            )
        ]
    problems = []
    if evidence.get("checklist_open"):
        problems.append(
            tr(
                "R-ANN-9: checklist items still open: {items}",
                items=", ".join(evidence["checklist_open"]),
            )
        )
    if not evidence.get("review_sequences"):
        problems.append(
            tr(
                (
                    "R-ANN-1: no record that all sequences were reviewed before version {number} "
                    "was drawn (the annotation wizard's review step)"
                ),
                number=number,
            )
        )
    return problems


def submit(
    project: Project, case_id: str, *, actor: str, allow_unverified: bool = False
) -> CaseState:
    """Submit for review: the latest version needs a recorded self-check without a blocking
    finding (R-ANN-9), verified against the version's files, with every checklist item
    confirmed, and the R-ANN-1 record that all sequences were reviewed. ``allow_unverified``
    accepts a self-check recorded from findings given in code (fixtures without a case folder);
    the command line never sets it."""
    _require_assignee(project, case_id, actor, tr("submit case {case_id}", case_id=case_id))
    latest = versions.latest_version(project.conn, case_id)
    check = None
    if latest is not None:
        check = project.conn.execute(
            "SELECT blocking FROM self_checks WHERE version_id = ? ORDER BY id DESC LIMIT 1",
            (latest.id,),
        ).fetchone()
    if latest is None or check is None or check[0]:
        what = (
            tr("has no saved version")
            if latest is None
            else (
                tr("version {number} has no recorded self-check", number=latest.number)
                if check is None
                else tr(
                    "the self-check of version {number} has blocking findings",
                    number=latest.number,
                )
            )
        )
        raise WorkflowError(
            tr(
                (
                    "R-ANN-9: case {case_id} cannot be submitted: {what}; submission "
                    "requires a recorded self-check with no blocking finding"
                ),
                case_id=case_id,
                what=what,
            )
        )
    evidence = _self_check_evidence(project, case_id, latest.id)
    problems = _evidence_problems(evidence, latest.number)
    if problems and not (allow_unverified and not evidence.get("verified")):
        raise WorkflowError(
            tr(
                "case {case_id} cannot be submitted: {problems}",
                case_id=case_id,
                problems="; ".join(problems),
            )
        )
    return project.move(
        case_id,
        Action.SUBMIT,
        actor=actor,
        version_id=latest.id,
        details={"version": latest.number, "verified_self_check": bool(evidence.get("verified"))},
    )


def review(
    project: Project,
    case_id: str,
    *,
    reviewer: str,
    decision: ReviewDecision | str,
    comments: Sequence[ReviewComment] = (),
    summary: str = "",
) -> CaseState:
    """Approve or return the submitted version (R-PPL-3). The reviewer must be a qualified
    reviewer (R-PPL-1) and never the author of any version of the case; a return needs at
    least one comment (located by region and slice when it applies)."""
    try:
        decision = ReviewDecision(decision)
    except ValueError:
        raise InvalidInputError(
            tr("review decision must be approve or return, not {decision!r}", decision=decision)
        ) from None
    person = project.person(reviewer)
    if person.role is not Role.REVIEWER:
        raise QualificationError(
            tr(
                "R-PPL-3: {person_name} is a {role}, not a reviewer",
                person_name=person.name,
                role=role_name(person.role),
            )
        )
    project.qualification_rules().require(person, Role.REVIEWER)
    case = project.case(case_id)
    latest = versions.latest_version(project.conn, case_id)
    require_not_own_work(project, case, person)
    if decision == ReviewDecision.RETURN and not comments:
        raise InvalidInputError(
            tr("R-PPL-3: returning case {case_id} needs at least one comment", case_id=case_id)
        )
    action = Action.APPROVE if decision == ReviewDecision.APPROVE else Action.RETURN
    version_id = latest.id if latest else None
    with store.transaction(project.conn) as conn:
        state = project._move_in_transaction(
            case_id,
            action,
            actor=reviewer,
            version_id=version_id,
            details={
                "version": latest.number if latest else None,
                "comments": [c.__dict__ for c in comments],
            },
        )
        review_id = conn.execute(
            "INSERT INTO reviews (case_id, version_id, reviewer, decision, reviewed_at, summary)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (case_id, version_id, reviewer, decision.value, store.utc_now(), summary),
        ).fetchone()[0]
        conn.executemany(
            "INSERT INTO review_comments (review_id, region, slice_index, text) VALUES (?, ?, ?, ?)",
            [(review_id, c.region, c.slice_index, c.text) for c in comments],
        )
    if decision == ReviewDecision.APPROVE:
        from CNSTumorAnnotationLib.project.folder_approval import mirror_approval

        mirror_approval(project, case_id)  # the case folder says approved, by whom, when
    return state


def revise(project: Project, case_id: str, *, actor: str) -> CaseState:
    """The assignee takes a returned case back into work."""
    _require_assignee(project, case_id, actor, tr("revise case {case_id}", case_id=case_id))
    return project.move(case_id, Action.REVISE, actor=actor)


def reopen(project: Project, case_id: str, *, actor: str, reason: str) -> CaseState:
    """Reopen an approved case for a change; the approved version stays as it is (R-PPL-3).
    An administrator or a reviewer reopens; never the annotator who would then edit it."""
    person = project.person(actor)
    if person.role not in (Role.ADMINISTRATOR, Role.REVIEWER):
        raise NotPermittedError(
            tr(
                (
                    "R-PPL-3: only an administrator or a reviewer may reopen approved case "
                    "{case_id}; {actor} is a {role}"
                ),
                case_id=case_id,
                actor=actor,
                role=role_name(person.role),
            )
        )
    if not reason.strip():
        raise InvalidInputError(
            tr("reopening approved case {case_id} needs a reason", case_id=case_id)
        )
    return project.move(case_id, Action.REOPEN, actor=actor, details={"reason": reason})


def review_comments(project: Project, case_id: str) -> list[dict[str, Any]]:
    """Every review of the case with its comments, oldest first."""
    result = []
    for row in project.conn.execute(
        "SELECT r.*, v.number FROM reviews r JOIN annotation_versions v ON v.id = r.version_id"
        " WHERE r.case_id = ? ORDER BY r.id",
        (case_id,),
    ):
        comments = [
            dict(c)
            for c in project.conn.execute(
                "SELECT region, slice_index, text FROM review_comments WHERE review_id = ?",
                (row["id"],),
            )
        ]
        result.append(
            {
                "reviewer": row["reviewer"],
                "decision": row["decision"],
                "version": row["number"],
                "at": row["reviewed_at"],
                "comments": comments,
            }
        )
    return result


def require_not_own_work(project: Project, case: ProjectCase, person: Person) -> None:
    """R-PPL-3: a reviewer never reviews a case they annotated (its assignee, the author of any
    of its versions, or the same human under another identity: the same licence)."""
    authors = {
        r[0]
        for r in project.conn.execute(
            "SELECT author FROM annotation_versions WHERE case_id = ?", (case.id,)
        )
    }
    if person.id in authors or person.id == case.assignee or _same_human(project, person, authors):
        raise WorkflowError(
            tr(
                (
                    "R-PPL-3: {person_name} annotated case {case_id}; a reviewer never "
                    "reviews their own work"
                ),
                person_name=person.name,
                case_id=case.id,
            )
        )


def _same_human(project: Project, person: Person, authors: set[str]) -> bool:
    """R-PPL-3 under any identity: an author whose licence / staff number is the reviewer's."""
    if not person.licence:
        return False
    return any(project.person(a).licence == person.licence for a in authors)


def _require_assignee(project: Project, case_id: str, actor: str, what: str) -> None:
    case = project.case(case_id)
    if case.assignee != actor:
        raise WorkflowError(
            tr(
                ("R-FLOW-1: only the assignee ({assignee}) may {what}; {actor} may not"),
                assignee=case.assignee or tr("nobody yet"),
                what=what,
                actor=actor,
            )
        )
