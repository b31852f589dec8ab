"""Label maps for export: masks moved onto one grid and painted into one multi-label map.

Each region is drawn on its own reference sequence (R-SEG-1..4, R-ANN-8), so a multi-label map
needs every mask on one grid: masks are resampled in physical (scanner) space with nearest
neighbour, which keeps labels integral. When the case was co-registered (``registration``
stores a rigid FLAIR -> sequence transform per sequence) the masks move through those
transforms; otherwise the sequences share the scanner's physical space. Regions are painted
in ``schema.paint_order`` (outermost first), so the innermost region wins, giving the
combined values of ``schemas.py`` (1 outer, 2 tumor body, 3 non-enhancing, 4 enhancing).

``paste_on_grid`` places a cropped or axis-permuted piece (what MRML and ``.seg.nrrd`` files
store) back on its full reference grid, the exact and fast form of nearest-neighbour resampling.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError


def same_geometry(a: sitk.Image, b: sitk.Image, tolerance: float = 1e-4) -> bool:
    """True when two images share size, spacing, origin and direction (within ``tolerance``)."""
    return (
        a.GetSize() == b.GetSize()
        and np.allclose(a.GetSpacing(), b.GetSpacing(), atol=tolerance)
        and np.allclose(a.GetOrigin(), b.GetOrigin(), atol=tolerance)
        and np.allclose(a.GetDirection(), b.GetDirection(), atol=tolerance)
    )


def resample_label(
    label: sitk.Image, reference: sitk.Image, transform: sitk.Transform | None = None
) -> sitk.Image:
    """``label`` on ``reference``'s grid (nearest neighbour, 0 outside).

    ``transform`` maps points of the reference grid's space into the label's space (the
    case's co-registration); None means both are in one physical (scanner) space.
    """
    if transform is None and same_geometry(label, reference):
        return label if label.GetPixelID() == sitk.sitkUInt8 else sitk.Cast(label, sitk.sitkUInt8)
    return sitk.Resample(
        label,
        reference,
        transform or sitk.Transform(),
        sitk.sitkNearestNeighbor,
        0,
        sitk.sitkUInt8,
    )


def resample_image(
    image: sitk.Image, reference: sitk.Image, transform: sitk.Transform | None = None
) -> sitk.Image:
    """An image on ``reference``'s grid (linear interpolation, original pixel type kept)."""
    if transform is None and same_geometry(image, reference):
        return image
    return sitk.Resample(
        image, reference, transform or sitk.Transform(), sitk.sitkLinear, 0, image.GetPixelID()
    )


def combined_label_array(
    masks: Mapping[str, sitk.Image],
    paint_order: tuple[str, ...],
    values: Mapping[str, int],
    reference: sitk.Image,
    transforms: Mapping[str, sitk.Transform | None] | None = None,
) -> np.ndarray:
    """The multi-label array (KJI, uint8) on ``reference``: later keys in ``paint_order`` win.

    ``transforms`` gives, per region key, the reference-grid -> mask-space transform (None or
    absent: the same physical space).
    """
    size = reference.GetSize()
    combined = np.zeros((size[2], size[1], size[0]), dtype=np.uint8)
    for key in paint_order:
        if key not in masks:
            continue
        value = int(values[key])
        if not 0 < value < 256:
            raise InvalidInputError(
                tr(
                    "label value {value} of region {key!r} does not fit in uint8",
                    value=value,
                    key=key,
                )
            )
        transform = (transforms or {}).get(key)
        moved = resample_label(masks[key], reference, transform)  # alive while viewed
        combined[sitk.GetArrayViewFromImage(moved) > 0] = value
    return combined


def image_from_array(array: np.ndarray, reference: sitk.Image) -> sitk.Image:
    """A SimpleITK image holding ``array`` (KJI) with ``reference``'s geometry."""
    image = sitk.GetImageFromArray(array)
    image.CopyInformation(reference)
    return image


def _index_affine(image: sitk.Image) -> tuple[np.ndarray, np.ndarray]:
    direction = np.array(image.GetDirection(), dtype=float).reshape(3, 3)
    return direction * np.array(image.GetSpacing(), dtype=float), np.array(image.GetOrigin())


def paste_on_grid(array: np.ndarray, piece: sitk.Image, grid: sitk.Image) -> sitk.Image | None:
    """``array`` (on ``piece``'s voxels) copied onto ``grid`` when every piece voxel centre is a
    grid voxel centre (the grids differ only by a crop, axis flips or axis order: what MRML does
    to a layer), else None. The exact equivalent of nearest-neighbour resampling, much faster."""
    piece_matrix, piece_origin = _index_affine(piece)
    grid_matrix, grid_origin = _index_affine(grid)
    inverse = np.linalg.inv(grid_matrix)
    rotation = inverse @ piece_matrix  # piece (i, j, k) -> grid (i, j, k)
    offset = inverse @ (piece_origin - grid_origin)
    signed_permutation = np.round(rotation)
    if not (
        np.allclose(rotation, signed_permutation, atol=1e-3)
        and np.allclose(offset, np.round(offset), atol=1e-3)
        and (np.abs(signed_permutation).sum(axis=0) == 1).all()
        and (np.abs(signed_permutation).sum(axis=1) == 1).all()
    ):
        return None
    size = np.array(piece.GetSize())
    corners = np.array([[0, 0, 0], size - 1]).T  # columns: first and last voxel (i, j, k)
    mapped = signed_permutation @ corners + np.round(offset)[:, None]
    low, high = mapped.min(axis=1).astype(int), mapped.max(axis=1).astype(int)
    grid_size = np.array(grid.GetSize())
    if (low < 0).any() or (high >= grid_size).any():
        return None
    # numpy arrays are (k, j, i): reorder and flip the piece's axes into the grid's.
    source_axis = [int(np.nonzero(signed_permutation[a])[0][0]) for a in range(3)]
    moved = np.transpose(array, [2 - source_axis[2 - n] for n in range(3)])
    for a in range(3):
        if signed_permutation[a, source_axis[a]] < 0:
            moved = np.flip(moved, axis=2 - a)
    full = np.zeros(grid_size[::-1], dtype=np.uint8)
    full[low[2] : high[2] + 1, low[1] : high[1] + 1, low[0] : high[0] + 1] = moved
    image = sitk.GetImageFromArray(full)
    image.CopyInformation(grid)
    return image
