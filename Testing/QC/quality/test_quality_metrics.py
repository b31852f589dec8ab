"""Segmentation-free quality metrics on the bundled real case and on degraded copies of it.

Each degradation is made here with numpy/SimpleITK (no TorchIO in unit tests) from a real
volume, and each metric must move in the direction of the artifact it measures (R-QC-1, R-QC-3).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _images import with_array

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.quality.bias_field import N4Parameters, head_core
from CNSTumorQCLib.quality.head_mask import (
    OTSU_BINS,
    head_and_air_masks,
    otsu_threshold_of_histogram,
)
from CNSTumorQCLib.quality.metrics import QualityMetrics, compute_quality_metrics


@pytest.fixture(scope="module")
def native_t2(sample_case: Path) -> sitk.Image:
    """The real 2D multi-slice T2 of TCGA-FG-6692 (26 axial slices of 5.5 mm)."""
    return sitk.ReadImage(str(sample_case / "native" / "T2.nii.gz"))


@pytest.fixture(scope="module")
def native_t2_array(native_t2: sitk.Image) -> np.ndarray:
    return sitk.GetArrayFromImage(native_t2).astype(np.float32)


@pytest.fixture(scope="module")
def clean_metrics(native_t2: sitk.Image) -> QualityMetrics:
    return compute_quality_metrics(native_t2)


@pytest.mark.parametrize("name", ["T1", "T1C", "T2", "FLAIR"])
def test_metrics_of_the_real_bundled_volumes_are_finite_and_plausible_R_QC_1(
    sample_case: Path, name: str
) -> None:
    metrics = compute_quality_metrics(
        sitk.ReadImage(str(sample_case / "native" / f"{name}.nii.gz"))
    )
    values = metrics.to_dict()
    # no metal (R-QC-1, susceptibility.py): nothing over the brain, under the 2 mL grade-2 cut
    # point elsewhere (the T2 reads 1.0 mL at the skull base); the slice is NaN when none is found
    where = values.pop("metal_void_slice")
    assert metrics.metal_void_core_ml == 0.0 and metrics.metal_void_ml < 2.0
    assert np.isnan(where) == (metrics.metal_void_ml == 0.0)
    assert all(np.isfinite(v) for v in values.values()), values
    assert metrics.has_air
    assert 10 < metrics.snrd < 500
    assert 4 < metrics.snr < 30
    assert 0.4 < metrics.efc < 0.8
    assert metrics.fber > 100
    assert metrics.qi1 < 0.01
    assert 0.8 < metrics.fwhm_inplane_vox < 2.5
    assert 0.5 < metrics.fwhm_x_mm < 3 and 2 < metrics.fwhm_z_mm < 8  # 0.9 mm pixels, 5.5 mm slices
    assert (
        metrics.inu_range < 0.8
    )  # under the grade-2 cut point (the T1C, with its enhancing dura and vessels, reads about 0.63)
    assert 0.25 < metrics.head_fov_fraction < 0.75
    assert metrics.edge_truncation < 0.2  # the face reaches the FOV edge in the lowest slices
    assert metrics.superior_truncation < 0.5  # the top slice is near the vertex
    assert metrics.wrap < 0.02 and metrics.ghost < 0.02
    assert metrics.slice_anisotropy == pytest.approx(5.5 / 0.898, rel=0.02)


def test_the_head_mask_of_a_real_volume_is_one_head_with_air_around_it_R_QC_3(
    native_t2: sitk.Image,
) -> None:
    work = head_and_air_masks(native_t2)
    assert work.strides == (1, 2, 2)  # 0.9 mm pixels subsampled to about 2 mm, slices kept
    assert 0.3 < work.head.mean() < 0.7
    assert not (work.head & work.air).any()
    assert np.median(work.data[work.head]) > 10 * np.median(np.abs(work.data[work.air]) + 1)


@pytest.mark.slow
def test_added_noise_lowers_snr_and_snrd_R_QC_1(
    native_t2: sitk.Image, native_t2_array: np.ndarray, clean_metrics: QualityMetrics
) -> None:
    rng = np.random.default_rng(7)
    sigma = 0.08 * float(np.percentile(native_t2_array, 99))
    noisy = np.abs(
        native_t2_array
        + rng.normal(0, sigma, native_t2_array.shape)
        + 1j * rng.normal(0, sigma, native_t2_array.shape)
    )
    metrics = compute_quality_metrics(with_array(native_t2, noisy))
    assert metrics.snrd < clean_metrics.snrd / 3
    assert metrics.snr < clean_metrics.snr
    assert metrics.fber < clean_metrics.fber / 10


def test_blur_raises_the_fwhm_smoothness_R_QC_1(
    native_t2: sitk.Image, clean_metrics: QualityMetrics
) -> None:
    blurred = sitk.SmoothingRecursiveGaussian(
        sitk.Cast(native_t2, sitk.sitkFloat32), [2.0, 2.0, 0.01]
    )
    metrics = compute_quality_metrics(blurred)
    assert metrics.fwhm_inplane_vox > clean_metrics.fwhm_inplane_vox + 1.0
    assert metrics.fwhm_x_mm > clean_metrics.fwhm_x_mm + 1.0


def test_a_bias_field_raises_the_intensity_non_uniformity_R_QC_3(
    native_t2: sitk.Image, native_t2_array: np.ndarray, clean_metrics: QualityMetrics
) -> None:
    k, j, i = np.meshgrid(*[np.linspace(-1, 1, n) for n in native_t2_array.shape], indexing="ij")
    field = np.exp(0.5 * i + 0.3 * j - 0.2 * k * j)
    metrics = compute_quality_metrics(with_array(native_t2, native_t2_array * field))
    # the imposed field's own inu_range where N4 measures it: the tissue of the head core
    work = head_and_air_masks(native_t2)
    core = head_core(work, N4Parameters().core_depth_mm) & (work.data > work.otsu_threshold)
    imposed = field[:: work.strides[0], :: work.strides[1], :: work.strides[2]][core]
    p5, p95 = np.percentile(imposed / np.median(imposed), [5, 95])
    assert metrics.inu_range > 0.7 * (p95 - p5)  # most of it (a single-level N4 on a sample)
    assert metrics.inu_range > clean_metrics.inu_range + 0.2


def wrap_around(array: np.ndarray, head_rows: np.ndarray, axis: int) -> np.ndarray:
    """A field of view shifted along ``axis`` past the front of the head: the cut-off part folds
    onto the opposite edge (phase-encoding aliasing)."""
    cut = int(head_rows[0]) + 12
    return np.roll(array, -cut, axis=axis)


def test_wrap_around_raises_the_wrap_indicator_R_QC_3(
    native_t2: sitk.Image, native_t2_array: np.ndarray, clean_metrics: QualityMetrics
) -> None:
    head = compute_head_rows(native_t2)
    wrapped = wrap_around(native_t2_array, head, axis=1)
    metrics = compute_quality_metrics(with_array(native_t2, wrapped))
    assert metrics.wrap > clean_metrics.wrap + 0.02
    assert metrics.wrap_axis == "anterior-posterior"
    assert metrics.edge_truncation > clean_metrics.edge_truncation + 0.1  # the head is cut too


def compute_head_rows(image: sitk.Image) -> np.ndarray:
    work = head_and_air_masks(image)
    rows = np.nonzero(work.head.any(axis=(0, 2)))[0] * work.strides[1]
    return rows


def test_phase_ghosts_raise_the_ghost_ratio_and_qi1_R_QC_1(
    native_t2: sitk.Image, native_t2_array: np.ndarray, clean_metrics: QualityMetrics
) -> None:
    rows = native_t2_array.shape[1]
    ghosted = native_t2_array + 0.25 * np.roll(native_t2_array, rows // 2, axis=1)  # N/2 ghost
    metrics = compute_quality_metrics(with_array(native_t2, ghosted))
    assert metrics.ghost > clean_metrics.ghost + 0.03
    assert metrics.ghost_axis == "anterior-posterior"
    assert metrics.qi1 > clean_metrics.qi1
    assert metrics.efc > clean_metrics.efc


def test_a_skull_stripped_volume_has_no_air_so_air_metrics_are_not_measured(
    sample_case: Path,
) -> None:
    image = sitk.ReadImage(str(sample_case / "sri24" / "T2.nii.gz"))[40:200, 40:220, 20:140]
    metrics = compute_quality_metrics(image)
    assert not metrics.has_air
    assert np.isnan(metrics.snrd) and np.isnan(metrics.fber) and np.isnan(metrics.qi1)
    assert np.isfinite(metrics.fwhm_inplane_vox) and np.isfinite(metrics.inu_range)


def test_unusable_images_are_refused_with_a_clear_message() -> None:
    with pytest.raises(InvalidInputError, match="constant"):
        compute_quality_metrics(sitk.Image(32, 32, 8, sitk.sitkInt16))
    with pytest.raises(InvalidInputError, match="scalar"):
        compute_quality_metrics(sitk.Image([32, 32, 8], sitk.sitkVectorFloat32, 3))


@pytest.mark.parametrize(
    "relative",
    [
        "native/T1.nii.gz",
        "native/FLAIR.nii.gz",
        "native/T1C.nii.gz",
        "sri24/T2.nii.gz",
    ],
)
def test_otsu_threshold_is_simpleitks_to_within_a_bin_R_QC_1(
    sample_case: Path, relative: str
) -> None:
    """The hand-written Otsu of the head mask picks the same histogram bin as SimpleITK's
    ``OtsuThresholdImageFilter`` (which places its last bin edge a hair higher)."""
    image = sitk.ReadImage(str(sample_case / relative), sitk.sitkFloat32)
    values = sitk.GetArrayFromImage(image).ravel()[::7]
    values = np.minimum(values, np.percentile(values, 99.5)).astype(np.float32)
    otsu = sitk.OtsuThresholdImageFilter()
    otsu.SetNumberOfHistogramBins(OTSU_BINS)
    otsu.Execute(sitk.GetImageFromArray(values.reshape(1, 1, -1)))
    bin_width = (float(values.max()) - float(values.min())) / OTSU_BINS
    assert otsu_threshold_of_histogram(values) == pytest.approx(
        otsu.GetThreshold(), abs=0.05 * bin_width
    )


def test_otsu_threshold_of_a_constant_is_that_constant() -> None:
    assert otsu_threshold_of_histogram(np.full(10, 3.0, dtype=np.float32)) == 3.0
