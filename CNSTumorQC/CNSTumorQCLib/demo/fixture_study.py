"""Write NIfTI volumes as a classic single-frame DICOM MR study (a FIXTURE for the demo and tests).

The bundled case has no DICOM (SampleData/TCGA-FG-6692 is NIfTI), yet de-identification
(R-DATA-1) and QC run on DICOM. This fixture turns each volume into one MR Image Storage
series with the project's one MR-series writer (``CNSTumorQCLib.dicom.writer.write_mr_series``:
one file per slice, Explicit VR Little Endian), with:

* geometry from the volume (read with SimpleITK): ImageOrientationPatient from the first two
  columns of the direction matrix, ImagePositionPatient of slice ``k`` = origin +
  ``k * spacing_z * direction[:, 2]``, PixelSpacing (row, column), SliceThickness from the
  protocol and SpacingBetweenSlices from the volume;
* acquisition headers MODELLED ON REAL SIEMENS HEADERS (``mr_protocols.SIEMENS_PROTOCOLS``);
* an INVENTED patient identity (``mr_protocols.SyntheticIdentity``) so that de-identification
  has something to remove. A ``FIXTURE.md`` beside the series and ImageComments say so.

A left-handed volume (direction determinant -1, as the TCGA NIfTI files are) keeps its physical
voxel positions; DICOM readers, which stack slices along ``row x column``, return it with the
slice axis reversed: the same image in physical space.

All series share one StudyInstanceUID and one FrameOfReferenceUID (the NIfTI volumes were
converted from one session). UIDs are new; pass ``uid_seed`` to make them reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import SimpleITK as sitk
from pydicom.dataset import Dataset
from pydicom.uid import MRImageStorage, generate_uid

from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.demo.mr_protocols import (
    FIXTURE_NOTE,
    MR_PROTOCOL_TABLE_VERSION,
    SIEMENS_PROTOCOLS,
    ScannerModel,
    SeriesProtocol,
    SyntheticIdentity,
)
from CNSTumorQCLib.dicom.writer import write_mr_series
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.sequences import MRSequence

#: pydicom's registered root, so seeded UIDs are valid and reproducible.
_UID_PREFIX = "1.2.826.0.1.3680043.8.498."


def write_case_as_dicom_study(
    volumes: Mapping[MRSequence, Path],
    out_dir: Path,
    patient: SyntheticIdentity | None = None,
    *,
    scanner: ScannerModel | None = None,
    protocols: Mapping[MRSequence, SeriesProtocol] | None = None,
    uid_seed: str | None = None,
) -> dict[MRSequence, list[Path]]:
    """Write each volume as one DICOM MR series under ``out_dir``; return the files per sequence.

    ``volumes`` maps a sequence to a NIfTI (or any SimpleITK-readable scalar 3D) file. A
    sequence without a protocol in ``protocols`` (default: the Siemens table) is refused.
    """
    patient = patient or SyntheticIdentity()
    scanner = scanner or ScannerModel()
    protocols = protocols or SIEMENS_PROTOCOLS
    out_dir = Path(out_dir)
    uids = _UidFactory(uid_seed)
    study_uid = uids.make("study")
    frame_of_reference_uid = uids.make("frame-of-reference")
    written: dict[MRSequence, list[Path]] = {}
    for sequence, path in volumes.items():
        if sequence not in protocols:
            raise InvalidInputError(
                tr("no acquisition protocol for sequence {sequence}", sequence=sequence.value), path
            )
        image = _read_volume(Path(path))
        protocol = protocols[sequence]
        series_dir = out_dir / f"{protocol.series_number:02d}_{protocol.series_description}"
        base = _series_dataset(patient, scanner, protocol)
        base.StudyInstanceUID = study_uid
        base.FrameOfReferenceUID = frame_of_reference_uid
        base.SeriesInstanceUID = uids.make(f"series-{sequence.value}")
        written[sequence] = write_mr_series(
            image,
            series_dir,
            base,
            instance_uid=lambda k, seq=sequence.value: uids.make(f"instance-{seq}-{k}"),
        )
    write_text_atomic(out_dir / "FIXTURE.md", _fixture_markdown(volumes))
    return written


def write_sample_case_study(
    out_dir: Path, uid_seed: str = "TCGA-FG-6692-demo"
) -> dict[MRSequence, list[Path]]:
    """Write the bundled case's T1, T1C, T2 and FLAIR as the demo DICOM study (reproducible UIDs)."""
    native = sample_data_dir() / "native"
    sequences = (MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR)
    volumes = {sequence: native / f"{sequence.value}.nii.gz" for sequence in sequences}
    return write_case_as_dicom_study(volumes, Path(out_dir), uid_seed=uid_seed)


def _read_volume(path: Path) -> sitk.Image:
    if not path.is_file():
        raise MissingInputError(tr("volume file not found"), path)
    try:
        image = sitk.ReadImage(str(path))
    except RuntimeError as error:
        raise InvalidInputError(tr("cannot read the volume: {error}", error=error), path) from error
    if image.GetDimension() != 3 or image.GetNumberOfComponentsPerPixel() != 1:
        raise InvalidInputError(tr("expected a scalar 3D volume"), path)
    return image


