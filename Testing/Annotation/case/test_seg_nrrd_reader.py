"""The SimpleITK ``.seg.nrrd`` reader gives exactly the masks of MRML's reader, or declines.

MRML (``vtkMRMLSegmentationStorageNode``) is the reference reader; ``case.region_masks`` reads
standard Slicer binary-labelmap files with SimpleITK and must give identical masks (values and
geometry) on the really registered case, on segments sharing a layer and on overlapping
segments stored in separate layers; any other file is left to MRML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.case.folder import reference_grid, region_masks
from CNSTumorAnnotationLib.case.seg_nrrd_reader import read_standard_segments

pytestmark = pytest.mark.mrml


def _assert_identical(ours: dict[str, sitk.Image], mrml: dict[str, sitk.Image]) -> None:
    assert set(ours) == set(mrml)
    for key, mask in mrml.items():
        other = ours[key]
        assert other.GetPixelID() == mask.GetPixelID() == sitk.sitkUInt8, key
        assert other.GetSize() == mask.GetSize(), key
        assert other.GetOrigin() == mask.GetOrigin(), key
        assert other.GetSpacing() == mask.GetSpacing(), key
        assert other.GetDirection() == mask.GetDirection(), key
        assert np.array_equal(sitk.GetArrayViewFromImage(other), sitk.GetArrayViewFromImage(mask))


def _layers(path: Path) -> dict[str, int]:
    reader = sitk.ImageFileReader()
    reader.SetFileName(str(path))
    reader.ReadImageInformation()
    layers, index = {}, 0
    while reader.HasMetaDataKey(f"Segment{index}_ID"):
        layers[reader.GetMetaData(f"Segment{index}_ID")] = int(
            reader.GetMetaData(f"Segment{index}_Layer")
        )
        index += 1
    return layers


def _every_file_takes_the_simpleitk_path(case: Any) -> None:
    version = case.annotations[-1]
    for sequence, path in version.files.items():
        keys = [region.key for region in case.schema.regions_on(sequence)]
        assert read_standard_segments(path, keys, reference_grid(case, sequence)) is not None


@pytest.mark.slow
def test_the_simpleitk_reader_gives_mrmls_masks_on_the_registered_case(
    annotated_case: Any, fixture_runtime: Any
) -> None:
    _every_file_takes_the_simpleitk_path(annotated_case)
    mrml = region_masks(annotated_case, runtime=fixture_runtime, mrml_only=True)
    assert any(sitk.GetArrayViewFromImage(mask).any() for mask in mrml.values())
    _assert_identical(region_masks(annotated_case), mrml)


def test_segments_sharing_a_layer_are_told_apart_by_label_value_as_mrml_does(
    small_annotated_case: Any, fixture_runtime: Any
) -> None:
    files = small_annotated_case.annotations[-1].files.values()
    shared = [path for path in files if len(set(_layers(path).values())) < len(_layers(path))]
    assert shared, "the fixture should hold a file with segments sharing a layer"
    _every_file_takes_the_simpleitk_path(small_annotated_case)
    mrml = region_masks(small_annotated_case, runtime=fixture_runtime, mrml_only=True)
    _assert_identical(region_masks(small_annotated_case), mrml)


@pytest.mark.slow
def test_overlapping_segments_in_separate_layers_read_as_mrml_reads_them(
    tmp_path: Path, fixture_runtime: Any
) -> None:
    volumes = cropped_volumes(tmp_path / "volumes", (40, 40, 6))
    case = build_case(tmp_path / "case", volumes=volumes, runtime=fixture_runtime)
    overlapping = {"whole_tumor": 14.0, "tumor_body": 10.0, "enhancing": 9.0, "non_enhancing": 4.0}
    from _export_helpers import drawn_masks

    from CNSTumorAnnotationLib.case.folder import load_case, save_annotation_version

    masks = drawn_masks(case, overlapping)
    sphere = sitk.BinaryDilate(masks["non_enhancing"], [2, 2, 1])
    masks["enhancing"] = sitk.Or(masks["enhancing"], sphere)  # overlaps the core
    save_annotation_version(case, masks, "dr_li", runtime=fixture_runtime)
    case = load_case(case.root)
    layered = [path for path in case.annotations[-1].files.values() if max(_layers(path).values())]
    assert layered, "overlapping segments should be saved in separate layers"
    _every_file_takes_the_simpleitk_path(case)
    _assert_identical(
        region_masks(case), region_masks(case, runtime=fixture_runtime, mrml_only=True)
    )


def test_a_file_without_slicers_segment_header_is_left_to_mrml(
    small_annotated_case: Any, tmp_path: Path
) -> None:
    version = small_annotated_case.annotations[-1]
    sequence, path = next(iter(version.files.items()))
    keys = [region.key for region in small_annotated_case.schema.regions_on(sequence)]
    grid = reference_grid(small_annotated_case, sequence)
    plain = tmp_path / "plain.seg.nrrd"
    saved = sitk.ReadImage(str(path))
    voxels_only = sitk.GetImageFromArray(sitk.GetArrayFromImage(saved))  # no header keys
    voxels_only.CopyInformation(saved)
    sitk.WriteImage(voxels_only, str(plain), True)
    assert read_standard_segments(plain, keys, grid) is None
    surface = tmp_path / "surface.seg.nrrd"
    saved.SetMetaData("Segmentation_MasterRepresentation", "Closed surface")
    sitk.WriteImage(saved, str(surface), True)
    assert read_standard_segments(surface, keys, grid) is None
    assert read_standard_segments(path, [*keys, "not_a_region"], grid) is None
    assert read_standard_segments(tmp_path / "missing.seg.nrrd", keys, grid) is None


def test_a_file_cropped_to_its_segments_extent_is_pasted_back_as_mrml_does(
    small_annotated_case: Any, tmp_path: Path, fixture_runtime: Any
) -> None:
    """Slicer may save a layer cropped to the segments' extent: the mask lands on the full grid."""
    version = small_annotated_case.annotations[-1]
    full = region_masks(small_annotated_case, mrml_only=True, runtime=fixture_runtime)
    for path in version.files.values():
        saved = sitk.ReadImage(str(path))
        cropped = sitk.RegionOfInterest(saved, [s - 4 for s in saved.GetSize()], [2, 2, 2])
        for key in saved.GetMetaDataKeys():
            if key.startswith(("Segment", "Segmentation_")) and "Extent" not in key:
                cropped.SetMetaData(key, saved.GetMetaData(key))
        path.chmod(0o644)
        sitk.WriteImage(cropped, str(path), True)
    _every_file_takes_the_simpleitk_path(small_annotated_case)
    mrml = region_masks(small_annotated_case, mrml_only=True, runtime=fixture_runtime)
    _assert_identical(region_masks(small_annotated_case), mrml)
    for key, mask in full.items():  # the spheres lie well inside the crop
        assert np.array_equal(
            sitk.GetArrayViewFromImage(mask), sitk.GetArrayViewFromImage(mrml[key])
        )
