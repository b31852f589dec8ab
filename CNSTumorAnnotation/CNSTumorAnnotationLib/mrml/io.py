"""Volumes, segmentations and label maps in MRML: load, create, convert, write.

Thin, typed wrappers over the real MRML C++ API (Volumes and Segmentations module logics,
archetype and segmentation storage nodes), shared by the case, export and web code. Every
function takes the :class:`~CNSTumorAnnotationLib.mrml.runtime.MRMLRuntime`; nothing here uses
``slicer.util`` or the application singletons, so it runs headless and inside Slicer alike.
Writes are atomic (temporary name beside the destination, then rename).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import slicer
import vtk
from vtk.util import numpy_support

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime
from CNSTumorQCLib.atomic import atomic_path
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.image_io import read_image

VOLUME_SUFFIXES = (".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd")


def _check_readable(path: Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("file not found"), path)
    if not any(path.name.lower().endswith(suffix) for suffix in VOLUME_SUFFIXES):
        raise InvalidInputError(
            tr(
                "not a volume file (expected one of {suffixes})",
                suffixes=", ".join(VOLUME_SUFFIXES),
            ),
            path,
        )
    _guard_native_reader(path)
    return path


def _guard_native_reader(path: Path) -> None:
    """Read and verify the file with SimpleITK before MRML's C++ reader sees it.

    An ITK exception inside the MRML readers (a truncated ``.seg.nrrd``, a cut gzip stream)
    is not caught there: it aborts the whole process (SIGABRT). SimpleITK raises a Python
    error instead, which ``image_io.read_image`` turns into one clear line naming the file.
    """
    read_image(
        path, tr("segmentation") if path.name.lower().endswith(".seg.nrrd") else tr("volume")
    )


def load_volume(runtime: MRMLRuntime, path: str | Path, name: str | None = None) -> Any:
    """Load a scalar volume (NIfTI, NRRD, MetaImage) into the scene as ``vtkMRMLScalarVolumeNode``."""
    path = _check_readable(Path(path))
    node = runtime.volumes_logic.AddArchetypeScalarVolume(str(path), name or _stem(path), 0, None)
    if node is None or node.GetImageData() is None:
        raise InvalidInputError(
            tr("the volume could not be read (corrupt or unsupported file)"), path
        )
    return node


def load_labelmap(runtime: MRMLRuntime, path: str | Path, name: str | None = None) -> Any:
    """Load an integer label map file as ``vtkMRMLLabelMapVolumeNode``."""
    path = _check_readable(Path(path))
    node = runtime.volumes_logic.AddArchetypeVolume(
        str(path), name or _stem(path), 1
    )  # 1 = label map
    if node is None or node.GetImageData() is None:
        raise InvalidInputError(
            tr("the label map could not be read (corrupt or unsupported file)"), path
        )
    return node


def array_from_volume(node: Any) -> np.ndarray:
    """The voxel array of a volume node, shaped (slices, rows, columns) = KJI, sharing memory."""
    image = node.GetImageData()
    dims = image.GetDimensions()
    scalars = numpy_support.vtk_to_numpy(image.GetPointData().GetScalars())
    return scalars.reshape(dims[2], dims[1], dims[0])


def labelmap_from_array(
    runtime: MRMLRuntime, array: np.ndarray, reference_volume: Any, name: str = "labelmap"
) -> Any:
    """A new label map node with ``array`` (KJI) on the geometry of ``reference_volume``."""
    dims = reference_volume.GetImageData().GetDimensions()
    expected = (dims[2], dims[1], dims[0])
    if tuple(array.shape) != expected:
        raise InvalidInputError(
            tr(
                "label array shape {shape} does not match the reference volume {expected}",
                shape=tuple(array.shape),
                expected=expected,
            )
        )
    node = runtime.scene.AddNewNodeByClass("vtkMRMLLabelMapVolumeNode", name)
    image = vtk.vtkImageData()
    image.SetDimensions(dims)
    values = np.ascontiguousarray(array, dtype=np.int16).ravel()
    vtk_array = numpy_support.numpy_to_vtk(values, deep=True, array_type=vtk.VTK_SHORT)
    image.GetPointData().SetScalars(vtk_array)
    node.SetAndObserveImageData(image)
    matrix = vtk.vtkMatrix4x4()
    reference_volume.GetIJKToRASMatrix(matrix)
    node.SetIJKToRASMatrix(matrix)
    node.CreateDefaultDisplayNodes()
    return node


def create_segmentation(runtime: MRMLRuntime, reference_volume: Any, name: str) -> Any:
    """A segmentation node whose binary label maps live on ``reference_volume``'s geometry."""
    node = runtime.scene.AddNewNodeByClass("vtkMRMLSegmentationNode", name)
    node.CreateDefaultDisplayNodes()
    node.SetReferenceImageGeometryParameterFromVolumeNode(reference_volume)
    return node


