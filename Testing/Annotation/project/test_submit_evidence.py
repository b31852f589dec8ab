"""Submission needs self-check evidence verified against the saved files (R-ANN-9, R-ANN-1, R-FLOW-1).

On a real case folder (the bundled case's native volumes with synthetic nested spheres): the
project version is saved from the case folder, its ``selfcheck.json`` is re-run and compared,
and ``submit`` asks for the confirmed checklist and the wizard's R-ANN-1 record.
"""

from __future__ import annotations

import json

import pytest
from _case_helpers import PATIENT, wizard_version
from _project_helpers import ADMIN, ANNOTATOR, new_project

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.case_bridge import save_case_folder_version
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE, run_selfcheck, write_selfcheck
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations
from CNSTumorQCLib.errors import SchemaError, WorkflowError

pytestmark = [pytest.mark.mrml, pytest.mark.slow]


@pytest.fixture
def started(small_annotated_case, tmp_path):
    """A project whose case c1 the annotator has started, and the case folder."""
    project = new_project(tmp_path / "proj")
    project.register_case("c1", dataset_id="tcga", patient=PATIENT, actor=ADMIN)
    project.deidentify("c1", actor=ADMIN)
    project.pass_qc("c1", actor=ADMIN, grade=3)
    workflow.assign(project, "c1", ANNOTATOR, actor=ADMIN)
    workflow.start(project, "c1", actor=ANNOTATOR)
    yield project, small_annotated_case
    project.close()


def test_a_wizard_session_s_self_check_is_verified_and_the_case_submitted(started, mrml_runtime):
    project, case = started
    version = wizard_version(case, mrml_runtime, ANNOTATOR)
    save_case_folder_version(project, "c1", case.root, actor=ANNOTATOR)

    report = case.root / REPORT_FILE
    assert workflow.record_self_check(project, "c1", report, actor=ANNOTATOR, runtime=mrml_runtime)
    assert workflow.submit(project, "c1", actor=ANNOTATOR) is CaseState.SUBMITTED

    entry = [e for e in project.audit_entries("c1") if e.action == "self_check"][-1]
    evidence = entry.details["evidence"]
    assert evidence["verified"] is True and evidence["checklist_open"] == []
    assert evidence["review_sequences"]["by"] == ANNOTATOR
    assert evidence["review_sequences"]["record"].endswith(f"v{version.version:04d}.json")


def test_an_empty_unbound_or_hand_made_selfcheck_json_is_refused(started, mrml_runtime, tmp_path):
    project, case = started
    save_case_folder_version(project, "c1", case.root, actor=ANNOTATOR)
    real = run_selfcheck(case, 1, Confirmations(checklist=frozenset(CHECKLIST)))
    genuine = real.to_dict()

    def refused(payload, words: str) -> None:
        path = tmp_path / "selfcheck.json"
        path.write_text(json.dumps(payload), encoding="utf-8")
        with pytest.raises(SchemaError, match=words):
            workflow.record_self_check(project, "c1", path, actor=ANNOTATOR, runtime=mrml_runtime)

    refused({"findings": []}, "not a self-check report written by `cnstumor selfcheck`")
    refused({**genuine, "annotation_sha256": {}}, "not bound to the files of version 1")
    assert genuine["findings"], "the real self-check has findings to hide"
    refused({**genuine, "findings": []}, "differ from a re-run")  # everything hidden
    refused({**genuine, "findings": genuine["findings"][1:]}, "differ from a re-run")
    assert project.case("c1").state is CaseState.IN_PROGRESS

    hand_made = tmp_path / "hand_made.json"
    hand_made.write_text(json.dumps({"findings": []}), encoding="utf-8")
    args = ["project", "selfcheck", str(project.directory), "--case", "c1"]
    assert main([*args, "--actor", ANNOTATOR, "--findings", str(hand_made)]) == 2


def test_open_checklist_items_and_a_missing_R_ANN_1_record_block_submission(started, mrml_runtime):
    project, case = started
    save_case_folder_version(project, "c1", case.root, actor=ANNOTATOR)  # no wizard session
    path = write_selfcheck(run_selfcheck(case, 1, runtime=mrml_runtime), case.root)

    assert workflow.record_self_check(project, "c1", path, actor=ANNOTATOR, runtime=mrml_runtime)
    with pytest.raises(WorkflowError) as refused:
        workflow.submit(project, "c1", actor=ANNOTATOR)
    assert "checklist items still open: " + ", ".join(sorted(CHECKLIST)) in str(refused.value)
    assert "R-ANN-1: no record that all sequences were reviewed" in str(refused.value)

    confirmed = Confirmations(checklist=frozenset(CHECKLIST), confirmed_by=ANNOTATOR)
    path = write_selfcheck(run_selfcheck(case, 1, confirmed, runtime=mrml_runtime), case.root)
    assert workflow.record_self_check(project, "c1", path, actor=ANNOTATOR, runtime=mrml_runtime)
    with pytest.raises(WorkflowError, match="R-ANN-1") as still:
        workflow.submit(project, "c1", actor=ANNOTATOR)
    assert "checklist" not in str(still.value)
    assert project.case("c1").state is not CaseState.SUBMITTED
