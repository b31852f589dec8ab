"""A case in the MRML scene: one segmentation per reference sequence with the schema's segments (R-ANN-8)."""

from __future__ import annotations

import numpy as np
import pytest
import slicer
import vtk

from CNSTumorAnnotationLib.case.folder import reference_image
from CNSTumorAnnotationLib.case.registration import sequence_transform
from CNSTumorAnnotationLib.mrml.scene import (
    load_case_into_scene,
    node_ijk_to_ras,
    transform_to_flair_ras,
)
from CNSTumorAnnotationLib.schemas import TERMINOLOGY_CONTEXT, TumorFamily, get_schema
from CNSTumorQCLib.sequences import MRSequence


def _geometry_matrix(segmentation_node) -> np.ndarray:
    """IJK-to-RAS of the segmentation's reference image geometry (as MRML stores it)."""
    oriented = slicer.vtkOrientedImageData()
    geometry = segmentation_node.GetSegmentation().GetConversionParameter(
        slicer.vtkSegmentationConverter.GetReferenceImageGeometryParameterName()
    )
    slicer.vtkSegmentationConverter.DeserializeImageGeometry(geometry, oriented)
    matrix = vtk.vtkMatrix4x4()
    oriented.GetImageToWorldMatrix(matrix)
    dims = oriented.GetDimensions()
    return np.array([[matrix.GetElement(i, j) for j in range(4)] for i in range(4)]), dims


def _check_segments(loaded, schema) -> None:
    for sequence, node in loaded.segmentation_nodes.items():
        segmentation = node.GetSegmentation()
        regions = schema.regions_on(sequence)
        assert segmentation.GetNumberOfSegments() == len(regions)
        for region in regions:
            segment = segmentation.GetSegment(region.key)
            assert segment is not None, region.key
            assert segment.GetName() == region.key
            assert np.allclose(segment.GetColor(), region.color_rgb, atol=1e-3)
            entry = slicer.vtkSlicerTerminologyEntry()
            assert slicer.vtkSlicerTerminologiesModuleLogic.DeserializeTerminologyEntry(
                segment.GetTerminology(), entry
            )
            assert entry.GetTerminologyContextName() == TERMINOLOGY_CONTEXT
            assert entry.GetTypeObject().GetCodeValue() == region.terminology.type.value
            assert (
                entry.GetRegionObject().GetCodeValue() == region.terminology.anatomic_region.value
            )
            assert segment.HasTag("CNSTumor.ReferenceSequence")
        matrix, dims = _geometry_matrix(node)
        volume = loaded.volume_nodes[sequence]
        assert np.allclose(matrix, node_ijk_to_ras(volume), atol=1e-4), sequence
        assert tuple(dims) == tuple(reference_image(loaded.case, sequence).GetSize())


@pytest.mark.slow
@pytest.mark.mrml
@pytest.mark.parametrize("family", ["intra_axial", "meningeal"])
def test_a_new_case_gets_every_schema_region_with_colour_terminology_and_reference_geometry(
    small_annotated_case, mrml_runtime, family
) -> None:
    small_annotated_case.family = TumorFamily(family)
    small_annotated_case.schema = get_schema(family)
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime, with_annotation=False)
    assert set(loaded.segmentation_nodes) == {MRSequence.FLAIR, MRSequence.T2, MRSequence.T1C}
    assert len(loaded.volume_nodes) == 4
    _check_segments(loaded, small_annotated_case.schema)
    assert mrml_runtime.scene.GetNumberOfNodesByClass("vtkMRMLSegmentationNode") == 3


@pytest.mark.slow
@pytest.mark.mrml
def test_a_saved_version_loads_back_with_its_voxels_and_segments(
    small_annotated_case, mrml_runtime
) -> None:
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    assert loaded.version is not None and loaded.version.version == 1
    _check_segments(loaded, small_annotated_case.schema)
    node = loaded.segmentation_for("whole_tumor")
    labelmap = slicer.vtkOrientedImageData()
    slicer.vtkSlicerSegmentationsModuleLogic.GetSegmentBinaryLabelmapRepresentation(
        node, "whole_tumor", labelmap
    )
    extent = labelmap.GetExtent()
    assert extent[1] >= extent[0]  # not empty


@pytest.mark.slow
@pytest.mark.mrml
def test_registered_sequences_are_placed_in_flairs_world_by_transform_nodes_R_SEG_2(
    annotated_case, mrml_runtime
) -> None:
    loaded = load_case_into_scene(annotated_case, mrml_runtime)
    assert set(loaded.transform_nodes) == {MRSequence.T1, MRSequence.T1C, MRSequence.T2}
    for sequence, node in loaded.transform_nodes.items():
        matrix = vtk.vtkMatrix4x4()
        node.GetMatrixTransformToParent(matrix)
        expected = transform_to_flair_ras(sequence_transform(annotated_case, sequence))
        got = np.array([[matrix.GetElement(i, j) for j in range(4)] for i in range(4)])
        assert np.allclose(got, expected, atol=1e-6)
        assert not np.allclose(got, np.eye(4), atol=1e-3)
        assert loaded.volume_nodes[sequence].GetTransformNodeID() == node.GetID()
        if sequence in loaded.segmentation_nodes:
            assert loaded.segmentation_nodes[sequence].GetTransformNodeID() == node.GetID()
    # a FLAIR-space point mapped through the SimpleITK transform lands where MRML puts it
    t2 = sequence_transform(annotated_case, MRSequence.T2)
    point_flair_lps = np.array([-30.0, -20.0, 10.0])
    point_t2_lps = np.array(t2.TransformPoint(point_flair_lps.tolist()))
    flip = np.array([-1.0, -1.0, 1.0])
    mrml = transform_to_flair_ras(t2) @ np.append(point_t2_lps * flip, 1.0)
    assert np.allclose(mrml[:3] * flip, point_flair_lps, atol=1e-4)
