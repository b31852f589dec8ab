"""Each region's reference volume is shown in its own geometry (R-ANN-8), on a real scene."""

from __future__ import annotations

import numpy as np
import pytest
import vtk

from CNSTumorAnnotationLib.mrml.display import add_slice_views, show_reference_volume
from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


def _matrix(vtk_matrix) -> np.ndarray:
    return np.array([[vtk_matrix.GetElement(i, j) for j in range(4)] for i in range(4)])


def _volume_axes_in_world(volume) -> np.ndarray:
    """Unit IJK axes of the volume in world RAS, through its parent transform."""
    ijk = vtk.vtkMatrix4x4()
    volume.GetIJKToRASDirectionMatrix(ijk)
    direction = _matrix(ijk)
    parent = volume.GetParentTransformNode()
    if parent is not None:
        to_world = vtk.vtkMatrix4x4()
        parent.GetMatrixTransformToWorld(to_world)
        direction = _matrix(to_world) @ direction
    return direction[:3, :3] / np.linalg.norm(direction[:3, :3], axis=0)


@pytest.mark.slow
def test_t2_is_shown_on_its_own_axial_slices_not_resliced_through_the_registration(
    annotated_case, mrml_runtime
):
    scene = mrml_runtime.scene
    red, yellow, green = add_slice_views(scene)
    loaded = load_case_into_scene(annotated_case, mrml_runtime)
    composites = scene.GetNodesByClass("vtkMRMLSliceCompositeNode")
    # Before: added to the scene but shown nowhere (the review step showed empty views).
    assert all(
        not composites.GetItemAsObject(i).GetBackgroundVolumeID()
        for i in range(composites.GetNumberOfItems())
    )
    t2 = loaded.volume_nodes[MRSequence.T2]
    segmentation = loaded.segmentation_nodes[MRSequence.T2]
    assert t2.GetParentTransformNode() is not None  # registered to FLAIR: not identity
    flair_axial_normal = _matrix(red.GetSliceToRAS())[:3, 2].copy()

    views = show_reference_volume(scene, t2, segmentation)

    assert views == ["Red", "Yellow", "Green"]
    for i in range(composites.GetNumberOfItems()):
        assert composites.GetItemAsObject(i).GetBackgroundVolumeID() == t2.GetID()
    axes = _volume_axes_in_world(t2)
    normal = _matrix(red.GetSliceToRAS())[:3, 2]
    # the red view's normal is T2's slice axis (K) in world space: its own axial images
    assert abs(float(np.dot(normal, axes[:, 2]))) == pytest.approx(1.0, abs=1e-6)
    assert abs(float(np.dot(flair_axial_normal, axes[:, 2]))) < 1.0 - 1e-6  # it was oblique
    selection = scene.GetFirstNodeByClass("vtkMRMLSelectionNode")
    if selection is not None:
        assert selection.GetActiveVolumeID() == t2.GetID()
    assert segmentation.GetDisplayNode().GetVisibility()
    with pytest.raises(ValueError, match="needs a loaded volume"):
        show_reference_volume(scene, None)


@pytest.mark.slow
def test_a_finding_slice_is_jumped_to_in_the_volumes_own_geometry(annotated_case, mrml_runtime):
    from CNSTumorAnnotationLib.mrml.display import jump_to_slice, slice_center_world

    scene = mrml_runtime.scene
    (red, *_) = add_slice_views(scene)
    loaded = load_case_into_scene(annotated_case, mrml_runtime)
    t1c = loaded.volume_nodes[MRSequence.T1C]
    show_reference_volume(scene, t1c, loaded.segmentation_nodes[MRSequence.T1C])
    k = t1c.GetImageData().GetDimensions()[2] // 3
    world = np.array(jump_to_slice(scene, t1c, k))
    origin = _matrix(red.GetSliceToRAS())[:3, 3]
    normal = _matrix(red.GetSliceToRAS())[:3, 2]
    assert float(np.dot(origin - world, normal)) == pytest.approx(0.0, abs=1e-3)
    assert slice_center_world(t1c, k + 1) != pytest.approx(tuple(world))
    with pytest.raises(ValueError, match="outside the volume"):
        slice_center_world(t1c, 10_000)


@pytest.mark.slow
def test_another_version_overlays_as_outlines_under_the_same_transforms(
    small_annotated_case, mrml_runtime
):
    from CNSTumorAnnotationLib.case.folder import load_case, region_masks, save_annotation_version
    from CNSTumorAnnotationLib.mrml.display import add_outline_overlay

    masks = region_masks(small_annotated_case, 1, runtime=mrml_runtime)
    save_annotation_version(small_annotated_case, masks, "dr_li", runtime=mrml_runtime)
    case = load_case(small_annotated_case.root)
    loaded = load_case_into_scene(case, mrml_runtime, version=2)
    nodes = add_outline_overlay(mrml_runtime, loaded, 1)
    assert len(nodes) == len(case.schema.reference_sequences)
    for node in nodes:
        display = node.GetDisplayNode()
        assert not display.GetVisibility2DFill() and display.GetVisibility2DOutline()
        assert node.GetAttribute("CNSTumor.Overlay") == "1"
        assert node.GetSegmentation().GetNumberOfSegments() > 0


@pytest.mark.slow
def test_moving_on_removes_the_previous_cases_nodes(small_annotated_case, mrml_runtime):
    from CNSTumorAnnotationLib.mrml.display import add_outline_overlay, remove_loaded_case

    scene = mrml_runtime.scene
    before = scene.GetNumberOfNodes()
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    overlays = add_outline_overlay(mrml_runtime, loaded, 1)
    assert scene.GetNumberOfNodesByClass("vtkMRMLSegmentationNode") == 2 * len(overlays)
    removed = remove_loaded_case(scene, loaded, tuple(overlays))
    assert removed == len(overlays) * 2 + len(loaded.volume_nodes) + len(loaded.transform_nodes)
    assert scene.GetNumberOfNodesByClass("vtkMRMLScalarVolumeNode") == 0
    assert scene.GetNumberOfNodesByClass("vtkMRMLSegmentationNode") == 0
    assert scene.GetNumberOfNodes() == before  # display and storage nodes went too
