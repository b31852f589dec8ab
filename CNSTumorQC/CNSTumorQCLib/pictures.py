"""Slice pictures for the reports, in radiological convention, with optional label overlays.

A PNG drawn in raw pixel order shows whatever the scanner stored first at the top: the bundled
case's axial FLAIR stores the back of the head first, so every thumbnail was upside down. Here the
volume is first reoriented from its direction cosines (SimpleITK's ``DICOMOrient``, LPS frame) to
the radiologists' display convention, the one Slicer's slice views use:

- axial: the patient's right on the image's left, anterior up;
- coronal: the patient's right on the image's left, superior up;
- sagittal: anterior on the image's left, superior up.

The plane is the one the acquisition is closest to (the slice normal's largest LPS component), so
a sagittal acquisition is shown sagittal, never resampled into thin axial reformats. Overlays are
label images on the same grid; each label value gets a colour and is blended at ``alpha``.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence

import numpy as np
import SimpleITK as sitk

# DICOMOrient codes: index axes (columns, rows, slices) pointing towards these LPS letters.
DISPLAY_ORIENTATION = {"axial": "LPS", "coronal": "LIP", "sagittal": "PIL"}
MOSAIC_FRACTIONS = (0.3, 0.5, 0.7)  # three levels through the stack, never only the middle


def acquisition_plane(image: sitk.Image) -> str:
    """``axial``, ``coronal`` or ``sagittal``: where the slice normal points most (LPS)."""
    direction = np.asarray(image.GetDirection(), dtype=float).reshape(3, 3)
    normal = direction[:, 2]
    return ("sagittal", "coronal", "axial")[int(np.argmax(np.abs(normal)))]


def radiological(image: sitk.Image, plane: str | None = None) -> sitk.Image:
    """The image reoriented so that its array ``[slice, row, column]`` displays radiologically."""
    return sitk.DICOMOrient(image, DISPLAY_ORIENTATION[plane or acquisition_plane(image)])


def window(plane: np.ndarray, low_pct: float = 1.0, high_pct: float = 99.0) -> np.ndarray:
    """Grey levels 0..255 between the slice's low and high percentiles."""
    if not plane.size:
        return np.zeros_like(plane, dtype=np.uint8)
    low, high = np.percentile(plane, [low_pct, high_pct])
    scaled = np.clip((plane - low) / max(float(high - low), 1e-6), 0, 1) * 255
    return scaled.astype(np.uint8)


def _rgb_slice(
    grey: np.ndarray,
    overlay: np.ndarray | None,
    colours: Mapping[int, tuple[int, int, int]],
    alpha: float,
) -> np.ndarray:
    rgb = np.repeat(grey[..., None], 3, axis=2).astype(np.float32)
    if overlay is not None:
        for value, colour in colours.items():
            where = overlay == value
            if where.any():
                rgb[where] = (1 - alpha) * rgb[where] + alpha * np.asarray(colour, np.float32)
    return rgb.clip(0, 255).astype(np.uint8)


def slice_rgb(
    image: sitk.Image,
    index: int,
    overlay: sitk.Image | None = None,
    colours: Mapping[int, tuple[int, int, int]] | None = None,
    alpha: float = 0.45,
    plane: str | None = None,
) -> tuple[np.ndarray, tuple[float, float]]:
    """One displayed slice (index along the *displayed* slice axis) as RGB, and its pixel size."""
    rgbs, spacing = slices_rgb(image, [index], overlay, colours, alpha, plane)
    return rgbs[0], spacing


def slices_rgb(
    image: sitk.Image,
    indices: Sequence[int],
    overlay: sitk.Image | None = None,
    colours: Mapping[int, tuple[int, int, int]] | None = None,
    alpha: float = 0.45,
    plane: str | None = None,
) -> tuple[list[np.ndarray], tuple[float, float]]:
    """Several displayed slices as RGB (the volume reoriented once), and their pixel size."""
    plane = plane or acquisition_plane(image)
    shown = radiological(image, plane)
    array = sitk.GetArrayViewFromImage(shown)
    # copies, not views: a view of a temporary image can outlive its pixels
    labels = None if overlay is None else sitk.GetArrayFromImage(radiological(overlay, plane))
    rgbs = []
    for index in indices:
        k = int(np.clip(index, 0, array.shape[0] - 1))
        grey = window(np.asarray(array[k], np.float32))
        rgbs.append(_rgb_slice(grey, None if labels is None else labels[k], colours or {}, alpha))
    spacing = shown.GetSpacing()
    return rgbs, (float(spacing[0]), float(spacing[1]))


def to_png(
    rgb: np.ndarray, pixel_size: tuple[float, float], size: int, *, optimize: bool = True
) -> bytes:
    """The picture resized to ``size`` px on its longer side with square millimetres.

    ``optimize`` searches for the smallest encoding (about ten times slower than zlib level 3:
    worth it for a report written once, not for a picture written with every export)."""
    from PIL import Image

    picture = Image.fromarray(rgb, mode="RGB" if rgb.ndim == 3 else "L")
    width = picture.size[0] * pixel_size[0]
    height = picture.size[1] * pixel_size[1]
    factor = size / max(width, height)
    picture = picture.resize((max(1, round(width * factor)), max(1, round(height * factor))))
    buffer = io.BytesIO()
    if optimize:
        picture.save(buffer, format="PNG", optimize=True)
    else:  # zlib level 3: on MR slices as small as the default level 6, and about twice as fast
        picture.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def displayed_slice_of(image: sitk.Image, index_kji: Sequence[int]) -> int:
    """The displayed slice number (0-based) that holds a voxel given by its KJI array index."""
    point = image.TransformIndexToPhysicalPoint(tuple(int(v) for v in reversed(index_kji)))
    shown = radiological(image)
    return int(shown.TransformPhysicalPointToIndex(point)[2])


def largest_component_slice(labels: sitk.Image) -> int:
    """The displayed slice through the centre of the largest labelled component (any label)."""
    components = sitk.RelabelComponent(
        sitk.ConnectedComponent(sitk.Cast(labels != 0, sitk.sitkUInt8)), sortByObjectSize=True
    )
    stats = sitk.LabelShapeStatisticsImageFilter()
    stats.Execute(components)
    shown = radiological(labels)
    if not stats.HasLabel(1):
        return shown.GetSize()[2] // 2
    return int(shown.TransformPhysicalPointToIndex(stats.GetCentroid(1))[2])


def mosaic_png(
    image: sitk.Image, size: int = 160, fractions: Sequence[float] = MOSAIC_FRACTIONS
) -> bytes:
    """Slices at ``fractions`` of the displayed stack, side by side, as one PNG."""
    count = radiological(image).GetSize()[2]
    indices = sorted({min(count - 1, int(round(f * (count - 1)))) for f in fractions})
    tiles = [slice_rgb(image, k) for k in indices]
    pixel_size = tiles[0][1]
    gap = np.zeros((tiles[0][0].shape[0], 2, 3), np.uint8)
    row = np.concatenate([part for rgb, _ in tiles for part in (rgb, gap)][:-1], axis=1)
    return to_png(row, pixel_size, size * len(tiles))


def png_base64(png: bytes) -> str:
    """A PNG as base64 text for an inline ``data:image/png`` source."""
    return base64.b64encode(png).decode("ascii")
