"""The de-identification post-check (R-DATA-1): prove nothing identifying survived, nothing else changed.

Before de-identification, :func:`identifying_values` lists every identifying string of the input
header: the values of attributes the Annex E table lists (names, IDs, institution, physicians,
addresses, accession numbers, descriptors not kept), every date and every instance UID, at every
nesting level, with the PN name parts. After writing, :func:`find_leaks` searches the raw bytes
of the output file outside its pixel data (and its path) for each of them; the pixel data is
proven byte-identical to the input's instead. Strings shorter than the policy's minimum are too
common to search and are counted. :func:`pixel_and_geometry` fingerprints what must not change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydicom.charset import convert_encodings, encode_string
from pydicom.datadict import keyword_for_tag
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.uid import UID_dictionary

from CNSTumorQCLib.deid.policy import CLASS_UID_TAGS, CLEANED_DESCRIPTORS, DeidPolicy

if TYPE_CHECKING:
    from CNSTumorQCLib.deid.dataset import DatasetDeidentifier

_TEXT_VRS = {"PN", "LO", "SH", "LT", "ST", "UT", "UC", "AE", "UR"}
_PLACEHOLDERS = {"ANONYMIZED", "ANONYMOUS", "UNKNOWN", "NONE", "N/A", "NA", "NULL", "REMOVED"}
#: Equipment names that may coincide with an institution or station name and identify no one.
_EQUIPMENT = ("Manufacturer", "ManufacturerModelName", "SoftwareVersions", "Modality")
_PIXEL_KEYWORDS = ("PixelData", "FloatPixelData", "DoubleFloatPixelData")
_GEOMETRY_KEYWORDS = (
    "Rows",
    "Columns",
    "NumberOfFrames",
    "PixelSpacing",
    "SliceThickness",
    "SpacingBetweenSlices",
    "ImagePositionPatient",
    "ImageOrientationPatient",
)
_DESCRIPTOR_KEYWORDS = {keyword_for_tag(tag) for tag in CLEANED_DESCRIPTORS}


@dataclass
class IdentifyingValues:
    """The identifying strings of one input dataset, with the attribute each came from."""

    searchable: dict[str, str] = field(default_factory=dict)  # value -> attribute keyword
    too_short: int = 0
    #: strings of 3+ characters from attributes other than the cleanable descriptors: a kept
    #: descriptor must contain none of them (113105)
    guard_words: set[str] = field(default_factory=set)
    #: Python codecs of the input's Specific Character Set (GB18030, ISO 2022 IR 58 ...)
    encodings: list[str] = field(default_factory=lambda: ["iso8859"])

    def needles(self, value: str) -> set[bytes]:
        """The byte forms ``value`` may take in a file: UTF-8 and the input's character sets."""
        forms = {value.encode("utf-8")}
        try:
            forms.add(encode_string(value, self.encodings))
        except (LookupError, UnicodeError, ValueError):
            pass
        return {form for form in forms if form}

    def forget(self, kept_values: set[str]) -> None:
        """Drop values kept on purpose (clean descriptors) from the search."""
        for value in kept_values:
            self.searchable.pop(value.strip(), None)


def identifying_values(
    ds: Dataset, deidentifier: DatasetDeidentifier, policy: DeidPolicy
) -> IdentifyingValues:
    """Every identifying string of ``ds`` (read before de-identification)."""
    found = IdentifyingValues()
    try:
        found.encodings = convert_encodings(ds.get("SpecificCharacterSet"))
    except LookupError:
        pass
    equipment = {str(ds.get(k, "")).strip().lower() for k in _EQUIPMENT}
    for keyword, value in _candidates(ds, deidentifier):
        value = value.strip().rstrip("\0").strip()
        if not value or value.upper() in _PLACEHOLDERS or value.lower() in equipment:
            continue
        if keyword not in _DESCRIPTOR_KEYWORDS and len(value) >= 3:
            found.guard_words.add(value)
        minimum = policy.min_numeric_search_length if value.isdigit() else policy.min_search_length
        if len(value.encode("utf-8")) < minimum:  # bytes: two CJK characters are searched
            found.too_short += 1
            continue
        found.searchable.setdefault(value, keyword)
    return found


