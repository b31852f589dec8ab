"""Co-registration of the bundled case's sequences to FLAIR and of SRI-24 to native (R-SEG-2)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import reference_image
from CNSTumorAnnotationLib.case.registration import (
    move_label,
    sequence_transform,
    sequence_transform_path,
)
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.slow


def test_every_sequence_is_rigidly_registered_to_flair_with_mutual_information_improved(
    annotated_case,
) -> None:
    report = json.loads(annotated_case.case_file.read_text())["registration"]
    assert report["fixed"] == "FLAIR"
    assert set(report["sequences"]) == {"T1", "T1C", "T2"}
    for name, quality in report["sequences"].items():
        assert quality["kind"] == "rigid"
        # the native headers do not line the sequences up: registration must find a real gain
        assert quality["mutual_information_after"] > 1.3 * quality["mutual_information_before"], (
            name
        )
        assert sequence_transform_path(annotated_case, MRSequence(name)).is_file()
        assert quality["rotation_deg"] < 30 and quality["translation_mm"] < 40, name


def test_the_atlas_registration_is_recorded_with_its_quality(annotated_case) -> None:
    atlas = json.loads(annotated_case.case_file.read_text())["registration"]["atlas"]
    (entry,) = atlas.values()
    assert entry["kind"] == "rigid+affine"
    assert entry["mutual_information_after"] > 0.5 > entry["mutual_information_before"]
    assert (annotated_case.root / entry["transform"]).is_file()


def _masked_correlation(a: sitk.Image, b: sitk.Image) -> float:
    x, y = sitk.GetArrayFromImage(a).ravel(), sitk.GetArrayFromImage(b).ravel()
    keep = (x > np.percentile(x, 60)) & (y > 0)
    return float(np.corrcoef(x[keep], y[keep])[0, 1])


def test_the_t2_brain_lines_up_with_flair_after_registration_and_not_before(annotated_case) -> None:
    flair = sitk.Cast(reference_image(annotated_case, MRSequence.FLAIR), sitk.sitkFloat32)
    t2 = sitk.Cast(reference_image(annotated_case, MRSequence.T2), sitk.sitkFloat32)
    before = sitk.Resample(t2, flair, sitk.Transform(), sitk.sitkLinear, 0.0)
    after = sitk.Resample(
        t2, flair, sequence_transform(annotated_case, MRSequence.T2), sitk.sitkLinear, 0.0
    )
    assert _masked_correlation(flair, after) > _masked_correlation(flair, before) + 0.1


def test_a_label_moved_t1c_to_flair_and_back_is_nearly_unchanged(annotated_case) -> None:
    from CNSTumorAnnotationLib.case.folder import region_masks

    enhancing = region_masks(annotated_case)["enhancing"]
    t1c_tx = sequence_transform(annotated_case, MRSequence.T1C)
    flair = reference_image(annotated_case, MRSequence.FLAIR)
    on_flair = move_label(enhancing, t1c_tx, flair, sitk.Euler3DTransform())
    back = move_label(on_flair, sitk.Euler3DTransform(), enhancing, t1c_tx)
    a, b = sitk.GetArrayFromImage(enhancing) > 0, sitk.GetArrayFromImage(back) > 0
    dice = 2 * (a & b).sum() / (a.sum() + b.sum())
    assert dice > 0.6  # two nearest-neighbour passes through 5.5 mm slices