def import_labelmap(runtime: MRMLRuntime, labelmap_node: Any, segmentation_node: Any) -> list[str]:
    """Import every non-zero label of ``labelmap_node`` as a segment; return the new segment IDs."""
    segmentation = segmentation_node.GetSegmentation()
    before = set(segmentation.GetSegmentIDs())
    if not runtime.segmentations_logic.ImportLabelmapToSegmentationNode(
        labelmap_node, segmentation_node
    ):
        raise InvalidInputError(
            tr("label map {name!r} could not be imported", name=labelmap_node.GetName())
        )
    return [sid for sid in segmentation.GetSegmentIDs() if sid not in before]


def export_labelmap(
    runtime: MRMLRuntime,
    segmentation_node: Any,
    reference_volume: Any,
    segment_ids: list[str] | None = None,
    name: str = "export",
) -> Any:
    """Export segments (all, or ``segment_ids`` in that order, labels 1..n) to a label map node
    on ``reference_volume``'s geometry."""
    labelmap = runtime.scene.AddNewNodeByClass("vtkMRMLLabelMapVolumeNode", name)
    ids = vtk.vtkStringArray()
    for segment_id in segment_ids or list(segmentation_node.GetSegmentation().GetSegmentIDs()):
        ids.InsertNextValue(segment_id)
    ok = runtime.segmentations_logic.ExportSegmentsToLabelmapNode(
        segmentation_node, ids, labelmap, reference_volume
    )
    if not ok:
        raise InvalidInputError(
            tr(
                "segmentation {name!r} could not be exported",
                name=segmentation_node.GetName(),
            )
        )
    return labelmap


def write_node(node: Any, path: str | Path) -> Path:
    """Write a volume, label map or segmentation with its MRML storage node, atomically.

    The file format follows the extension (``.nii.gz``, ``.nrrd``, ``.seg.nrrd``).
    """
    path = Path(path)
    storage = node.CreateDefaultStorageNode()
    if storage is None:
        raise InvalidInputError(
            tr("node {name!r} has no storage format", name=node.GetName()), path
        )
    if path.name.endswith(".seg.nrrd") and not isinstance(
        storage, slicer.vtkMRMLSegmentationStorageNode
    ):
        raise InvalidInputError(tr("only segmentations can be written as .seg.nrrd"), path)
    with atomic_path(path) as tmp:
        storage.SetFileName(str(tmp))
        storage.SetUseCompression(1)
        if not storage.WriteData(node):
            raise OSError(
                tr("{path}: MRML could not write {name!r}", path=path, name=node.GetName())
            )
    return path


def load_segmentation(runtime: MRMLRuntime, path: str | Path, name: str | None = None) -> Any:
    """Read a ``.seg.nrrd`` (or a label map file) into a new segmentation node."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("segmentation file not found"), path)
    _guard_native_reader(path)
    node = runtime.scene.AddNewNodeByClass("vtkMRMLSegmentationNode", name or _stem(path))
    storage = slicer.vtkMRMLSegmentationStorageNode()
    runtime.scene.AddNode(storage)
    storage.SetFileName(str(path))
    node.SetAndObserveStorageNodeID(storage.GetID())
    if not storage.ReadData(node):
        runtime.scene.RemoveNode(node)
        raise InvalidInputError(tr("not a readable segmentation (.seg.nrrd expected)"), path)
    node.CreateDefaultDisplayNodes()
    return node


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".seg.nrrd", ".nii.gz") + VOLUME_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
