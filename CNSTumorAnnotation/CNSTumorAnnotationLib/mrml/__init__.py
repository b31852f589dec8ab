"""The MRML layer: the only package of the Libs that imports ``slicer`` or ``vtk``.

Owns the runtime (``runtime``: Slicer's scene and logics, or a headless slicer-core scene),
volume and segmentation I/O (``io``), schema segmentations and SimpleITK <-> MRML geometry
(``segmentation``), the consensus terminology in Slicer's logic (``terminology``) and, on top
of the case layer, a case loaded into a scene (``scene``) and saved back (``scene_annotation``);
those two import ``case`` and are left to import by submodule.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.mrml.io import load_labelmap, load_segmentation, load_volume, write_node
from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime, create_runtime
from CNSTumorAnnotationLib.mrml.segmentation import (
    create_reference_segmentation,
    segment_ids,
    segment_mask,
    set_segment_mask,
    write_reference_segmentations,
)
from CNSTumorAnnotationLib.mrml.terminology import register_terminology, terminology_entry_string

__all__ = [
    "MRMLRuntime",
    "create_reference_segmentation",
    "create_runtime",
    "load_labelmap",
    "load_segmentation",
    "load_volume",
    "register_terminology",
    "segment_ids",
    "segment_mask",
    "set_segment_mask",
    "terminology_entry_string",
    "write_node",
    "write_reference_segmentations",
]
