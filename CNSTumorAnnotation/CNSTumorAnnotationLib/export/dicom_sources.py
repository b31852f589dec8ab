"""DICOM MR series for DICOM SEG export: the source images a SEG must reference.

A case imported from DICOM keeps its source files (``case.json`` ``dicom_files``); a case
imported from NIfTI has none, so the export writes its reference volume as a minimal,
standard MR Image Storage series (one file per slice, written by the project's one MR-series
writer, ``CNSTumorQCLib.dicom.writer.write_mr_series``), with deterministic UIDs derived from
the case and the volume's checksum so that a re-export references the same series.

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
from pydicom.dataset import Dataset
from pydicom.uid import MRImageStorage, generate_uid

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.dicom.writer import write_mr_series as write_dicom_mr_series
from CNSTumorQCLib.errors import InvalidInputError, InvalidSeriesError
from CNSTumorQCLib.version import __version__

#: UID root of uids generated here (pydicom's root; entropy makes them deterministic).
_UID_ENTROPY_PREFIX = "cnstumor-export"
#: Slice file names of a written source series (0001.dcm, 0002.dcm, ...).
_FILE_NAME = "{number:04d}.dcm"


def deterministic_uid(*parts: str) -> str:
    """A UID that is the same for the same ``parts`` (pydicom ``generate_uid`` with entropy)."""
    return str(generate_uid(entropy_srcs=[_UID_ENTROPY_PREFIX, *parts]))


def person_name(text: str) -> str:
    """A DICOM PN value: an identifier or login has one component, marked by a trailing ``^``."""
    text = str(text).strip()[:60]
    return text if "^" in text else f"{text}^"


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
    content_date: str | None = None,
) -> list[Path]:
    """Write ``image`` (any orientation) as one MR Image Storage file per slice; return the paths.

    The identity and series attributes are this export's (a derived series, no invented
    acquisition headers); the slices are written by the project's one MR-series writer.
    ``content_date`` (YYYYMMDD) is the study, series and content date; default today. Exports
    pass the annotation version's date so that the same input gives the same bytes.
    """
    if image.GetDimension() != 3:
        raise InvalidSeriesError(tr("only 3D volumes can be written as a DICOM series"))
    today = content_date or _dt.date.today().strftime("%Y%m%d")
    base = _base_dataset(patient_id, patient_name, study_uid, series_uid, today)
    base.FrameOfReferenceUID = frame_of_reference_uid
    base.SeriesNumber = series_number
    base.SeriesDescription = series_description[:64]
    try:
        return write_dicom_mr_series(
            image,
            out_dir,
            base,
            instance_uid=lambda k: deterministic_uid(series_uid, str(k)),
            file_name=_FILE_NAME,
        )
    except InvalidInputError as error:
        raise InvalidSeriesError(error.problem, error.path) from None


def _base_dataset(
    patient_id: str, patient_name: str, study_uid: str, series_uid: str, today: str
) -> Dataset:
    ds = Dataset()
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
            raise InvalidSeriesError(
                tr("not a readable DICOM file: {error}", error=error), path
            ) from None
    return datasets


def geometry_from_datasets(datasets: Sequence[Dataset]) -> tuple[list[Dataset], sitk.Image]:
    """The series sorted along its slice normal, and an empty image with its exact grid.

    Frame k of a mask on the returned grid belongs to the k-th returned dataset.
    """
    if not datasets:
        raise InvalidSeriesError(tr("the DICOM series has no images"))
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
            tr("the DICOM series' slices are duplicated or unevenly spaced (R-DATA-2)")
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
