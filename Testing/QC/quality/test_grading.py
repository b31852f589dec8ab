"""The suggested image-quality grade (R-QC-1..3) on the bundled real case and degraded copies.

Degradations are made here with numpy/SimpleITK from a real volume (no TorchIO in unit tests):
a real series must be annotatable (grade >= 2), and a strongly degraded copy must get a lower
grade with the reason named in a radiologist's words.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _images import with_array

from CNSTumorQCLib.quality.grading import (
    GRADE_THRESHOLDS_VERSION,
    STRUCTURAL_THRESHOLDS,
    GradeSuggestion,
    MetricRule,
    suggest_grade,
    thresholds_for,
)
from CNSTumorQCLib.sequences import MRSequence


@pytest.fixture(scope="module")
def native_flair(sample_case: Path) -> sitk.Image:
    return sitk.ReadImage(str(sample_case / "native" / "FLAIR.nii.gz"))


@pytest.fixture(scope="module")
def flair_array(native_flair: sitk.Image) -> np.ndarray:
    return sitk.GetArrayFromImage(native_flair).astype(np.float32)


@pytest.fixture(scope="module")
def clean_flair_grade(native_flair: sitk.Image) -> GradeSuggestion:
    return suggest_grade(native_flair, MRSequence.FLAIR)


@pytest.mark.parametrize("name", ["T1", "T1C", "T2"])
def test_a_real_series_of_the_bundled_case_is_suggested_grade_2_or_3_R_QC_1_R_QC_2(
    sample_case: Path, name: str
) -> None:
    image = sitk.ReadImage(str(sample_case / "native" / f"{name}.nii.gz"))
    suggestion = suggest_grade(image, MRSequence(name))
    assert suggestion.grade >= 2, suggestion.reasons
    assert suggestion.annotatable


def test_the_real_flair_is_grade_3_with_no_problem_reported_R_QC_1(
    clean_flair_grade: GradeSuggestion,
) -> None:
    assert clean_flair_grade.grade == 3, clean_flair_grade.reasons
    assert clean_flair_grade.reasons == ["no quality problem detected by the metrics"]


@pytest.mark.slow
def test_strong_noise_lowers_the_grade_with_a_low_snr_reason_R_QC_1(
    native_flair: sitk.Image, flair_array: np.ndarray, clean_flair_grade: GradeSuggestion
) -> None:
    rng = np.random.default_rng(11)
    sigma = 0.2 * float(np.percentile(flair_array, 99))
    noise = rng.normal(0, sigma, (2, *flair_array.shape))
    noisy = np.abs(flair_array + noise[0] + 1j * noise[1])  # magnitude image: Rician noise
    suggestion = suggest_grade(with_array(native_flair, noisy), MRSequence.FLAIR)
    assert suggestion.grade == 1, suggestion.reasons
    assert suggestion.grade < clean_flair_grade.grade
    assert any("low signal-to-noise ratio (SNRd" in reason for reason in suggestion.reasons)
    assert not suggestion.annotatable  # R-QC-2: grade 1 is excluded unless a person overrides


def test_strong_motion_ghosting_lowers_the_grade_naming_the_phase_direction_R_QC_1_R_QC_3(
    native_flair: sitk.Image, flair_array: np.ndarray
) -> None:
    columns = flair_array.shape[2]
    ghosted = flair_array.copy()
    for shift, weight in ((columns // 2, 0.35), (columns // 4, 0.2), (-columns // 4, 0.2)):
        ghosted += weight * np.roll(flair_array, shift, axis=2)  # N/2 and N/4 ghosts
    suggestion = suggest_grade(with_array(native_flair, ghosted), MRSequence.FLAIR)
    assert suggestion.grade == 1, suggestion.reasons
    assert any(
        "ghosting along the left-right (phase-encoding) direction" in r for r in suggestion.reasons
    )


def test_wrap_around_is_reported_with_its_direction_R_QC_3(
    native_flair: sitk.Image, flair_array: np.ndarray
) -> None:
    wrapped = np.roll(flair_array, -int(0.12 * flair_array.shape[1]), axis=1)  # FOV shifted forward
    suggestion = suggest_grade(with_array(native_flair, wrapped), MRSequence.FLAIR)
    assert suggestion.grade <= 2
    assert any(
        "wrap-around (aliasing) along the anterior-posterior direction" in r
        for r in suggestion.reasons
    )


def test_strong_blur_is_reported_as_a_blurred_image_R_QC_1(native_flair: sitk.Image) -> None:
    blurred = sitk.SmoothingRecursiveGaussian(
        sitk.Cast(native_flair, sitk.sitkFloat32), [3.0, 3.0, 0.01]
    )
    suggestion = suggest_grade(blurred, MRSequence.FLAIR)
    assert suggestion.grade <= 2
    assert any(
        reason.startswith(f"grade {suggestion.grade}: blurred image")
        for reason in suggestion.reasons
    )


def test_the_suggestion_serialises_with_its_thresholds_version_R_QC_2(
    clean_flair_grade: GradeSuggestion,
) -> None:
    payload = json.loads(json.dumps(clean_flair_grade.to_dict(), allow_nan=False))
    assert payload["thresholds_version"] == GRADE_THRESHOLDS_VERSION
    assert payload["grade"] == 3 and payload["annotatable"] is True
    assert payload["sequence"] == "FLAIR"
    assert {"snrd", "efc", "fber", "qi1", "fwhm_inplane_vox", "inu_range", "wrap", "ghost"} <= set(
        payload["metrics"]
    )


def test_rules_cap_the_grade_in_the_direction_of_the_metric_and_skip_nan() -> None:
    low_is_bad = MetricRule("snrd", False, 8.0, 4.0, "")
    assert [low_is_bad.cap(v)[0] for v in (20.0, 6.0, 2.0, math.nan)] == [3, 2, 1, 3]
    high_is_bad = MetricRule("wrap", True, 0.02, 0.1, "")
    assert [high_is_bad.cap(v)[0] for v in (0.0, 0.05, 0.5)] == [3, 2, 1]


def test_computed_adc_maps_are_not_graded_on_their_background_R_ACQ_4() -> None:
    metrics = {rule.metric for rule in thresholds_for(MRSequence.ADC).rules}
    assert not metrics & {"snrd", "fber", "qi1", "efc"}
    assert thresholds_for(MRSequence.T2) is STRUCTURAL_THRESHOLDS
