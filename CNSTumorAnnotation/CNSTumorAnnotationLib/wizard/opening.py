"""Open a case's annotation wizard for a named person (R-FLOW-1).

- An unfinished session is resumed only by the person who started it: somebody else opening
  the case is refused with the name of the person drawing it (they must not continue another
  person's drawing under their own name).
- A finished session (step ``done``) does not lock the case: opening it again starts a new
  session whose save is a new version with the previous one as parent; no saved version is ever
  overwritten (R-PPL-3). In a project an approved case is reopened through the queue first.
- When the case folder lies in an annotation project (``project.sqlite`` above it), the person
  must be one of the project's people and the case's assignee (R-FLOW-1, R-PPL-1), whichever way
  the case is opened (queue or folder).
"""

from __future__ import annotations

from pathlib import Path

from CNSTumorAnnotationLib.case.folder import CaseFolder, load_case
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project.approval import find_project
from CNSTumorAnnotationLib.wizard import session
from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard, WizardStep
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError


def open_wizard(case: CaseFolder | Path | str, annotator: str) -> AnnotationWizard:
    """The wizard ``annotator`` continues or starts on ``case`` (see the module docstring)."""
    loaded = case if isinstance(case, CaseFolder) else load_case(case)
    who = annotator.strip()
    if not who:
        raise InvalidInputError(
            tr("enter who is drawing first (R-FLOW-1: every version records its annotator)"),
            loaded.root,
        )
    check_project_drawer(loaded.root, who)
    record = session.read_record(loaded.root)
    if record is not None and record["step"] != WizardStep.DONE.value:
        if str(record["annotator"]) != who:
            raise WorkflowError(
                tr(
                    (
                        "R-FLOW-1: case {case_id} is being drawn by {annotator} (step {step}); "
                        "{who} may not continue that session"
                    ),
                    case_id=loaded.case_id,
                    annotator=record["annotator"],
                    step=record["step"],
                    who=who,
                ),
                session.session_path(loaded.root),
            )
        return AnnotationWizard.resume(loaded)
    return AnnotationWizard.start(loaded, who)


def check_project_drawer(case_root: Path, person: str) -> None:
    """In a project, only the registered assignee of the case draws it (R-FLOW-1, R-PPL-1)."""
    project_dir = find_project(case_root)
    if project_dir is None:
        return
    from CNSTumorAnnotationLib.project.annotation_project import Project

    root = Path(case_root).resolve()
    with Project.open(project_dir) as project:
        project.person(person)  # refuses someone who is not one of the project's people
        for case in project.cases():
            if (project.directory / case.folder).resolve() == root:
                if case.assignee != person:
                    raise WorkflowError(
                        tr(
                            "R-FLOW-1: case {case_id} is assigned to {assignee}; {person} may "
                            "not draw it",
                            case_id=case.id,
                            assignee=case.assignee or tr("nobody"),
                            person=person,
                        ),
                        case_root,
                    )
                return
