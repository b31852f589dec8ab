"""A lean walk over the top-level elements of a classic DICOM header, keeping only wanted tags.

pydicom's reader builds an element object for every element it meets, nested sequences
included; indexing thousands of files spends most of its time there (a plain
``dcmread(stop_before_pixels=True)`` loop is ~5x slower than dcm2niix). This walk only reads each
element's tag, VR and length, jumps over values it does not want (walking undefined-length
sequences item by item), and hands the wanted values to pydicom as ``RawDataElement`` objects,
so pydicom still does all value conversion (character sets included).

Written by hand for speed (bench/dicom_index.py holds it to dcm2niix's pace); it covers Part 10 files in implicit or
explicit VR little endian (native or encapsulated pixel data), classic or enhanced multi-frame (from
the functional groups it keeps only the attributes the index reads). Anything else (big endian,
deflated, no preamble, a malformed element) returns None
and the caller uses pydicom's own reader. A test checks both paths agree on every real file.
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydicom.datadict import dictionary_VR
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.tag import BaseTag, Tag

_LONG_VRS = frozenset(
    {b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"SV", b"UC", b"UN", b"UR", b"UT", b"UV"}
)
_UNDEFINED = 0xFFFFFFFF
_ITEM = 0xFFFEE000
_ITEM_END = 0xFFFEE00D
_SEQUENCE_END = 0xFFFEE0DD
_IMPLICIT_LE = "1.2.840.10008.1.2"
_UNSUPPORTED_SYNTAXES = frozenset(
    {"1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"}
)  # big endian, deflated
_PER_FRAME_TAG_LE = b"\x00\x52\x30\x92"
_SHARED = 0x52009229
_PER_FRAME = 0x52009230

#: Functional groups (and the one nested sequence) read from enhanced multi-frame headers.
NESTED_SEQUENCES = frozenset(
    int(Tag(k))
    for k in (
        "PixelMeasuresSequence PlaneOrientationSequence PlanePositionSequence "
        "MRTimingAndRelatedParametersSequence MREchoSequence MRModifierSequence MRDiffusionSequence "
        "MRImageFrameTypeSequence FrameContentSequence PixelValueTransformationSequence "
        "DiffusionGradientDirectionSequence"
    ).split()
)
#: Attributes read inside those functional groups.
NESTED_LEAVES = frozenset(
    int(Tag(k))
    for k in (
        "ImagePositionPatient ImageOrientationPatient PixelSpacing SliceThickness SpacingBetweenSlices "
        "RepetitionTime FlipAngle EffectiveEchoTime InversionRecovery InversionTimes DiffusionBValue "
        "DiffusionGradientOrientation FrameType AcquisitionContrast InStackPositionNumber "
        "TemporalPositionIndex StackID RescaleSlope RescaleIntercept"
    ).split()
)
_VR_NAMES = {
    name.encode(): name
    for name in (
        "AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI "
        "UL UN UR US UT UV"
    ).split()
}
_HEAD = struct.Struct("<HH")
_EXPLICIT = struct.Struct("<HH2sH")
_LONG = struct.Struct("<I")


class _Malformed(Exception):
    pass


class Value(NamedTuple):
    """A decoded value, with the ``.value`` attribute of a pydicom element."""

    value: Any


class RawItem(dict[int, Any]):
    """A functional-group item without pydicom objects: ``{tag: Value or list[RawItem]}``.

    Building pydicom Datasets for the ~10 groups of each of hundreds of frames costs more than
    reading them; the index only needs a few numbers from each.
    """


_ASCII_VRS = frozenset({"CS", "DS", "IS", "UI", "AS", "DA", "TM", "DT"})
_BINARY_VRS = {"FD": "d", "FL": "f", "US": "H", "UL": "I", "SS": "h", "SL": "i"}


def decodable(vr: str | None) -> bool:
    return vr in _ASCII_VRS or vr in _BINARY_VRS


@functools.lru_cache(maxsize=16384)
def decode_value(vr: str, raw: bytes, little_endian: bool = True) -> Any:
    """Decode an ASCII or binary numeric VR as pydicom would (strings for DS / IS, tuples if multi).

    Multiple values come as tuples (hashable, so that what is derived from them can be cached too).
    Cached: the files of a series repeat most values (UIDs, timings, orientation, spacing), and
    returning the same objects also lets the worker processes' results pickle as references.
    """
    if vr in _ASCII_VRS:
        parts = tuple(
            part.strip() for part in raw.decode("ascii", "replace").strip("\x00 ").split("\\")
        )
        return parts[0] if len(parts) == 1 else parts
    code = _BINARY_VRS[vr]
    size = struct.calcsize(code)
    count = len(raw) // size
    values = struct.unpack(("<" if little_endian else ">") + code * count, raw[: count * size])
    return values[0] if count == 1 else values


def _element(buf: bytes, pos: int, implicit: bool) -> tuple[int, bytes | None, int, int]:
    """(tag, VR or None, value length, value offset) of the element at ``pos``."""
    group, elem, vr, short = _EXPLICIT.unpack_from(buf, pos)
    if implicit or group == 0xFFFE:  # item tags are always implicit
        return (group << 16) | elem, None, _LONG.unpack_from(buf, pos + 4)[0], pos + 8
    if vr in _LONG_VRS:
        return (group << 16) | elem, vr, _LONG.unpack_from(buf, pos + 8)[0], pos + 12
    if not vr.isupper():
        raise _Malformed(f"bad VR at {pos}")
    return (group << 16) | elem, vr, short, pos + 8


def _skip_sequence(buf: bytes, pos: int, implicit: bool) -> int:
    """Position after an undefined-length sequence whose first item starts at ``pos``."""
    end = len(buf)
    while pos + 8 <= end:
        group, elem = _HEAD.unpack_from(buf, pos)
        tag = (group << 16) | elem
        length = _LONG.unpack_from(buf, pos + 4)[0]
        pos += 8
        if tag == _SEQUENCE_END:
            return pos
        if tag != _ITEM:
            raise _Malformed(f"expected an item at {pos - 8}")
        pos = _skip_dataset(buf, pos, implicit) if length == _UNDEFINED else pos + length
    raise _Malformed("sequence runs past the header")


def _skip_dataset(buf: bytes, pos: int, implicit: bool) -> int:
    """Position after an undefined-length item whose data set starts at ``pos``.

    The element header is decoded inline (no call per element): skipping nested private
    sequences is most of the walk on enhanced multi-frame headers.
    """
    end = len(buf)
    unpack = _EXPLICIT.unpack_from
    long_at = _LONG.unpack_from
    while pos + 8 <= end:
        group, elem, vr, short = unpack(buf, pos)
        if implicit or group == 0xFFFE:  # item tags are always implicit
            if group == 0xFFFE and elem == 0xE00D:
                return pos + 8
            length, pos, un = long_at(buf, pos + 4)[0], pos + 8, False
        elif vr in _LONG_VRS:
            length, pos, un = long_at(buf, pos + 8)[0], pos + 12, vr == b"UN"
        elif vr.isupper():
            length, pos, un = short, pos + 8, False
        else:
            raise _Malformed(f"bad VR at {pos}")
        pos = _skip_sequence(buf, pos, implicit or un) if length == _UNDEFINED else pos + length
    raise _Malformed("item runs past the header")


def _meta(buf: bytes) -> tuple[dict[int, bytes], int]:
    """File meta group 0002 (always explicit VR little endian): values and the data set offset."""
    values: dict[int, bytes] = {}
    pos = 132
    while pos + 8 <= len(buf) and buf[pos : pos + 2] == b"\x02\x00":
        tag, _, length, value = _element(buf, pos, False)
        values[tag] = buf[value : value + length]
        pos = value + length
    return values, pos


def _sequence_items(
    buf: bytes, pos: int, length: int, implicit: bool, depth: int
) -> tuple[list[RawItem], int]:
    """The items of a wanted sequence (value at ``pos``), and the position after it."""
    items: list[RawItem] = []
    end = pos + length if length != _UNDEFINED else len(buf)
    while pos + 8 <= end:
        group, elem = _HEAD.unpack_from(buf, pos)
        tag = (group << 16) | elem
        item_length = _LONG.unpack_from(buf, pos + 4)[0]
        pos += 8
        if tag == _SEQUENCE_END:
            return items, pos
        if tag != _ITEM:
            raise _Malformed(f"expected an item at {pos - 8}")
        item_end = pos + item_length if item_length != _UNDEFINED else None
        item, pos = _nested_item(buf, pos, item_end, implicit, depth)
        items.append(item)
    if length == _UNDEFINED:
        raise _Malformed("sequence runs past the header")
    return items, end


def _nested_item(
    buf: bytes, pos: int, end: int | None, implicit: bool, depth: int
) -> tuple[RawItem, int]:
    """One item's data set, keeping wanted functional-group sequences and decoded leaves only."""
    item = RawItem()
    limit = end if end is not None else len(buf)
    unpack = _EXPLICIT.unpack_from
    long_at = _LONG.unpack_from
    while pos + 8 <= limit:
        group, elem, explicit_vr, short = unpack(buf, pos)
        tag = (group << 16) | elem
        vr: bytes | None = None
        if implicit or group == 0xFFFE:  # item tags are always implicit
            if tag == _ITEM_END:
                return item, pos + 8
            length, value = long_at(buf, pos + 4)[0], pos + 8
        elif explicit_vr in _LONG_VRS:
            vr, length, value = explicit_vr, long_at(buf, pos + 8)[0], pos + 12
        elif explicit_vr.isupper():
            vr, length, value = explicit_vr, short, pos + 8
        else:
            raise _Malformed(f"bad VR at {pos}")
        if tag in NESTED_SEQUENCES and depth > 0 and vr in (None, b"SQ"):
            item[tag], pos = _sequence_items(buf, value, length, implicit, depth - 1)
            continue
        if length == _UNDEFINED:
            pos = _skip_sequence(buf, value, implicit or vr == b"UN")
            continue
        if tag in NESTED_LEAVES:
            name = (_VR_NAMES.get(vr) or vr.decode()) if vr else _dictionary_vr(tag)
            if decodable(name) and length:
                item[tag] = Value(decode_value(name, buf[value : value + length]))
        pos = value + length
    if end is None:
        raise _Malformed("item runs past the header")
    return item, limit


