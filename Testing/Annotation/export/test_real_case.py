"""Every exporter on the bundled real case (the ``mav`` reference labels landed in native space
by real registration), and labels moved through the case's co-registration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.case.registration import sequence_transform_path
from CNSTumorAnnotationLib.export.case_export import FORMATS, export_case
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


def _labels(path: Path) -> np.ndarray:
    return np.asarray(nib.load(str(path)).dataobj)


@pytest.mark.slow
def test_every_format_exports_the_real_registered_case_consistently(
    annotated_case: Any, tmp_path: Path
) -> None:
    result = export_case(annotated_case.root, tmp_path, "all")
    assert set(result.formats) == set(FORMATS)
    assert verify_manifest(result.manifest_path) == []
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["annotation"]["annotator_kind"] == "AUTOMATIC"  # the mav fusion is machine-made
    nifti_labels = _labels(
        next(p for p in result.files("nifti") if p.name.endswith("_labels.nii.gz"))
    )
    brats = _labels(next(p for p in result.files("brats") if p.name.endswith("-seg.nii.gz")))
    nnunet = _labels(next(p for p in result.files("nnunet") if "labelsTr" in p.parts))
    assert (nifti_labels == 4).sum() > 0, "the reference labels' enhancing tumor is exported"
    np.testing.assert_array_equal(nnunet, nifti_labels)  # same FLAIR grid, same values
    np.testing.assert_array_equal(brats == 3, nifti_labels == 4)
    np.testing.assert_array_equal(brats == 2, nifti_labels == 1)


@pytest.mark.slow
def test_inner_regions_reach_the_FLAIR_map_through_the_case_co_registration(tmp_path: Path) -> None:
    """A stored FLAIR -> T1C transform (here a known 11 mm shift) moves the T1C regions."""
    case = build_case(
        tmp_path / "case", volumes=cropped_volumes(tmp_path / "volumes", (96, 96, 12))
    )
    plain = export_case(case.root, tmp_path / "plain", "nifti")
    shift = sitk.TranslationTransform(3, (0.0, 11.0, 0.0))  # FLAIR point + 11 mm = T1C point
    path = sequence_transform_path(case, MRSequence.T1C)
    path.parent.mkdir(parents=True, exist_ok=True)
    sitk.WriteTransform(shift, str(path))
    moved = export_case(case.root, tmp_path / "moved", "nifti")

    def enhancing_centroid(result: Any) -> np.ndarray:
        label_path = next(p for p in result.files("nifti") if p.name.endswith("_labels.nii.gz"))
        image = sitk.ReadImage(str(label_path))
        index = np.argwhere(sitk.GetArrayFromImage(image) == 4).mean(axis=0)[::-1]
        return np.array(image.TransformContinuousIndexToPhysicalPoint(index.tolist()))

    offset = enhancing_centroid(moved) - enhancing_centroid(plain)
    np.testing.assert_allclose(offset, (0.0, -11.0, 0.0), atol=1.5)
