"""The training phase (R-PPL-2, R-PPL-4): two teams, agreement per case and region, certification."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _project_helpers import ADMIN, brats_phantom, new_project

from CNSTumorAnnotationLib.people import QualificationError
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.training.calibration import (
    CalibrationCase,
    assess_calibration,
    certify_teams,
)
from CNSTumorQCLib.errors import InvalidInputError


def batch(shift_in_case_2: int = 0, grades_b: tuple[int, ...] = (3, 2, 3)) -> list[CalibrationCase]:
    cases = []
    for index, radius in enumerate((8.0, 12.0, 16.0)):
        a = brats_phantom(radius)
        b = brats_phantom(radius, enhancing_shift=shift_in_case_2 if index == 1 else 0)
        cases.append(
            CalibrationCase(
                f"cal-{index + 1}", {"A": a, "B": b}, {"A": (3, 2, 3)[index], "B": grades_b[index]}
            )
        )
    return cases


def test_R_PPL_4_two_teams_in_excellent_agreement_are_certified() -> None:
    report = assess_calibration(batch())
    assert report.certified and report.shortfalls == ()
    assert {r.region for r in report.results} == {"whole_tumor", "tumor_core", "enhancing"}
    assert all(r.dice == pytest.approx(1.0) and r.hd95_mm == 0.0 for r in report.results)
    assert report.icc["whole_tumor"]["band"] == "excellent"
    assert report.kappa["kappa"] == pytest.approx(1.0)


def test_R_PPL_4_the_report_names_the_case_and_region_that_fell_short() -> None:
    report = assess_calibration(batch(shift_in_case_2=4))
    assert not report.certified
    short = [s for s in report.shortfalls if s.startswith("case ")]
    assert short and all(s.startswith("case cal-2, region ") for s in short)
    assert any("region enhancing: Dice" in s and "excellent needs >= 0.75" in s for s in short)
    assert not any("whole_tumor" in s for s in short)


def test_R_PPL_4_disagreeing_quality_grades_fall_short_on_kappa() -> None:
    report = assess_calibration(batch(grades_b=(1, 3, 2)))
    assert not report.certified
    assert any(s.startswith("quality grades: weighted kappa") for s in report.shortfalls)


def test_R_PPL_4_a_single_case_batch_cannot_show_volume_agreement() -> None:
    report = assess_calibration(batch()[:1])
    assert any("volume ICC needs >= 2 calibration cases" in s for s in report.shortfalls)


def test_the_batch_must_compare_exactly_two_teams() -> None:
    with pytest.raises(InvalidInputError, match="exactly two teams"):
        assess_calibration([CalibrationCase("c", {"A": brats_phantom(5)}, {})])


@pytest.mark.slow
def test_R_PPL_4_certification_unlocks_production_assignment_and_writes_the_report(
    tmp_path: Path, project_database: str | None
) -> None:
    with new_project(tmp_path / "proj", project_database) as project:
        project.add_person(
            "dr_sun",
            licence="L-dr_sun",
            name="Dr Sun",
            role="annotator",
            years_experience=7,
            title="attending",
            actor=ADMIN,
        )
        project.add_person(
            "dr_ma",
            licence="L-dr_ma",
            name="Dr Ma",
            role="annotator",
            years_experience=8,
            title="attending",
            actor=ADMIN,
        )
        project.register_case("c1", dataset_id="tcga", patient="P1", actor=ADMIN)
        project.deidentify("c1", actor=ADMIN)
        project.pass_qc("c1", actor=ADMIN)
        failing = certify_teams(
            project,
            assess_calibration(batch(shift_in_case_2=4)),
            {"A": ["dr_sun"], "B": ["dr_ma"]},
            actor=ADMIN,
        )
        assert json.loads(failing.read_text())["certified"] is False
        assert failing.with_suffix(".html").read_text().count("<svg") >= 2
        with pytest.raises(QualificationError, match="R-PPL-4: Dr Sun is not certified"):
            workflow.assign(project, "c1", "dr_sun", actor=ADMIN)
        passing = certify_teams(
            project, assess_calibration(batch()), {"A": ["dr_sun"], "B": ["dr_ma"]}, actor=ADMIN
        )
        assert "CERTIFIED" in passing.with_suffix(".html").read_text()
        assert workflow.assign(project, "c1", "dr_sun", actor=ADMIN) is CaseState.ASSIGNED
        certifications = [e for e in project.audit_entries() if e.action == "certification"]
        assert [e.details["certified"] for e in certifications][-2:] == [True, True]


def test_R_PPL_4_volume_icc_is_graded_by_its_confidence_interval_as_koo_and_li_advise() -> None:
    """A systematic half-voxel bias on three cases: ICC 0.99, but its 95% CI reaches far below 0.90."""
    cases = [
        CalibrationCase(
            f"cal-{i}", {"A": brats_phantom(r), "B": brats_phantom(r + 0.5)}, {"A": 3, "B": 3}
        )
        for i, r in enumerate((8.0, 12.0, 16.0), start=1)
    ]
    report = assess_calibration(cases)
    whole = report.icc["whole_tumor"]
    assert whole["icc"] > 0.95 and whole["ci95_lower"] < 0.9 and whole["banded_by"] == "ci95_lower"
    assert not report.certified
    assert any(
        s.startswith("region whole_tumor: volume ICC(2,1)") and "95% CI lower bound" in s
        for s in report.shortfalls
    )
