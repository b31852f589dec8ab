"""R-ANN-8 and the self-check's parameter table, on the bundled case's real native volumes.

Fast: no case folder, no registration, no MRML; masks are drawn straight on the native grids.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.schemas import get_schema
from CNSTumorAnnotationLib.selfcheck.core import check_masks
from CNSTumorAnnotationLib.selfcheck.lesions import lesion_inventory
from CNSTumorAnnotationLib.selfcheck.params import SELFCHECK_VERSION, SelfCheckParameters
from CNSTumorAnnotationLib.selfcheck.space import (
    geometry_differences,
    lattice_differences,
    slice_tilt_deg,
)
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.sequences import MRSequence


@pytest.fixture(scope="module")
def flair(sample_case: Path) -> sitk.Image:
    return sitk.ReadImage(str(sample_case / "native" / "FLAIR.nii.gz"))


def box_mask(reference: sitk.Image, slices: range, rows: slice, columns: slice) -> sitk.Image:
    values = np.zeros(sitk.GetArrayViewFromImage(reference).shape, dtype=np.uint8)
    for k in slices:
        values[k, rows, columns] = 1
    mask = sitk.GetImageFromArray(values)
    mask.CopyInformation(reference)
    return mask


def test_the_native_flair_is_an_oblique_axial_acquisition(flair):
    assert 10.0 < slice_tilt_deg(flair) < 30.0  # tilted ~17 degrees, still axial


def test_a_sagittal_reference_volume_is_a_warning_with_R_ANN_8(flair):
    """The FLAIR's axes permuted: its slices are now sagittal, not the original axial ones."""
    sagittal = sitk.PermuteAxes(flair, [2, 1, 0])
    mask = sitk.Cast(sagittal > 10_000, sitk.sitkUInt8)  # an empty mask on that grid
    schema = get_schema("intra_axial")
    result = check_masks({"whole_tumor": mask}, {MRSequence.FLAIR: sagittal}, schema)

    warnings = [f for f in result.findings if f.rule == "R-ANN-8"]
    assert [f.severity for f in warnings] == [Severity.WARNING]
    assert warnings[0].details["tilt_deg"] > 60.0


def test_a_mask_shifted_by_half_a_voxel_is_not_on_the_original_grid(flair):
    shifted = sitk.Image(flair.GetSize(), sitk.sitkUInt8)
    shifted.CopyInformation(flair)
    origin = np.array(flair.GetOrigin()) + 0.45
    shifted.SetOrigin(tuple(origin))

    problems = geometry_differences(shifted, flair, SelfCheckParameters().geometry_tolerance)

    assert problems and problems[0].startswith("origin")
    assert geometry_differences(flair, flair, 1e-3) == []


def test_two_lesions_are_numbered_largest_first_with_LPS_and_RAS_centroids(flair):
    big = box_mask(flair, range(10, 14), slice(100, 120), slice(60, 80))
    small = box_mask(flair, range(16, 17), slice(100, 105), slice(140, 145))
    mask = sitk.Or(big, small)

    lesions, labels = lesion_inventory("whole_tumor", mask, SelfCheckParameters())

    assert [(lesion.number, lesion.voxels) for lesion in lesions] == [(1, 4 * 400), (2, 25)]
    assert (lesions[0].slice_first, lesions[0].slice_last) == (10, 13)
    assert lesions[1].volume_mm3 == pytest.approx(25 * float(np.prod(flair.GetSpacing())))
    centre = flair.TransformContinuousIndexToPhysicalPoint((69.5, 109.5, 11.5))
    assert lesions[0].centroid_lps_mm == pytest.approx(centre, abs=1e-3)
    assert lesions[0].centroid_ras_mm == pytest.approx(
        (-centre[0], -centre[1], centre[2]), abs=1e-3
    )
    assert int(labels.max()) == 2


def test_a_gap_wider_than_the_bridge_splits_a_lesion_in_two(flair):
    """Two slices apart still one lesion (a skipped slice); three apart are two lesions."""
    params = SelfCheckParameters()
    near = sitk.Or(
        box_mask(flair, range(8, 10), slice(100, 120), slice(60, 80)),
        box_mask(flair, range(12, 14), slice(100, 120), slice(60, 80)),
    )
    far = sitk.Or(
        box_mask(flair, range(8, 10), slice(100, 120), slice(60, 80)),
        box_mask(flair, range(13, 15), slice(100, 120), slice(60, 80)),
    )

    near_lesions, _ = lesion_inventory("whole_tumor", near, params)
    far_lesions, _ = lesion_inventory("whole_tumor", far, params)

    assert [lesion.skipped_slices for lesion in near_lesions] == [(10, 11)]
    assert len(far_lesions) == 2


def test_the_parameter_table_is_versioned_and_serialisable():
    table = SelfCheckParameters().to_dict()

    assert table["version"] == SELFCHECK_VERSION
    assert table["common_space"] == "FLAIR"
    assert table["speck_max_voxels"] == 10 and table["speck_max_mm3"] == 20.0


def test_a_cropped_grid_listing_slices_in_reverse_is_still_the_original_lattice(flair):
    """Slicer writes .seg.nrrd with its own axis order and may crop: same voxels, accepted."""
    direction = np.array(flair.GetDirection()).reshape(3, 3)
    direction[:, 2] *= -1  # slices listed from the top down
    start = flair.TransformIndexToPhysicalPoint((10, 20, 21))
    tolerance = SelfCheckParameters().geometry_tolerance

    same = lattice_differences(
        flair.GetSpacing(), start, tuple(direction.ravel()), flair, tolerance
    )
    halfway = np.array(start) + 0.5 * flair.GetSpacing()[0] * direction[:, 0]
    shifted = lattice_differences(
        flair.GetSpacing(), tuple(halfway), tuple(direction.ravel()), flair, tolerance
    )

    assert same == []
    assert len(shifted) == 1 and shifted[0].startswith("origin falls between voxel centres")


def test_a_lesion_reaching_the_last_acquired_slice_warns_that_its_end_may_be_missing(flair):
    """R-ANN-9: the slice beyond the lesion was not acquired, so its end cannot be confirmed."""
    last = flair.GetSize()[2] - 1
    mask = box_mask(flair, range(last - 2, last + 1), slice(100, 120), slice(60, 80))

    result = check_masks(
        {"whole_tumor": mask}, {MRSequence.FLAIR: flair}, get_schema("intra_axial")
    )

    edges = [f for f in result.findings if f.rule == "R-ANN-9" and f.details.get("volume_edge")]
    assert [(f.severity, f.lesion, f.slice_index) for f in edges] == [(Severity.WARNING, 1, last)]