def _candidates(ds: Dataset, deidentifier: DatasetDeidentifier) -> Iterator[tuple[str, str]]:
    meta = getattr(ds, "file_meta", None)
    if meta is not None:
        yield from _dataset_candidates(meta, deidentifier)
    yield from _dataset_candidates(ds, deidentifier)


def _dataset_candidates(
    ds: Dataset, deidentifier: DatasetDeidentifier
) -> Iterator[tuple[str, str]]:
    for element in ds:
        if element.tag.is_private:
            continue
        if element.VR == "SQ":
            for item in element.value or []:
                yield from _dataset_candidates(item, deidentifier)
            continue
        keyword = element.keyword or str(element.tag)
        listed = deidentifier.action_for(element.tag) is not None
        if deidentifier.is_retained(element.tag):
            continue
        for value in _values(element.value):
            if element.VR == "UI":
                if (
                    element.tag.group,
                    element.tag.element,
                ) not in CLASS_UID_TAGS and value not in UID_dictionary:
                    yield keyword, value
            elif element.VR in ("DA", "DT"):
                yield keyword, value
                if element.VR == "DT" and len(value) > 8:
                    yield keyword, value[:8]
            elif element.VR in _TEXT_VRS and (listed or element.VR == "PN"):
                yield keyword, value
                if element.VR == "PN":
                    yield from ((keyword, part) for part in _name_parts(value))


def _values(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, MultiValue | list | tuple):
        return [str(v) for v in value if v is not None]
    if isinstance(value, bytes):
        return []
    return [str(value)]


def _name_parts(name: str) -> list[str]:
    parts: list[str] = []
    for group in name.split("="):
        for component in group.split("^"):
            parts.extend(word for word in component.replace(",", " ").split() if word)
    return parts


def find_leaks(
    data: bytes, relative_path: str, values: IdentifyingValues, pixel_bytes: bytes
) -> list[str]:
    """The attribute keywords whose identifying strings occur in ``data`` or in the output path.

    The pixel data value is left out of the search: the post-check proves separately that it is
    byte-identical to the input's, so header text cannot have moved into it, and random pixel
    bytes would otherwise match short strings by chance.
    """
    header = data
    if pixel_bytes:
        start = data.find(pixel_bytes)
        if start >= 0:
            header = data[:start] + b"\0" + data[start + len(pixel_bytes) :]
    haystack = header + b"\0" + relative_path.encode("utf-8")
    leaks = set()
    for value, keyword in values.searchable.items():
        if any(needle in haystack for needle in values.needles(value)):
            leaks.add(keyword)
    return sorted(leaks)


def pixel_bytes(ds: Dataset) -> bytes:
    for keyword in _PIXEL_KEYWORDS:
        if keyword in ds:
            return bytes(ds[keyword].value)
    return b""


def pixel_and_geometry(ds: Dataset) -> dict[str, object]:
    """A fingerprint of the pixel data (SHA-256) and every geometry attribute, nested ones too."""
    geometry: list[tuple[str, str]] = []
    _collect_geometry(ds, "", geometry)
    return {"pixel_sha256": hashlib.sha256(pixel_bytes(ds)).hexdigest(), "geometry": geometry}


def _collect_geometry(ds: Dataset, path: str, out: list[tuple[str, str]]) -> None:
    for element in ds:
        if element.tag.is_private:
            continue
        if element.VR == "SQ":
            for index, item in enumerate(element.value or []):
                _collect_geometry(item, f"{path}{element.keyword}[{index}].", out)
        elif element.keyword in _GEOMETRY_KEYWORDS:
            out.append((path + element.keyword, str(element.value)))
