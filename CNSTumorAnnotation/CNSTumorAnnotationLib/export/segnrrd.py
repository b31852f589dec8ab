"""Slicer ``.seg.nrrd`` export: one segmentation per reference sequence, written by MRML.

Each file is built in a real MRML scene (``mrml_runtime``): the reference volume is loaded with
Slicer's Volumes logic, a segmentation node takes its geometry (R-ANN-8), the schema's regions
on that sequence become segments with their names, colours, terminology and CNSTumor tags
(``segmentation.create_reference_segmentation``), the masks are set, and Slicer's own
``vtkMRMLSegmentationStorageNode`` writes the file through a temporary name (atomic). Names:
``<patient>_<SEQ>_annotation.seg.nrrd`` (R-FMT-3).
"""

from __future__ import annotations

from typing import Any

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.manifest import ManifestEntry

FORMAT = "seg-nrrd"
FOLDER = "seg-nrrd"
EXTENSION = ".seg.nrrd"
CONTENT = "annotation"


def _runtime(ctx: ExportContext) -> Any:
    if ctx.runtime is not None:
        return ctx.runtime
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    return create_runtime()


def export_segnrrd(ctx: ExportContext) -> list[ManifestEntry]:
    """Write one ``.seg.nrrd`` per reference sequence of the schema; return manifest entries."""
    from CNSTumorAnnotationLib.mrml import io as mrml_io
    from CNSTumorAnnotationLib.mrml import segmentation as seg

    runtime = _runtime(ctx)
    entries: list[ManifestEntry] = []
    for sequence, regions in ctx.drawn_sequences():
        before = _node_ids(runtime.scene)
        try:
            volume = mrml_io.load_volume(
                runtime, ctx.case.volumes[sequence], f"export_{sequence.value}"
            )
            node = seg.create_reference_segmentation(
                runtime, ctx.schema, sequence, volume, f"export_{sequence.value}_segmentation"
            )
            node.SetAttribute("CNSTumor.AnnotationVersion", str(ctx.version.version))
            node.SetAttribute("CNSTumor.Annotator", str(ctx.version.annotator))
            for region in regions:
                seg.set_segment_mask(node, region.key, ctx.masks[region.key])
            path = ctx.case_folder / FOLDER / ctx.filename(sequence, CONTENT, EXTENSION)
            mrml_io.write_node(node, path)
        finally:
            _remove_new_nodes(runtime.scene, before)
        entries.append(
            ctx.entry(
                path,
                format=FORMAT,
                content=CONTENT,
                sequence=sequence.value,
                sources=ctx.region_sources(*(r.key for r in regions)),
                notes=(f"segments: {', '.join(r.key for r in regions)}",),
            )
        )
    return entries


def _node_ids(scene: Any) -> set[str]:
    return {scene.GetNthNode(i).GetID() for i in range(scene.GetNumberOfNodes())}


def _remove_new_nodes(scene: Any, before: set[str]) -> None:
    """Leave the scene as it was (inside Slicer it is the user's scene)."""
    added = _node_ids(scene) - before
    for node_id in added:
        node = scene.GetNodeByID(node_id)
        if node is not None:
            scene.RemoveNode(node)
