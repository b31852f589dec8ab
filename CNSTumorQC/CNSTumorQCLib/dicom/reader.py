"""One file to image planes: classic single-frame and enhanced multi-frame headers.

Enhanced multi-frame objects keep per-frame values (position, orientation, b-value, echo time,
frame type) in the Per-frame and Shared Functional Groups Sequences; each frame becomes one
``DicomInstance`` with the same fields as a classic file, so that the rest of the QC sees one model.
Enhanced objects have no ScanningSequence: it is derived from EchoPulseSequence, InversionRecovery
and EchoPlanarPulseSequence (SE / GR / IR / EP), as the classic attribute would have said.

Speed: the files of a series repeat most of their header, so on the header walk's path
the series-wide fields and the b-value are computed once per distinct set of raw elements
(:func:`_raw_key`), and value conversions are cached on the decoded text. Results are the same
as reading every file afresh (tests compare with pydicom's reader, in any reading order).
"""

from __future__ import annotations

import functools
from typing import Any

from pydicom.charset import python_encoding
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.tag import Tag

from CNSTumorQCLib.dicom.bvalues import (
    BVALUE_PRIVATE_TAGS,
    _as_float,
    _creator,
    b_value_from_dataset,
)
from CNSTumorQCLib.dicom.fastscan import RawItem, Value, decodable, decode_value, scan_header
from CNSTumorQCLib.dicom.header import HeaderBytes, parse_header, read_header_bytes
from CNSTumorQCLib.dicom.model import DicomInstance

_KEYWORDS = (
    "SpecificCharacterSet ImageType SOPClassUID SOPInstanceUID Modality Manufacturer "
    "SeriesDescription ProtocolName AcquisitionTime PatientID StudyInstanceUID SeriesInstanceUID "
    "SeriesNumber ContrastBolusAgent ContrastBolusRoute ScanningSequence SequenceVariant "
    "ScanOptions MRAcquisitionType SequenceName SliceThickness RepetitionTime EchoTime "
    "InversionTime EchoNumbers SpacingBetweenSlices FlipAngle DiffusionBValue "
    "DiffusionGradientOrientation PulseSequenceName EchoPulseSequence InversionRecovery "
    "EchoPlanarPulseSequence AcquisitionNumber InstanceNumber ImagePositionPatient "
    "ImageOrientationPatient TemporalPositionIdentifier ImagesInAcquisition NumberOfFrames Rows "
    "Columns PixelSpacing BitsAllocated LossyImageCompression RescaleSlope RescaleIntercept "
    "AcquisitionContrast SharedFunctionalGroupsSequence PerFrameFunctionalGroupsSequence "
    "EchoTrainLength InPlanePhaseEncodingDirection ComplexImageComponent MagneticFieldStrength "
    "ManufacturerModelName AcquisitionMatrix SeriesDate SeriesTime AcquisitionDate "
    "AcquisitionDateTime"
).split()

#: The tags parsed from each header (everything else is skipped by pydicom's reader).
#: Philips' EPI factor, (2001,1013) under the creator "Philips Imaging DD 001" (read with the b-value's).
PHILIPS_EPI_FACTOR = 0x20011013

SPECIFIC_TAGS: list[int] = (
    [int(Tag(k)) for k in _KEYWORDS] + list(BVALUE_PRIVATE_TAGS) + [PHILIPS_EPI_FACTOR]
)

#: The largest tag a classic header needs (Philips' private b-value); parsing stops after it.
LAST_TAG = max(t for t in SPECIFIC_TAGS if t < 0x52000000)

WANTED = frozenset(SPECIFIC_TAGS)

IMAGE_STORAGE_PREFIX = "1.2.840.10008.5.1.4.1.1."
DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10"


@functools.cache
def _tag(keyword: str) -> int:
    return int(Tag(keyword))


_TEXT_VRS = frozenset({"LO", "SH", "LT", "ST", "UT", "UC"})

