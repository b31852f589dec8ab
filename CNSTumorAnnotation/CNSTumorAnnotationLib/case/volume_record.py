"""What case import records about each copied volume, so that exports need not re-read it.

A case folder's volumes are written once, by case import, and never changed by the software
(R-ANN-8: they keep their native geometry). Import records, per volume, its SHA-256, its grid
(size, origin, spacing, direction, as SimpleITK reads them) and the file's size and
modification time, then makes the file read-only. An export uses the recorded checksum and
grid only while the file's size and modification time still match the record; otherwise it
re-hashes / re-reads the file, and the manifest says which (R-FMT-2: every exported file names
its sources with a checksum). Reading a ``.nii.gz`` header costs ~2.5 ms and hashing the four
volumes ~3 ms of an export that the SimpleITK anchor does in ~30 ms.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.errors import InvalidInputError

#: Key of the record inside a ``case.json`` sequence entry.
RECORD_KEY = "volume"
#: How a source checksum was obtained (stated in the manifest's ``sha256_basis``).
RECORDED = "recorded at case import (file size and modification time unchanged)"
HASHED = "computed at export"


def read_grid(path: Path) -> sitk.Image:
    """An empty uint8 image on ``path``'s grid, from the file header alone."""
    reader = sitk.ImageFileReader()
    reader.SetFileName(str(path))
    try:
        reader.ReadImageInformation()
    except RuntimeError as error:
        raise InvalidInputError(
            tr("SimpleITK cannot read it ({error})", error=error), path
        ) from None
    return _grid(reader.GetSize(), reader.GetOrigin(), reader.GetSpacing(), reader.GetDirection())


def _grid(size: Any, origin: Any, spacing: Any, direction: Any) -> sitk.Image:
    grid = sitk.Image([int(s) for s in size], sitk.sitkUInt8)
    grid.SetOrigin([float(v) for v in origin])
    grid.SetSpacing([float(v) for v in spacing])
    grid.SetDirection([float(v) for v in direction])
    return grid


def describe_volume(path: Path) -> dict[str, Any]:
    """The record of a volume just written into a case folder (checksum, grid, size, mtime)."""
    grid = read_grid(path)
    info = path.stat()
    return {
        "sha256": sha256_file(path),
        "bytes": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "size": list(grid.GetSize()),
        "origin": list(grid.GetOrigin()),
        "spacing": list(grid.GetSpacing()),
        "direction": list(grid.GetDirection()),
    }


def make_read_only(path: Path) -> None:
    """Clear the write bits: the software never changes a case volume after import."""
    mode = path.stat().st_mode
    path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def unchanged(path: Path, record: Mapping[str, Any] | None) -> bool:
    """True when ``path``'s size and modification time are those recorded at import."""
    if not isinstance(record, Mapping):
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return info.st_size == record.get("bytes") and info.st_mtime_ns == record.get("mtime_ns")


def volume_sha256(path: Path, record: Mapping[str, Any] | None) -> tuple[str, str]:
    """``(sha256, basis)``: the recorded checksum while the file is unchanged, else a new one."""
    if unchanged(path, record) and record and record.get("sha256"):
        return str(record["sha256"]), RECORDED
    return sha256_file(path), HASHED


def volume_grid(path: Path, record: Mapping[str, Any] | None) -> sitk.Image:
    """The volume's grid: the recorded one while the file is unchanged, else its header's."""
    if unchanged(path, record) and record:
        try:
            return _grid(record["size"], record["origin"], record["spacing"], record["direction"])
        except (KeyError, TypeError, ValueError, RuntimeError):
            pass  # an incomplete record: read the header
    return read_grid(path)
