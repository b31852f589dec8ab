"""``.seg.nrrd`` export read back into a fresh MRML scene (segments, names, colours,
terminology, geometry), R-FMT-1 / R-ANN-8."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk
import slicer
from _export_helpers import build_case, cropped_volumes, drawn_masks

from CNSTumorAnnotationLib.case.folder import reference_image
from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorAnnotationLib.mrml.io import load_segmentation
from CNSTumorAnnotationLib.mrml.runtime import create_runtime
from CNSTumorAnnotationLib.mrml.segmentation import segment_ids, segment_mask
from CNSTumorAnnotationLib.mrml.terminology import terminology_entry_string

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def segnrrd_case(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("segnrrd_case")
    return build_case(root / "case", volumes=cropped_volumes(root / "volumes", (96, 96, 12)))


@pytest.fixture(scope="module")
def segnrrd_export(segnrrd_case: Any, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_case(segnrrd_case.root, tmp_path_factory.mktemp("segnrrd_out"), "seg-nrrd")


def _ijk_to_lps(image: sitk.Image) -> np.ndarray:
    direction = np.array(image.GetDirection()).reshape(3, 3)
    return direction @ np.diag(image.GetSpacing())


@pytest.mark.slow
def test_one_segmentation_per_reference_sequence_is_written_with_R_FMT_3_names(
    segnrrd_export: ExportResult,
) -> None:
    names = sorted(p.name for p in segnrrd_export.files("seg-nrrd"))
    assert names == [
        "TCGA-FG-6692_FLAIR_annotation.seg.nrrd",
        "TCGA-FG-6692_T1C_annotation.seg.nrrd",
        "TCGA-FG-6692_T2_annotation.seg.nrrd",
    ]
    assert verify_manifest(segnrrd_export.manifest_path) == []


@pytest.mark.slow
def test_segments_keep_names_colours_terminology_and_voxels_when_read_back_into_MRML(
    segnrrd_case: Any, segnrrd_export: ExportResult
) -> None:
    runtime = create_runtime(force_headless=True)
    expected = drawn_masks(segnrrd_case)
    files = {
        e.sequence: segnrrd_export.manifest_path.parent.parent / e.path
        for e in segnrrd_export.entries
    }
    for sequence in segnrrd_case.schema.reference_sequences:
        node = load_segmentation(runtime, files[sequence.value])
        regions = segnrrd_case.schema.regions_on(sequence)
        assert segment_ids(node) == [r.key for r in regions]
        reference = reference_image(segnrrd_case, sequence)
        for region in regions:
            segment = node.GetSegmentation().GetSegment(region.key)
            assert segment.GetName() == region.key
            np.testing.assert_allclose(segment.GetColor(), region.color_rgb, atol=1e-3)
            assert segment.GetTerminology() == terminology_entry_string(region)
            mask = segment_mask(node, region.key, reference)
            np.testing.assert_array_equal(
                sitk.GetArrayFromImage(mask) == 1, sitk.GetArrayFromImage(expected[region.key]) > 0
            )


def _grid_corners(ijk_to_ras: np.ndarray, extent: list[int]) -> np.ndarray:
    """The 8 corner voxel centres (RAS) of a grid, sorted (independent of axis direction)."""
    corners = [
        ijk_to_ras @ np.array([i, j, k, 1.0])
        for i in extent[0:2]
        for j in extent[2:4]
        for k in extent[4:6]
    ]
    return np.array(sorted(tuple(np.round(c[:3], 3)) for c in corners))


@pytest.mark.slow
def test_the_segmentation_geometry_is_the_reference_sequence_native_grid_per_R_ANN_8(
    segnrrd_case: Any, segnrrd_export: ExportResult
) -> None:
    """MRML may store a left-handed grid with its slice axis reversed; the voxel centres (and
    so the grid) must be the reference volume's."""
    runtime = create_runtime(force_headless=True)
    for sequence in segnrrd_case.schema.reference_sequences:
        entry = next(e for e in segnrrd_export.entries if e.sequence == sequence.value)
        node = load_segmentation(runtime, segnrrd_export.manifest_path.parent.parent / entry.path)
        name = slicer.vtkSegmentationConverter.GetReferenceImageGeometryParameterName()
        values = [v for v in node.GetSegmentation().GetConversionParameter(name).split(";") if v]
        stored = np.array([float(v) for v in values[:16]]).reshape(4, 4)
        extent = [int(v) for v in values[16:22]]
        reference = reference_image(segnrrd_case, sequence)
        lps_to_ras = np.diag([-1.0, -1.0, 1.0, 1.0])
        expected = np.eye(4)
        expected[:3, :3] = _ijk_to_lps(reference)
        expected[:3, 3] = reference.GetOrigin()
        size = reference.GetSize()
        np.testing.assert_allclose(
            _grid_corners(stored, extent),
            _grid_corners(lps_to_ras @ expected, [0, size[0] - 1, 0, size[1] - 1, 0, size[2] - 1]),
            atol=1e-2,
        )
        spacing = np.linalg.norm(stored[:3, :3], axis=0)
        np.testing.assert_allclose(spacing, reference.GetSpacing(), atol=1e-4)
