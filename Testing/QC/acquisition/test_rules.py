"""The consensus rule table (R-ACQ-1..7), each finding on a faulty series built from a real one."""

from __future__ import annotations

import struct
from pathlib import Path

import pydicom
import pytest
from _dicom_cases import XA30, copy_files, only_series, philips_b0_files, with_rule

from CNSTumorQCLib.acquisition.identify import identify_series
from CNSTumorQCLib.acquisition.rules import (
    CONSENSUS_RULES,
    RULE_TABLE_VERSION,
    check_series_rules,
    check_study_requirements,
)
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.sequences import MRSequence


def _findings(folder: Path) -> list:
    series = only_series(folder)
    return check_series_rules(identify_series(series), series.series_instance_uid, series.files)


@pytest.fixture(scope="module")
def philips_slices(shared_data: Path) -> list[Path]:
    return philips_b0_files(shared_data, 8)


def _as_t2(k: int, ds: pydicom.Dataset) -> None:
    """The real Philips slice re-labelled as an axial 2D T2 TSE (diffusion tags removed).

    Its EPI factor (2001,1013) goes too: a TSE has none, and an EPI without diffusion is now
    identified as OTHER (field map, BOLD; R-ACQ-7), not T2.
    """
    ds.InstanceNumber = k + 1
    ds.RepetitionTime, ds.EchoTime = 4000, 100
    ds.SeriesDescription = ds.ProtocolName = "T2 TSE tra"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "T2"]
    for tag in (0x00189087, 0x00189089, 0x20011003, 0x20011013):
        if tag in ds:
            del ds[tag]


@pytest.mark.slow
def test_a_real_axial_2d_t2_passes_every_acquisition_rule(
    tmp_path: Path, philips_slices: list[Path]
) -> None:
    copy_files(philips_slices, tmp_path, _as_t2)
    assert _findings(tmp_path) == []


def test_a_7_mm_2d_slice_is_reported_with_rule_R_ACQ_6(
    tmp_path: Path, philips_slices: list[Path]
) -> None:
    def thick(k: int, ds: pydicom.Dataset) -> None:
        _as_t2(k, ds)
        ds.SliceThickness = 7

    copy_files(philips_slices, tmp_path, thick)
    (finding,) = with_rule(_findings(tmp_path), "R-ACQ-6", "slice thickness 7 mm exceeds the 6 mm")
    assert finding.severity is Severity.ERROR and len(finding.files) == len(philips_slices)


def test_a_3_mm_3d_slice_is_reported_with_rule_R_ACQ_6(
    tmp_path: Path, philips_slices: list[Path]
) -> None:
    def three_d(k: int, ds: pydicom.Dataset) -> None:
        _as_t2(k, ds)
        ds.MRAcquisitionType = "3D"

    copy_files(philips_slices, tmp_path, three_d)
    assert with_rule(_findings(tmp_path), "R-ACQ-6", "exceeds the 2 mm allowed for 3D")


def test_a_gap_above_2_mm_is_reported_with_rule_R_ACQ_6(
    tmp_path: Path, philips_slices: list[Path]
) -> None:
    def thin(k: int, ds: pydicom.Dataset) -> None:
        _as_t2(k, ds)
        ds.SliceThickness = 0.8  # 3 mm spacing - 0.8 mm = 2.2 mm gap

    copy_files(philips_slices, tmp_path, thin)
    (finding,) = with_rule(_findings(tmp_path), "R-ACQ-6", "gap between slices 2.2 mm")
    assert finding.details["slice_gap_mm"] == pytest.approx(2.2, abs=0.01)


def test_a_coronal_t2_is_reported_with_rule_R_ACQ_2(
    tmp_path: Path, philips_slices: list[Path]
) -> None:
    def coronal(k: int, ds: pydicom.Dataset) -> None:
        _as_t2(k, ds)
        ds.ImageOrientationPatient = [1, 0, 0, 0, 0, -1]
        ds.ImagePositionPatient = [-120, 3.0 * k, 100]

    copy_files(philips_slices, tmp_path, coronal)
    (finding,) = with_rule(_findings(tmp_path), "R-ACQ-2", "coronal plane")
    assert "requires axial" in finding.message


