"""Opening a case's wizard names who draws (R-FLOW-1) and a finished case opens again."""

from __future__ import annotations

import pytest

from CNSTumorAnnotationLib.case.folder import load_case, region_masks
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST
from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard, WizardStep
from CNSTumorAnnotationLib.wizard.opening import open_wizard
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError

pytestmark = pytest.mark.mrml


def test_an_unfinished_session_resumes_only_for_the_person_drawing_it(small_annotated_case):
    started = open_wizard(small_annotated_case, "dr_wang")
    started.confirm_review()
    with pytest.raises(WorkflowError, match="being drawn by dr_wang .*dr_li may not continue"):
        open_wizard(small_annotated_case.root, "dr_li")
    resumed = open_wizard(small_annotated_case.root, "dr_wang")
    assert resumed.step is WizardStep.DRAW and resumed.annotator == "dr_wang"
    with pytest.raises(InvalidInputError, match="enter who is drawing"):
        open_wizard(small_annotated_case.root, "  ")


@pytest.mark.slow
def test_a_finished_case_opens_again_as_a_new_session_and_saves_a_new_version(
    small_annotated_case, mrml_runtime
):
    case = small_annotated_case
    masks = region_masks(case, 1, runtime=mrml_runtime)
    wizard = open_wizard(case, "dr_wang")
    wizard.confirm_review()
    while wizard.step is WizardStep.DRAW:
        wizard.next_region()
    wizard.run_self_check(masks)
    for key in CHECKLIST:
        wizard.confirm_item(key, "dr_wang")
    wizard.finish_checklist()
    assert wizard.save(masks, runtime=mrml_runtime).version == 2
    assert AnnotationWizard.resume(case.root).allowed_moves() == ()  # what used to lock it

    again = open_wizard(load_case(case.root), "dr_li")
    assert again.step is WizardStep.REVIEW_SEQUENCES
    assert again.allowed_moves() == ("confirm_review",)
    assert again.record["parent_version"] == 2  # the next save is version 3, never a rewrite


@pytest.mark.slow
def test_in_a_project_only_the_assignee_among_its_people_may_draw(tmp_path, small_annotated_case):
    import shutil

    from _project_helpers import ANNOTATOR, REVIEWER, case_in_progress, new_project

    project = new_project(tmp_path / "project")
    case_in_progress(project, "case-1")
    folder = project.directory / "cases" / "case-1"
    shutil.rmtree(folder)
    shutil.copytree(small_annotated_case.root, folder)
    with pytest.raises(InvalidInputError, match="no person 'dr_nobody'"):
        open_wizard(folder, "dr_nobody")
    with pytest.raises(WorkflowError, match="case-1 is assigned to dr_li; dr_wang may not draw"):
        open_wizard(folder, REVIEWER)
    assert open_wizard(folder, ANNOTATOR).annotator == ANNOTATOR
    project.close()
