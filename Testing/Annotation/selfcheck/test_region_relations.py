"""Region relations that must not depend on the optional tumor body, and the meningeal rules.

On the bundled real case (TCGA-FG-6692, ``mav`` reference labels landed in native space through
the case's real registration, cleaned as an annotator would). The meningeal tests read the same
masks under the meningeal schema: the pixels are a glioma's, the relations are what is tested.

* R-SEG-7: a dural tail (thin enhancing strip attached to the body, outside it) is part of the
  enhancing region; the same strip detached and far from the body is still an error;
* R-SEG-6: meningeal edema must exclude the enhancing and non-enhancing regions even when the
  tumor body is not drawn;
* R-SEG-7 / R-ANN-4: "no peritumoral edema" is a recorded confirmation, never blocking;
* R-ANN-4 / R-SEG-3: with the optional body omitted, enhancing voxels outside the whole tumor
  are still found.
"""

from __future__ import annotations

import numpy as np
import pytest
import SimpleITK as sitk
from _selfcheck_helpers import RealInputs, array, check, found, image_like

from CNSTumorAnnotationLib.schemas import get_schema
from CNSTumorAnnotationLib.selfcheck.params import Confirmations, SelfCheckParameters
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.slow  # the session fixture registers the real case once (~50 s)

MENINGEAL = get_schema("meningeal")


def physical_grid(reference: sitk.Image) -> np.ndarray:
    """LPS coordinates (mm) of every voxel centre, shape (3, K, J, I)."""
    columns = np.array(reference.GetDirection()).reshape(3, 3) * np.array(reference.GetSpacing())
    nx, ny, nz = reference.GetSize()
    k, j, i = np.meshgrid(np.arange(nz), np.arange(ny), np.arange(nx), indexing="ij")
    origin = np.array(reference.GetOrigin())
    return np.stack(
        [origin[a] + i * columns[a, 0] + j * columns[a, 1] + k * columns[a, 2] for a in range(3)]
    )


def on_grid(inputs: RealInputs, mask: sitk.Image, source: MRSequence, target: MRSequence):
    """A mask moved between two sequences' grids with the case's own registration."""
    from CNSTumorAnnotationLib.case.registration import move_label

    identity = sitk.Euler3DTransform()
    return move_label(
        mask,
        inputs.transforms.get(source, identity),
        inputs.references[target],
        inputs.transforms.get(target, identity),
    )


