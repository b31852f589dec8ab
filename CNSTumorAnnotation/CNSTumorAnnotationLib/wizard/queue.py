"""A person's case queue, fed by the annotation project (R-FLOW-1, R-PPL-1, R-PPL-3).

What SlicerCaseIterator does with a CSV table, done on the project store instead:

- an annotator's queue holds the cases assigned to them; a reviewer's queue holds the submitted
  cases they may review (never one they drew, R-PPL-3) and those they already decided;
- each entry carries the case's lifecycle state and the wizard's progress (step, region) read
  from the case folder's ``wizard_session.json``; ``progress()`` counts the finished entries;
- ``next``/``previous``/``go_to`` move through the queue and refuse to leave a case with unsaved
  changes unless the caller says to discard them (:class:`UnsavedChangesError`);
- the position is remembered per person (``queues/<person>.json`` in the project, written
  atomically), so reopening the queue resumes where the person stopped;
- who is drawing is checked against the project's people: only the case's assignee may draw it
  (R-FLOW-1), and an administrator has no queue (R-PPL-1).

The Slicer widget only wires buttons and shortcuts to this class; everything is testable here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import Person, Role
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project, ProjectCase
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.wizard import session
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError

#: States an annotator's queue shows (cases assigned to them), and those that count as done.
ANNOTATOR_STATES = (
    CaseState.ASSIGNED,
    CaseState.IN_PROGRESS,
    CaseState.SELF_CHECKED,
    CaseState.RETURNED,
    CaseState.SUBMITTED,
    CaseState.APPROVED,
)
ANNOTATOR_DONE = (CaseState.SUBMITTED, CaseState.APPROVED)
QUEUE_FOLDER = "queues"


class UnsavedChangesError(WorkflowError):
    """Leaving a case would lose drawing that has not been saved as a version."""


@dataclass(frozen=True)
class QueueEntry:
    """One case of a person's queue, as the queue table shows it."""

    case_id: str
    patient: str
    state: CaseState
    folder: Path
    assignee: str | None
    versions: int
    wizard_step: str | None
    wizard_region: str | None
    done: bool

    def label(self) -> str:
        """A one-line description: case, state, and where the drawing stands."""
        where = ""
        if self.wizard_step and not self.done:
            where = f", {self.wizard_step}" + (
                f" {self.wizard_region}" if self.wizard_region else ""
            )
        return tr(
            "{case_id} ({patient}): {state}{where}, {versions} version(s)",
            case_id=self.case_id,
            patient=self.patient,
            state=self.state.value,
            where=where,
            versions=self.versions,
        )


