"""Blank, constant, duplicated and outlier slices, and duplicated volumes (R-DATA-2, R-QC-3, R-QC-1).

Real pixels: the bundled TCGA case written as DICOM (Siemens-modelled headers, see
``CNSTumorQCLib/demo``), one slice of its FLAIR damaged as an export can damage it. Before these
checks, a zeroed slice was graded 2 "stair-step / interleave motion" and a duplicated slice 3 with
no finding; each is now a finding naming the file, and the grade says what is wrong (grade 1: the
anatomy of that position is missing) instead of blaming motion. The undamaged series keep their
grades (3) and get none of these findings.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
import SimpleITK as sitk
from _dicom_cases import bundled_series, copy_series, set_pixels, with_rule

from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.stack_image import stack_array
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.qc import build_report
from CNSTumorQCLib.quality.slices import check_slices, repaired
from CNSTumorQCLib.report.qc_report import SeriesReport

DAMAGED = 13  # a slice through the tumour, in file order


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled_dicom")
    write_sample_case_study(folder)
    return folder


def _flair_with(study: Path, folder: Path, edit) -> tuple[SeriesReport, Path]:  # type: ignore[no-untyped-def]
    files = copy_series(bundled_series(study, "FLAIR"), folder / "flair")
    edit(files)
    (entry,) = build_report(folder, workers=1, thumbnails=False).series
    return entry, files[DAMAGED]


@pytest.mark.slow
def test_the_undamaged_flair_has_no_slice_finding_and_keeps_grade_3(
    study: Path, tmp_path: Path
) -> None:
    entry, _ = _flair_with(study, tmp_path, lambda files: None)
    assert entry.suggested_grade == 3
    assert not [f for f in entry.findings if "slice" in f.message]


@pytest.mark.slow
def test_a_zeroed_slice_is_an_R_DATA_2_error_naming_the_file_and_grade_1_not_motion(
    study: Path, tmp_path: Path
) -> None:
    entry, damaged = _flair_with(
        study, tmp_path, lambda files: set_pixels(files[DAMAGED], np.zeros_like)
    )
    (finding,) = with_rule(entry.findings, "R-DATA-2", "blank slice")
    assert finding.severity.value == "error" and finding.files == (str(damaged),)
    assert "every pixel = 0" in finding.message
    assert entry.suggested_grade == 1
    assert "blank slice" in entry.grade_reasons[0]
    assert not any("stair-step" in r for r in entry.grade_reasons)


@pytest.mark.slow
def test_a_constant_slice_is_blank_too(study: Path, tmp_path: Path) -> None:
    entry, damaged = _flair_with(
        study, tmp_path, lambda files: set_pixels(files[DAMAGED], lambda a: np.full_like(a, 300))
    )
    (finding,) = with_rule(entry.findings, "R-DATA-2", "blank slice")
    assert finding.files == (str(damaged),) and "every pixel = 300" in finding.message
    assert entry.suggested_grade == 1


@pytest.mark.slow
def test_a_duplicated_slice_is_an_R_DATA_2_error_naming_both_files(
    study: Path, tmp_path: Path
) -> None:
    def duplicate(files: list[Path]) -> None:
        previous = pydicom.dcmread(files[DAMAGED - 1]).pixel_array
        set_pixels(files[DAMAGED], lambda a: previous)

    entry, damaged = _flair_with(study, tmp_path, duplicate)
    (finding,) = with_rule(entry.findings, "R-DATA-2", "duplicated at another position")
    assert finding.severity.value == "error"
    assert set(finding.files) == {str(damaged), str(damaged.parent / f"IM{DAMAGED:04d}.dcm")}
    assert entry.suggested_grade == 1 and "duplicated slice" in entry.grade_reasons[0]


@pytest.mark.slow
def test_a_slice_whose_intensity_jumps_is_an_R_QC_3_warning_and_grade_2(
    study: Path, tmp_path: Path
) -> None:
    entry, damaged = _flair_with(
        study, tmp_path, lambda files: set_pixels(files[DAMAGED], lambda a: a * 1.6)
    )
    (finding,) = with_rule(entry.findings, "R-QC-3", "intensity jumps")
    assert finding.severity.value == "warning" and finding.files == (str(damaged),)
    assert entry.suggested_grade == 2
    assert any("jumps far from both" in r for r in entry.grade_reasons)
    assert not any("stair-step" in r for r in entry.grade_reasons)


@pytest.mark.slow
def test_a_t1c_whose_pixels_are_the_t1s_is_a_duplicated_volume_on_both_series(
    study: Path, tmp_path: Path
) -> None:
    copy_series(bundled_series(study, "T1"), tmp_path / "t1")
    t1c = copy_series(bundled_series(study, "T1C"), tmp_path / "t1c")
    t1 = sorted((tmp_path / "t1").glob("*.dcm"))
    for source, target in zip(t1, t1c, strict=True):
        set_pixels(target, lambda a, source=source: pydicom.dcmread(source).pixel_array)
    report = build_report(tmp_path, workers=1, thumbnails=False)
    for entry in report.series:
        (finding,) = with_rule(entry.findings, "R-DATA-2", "pixel data identical to")
        assert finding.severity.value == "error"
        other = "T1_AX_SE" if entry.sequence == "T1C" else "MRHR_T1_AX_POST_GAD_SE"
        assert other in finding.message
        assert {str(p) for p in t1 + t1c} == set(finding.files)


@pytest.mark.slow
def test_distinct_series_of_the_bundled_study_are_not_duplicates(study: Path) -> None:
    report = build_report(study, workers=1, thumbnails=False)
    assert len(report.series) == 4
    for entry in report.series:
        assert not [f for f in entry.findings if "identical" in f.message or "slice" in f.message]


@pytest.mark.parametrize(
    "volume",
    ["T1", "T1C", "T2", "FLAIR", "xa30_T1", "philips_dwi", "xa30_dwi", "mni_2009a"],
)
def test_real_volumes_have_no_defective_slice(volume: str, shared_data: Path) -> None:
    """The outlier limit (30 %) sits above every natural slice-to-slice change seen (<= 18 %)."""
    if volume in ("T1", "T1C", "T2", "FLAIR"):
        array = sitk.GetArrayFromImage(
            sitk.ReadImage(str(sample_data_dir() / "native" / f"{volume}.nii.gz"))
        )
    elif volume == "mni_2009a":
        name = "mni_icbm152_2009a_nilearn/mni_icbm152_t1_tal_nlin_sym_09a_converted.nii.gz"
        array = sitk.GetArrayFromImage(sitk.ReadImage(str(shared_data / name)))
    else:
        folder = {
            "xa30_T1": "dcm_qa_xa30/In/5_anat-T1w_acq-tfl",
            "xa30_dwi": "dcm_qa_xa30/In/12_DWI_dir80_PA",
            "philips_dwi": "dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax",
        }[volume]
        series = index_folder(shared_data / folder, workers=1).series[0]
        array = stack_array(series.stacks[-1])
    check = check_slices(array)
    assert check.clean, check
    if volume == "mni_2009a":
        assert check.blank_ends  # zero padding at the ends is not a defect


def test_the_repair_replaces_only_the_defective_slice_by_its_neighbours() -> None:
    volume = np.arange(6 * 8 * 8, dtype=np.int16).reshape(6, 8, 8)
    assert repaired(volume, check_slices(volume)) is volume
    volume[2] = 0
    check = check_slices(volume)
    assert check.blank == (2,) and check.defective == (2,)
    fixed = repaired(volume, check)
    assert np.array_equal(
        fixed[2], ((volume[1].astype(np.float32) + volume[3]) / 2).astype(np.int16)
    )
    assert np.array_equal(np.delete(fixed, 2, axis=0), np.delete(volume, 2, axis=0))
