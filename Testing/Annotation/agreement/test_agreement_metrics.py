"""Overlap, surface and lesion-wise metrics on small synthetic phantoms with known answers."""

from __future__ import annotations

import numpy as np
import pytest
import surface_distance as deepmind

from CNSTumorAnnotationLib.agreement import (
    EMPTY_MASK_DISTANCE_MM,
    LesionWiseParameters,
    lesion_wise_metrics,
    overlap_metrics,
    surface_distances,
)
from CNSTumorAnnotationLib.agreement.surface import (
    average_symmetric_surface_distance_mm,
    hausdorff_mm,
    robust_hausdorff_mm,
    surface_dice_at_tolerance,
)
from CNSTumorQCLib.errors import InvalidInputError

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def cube(shape=(30, 30, 30), start=(10, 10, 10), size=10) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    z, y, x = start
    mask[z : z + size, y : y + size, x : x + size] = True
    return mask


@pytest.fixture
def two_cubes_two_voxels_apart() -> tuple[np.ndarray, np.ndarray]:
    return cube(), cube(start=(10, 10, 12))


def test_two_cubes_shifted_by_two_voxels_have_dice_point_eight_and_hausdorff_two_mm(
    two_cubes_two_voxels_apart,
) -> None:
    a, b = two_cubes_two_voxels_apart
    overlap = overlap_metrics(a, b, (1.0, 1.0, 1.0))
    assert overlap.dice == pytest.approx(0.8)  # 2 * 800 / 2000
    assert overlap.jaccard == pytest.approx(800 / 1200)
    assert overlap.volume_similarity == pytest.approx(1.0)
    sd = surface_distances(a, b, (1.0, 1.0, 1.0))
    assert hausdorff_mm(sd) == pytest.approx(2.0)
    assert surface_dice_at_tolerance(sd, 2.0) == pytest.approx(1.0)
    assert surface_dice_at_tolerance(sd, 0.5) < 1.0


def test_the_shift_is_measured_in_millimetres_along_the_shifted_axis(
    two_cubes_two_voxels_apart,
) -> None:
    """Spacing is in array order (z, y, x): a 2-voxel shift along x at 2.5 mm is 5 mm."""
    a, b = two_cubes_two_voxels_apart
    spacing = (1.2, 0.8, 2.5)
    sd = surface_distances(a, b, spacing)
    assert hausdorff_mm(sd) == pytest.approx(5.0)
    overlap = overlap_metrics(a, b, spacing)
    assert overlap.volume_a_mm3 == pytest.approx(1000 * 1.2 * 0.8 * 2.5)


def test_anisotropic_surface_metrics_equal_surface_distance(two_cubes_two_voxels_apart) -> None:
    rng = np.random.default_rng(7)
    a = cube()
    b = cube(start=(9, 11, 12), size=9)
    b[rng.random(b.shape) < 0.02] = True  # speckle: many small surfaces, odd distances
    spacing = (3.0, 0.7, 1.3)
    ref = deepmind.compute_surface_distances(a, b, spacing)
    sd = surface_distances(a, b, spacing)
    assert robust_hausdorff_mm(sd) == pytest.approx(
        deepmind.compute_robust_hausdorff(ref, 95), abs=1e-9
    )
    assert average_symmetric_surface_distance_mm(sd) == pytest.approx(
        np.mean(deepmind.compute_average_surface_distance(ref)), abs=1e-9
    )
    for tolerance in (0.5, 1.0, 2.0, 3.0):
        assert surface_dice_at_tolerance(sd, tolerance) == pytest.approx(
            deepmind.compute_surface_dice_at_tolerance(ref, tolerance), abs=1e-9
        )