class _UidFactory:
    """New UIDs: random, or derived from ``seed`` and a name so a rerun writes the same study."""

    def __init__(self, seed: str | None) -> None:
        self._seed = seed

    def make(self, name: str) -> str:
        if self._seed is None:
            return str(generate_uid())
        return str(generate_uid(prefix=_UID_PREFIX, entropy_srcs=[self._seed, "|", name]))


def _series_dataset(
    patient: SyntheticIdentity, scanner: ScannerModel, protocol: SeriesProtocol
) -> Dataset:
    """The attributes shared by every slice of a series (patient, study, equipment, protocol)."""
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "ND", "NORM"]
    ds.SOPClassUID = MRImageStorage
    ds.Modality = "MR"
    _set_identity(ds, patient)
    _set_equipment(ds, scanner, patient)
    _set_protocol(ds, protocol, scanner)
    ds.ImageComments = FIXTURE_NOTE
    ds.PatientIdentityRemoved = "NO"
    ds.BurnedInAnnotation = "NO"
    return ds


def _set_identity(ds: Dataset, patient: SyntheticIdentity) -> None:
    """The invented identifying values (what de-identification must remove)."""
    ds.PatientName = patient.patient_name
    ds.PatientID = patient.patient_id
    ds.PatientBirthDate = patient.patient_birth_date
    ds.PatientSex = patient.patient_sex
    ds.PatientAge = patient.patient_age
    ds.PatientWeight = f"{patient.patient_weight_kg:g}"
    ds.OtherPatientIDs = patient.other_patient_ids
    ds.PatientAddress = patient.patient_address
    ds.AccessionNumber = patient.accession_number
    ds.StudyID = patient.study_id
    ds.StudyDate = ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = patient.study_date
    ds.StudyTime = patient.study_time
    ds.StudyDescription = patient.study_description
    ds.ReferringPhysicianName = patient.referring_physician
    ds.PerformingPhysicianName = patient.performing_physician
    ds.OperatorsName = patient.operator_name
    ds.InstitutionName = patient.institution_name
    ds.InstitutionAddress = patient.institution_address
    ds.InstitutionalDepartmentName = patient.institutional_department


def _set_equipment(ds: Dataset, scanner: ScannerModel, patient: SyntheticIdentity) -> None:
    ds.Manufacturer = scanner.manufacturer
    ds.ManufacturerModelName = scanner.model_name
    ds.SoftwareVersions = scanner.software_versions
    ds.MagneticFieldStrength = f"{scanner.field_strength_t:g}"
    ds.ImagingFrequency = f"{scanner.imaging_frequency_mhz:.6f}"
    ds.TransmitCoilName = scanner.transmit_coil
    ds.ReceiveCoilName = scanner.receive_coil
    ds.StationName = patient.station_name
    ds.DeviceSerialNumber = patient.device_serial_number


def _set_protocol(ds: Dataset, protocol: SeriesProtocol, scanner: ScannerModel) -> None:
    """The tags sequence identification reads (R-ACQ-1..6)."""
    ds.SeriesNumber = protocol.series_number
    ds.SeriesDescription = protocol.series_description
    ds.ProtocolName = protocol.series_description
    ds.SequenceName = protocol.sequence_name
    ds.ScanningSequence = list(protocol.scanning_sequence)
    ds.SequenceVariant = list(protocol.sequence_variant)
    ds.ScanOptions = list(protocol.scan_options)
    ds.MRAcquisitionType = "2D"
    ds.AngioFlag = "N"
    ds.RepetitionTime = f"{protocol.repetition_time_ms:g}"
    ds.EchoTime = f"{protocol.echo_time_ms:g}"
    if protocol.inversion_time_ms is not None:
        ds.InversionTime = f"{protocol.inversion_time_ms:g}"
    ds.EchoTrainLength = protocol.echo_train_length
    ds.EchoNumbers = 1
    ds.NumberOfAverages = "1"
    ds.FlipAngle = f"{protocol.flip_angle_deg:g}"
    ds.ImagedNucleus = "1H"
    ds.SliceThickness = f"{protocol.slice_thickness_mm:g}"
    ds.PatientPosition = "HFS"
    ds.BodyPartExamined = "BRAIN"
    ds.InPlanePhaseEncodingDirection = "ROW"
    if protocol.contrast_bolus_agent is not None:
        ds.ContrastBolusAgent = protocol.contrast_bolus_agent
        ds.ContrastBolusRoute = protocol.contrast_bolus_route or ""
        if protocol.contrast_bolus_volume_ml is not None:
            ds.ContrastBolusVolume = f"{protocol.contrast_bolus_volume_ml:g}"


def _fixture_markdown(volumes: Mapping[MRSequence, Path]) -> str:
    lines = [
        "# Fixture DICOM study (not a clinical original)",
        "",
        FIXTURE_NOTE + ".",
        "",
        f"Header table: `{MR_PROTOCOL_TABLE_VERSION}` (CNSTumorQCLib/demo/mr_protocols.py).",
        "Voxels, spacing, origin and direction come from these volumes:",
        "",
    ]
    lines += [f"- {sequence.value}: `{Path(path).name}`" for sequence, path in volumes.items()]
    lines += [
        "",
        "The patient name, IDs, dates, institution, physicians and accession number are",
        "invented so that de-identification (R-DATA-1) has something to remove.",
        "",
    ]
    return "\n".join(lines)
