"""A case in the MRML scene: volume nodes, one segmentation per reference sequence, transforms.

Each segmentation lives in its reference volume's native geometry (R-ANN-8) and holds that
sequence's schema regions. The rigid transforms to FLAIR are added as linear transform nodes
parenting each non-FLAIR volume and its segmentation, so the sequences overlay one another while
drawing (R-SEG-2) without resampling any voxel of the originals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import CaseFolder, FolderVersion, get_version
from CNSTumorAnnotationLib.case.registration import FIXED_SEQUENCE, sequence_transform
from CNSTumorAnnotationLib.mrml.io import load_segmentation, load_volume
from CNSTumorAnnotationLib.mrml.segmentation import (
    _numpy_matrix,
    _vtk_matrix,
    create_reference_segmentation,
)
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


_FLIP = np.diag([-1.0, -1.0, 1.0, 1.0])


@dataclass
class LoadedCase:
    """The nodes a case put into a scene."""

    case: CaseFolder
    volume_nodes: dict[MRSequence, Any]
    segmentation_nodes: dict[MRSequence, Any]
    transform_nodes: dict[MRSequence, Any] = field(default_factory=dict)
    version: FolderVersion | None = None

    def segmentation_for(self, region_key: str) -> Any:
        """The segmentation node holding a region (the one of its reference sequence)."""
        return self.segmentation_nodes[self.case.schema.region(region_key).reference_sequence]


def _affine_lps(transform: sitk.Transform) -> np.ndarray:
    """4x4 LPS matrix of a rigid / affine SimpleITK transform (points fixed -> moving)."""
    affine = sitk.AffineTransform(3)
    if isinstance(transform, sitk.Euler3DTransform) or transform.GetName() == "Euler3DTransform":
        euler = sitk.Euler3DTransform(transform)
        affine.SetMatrix(euler.GetMatrix())
        affine.SetTranslation(euler.GetTranslation())
        affine.SetCenter(euler.GetCenter())
    else:
        affine = sitk.AffineTransform(transform)
    matrix = np.array(affine.GetMatrix()).reshape(3, 3)
    center = np.array(affine.GetCenter())
    out = np.eye(4)
    out[:3, :3] = matrix
    out[:3, 3] = -matrix @ center + center + np.array(affine.GetTranslation())
    return out


def transform_to_flair_ras(transform: sitk.Transform) -> np.ndarray:
    """The MRML ``TransformToParent`` (RAS) that places a sequence in FLAIR's world."""
    return _FLIP @ np.linalg.inv(_affine_lps(transform)) @ _FLIP


def _transform_node(runtime: MRMLRuntime, case: CaseFolder, sequence: MRSequence) -> Any:
    node = runtime.scene.AddNewNodeByClass(
        "vtkMRMLLinearTransformNode", f"{sequence.value} to {FIXED_SEQUENCE.value}"
    )
    node.SetMatrixTransformToParent(
        _vtk_matrix(transform_to_flair_ras(sequence_transform(case, sequence)))
    )
    return node


def load_case_into_scene(
    case: CaseFolder,
    runtime: MRMLRuntime,
    version: int | None = None,
    *,
    with_annotation: bool = True,
) -> LoadedCase:
    """Load the case's volumes and segmentations (a version's, or new empty ones) into the scene."""
    chosen = None
    if with_annotation and case.annotations:
        chosen = get_version(case, version)
    volumes: dict[MRSequence, Any] = {}
    transforms: dict[MRSequence, Any] = {}
    for sequence, path in case.volumes.items():
        volumes[sequence] = load_volume(runtime, path, f"{case.patient_id} {sequence.value}")
        volumes[sequence].SetAttribute("CNSTumor.Sequence", sequence.value)
        if sequence is not FIXED_SEQUENCE and case.registration:
            transforms[sequence] = _transform_node(runtime, case, sequence)
            volumes[sequence].SetAndObserveTransformNodeID(transforms[sequence].GetID())
    segmentations: dict[MRSequence, Any] = {}
    for sequence in case.schema.reference_sequences:
        name = f"{case.patient_id} {sequence.value} annotation"
        if chosen is not None:
            node = load_segmentation(runtime, chosen.files[sequence], name)
            node.SetReferenceImageGeometryParameterFromVolumeNode(volumes[sequence])
        else:
            node = create_reference_segmentation(
                runtime, case.schema, sequence, volumes[sequence], name
            )
        if sequence in transforms:
            node.SetAndObserveTransformNodeID(transforms[sequence].GetID())
        segmentations[sequence] = node
    return LoadedCase(case, volumes, segmentations, transforms, chosen)


def node_ijk_to_ras(volume_node: Any) -> np.ndarray:
    """A volume node's IJK-to-RAS matrix as numpy (for geometry checks)."""
    import vtk

    matrix = vtk.vtkMatrix4x4()
    volume_node.GetIJKToRASMatrix(matrix)
    return _numpy_matrix(matrix)