def test_two_empty_masks_agree_perfectly_by_the_brats_convention() -> None:
    empty = np.zeros((8, 8, 8), dtype=bool)
    overlap = overlap_metrics(empty, empty, (1, 1, 1))
    assert (overlap.dice, overlap.jaccard) == (1.0, 1.0)
    sd = surface_distances(empty, empty, (1, 1, 1))
    assert robust_hausdorff_mm(sd) == 0.0
    assert average_symmetric_surface_distance_mm(sd) == 0.0
    assert surface_dice_at_tolerance(sd, 1.0) == 1.0
    lesion = lesion_wise_metrics(empty, empty, (1, 1, 1))
    assert (lesion.dice, lesion.hd95_mm, lesion.f1) == (1.0, 0.0, 1.0)


def test_one_empty_mask_scores_dice_zero_and_the_brats_maximum_distance() -> None:
    a = cube()
    empty = np.zeros_like(a)
    assert overlap_metrics(a, empty, (1, 1, 1)).dice == 0.0
    sd = surface_distances(a, empty, (1, 1, 1))
    assert robust_hausdorff_mm(sd) == EMPTY_MASK_DISTANCE_MM == 373.1287
    assert surface_dice_at_tolerance(sd, 1.0) == 0.0
    lesion = lesion_wise_metrics(a, empty, (1, 1, 1))
    assert (lesion.dice, lesion.hd95_mm, lesion.false_negatives) == (0.0, 374.0, 1)
    extra = lesion_wise_metrics(empty, a, (1, 1, 1))
    assert (extra.dice, extra.hd95_mm, extra.false_positives, extra.f1) == (0.0, 374.0, 1, 0.0)


@pytest.fixture
def two_lesions_a_tiny_one_and_a_false_positive() -> tuple[np.ndarray, np.ndarray]:
    reference = np.zeros((40, 40, 40), dtype=bool)
    reference[5:10, 5:10, 5:10] = True  # lesion 1, 125 voxels, found exactly
    reference[25:30, 25:30, 5:10] = True  # lesion 2, 125 voxels, missed
    reference[5:8, 30:33, 30:33] = True  # 27 voxels <= 50: left out of the scores
    test = np.zeros_like(reference)
    test[5:10, 5:10, 5:10] = True
    test[30:34, 5:9, 30:34] = True  # far from every lesion: a false positive
    return reference, test


def test_lesion_wise_scores_charge_a_miss_and_a_false_positive_and_ignore_tiny_lesions(
    two_lesions_a_tiny_one_and_a_false_positive,
) -> None:
    reference, test = two_lesions_a_tiny_one_and_a_false_positive
    result = lesion_wise_metrics(reference, test, (1, 1, 1))
    assert (result.true_positives, result.false_negatives, result.false_positives) == (1, 1, 1)
    assert result.dice == pytest.approx((1.0 + 0.0) / 3)
    assert result.hd95_mm == pytest.approx((0.0 + 374.0 + 374.0) / 3)
    assert result.f1 == pytest.approx(2 / 4)
    assert sorted(s.counted for s in result.lesions) == [False, True, True]


def test_reference_fragments_within_the_dilation_distance_merge_into_one_lesion() -> None:
    reference = np.zeros((30, 30, 30), dtype=bool)
    reference[10:15, 10:15, 5:10] = True
    reference[10:15, 10:15, 12:17] = True  # 2 empty voxels between the fragments
    test = reference.copy()
    glioma = lesion_wise_metrics(reference, test, (1, 1, 1))  # dilation 3: one lesion
    assert len(glioma.lesions) == 1 and glioma.reference_components == 2
    no_merge = lesion_wise_metrics(
        reference, test, (1, 1, 1), LesionWiseParameters(dilation_iterations=0)
    )
    assert len(no_merge.lesions) == 2 and no_merge.dice == pytest.approx(1.0)


def test_masks_of_different_shapes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="shape"):
        overlap_metrics(cube(), cube(shape=(31, 30, 30)), (1, 1, 1))
    with pytest.raises(InvalidInputError, match="spacing"):
        surface_distances(cube(), cube(), (1, 0, 1))
