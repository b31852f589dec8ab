"""The reviewer's session (R-PPL-3) on a real project store, and the review numbers."""

from __future__ import annotations

import numpy as np
import pytest
import SimpleITK as sitk
from _project_helpers import ANNOTATOR, REVIEWER, case_in_progress, case_submitted, new_project

from CNSTumorAnnotationLib.people import QualificationError
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.wizard.review import (
    ReviewSession,
    compare_masks,
    jump_targets,
    read_selfcheck_findings,
    region_volumes_cm3,
)
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError
from CNSTumorQCLib.findings import Finding, Severity

REGIONS = ("whole_tumor", "tumor_body", "enhancing", "non_enhancing")


def _mask(size, spacing, box) -> sitk.Image:
    array = np.zeros(size[::-1], np.uint8)
    array[box] = 1
    image = sitk.GetImageFromArray(array)
    image.SetSpacing(spacing)
    return image


@pytest.fixture
def project(tmp_path):
    project = new_project(tmp_path / "project")
    case_submitted(project, tmp_path, "case-1")
    case_in_progress(project, "case-2")
    yield project
    project.close()


def test_volumes_are_in_cm3_on_each_regions_own_grid():
    # 10 x 10 x 5 voxels of 1 x 1 x 2 mm = 1000 mm3 = 1 cm3; 8 voxels of 0.5 mm = 0.001 cm3
    masks = {
        "whole_tumor": _mask((20, 20, 10), (1.0, 1.0, 2.0), np.s_[0:5, 0:10, 0:10]),
        "enhancing": _mask((8, 8, 8), (0.5, 0.5, 0.5), np.s_[0:2, 0:2, 0:2]),
    }
    volumes = region_volumes_cm3(masks)
    assert volumes["whole_tumor"] == pytest.approx(1.0)
    assert volumes["enhancing"] == pytest.approx(0.001)


def test_two_annotations_compare_by_volume_and_dice_per_region():
    a = {"whole_tumor": _mask((10, 10, 10), (1.0,) * 3, np.s_[0:4, 0:10, 0:10])}
    b = {"whole_tumor": _mask((10, 10, 10), (1.0,) * 3, np.s_[2:6, 0:10, 0:10])}
    (row,) = compare_masks(a, b)
    assert row.volume_a_cm3 == pytest.approx(0.4) and row.volume_b_cm3 == pytest.approx(0.4)
    assert row.dice == pytest.approx(0.5)
    empty = {"whole_tumor": _mask((10, 10, 10), (1.0,) * 3, np.s_[0:0])}
    assert compare_masks(empty, empty)[0].dice is None
    other_grid = {"whole_tumor": _mask((5, 5, 5), (1.0,) * 3, np.s_[0:1])}
    with pytest.raises(
        InvalidInputError, match="R-ANN-8: region whole_tumor is on different grids"
    ):
        compare_masks(a, other_grid)


def test_findings_become_jump_targets_errors_first(tmp_path):
    findings = [
        Finding("R-ANN-7", Severity.WARNING, "a speck", region="edema", slice_index=12, lesion=3),
        Finding("R-ANN-9", Severity.ERROR, "skipped slice", region="tumor_body", slice_index=40),
        Finding("R-FMT-2", Severity.INFO, "no location"),
    ]
    targets = jump_targets(findings)
    assert [(t.rule, t.region, t.slice_index) for t in targets] == [
        ("R-ANN-9", "tumor_body", 40),
        ("R-ANN-7", "edema", 12),
    ]
    assert targets[1].label() == "[warning] R-ANN-7 (edema, slice 12, lesion 3): a speck"
    (tmp_path / "selfcheck.json").write_text(
        '{"findings": [' + ",".join(__import__("json").dumps(f.to_dict()) for f in findings) + "]}"
    )
    assert read_selfcheck_findings(tmp_path) == findings
    (tmp_path / "selfcheck.json").write_text("{broken")
    with pytest.raises(InvalidInputError, match="not a readable self-check report"):
        read_selfcheck_findings(tmp_path)


@pytest.mark.slow
def test_a_reviewer_returns_with_located_comments_then_approves_the_revision(project, tmp_path):
    session = ReviewSession.open(project, "case-1", REVIEWER, REGIONS, {"tumor_body": 30})
    assert session.read_only and session.submitted_version() == 1
    with pytest.raises(InvalidInputError, match="unknown region 'edema'"):
        session.add_comment("edema missing", "edema")
    with pytest.raises(InvalidInputError, match="slice 30 is outside region tumor_body"):
        session.add_comment("too far", "tumor_body", 30)
    with pytest.raises(InvalidInputError, match="at least one comment"):
        session.return_case()
    session.add_comment("the lower pole is not drawn", "tumor_body", 12)
    assert session.return_case("redo the lower pole") is CaseState.RETURNED
    (review,) = workflow.review_comments(project, "case-1")
    assert review["decision"] == "return"
    assert review["comments"] == [
        {"region": "tumor_body", "slice_index": 12, "text": "the lower pole is not drawn"}
    ]


@pytest.mark.slow
def test_only_a_reviewer_who_did_not_draw_opens_a_submitted_case(project):
    with pytest.raises(QualificationError, match="not a reviewer"):
        ReviewSession.open(project, "case-1", ANNOTATOR, REGIONS)
    with pytest.raises(WorkflowError, match="case-2 is in_progress; only a submitted case"):
        ReviewSession.open(project, "case-2", REVIEWER, REGIONS)
    session = ReviewSession.open(project, "case-1", REVIEWER, REGIONS)
    assert session.approve() is CaseState.APPROVED


@pytest.mark.slow
def test_the_overlay_choices_list_other_versions_and_mark_model_preannotations(
    small_annotated_case, mrml_runtime
):
    from CNSTumorAnnotationLib.case.folder import load_case, region_masks, save_annotation_version
    from CNSTumorAnnotationLib.wizard.review import comparison_choices

    case = small_annotated_case
    masks = region_masks(case, 1, runtime=mrml_runtime)
    save_annotation_version(case, masks, "model:nnunet", runtime=mrml_runtime, machine_made=True)
    case = load_case(case.root)
    assert comparison_choices(case, 1) == [(2, "v2 model pre-annotation by model:nnunet")]
    assert comparison_choices(case, 2) == [(1, "v1 annotation by synthetic:spheres")]
    rows = compare_masks(masks, region_masks(case, 2, runtime=mrml_runtime))
    assert {row.region for row in rows} == set(case.schema.keys)
    assert all(row.dice == pytest.approx(1.0) for row in rows if row.volume_a_cm3 > 0)