class CaseQueue:
    """The queue of one person in one open project. See the module docstring."""

    def __init__(self, project: Project, person_id: str) -> None:
        self.project = project
        self.person: Person = project.person(person_id)  # R-FLOW-1: a registered person
        if self.person.role is Role.ADMINISTRATOR:
            raise WorkflowError(
                tr(
                    (
                        "R-PPL-1: {person_name} is an administrator; only annotators and "
                        "reviewers have a case queue"
                    ),
                    person_name=self.person.name,
                )
            )
        self.entries: list[QueueEntry] = []
        self.position = -1
        self.refresh()
        self.position = self._resume_position()

    # ---- contents --------------------------------------------------------------------------
    @property
    def role(self) -> Role:
        return self.person.role

    def refresh(self) -> None:
        """Re-read the project (another person may have moved a case); keeps the current case."""
        current = self.current.case_id if self.current else None
        cases = self._annotator_cases() if self.role is Role.ANNOTATOR else self._reviewer_cases()
        self.entries = [self._entry(case) for case in cases]
        ids = [entry.case_id for entry in self.entries]
        if current in ids:
            self.position = ids.index(current)
        elif self.position >= len(self.entries):
            self.position = len(self.entries) - 1

    def _annotator_cases(self) -> list[ProjectCase]:
        return [
            case
            for case in self.project.cases()
            if case.assignee == self.person.id and case.state in ANNOTATOR_STATES
        ]

    def _reviewer_cases(self) -> list[ProjectCase]:
        decided = {
            row[0]
            for row in self.project.conn.execute(
                "SELECT case_id FROM reviews WHERE reviewer = ?", (self.person.id,)
            )
        }
        authored = {
            row[0]
            for row in self.project.conn.execute(
                "SELECT case_id FROM annotation_versions WHERE author = ?", (self.person.id,)
            )
        }
        return [
            case
            for case in self.project.cases()
            if case.id in decided
            or (
                case.state is CaseState.SUBMITTED
                and case.id not in authored
                and case.assignee != self.person.id  # R-PPL-3: never one's own work
            )
        ]

    def _entry(self, case: ProjectCase) -> QueueEntry:
        folder = (self.project.directory / case.folder).resolve()
        record = session.read_record(folder)
        (count,) = self.project.conn.execute(
            "SELECT COUNT(*) FROM annotation_versions WHERE case_id = ?", (case.id,)
        ).fetchone()
        done = (
            case.state in ANNOTATOR_DONE
            if self.role is Role.ANNOTATOR
            else case.state is not CaseState.SUBMITTED
        )
        return QueueEntry(
            case.id,
            case.patient,
            case.state,
            folder,
            case.assignee,
            int(count),
            record.get("step") if record else None,
            record.get("region") if record else None,
            done,
        )

    @property
    def current(self) -> QueueEntry | None:
        if 0 <= self.position < len(self.entries):
            return self.entries[self.position]
        return None

    def progress(self) -> tuple[int, int]:
        """(finished, total) entries: submitted/approved for an annotator, decided for a reviewer."""
        return sum(entry.done for entry in self.entries), len(self.entries)

    # ---- moving ----------------------------------------------------------------------------
    def next(self, *, unsaved: bool = False, discard: bool = False) -> QueueEntry:
        """The next case (wraps to the first); see :meth:`go_to` for ``unsaved``/``discard``."""
        return self._step(+1, unsaved, discard)

    def previous(self, *, unsaved: bool = False, discard: bool = False) -> QueueEntry:
        """The previous case (wraps to the last)."""
        return self._step(-1, unsaved, discard)

    def _step(self, delta: int, unsaved: bool, discard: bool) -> QueueEntry:
        if not self.entries:
            raise WorkflowError(
                tr("the queue of {person_name} is empty", person_name=self.person.name)
            )
        start = self.position if self.position >= 0 else (-1 if delta > 0 else 0)
        return self.go_to(
            self.entries[(start + delta) % len(self.entries)].case_id,
            unsaved=unsaved,
            discard=discard,
        )

    def go_to(self, case_id: str, *, unsaved: bool = False, discard: bool = False) -> QueueEntry:
        """Make ``case_id`` the current case and remember it for this person.

        ``unsaved`` says the current case has drawing not yet saved as a version: the move is
        refused unless ``discard`` confirms the person chose to lose it (R-FLOW-1: every change
        the person keeps is a saved version)."""
        ids = [entry.case_id for entry in self.entries]
        if case_id not in ids:
            raise InvalidInputError(
                tr(
                    "case {case_id!r} is not in the queue of {person_name}",
                    case_id=case_id,
                    person_name=self.person.name,
                )
            )
        current = self.current
        if unsaved and not discard and current is not None and current.case_id != case_id:
            raise UnsavedChangesError(
                tr(
                    (
                        "R-FLOW-1: case {case_id} has unsaved changes: save them as a version or "
                        "discard them before moving on"
                    ),
                    case_id=current.case_id,
                )
            )
        self.position = ids.index(case_id)
        self._remember()
        return self.entries[self.position]

    # ---- position memory -------------------------------------------------------------------
    def _position_file(self) -> Path:
        return self.project.directory / QUEUE_FOLDER / f"{self.person.id}.json"

    def _remember(self) -> None:
        current = self.current
        if current is not None:
            write_json_atomic(
                self._position_file(), {"person": self.person.id, "case": current.case_id}
            )

    def _resume_position(self) -> int:
        """Where the person stopped; else the first unfinished case; else the first case."""
        ids = [entry.case_id for entry in self.entries]
        path = self._position_file()
        if path.is_file():
            try:
                remembered = json.loads(path.read_text(encoding="utf-8")).get("case")
            except (OSError, ValueError):
                remembered = None
            if remembered in ids:
                return ids.index(remembered)
        for index, entry in enumerate(self.entries):
            if not entry.done:
                return index
        return 0 if self.entries else -1

    # ---- opening a case --------------------------------------------------------------------
    def check_drawer(self, entry: QueueEntry | None = None) -> None:
        """R-FLOW-1: only the case's assignee draws it; a reviewer never draws."""
        entry = entry or self._require_current()
        if self.role is not Role.ANNOTATOR or entry.assignee != self.person.id:
            raise WorkflowError(
                tr(
                    (
                        "R-FLOW-1: case {case_id} is assigned to {assignee}; {person_name} "
                        "({role}) may not draw it"
                    ),
                    case_id=entry.case_id,
                    assignee=entry.assignee or "nobody",
                    person_name=self.person.name,
                    role=self.role.value,
                )
            )

    def open_for_drawing(self) -> Path:
        """Check who draws, take the case into work (start a new one, revise a returned one),
        and return its case folder. An approved case needs :meth:`reopen` first (R-PPL-3)."""
        entry = self._require_current()
        self.check_drawer(entry)
        if entry.state is CaseState.ASSIGNED:
            workflow.start(self.project, entry.case_id, actor=self.person.id)
        elif entry.state is CaseState.RETURNED:
            workflow.revise(self.project, entry.case_id, actor=self.person.id)
        elif entry.state is CaseState.APPROVED:
            raise WorkflowError(
                tr(
                    (
                        "R-PPL-3: case {case_id} is approved; reopen it with a reason to change "
                        "it (the approved version stays as it is)"
                    ),
                    case_id=entry.case_id,
                )
            )
        elif entry.state is CaseState.SUBMITTED:
            raise WorkflowError(
                tr(
                    "R-PPL-3: case {case_id} is waiting for review; it cannot be drawn now",
                    case_id=entry.case_id,
                )
            )
        self.refresh()
        return entry.folder

    def reopen(self, reason: str) -> Path:
        """Reopen the current approved case for a change (R-PPL-3); drawing goes to a new version."""
        entry = self._require_current()
        self.check_drawer(entry)
        workflow.reopen(self.project, entry.case_id, actor=self.person.id, reason=reason)
        self.refresh()
        return entry.folder

    def _require_current(self) -> QueueEntry:
        current = self.current
        if current is None:
            raise WorkflowError(
                tr("the queue of {person_name} is empty", person_name=self.person.name)
            )
        return current

    def rows(self) -> list[dict[str, Any]]:
        """The queue table: one dict per case (what the widget's table shows)."""
        return [
            {
                "case": entry.case_id,
                "patient": entry.patient,
                "state": entry.state.value,
                "step": entry.wizard_step or "",
                "region": entry.wizard_region or "",
                "versions": entry.versions,
                "done": entry.done,
                "current": index == self.position,
            }
            for index, entry in enumerate(self.entries)
        ]