#: Tags that :func:`_common` reads, besides the per-file SOPInstanceUID.
_COMMON_TAGS = tuple(
    int(Tag(k))
    for k in (
        "SpecificCharacterSet SOPClassUID Modality PatientID StudyInstanceUID SeriesInstanceUID "
        "SeriesNumber Manufacturer SeriesDescription ProtocolName SequenceVariant ScanOptions "
        "SequenceName PulseSequenceName MRAcquisitionType ContrastBolusAgent ContrastBolusRoute "
        "Rows Columns BitsAllocated LossyImageCompression ImagesInAcquisition AcquisitionTime "
        "NumberOfFrames EchoTrainLength InPlanePhaseEncodingDirection ComplexImageComponent "
        "MagneticFieldStrength ManufacturerModelName AcquisitionMatrix SeriesDate SeriesTime "
        "AcquisitionDate AcquisitionDateTime"
    ).split()
) + (0x20010010, PHILIPS_EPI_FACTOR)
#: Tags that :func:`b_value_from_dataset` reads (private creators included).
_BVALUE_TAGS = (0x00189087, *BVALUE_PRIVATE_TAGS)
#: Memo size: enough for the distinct headers of a large folder, bounded for memory.
MEMO_ENTRIES = 4096

RawKey = tuple[Any, ...]
_COMMON_MEMO: dict[RawKey, dict[str, Any]] = {}
_BVALUE_MEMO: dict[RawKey, tuple[float | None, str]] = {}


def _raw_key(elements: dict[Any, Any], tags: tuple[int, ...]) -> RawKey | None:
    """The raw bytes (and VR, encoding) of ``tags``: what a decision read from them depends on.

    The files of a series repeat most of their header; a value computed from the same raw
    elements is the same value, so it is computed once (identification per series, not per
    file). None when an element was already converted by pydicom (then nothing is memoized).
    """
    key: list[Any] = []
    encodings = set()
    for tag in tags:  # the position in the key says which tag
        raw = elements.get(tag)
        if raw is None:
            key.append(None)
        elif isinstance(raw, RawDataElement):
            key.append((raw.VR, raw.value))
            encodings.add((raw.is_implicit_VR, raw.is_little_endian))
        else:
            return None
    key.append(frozenset(encodings))
    return tuple(key)


def _memo_get(memo: dict[RawKey, Any], key: RawKey | None, compute: Any) -> Any:
    """``compute()``, remembered under ``key`` (None: not remembered); the memo stays bounded."""
    if key is None:
        return compute()
    found = memo.get(key)
    if found is None:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        found = memo[key] = compute()
    return found


def _codec(dataset: Any) -> str | None:
    """The Python codec of a single-valued SpecificCharacterSet; None for ISO 2022 code extensions."""
    raw = dataset.get_item(0x00080005)
    if raw is None:
        return python_encoding[""]
    value = raw.value if not isinstance(raw.value, bytes) else raw.value.decode("ascii", "replace")
    terms = [t.strip() for t in str(value).strip("\x00 ").split("\\")]
    if len(terms) != 1:
        return None
    return python_encoding.get(terms[0])


@functools.cache
def _dictionary_vr(tag: int) -> str:
    return dictionary_VR(tag)


@functools.lru_cache(maxsize=16384)
def _decode_text(codec: str, raw: bytes) -> str:
    """Text in a single-byte or UTF-8 character set, values trimmed (cached like decode_value)."""
    text = raw.decode(codec, "replace").rstrip("\x00 ")
    return "\\".join(part.strip() for part in text.split("\\"))


def _get(dataset: Any, keyword: str) -> Any:
    """An element's value, or None; malformed values read as absent (integrity reports them).

    ASCII and binary numeric values are decoded directly (pydicom's general conversion path is
    half of the index's time); text that depends on the character set is left to pydicom.
    """
    try:
        tag = _tag(keyword)
        if isinstance(dataset, RawItem):
            found = dataset.get(tag)
            return found.value if isinstance(found, Value) else found
        # Dataset.get_item(tag) without its tag conversion (this is the index's hottest line)
        raw = dataset._dict.get(tag)
        if raw is None:  # absent (pydicom's keyword lookup would say the same, slower)
            return None
        if isinstance(raw, RawDataElement) and raw.value is None:  # deferred read
            raw = dataset.get_item(tag)
        if isinstance(raw, RawDataElement) and raw.value is not None:
            vr = raw.VR or _dictionary_vr(tag)
            if decodable(vr):
                return decode_value(vr, raw.value, raw.is_little_endian)
            if vr in _TEXT_VRS:
                codec = _codec(dataset)
                if codec is not None:
                    return _decode_text(codec, raw.value)
        return dataset.get(keyword)
    except Exception:
        return None