def test_a_sagittal_adc_is_reported_with_rule_R_ACQ_4(tmp_path: Path, shared_data: Path) -> None:
    source = next((shared_data / XA30 / "11_DWI_dir80_PA").iterdir())

    def sagittal(_: int, ds: pydicom.Dataset) -> None:
        for frame in ds.PerFrameFunctionalGroupsSequence:
            frame.PlaneOrientationSequence[0].ImageOrientationPatient = [0, 1, 0, 0, 0, -1]
        for group in ds.SharedFunctionalGroupsSequence:
            if "PlaneOrientationSequence" in group:
                group.PlaneOrientationSequence[0].ImageOrientationPatient = [0, 1, 0, 0, 0, -1]

    copy_files([source], tmp_path, sagittal)
    series = only_series(tmp_path)
    assert identify_series(series).sequence is MRSequence.ADC
    (finding,) = with_rule(_findings(tmp_path), "R-ACQ-4", "ADC is acquired in the sagittal plane")
    assert finding.severity is Severity.ERROR


def test_a_3d_adc_is_reported_with_rule_R_ACQ_4(tmp_path: Path, shared_data: Path) -> None:
    source = next((shared_data / XA30 / "11_DWI_dir80_PA").iterdir())

    def three_d(_: int, ds: pydicom.Dataset) -> None:
        ds.MRAcquisitionType = "3D"

    copy_files([source], tmp_path, three_d)
    assert with_rule(_findings(tmp_path), "R-ACQ-4", "ADC is a 3D acquisition")


def test_the_real_b_2500_dwi_is_reported_with_rule_R_ACQ_4(shared_data: Path) -> None:
    (finding,) = with_rule(_findings(shared_data / XA30 / "12_DWI_dir80_PA"), "R-ACQ-4", "b = 2500")
    assert "requires b = 800 or 1000" in finding.message


def test_the_real_ge_b_1000_dwi_satisfies_rule_R_ACQ_4(shared_data: Path) -> None:
    assert not [f for f in _findings(shared_data / "dcm_qa_ge/In") if f.rule == "R-ACQ-4"]


def test_a_dwi_rewritten_to_b_800_satisfies_rule_R_ACQ_4(tmp_path: Path, shared_data: Path) -> None:
    index_files = sorted((shared_data / "dicom2nifti_testdata/philips/dti/001").iterdir())

    def b800(_: int, ds: pydicom.Dataset) -> None:
        if float(ds.get("DiffusionBValue", 0)) > 0:
            ds.DiffusionBValue = 800.0
            private = ds[0x20011003]  # Philips private b-value; VR UN in this implicit-VR file
            private.value = struct.pack("<f", 800.0) if private.VR == "UN" else 800.0

    copy_files(index_files, tmp_path, b800)
    findings = _findings(tmp_path)
    assert identify_series(only_series(tmp_path)).b_values == (0.0, 800.0)
    assert not with_rule(findings, "R-ACQ-4", "b =")


def test_study_requirements_report_missing_invalid_and_duplicated_sequences() -> None:
    series = [
        ("t1", MRSequence.T1, True),
        ("t1c", MRSequence.T1C, False),  # present but failing its checks
        ("t2a", MRSequence.T2, True),
        ("t2b", MRSequence.T2, True),
        ("dwi", MRSequence.DWI, True),
        ("adc", MRSequence.ADC, True),
    ]
    statuses, findings = check_study_requirements(series)
    assert {s.requirement: s.status for s in statuses} == {
        "T1": "valid",
        "T1C": "invalid",
        "T2": "duplicated",
        "FLAIR": "missing",
        "DWI/ADC": "valid",  # a DWI with its ADC is one requirement, not a duplicate
    }
    assert {f.rule for f in findings} == {"R-ACQ-5", "R-ACQ-2", "R-ACQ-3"}
    assert with_rule(findings, "R-ACQ-3", "FLAIR is missing")[0].severity is Severity.ERROR


def test_the_rule_table_is_versioned_data() -> None:
    table = CONSENSUS_RULES.to_dict()
    assert table["version"] == RULE_TABLE_VERSION
    assert table["sequences"]["DWI"] == {
        "rule": "R-ACQ-4",
        "planes": ["axial"],
        "acquisitions": ["2D"],
        "b_values": [800.0, 1000.0],
    }
    assert (
        table["thickness"]["max_thickness_2d_mm"] == 6.0 and table["thickness"]["max_gap_mm"] == 2.0
    )
