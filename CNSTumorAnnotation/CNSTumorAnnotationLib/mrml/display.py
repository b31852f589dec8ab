"""Show a case in the slice views the way the consensus draws it (R-ANN-8, R-SEG-1..4).

Every region is drawn on its reference sequence's *original axial* images. The non-FLAIR
volumes hang under a rigid transform to FLAIR (``scene.load_case_into_scene``), so slice views
left in FLAIR's axial plane would cut T2 or T1C obliquely through that transform: the annotator
would be drawing on resliced, interpolated images. :func:`show_reference_volume` therefore:

- puts the region's reference volume as background of every slice view (the volume is shown,
  not only added to the scene);
- rotates every slice view to that volume's own acquisition planes through its parent
  transform (``vtkMRMLSliceNode.RotateToVolumePlane``), so the red view shows its axial slices;
- sets the segmentation's reference geometry to that volume, so painting lands on its grid;
- makes the volume the active one (Segment Editor source) and the segmentation visible.

Only MRML nodes are touched (no Qt, no layout manager): it runs on slicer-core's scene in the
tests and on Slicer's scene in the module, whose views follow their slice nodes.
"""

from __future__ import annotations

from typing import Any


def _nodes(scene: Any, class_name: str) -> list[Any]:
    collection = scene.GetNodesByClass(class_name)
    return [collection.GetItemAsObject(i) for i in range(collection.GetNumberOfItems())]


def show_reference_volume(scene: Any, volume: Any, segmentation: Any = None) -> list[str]:
    """Show ``volume`` (and ``segmentation`` on its grid) in every slice view; returns the views'
    layout names. See the module docstring."""
    if volume is None or volume.GetImageData() is None:
        raise ValueError("show_reference_volume needs a loaded volume node")
    if volume.GetDisplayNode() is None:
        volume.CreateDefaultDisplayNodes()
    for composite in _nodes(scene, "vtkMRMLSliceCompositeNode"):
        composite.SetBackgroundVolumeID(volume.GetID())
    views = []
    for slice_node in _nodes(scene, "vtkMRMLSliceNode"):
        slice_node.RotateToVolumePlane(volume)  # R-ANN-8: the volume's own slices, not resliced
        views.append(slice_node.GetLayoutName())
    selection = scene.GetFirstNodeByClass("vtkMRMLSelectionNode")
    if selection is not None:
        selection.SetActiveVolumeID(volume.GetID())
    if segmentation is not None:
        segmentation.SetReferenceImageGeometryParameterFromVolumeNode(volume)
        if segmentation.GetDisplayNode() is None:
            segmentation.CreateDefaultDisplayNodes()
        segmentation.GetDisplayNode().SetVisibility(True)
    return views


def add_slice_views(scene: Any, names: tuple[str, ...] = ("Red", "Yellow", "Green")) -> list[Any]:
    """Slice and composite nodes as Slicer's layout creates them (for headless use and tests)."""
    presets = {"Red": "Axial", "Yellow": "Sagittal", "Green": "Coronal"}
    import slicer

    slicer.vtkMRMLSliceNode.AddDefaultSliceOrientationPresets(scene)
    created = []
    for name in names:
        slice_node = scene.CreateNodeByClass("vtkMRMLSliceNode")  # copies the scene's presets
        slice_node.SetName(f"Slice{name}")
        slice_node.SetLayoutName(name)
        slice_node.SetSingletonTag(name)
        slice_node.SetOrientation(presets.get(name, "Axial"))
        slice_node = scene.AddNode(slice_node)
        composite = scene.CreateNodeByClass("vtkMRMLSliceCompositeNode")
        composite.SetLayoutName(name)
        composite.SetSingletonTag(name)
        scene.AddNode(composite)
        created.append(slice_node)
    return created


