"""Who sees which case in the browser, checked on the server for every request (R-FLOW-1).

Annotators see the cases assigned to them, reviewers the submitted ones (never one they
annotated, R-PPL-3), administrators all. A case id from a URL is checked against the id
pattern before anything else, so ``../..`` or an absolute path never reaches the file system;
an id that passes names a row of the project, whose folder is ``cases/<id>`` inside it.
"""

from __future__ import annotations

import re
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import NotPermittedError, Person, Role
from CNSTumorAnnotationLib.project.annotation_project import Project, ProjectCase
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorQCLib.errors import InvalidInputError

_CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class NotFoundError(InvalidInputError):
    """No such case in the project (HTTP 404)."""


def check_case_id(case_id: str) -> str:
    """``case_id`` when it is a plain id; :class:`InvalidInputError` for anything path-like."""
    if not _CASE_ID.match(case_id or "") or ".." in case_id:
        raise InvalidInputError(tr("{case_id!r} is not a case id", case_id=case_id))
    return case_id


def may_see(project: Project, person: Person, case: ProjectCase) -> bool:
    """The visibility rule of the module docstring."""
    if person.role is Role.ADMINISTRATOR:
        return True
    if person.role is Role.ANNOTATOR:
        return case.assignee == person.id
    if case.state is not CaseState.SUBMITTED:
        return False
    authors = {
        r[0]
        for r in project.conn.execute(
            "SELECT author FROM annotation_versions WHERE case_id = ?", (case.id,)
        )
    }
    return person.id not in authors and case.assignee != person.id


def visible_cases(project: Project, person: Person) -> list[ProjectCase]:
    """The person's queue, in case id order."""
    return [c for c in project.cases() if may_see(project, person, c)]


def open_case(project: Project, person: Person, case_id: str) -> ProjectCase:
    """The case when the person may see it: 400 for a bad id, 404 unknown, 403 not theirs."""
    check_case_id(case_id)
    row = project.conn.execute("SELECT id FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("no case {case_id!r} in this project", case_id=case_id))
    case = project.case(case_id)
    if not may_see(project, person, case):
        raise NotPermittedError(
            tr(
                "R-FLOW-1: case {case_id} is not in the queue of {person}",
                case_id=case_id,
                person=person.id,
            )
        )
    return case


def case_folder(project: Project, case: ProjectCase) -> Path:
    """The case's folder inside the project (resolved and checked to stay inside it)."""
    root = project.directory.resolve()
    folder = (root / case.folder).resolve()
    if root not in folder.parents:
        raise InvalidInputError(
            tr("case {case_id}'s folder lies outside the project", case_id=case.id), folder
        )
    return folder
