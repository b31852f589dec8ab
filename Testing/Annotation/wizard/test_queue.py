"""The case queue on a real project store (SQLite on disk): contents, progress, next/previous,
resume, the unsaved-changes guard and who may draw (R-FLOW-1, R-PPL-1, R-PPL-3)."""

from __future__ import annotations

import json

import pytest
from _project_helpers import (
    ADMIN,
    ANNOTATOR,
    REVIEWER,
    case_in_progress,
    case_submitted,
    new_project,
)

from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorAnnotationLib.wizard.queue import CaseQueue, UnsavedChangesError
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError

OTHER = "dr_zhao"


def _assigned(project: Project, case_id: str, annotator: str = ANNOTATOR) -> None:
    project.register_case(case_id, dataset_id="tcga", patient=f"P-{case_id}", actor=ADMIN)
    project.deidentify(case_id, actor=ADMIN)
    project.pass_qc(case_id, actor=ADMIN, grade=3)
    workflow.assign(project, case_id, annotator, actor=ADMIN)


@pytest.fixture
def project(tmp_path):
    project = new_project(tmp_path / "project")
    project.add_person(
        OTHER,
        name="Dr Zhao",
        role="annotator",
        years_experience=7,
        title="attending",
        licence="MD-ZHAO",
        actor=ADMIN,
    )
    training.record_certification(
        project, OTHER, team="A", certified=True, thresholds_version="test",
        report_sha256="0" * 64, actor=ADMIN,
    )  # fmt: skip
    case_submitted(project, tmp_path, "case-1")
    case_in_progress(project, "case-2")
    _assigned(project, "case-3")
    _assigned(project, "case-4", OTHER)
    yield project
    project.close()


@pytest.mark.slow
def test_an_annotator_sees_only_their_cases_with_state_and_progress(project):
    queue = CaseQueue(project, ANNOTATOR)
    assert [e.case_id for e in queue.entries] == ["case-1", "case-2", "case-3"]
    assert [e.state for e in queue.entries] == [
        CaseState.SUBMITTED,
        CaseState.IN_PROGRESS,
        CaseState.ASSIGNED,
    ]
    assert queue.progress() == (1, 3)  # the submitted case is done
    assert queue.entries[0].versions == 1
    # resumes at the first unfinished case when the person never opened one
    assert queue.current.case_id == "case-2"
    assert queue.rows()[1]["current"] and queue.rows()[0]["done"]


@pytest.mark.slow
def test_next_and_previous_wrap_and_the_position_is_remembered_per_person(project):
    queue = CaseQueue(project, ANNOTATOR)
    assert queue.next().case_id == "case-3"
    assert queue.next().case_id == "case-1"  # wraps
    assert queue.previous().case_id == "case-3"
    saved = json.loads((project.directory / "queues" / f"{ANNOTATOR}.json").read_text())
    assert saved == {"person": ANNOTATOR, "case": "case-3"}
    again = CaseQueue(Project.open(project.directory), ANNOTATOR)
    assert again.current.case_id == "case-3"  # resume where the person stopped
    assert CaseQueue(project, OTHER).current.case_id == "case-4"  # not shared between people


@pytest.mark.slow
def test_unsaved_changes_block_leaving_a_case_unless_discarded(project):
    queue = CaseQueue(project, ANNOTATOR)
    with pytest.raises(UnsavedChangesError, match="case-2 has unsaved changes"):
        queue.next(unsaved=True)
    assert queue.current.case_id == "case-2"
    assert queue.next(unsaved=True, discard=True).case_id == "case-3"
    with pytest.raises(InvalidInputError, match="case-4"):
        queue.go_to("case-4")  # another annotator's case is not in this queue


@pytest.mark.slow
def test_opening_a_case_takes_it_into_work_only_for_its_assignee(project):
    queue = CaseQueue(project, ANNOTATOR)
    queue.go_to("case-3")
    folder = queue.open_for_drawing()
    assert folder == (project.directory / "cases" / "case-3").resolve()
    assert project.case("case-3").state is CaseState.IN_PROGRESS
    queue.go_to("case-1")
    with pytest.raises(WorkflowError, match="waiting for review"):
        queue.open_for_drawing()
    entry = CaseQueue(project, OTHER).entries[0]
    with pytest.raises(WorkflowError, match=r"assigned to dr_zhao; Dr Li \(annotator\)"):
        queue.check_drawer(entry)


@pytest.mark.slow
def test_an_approved_case_is_reopened_with_a_reason_then_drawn_again(project):
    reviewer_queue = CaseQueue(project, REVIEWER)
    assert [e.case_id for e in reviewer_queue.entries] == ["case-1"]
    workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
    queue = CaseQueue(project, ANNOTATOR)
    queue.go_to("case-1")
    with pytest.raises(WorkflowError, match="approved; reopen it"):
        queue.open_for_drawing()
    # R-PPL-3: the reviewer (or an administrator) decides that an approved case is redone
    with pytest.raises(WorkflowError, match="only an administrator or a reviewer may reopen"):
        queue.reopen("I want to change it")
    with pytest.raises(InvalidInputError, match="needs a reason"):
        workflow.reopen(project, "case-1", actor=REVIEWER, reason=" ")
    workflow.reopen(
        project, "case-1", actor=REVIEWER, reason="the reviewer found a missed satellite lesion"
    )
    queue.refresh()
    assert project.case("case-1").state is CaseState.IN_PROGRESS
    assert queue.current.case_id == "case-1" and not queue.current.done
    assert CaseQueue(project, REVIEWER).progress() == (1, 1)  # the reviewer decided it


@pytest.mark.slow
def test_people_outside_the_project_or_administrators_have_no_queue(project):
    with pytest.raises(InvalidInputError, match="no person 'dr_nobody'"):
        CaseQueue(project, "dr_nobody")
    with pytest.raises(WorkflowError, match="R-PPL-1: Ms Admin is an administrator"):
        CaseQueue(project, ADMIN)
    reviewer = CaseQueue(project, REVIEWER)
    with pytest.raises(WorkflowError, match="may not draw"):
        reviewer.check_drawer()
