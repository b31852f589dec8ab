"""A project's approval, mirrored into the case folder the version came from (R-PPL-3, R-FLOW-1).

An annotation saved into a project from a case folder (``project save --case-folder``) has two
numbers and two records: the project's version record and the case folder's ``vNNNN``. When a
reviewer approved it, the status page said "approved", the case folder's ``version.json`` still
said ``approved: false``, and an export without ``--project`` named no reviewer. Now the approval
is also written to that case-folder version, with the same reviewer and the same time as the
review store, so the status page, the export manifest and the case folder name one version,
approved by one person, at one time; its files become read-only (``case.approve_version``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.project import versions


def mirror_approval(project: Any, case_id: str) -> Any | None:
    """Mark the approved version's source case-folder version approved; None when there is none."""
    from CNSTumorAnnotationLib.case.folder import approve_version, get_version, load_case

    latest = versions.latest_version(project.conn, case_id)
    if latest is None or latest.source_folder is None or latest.source_version is None:
        return None
    review = project.conn.execute(
        "SELECT reviewer, reviewed_at FROM reviews WHERE case_id = ? AND decision = 'approve'"
        " ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    folder = Path(latest.source_folder)
    if review is None or not (folder / "case.json").is_file():
        return None
    case = load_case(folder)
    chosen = get_version(case, int(latest.source_version))
    if chosen.approved:
        return chosen
    person = project.person(str(review[0]))  # qualified by the project (R-PPL-1)
    return approve_version(
        case,
        int(latest.source_version),
        person.id,
        people={person.id: person},
        approved_at=str(review[1]),
    )
