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
