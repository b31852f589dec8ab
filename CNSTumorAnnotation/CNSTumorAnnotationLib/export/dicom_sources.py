"""DICOM MR series for DICOM SEG export: the source images a SEG must reference.

A case imported from DICOM keeps its source files (``case.json`` ``dicom_files``); a case
imported from NIfTI has none, so the export writes its reference volume as a minimal,
standard MR Image Storage series (one file per slice, pydicom, written by hand because no
library here writes an MR series from an array), with deterministic UIDs derived from the
case and the volume's checksum so that a re-export references the same series. The project's
QC writer ``CNSTumorQCLib.dicom.writer.write_case_as_dicom_study`` is used instead when it
exists (see ``export_dicomseg``).

``geometry_from_datasets`` turns a series' headers into a SimpleITK reference grid in the
series' own slice order, so masks can be resampled onto exactly the frames the SEG references.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pydicom
import SimpleITK as sitk
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, MRImageStorage, generate_uid

from CNSTumorQCLib.atomic import atomic_path
from CNSTumorQCLib.dicom.compat import save_file_format
from CNSTumorQCLib.errors import InvalidSeriesError
from CNSTumorQCLib.version import __version__

#: UID root of uids generated here (pydicom's root; entropy makes them deterministic).
_UID_ENTROPY_PREFIX = "cnstumor-export"


def deterministic_uid(*parts: str) -> str:
    """A UID that is the same for the same ``parts`` (pydicom ``generate_uid`` with entropy)."""
    return str(generate_uid(entropy_srcs=[_UID_ENTROPY_PREFIX, *parts]))


def person_name(text: str) -> str:
    """A DICOM PN value: an identifier or login has one component, marked by a trailing ``^``."""
    text = str(text).strip()[:60]
    return text if "^" in text else f"{text}^"


def _pixel_values(array: np.ndarray) -> tuple[np.ndarray, int]:
    """Pixels as int16 (signed) or uint16, and the Pixel Representation."""
    if array.min() >= 0 and array.max() <= np.iinfo(np.uint16).max:
        return array.astype(np.uint16), 0
    if array.min() >= np.iinfo(np.int16).min and array.max() <= np.iinfo(np.int16).max:
        return array.astype(np.int16), 1
    raise InvalidSeriesError("the volume's values do not fit in 16 bits")


def write_mr_series(
    image: sitk.Image,
    out_dir: Path,
    *,
    patient_id: str,
    patient_name: str,
    study_uid: str,
    series_uid: str,
    frame_of_reference_uid: str,
    series_number: int,
    series_description: str,
) -> list[Path]:
    """Write ``image`` (any orientation) as one MR Image Storage file per slice; return the paths."""
    if image.GetDimension() != 3:
        raise InvalidSeriesError("only 3D volumes can be written as a DICOM series")
    array = sitk.GetArrayFromImage(image)
    pixels, representation = _pixel_values(array)
    direction = np.array(image.GetDirection()).reshape(3, 3)
    spacing = image.GetSpacing()
    today = _dt.date.today().strftime("%Y%m%d")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for k in range(array.shape[0]):
        ds = _base_dataset(patient_id, patient_name, study_uid, series_uid, today)
        ds.SOPInstanceUID = deterministic_uid(series_uid, str(k))
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.FrameOfReferenceUID = frame_of_reference_uid
        ds.SeriesNumber = series_number
        ds.SeriesDescription = series_description[:64]
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = [
            f"{v:.6f}" for v in image.TransformIndexToPhysicalPoint((0, 0, k))
        ]
        ds.ImageOrientationPatient = [f"{v:.8f}" for v in (*direction[:, 0], *direction[:, 1])]
        ds.PixelSpacing = [f"{spacing[1]:.8f}", f"{spacing[0]:.8f}"]  # row spacing, column spacing
        ds.SliceThickness = f"{spacing[2]:.6f}"
        ds.SpacingBetweenSlices = f"{spacing[2]:.6f}"
        ds.Rows, ds.Columns = int(pixels.shape[1]), int(pixels.shape[2])
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = representation
        ds.PixelData = np.ascontiguousarray(pixels[k]).tobytes()
        path = out_dir / f"{k + 1:04d}.dcm"
        with atomic_path(path) as tmp:
            save_file_format(ds, tmp)
        paths.append(path)
    return paths


def _base_dataset(
    patient_id: str, patient_name: str, study_uid: str, series_uid: str, today: str
) -> Dataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MRImageStorage
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = MRImageStorage
    ds.Modality = "MR"
    ds.PatientID = patient_id
    ds.PatientName = patient_name
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.StudyID = "1"
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = today
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = "000000"
    ds.AccessionNumber = ""
    ds.ReferringPhysicianName = ""
    ds.Manufacturer = "CNSTumor"
    ds.SoftwareVersions = __version__
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.DerivationDescription = "Written from a NIfTI volume by CNSTumor for DICOM SEG export"
    ds.PositionReferenceIndicator = ""
    ds.ScanningSequence = "RM"
    ds.SequenceVariant = "NONE"
    ds.ScanOptions = ""
    ds.MRAcquisitionType = "3D"
    ds.EchoTrainLength = None
    ds.PatientPosition = "HFS"
    return ds


def read_series(paths: Sequence[Path]) -> list[Dataset]:
    """Read a series' files (pixels included; highdicom needs them for frame references)."""
    datasets: list[Dataset] = []
    for path in paths:
        try:
            datasets.append(pydicom.dcmread(path))
        except Exception as error:  # pydicom raises several types for corrupt files
            raise InvalidSeriesError(f"not a readable DICOM file: {error}", path) from None
    return datasets


def geometry_from_datasets(datasets: Sequence[Dataset]) -> tuple[list[Dataset], sitk.Image]:
    """The series sorted along its slice normal, and an empty image with its exact grid.

    Frame k of a mask on the returned grid belongs to the k-th returned dataset.
    """
    if not datasets:
        raise InvalidSeriesError("the DICOM series has no images")
    orientation = np.array(datasets[0].ImageOrientationPatient, dtype=float)
    row, col = orientation[:3], orientation[3:]
    normal = np.cross(row, col)
    ordered = sorted(
        datasets,
        key=lambda ds: float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float))),
    )
    positions = [
        float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float))) for ds in ordered
    ]
    gaps = np.diff(positions)
    if len(ordered) > 1 and (
        gaps.min() <= 0 or not np.allclose(gaps, gaps.mean(), rtol=1e-3, atol=1e-3)
    ):
        raise InvalidSeriesError(
            "the DICOM series' slices are duplicated or unevenly spaced (R-DATA-2)"
        )
    first = ordered[0]
    spacing_z = (
        float(gaps.mean())
        if len(ordered) > 1
        else float(getattr(first, "SliceThickness", 1.0) or 1.0)
    )
    grid = sitk.Image([int(first.Columns), int(first.Rows), len(ordered)], sitk.sitkUInt8)
    grid.SetOrigin(tuple(float(v) for v in first.ImagePositionPatient))
    grid.SetSpacing((float(first.PixelSpacing[1]), float(first.PixelSpacing[0]), spacing_z))
    grid.SetDirection(tuple(float(v) for v in np.column_stack([row, col, normal]).ravel()))
    return ordered, grid
