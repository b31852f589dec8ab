"""Read-only views of a project: status, the review queue, approved versions, verification.

:func:`approved_versions` is what ``cnstumor export --approved-only`` calls: only versions a
reviewer approved (R-PPL-3) leave the project. :func:`verify_project` is ``cnstumor project
verify``: the database's integrity, the audit chain (R-FLOW-1) and every file's checksum.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import audit, store, versions
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.case_bridge import case_folder_version
from CNSTumorAnnotationLib.project.lifecycle import LIFECYCLE_VERSION, CaseState


@dataclass(frozen=True)
class ApprovedVersion:
    """The latest approved version of a case, with who approved it and when."""

    case_id: str
    patient: str
    case_state: CaseState
    version: versions.ProjectVersion
    approved_by: str
    approved_at: str
    files: tuple[Path, ...]

    @property
    def case_folder_key(self) -> tuple[str, int] | None:
        """``(case id, case-folder version number)`` when the version came from a case folder."""
        number = case_folder_version(self.version)
        return None if number is None else (self.case_id, number)


@dataclass(frozen=True)
class VerifyReport:
    """Result of :func:`verify_project`; ``ok`` only when every check passed."""

    chain: audit.ChainReport
    database_problems: list[str] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    record_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and not self.database_problems
            and not self.file_problems
            and not self.record_problems
        )

    def lines(self) -> list[str]:
        """One line per check for people, in the current language."""
        out = [self.chain.describe()]
        out += [tr("records: {problem}", problem=p) for p in self.record_problems] or [
            tr("records: every case state and version is backed by the audit log")
        ]
        out += [tr("database: {problem}", problem=p) for p in self.database_problems] or [
            tr("database: integrity ok")
        ]
        out += [tr("files: {problem}", problem=p) for p in self.file_problems] or [
            tr("files: every checksum matches")
        ]
        return out


def approved_versions(project_dir: str | Path) -> list[ApprovedVersion]:
    """For every case, its latest approved version (cases never approved are left out).

    A reopened case keeps its approved version here (``case_state`` says it is in work again);
    an exporter that wants only cases approved now filters on ``case_state``.
    ``project_dir`` may also be the project's ``cases/`` folder (the parent of a case folder)."""
    with Project.open(_project_root(project_dir)) as project:
        rows = project.conn.execute(
            "SELECT r.case_id, r.version_id, r.reviewer, r.reviewed_at FROM reviews r"
            " WHERE r.decision = 'approve' AND r.id = (SELECT MAX(id) FROM reviews"
            " WHERE case_id = r.case_id AND decision = 'approve') ORDER BY r.case_id"
        ).fetchall()
        result = []
        for row in rows:
            case = project.case(row["case_id"])
            version = versions.load_version(project.conn, int(row["version_id"]))
            result.append(
                ApprovedVersion(
                    case.id,
                    case.patient,
                    case.state,
                    version,
                    row["reviewer"],
                    row["reviewed_at"],
                    tuple(version.paths(project.directory)),
                )
            )
        return result


def approved_case_folder_versions(project_dir: str | Path) -> set[tuple[str, int]]:
    """``{(case id, case-folder version number)}`` of every approved version that was saved
    from a case folder: what ``export --approved-only`` checks a case folder version against."""
    keys = (a.case_folder_key for a in approved_versions(project_dir))
    return {key for key in keys if key is not None}


def _project_root(directory: str | Path) -> Path:
    directory = Path(directory)
    if not store.has_project(directory) and directory.name == "cases":
        if store.has_project(directory.parent):
            return directory.parent
    return directory


def verify_project(project_dir: str | Path) -> VerifyReport:
    """Check the database (SQLite's ``PRAGMA integrity_check`` and foreign keys; the
    protecting triggers on either engine), the audit hash chain and every annotation file
    against its recorded checksum."""
    project_dir = Path(project_dir)
    with Project.open(project_dir) as project:
        problems = store.integrity_check(project.conn)
        chain = audit.verify_chain(project.conn)
        files = versions.file_problems(project.conn, project_dir)
        records = record_problems(project.conn)
    return VerifyReport(chain, problems, files, records)


def record_problems(conn: store.Connection) -> list[str]:
    """Where the tables and the audit log disagree (R-FLOW-1): a case whose state is not the
    one its last audited step led to, a version or review without its audit entry. This
    catches entries cut from the end of the log, which the hash chain alone cannot see."""
    problems = []
    last_to: dict[str, str] = {}
    saved: set[int] = set()
    reviewed: set[tuple[int, str]] = set()
    for entry in audit.entries(conn):
        if entry.case_id and "to" in entry.details:
            last_to[entry.case_id] = str(entry.details["to"])
        if entry.action == "save_version" and entry.version_id is not None:
            saved.add(int(entry.version_id))
        if entry.action in ("approve", "return") and entry.version_id is not None:
            reviewed.add((int(entry.version_id), entry.action))
    for row in conn.execute("SELECT id, state FROM cases ORDER BY id"):
        expected = last_to.get(row["id"], CaseState.IMPORTED.value)
        if row["state"] != expected:
            problems.append(
                tr(
                    "case {case_id} is {state} but its audit trail ends at {expected}",
                    case_id=row["id"],
                    state=row["state"],
                    expected=expected,
                )
            )
    for row in conn.execute("SELECT id, case_id, number FROM annotation_versions ORDER BY id"):
        if int(row["id"]) not in saved:
            problems.append(
                tr(
                    "case {case_id} version {number} has no audit entry",
                    case_id=row["case_id"],
                    number=row["number"],
                )
            )
    for row in conn.execute("SELECT case_id, version_id, decision FROM reviews ORDER BY id"):
        if (int(row["version_id"]), str(row["decision"])) not in reviewed:
            problems.append(
                tr(
                    "case {case_id}: a {decision} review has no audit entry",
                    case_id=row["case_id"],
                    decision=row["decision"],
                )
            )
    return problems


def project_status(project: Project) -> dict[str, Any]:
    """Counts per state and one row per case (state, assignee, latest version, last review)."""
    cases = project.cases()
    counts = Counter(case.state.value for case in cases)
    rows = []
    for case in cases:
        latest = versions.latest_version(project.conn, case.id)
        review = project.conn.execute(
            "SELECT reviewer, decision, reviewed_at FROM reviews WHERE case_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (case.id,),
        ).fetchone()
        check = project.conn.execute(
            "SELECT blocking, findings FROM self_checks WHERE case_id = ? ORDER BY id DESC LIMIT 1",
            (case.id,),
        ).fetchone()
        rows.append(
            {
                "case": case.id,
                "patient": case.patient,
                "dataset": case.dataset_id,
                "phase": case.phase,
                "state": case.state.value,
                "assignee": case.assignee,
                "version": latest.number if latest else None,
                # the number the annotator and the export know it by (R-FLOW-1: one version)
                "case_folder_version": latest.source_version if latest else None,
                "author": latest.author if latest else None,
                "saved_at": latest.created_at if latest else None,
                "self_check": None if check is None else ("blocked" if check[0] else "passed"),
                "last_review": dict(review) if review else None,
                "updated_at": case.updated_at,
            }
        )
    return {
        "project": project.directory.name,
        "lifecycle": LIFECYCLE_VERSION,
        "qualification_rules": project.qualification_rules().version,
        "counts": {state.value: counts.get(state.value, 0) for state in CaseState},
        "cases": rows,
        "review_queue": [r for r in rows if r["state"] == CaseState.SUBMITTED.value],
        "audit_entries": project.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0],
    }
