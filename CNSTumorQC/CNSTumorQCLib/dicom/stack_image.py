"""Pixels of one indexed stack: a SimpleITK volume (for the quality grade) and a PNG thumbnail.

The index already sorted the planes along the slice normal and knows their geometry, so the volume
is assembled from pydicom's decoded frames in that order, with origin, spacing and direction taken
from the headers (LPS, as SimpleITK and DICOM use). Only the stack's own files are read.
"""

from __future__ import annotations

import numpy as np
import pydicom
import SimpleITK as sitk

from CNSTumorQCLib.dicom.model import DicomInstance, Stack
from CNSTumorQCLib.dicom.series import slice_normal, slice_spacing
from CNSTumorQCLib.errors import InvalidSeriesError
from CNSTumorQCLib.i18n import tr

THUMBNAIL_SIZE = 160


def _frames_by_file(instances: tuple[DicomInstance, ...]) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    for path in dict.fromkeys(i.path for i in instances):
        try:
            arrays[path] = np.asarray(pydicom.dcmread(path).pixel_array)
        except Exception as error:  # decoding errors come in many types; name the file
            raise InvalidSeriesError(
                tr(
                    "pixel data cannot be decoded ({name}: {error})",
                    name=type(error).__name__,
                    error=error,
                ),
                path,
            ) from error
    return arrays


def _plane(arrays: dict[str, np.ndarray], instance: DicomInstance) -> np.ndarray:
    array = arrays[instance.path]
    if (
        instance.frame is not None
        and array.ndim == 3
        and (instance.number_of_frames > 1 or array.shape[0] > 1)
    ):
        array = array[instance.frame - 1]
    if array.ndim != 2:
        raise InvalidSeriesError(
            tr("expected a 2D grey-level image, got shape {shape}", shape=array.shape),
            instance.path,
        )
    return array.astype(np.float32) * instance.rescale_slope + instance.rescale_intercept


def stack_array(stack: Stack, instances: tuple[DicomInstance, ...] | None = None) -> np.ndarray:
    """The stack's pixels as float32 (slices, rows, columns), rescaled to stored units."""
    planes = instances if instances is not None else stack.instances
    arrays = _frames_by_file(planes)
    return np.stack([_plane(arrays, instance) for instance in planes])


def stack_image(stack: Stack) -> sitk.Image:
    """The stack as a SimpleITK image with DICOM (LPS) geometry."""
    first = stack.instances[0]
    image = sitk.GetImageFromArray(stack_array(stack))
    if first.position is not None and first.orientation is not None:
        row = np.asarray(first.orientation[:3])
        col = np.asarray(first.orientation[3:])
        normal = slice_normal(first.orientation)
        image.SetOrigin(tuple(float(v) for v in first.position))
        image.SetDirection(tuple(float(v) for v in np.column_stack([row, col, normal]).ravel()))
    row_spacing, col_spacing = first.pixel_spacing or (1.0, 1.0)
    spacing = slice_spacing(stack) or first.slice_thickness or 1.0
    image.SetSpacing((float(col_spacing), float(row_spacing), float(spacing)))
    return image


def thumbnail_png(stack: Stack, size: int = THUMBNAIL_SIZE) -> str:
    """Base64 PNG of three slices (30, 50, 70 % through the stack) in radiological convention.

    The orientation comes from the headers' direction cosines (``pictures.radiological``), never
    from the raw pixel order: patient's right on the image's left, anterior (axial) or superior
    (coronal, sagittal) up. Three levels, not only the middle slice, show coverage at a glance.
    """
    from CNSTumorQCLib.pictures import mosaic_png, png_base64

    return png_base64(mosaic_png(stack_image(stack), size=size))