def _text(dataset: Any, keyword: str) -> str:
    value = _get(dataset, keyword)
    if value is None:
        return ""
    if _is_text(value):
        return _text_of(value)
    return _text_of.__wrapped__(value)


def _is_text(value: Any) -> bool:
    """A decoded ASCII value (a string, or a tuple of strings): safe to key a cache on.

    Binary numbers are not: 0.0 and -0.0 are equal keys but print differently.
    """
    kind = type(value)
    return kind is str or (kind is tuple and bool(value) and type(value[0]) is str)


# The converters below are cached on decoded text values (see decode_value): the planes of a
# series repeat most values, and the same value objects then pickle once per batch of files.


@functools.lru_cache(maxsize=16384)
def _text_of(value: Any) -> str:
    if isinstance(value, list | tuple) or type(value).__name__ == "MultiValue":
        return "\\".join(str(v) for v in value)
    return str(value).strip()


def _multi(dataset: Any, keyword: str) -> tuple[str, ...]:
    value = _get(dataset, keyword)
    if value is None or value == "":
        return ()
    return _multi_of(value) if _is_text(value) else _multi_of.__wrapped__(value)


@functools.lru_cache(maxsize=16384)
def _multi_of(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip().upper() for part in value.split("\\") if part.strip())
    try:
        return tuple(str(v).strip().upper() for v in value if str(v).strip())
    except TypeError:
        return (str(value).strip().upper(),)


def _float(dataset: Any, keyword: str) -> float | None:
    value = _get(dataset, keyword)
    return _float_of(value) if _is_text(value) else _float_of.__wrapped__(value)


@functools.lru_cache(maxsize=16384)
def _float_of(value: Any) -> float | None:
    try:
        if value is None or value == "":
            return None
        if not isinstance(value, int | float | str) and len(value):
            value = value[0]
        return float(value)
    except (TypeError, ValueError):
        return None


def _int(dataset: Any, keyword: str) -> int | None:
    number = _float(dataset, keyword)
    return int(number) if number is not None else None


def _floats(dataset: Any, keyword: str, count: int) -> tuple[float, ...] | None:
    value = _get(dataset, keyword)
    return _floats_of(value, count) if _is_text(value) else _floats_of.__wrapped__(value, count)


