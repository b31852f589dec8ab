"""Self-check on the bundled real case: every finding provoked by a real edit of the label map.

The case is TCGA-FG-6692 with the ``mav`` reference labels landed in native space through the
case's real registration (fixture ``annotated_case_template``, built once per session). The
machine-made labels are first cleaned as an annotator would (nested, gap-free, no specks);
each test then makes one edit and asserts the finding's rule ID, region, lesion and slice.
"""

from __future__ import annotations

import numpy as np
import pytest
import SimpleITK as sitk
from _selfcheck_helpers import (
    array,
    check,
    edited,
    found,
    image_like,
    slices_of,
    ventricle_voxels,
    with_region,
)

from CNSTumorAnnotationLib.selfcheck.params import Confirmations
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.slow  # the session fixture registers the real case once (~50 s)


def test_a_clean_annotation_has_no_blocking_finding(real_inputs, clean_masks):
    result = check(real_inputs, clean_masks)

    assert not result.blocking, [f.message for f in result.findings if f.severity.blocking]
    assert result.registered and result.common_space == "FLAIR"
    assert not [f for f in result.findings if f.rule in ("R-ANN-2", "R-ANN-7")]


def independent_gaps(mask: sitk.Image) -> set[int]:
    """Empty slices inside z-bridged 26-connected components, counted with scipy alone."""
    from scipy import ndimage

    values = array(mask)
    bridged = ndimage.binary_dilation(values, structure=np.ones((3, 1, 1), dtype=bool))
    labels, count = ndimage.label(bridged, structure=np.ones((3, 3, 3)))
    gaps: set[int] = set()
    for number in range(1, count + 1):
        occupied = (values & (labels == number)).any(axis=(1, 2))
        present = np.nonzero(occupied)[0]
        gaps |= {int(k) for k in range(present[0], present[-1] + 1) if not occupied[k]}
    return gaps


def test_the_landed_reference_gaps_match_an_independent_count_R_ANN_9(real_inputs):
    """Nearest-neighbour landing of machine labels can leave one-slice gaps: all reported."""
    result = check(real_inputs, real_inputs.masks)

    for key, mask in real_inputs.masks.items():
        reported = {f.slice_index for f in found(result, "R-ANN-9", Severity.ERROR, key)}
        assert reported == independent_gaps(mask), key


