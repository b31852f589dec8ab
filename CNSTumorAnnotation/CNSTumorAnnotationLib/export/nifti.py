"""NIfTI export (R-FMT-1): one binary mask per region, plus the combined multi-label map.

Each region's mask stays in its reference sequence's native geometry (R-ANN-8): the file's
affine (qform and sform, written by SimpleITK/ITK from the image's origin, spacing and
direction) equals the reference volume's. The multi-label map (values of ``schemas.py``: 1
outer region, 2 tumor body, 3 non-enhancing, 4 enhancing; innermost wins) lives on the FLAIR
grid, where the outermost region is drawn. Names follow R-FMT-3:
``<patient>_<sequence>_<region>.nii.gz`` and ``<patient>_FLAIR_labels.nii.gz``.
"""

from __future__ import annotations

from pathlib import Path

import SimpleITK as sitk

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorAnnotationLib.grid import combined_label_array, image_from_array
from CNSTumorQCLib.atomic import write_with_atomic
from CNSTumorQCLib.sequences import MRSequence

FORMAT = "nifti"
FOLDER = "nifti"
EXTENSION = ".nii.gz"
LABELS_CONTENT = "labels"
#: The multi-label map's grid: FLAIR holds the outermost region (R-SEG-1 / R-SEG-6).
LABELS_SEQUENCE = MRSequence.FLAIR


def write_nifti(image: sitk.Image, path: Path) -> Path:
    """Write ``image`` as compressed NIfTI through a temporary file (atomic)."""
    return write_with_atomic(path, lambda tmp: sitk.WriteImage(image, str(tmp), True))


def _as_uint8(mask: sitk.Image) -> sitk.Image:
    return mask if mask.GetPixelID() == sitk.sitkUInt8 else sitk.Cast(mask, sitk.sitkUInt8)


def export_nifti(ctx: ExportContext) -> list[ManifestEntry]:
    """Write every region mask and the multi-label map; return their manifest entries."""
    folder = ctx.case_folder / FOLDER
    entries: list[ManifestEntry] = []
    for region in ctx.schema.regions:
        mask = ctx.masks.get(region.key)
        if mask is None:
            continue
        sequence = region.reference_sequence
        path = folder / ctx.filename(sequence, region.key, EXTENSION)
        write_nifti(_as_uint8(mask), path)
        empty = not sitk.GetArrayViewFromImage(mask).any()
        entries.append(
            ctx.entry(
                path,
                format=FORMAT,
                content=region.key,
                sequence=sequence.value,
                sources=ctx.region_sources(region.key),
                notes=("empty region",) if empty else (),
            )
        )
    entries.append(_export_labels(ctx, folder))
    return entries


def _export_labels(ctx: ExportContext, folder: Path) -> ManifestEntry:
    reference = ctx.reference_grid(LABELS_SEQUENCE)
    schema = ctx.schema
    values = {region.key: region.label_value for region in schema.regions}
    transforms = ctx.region_transforms(LABELS_SEQUENCE)
    array = combined_label_array(ctx.masks, schema.paint_order, values, reference, transforms)
    path = folder / ctx.filename(LABELS_SEQUENCE, LABELS_CONTENT, EXTENSION)
    write_nifti(image_from_array(array, reference), path)
    legend = ", ".join(f"{region.label_value} {region.key}" for region in schema.regions)
    return ctx.entry(
        path,
        format=FORMAT,
        content=LABELS_CONTENT,
        sequence=LABELS_SEQUENCE.value,
        sources=ctx.region_sources(*schema.keys),
        notes=(f"multi-label map, innermost region wins: {legend}",),
    )
