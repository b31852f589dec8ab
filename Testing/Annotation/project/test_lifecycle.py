"""The case lifecycle (R-FLOW-1, R-PPL-3, R-ANN-9) as a transition table, on a real project
(SQLite and PostgreSQL: the ``project_database`` fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _project_helpers import (
    ADMIN,
    ANNOTATOR,
    REVIEWER,
    blocking_self_check,
    case_in_progress,
    case_submitted,
    clean_self_check,
    drop_trigger,
    label_file,
    new_project,
)

from CNSTumorAnnotationLib.people import QualificationError
from CNSTumorAnnotationLib.project import store, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.lifecycle import (
    TRANSITIONS,
    Action,
    CaseState,
    allowed_actions,
    target_of,
    transition_for,
)
from CNSTumorAnnotationLib.project.status import approved_versions, verify_project
from CNSTumorAnnotationLib.project.workflow import ReviewComment
from CNSTumorQCLib.errors import SchemaError, WorkflowError


@pytest.fixture
def project(tmp_path: Path, project_database: str | None):
    with new_project(tmp_path / "proj", project_database) as opened:
        yield opened


def test_R_FLOW_1_every_state_but_excluded_has_a_way_forward_and_every_row_cites_a_rule() -> None:
    for state in CaseState:
        assert bool(allowed_actions(state)) == (state is not CaseState.EXCLUDED), state
    assert all(t.rule.startswith("R-") for t in TRANSITIONS)


def test_R_FLOW_1_an_illegal_transition_names_the_case_the_state_and_the_allowed_moves() -> None:
    with pytest.raises(WorkflowError) as error:
        transition_for("case-7", CaseState.IN_PROGRESS, Action.APPROVE)
    message = str(error.value)
    assert "case case-7 is in_progress" in message and "'approve' is not allowed" in message
    assert "save_version -> in_progress" in message and "self_check -> self_checked" in message
    with pytest.raises(WorkflowError, match="the case is closed"):
        transition_for("case-7", CaseState.EXCLUDED, Action.ASSIGN)


def test_R_FLOW_1_a_move_missing_from_the_table_is_a_workflow_error_naming_state_and_action() -> (
    None
):
    assert target_of(CaseState.SUBMITTED, Action.APPROVE) is CaseState.APPROVED
    with pytest.raises(WorkflowError, match="no 'approve' from in_progress .allowed: save_version"):
        target_of(CaseState.IN_PROGRESS, Action.APPROVE)


@pytest.mark.slow
def test_R_FLOW_1_a_case_goes_from_import_to_approval_and_every_step_is_audited(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    assert (
        workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
        is CaseState.APPROVED
    )
    actions = [e.action for e in project.audit_entries("case-1")]
    assert actions == [
        "case_imported",
        "deidentify",
        "pass_qc",
        "assign",
        "start",
        "save_version",
        "self_check",
        "submit",
        "approve",
    ]
    approve = project.audit_entries("case-1")[-1]
    assert (
        approve.actor == REVIEWER
        and approve.version_id is not None
        and approve.details["version"] == 1
    )


@pytest.mark.slow
def test_R_PPL_3_a_returned_case_carries_comments_per_region_and_slice_and_is_submitted_again(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    comments = [
        ReviewComment("edema missed laterally", region="whole_tumor", slice_index=72),
        ReviewComment("enhancing rim too thick", region="enhancing", slice_index=80),
    ]
    assert (
        workflow.review(project, "case-1", reviewer=REVIEWER, decision="return", comments=comments)
        is CaseState.RETURNED
    )
    workflow.revise(project, "case-1", actor=ANNOTATOR)
    v2 = workflow.save_version(
        project,
        "case-1",
        [label_file(tmp_path, payload=b"v2")],
        actor=ANNOTATOR,
        schema_version="glioma-1",
    )
    assert v2.number == 2 and v2.parent_id is not None
    workflow.record_self_check(project, "case-1", clean_self_check(), actor=ANNOTATOR)
    assert (
        workflow.submit(project, "case-1", actor=ANNOTATOR, allow_unverified=True)
        is CaseState.SUBMITTED
    )
    history = workflow.review_comments(project, "case-1")
    assert history[0]["decision"] == "return" and history[0]["version"] == 1
    assert {(c["region"], c["slice_index"]) for c in history[0]["comments"]} == {
        ("whole_tumor", 72),
        ("enhancing", 80),
    }


@pytest.mark.slow
def test_R_PPL_3_returning_without_a_comment_is_refused(project: Project, tmp_path: Path) -> None:
    case_submitted(project, tmp_path)
    with pytest.raises(ValueError, match="needs at least one comment"):
        workflow.review(project, "case-1", reviewer=REVIEWER, decision="return")
    assert project.case("case-1").state is CaseState.SUBMITTED


@pytest.mark.slow
def test_R_PPL_3_a_reviewer_never_reviews_their_own_work(project: Project, tmp_path: Path) -> None:
    project.add_person(
        "dr_chen",
        licence="L-dr_chen",
        name="Dr Chen",
        role="reviewer",
        years_experience=20,
        title="chief",
        actor=ADMIN,
    )
    case_submitted(project, tmp_path)
    # The audit log says who annotated; forge a version authored by the reviewer to prove the check reads it.
    drop_trigger(project.conn, "annotation_versions_no_update", "annotation_versions")
    project.conn.execute(
        "UPDATE annotation_versions SET author = 'dr_chen' WHERE case_id = 'case-1'"
    )
    with pytest.raises(
        WorkflowError,
        match="R-PPL-3: Dr Chen annotated case case-1; a reviewer never reviews their own work",
    ):
        workflow.review(project, "case-1", reviewer="dr_chen", decision="approve")


@pytest.mark.slow
def test_R_PPL_3_only_a_qualified_reviewer_may_review(project: Project, tmp_path: Path) -> None:
    case_submitted(project, tmp_path)
    project.add_person(
        "dr_zhou",
        licence="L-dr_zhou",
        name="Dr Zhou",
        role="annotator",
        years_experience=9,
        title="attending",
        actor=ADMIN,
    )
    with pytest.raises(QualificationError, match="R-PPL-3: Dr Zhou is a annotator, not a reviewer"):
        workflow.review(project, "case-1", reviewer="dr_zhou", decision="approve")


@pytest.mark.slow
def test_R_ANN_9_submission_without_a_self_check_is_refused(
    project: Project, tmp_path: Path
) -> None:
    case_in_progress(project)
    workflow.save_version(
        project, "case-1", [label_file(tmp_path)], actor=ANNOTATOR, schema_version="glioma-1"
    )
    with pytest.raises(
        WorkflowError,
        match="R-ANN-9: case case-1 cannot be submitted: version 1 has no recorded self-check",
    ):
        workflow.submit(project, "case-1", actor=ANNOTATOR, allow_unverified=True)


@pytest.mark.slow
def test_R_ANN_9_a_self_check_with_a_blocking_finding_keeps_the_case_in_progress(
    project: Project, tmp_path: Path
) -> None:
    case_in_progress(project)
    workflow.save_version(
        project, "case-1", [label_file(tmp_path)], actor=ANNOTATOR, schema_version="glioma-1"
    )
    assert (
        workflow.record_self_check(project, "case-1", blocking_self_check(), actor=ANNOTATOR)
        is False
    )
    assert project.case("case-1").state is CaseState.IN_PROGRESS
    with pytest.raises(WorkflowError, match="self-check of version 1 has blocking findings"):
        workflow.submit(project, "case-1", actor=ANNOTATOR, allow_unverified=True)
    assert project.audit_entries("case-1")[-1].details["blocking_rules"] == ["R-ANN-4"]


@pytest.mark.slow
def test_R_ANN_9_a_hand_made_selfcheck_json_is_refused_not_trusted(
    project: Project, tmp_path: Path
) -> None:
    """A list of findings in a file is not evidence (verified in test_submit_evidence.py)."""
    case_in_progress(project)
    workflow.save_version(
        project, "case-1", [label_file(tmp_path)], actor=ANNOTATOR, schema_version="glioma-1"
    )
    report = tmp_path / "selfcheck.json"
    report.write_text(json.dumps({"findings": [f.to_dict() for f in clean_self_check()]}))
    with pytest.raises(SchemaError, match="not a self-check report written by"):
        workflow.record_self_check(project, "case-1", report, actor=ANNOTATOR)
    assert project.case("case-1").state is CaseState.IN_PROGRESS


@pytest.mark.slow
def test_R_ANN_9_saving_after_a_self_check_voids_it(project: Project, tmp_path: Path) -> None:
    case_in_progress(project)
    workflow.save_version(
        project, "case-1", [label_file(tmp_path)], actor=ANNOTATOR, schema_version="glioma-1"
    )
    workflow.record_self_check(project, "case-1", clean_self_check(), actor=ANNOTATOR)
    workflow.save_version(
        project,
        "case-1",
        [label_file(tmp_path, payload=b"edit")],
        actor=ANNOTATOR,
        schema_version="glioma-1",
    )
    assert project.case("case-1").state is CaseState.IN_PROGRESS
    with pytest.raises(
        WorkflowError,
        match="R-ANN-9: case case-1 cannot be submitted: version 2 has no recorded self-check",
    ):
        workflow.submit(project, "case-1", actor=ANNOTATOR, allow_unverified=True)


@pytest.mark.slow
def test_R_FLOW_1_only_the_assignee_may_work_on_a_case(project: Project, tmp_path: Path) -> None:
    case_in_progress(project)
    with pytest.raises(
        WorkflowError,
        match=r"only the assignee \(dr_li\) may save a version of case case-1; dr_wang may not",
    ):
        workflow.save_version(
            project, "case-1", [label_file(tmp_path)], actor=REVIEWER, schema_version="glioma-1"
        )


@pytest.mark.slow
def test_R_PPL_4_an_uncertified_annotator_is_refused_production_work(project: Project) -> None:
    project.add_person(
        "dr_new",
        licence="L-dr_new",
        name="Dr New",
        role="annotator",
        years_experience=5,
        title="attending",
        actor=ADMIN,
    )
    project.register_case("c2", dataset_id="tcga", patient="P2", actor=ADMIN)
    project.deidentify("c2", actor=ADMIN)
    project.pass_qc("c2", actor=ADMIN)
    with pytest.raises(
        QualificationError, match="R-PPL-4: Dr New is not certified for production annotation"
    ):
        workflow.assign(project, "c2", "dr_new", actor=ADMIN)
    project.register_case(
        "cal-1", dataset_id="tcga", patient="P3", actor=ADMIN, phase="calibration"
    )
    project.deidentify("cal-1", actor=ADMIN)
    project.pass_qc("cal-1", actor=ADMIN)
    assert workflow.assign(project, "cal-1", "dr_new", actor=ADMIN) is CaseState.ASSIGNED


@pytest.mark.slow
def test_R_QC_2_a_grade_1_case_cannot_pass_qc_and_is_excluded_with_a_reason(
    project: Project,
) -> None:
    project.register_case("c3", dataset_id="tcga", patient="P3", actor=ADMIN)
    project.deidentify("c3", actor=ADMIN)
    with pytest.raises(WorkflowError, match="R-QC-2: case c3 has quality grade 1"):
        project.pass_qc("c3", actor=ADMIN, grade=1)
    project.exclude("c3", actor=ADMIN, reason="grade 1: motion artifact")
    with pytest.raises(WorkflowError, match="case c3 is excluded"):
        workflow.assign(project, "c3", ANNOTATOR, actor=ADMIN)


@pytest.mark.slow
def test_R_PPL_3_an_approved_version_is_immutable_and_a_change_is_a_new_version_reviewed_again(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
    with pytest.raises(
        WorkflowError, match="R-PPL-3: case case-1 is approved; version 1 is immutable"
    ):
        workflow.save_version(
            project,
            "case-1",
            [label_file(tmp_path, payload=b"late")],
            actor=ANNOTATOR,
            schema_version="glioma-1",
        )
    with pytest.raises(store.integrity_errors(), match="immutable"):
        project.conn.execute("UPDATE version_files SET sha256 = 'x'")
    approved_id = approved_versions(project.directory)[0].version.id
    workflow.reopen(project, "case-1", actor=ADMIN, reason="edema boundary update")
    reopened = project.audit_entries("case-1")[-1]
    assert (reopened.action, reopened.version_id) == (
        "reopen",
        approved_id,
    )  # R-FLOW-1: which version
    v2 = workflow.save_version(
        project,
        "case-1",
        [label_file(tmp_path, payload=b"late")],
        actor=ANNOTATOR,
        schema_version="glioma-1",
    )
    approved = approved_versions(project.directory)
    assert [a.version.number for a in approved] == [1] and approved[
        0
    ].case_state is CaseState.IN_PROGRESS
    workflow.record_self_check(project, "case-1", clean_self_check(), actor=ANNOTATOR)
    workflow.submit(project, "case-1", actor=ANNOTATOR, allow_unverified=True)
    workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
    approved = approved_versions(project.directory)
    assert [a.version.id for a in approved] == [v2.id] and approved[0].approved_by == REVIEWER
    assert all(p.is_file() for p in approved[0].files)
    assert verify_project(project.directory).ok
