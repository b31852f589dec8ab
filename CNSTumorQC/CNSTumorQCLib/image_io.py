"""The one image-reading function that verifies what it reads (R-DATA-2).

SimpleITK and the MRML readers accept corrupt files silently or abort the process: a ``.nii.gz``
whose gzip CRC fails, or that was cut in half, reads with the missing voxels as zeros; a DICOM
file named ``.nii.gz`` becomes a 256x256x1 volume; a truncated ``.seg.nrrd`` raises an ITK
exception inside MRML's C++ reader, which ends the process with SIGABRT. :func:`read_image`
checks, before anyone uses the voxels:

* the container: a ``.gz`` file is gzip and its whole stream decompresses with a valid CRC; a
  NIfTI file starts with a NIfTI header (not a DICOM preamble) and holds every voxel byte its
  header promises; a NRRD starts with ``NRRD``;
* the geometry: 2 to 4 dimensions, no more than :data:`MAX_VOXELS` voxels, spacing finite and
  positive, origin and direction finite;
* the values: no NaN or infinite voxel.

Every problem is an :class:`~CNSTumorQCLib.errors.InvalidInputError` naming the file. Case
import, label import, agreement maps, the MRML loaders (before any native reader runs) and the
QC's volume checks all go through here. Checking costs one more decompression of the file; the
files this project reads are a few megabytes.
"""

from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path

import numpy as np
import SimpleITK as sitk

from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import N_, tr

#: Largest volume accepted (voxels): far above any MR series, far below what exhausts memory.
MAX_VOXELS = 1 << 30
#: Largest decompressed stream read while verifying (bytes).
MAX_STREAM_BYTES = 8 << 30
_NIFTI_SUFFIXES = (".nii", ".nii.gz")
_NRRD_SUFFIXES = (".nrrd", ".seg.nrrd")
#: NIfTI-1 datatype code -> bytes per voxel (nifti1.h).
_NIFTI_BYTES = {
    2: 1, 4: 2, 8: 4, 16: 4, 32: 8, 64: 8, 128: 3, 256: 1, 512: 2, 768: 4,
    1024: 8, 1280: 8, 1536: 16, 1792: 16, 2048: 32, 2304: 4,
}  # fmt: skip
_NIFTI_FLOATS = {16: "f4", 64: "f8", 32: "c8"}
#: What an image is called in messages when the caller names it nothing more precise.
IMAGE = N_("image")


def read_image(path: str | Path, what: str = IMAGE) -> sitk.Image:
    """Read ``path`` with SimpleITK after :func:`verify_image_file`; verify geometry and values."""
    what = tr(what)
    path = Path(path)
    verify_image_file(path, what)
    reader = sitk.ImageFileReader()
    reader.SetFileName(str(path))
    try:
        reader.ReadImageInformation()
        _check_header(path, what, reader.GetSize(), reader.GetSpacing(), reader)
        image = reader.Execute()
    except RuntimeError as error:
        raise InvalidInputError(
            tr(
                "{what}: not a readable image ({problem})",
                what=what,
                problem=_first_line(error),
            ),
            path,
        ) from None
    check_image(image, path, what)
    return image


def verify_image_file(path: str | Path, what: str = IMAGE) -> None:
    """Check the container of ``path`` (gzip stream, NIfTI header vs size, file type)."""
    what = tr(what)
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("{what} not found", what=what), path)
    name = path.name.lower()
    head = _read_head(path)
    if name.endswith(".gz") and not head.startswith(b"\x1f\x8b"):
        raise InvalidInputError(tr("{what}: named .gz but not gzip-compressed", what=what), path)
    if name.endswith(_NIFTI_SUFFIXES):
        data = _gunzip_all(path, what) if name.endswith(".gz") else path.read_bytes()
        _verify_nifti(path, what, data)
    elif name.endswith(".gz"):
        _gunzip_all(path, what)
    elif name.endswith(_NRRD_SUFFIXES) and not head.startswith(b"NRRD"):
        raise InvalidInputError(tr("{what}: not a NRRD file (no NRRD magic)", what=what), path)


def check_image(image: sitk.Image, path: str | Path, what: str = IMAGE) -> None:
    """Raise when an image's geometry or voxels cannot be trusted (non-finite, zero spacing)."""
    what = tr(what)
    path = Path(path)
    _check_header(path, what, image.GetSize(), image.GetSpacing(), image)
    values = sitk.GetArrayViewFromImage(image)
    if np.issubdtype(values.dtype, np.floating) or np.issubdtype(values.dtype, np.complexfloating):
        bad = int(values.size - np.count_nonzero(np.isfinite(values)))
        if bad:
            raise InvalidInputError(
                tr("{what}: {bad} voxel(s) are NaN or infinite", what=what, bad=bad), path
            )