@functools.cache
def _dictionary_vr(tag: int) -> str:
    return dictionary_VR(tag)


@dataclass(frozen=True)
class Scanned:
    """The wanted top-level elements (a pydicom Dataset) and, for enhanced MR, the functional groups."""

    dataset: Dataset  # no file meta: the transfer syntax is given beside it
    transfer_syntax: str
    shared: RawItem | None = None
    frames: list[RawItem] | None = None
    #: The dataset's element dict as read (raw elements; pydicom converts them in place on access).
    elements: dict[BaseTag, RawDataElement] | None = None


@functools.lru_cache(maxsize=8)
def _special(wanted: frozenset[int]) -> frozenset[int]:
    """Tags the walk stops at: the wanted ones and the functional groups."""
    return wanted | {_SHARED, _PER_FRAME}


@functools.lru_cache(maxsize=8)
def _base_tags(wanted: frozenset[int]) -> dict[int, BaseTag]:
    """pydicom's tag objects for the wanted tags, made once."""
    return {tag: BaseTag(tag) for tag in wanted}


def scan_header(buf: bytes, wanted: frozenset[int], last_tag: int) -> Scanned | None:
    """The wanted top-level elements (and functional groups), or None when not supported."""
    if buf[128:132] != b"DICM":
        return None
    try:
        meta, pos = _meta(buf)
        syntax = meta.get(0x00020010, b"").decode("ascii").strip("\x00 ")
        if not syntax or syntax in _UNSUPPORTED_SYNTAXES:
            return None
        implicit = syntax == _IMPLICIT_LE
        limit = _PER_FRAME if _PER_FRAME_TAG_LE in buf else last_tag
        special, base_tags = _special(wanted), _base_tags(wanted)
        elements: dict[BaseTag, RawDataElement] = {}
        groups: dict[int, list[RawItem]] = {}
        end = len(buf)
        unpack = _EXPLICIT.unpack_from
        long_at = _LONG.unpack_from
        while pos + 8 <= end:
            group, elem, explicit_vr, short = unpack(buf, pos)
            tag = (group << 16) | elem
            vr: bytes | None = None
            if implicit or group == 0xFFFE:  # item tags are always implicit
                length, value = long_at(buf, pos + 4)[0], pos + 8
            elif explicit_vr in _LONG_VRS:
                vr, length, value = explicit_vr, long_at(buf, pos + 8)[0], pos + 12
            elif explicit_vr.isupper():
                vr, length, value = explicit_vr, short, pos + 8
            else:
                raise _Malformed(f"bad VR at {pos}")
            if tag not in special and length != _UNDEFINED and tag <= limit:
                pos = value + length  # the common case: an element not wanted, jumped over
                continue
            if tag > limit:
                break
            if tag in (_SHARED, _PER_FRAME):
                groups[tag], pos = _sequence_items(buf, value, length, implicit, depth=2)
                continue
            if length == _UNDEFINED:
                pos = _skip_sequence(buf, value, implicit or vr == b"UN")
                continue
            if tag in wanted:
                key = base_tags[tag]
                elements[key] = RawDataElement(
                    key,
                    (_VR_NAMES.get(vr) or vr.decode()) if vr else None,
                    length,
                    buf[value : value + length],
                    value,
                    implicit,
                    True,
                )
            pos = value + length
    except (_Malformed, struct.error, UnicodeDecodeError):
        return None
    dataset = Dataset(elements)  # type: ignore[arg-type]
    shared = groups.get(_SHARED)
    frames = groups.get(_PER_FRAME)
    return Scanned(dataset, syntax, shared[0] if shared else None, frames, elements)
