"""Siemens MR acquisition headers for the demo DICOM study, as a versioned table (a fixture).

The bundled case (TCGA-LGG TCGA-FG-6692, see ``SampleData/TCGA-FG-6692/SOURCE.md``) is shipped
as NIfTI only. To run de-identification and QC on a DICOM study, ``fixture_study`` writes it out
as DICOM with the headers below. They are MODELLED ON REAL SIEMENS HEADERS in ``../shared/data``
(``dicom2nifti_testdata/siemens`` TrioTim SE/IR: ScanningSequence ``SE\\IR``, SequenceVariant
``SK\\SP\\MP``, TR 6000 / TE 394 / TI 2200; ``nibabel_dicom`` TrioTim syngo MR B17:
ImageType ``ORIGINAL\\PRIMARY\\...\\ND``, ScanOptions, ImagedNucleus ``1H``, 16-bit
allocated / 12-bit stored pixels) and on the TCGA series names of this patient
(``T1_AX_SE``, ``MRHR_T1_AX_POST_GAD_SE``, ``MRHR_T2_AX_SE`` with sequence ``tse2d1_11``,
``MRHR_FLAIR_AX_SE_IR`` with sequence ``tir2d1_21``). TR/TE/TI are typical 1.5 T clinical
values for those sequence types, not the values of the original acquisition (unknown here).

The patient identity (:class:`SyntheticIdentity`) is INVENTED: it exists so that
de-identification has something to remove and its tests something to look for.
"""

from __future__ import annotations

from dataclasses import dataclass

from CNSTumorQCLib.sequences import MRSequence

#: Stamped into every fixture study (ImageComments) and into ``FIXTURE.md``.
MR_PROTOCOL_TABLE_VERSION = "cnstumor-demo-siemens-protocols-1"

FIXTURE_NOTE = (
    "FIXTURE: pixels from TCGA-LGG TCGA-FG-6692 (TCIA, CC BY 3.0, via BrainLesion tutorials); "
    "headers modelled on real Siemens headers in shared/data; patient identity invented"
)


@dataclass(frozen=True)
class ScannerModel:
    """The scanner the fixture pretends to be (Siemens 1.5 T, syngo MR B17 era, as nibabel_dicom)."""

    manufacturer: str = "SIEMENS"
    model_name: str = "Avanto"
    software_versions: str = "syngo MR B17"
    field_strength_t: float = 1.5
    imaging_frequency_mhz: float = 63.676
    transmit_coil: str = "Body"
    receive_coil: str = "HeadMatrix"


@dataclass(frozen=True)
class SeriesProtocol:
    """The acquisition attributes of one series (the ones sequence identification reads)."""

    series_number: int
    series_description: str
    sequence_name: str
    scanning_sequence: tuple[str, ...]
    sequence_variant: tuple[str, ...]
    scan_options: tuple[str, ...]
    repetition_time_ms: float
    echo_time_ms: float
    inversion_time_ms: float | None
    flip_angle_deg: float
    echo_train_length: int
    slice_thickness_mm: float
    contrast_bolus_agent: str | None = None
    contrast_bolus_route: str | None = None
    contrast_bolus_volume_ml: float | None = None


#: The four TCGA-FG-6692 series (SOURCE.md): 2D axial spin-echo family, 5 mm slices with a
#: 0.5 mm gap (spacing 5.5 mm as in the NIfTI), so the gap rule R-ACQ-6 has a value to check.
SIEMENS_PROTOCOLS: dict[MRSequence, SeriesProtocol] = {
    MRSequence.T1: SeriesProtocol(
        series_number=3,
        series_description="T1_AX_SE",
        sequence_name="*se2d1",
        scanning_sequence=("SE",),
        sequence_variant=("SP", "OSP"),
        scan_options=("SAT1",),
        repetition_time_ms=500.0,
        echo_time_ms=12.0,
        inversion_time_ms=None,
        flip_angle_deg=90.0,
        echo_train_length=1,
        slice_thickness_mm=5.0,
    ),
    MRSequence.T1C: SeriesProtocol(
        series_number=7,
        series_description="MRHR_T1_AX_POST_GAD_SE",
        sequence_name="*se2d1",
        scanning_sequence=("SE",),
        sequence_variant=("SP", "OSP"),
        scan_options=("SAT1",),
        repetition_time_ms=500.0,
        echo_time_ms=12.0,
        inversion_time_ms=None,
        flip_angle_deg=90.0,
        echo_train_length=1,
        slice_thickness_mm=5.0,
        contrast_bolus_agent="MAGNEVIST",
        contrast_bolus_route="IV",
        contrast_bolus_volume_ml=15.0,
    ),
    MRSequence.T2: SeriesProtocol(
        series_number=4,
        series_description="MRHR_T2_AX_SE",
        sequence_name="*tse2d1_11",
        scanning_sequence=("SE",),
        sequence_variant=("SK", "SP", "OSP"),
        scan_options=("SAT1", "FS"),
        repetition_time_ms=4000.0,
        echo_time_ms=96.0,
        inversion_time_ms=None,
        flip_angle_deg=150.0,
        echo_train_length=11,
        slice_thickness_mm=5.0,
    ),
    MRSequence.FLAIR: SeriesProtocol(
        series_number=5,
        series_description="MRHR_FLAIR_AX_SE_IR",
        sequence_name="*tir2d1_21",
        scanning_sequence=("SE", "IR"),
        sequence_variant=("SK", "SP", "MP", "OSP"),
        scan_options=("IR",),
        repetition_time_ms=9000.0,
        echo_time_ms=105.0,
        inversion_time_ms=2500.0,
        flip_angle_deg=150.0,
        echo_train_length=21,
        slice_thickness_mm=5.0,
    ),
}


@dataclass(frozen=True)
class SyntheticIdentity:
    """An INVENTED patient, study and site written into the fixture so de-identification is tested.

    Every value is distinctive (no real person, no real hospital) so a raw byte search of a
    de-identified copy can prove that none of them survived.
    """

    patient_name: str = "ZHANGSAN^WEIMING"
    patient_id: str = "CNSFIX0042817"
    patient_birth_date: str = "19650412"
    patient_sex: str = "M"
    patient_age: str = "046Y"
    patient_weight_kg: float = 72.0
    other_patient_ids: str = "OPID9981234"
    patient_address: str = "12 Fictional Road, Example City"
    institution_name: str = "Example Provincial Fixture Hospital"
    institution_address: str = "1 Nowhere Avenue, Fixtureville"
    institutional_department: str = "Fixture Neuroradiology"
    referring_physician: str = "LIFAKE^HUA"
    performing_physician: str = "WANGFAKE^FANG"
    operator_name: str = "ZHAOFAKE^TECH"
    accession_number: str = "ACC7731029"
    study_id: str = "STU55102"
    study_date: str = "20111103"
    study_time: str = "093512"
    study_description: str = "MRI BRAIN WITH AND WITHOUT CONTRAST"
    station_name: str = "MRCFIX401"
    device_serial_number: str = "FIX40012"
