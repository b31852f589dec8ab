"""Diffusion b-values from a DICOM header: the standard tag first, then the vendors' private tags.

R-ACQ-4 needs the b-value of a DWI series (800 or 1000 s/mm2). Many scanners write it only in
private tags, which de-identification removes, so this runs on the original headers. Order of
preference (docs/references.md, Sequence identification, dcm-classifier ``get_bvalue``, dcm2niix):

==================  ============  ========================================================
source              tag           handling
==================  ============  ========================================================
standard            (0018,9087)   as is (classic, or the MR Diffusion Sequence per frame)
Siemens             (0019,100C)   as is (private creator "SIEMENS MR HEADER")
Siemens CSA         (0029,1010)   ``B_value`` of the CSA image header, through nibabel
GE                  (0043,1039)   first value modulo 100000 (older software adds 1e9)
Philips             (2001,1003)   as is
UIH                 (0065,1009)   as is
==================  ============  ========================================================

Values above 5000 s/mm2 or negative are treated as invalid (as dcm-classifier does).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

MAX_VALID_B = 5000.0

#: Tags to read for b-values (besides the standard one); their private creators come with them.
BVALUE_PRIVATE_TAGS: tuple[int, ...] = (
    0x00190010,
    0x0019100C,
    0x0019000C,
    0x00290010,
    0x00290011,
    0x00291010,
    0x00291110,
    0x00430010,
    0x00431039,
    0x20010010,
    0x20011003,
    0x00650010,
    0x00651009,
)


def _as_float(value: Any) -> float | None:
    """A number from an element value: numbers, strings, multi-values (first), or raw bytes."""
    if value is None:
        return None
    if isinstance(value, bytes | bytearray):
        return _float_from_bytes(bytes(value))
    if (
        isinstance(value, list | tuple)
        or hasattr(value, "__getitem__")
        and not isinstance(value, str)
    ):
        try:
            return _as_float(value[0]) if len(value) else None
        except (TypeError, IndexError):
            return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _float_from_bytes(raw: bytes) -> float | None:
    """Private tags read with VR UN: decode text digits, else a little-endian FD/FL."""
    text = raw.strip(b"\x00 ").split(b"\\")[0]
    try:
        return float(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        pass
    if len(raw) == 8:
        return float(struct.unpack("<d", raw)[0])
    if len(raw) == 4:
        return float(struct.unpack("<f", raw)[0])
    return None


def _creator(dataset: Any, group: int, wanted: str) -> bool:
    """True when a private creator of ``group`` names ``wanted`` (or none is recorded at all)."""
    creators = [dataset.get((group << 16) | element) for element in (0x0010, 0x0011)]
    present = [c for c in creators if c is not None]
    if not present:
        return True
    return any(wanted.lower() in str(c.value).lower() for c in present)


def _standard(dataset: Any) -> float | None:
    element = dataset.get(0x00189087)
    return _as_float(element.value) if element is not None else None


def _siemens(dataset: Any) -> float | None:
    for tag in (0x0019100C, 0x0019000C):
        element = dataset.get(tag)
        if element is not None and _creator(dataset, 0x0019, "SIEMENS"):
            return _as_float(element.value)
    return None


def _siemens_csa(dataset: Any) -> float | None:
    if dataset.get(0x00291010) is None and dataset.get(0x00291110) is None:
        return None
    try:
        from nibabel.nicom import csareader

        header = csareader.get_csa_header(dataset, "image")
        value = csareader.get_b_value(header) if header else None
    except Exception:  # a malformed CSA blob is not an error of the series, just no evidence
        return None
    return _as_float(value)


def _ge(dataset: Any) -> float | None:
    element = dataset.get(0x00431039)
    if element is None or not _creator(dataset, 0x0043, "GEMS"):
        return None
    value = _as_float(element.value)
    return value % 100000 if value is not None else None


def _philips(dataset: Any) -> float | None:
    element = dataset.get(0x20011003)
    if element is None or not _creator(dataset, 0x2001, "Philips"):
        return None
    return _as_float(element.value)


def _uih(dataset: Any) -> float | None:
    element = dataset.get(0x00651009)
    return _as_float(element.value) if element is not None else None


BVALUE_SOURCES: tuple[tuple[str, Callable[[Any], float | None]], ...] = (
    ("(0018,9087) DiffusionBValue", _standard),
    ("(0019,100C) Siemens B_value", _siemens),
    ("(0029,1010) Siemens CSA B_value", _siemens_csa),
    ("(0043,1039) GE slop_int_6", _ge),
    ("(2001,1003) Philips DiffusionBFactor", _philips),
    ("(0065,1009) UIH DiffusionBValue", _uih),
)


def b_value_from_dataset(dataset: Any) -> tuple[float | None, str]:
    """The b-value (s/mm2, rounded to 1) and the tag it came from; ``(None, "")`` when none.

    Values outside 0..5000 are skipped so that a later source can still answer.
    """
    for source, reader in BVALUE_SOURCES:
        value = reader(dataset)
        if value is None or value < 0 or value > MAX_VALID_B:
            continue
        return float(round(value)), source
    return None, ""


def round_b_value(value: float, step: float = 10.0) -> float:
    """Round to the nearest ``step`` s/mm2 (scanners report 999.9 or 1005 for a nominal 1000)."""
    return float(round(value / step) * step)
