"""qc_report.json is strict JSON that any reader accepts (R-QC-1: grades and metrics travel)."""

from __future__ import annotations

import json

import pytest

from CNSTumorQCLib.qc import run_qc


def _refuse_constant(name: str) -> None:
    raise ValueError(f"non-standard JSON constant {name} in qc_report.json")


@pytest.mark.slow
def test_the_report_of_a_real_enhanced_multiframe_study_has_no_nan(shared_data, tmp_path):
    """Skull-stripped or air-free series leave some metrics uncomputable; they are omitted,
    never written as the bare NaN that strict JSON readers (browsers, jq, Go, Java) reject."""
    run_qc(shared_data / "dcm_qa_xa30" / "In", tmp_path / "qc")
    text = (tmp_path / "qc" / "qc_report.json").read_text()
    report = json.loads(text, parse_constant=_refuse_constant)
    graded = [s for s in report["series"] if s["suggested_grade"] is not None]
    assert graded, "the real series are graded"
    assert all(s["quality_metrics"] for s in graded)
