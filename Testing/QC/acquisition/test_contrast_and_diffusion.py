"""T1C after T1, pre/post pairs resolved by time (R-ACQ-5); DWI with b~0 and its ADC, ADC units (R-ACQ-4).

Real data: the bundled TCGA case written as DICOM (its T1 and post-gadolinium T1 share one
spin-echo protocol, as a pre/post pair does), the GE SIGNA Pioneer DWI (b = 0 and 1000) and the
Siemens XA30 ADC map.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
from _dicom_cases import XA30, bundled_series, copy_files, with_rule

from CNSTumorQCLib.acquisition.rules import check_study_requirements
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.stack_image import stack_array
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.qc import build_report
from CNSTumorQCLib.quality.adc import adc_findings, adc_unit
from CNSTumorQCLib.report.qc_report import QCReport
from CNSTumorQCLib.sequences import MRSequence

GE_DWI = Path("dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2")


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled_dicom")
    write_sample_case_study(folder)
    return folder


def _t1_pair(
    study: Path, folder: Path, t1_time: str, t1c_time: str, keep_contrast: bool = False
) -> QCReport:
    """The T1 and T1C series, timed; unless ``keep_contrast``, with empty contrast tags and the
    same name, as a scanner that records nothing writes a pre/post pair."""

    def timed(when: str):  # type: ignore[no-untyped-def]
        def edit(_: int, ds: pydicom.Dataset) -> None:
            ds.AcquisitionTime = ds.SeriesTime = when
            if not keep_contrast:
                ds.ContrastBolusAgent = ""
                ds.SeriesDescription = ds.ProtocolName = "T1_AX_SE"

        return edit

    for name, when in (("T1", t1_time), ("T1C", t1c_time)):
        source = sorted(bundled_series(study, name).glob("*.dcm"))
        copy_files(source, folder / name, timed(when))
    return build_report(folder, workers=1, grade=False, thumbnails=False)


def _by_number(report: QCReport) -> dict[int | None, str]:
    return {s.series_number: s.sequence for s in report.series}


@pytest.mark.slow
def test_an_untagged_pre_post_pair_is_resolved_by_acquisition_time(
    study: Path, tmp_path: Path
) -> None:
    """Before: two plain T1 ("T1 duplicated, T1C missing"). Now the later one is the T1C."""
    report = _t1_pair(study, tmp_path, "093600", "095812.5")
    assert _by_number(report) == {3: "T1", 7: "T1C"}
    post = next(s for s in report.series if s.sequence == "T1C")
    assert post.needs_confirmation
    assert any("pre/post pair" in e["says"] and "09:58:12" in e["value"] for e in post.evidence)
    requirements = {r["requirement"]: r["status"] for r in report.studies[0].requirements}
    assert requirements["T1"] == "valid" and requirements["T1C"] == "valid"


def test_the_time_decides_not_the_series_number(study: Path, tmp_path: Path) -> None:
    report = _t1_pair(study, tmp_path, "101500", "093000")
    assert _by_number(report) == {3: "T1C", 7: "T1"}


def test_a_t1c_acquired_before_the_t1_is_an_R_ACQ_5_error(study: Path, tmp_path: Path) -> None:
    report = _t1_pair(study, tmp_path, "101500", "093000", keep_contrast=True)
    assert _by_number(report) == {3: "T1", 7: "T1C"}  # the contrast tag labels them
    (finding,) = with_rule(report.studies[0].findings, "R-ACQ-5", "before T1")
    assert finding.severity is Severity.ERROR
    assert "09:30:00" in finding.message and "10:15:00" in finding.message
    assert report.studies[0].verdict.value == "NOT_FIT"


def test_a_t1c_acquired_after_the_t1_passes(study: Path, tmp_path: Path) -> None:
    report = _t1_pair(study, tmp_path, "093000", "101500", keep_contrast=True)
    assert not with_rule(report.studies[0].findings, "R-ACQ-5", "before T1")


def test_a_dwi_without_its_adc_map_is_incomplete() -> None:
    statuses, findings = check_study_requirements([("dwi", MRSequence.DWI, True)])
    assert {s.requirement: s.status for s in statuses}["DWI/ADC"] == "incomplete"
    (finding,) = with_rule(findings, "R-ACQ-4", "incomplete: no valid ADC")
    assert finding.severity is Severity.ERROR
    statuses, _ = check_study_requirements([("adc", MRSequence.ADC, True)])
    assert {s.requirement: s.status for s in statuses}["DWI/ADC"] == "incomplete"


def test_the_real_ge_dwi_alone_is_incomplete_but_has_its_b0(
    shared_data: Path, tmp_path: Path
) -> None:
    copy_files(sorted((shared_data / GE_DWI).iterdir()), tmp_path)
    report = build_report(tmp_path, workers=1, grade=False, thumbnails=False)
    study = report.studies[0]
    assert {r["requirement"]: r["status"] for r in study.requirements}["DWI/ADC"] == "incomplete"
    assert not with_rule(study.findings, "R-ACQ-4", "b~0")


def test_a_dwi_without_a_b0_volume_is_an_R_ACQ_4_error(shared_data: Path, tmp_path: Path) -> None:
    (series,) = index_folder(shared_data / GE_DWI, workers=1).series
    weighted = sorted({i.path for i in series.instances if (i.b_value or 0) > 50})
    copy_files([Path(p) for p in weighted], tmp_path)
    report = build_report(tmp_path, workers=1, grade=False, thumbnails=False)
    (entry,) = report.series
    assert entry.sequence == "DWI" and entry.b_values == (1000.0,) and entry.usable
    (finding,) = with_rule(report.studies[0].findings, "R-ACQ-4", "without a b~0 volume")
    assert finding.severity is Severity.ERROR


def test_the_real_xa30_adc_is_in_micrometres_squared_per_second(shared_data: Path) -> None:
    (series,) = index_folder(shared_data / XA30 / "11_DWI_dir80_PA", workers=1).series
    volume = stack_array(series.stacks[0])
    found = adc_unit(volume)
    assert found.unit == "10^-6 mm2/s (um2/s)" and 0.5 < (found.median_e3_mm2_s or 0) < 1.0
    (info,) = adc_findings(volume, "uid", ())
    assert info.severity is Severity.INFO and "10^-6 mm2/s" in info.message
    assert adc_unit(volume * 1e-6).unit == "mm2/s"
    assert adc_unit(volume * 1e-3).unit == "10^-3 mm2/s"
    (error,) = adc_findings(volume * 100, "uid", ("f.dcm",))
    assert (
        error.severity is Severity.ERROR and error.rule == "R-ACQ-4" and error.files == ("f.dcm",)
    )
    assert adc_unit(np.zeros((3, 4, 4))).unit is None


def test_the_qc_report_states_the_unit_of_the_real_adc(shared_data: Path, tmp_path: Path) -> None:
    copy_files(sorted((shared_data / XA30 / "11_DWI_dir80_PA").iterdir()), tmp_path)
    (entry,) = build_report(tmp_path, workers=1, thumbnails=False).series
    assert entry.sequence == "ADC"
    assert with_rule(entry.findings, "R-ACQ-4", "ADC map stored in 10^-6 mm2/s")


def test_an_explicit_no_contrast_tag_is_not_overruled_by_time(study: Path, tmp_path: Path) -> None:
    """Only EMPTY contrast tags are resolved by time: "NONE" is the scanner's own word."""

    def timed(when: str, agent: str):  # type: ignore[no-untyped-def]
        def edit(_: int, ds: pydicom.Dataset) -> None:
            ds.AcquisitionTime = when
            ds.ContrastBolusAgent = agent
            ds.SeriesDescription = ds.ProtocolName = "T1_AX_SE"

        return edit

    for name, when, agent in (("T1", "093600", ""), ("T1C", "095800", "NONE")):
        source = sorted(bundled_series(study, name).glob("*.dcm"))
        copy_files(source, tmp_path / name, timed(when, agent))
    report = build_report(tmp_path, workers=1, grade=False, thumbnails=False)
    assert _by_number(report) == {3: "T1", 7: "T1"}
