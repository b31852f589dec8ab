"""Import an existing label map (BraTS conventions, a model's output, another tool's NIfTI).

The label values are mapped to the schema's regions through a label convention
(``label_conventions.py``), the map is brought into each reference sequence's native grid with
nearest-neighbour resampling, and the result is saved as a new annotation version stated as
machine-made. A label map can live:

- on a native volume's grid (same geometry): taken as is;
- in an atlas space (the bundled case's SRI-24): the atlas FLAIR is registered to the native
  FLAIR (``registration.register_atlas_to_native``), the transform is cached in the case folder,
  and the map follows it, then each sequence's rigid transform to FLAIR;
- under a given transform (an ITK transform file from native FLAIR to the map's space), or
  ``identity`` for a map in the native scanner space on another grid.

A map on no case volume's grid with none of these is refused, naming both grids: resampled
through physical space alone, a map from another space (a model's output in SRI-24) landed
silently somewhere else in the head. A map that, once landed, leaves the case's FLAIR or lies
mostly outside the head is refused too, and no version is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import (
    CaseFolder,
    FolderVersion,
    reference_image,
    save_annotation_version,
    write_case_record,
)
from CNSTumorAnnotationLib.case.registration import (
    FIXED_SEQUENCE,
    read_transform_file,
    register_atlas_to_native,
    sequence_transform,
    transforms_dir,
)
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.label_conventions import (
    from_convention,
    get_convention,
    masks_from_combined,
)
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.image_io import read_image
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


def _read_label_map(path: Path) -> sitk.Image:
    """The label map, verified (``image_io.read_image``): 3D, integer, non-negative, not empty."""
    image = read_image(path, tr("label map"))
    if image.GetDimension() != 3 or image.GetNumberOfComponentsPerPixel() != 1:
        raise InvalidInputError(tr("a label map must be a 3D single-component image"), path)
    array = sitk.GetArrayViewFromImage(image)
    if not np.all(np.equal(np.mod(array, 1), 0)):
        raise InvalidInputError(tr("a label map must hold integer values"), path)
    if array.min() < 0:
        raise InvalidInputError(
            tr("label map holds negative values (down to {lowest})", lowest=array.min()), path
        )
    if array.max() > 255:
        raise InvalidInputError(
            tr("label value {value} is not a region label", value=int(array.max())), path
        )
    if not array.any():
        raise InvalidInputError(tr("the label map is empty: no voxel carries a label"), path)
    return sitk.Cast(image, sitk.sitkUInt8)


def _combined(labels: np.ndarray, conv: Any, path: Path) -> np.ndarray:
    """``from_convention`` with the file named in its error (unknown label values)."""
    try:
        return from_convention(labels, conv)
    except InvalidInputError as error:
        raise InvalidInputError(error.problem, path) from None


def _same_grid(a: sitk.Image, b: sitk.Image) -> bool:
    return (
        a.GetSize() == b.GetSize()
        and np.allclose(a.GetOrigin(), b.GetOrigin(), atol=1e-3)
        and np.allclose(a.GetSpacing(), b.GetSpacing(), atol=1e-5)
        and np.allclose(a.GetDirection(), b.GetDirection(), atol=1e-5)
    )


def atlas_transform(case: CaseFolder, atlas_flair_path: Path) -> sitk.Transform:
    """Native-FLAIR -> atlas transform, registered once and cached under ``transforms/``."""
    digest = sha256_file(atlas_flair_path)[:12]
    cache = transforms_dir(case) / f"atlas-{digest}_to_{FIXED_SEQUENCE.value}.tfm"
    if cache.is_file():
        return sitk.ReadTransform(str(cache))
    atlas = read_image(atlas_flair_path, tr("atlas FLAIR"))
    transform, quality = register_atlas_to_native(reference_image(case, FIXED_SEQUENCE), atlas)
    from CNSTumorAnnotationLib.case.registration import _write_transform

    _write_transform(transform, cache)
    case.registration.setdefault("atlas", {})[digest] = {
        "atlas_flair": str(atlas_flair_path),
        "transform": str(cache.relative_to(case.root)),
        **quality.to_dict(),
    }
    write_case_record(case)
    return transform


IDENTITY = "identity"
MIN_HEAD_FRACTION = 0.5  # of the landed labelled voxels that must lie in the head


def describe_grid(image: sitk.Image) -> str:
    """A grid in words: size, spacing, origin (LPS mm)."""
    size = "x".join(str(n) for n in image.GetSize())
    spacing = "x".join(f"{s:.3g}" for s in image.GetSpacing())
    origin = ", ".join(f"{v:.1f}" for v in image.GetOrigin())
    return tr(
        "{size} voxels of {spacing} mm at ({origin})", size=size, spacing=spacing, origin=origin
    )


def read_transform(value: Path | str) -> sitk.Transform:
    """``identity`` or an ITK transform file (native FLAIR -> label-map space)."""
    if str(value) == IDENTITY:
        return sitk.Euler3DTransform()
    path = Path(value)
    if not path.is_file():
        raise MissingInputError(tr("transform file not found"), path)
    return read_transform_file(path)


def _space_transform(
    case: CaseFolder,
    label: sitk.Image,
    atlas_flair: Path | None,
    transform: Path | str | None = None,
    label_path: Path | None = None,
) -> tuple[sitk.Transform | None, MRSequence | None]:
    """How the label map reaches native space: (native-FLAIR -> label-space transform, own grid)."""
    for sequence in case.volumes:
        if _same_grid(label, reference_image(case, sequence)):
            return None, sequence
    if atlas_flair is not None:
        return atlas_transform(case, atlas_flair), None
    if transform is not None:
        return read_transform(transform), None
    grids = "; ".join(
        f"{sequence.value} {describe_grid(reference_image(case, sequence))}"
        for sequence in case.volumes
    )
    raise InvalidInputError(
        tr(
            (
                "the label map's grid ({grid}) is not the grid of any case "
                "volume ({grids}): it may lie in another space (an atlas such as "
                "SRI-24). Give --atlas-flair with the FLAIR of its space to register it, "
                "--transform FILE, or --transform identity if it is in the scanner's "
                "space on another grid"
            ),
            grid=describe_grid(label),
            grids=grids,
        ),
        label_path,
    )


def _head_mask(flair: sitk.Image) -> sitk.Image:
    """The head on FLAIR: Otsu foreground, closed, holes (ventricles, dark tumor) filled."""
    bright = sitk.OtsuThreshold(sitk.Cast(flair, sitk.sitkFloat32), 0, 1)
    closed = sitk.BinaryMorphologicalClosing(bright, [3, 3, 1])
    return sitk.BinaryFillhole(closed)


def check_overlap(case: CaseFolder, landed: sitk.Image, label: sitk.Image, path: Path) -> None:
    """Refuse a map that, landed on FLAIR, lost its labels or lies mostly outside the head."""
    before = int(np.count_nonzero(sitk.GetArrayViewFromImage(label)))
    after = sitk.GetArrayViewFromImage(landed) > 0
    count = int(after.sum())
    if before and not count:
        raise InvalidInputError(
            tr(
                "no labelled voxel lands inside the case's FLAIR volume: the label map "
                "lies in another space (give --atlas-flair or --transform)"
            ),
            path,
        )
    if not count:
        return
    head = sitk.GetArrayFromImage(_head_mask(reference_image(case, FIXED_SEQUENCE))) > 0
    inside = float((after & head).sum()) / count
    if inside < MIN_HEAD_FRACTION:
        raise InvalidInputError(
            tr(
                (
                    "only {inside:.0%} of the labelled voxels land in the head on the case's "
                    "FLAIR (at least {minimum:.0%} expected): the label map lies "
                    "in another space or under a wrong transform; nothing was written"
                ),
                inside=inside,
                minimum=MIN_HEAD_FRACTION,
            ),
            path,
        )


def label_map_on_sequence(
    case: CaseFolder,
    label: sitk.Image,
    sequence: MRSequence,
    atlas_flair: Path | None = None,
    transform: Path | str | None = None,
    label_path: Path | None = None,
) -> sitk.Image:
    """The label map resampled (nearest neighbour) onto ``sequence``'s native grid."""
    to_label, own = _space_transform(case, label, atlas_flair, transform, label_path)
    grid = reference_image(case, sequence)
    composite = sitk.CompositeTransform(3)
    if own is not None:  # label on a native grid: own-space points from FLAIR points
        composite.AddTransform(sequence_transform(case, own))
    else:
        composite.AddTransform(to_label)
    composite.AddTransform(sequence_transform(case, sequence).GetInverse())
    if own is sequence:
        return label
    return sitk.Resample(label, grid, composite, sitk.sitkNearestNeighbor, 0, sitk.sitkUInt8)


