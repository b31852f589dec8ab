"""Label maps for export: masks moved onto one grid and painted into one multi-label map.

Each region is drawn on its own reference sequence (R-SEG-1..4, R-ANN-8), so a multi-label map
needs every mask on one grid: masks are resampled in physical (scanner) space with nearest
neighbour, which keeps labels integral and needs no registration when the sequences were
acquired in one session (the case import co-registers them otherwise and stores the volumes
in their native geometry; the physical-space mapping is what it verifies). Regions are painted
in ``schema.paint_order`` (outermost first), so the innermost region wins, giving the
combined values of ``schemas.py`` (1 outer, 2 tumor body, 3 non-enhancing, 4 enhancing).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import SimpleITK as sitk

from CNSTumorQCLib.errors import InvalidInputError


def same_geometry(a: sitk.Image, b: sitk.Image, tolerance: float = 1e-4) -> bool:
    """True when two images share size, spacing, origin and direction (within ``tolerance``)."""
    return (
        a.GetSize() == b.GetSize()
        and np.allclose(a.GetSpacing(), b.GetSpacing(), atol=tolerance)
        and np.allclose(a.GetOrigin(), b.GetOrigin(), atol=tolerance)
        and np.allclose(a.GetDirection(), b.GetDirection(), atol=tolerance)
    )


def resample_label(label: sitk.Image, reference: sitk.Image) -> sitk.Image:
    """``label`` on ``reference``'s grid (nearest neighbour, physical space, 0 outside)."""
    if same_geometry(label, reference):
        return sitk.Cast(label, sitk.sitkUInt8)
    return sitk.Resample(
        label,
        reference,
        sitk.Transform(),
        sitk.sitkNearestNeighbor,
        0,
        sitk.sitkUInt8,
    )


def resample_image(image: sitk.Image, reference: sitk.Image) -> sitk.Image:
    """An image on ``reference``'s grid (linear interpolation, original pixel type kept)."""
    if same_geometry(image, reference):
        return image
    return sitk.Resample(image, reference, sitk.Transform(), sitk.sitkLinear, 0, image.GetPixelID())


def combined_label_array(
    masks: Mapping[str, sitk.Image],
    paint_order: tuple[str, ...],
    values: Mapping[str, int],
    reference: sitk.Image,
) -> np.ndarray:
    """The multi-label array (KJI, uint8) on ``reference``: later keys in ``paint_order`` win."""
    size = reference.GetSize()
    combined = np.zeros((size[2], size[1], size[0]), dtype=np.uint8)
    for key in paint_order:
        if key not in masks:
            continue
        value = int(values[key])
        if not 0 < value < 256:
            raise InvalidInputError(f"label value {value} of region {key!r} does not fit in uint8")
        array = sitk.GetArrayFromImage(resample_label(masks[key], reference))
        combined[array > 0] = value
    return combined


def image_from_array(array: np.ndarray, reference: sitk.Image) -> sitk.Image:
    """A SimpleITK image holding ``array`` (KJI) with ``reference``'s geometry."""
    image = sitk.GetImageFromArray(array)
    image.CopyInformation(reference)
    return image


def relabel(array: np.ndarray, mapping: Mapping[int, int]) -> np.ndarray:
    """``array`` with each value replaced through ``mapping`` (values not listed become 0)."""
    lookup = np.zeros(256, dtype=np.uint8)
    for source, target in mapping.items():
        lookup[int(source)] = int(target)
    return lookup[array]
