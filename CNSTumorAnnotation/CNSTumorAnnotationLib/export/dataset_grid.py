"""One grid for dataset-style exports (BraTS, nnU-Net): every sequence and the labels on it.

Training data sets want all channels and the label map co-registered on one grid. The grid is
the native grid of ``ExportOptions.dataset_reference`` (default FLAIR: it carries the
outermost region, R-SEG-1 / R-SEG-6, and the combined label map of the NIfTI export already
lives there). Images are resampled with linear interpolation, labels with nearest neighbour,
through the case's co-registration transforms when it has them (scanner space otherwise); nothing is skull-stripped or moved to an atlas (SRI-24), which
BraTS' own data are: the export documents this instead of pretending otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorAnnotationLib.export.nifti import write_nifti
from CNSTumorAnnotationLib.grid import combined_label_array, image_from_array, resample_image
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

#: The four structural sequences every BraTS / nnU-Net case has, in channel order
#: (nnU-Net Dataset226 / BraTS 2023: T1, T1C, T2W, T2F).
DATASET_SEQUENCES = (MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR)


def require_sequences(ctx: ExportContext, format_name: str) -> None:
    """Refuse a case that lacks one of the four channels (a data set needs all of them)."""
    missing = [s.value for s in DATASET_SEQUENCES if s not in ctx.case.volumes]
    if missing:
        raise InvalidInputError(
            tr(
                ("{format_name} export needs T1, T1C, T2 and FLAIR; the case lacks {missing}"),
                format_name=format_name,
                missing=", ".join(missing),
            ),
            ctx.case.root,
        )


def reference_grid(ctx: ExportContext) -> sitk.Image:
    return ctx.reference_image(ctx.options.dataset_reference)


def image_on_grid(ctx: ExportContext, sequence: MRSequence, grid: sitk.Image) -> sitk.Image:
    """A sequence's volume on the data set grid (through the case's co-registration)."""
    transform = ctx.transform_between(sequence, ctx.options.dataset_reference)
    return resample_image(ctx.reference_image(sequence), grid, transform)


def combined_labels(ctx: ExportContext, grid: sitk.Image) -> np.ndarray:
    """The combined multi-label array (schema values 1..4, innermost wins) on ``grid``."""
    schema = ctx.schema
    values = {region.key: region.label_value for region in schema.regions}
    transforms = ctx.region_transforms(ctx.options.dataset_reference)
    return combined_label_array(ctx.masks, schema.paint_order, values, grid, transforms)


def write_dataset_images(
    ctx: ExportContext,
    grid: sitk.Image,
    files: Mapping[MRSequence, tuple[Path, str]],
    *,
    format: str,
    notes: Sequence[str] = (),
) -> list[ManifestEntry]:
    """Write each sequence's volume on ``grid`` as NIfTI; ``files`` maps a sequence to its path
    and manifest content. Returns one manifest entry per image, sourced from that volume."""
    entries = []
    for sequence, (path, content) in files.items():
        write_nifti(image_on_grid(ctx, sequence, grid), path)
        entries.append(
            ctx.entry(
                path,
                format=format,
                content=content,
                sequence=sequence.value,
                sources=(ctx.image_source(sequence),),
                notes=tuple(notes),
            )
        )
    return entries


def write_dataset_labels(
    ctx: ExportContext,
    grid: sitk.Image,
    labels: np.ndarray,
    path: Path,
    *,
    format: str,
    notes: Sequence[str],
) -> ManifestEntry:
    """Write the label array on ``grid`` as NIfTI; its manifest entry names every region."""
    write_nifti(image_from_array(labels, grid), path)
    return ctx.entry(
        path,
        format=format,
        content="labels",
        sequence=ctx.options.dataset_reference.value,
        sources=ctx.region_sources(*ctx.schema.keys),
        notes=tuple(notes),
    )