@functools.lru_cache(maxsize=16384)
def _floats_of(value: Any, count: int) -> tuple[float, ...] | None:
    try:
        numbers = tuple(float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return numbers if len(numbers) == count else None


def _item(dataset: Any, sequence: str) -> Any:
    """The first item of a (functional group) sequence, or None."""
    value = _get(dataset, sequence)
    try:
        return value[0] if value else None
    except (TypeError, IndexError):
        return None


def _group(frame: Any, shared: Any, sequence: str) -> Any:
    """A functional group item: per-frame first, shared otherwise (PS3.3 C.7.6.16)."""
    item = _item(frame, sequence) if frame is not None else None
    return item if item is not None else _item(shared, sequence)


def _enhanced_scanning_sequence(dataset: Any, modifier: Any) -> tuple[str, ...]:
    """Classic ScanningSequence terms derived from enhanced MR attributes."""
    terms: list[str] = []
    pulse = _text(dataset, "EchoPulseSequence").upper()
    if _text(dataset, "EchoPlanarPulseSequence").upper() == "YES":
        terms.append("EP")
    if pulse in ("SPIN", "BOTH"):
        terms.append("SE")
    if pulse in ("GRADIENT", "BOTH"):
        terms.append("GR")
    if modifier is not None and _text(modifier, "InversionRecovery").upper() == "YES":
        terms.append("IR")
    elif _text(dataset, "InversionRecovery").upper() == "YES":
        terms.append("IR")
    return tuple(terms)


def _common(
    dataset: Dataset, path: str, header: HeaderBytes, transfer_syntax: str = ""
) -> dict[str, Any]:
    """Fields shared by every frame of the file."""
    meta = getattr(dataset, "file_meta", None)
    transfer = str(getattr(meta, "TransferSyntaxUID", "") or "") if meta is not None else ""
    transfer = transfer or transfer_syntax
    contrast = _get(dataset, "ContrastBolusAgent")
    frames = _int(dataset, "NumberOfFrames") or 1
    common: dict[str, Any] = {
        "path": path,
        "sop_instance_uid": _text(dataset, "SOPInstanceUID"),
        "sop_class_uid": _text(dataset, "SOPClassUID"),
        "transfer_syntax_uid": transfer,
        "modality": _text(dataset, "Modality").upper(),
        "patient_id": _text(dataset, "PatientID"),
        "study_instance_uid": _text(dataset, "StudyInstanceUID"),
        "series_instance_uid": _text(dataset, "SeriesInstanceUID"),
        "series_number": _int(dataset, "SeriesNumber"),
        "manufacturer": _text(dataset, "Manufacturer"),
        "series_description": _text(dataset, "SeriesDescription"),
        "protocol_name": _text(dataset, "ProtocolName"),
        "sequence_variant": _multi(dataset, "SequenceVariant"),
        "scan_options": _multi(dataset, "ScanOptions"),
        "sequence_name": _text(dataset, "SequenceName") or _text(dataset, "PulseSequenceName"),
        "mr_acquisition_type": _text(dataset, "MRAcquisitionType").upper(),
        "contrast_agent": None if contrast is None else str(contrast).strip(),
        "contrast_route": _text(dataset, "ContrastBolusRoute"),
        "rows": _int(dataset, "Rows"),
        "columns": _int(dataset, "Columns"),
        "bits_allocated": _int(dataset, "BitsAllocated"),
        "lossy_compression": _text(dataset, "LossyImageCompression"),
        "images_in_acquisition": _int(dataset, "ImagesInAcquisition"),
        "acquisition_time": _text(dataset, "AcquisitionTime"),
        "number_of_frames": frames,
        "pixel_data": header.pixel_data,
        "echo_train_length": _int(dataset, "EchoTrainLength"),
        "epi_factor": _philips_epi_factor(dataset),
        "phase_encoding_direction": _text(dataset, "InPlanePhaseEncodingDirection").upper(),
        "complex_component": _text(dataset, "ComplexImageComponent").upper(),
        "field_strength_t": _float(dataset, "MagneticFieldStrength"),
        "model_name": _text(dataset, "ManufacturerModelName"),
        "acquisition_matrix": tuple(int(v) for v in _numbers(dataset, "AcquisitionMatrix")),
        "acquisition_date": _text(dataset, "AcquisitionDate")
        or _text(dataset, "SeriesDate")
        or _text(dataset, "AcquisitionDateTime")[:8],
        "series_time": _text(dataset, "SeriesTime"),
    }
    if not common["acquisition_time"] and len(_text(dataset, "AcquisitionDateTime")) > 8:
        common["acquisition_time"] = _text(dataset, "AcquisitionDateTime")[8:]
    return common


def _numbers(dataset: Any, keyword: str) -> tuple[float, ...]:
    """All values of a numeric multi-valued element (empty when absent or malformed)."""
    value = _get(dataset, keyword)
    if value is None or value == "":
        return ()
    try:
        values = [value] if isinstance(value, int | float | str) else list(value)
        return tuple(float(v) for v in values)
    except (TypeError, ValueError):
        return ()


def _philips_epi_factor(dataset: Any) -> int | None:
    """Philips' EPI factor (2001,1013), when the private creator of group 2001 is Philips."""
    try:
        element = dataset.get(PHILIPS_EPI_FACTOR)
        if element is None or not _creator(dataset, 0x2001, "Philips"):
            return None
        value = _as_float(element.value)
    except Exception:  # a malformed private element is no evidence, not an error
        return None
    return int(value) if value is not None else None


def _classic(
    dataset: Dataset, common: dict[str, Any], known_b_value: tuple[float | None, str] | None
) -> DicomInstance:
    b_value, source = known_b_value or b_value_from_dataset(dataset)
    spacing = _floats(dataset, "PixelSpacing", 2)
    return DicomInstance(
        frame=None,
        image_type=_multi(dataset, "ImageType"),
        acquisition_contrast=_text(dataset, "AcquisitionContrast").upper(),
        scanning_sequence=_multi(dataset, "ScanningSequence"),
        repetition_time=_float(dataset, "RepetitionTime"),
        echo_time=_float(dataset, "EchoTime"),
        inversion_time=_float(dataset, "InversionTime"),
        flip_angle=_float(dataset, "FlipAngle"),
        echo_number=_int(dataset, "EchoNumbers"),
        slice_thickness=_float(dataset, "SliceThickness"),
        spacing_between_slices=_float(dataset, "SpacingBetweenSlices"),
        pixel_spacing=(spacing[0], spacing[1]) if spacing else None,
        position=_floats(dataset, "ImagePositionPatient", 3),  # type: ignore[arg-type]
        orientation=_floats(dataset, "ImageOrientationPatient", 6),  # type: ignore[arg-type]
        instance_number=_int(dataset, "InstanceNumber"),
        acquisition_number=_int(dataset, "AcquisitionNumber"),
        temporal_position=_int(dataset, "TemporalPositionIdentifier"),
        b_value=b_value,
        b_value_source=source,
        gradient=_floats(dataset, "DiffusionGradientOrientation", 3),  # type: ignore[arg-type]
        rescale_slope=_float(dataset, "RescaleSlope") or 1.0,
        rescale_intercept=_float(dataset, "RescaleIntercept") or 0.0,
        **common,
    )


def _frame(
    dataset: Dataset,
    common: dict[str, Any],
    frame: Any,
    shared: Any,
    number: int,
    known_b_value: tuple[float | None, str] | None,
) -> DicomInstance:
    """One frame of an enhanced multi-frame object."""
    measures = _group(frame, shared, "PixelMeasuresSequence")
    orientation = _group(frame, shared, "PlaneOrientationSequence")
    position = _group(frame, shared, "PlanePositionSequence")
    timing = _group(frame, shared, "MRTimingAndRelatedParametersSequence")
    echo = _group(frame, shared, "MREchoSequence")
    modifier = _group(frame, shared, "MRModifierSequence")
    diffusion = _group(frame, shared, "MRDiffusionSequence")
    frame_type = _group(frame, shared, "MRImageFrameTypeSequence")
    content = _group(frame, shared, "FrameContentSequence")
    rescale = _group(frame, shared, "PixelValueTransformationSequence")
    b_value, source = b_value_from_dataset(diffusion) if diffusion is not None else (None, "")
    if b_value is None:
        b_value, source = known_b_value or b_value_from_dataset(dataset)
    gradient_item = _item(diffusion, "DiffusionGradientDirectionSequence") if diffusion else None
    spacing = _floats(measures, "PixelSpacing", 2) if measures is not None else None
    inversion = _float(modifier, "InversionTimes") if modifier is not None else None
    return DicomInstance(
        frame=number,
        image_type=_multi(frame_type, "FrameType") if frame_type else _multi(dataset, "ImageType"),
        acquisition_contrast=_text(
            frame_type if frame_type else dataset, "AcquisitionContrast"
        ).upper(),
        scanning_sequence=_multi(dataset, "ScanningSequence")
        or _enhanced_scanning_sequence(dataset, modifier),
        repetition_time=_float(timing, "RepetitionTime")
        if timing
        else _float(dataset, "RepetitionTime"),
        echo_time=_float(echo, "EffectiveEchoTime") if echo else _float(dataset, "EchoTime"),
        inversion_time=inversion if inversion is not None else _float(dataset, "InversionTime"),
        flip_angle=_float(timing, "FlipAngle") if timing else _float(dataset, "FlipAngle"),
        echo_number=_int(dataset, "EchoNumbers"),
        slice_thickness=_float(measures, "SliceThickness") if measures else None,
        spacing_between_slices=_float(measures, "SpacingBetweenSlices") if measures else None,
        pixel_spacing=(spacing[0], spacing[1]) if spacing else None,
        position=_floats(position, "ImagePositionPatient", 3) if position else None,  # type: ignore[arg-type]
        orientation=_floats(orientation, "ImageOrientationPatient", 6) if orientation else None,  # type: ignore[arg-type]
        instance_number=_int(content, "InStackPositionNumber") if content else None,
        acquisition_number=_int(dataset, "AcquisitionNumber"),
        temporal_position=_int(content, "TemporalPositionIndex") if content else None,
        b_value=b_value,
        b_value_source=source,
        gradient=_floats(gradient_item, "DiffusionGradientOrientation", 3)
        if gradient_item
        else None,  # type: ignore[arg-type]
        rescale_slope=(_float(rescale, "RescaleSlope") if rescale else None) or 1.0,
        rescale_intercept=(_float(rescale, "RescaleIntercept") if rescale else None) or 0.0,
        **common,
    )


def instances_from_dataset(
    dataset: Dataset,
    path: str,
    header: HeaderBytes,
    shared: Any = None,
    frames: list[Any] | None = None,
    transfer_syntax: str = "",
    elements: dict[Any, Any] | None = None,
) -> tuple[DicomInstance, ...]:
    """Image planes of a parsed header: one for a classic file, one per frame for enhanced MF.

    ``shared`` / ``frames``: the functional groups when the header walk read them (RawItem);
    otherwise they are taken from the pydicom dataset. ``elements``: the dataset's raw elements
    as the header walk left them; given, the fields that depend only on series-wide elements
    are computed once per distinct raw value (see :func:`_raw_key`).
    """
    if elements is None:
        common = _common(dataset, path, header, transfer_syntax)
        b_value: tuple[float | None, str] | None = None
    else:  # keys first: pydicom replaces raw elements by converted ones when they are read
        common_key = _raw_key(elements, _COMMON_TAGS)
        b_key = _raw_key(elements, _BVALUE_TAGS)
        shared_part = _memo_get(
            _COMMON_MEMO,
            None if common_key is None else (transfer_syntax, common_key),
            lambda: _common(dataset, "", header, transfer_syntax),
        )
        common = {
            **shared_part,
            "path": path,
            "sop_instance_uid": _text(dataset, "SOPInstanceUID"),
            "pixel_data": header.pixel_data,
        }
        b_value = _memo_get(_BVALUE_MEMO, b_key, lambda: b_value_from_dataset(dataset))
    if frames is None:
        frames = _get(dataset, "PerFrameFunctionalGroupsSequence")
        shared = _item(dataset, "SharedFunctionalGroupsSequence")
    if not frames:
        return (_classic(dataset, common, b_value),)
    return tuple(
        _frame(dataset, common, frame, shared, number, b_value)
        for number, frame in enumerate(frames, start=1)
    )


def read_instances(path: str) -> tuple[Dataset, tuple[DicomInstance, ...]]:
    """Read the header of ``path`` and return the dataset and its image planes.

    Raises OSError (unreadable, vanished), NotDicomError, or pydicom's errors for broken headers.
    """
    header = read_header_bytes(path)
    scanned = scan_header(header.header, WANTED, LAST_TAG)
    if scanned is None:  # big endian, deflated, no preamble ...: pydicom's own reader
        dataset = parse_header(header.header, SPECIFIC_TAGS, LAST_TAG)
        return dataset, instances_from_dataset(dataset, path, header)
    instances = instances_from_dataset(
        scanned.dataset,
        path,
        header,
        scanned.shared,
        scanned.frames,
        scanned.transfer_syntax,
        scanned.elements,
    )
    return scanned.dataset, instances