def lateral_strip(
    inputs: RealInputs,
    body: sitk.Image,
    *,
    length_mm: float,
    gap_mm: float = 0.0,
    outwards: bool = True,
) -> sitk.Image:
    """A thin enhancing strip on the T1C grid running left-right from the body's edge.

    2.7 mm (three voxels) high in the anterior-posterior direction, over the body's five central
    slices, starting ``gap_mm`` beyond the body's edge, outwards (towards the near skull) or
    inwards (towards the midline, where the head leaves room for long strips): what a dural tail
    drawn on contrast T1 looks like in cross-section (the check measures attachment and
    distance, not the dura).
    """
    reference = inputs.references[MRSequence.T1C]
    body_t1c = array(on_grid(inputs, body, MRSequence.T2, MRSequence.T1C))
    xyz = physical_grid(reference)
    centre = np.array(
        reference.TransformContinuousIndexToPhysicalPoint(
            [(n - 1) / 2 for n in reference.GetSize()]
        )
    )
    body_x, body_y = xyz[0][body_t1c].mean(), xyz[1][body_t1c].mean()
    outward = 1.0 if body_x > centre[0] else -1.0  # away from the midline, towards the skull
    outward = outward if outwards else -outward
    band = np.abs(xyz[1] - body_y) <= 1.4
    slices = np.nonzero(body_t1c.any(axis=(1, 2)))[0]
    middle = slices[len(slices) // 2]
    strip = np.zeros(body_t1c.shape, dtype=bool)
    for k in range(middle - 2, middle + 3):
        in_band = body_t1c[k] & band[k]
        assert in_band.any(), f"the body has no voxel in the band on slice {k}"
        edge = (xyz[0][k][in_band] * outward).max()
        along = xyz[0][k] * outward - edge
        strip[k] = band[k] & (along > gap_mm) & (along <= gap_mm + length_mm) & ~body_t1c[k]
    return image_like(strip, reference)


def with_tail(inputs: RealInputs, masks, tail: sitk.Image) -> dict[str, sitk.Image]:
    """Meningeal masks with ``tail`` added to enhancing and kept out of the edema (dura is not
    brain parenchyma, R-SEG-6), the edema excluding the body as the meningeal schema asks."""
    tail_flair = on_grid(inputs, tail, MRSequence.T1C, MRSequence.FLAIR)
    body_flair = on_grid(inputs, masks["tumor_body"], MRSequence.T2, MRSequence.FLAIR)
    keep_out = sitk.BinaryDilate(sitk.Or(tail_flair, body_flair), [2, 2, 0])
    return {
        "edema": sitk.And(masks["whole_tumor"], sitk.Not(keep_out)),
        "tumor_body": masks["tumor_body"],
        "enhancing": sitk.Or(masks["enhancing"], tail),
        "non_enhancing": masks["non_enhancing"],
    }


def test_a_dural_tail_attached_to_the_meningeal_body_belongs_to_the_enhancing_region_R_SEG_7(
    real_inputs, clean_masks
):
    tail = lateral_strip(real_inputs, clean_masks["tumor_body"], length_mm=25.0)
    tail_mm3 = array(tail).sum() * float(np.prod(tail.GetSpacing()))
    assert 1500.0 <= tail_mm3 <= 2500.0  # about 2 cm3, as a real tail drawn on 5.5 mm slices

    result = check(real_inputs, with_tail(real_inputs, clean_masks, tail), schema=MENINGEAL)

    assert not found(result, "R-SEG-3", Severity.ERROR, "enhancing")
    notes = found(result, "R-SEG-7", Severity.INFO, "enhancing")
    assert len(notes) == 1
    details = notes[0].details
    assert details["volume_dural_tail_mm3"] >= 1000.0
    assert 20.0 <= details["reach_mm"] <= SelfCheckParameters().dural_tail_max_mm
    assert not result.blocking, [f.message for f in result.findings if f.severity.blocking]


def test_enhancing_voxels_detached_and_far_from_the_meningeal_body_are_still_an_error(
    real_inputs, clean_masks
):
    far = lateral_strip(
        real_inputs, clean_masks["tumor_body"], length_mm=25.0, gap_mm=40.0, outwards=False
    )

    result = check(real_inputs, with_tail(real_inputs, clean_masks, far), schema=MENINGEAL)

    errors = found(result, "R-SEG-3", Severity.ERROR, "enhancing")
    assert len(errors) == 1 and result.blocking
    assert errors[0].details["relation"] == ["enhancing", "tumor_body"]
    far_mm3 = array(far).sum() * float(np.prod(far.GetSpacing()))
    assert errors[0].details["volume_beyond_tolerance_mm3"] >= 0.9 * far_mm3  # none excused


def test_a_tail_reaching_beyond_the_documented_distance_is_an_error_beyond_it(
    real_inputs, clean_masks
):
    limit = SelfCheckParameters().dural_tail_max_mm
    long_tail = lateral_strip(
        real_inputs, clean_masks["tumor_body"], length_mm=limit + 25.0, outwards=False
    )

    result = check(real_inputs, with_tail(real_inputs, clean_masks, long_tail), schema=MENINGEAL)

    errors = found(result, "R-SEG-3", Severity.ERROR, "enhancing")
    assert len(errors) == 1 and result.blocking
    notes = found(result, "R-SEG-7", Severity.INFO, "enhancing")
    assert notes and notes[0].details["reach_mm"] <= limit
    assert min(errors[0].details["slices_beyond_tolerance"]) >= min(notes[0].details["slices"])


def test_meningeal_edema_must_exclude_the_tumor_even_without_a_drawn_body_R_SEG_6(
    real_inputs, clean_masks
):
    t1c = sitk.Or(clean_masks["enhancing"], clean_masks["non_enhancing"])
    tumor_flair = on_grid(real_inputs, t1c, MRSequence.T1C, MRSequence.FLAIR)
    apart = sitk.And(
        clean_masks["whole_tumor"], sitk.Not(sitk.BinaryDilate(tumor_flair, [2, 2, 0]))
    )
    t1c_regions = {key: clean_masks[key] for key in ("enhancing", "non_enhancing")}

    overlapping = check(
        real_inputs, {**t1c_regions, "edema": clean_masks["whole_tumor"]}, schema=MENINGEAL
    )
    excluded = check(real_inputs, {**t1c_regions, "edema": apart}, schema=MENINGEAL)

    errors = found(overlapping, "R-SEG-6", Severity.ERROR, "edema")
    assert [f.details["relation"] for f in errors] == [["edema", "enhancing+non_enhancing"]]
    assert overlapping.blocking
    assert not found(excluded, "R-SEG-6", Severity.ERROR, "edema")


def test_a_meningioma_without_edema_is_confirmed_and_recorded_never_blocking_R_SEG_7(
    real_inputs, clean_masks
):
    masks = {key: clean_masks[key] for key in ("tumor_body", "enhancing", "non_enhancing")}

    unconfirmed = check(real_inputs, masks, schema=MENINGEAL)
    confirmed = check(
        real_inputs,
        masks,
        schema=MENINGEAL,
        confirmations=Confirmations(no_edema=True, confirmed_by="dr.chen"),
    )

    assert found(unconfirmed, "R-ANN-4", Severity.ERROR, "edema") and unconfirmed.blocking
    notes = found(confirmed, "R-SEG-7", Severity.INFO, "edema")
    assert notes and notes[0].details == {"confirmation": "no_edema"}
    assert "dr.chen" in notes[0].message and "no peritumoral edema" in notes[0].message
    assert not confirmed.blocking, [f.message for f in confirmed.findings if f.severity.blocking]


def test_confirming_no_edema_while_edema_is_drawn_is_a_warning(real_inputs, clean_masks):
    masks = {key: clean_masks[key] for key in ("tumor_body", "enhancing", "non_enhancing")}
    masks["edema"] = clean_masks["whole_tumor"]

    result = check(real_inputs, masks, schema=MENINGEAL, confirmations=Confirmations(no_edema=True))

    assert found(result, "R-SEG-7", Severity.WARNING, "edema")


def test_without_the_optional_body_enhancing_outside_the_whole_tumor_is_still_found_R_SEG_3(
    real_inputs, clean_masks
):
    enhancing = clean_masks["enhancing"]
    values = array(enhancing)
    centre_column = values.shape[2] // 2
    shift = 45 if np.nonzero(values)[2].mean() < centre_column else -45  # ~40 mm, a slipped brush
    moved = image_like(np.roll(values, shift, axis=2), enhancing)
    no_body = {key: mask for key, mask in clean_masks.items() if key != "tumor_body"}

    in_place = check(real_inputs, no_body)
    slipped = check(real_inputs, {**no_body, "enhancing": moved})

    assert not found(in_place, "R-SEG-3", Severity.ERROR, "enhancing")
    errors = found(slipped, "R-SEG-3", Severity.ERROR, "enhancing")
    assert len(errors) == 1 and slipped.blocking
    assert errors[0].details["relation"] == ["enhancing", "whole_tumor"]
    assert errors[0].details["volume_beyond_tolerance_mm3"] >= 100.0
