"""Atomic writes: a temporary file in the destination folder, flushed, then renamed.

An interrupted run leaves the previous version intact (docs/architecture.md, Storage).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from CNSTumorQCLib.i18n import tr


@contextlib.contextmanager
def atomic_path(destination: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; rename it over ``destination`` on success.

    The temporary name keeps the destination's full suffix (``.nii.gz``, ``.seg.nrrd``) so that
    writers choosing a format by extension behave. On an exception the temporary file is removed
    and the destination is untouched.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if suffix is None:
        suffix = "".join(destination.suffixes) or ".tmp"
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{destination.stem}.", suffix=suffix, dir=destination.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, destination)
        fsync_dir(destination.parent)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_bytes_atomic(destination: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``destination`` atomically and return the destination path."""
    destination = Path(destination)
    with atomic_path(destination) as tmp:
        tmp.write_bytes(data)
    return destination


def write_text_atomic(destination: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``destination`` atomically."""
    return write_bytes_atomic(destination, text.encode("utf-8"))


def write_json_atomic(destination: str | Path, payload: Any) -> Path:
    """Write ``payload`` as indented, key-sorted UTF-8 JSON atomically.

    The file is strict JSON (RFC 8259): a NaN or infinite number, which ``json.dumps`` would
    write as the invalid token ``NaN``, is written as ``null`` (a value that was not measured).
    """
    text = (
        json.dumps(
            strict_json(payload),
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
            default=str,
            allow_nan=False,
        )
        + "\n"
    )
    return write_text_atomic(destination, text)


def strict_json(value: Any) -> Any:
    """``value`` with every non-finite float (NaN, +-Inf) replaced by None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: strict_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict_json(item) for item in value]
    if hasattr(value, "dtype") and hasattr(value, "tolist"):  # numpy scalars and arrays
        return strict_json(value.tolist())
    return value


def write_with_atomic(destination: str | Path, writer: Callable[[Path], Any]) -> Path:
    """Call ``writer(tmp_path)`` and rename the result over ``destination``."""
    destination = Path(destination)
    with atomic_path(destination) as tmp:
        writer(tmp)
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OSError(tr("{path}: the writer produced no data", path=destination))
    return destination


def sha256_file(path: str | Path, chunk_size: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes (used by manifests and annotation versions)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    """Flush ``path``'s bytes to the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk, where the system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