def _check_header(
    path: Path, what: str, size: tuple[int, ...], spacing: tuple[float, ...], source: object
) -> None:
    if not 2 <= len(size) <= 4 or any(n <= 0 for n in size):
        raise InvalidInputError(
            tr("{what}: unsupported dimensions {size}", what=what, size=tuple(size)), path
        )
    voxels = math.prod(size)
    if voxels > MAX_VOXELS:
        raise InvalidInputError(
            tr(
                "{what}: {voxels} voxels {size} exceed the limit of {limit}",
                what=what,
                voxels=voxels,
                size=tuple(size),
                limit=MAX_VOXELS,
            ),
            path,
        )
    if not all(math.isfinite(s) and s > 0 for s in spacing):
        raise InvalidInputError(
            tr(
                "{what}: voxel spacing {spacing} is not finite and positive",
                what=what,
                spacing=tuple(spacing),
            ),
            path,
        )
    origin = source.GetOrigin()  # type: ignore[attr-defined]
    direction = source.GetDirection()  # type: ignore[attr-defined]
    if not all(math.isfinite(v) for v in (*origin, *direction)):
        raise InvalidInputError(tr("{what}: origin or orientation is not finite", what=what), path)


def _read_head(path: Path, count: int = 1024) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(count)


def _gunzip_all(path: Path, what: str) -> bytes:
    """The whole decompressed stream; reading to the end checks the CRC and length trailer of
    every gzip member. A stream beyond :data:`MAX_STREAM_BYTES` (a gzip bomb) is refused."""
    data = bytearray()
    try:
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(1 << 22):
                data += chunk
                if len(data) > MAX_STREAM_BYTES:
                    raise InvalidInputError(
                        tr(
                            "{what}: decompresses to more than {limit} bytes",
                            what=what,
                            limit=MAX_STREAM_BYTES,
                        ),
                        path,
                    )
    except (OSError, EOFError, zlib.error) as error:
        raise InvalidInputError(
            tr(
                "{what}: corrupt or truncated gzip stream ({problem})",
                what=what,
                problem=_first_line(error),
            ),
            path,
        ) from None
    return bytes(data)


def _verify_nifti(path: Path, what: str, data: bytes) -> None:
    """Header sanity, every promised voxel byte present, and (for float data) finite values:
    ITK's NIfTI reader turns NaN into 0 silently, so the raw bytes are checked here."""
    head, size = data[:1024], len(data)
    if len(head) >= 132 and head[128:132] == b"DICM":
        raise InvalidInputError(
            tr(
                "{what}: a DICOM file, not NIfTI (named {name})",
                what=what,
                name=path.name,
            ),
            path,
        )
    if len(head) < 348:
        raise InvalidInputError(
            tr("{what}: too short for a NIfTI header ({size} bytes)", what=what, size=size), path
        )
    for order in ("<", ">"):
        (sizeof_hdr,) = struct.unpack(f"{order}i", head[:4])
        if sizeof_hdr == 348:
            break
        if sizeof_hdr == 540:
            return  # NIfTI-2: SimpleITK checks it; the gzip stream was already verified
    else:
        raise InvalidInputError(tr("{what}: not a NIfTI file (no NIfTI-1 header)", what=what), path)
    dims = struct.unpack(f"{order}8h", head[40:56])
    datatype, _bitpix = struct.unpack(f"{order}2h", head[70:74])
    pixdim = struct.unpack(f"{order}8f", head[76:108])
    (vox_offset,) = struct.unpack(f"{order}f", head[108:112])
    rank = dims[0]
    if not 1 <= rank <= 7 or any(d <= 0 for d in dims[1 : rank + 1]):
        raise InvalidInputError(
            tr("{what}: NIfTI header has invalid dimensions {dims}", what=what, dims=dims), path
        )
    spatial = pixdim[1 : min(rank, 3) + 1]
    if not all(math.isfinite(p) and p > 0 for p in spatial):
        raise InvalidInputError(
            tr(
                "{what}: NIfTI voxel spacing {spacing} is not finite and positive",
                what=what,
                spacing=tuple(spatial),
            ),
            path,
        )
    if datatype not in _NIFTI_BYTES:
        raise InvalidInputError(
            tr("{what}: NIfTI datatype {datatype} is not supported", what=what, datatype=datatype),
            path,
        )
    if not math.isfinite(vox_offset) or vox_offset < 0:
        raise InvalidInputError(
            tr(
                "{what}: NIfTI voxel offset {offset} is invalid",
                what=what,
                offset=vox_offset,
            ),
            path,
        )
    voxels = math.prod(dims[1 : rank + 1])
    if voxels > MAX_VOXELS:
        raise InvalidInputError(
            tr(
                "{what}: {voxels} voxels exceed the limit of {limit}",
                what=what,
                voxels=voxels,
                limit=MAX_VOXELS,
            ),
            path,
        )
    expected = int(vox_offset) + voxels * _NIFTI_BYTES[datatype]
    if size < expected:
        raise InvalidInputError(
            tr(
                ("{what}: truncated: the header promises {expected} bytes, the file holds {size}"),
                what=what,
                expected=expected,
                size=size,
            ),
            path,
        )
    if datatype in _NIFTI_FLOATS:
        values = np.frombuffer(
            data,
            dtype=np.dtype(_NIFTI_FLOATS[datatype]).newbyteorder(order),
            count=voxels,
            offset=int(vox_offset),
        )
        bad = int(values.size - np.count_nonzero(np.isfinite(values)))
        if bad:
            raise InvalidInputError(
                tr("{what}: {bad} voxel(s) are NaN or infinite", what=what, bad=bad), path
            )


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
