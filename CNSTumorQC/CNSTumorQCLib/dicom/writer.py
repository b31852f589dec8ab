"""The project's one DICOM MR-series writer: a SimpleITK volume as classic single-frame MR images.

``write_mr_series`` writes one MR Image Storage file per slice (Explicit VR Little Endian) from
a 3D scalar volume and a dataset holding what every slice shares (patient, study, series,
equipment, protocol). It adds the image geometry (ImageOrientationPatient from the first two
columns of the direction matrix, ImagePositionPatient of slice ``k`` = origin +
``k * spacing_z * direction[:, 2]``, PixelSpacing as row, column, SpacingBetweenSlices and,
unless the caller set it, SliceThickness), the pixel module (16-bit: signed when the values fit,
else unsigned), a display window and each slice's SOP Instance UID from ``instance_uid(k)``.
The series is built under a temporary name beside ``series_dir`` and renamed into place, so it
appears complete or not at all.

Two callers: the demo and test fixture study (``CNSTumorQCLib.demo.fixture_study``) and the
DICOM SEG export, which writes a case volume as the source series its SEG references.
"""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import SimpleITK as sitk
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

from CNSTumorQCLib.dicom.compat import save_file_format
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr

#: File name of slice ``k`` (0-based) in a written series.
DEFAULT_FILE_NAME = "IM{number:04d}.dcm"


def write_mr_series(
    image: sitk.Image,
    series_dir: Path,
    base: Dataset,
    *,
    instance_uid: Callable[[int], str],
    file_name: str = DEFAULT_FILE_NAME,
) -> list[Path]:
    """Write ``image`` as one MR Image Storage file per slice into ``series_dir``; return the paths.

    ``base`` holds the attributes every slice shares (it is copied, never changed);
    ``file_name`` is formatted with ``number`` = k + 1. An existing ``series_dir`` is replaced.
    """
    if image.GetDimension() != 3 or image.GetNumberOfComponentsPerPixel() != 1:
        raise InvalidInputError(tr("only a scalar 3D volume can be written as a DICOM MR series"))
    series_dir = Path(series_dir)
    voxels, representation = _pixel_values(sitk.GetArrayFromImage(image))  # (z, y, x)
    shared = copy.deepcopy(base)
    _set_image_geometry(shared, image)
    _set_pixel_module(shared, representation)
    direction = np.asarray(image.GetDirection(), dtype=float).reshape(3, 3)
    origin = np.asarray(image.GetOrigin(), dtype=float)
    normal = direction[:, 2]
    centre, width = _window(voxels)
    staging = series_dir.parent / f".{series_dir.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    names: list[str] = []
    for k in range(voxels.shape[0]):
        position = origin + k * image.GetSpacing()[2] * normal
        ds = copy.deepcopy(shared)
        ds.SOPInstanceUID = instance_uid(k)
        ds.InstanceNumber = k + 1
        if "AcquisitionNumber" not in ds:
            ds.AcquisitionNumber = 1
        ds.ImagePositionPatient = [_ds(v) for v in position]
        ds.SliceLocation = _ds(float(position @ normal))
        ds.WindowCenter = _ds(centre)
        ds.WindowWidth = _ds(width)
        ds.PixelData = np.ascontiguousarray(voxels[k]).tobytes()
        ds.file_meta = _file_meta(ds)
        names.append(file_name.format(number=k + 1))
        save_file_format(ds, staging / names[-1])
    # The series appears complete or not at all (one rename, no per-slice fsync).
    shutil.rmtree(series_dir, ignore_errors=True)
    os.replace(staging, series_dir)
    return [series_dir / name for name in names]


def _pixel_values(voxels: np.ndarray) -> tuple[np.ndarray, int]:
    """16-bit pixels and their Pixel Representation: signed when the values fit, else unsigned."""
    if voxels.dtype == np.int16:
        return voxels, 1
    low, high = voxels.min(), voxels.max()
    if low >= np.iinfo(np.int16).min and high <= np.iinfo(np.int16).max:
        return voxels.astype(np.int16), 1
    if low >= 0 and high <= np.iinfo(np.uint16).max:
        return voxels.astype(np.uint16), 0
    raise InvalidInputError(tr("voxel values do not fit 16-bit pixels"))


def _set_image_geometry(ds: Dataset, image: sitk.Image) -> None:
    size = image.GetSize()
    spacing = image.GetSpacing()
    direction = np.asarray(image.GetDirection(), dtype=float).reshape(3, 3)
    ds.Rows = int(size[1])
    ds.Columns = int(size[0])
    ds.PixelSpacing = [_ds(spacing[1]), _ds(spacing[0])]  # row spacing (y), column spacing (x)
    ds.SpacingBetweenSlices = _ds(spacing[2])
    if "SliceThickness" not in ds:
        ds.SliceThickness = _ds(spacing[2])
    ds.ImageOrientationPatient = [_ds(v) for v in (*direction[:, 0], *direction[:, 1])]
    if "PositionReferenceIndicator" not in ds:
        ds.PositionReferenceIndicator = ""


def _set_pixel_module(ds: Dataset, representation: int) -> None:
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = representation


def _file_meta(ds: Dataset) -> FileMetaDataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    return meta


def _window(voxels: np.ndarray) -> tuple[float, float]:
    low, high = np.percentile(voxels, [1.0, 99.5])
    return float((low + high) / 2.0), float(max(high - low, 1.0))


def _ds(value: float) -> str:
    """A decimal string of at most 16 characters (the DS limit) with the most precision."""
    for digits in range(10, 0, -1):
        text = f"{value:.{digits}g}"
        if len(text) <= 16:
            return text
    return f"{value:.0f}"
