"""The N4 bias-field estimate behind ``inu_range`` (R-QC-1).

Known smooth multiplicative fields are imposed on the real bundled T2 and on a phantom whose
anatomy is lopsided; the estimate must recover the imposed field, and N4's histogram
sharpening must tell anatomy from a field where a plain intensity fit cannot.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _images import with_array

from CNSTumorQCLib.quality.bias_field import (
    BiasFieldEstimate,
    N4Parameters,
    estimate_bias_field,
    sharpen,
)
from CNSTumorQCLib.quality.head_mask import WorkingVolume, head_and_air_masks


def _imposed_log_field(shape: tuple[int, ...], amplitude: float) -> np.ndarray:
    """A smooth log field: linear left-right plus quadratic anterior-posterior, KJI order."""
    k, j, i = np.meshgrid(*(np.linspace(-1, 1, n) for n in shape), indexing="ij")
    return amplitude * (0.8 * i + 0.5 * j * j + 0.2 * k)


def _range(log_field: np.ndarray) -> float:
    field = np.exp(log_field - np.median(log_field))
    p5, p95 = np.percentile(field, [5, 95])
    return float(p95 - p5)


@pytest.fixture(scope="module")
def clean_estimates(
    sample_case: Path,
) -> dict[str, tuple[sitk.Image, np.ndarray, BiasFieldEstimate]]:
    out = {}
    for name in ("T2", "FLAIR"):
        image = sitk.ReadImage(str(sample_case / "native" / f"{name}.nii.gz"))
        estimate = estimate_bias_field(head_and_air_masks(image))
        assert estimate is not None
        out[name] = (image, sitk.GetArrayFromImage(image).astype(np.float32), estimate)
    return out


@pytest.mark.parametrize("name", ["T2", "FLAIR"])
@pytest.mark.parametrize("amplitude", [0.4, 0.8])
def test_n4_recovers_a_field_imposed_on_a_real_volume_R_QC_1(
    clean_estimates: dict[str, tuple[sitk.Image, np.ndarray, BiasFieldEstimate]],
    name: str,
    amplitude: float,
) -> None:
    """The field estimated on the biased copy, minus the one estimated on the original (its
    own coil profile and anatomy), follows the imposed field with a slope near 1."""
    image, array, clean = clean_estimates[name]
    imposed = _imposed_log_field(array.shape, amplitude)
    work = head_and_air_masks(with_array(image, array * np.exp(imposed)))
    biased = estimate_bias_field(work)
    assert biased is not None and biased.iterations >= 1
    where = tuple(index[clean.tissue] for index in clean.indices)
    found = biased.log_field_at(where) - clean.log_field_at(where)
    strides = work.strides
    truth = imposed[:: strides[0], :: strides[1], :: strides[2]][where]
    slope = np.polyfit(truth, found, 1)[0]
    assert 0.75 < slope < 1.3, slope
    assert np.corrcoef(truth, found)[0, 1] > 0.8


@pytest.mark.slow
def test_inu_range_grows_with_the_imposed_field_R_QC_1(
    clean_estimates: dict[str, tuple[sitk.Image, np.ndarray, BiasFieldEstimate]],
) -> None:
    """From the T2's own profile (a weak field of its own, which a weak imposed one may cancel)
    upwards."""
    image, array, clean = clean_estimates["T2"]
    ranges = [clean.inu_range()]
    for amplitude in (0.4, 0.8, 1.6):
        imposed = _imposed_log_field(array.shape, amplitude)
        estimate = estimate_bias_field(
            head_and_air_masks(with_array(image, array * np.exp(imposed)))
        )
        assert estimate is not None
        ranges.append(estimate.inu_range())
    assert ranges == sorted(ranges) and ranges[-1] > ranges[0] + 0.3, ranges


def _lopsided_phantom(log_field_amplitude: float) -> sitk.Image:
    """A head of air, scalp, grey matter and an off-centre white-matter lobe, with noise."""
    shape = (48, 96, 96)
    k, j, i = np.meshgrid(*(np.linspace(-1, 1, n) for n in shape), indexing="ij")
    radius = np.sqrt((k / 0.9) ** 2 + (j / 0.85) ** 2 + (i / 0.75) ** 2)
    array = np.full(shape, 5.0)
    array[radius < 1.0] = 600.0  # scalp
    array[radius < 0.85] = 700.0  # grey matter
    lobe = np.sqrt((k / 0.5) ** 2 + ((j - 0.3) / 0.4) ** 2 + ((i + 0.3) / 0.35) ** 2) < 1.0
    array[lobe & (radius < 0.85)] = 1000.0  # white matter on one side only
    array *= np.exp(log_field_amplitude * i)
    array += np.random.default_rng(7).normal(0.0, 8.0, shape)
    image = sitk.GetImageFromArray(np.abs(array).astype(np.float32))
    image.SetSpacing((2.0, 2.0, 3.0))
    return image


def _plain_fit_range(work: WorkingVolume, estimate: BiasFieldEstimate) -> float:
    """What a plain least-squares quadratic of the bright samples' log intensity calls a field."""
    coordinates = [index[estimate.tissue].astype(float) for index in estimate.indices]
    coordinates = [(c - c.mean()) / c.std() for c in coordinates]
    terms = [np.ones_like(coordinates[0]), *coordinates]
    terms += [a * b for n, a in enumerate(coordinates) for b in coordinates[n:]]
    values = np.log(work.data[tuple(index[estimate.tissue] for index in estimate.indices)])
    design = np.stack(terms, axis=1)
    fitted = design @ np.linalg.lstsq(design, values, rcond=None)[0]
    return _range(fitted)


def test_a_lopsided_anatomy_is_not_read_as_a_field_R_QC_1() -> None:
    """The off-centre white matter pulls a plain intensity fit; N4 (from zero or from the
    robust start) sees two tissue classes and no field."""
    work = head_and_air_masks(_lopsided_phantom(0.0))
    n4 = estimate_bias_field(work)
    from_zero = estimate_bias_field(work, N4Parameters(robust_start=False))
    assert n4 is not None and from_zero is not None
    assert _plain_fit_range(work, n4) > 0.3
    assert n4.inu_range() < 0.2 and from_zero.inu_range() < 0.2


def test_n4_finds_a_field_on_the_lopsided_phantom_R_QC_1() -> None:
    clean = estimate_bias_field(head_and_air_masks(_lopsided_phantom(0.0)))
    biased = estimate_bias_field(head_and_air_masks(_lopsided_phantom(0.5)))
    assert clean is not None and biased is not None
    assert biased.inu_range() > clean.inu_range() + 0.25


def test_sharpening_pulls_a_blurred_two_class_histogram_towards_its_classes() -> None:
    rng = np.random.default_rng(3)
    classes = np.repeat([np.log(700.0), np.log(1000.0)], 2000)
    observed = classes + rng.normal(0.0, 0.06, classes.size)
    sharpened = sharpen(observed, N4Parameters())
    assert np.mean(np.abs(sharpened - classes)) < 0.8 * np.mean(np.abs(observed - classes))
    # a constant input has nothing to sharpen
    constant = np.full(10, 2.0)
    assert np.array_equal(sharpen(constant, N4Parameters()), constant)


def test_too_small_a_head_gives_no_estimate() -> None:
    array = np.full((8, 32, 32), 5.0, dtype=np.float32)
    array[3:5, 14:17, 14:17] = 900.0
    image = sitk.GetImageFromArray(array)
    image.SetSpacing((1.0, 1.0, 1.0))
    assert estimate_bias_field(head_and_air_masks(image)) is None
