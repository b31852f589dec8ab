"""Reading only the header bytes of a DICOM file, fast, and locating its pixel data element.

A file is read in growing chunks until the Pixel Data element (7FE0,0010) is found; only the bytes
before it are parsed by pydicom (with ``specific_tags``), so no pixel data is ever read or decoded.
The position and declared length of the pixel data tell, without reading it, whether the file was
cut short (R-DATA-2, truncated pixel data). Gzip-compressed files (``.dcm.gz``) are read too.
"""

from __future__ import annotations

import gzip
import io
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass

from pydicom.dataset import Dataset
from pydicom.filereader import read_partial
from pydicom.tag import BaseTag

from CNSTumorQCLib.dicom.model import PixelDataStatus
from CNSTumorQCLib.errors import NotDicomError
from CNSTumorQCLib.i18n import tr

#: First read; grows by doubling until the pixel data element is found (enhanced MF headers are large).
FIRST_CHUNK_BYTES = 32 * 1024
_PIXEL_TAG_LE = b"\xe0\x7f\x10\x00"
_PIXEL_VRS = (b"OB", b"OW", b"OD", b"OF", b"OL", b"UN")
_UNDEFINED = 0xFFFFFFFF


@dataclass(frozen=True)
class HeaderBytes:
    """The header bytes of a file and what is known of its pixel data."""

    header: bytes
    file_size: int
    pixel_data: PixelDataStatus
    pixel_value_length: int | None  # declared length, None when undefined or absent
    pixel_bytes_found: int


def _pixel_candidate(data: bytes, start: int, file_size: int) -> tuple[int, int, int] | None:
    """(tag offset, value offset, declared length) of the first plausible pixel data element."""
    pos = data.find(_PIXEL_TAG_LE, start)
    while pos >= 0:
        if len(data) < pos + 12:
            return None  # need more bytes to decide
        vr = data[pos + 4 : pos + 6]
        if vr in _PIXEL_VRS and data[pos + 6 : pos + 8] == b"\x00\x00":
            return pos, pos + 12, struct.unpack("<I", data[pos + 8 : pos + 12])[0]
        length = struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        # Implicit VR: only believable if the element reaches (or passes) the end of the file.
        if length != _UNDEFINED and pos + 8 + length >= file_size - 1024:
            return pos, pos + 8, length
        pos = data.find(_PIXEL_TAG_LE, pos + 1)
    return None


def read_header_bytes(path: str) -> HeaderBytes:
    """Read the bytes before the pixel data of ``path`` (raises OSError when it cannot be read).

    Plain file descriptor reads (no buffered file object): one read for most headers, doubling
    only when the pixel data element is not in the bytes read so far.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        file_size = os.fstat(descriptor).st_size
        data = os.read(descriptor, FIRST_CHUNK_BYTES)
        if data[:2] == b"\x1f\x8b":  # gzip: decompress only what is needed to know it is DICOM
            with open(descriptor, "rb", closefd=False) as handle:
                handle.seek(0)
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    data = unzipped.read(FIRST_CHUNK_BYTES)
                    if not looks_like_dicom(data):
                        return HeaderBytes(data, len(data), PixelDataStatus.ABSENT, None, 0)
                    data += unzipped.read()
            file_size = len(data)
        search_from = 0
        while True:
            found = _pixel_candidate(data, search_from, file_size)
            if found is not None or len(data) >= file_size:
                break
            more = os.read(descriptor, max(len(data), FIRST_CHUNK_BYTES))
            if not more:
                break
            search_from = max(0, len(data) - 12)
            data += more
    finally:
        os.close(descriptor)
    if found is None:
        return HeaderBytes(data, file_size, PixelDataStatus.ABSENT, None, 0)
    tag_offset, value_offset, length = found
    available = file_size - value_offset
    if length == _UNDEFINED:
        status = PixelDataStatus.ENCAPSULATED
    elif available < length:
        status = PixelDataStatus.TRUNCATED
    else:
        status = PixelDataStatus.PRESENT
    declared = None if length == _UNDEFINED else length
    return HeaderBytes(data[:tag_offset], file_size, status, declared, max(0, available))


def looks_like_dicom(header: bytes) -> bool:
    """A Part 10 preamble, or a bare data set starting with group 0002 or 0008 (little endian)."""
    if header[128:132] == b"DICM":
        return True
    return len(header) >= 8 and header[:2] in (b"\x02\x00", b"\x08\x00") and header[3:4] == b"\x00"


_PER_FRAME_TAG_LE = b"\x00\x52\x30\x92"  # (5200,9230) PerFrameFunctionalGroupsSequence


def parse_header(
    header: bytes, specific_tags: list[int] | None, last_tag: int | None = None
) -> Dataset:
    """Parse header bytes with pydicom (no pixel data in them); raises NotDicomError.

    ``last_tag``: stop parsing after this tag (the elements are sorted), unless the header holds
    enhanced multi-frame functional groups, whose tags come late. Vendors put large nested private
    sequences at the end of classic headers (Philips group 2005); not parsing them is most of the
    speed of the index.
    """
    if not looks_like_dicom(header):
        raise NotDicomError(tr("not a DICOM file (no DICM preamble, no DICOM data set)"))
    stop_when = None
    if last_tag is not None and _PER_FRAME_TAG_LE not in header:
        stop_when = _stop_after(last_tag)
    return read_partial(
        io.BytesIO(header),
        stop_when=stop_when,
        force=header[128:132] != b"DICM",
        specific_tags=specific_tags,  # type: ignore[arg-type]
    )


def _stop_after(last_tag: int) -> Callable[[BaseTag, str | None, int], bool]:
    def stop(tag: BaseTag, vr: str | None, length: int) -> bool:
        return tag > last_tag

    return stop
