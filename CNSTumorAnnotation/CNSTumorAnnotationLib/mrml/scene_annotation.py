"""Save what the annotator drew in the scene as a new annotation version (the wizard's Save).

The Segment Editor edits the segmentation nodes that :func:`scene.load_case_into_scene` put in
the scene, one per reference sequence (R-ANN-8). Saving reads every region's segment back on its
reference sequence's native grid and writes a NEW version through
:func:`case.save_annotation_version` (never overwriting; the loaded version is the parent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import (
    FolderVersion,
    load_case,
    reference_image,
    save_annotation_version,
)
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.mrml.scene import LoadedCase
from CNSTumorAnnotationLib.mrml.segmentation import segment_mask
from CNSTumorQCLib.errors import InvalidInputError

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


def masks_from_scene(loaded: LoadedCase) -> dict[str, sitk.Image]:
    """Each schema region's mask, read from its segmentation node on its reference grid."""
    masks: dict[str, sitk.Image] = {}
    for region in loaded.case.schema.regions:
        node = loaded.segmentation_nodes.get(region.reference_sequence)
        if node is None:
            raise InvalidInputError(
                tr(
                    (
                        "no segmentation for {reference_sequence} in the scene (region {key}); "
                        "load the case first"
                    ),
                    reference_sequence=region.reference_sequence.value,
                    key=region.key,
                )
            )
        segmentation = node.GetSegmentation()
        segment_id = segmentation.GetSegmentIdBySegmentName(region.key) or (
            region.key if segmentation.GetSegment(region.key) is not None else ""
        )
        reference = reference_image(loaded.case, region.reference_sequence)
        if not segment_id:
            empty = sitk.Image(reference.GetSize(), sitk.sitkUInt8)
            empty.CopyInformation(reference)
            masks[region.key] = empty
            continue
        masks[region.key] = segment_mask(node, segment_id, reference)
    return masks


def save_scene_annotation(
    loaded: LoadedCase, annotator: str, runtime: MRMLRuntime, *, note: str = ""
) -> FolderVersion:
    """Write the scene's segmentations as a new version by ``annotator`` (R-FLOW-1: who, when)."""
    if not annotator.strip():
        raise InvalidInputError(tr("a saved annotation needs the annotator's name (R-FLOW-1)"))
    parent = loaded.version.version if loaded.version is not None else None
    version = save_annotation_version(
        loaded.case,
        masks_from_scene(loaded),
        annotator.strip(),
        runtime=runtime,
        note=note,
        parent=parent,
    )
    loaded.case.annotations = load_case(loaded.case.root).annotations
    loaded.version = version
    return version
