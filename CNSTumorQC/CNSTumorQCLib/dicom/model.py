"""The DICOM index's data model: one image plane, one 3D stack, one series, one index.

Every attribute the QC needs is read once, from the header only, into frozen dataclasses, so that
identification, rules and integrity checks never re-open a file. The table below lists the DICOM
attributes read and why (in the style of Slicer's ``DICOMScalarVolumePlugin`` tag table).

=====================================  ===========  ==============================================
attribute (tag)                        field        used for
=====================================  ===========  ==============================================
SOPClassUID (0008,0016)                sop_class    image vs non-image objects, enhanced MF
TransferSyntaxUID (0002,0010)          transfer_... R-DATA-2 lossless transfer
LossyImageCompression (0028,2110)      lossy_...    R-DATA-2 never lossy-compressed
Modality (0008,0060)                   modality     MR only
PatientID / StudyInstanceUID /         ...          grouping by patient, study, series
SeriesInstanceUID / SeriesNumber
SeriesDescription / ProtocolName       ...          identification (words; not trustworthy alone)
ImageType (0008,0008) / FrameType      image_type   ADC, TRACEW, DIFFUSION, LOCALIZER, derived maps
AcquisitionContrast (0008,9209)        acq_contr... enhanced MR: the scanner's own T1/T2/FLAIR word
ScanningSequence / SequenceVariant /   ...          T1 / T2 / FLAIR / DWI physics (R-ACQ-1..5);
ScanOptions / SequenceName /                        enhanced MF: EchoPulseSequence,
PulseSequenceName                                   InversionRecovery, EchoPlanarPulseSequence
RepetitionTime / EchoTime /            tr/te/ti     contrast weighting (T1, T2, FLAIR)
InversionTime / FlipAngle
ContrastBolusAgent (0018,0010) and     contrast_... T1 after gadolinium (R-ACQ-5)
Route / Volume / StartTime
MRAcquisitionType (0018,0023)          mr_acq...    2D / 3D (R-ACQ-4, R-ACQ-6)
SliceThickness / SpacingBetweenSlices  ...          R-ACQ-6 thickness and gap
PixelSpacing / Rows / Columns /        ...          R-DATA-2 per-slice constants
BitsAllocated
ImagePositionPatient (0020,0032)       position     sorting, spacing, gaps, missing slices
ImageOrientationPatient (0020,0037)    orientation  plane (R-ACQ-2, R-ACQ-4), sub-series split
InstanceNumber / AcquisitionNumber /   ...          misordering, sub-series split
TemporalPositionIdentifier / Echo
DiffusionBValue (0018,9087) + vendor   b_value      R-ACQ-4 b = 800 / 1000 (see bvalues.py)
DiffusionGradientOrientation           gradient     splitting diffusion volumes
ImagesInAcquisition (0020,1002)        images_...   missing images
PixelData (7FE0,0010) offset/length    pixel_data   truncated files (header-only check)
EchoTrainLength (0018,0091) and        echo_train.. EPI factor / turbo factor: an EPI without
Philips EPI factor (2001,1013)         epi_factor   diffusion is a field map, BOLD or ASL (R-ACQ-7)
InPlanePhaseEncodingDirection          phase_enc... field-map pairs; recorded (R-DATA-3)
ComplexImageComponent (0008,9208)      complex_...  phase / real / imaginary images are OTHER
MagneticFieldStrength / Manufacturer-  field_str... acquisition parameters recorded (R-DATA-3)
ModelName / AcquisitionMatrix
SeriesDate / SeriesTime /              ...          T1C acquired after T1 (R-ACQ-5)
AcquisitionDate / AcquisitionDateTime
=====================================  ===========  ==============================================
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from CNSTumorQCLib.findings import Finding

Vector3 = tuple[float, float, float]
Orientation = tuple[float, float, float, float, float, float]


class PixelDataStatus(enum.Enum):
    """What the header-only read saw of the pixel data element. Names are a file format."""

    PRESENT = "present"  # native pixel data, complete
    ENCAPSULATED = "encapsulated"  # compressed fragments (length undefined)
    TRUNCATED = "truncated"  # the file ends before the declared pixel data length
    ABSENT = "absent"  # no pixel data element found


@dataclass(frozen=True)
class DicomInstance:
    """One image plane: a classic single-frame file, or one frame of an enhanced multi-frame file."""

    path: str
    frame: int | None  # 1-based frame number in an enhanced multi-frame file, None for classic
    sop_instance_uid: str
    sop_class_uid: str
    transfer_syntax_uid: str
    modality: str
    patient_id: str
    study_instance_uid: str
    series_instance_uid: str
    series_number: int | None
    manufacturer: str
    series_description: str
    protocol_name: str
    image_type: tuple[str, ...]
    scanning_sequence: tuple[str, ...]
    sequence_variant: tuple[str, ...]
    scan_options: tuple[str, ...]
    sequence_name: str
    mr_acquisition_type: str
    repetition_time: float | None
    echo_time: float | None
    inversion_time: float | None
    flip_angle: float | None
    echo_number: int | None
    contrast_agent: str | None  # None when the attribute is absent, "" when present but empty
    contrast_route: str
    slice_thickness: float | None
    spacing_between_slices: float | None
    pixel_spacing: tuple[float, float] | None
    rows: int | None
    columns: int | None
    bits_allocated: int | None
    position: Vector3 | None
    orientation: Orientation | None
    instance_number: int | None
    acquisition_number: int | None
    temporal_position: int | None
    b_value: float | None
    b_value_source: str
    gradient: Vector3 | None
    lossy_compression: str
    images_in_acquisition: int | None
    acquisition_time: str
    number_of_frames: int
    pixel_data: PixelDataStatus
    acquisition_contrast: str = ""  # enhanced MR (0008,9209): T1, T2, FLAIR, DIFFUSION ...
    rescale_slope: float = 1.0
    rescale_intercept: float = 0.0
    echo_train_length: int | None = None
    epi_factor: int | None = (
        None  # Philips (2001,1013): > 1 for EPI (EchoTrainLength is the TSE factor too)
    )
    phase_encoding_direction: str = ""  # ROW / COL
    complex_component: str = ""  # enhanced MR (0008,9208): MAGNITUDE, PHASE, REAL, IMAGINARY
    field_strength_t: float | None = None
    model_name: str = ""
    acquisition_matrix: tuple[
        int, ...
    ] = ()  # (0018,1310): freq rows, freq cols, phase rows, phase cols
    acquisition_date: str = (
        ""  # YYYYMMDD: AcquisitionDate, else SeriesDate, else of AcquisitionDateTime
    )
    series_time: str = ""

    @property
    def is_multiframe(self) -> bool:
        return self.frame is not None

    @property
    def label(self) -> str:
        """The file, with the frame number for enhanced multi-frame objects."""
        return self.path if self.frame is None else f"{self.path}#frame{self.frame}"


@dataclass(frozen=True)
class Stack:
    """One 3D volume of a series (a sub-series), image planes sorted along the slice normal."""

    key: tuple[object, ...]
    label: str
    instances: tuple[DicomInstance, ...]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(instance.path for instance in self.instances))


@dataclass(frozen=True)
class Series:
    """All image planes sharing a SeriesInstanceUID, split into 3D stacks."""

    patient_id: str
    study_instance_uid: str
    series_instance_uid: str
    series_number: int | None
    modality: str
    description: str
    instances: tuple[DicomInstance, ...]
    stacks: tuple[Stack, ...]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(instance.path for instance in self.instances))

    @property
    def first(self) -> DicomInstance:
        return self.instances[0]


@dataclass(frozen=True)
class DicomIndex:
    """The result of indexing a folder: series, and findings about files that were skipped."""

    root: str
    series: tuple[Series, ...]
    findings: tuple[Finding, ...] = ()
    files_seen: int = 0
    files_indexed: int = 0
    parameters: dict[str, object] = field(default_factory=dict)

    def studies(self) -> dict[tuple[str, str], tuple[Series, ...]]:
        """Series grouped by (PatientID, StudyInstanceUID), in index order."""
        grouped: dict[tuple[str, str], list[Series]] = {}
        for series in self.series:
            grouped.setdefault((series.patient_id, series.study_instance_uid), []).append(series)
        return {key: tuple(value) for key, value in grouped.items()}
