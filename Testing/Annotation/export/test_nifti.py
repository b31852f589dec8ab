"""NIfTI export round-trip through nibabel (R-FMT-1) and the manifest (R-FMT-2, R-FMT-3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes, drawn_masks

from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorAnnotationLib.schemas import SCHEMA_VERSION
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def nifti_case(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("nifti_case")
    volumes = cropped_volumes(root / "volumes", (96, 96, 12))
    return build_case(root / "case", volumes=volumes)


@pytest.fixture(scope="module")
def nifti_export(nifti_case: Any, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_case(nifti_case.root, tmp_path_factory.mktemp("nifti_out"), "nifti")


def _nib_array(path: Path) -> np.ndarray:
    """nibabel's (x, y, z) array as SimpleITK's (z, y, x) order."""
    return np.asarray(nib.load(str(path)).dataobj).transpose(2, 1, 0)


@pytest.mark.slow
def test_each_region_mask_has_the_affine_of_its_reference_volume_per_R_ANN_8(
    nifti_case: Any, nifti_export: ExportResult
) -> None:
    masks = drawn_masks(nifti_case)
    entries = {e.content: e for e in nifti_export.entries}
    for region in nifti_case.schema.regions:
        entry = entries[region.key]
        path = nifti_export.manifest_path.parent.parent / entry.path
        exported = nib.load(str(path))
        reference = nib.load(str(nifti_case.volumes[region.reference_sequence]))
        np.testing.assert_allclose(exported.affine, reference.affine, atol=1e-4)
        assert exported.shape == reference.shape
        assert int(exported.header["sform_code"]) > 0 and int(exported.header["qform_code"]) > 0
        np.testing.assert_array_equal(_nib_array(path), sitk.GetArrayFromImage(masks[region.key]))
        assert set(np.unique(_nib_array(path))) == {0, 1}


def test_file_names_follow_patient_sequence_content_per_R_FMT_3(
    nifti_export: ExportResult,
) -> None:
    names = sorted(p.name for p in nifti_export.files("nifti"))
    assert names == [
        "TCGA-FG-6692_FLAIR_labels.nii.gz",
        "TCGA-FG-6692_FLAIR_whole-tumor.nii.gz",
        "TCGA-FG-6692_T1C_enhancing.nii.gz",
        "TCGA-FG-6692_T1C_non-enhancing.nii.gz",
        "TCGA-FG-6692_T2_tumor-body.nii.gz",
    ]


@pytest.mark.slow
def test_the_multi_label_map_is_on_the_FLAIR_grid_with_the_innermost_region_winning(
    nifti_case: Any, nifti_export: ExportResult
) -> None:
    path = next(p for p in nifti_export.files("nifti") if p.name.endswith("_labels.nii.gz"))
    labels = _nib_array(path)
    flair = nib.load(str(nifti_case.volumes[MRSequence.FLAIR]))
    np.testing.assert_allclose(nib.load(str(path)).affine, flair.affine, atol=1e-4)
    assert set(np.unique(labels)) == {0, 1, 2, 3, 4}
    # The centre is the non-enhancing core; every inner region lies inside the whole tumor, so
    # the labelled voxels are exactly the whole tumor's.
    centre = tuple(s // 2 for s in labels.shape)
    assert labels[centre] == 3
    whole = sitk.GetArrayFromImage(drawn_masks(nifti_case)["whole_tumor"])
    np.testing.assert_array_equal(labels > 0, whole > 0)


def test_the_manifest_ties_every_file_to_its_source_series_and_checksums_per_R_FMT_2(
    nifti_case: Any, nifti_export: ExportResult
) -> None:
    manifest = json.loads(nifti_export.manifest_path.read_text(encoding="utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["annotation"]["annotator"] == "dr_li"
    assert manifest["annotation"]["version"] == 1
    assert manifest["annotation"]["annotator_kind"] == "MANUAL"
    assert manifest["provenance"]["software"] == "CNSTumor"
    assert manifest["provenance"]["software_version"]
    assert verify_manifest(nifti_export.manifest_path) == []
    for item in manifest["files"]:
        image_sources = [s for s in item["sources"] if s["kind"] == "image"]
        assert image_sources, item["path"]
        for source in image_sources:
            volume = nifti_case.volumes[MRSequence(source["sequence"])]
            assert source["sha256"] == sha256_file(volume)
            assert "series_instance_uid" in source
        region_file = item["format"] == "nifti" and item["content"] != "labels"
        if region_file:  # one region file -> exactly one source image and its annotation file
            assert len(image_sources) == 1
            assert [s["kind"] for s in item["sources"]] == ["image", "annotation"]


@pytest.mark.slow
def test_a_changed_file_fails_manifest_verification(nifti_case: Any, tmp_path: Path) -> None:
    result = export_case(nifti_case.root, tmp_path, ["nifti"])
    victim = result.files("nifti")[0]
    victim.write_bytes(victim.read_bytes() + b"x")
    problems = verify_manifest(result.manifest_path)
    assert len(problems) == 1 and "SHA-256 differs" in problems[0]


def test_an_export_leaves_no_temporary_files(nifti_export: ExportResult) -> None:
    root = nifti_export.manifest_path.parent
    assert not [p for p in root.rglob(".*") if p.is_file()]