def _world_matrix(volume: Any) -> Any:
    """IJK-to-world (RAS) of a volume through its linear parent transform, as numpy."""
    import numpy as np
    import vtk

    ijk = vtk.vtkMatrix4x4()
    volume.GetIJKToRASMatrix(ijk)
    matrix = np.array([[ijk.GetElement(i, j) for j in range(4)] for i in range(4)])
    parent = volume.GetParentTransformNode()
    if parent is not None:
        to_world = vtk.vtkMatrix4x4()
        parent.GetMatrixTransformToWorld(to_world)
        matrix = (
            np.array([[to_world.GetElement(i, j) for j in range(4)] for i in range(4)]) @ matrix
        )
    return matrix


def slice_center_world(volume: Any, slice_index: int) -> tuple[float, float, float]:
    """World RAS of the centre of axial slice ``slice_index`` (K) of ``volume``."""
    import numpy as np

    dims = volume.GetImageData().GetDimensions()
    if not 0 <= slice_index < dims[2]:
        raise ValueError(f"slice {slice_index} is outside the volume (0..{dims[2] - 1})")
    point = _world_matrix(volume) @ np.array(
        [(dims[0] - 1) / 2.0, (dims[1] - 1) / 2.0, float(slice_index), 1.0]
    )
    return float(point[0]), float(point[1]), float(point[2])


def jump_to_slice(scene: Any, volume: Any, slice_index: int) -> tuple[float, float, float]:
    """Centre every slice view on a finding's slice of ``volume`` (reviewers' "jump to")."""
    x, y, z = slice_center_world(volume, slice_index)
    for slice_node in _nodes(scene, "vtkMRMLSliceNode"):
        slice_node.JumpSliceByCentering(x, y, z)
    return x, y, z


def add_outline_overlay(runtime: Any, loaded: Any, version: int) -> list[Any]:
    """Another version of the loaded case as outline-only segmentations (compare, R-PPL-3).

    Each file lands under the same transform as the shown segmentation of its sequence, so the
    two annotations overlay exactly; fill is off so the one being reviewed stays readable."""
    from CNSTumorAnnotationLib.case.folder import get_version
    from CNSTumorAnnotationLib.mrml.io import load_segmentation

    chosen = get_version(loaded.case, version)
    nodes = []
    for sequence, path in chosen.files.items():
        node = load_segmentation(
            runtime, path, f"{loaded.case.patient_id} {sequence.value} v{version} (overlay)"
        )
        if sequence in loaded.volume_nodes:
            node.SetReferenceImageGeometryParameterFromVolumeNode(loaded.volume_nodes[sequence])
        if sequence in loaded.transform_nodes:
            node.SetAndObserveTransformNodeID(loaded.transform_nodes[sequence].GetID())
        if node.GetDisplayNode() is None:
            node.CreateDefaultDisplayNodes()
        display = node.GetDisplayNode()
        display.SetVisibility2DFill(False)
        display.SetVisibility2DOutline(True)
        node.SetAttribute("CNSTumor.Overlay", str(version))
        nodes.append(node)
    return nodes


def remove_loaded_case(scene: Any, loaded: Any, extra: tuple[Any, ...] = ()) -> int:
    """Take a case's nodes (segmentations, volumes, transforms, overlays) out of the scene when
    the queue moves on, as SlicerCaseIterator closes a case; returns how many were removed."""
    nodes = [
        *extra,
        *loaded.segmentation_nodes.values(),
        *loaded.volume_nodes.values(),
        *loaded.transform_nodes.values(),
    ]
    removed = 0
    for node in nodes:
        if node is None or node.GetScene() is not scene:
            continue
        helpers = []
        if hasattr(node, "GetNumberOfDisplayNodes"):
            helpers += [node.GetNthDisplayNode(i) for i in range(node.GetNumberOfDisplayNodes())]
        if hasattr(node, "GetStorageNode"):
            helpers.append(node.GetStorageNode())
        scene.RemoveNode(node)
        removed += 1
        for helper in helpers:  # their display and storage nodes go with them
            if helper is not None and helper.GetScene() is scene:
                scene.RemoveNode(helper)
    return removed