def test_removing_an_interior_slice_is_reported_with_R_ANN_9_and_its_slice_index(
    real_inputs, clean_masks
):
    slices = slices_of(clean_masks["whole_tumor"])
    removed = slices[len(slices) // 2]

    def remove(values):
        values[removed] = False

    masks = with_region(clean_masks, "whole_tumor", edited(clean_masks["whole_tumor"], remove))
    result = check(real_inputs, masks)

    errors = found(result, "R-ANN-9", Severity.ERROR, "whole_tumor")
    assert [(f.lesion, f.slice_index) for f in errors] == [(1, removed)]
    assert result.blocking
    whole = [lesion for lesion in result.lesions if lesion.region == "whole_tumor"]
    assert len(whole) == 1, "the gap must not split the lesion in two"


def test_enhancing_voxels_moved_outside_the_tumor_body_break_the_hierarchy_R_SEG_3(
    real_inputs, clean_masks
):
    enhancing = clean_masks["enhancing"]
    values = array(enhancing)
    # Drag the enhancing region 45 voxels (~40 mm) towards the midline, as a slipped brush would.
    centre_column = values.shape[2] // 2
    shift = 45 if np.nonzero(values)[2].mean() < centre_column else -45
    moved = image_like(np.roll(values, shift, axis=2), enhancing)

    result = check(real_inputs, with_region(clean_masks, "enhancing", moved))

    errors = found(result, "R-SEG-3", Severity.ERROR, "enhancing")
    assert len(errors) == 1 and result.blocking
    details = errors[0].details
    assert details["volume_beyond_tolerance_mm3"] >= 100.0
    assert details["voxels_beyond_tolerance"] <= details["voxels_outside"]
    assert errors[0].slice_index in details["slices_beyond_tolerance"]


def test_a_one_voxel_rim_of_partial_volume_disagreement_is_tolerated(real_inputs, clean_masks):
    """Dilating enhancing by one in-plane voxel leaves it partly outside: a note, not an error."""
    grown = sitk.BinaryDilate(clean_masks["enhancing"], [1, 1, 0])
    result = check(real_inputs, with_region(clean_masks, "enhancing", grown))

    assert not found(result, "R-SEG-3", Severity.ERROR, "enhancing")
    notes = found(result, "R-SEG-3", Severity.INFO, "enhancing")
    assert notes and notes[0].details["voxels_outside"] > 0


def test_a_speck_is_flagged_with_R_ANN_7_and_listed_in_the_inventory(real_inputs, clean_masks):
    whole = clean_masks["whole_tumor"]
    values = array(whole)
    k, j, i = (int(round(c)) for c in np.argwhere(values).mean(axis=0))
    mirror_i = values.shape[2] - 1 - i  # the other hemisphere, far from the tumor

    def add_speck(v):
        v[k, j, mirror_i : mirror_i + 3] = True

    result = check(real_inputs, with_region(clean_masks, "whole_tumor", edited(whole, add_speck)))

    specks = found(result, "R-ANN-7", Severity.WARNING, "whole_tumor")
    assert [(f.lesion, f.slice_index, f.details["voxels"]) for f in specks] == [(2, k, 3)]
    listed = [lesion for lesion in result.lesions if lesion.region == "whole_tumor"]
    assert [lesion.number for lesion in listed] == [1, 2] and listed[1].speck
    assert not result.blocking


def test_drawing_into_the_ventricle_warns_of_CSF_signal_with_R_ANN_2(real_inputs, clean_masks):
    ventricles = ventricle_voxels(real_inputs.references[MRSequence.FLAIR])
    tumor_slices = slices_of(clean_masks["whole_tumor"])
    k = max(tumor_slices, key=lambda s: int(ventricles[s].sum()))

    def draw(values):
        values[k] |= ventricles[k]

    masks = with_region(clean_masks, "whole_tumor", edited(clean_masks["whole_tumor"], draw))
    result = check(real_inputs, masks)

    warnings = found(result, "R-ANN-2", Severity.WARNING, "whole_tumor")
    assert len(warnings) == 1
    assert warnings[0].slice_index == k
    assert warnings[0].details["voxels"] >= 0.5 * int(ventricles[k].sum())
    assert warnings[0].details["t2_threshold"] is not None  # confirmed on the registered T2


def test_an_empty_required_enhancing_region_is_an_error_with_R_ANN_4(real_inputs, clean_masks):
    empty = edited(clean_masks["enhancing"], lambda v: v.fill(False))
    result = check(real_inputs, with_region(clean_masks, "enhancing", empty))

    assert [
        f.severity for f in result.findings if f.rule == "R-ANN-4" and f.region == "enhancing"
    ] == [Severity.ERROR]
    assert result.blocking


def test_a_confirmed_absence_of_enhancement_is_recorded_and_not_an_error(real_inputs, clean_masks):
    empty = edited(clean_masks["enhancing"], lambda v: v.fill(False))
    confirmations = Confirmations(no_enhancement=True, confirmed_by="dr.li")
    result = check(
        real_inputs, with_region(clean_masks, "enhancing", empty), confirmations=confirmations
    )

    notes = found(result, "R-ANN-4", Severity.INFO, "enhancing")
    assert notes and notes[0].details == {"confirmation": "no_enhancement"}
    assert "dr.li" in notes[0].message
    assert not result.blocking


def test_confirming_no_enhancement_while_enhancement_is_drawn_is_a_warning(
    real_inputs, clean_masks
):
    result = check(real_inputs, clean_masks, confirmations=Confirmations(no_enhancement=True))

    assert found(result, "R-ANN-4", Severity.WARNING, "enhancing")


@pytest.mark.parametrize("end", ["first", "last"])
def test_truncating_an_end_slice_of_the_enhancing_region_warns_of_a_missed_end_slice_R_ANN_9(
    real_inputs, clean_masks, end
):
    slices = slices_of(clean_masks["enhancing"])
    removed = slices[0] if end == "first" else slices[-1]

    def truncate(values):
        values[removed] = False

    intact = check(real_inputs, clean_masks)
    result = check(
        real_inputs,
        with_region(clean_masks, "enhancing", edited(clean_masks["enhancing"], truncate)),
    )

    assert not found(intact, "R-ANN-9", Severity.WARNING, "enhancing")
    warnings = found(result, "R-ANN-9", Severity.WARNING, "enhancing")
    assert [(f.lesion, f.slice_index, f.details["end"]) for f in warnings] == [(1, removed, end)]
    assert warnings[0].details["likeness"] >= 0.4


def test_a_mask_on_a_reformatted_grid_is_an_error_with_R_ANN_8(real_inputs, clean_masks):
    """The whole tumor drawn on a 1 mm isotropic reformat instead of the original axial FLAIR."""
    flair = real_inputs.references[MRSequence.FLAIR]
    size = [int(round(n * s)) for n, s in zip(flair.GetSize(), flair.GetSpacing(), strict=True)]
    reformat = sitk.Image(size, sitk.sitkUInt8)
    reformat.SetOrigin(flair.GetOrigin())
    reformat.SetDirection(flair.GetDirection())
    reformat.SetSpacing((1.0, 1.0, 1.0))
    moved = sitk.Resample(
        clean_masks["whole_tumor"], reformat, sitk.Transform(), sitk.sitkNearestNeighbor
    )

    result = check(real_inputs, with_region(clean_masks, "whole_tumor", moved))

    errors = found(result, "R-ANN-8", Severity.ERROR, "whole_tumor")
    assert len(errors) == 1 and result.blocking
    assert any("spacing" in d for d in errors[0].details["differences"])


def test_the_lesion_inventory_matches_an_independent_count(real_inputs, clean_masks):
    """R-ANN-7: every lesion numbered, with volume, LPS/RAS centroid and slice range."""
    result = check(real_inputs, clean_masks)
    for key, mask in clean_masks.items():
        values = array(mask)
        listed = [lesion for lesion in result.lesions if lesion.region == key]
        assert [lesion.number for lesion in listed] == list(range(1, len(listed) + 1))
        assert sum(lesion.voxels for lesion in listed) == int(values.sum())
        voxel_mm3 = float(np.prod(mask.GetSpacing()))
        assert sum(lesion.volume_mm3 for lesion in listed) == pytest.approx(
            values.sum() * voxel_mm3
        )
        labelled = sorted({k for lesion in listed for k in lesion.slices_labelled})
        assert labelled == slices_of(mask)
        assert min(lesion.slice_first for lesion in listed) == labelled[0]
        assert max(lesion.slice_last for lesion in listed) == labelled[-1]
        sizes = [lesion.voxels for lesion in listed]
        assert sizes == sorted(sizes, reverse=True)
    whole = next(lesion for lesion in result.lesions if lesion.region == "whole_tumor")
    points = np.array(
        [clean_masks["whole_tumor"].TransformIndexToPhysicalPoint([int(i), int(j), int(k)])
         for k, j, i in np.argwhere(array(clean_masks["whole_tumor"]))]
    )  # fmt: skip
    assert whole.centroid_lps_mm == pytest.approx(tuple(points.mean(axis=0)), abs=1e-3)
    assert whole.centroid_ras_mm == pytest.approx(
        (-points[:, 0].mean(), -points[:, 1].mean(), points[:, 2].mean()), abs=1e-3
    )


def test_meningeal_edema_overlapping_the_tumor_body_is_an_error_with_R_SEG_6(
    real_inputs, clean_masks
):
    from CNSTumorAnnotationLib.schemas import get_schema

    meningeal = get_schema("meningeal")
    flair_body = sitk.Resample(
        clean_masks["tumor_body"],
        clean_masks["whole_tumor"],
        real_inputs.transforms[MRSequence.T2],
        sitk.sitkNearestNeighbor,
    )
    separate = sitk.And(clean_masks["whole_tumor"], sitk.Not(flair_body))
    base = {key: clean_masks[key] for key in ("tumor_body", "enhancing", "non_enhancing")}

    overlapping = check(
        real_inputs, {**base, "edema": clean_masks["whole_tumor"]}, schema=meningeal
    )
    disjoint = check(real_inputs, {**base, "edema": separate}, schema=meningeal)

    errors = found(overlapping, "R-SEG-6", Severity.ERROR, "edema")
    assert len(errors) == 1 and errors[0].details["volume_beyond_tolerance_mm3"] >= 100.0
    assert not found(disjoint, "R-SEG-6", Severity.ERROR, "edema")


def test_a_flair_lesion_far_from_any_tumor_body_warns_of_leukoaraiosis_R_ANN_3(
    real_inputs, clean_masks
):
    whole = clean_masks["whole_tumor"]
    values = array(whole)
    k, j, i = (int(round(c)) for c in np.argwhere(values).mean(axis=0))
    mirror_i = values.shape[2] - 1 - i

    def add_patch(v):
        v[k - 1 : k + 1, j - 4 : j + 4, mirror_i - 4 : mirror_i + 4] = True

    result = check(real_inputs, with_region(clean_masks, "whole_tumor", edited(whole, add_patch)))

    warnings = found(result, "R-ANN-3", Severity.WARNING, "whole_tumor")
    assert [f.lesion for f in warnings] == [2]
    assert warnings[0].details["distance_to_tumor_body_mm"] > 10.0
    assert not found(check(real_inputs, clean_masks), "R-ANN-3", Severity.WARNING, "whole_tumor")