def import_label_map(
    case: CaseFolder,
    label_map_path: Path | str,
    convention: str = "brats2021",
    *,
    annotator: str,
    atlas_flair: Path | str | None = None,
    transform: Path | str | None = None,
    runtime: MRMLRuntime | None = None,
    machine_made: bool = True,
) -> FolderVersion:
    """Save a label map as a new annotation version, each region on its reference sequence.

    ``transform``: an ITK transform file (native FLAIR -> label-map space) or ``identity``.
    """
    path = Path(label_map_path)
    conv = get_convention(convention)
    label = _read_label_map(path)
    atlas = Path(atlas_flair) if atlas_flair is not None else None
    if atlas is not None and not atlas.is_file():
        raise MissingInputError(tr("atlas FLAIR not found"), atlas)
    _combined(sitk.GetArrayViewFromImage(label), conv, path)  # fail early on unknown values
    on_flair = label_map_on_sequence(case, label, FIXED_SEQUENCE, atlas, transform, path)
    check_overlap(case, on_flair, label, path)
    masks: dict[str, sitk.Image] = {}
    for sequence in case.schema.reference_sequences:
        moved = label_map_on_sequence(case, label, sequence, atlas, transform, path)
        combined = _combined(sitk.GetArrayFromImage(moved), conv, path)
        region_arrays = masks_from_combined(combined, case.schema)
        for region in case.schema.regions_on(sequence):
            mask = sitk.GetImageFromArray(region_arrays[region.key])
            mask.CopyInformation(moved)
            masks[region.key] = mask
    if not any(sitk.GetArrayViewFromImage(mask).any() for mask in masks.values()):
        raise InvalidInputError(
            tr(
                "no labelled voxel lands inside the case's volumes: the label map does "
                "not overlap the case (another patient, or another space without "
                "--atlas-flair?)"
            ),
            path,
        )
    note = tr(
        "imported from {file} ({convention} labels, nearest-neighbour resampling)",
        file=path.name,
        convention=conv.name,
    )
    return save_annotation_version(
        case, masks, annotator, runtime=runtime, note=note, machine_made=machine_made
    )


def default_atlas_flair(label_map_path: Path) -> Path | None:
    """The bundled-case layout: ``<case>/reference_labels/X.nii.gz`` lives in ``<case>/sri24``."""
    candidate = Path(label_map_path).resolve().parent.parent / "sri24" / "FLAIR.nii.gz"
    return candidate if candidate.is_file() else None


def apply_reference_labels(
    case: CaseFolder,
    label_map_path: Path | str,
    convention: str = "brats2021",
    *,
    runtime: MRMLRuntime | None = None,
    atlas_flair: Path | str | None = None,
    transform: Path | str | None = None,
) -> FolderVersion:
    """Land a machine-made reference label map (e.g. the bundled ``mav``) on the native sequences.

    The version is recorded as machine-made: annotator ``algorithm:<name> (machine-made
    reference)``; these labels are a reference, never ground truth.
    """
    path = Path(label_map_path)
    atlas = Path(atlas_flair) if atlas_flair is not None else default_atlas_flair(path)
    name = path.name.removesuffix(".gz").removesuffix(".nii")
    return import_label_map(
        case,
        path,
        convention,
        annotator=f"algorithm:{name} (machine-made reference)",
        atlas_flair=atlas,
        transform=transform,
        runtime=runtime,
        machine_made=True,
    )
