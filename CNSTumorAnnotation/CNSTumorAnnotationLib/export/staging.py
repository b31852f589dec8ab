"""Staged export of one case folder: the folder always matches one manifest (R-FMT-2).

Writing a case's files one by one into ``<out>/<case>/`` left inconsistent folders: an
interrupted re-export kept the old ``manifest.json`` beside new files whose checksums no longer
matched it, hidden temporaries survived, and the files of an earlier export with another naming
pattern stayed there unlisted. Instead, the per-case files and the manifest are written into a
hidden sibling, ``<out>/.<case>.staging-XXXX/``, flushed to disk, and swapped in by renames:

1. the old folder (if any) is renamed to ``<out>/.<case>.old-XXXX``;
2. the staging folder is renamed to ``<out>/<case>``;
3. the old folder is deleted.

A failure before step 1 leaves the old folder untouched (and the staging folder is removed).
Between steps 1 and 2 (two renames in one folder, microseconds) a crash leaves the old and the
new complete folders under hidden names, never a mix; the next export of that case removes
such leftovers (:func:`remove_stale`) and any hidden temporaries of the atomic writers.
The shared dataset folders (BraTS, nnU-Net) are written file by file, atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorQCLib.atomic import fsync_dir, fsync_file

STAGING_MARK = ".staging-"
OLD_MARK = ".old-"


def remove_stale(out_dir: Path, case_name: str) -> list[Path]:
    """Remove leftovers of interrupted exports of ``case_name``; return what was removed."""
    removed: list[Path] = []
    for mark in (STAGING_MARK, OLD_MARK):
        for path in out_dir.glob(f".{case_name}{mark}*"):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
            removed.append(path)
    return removed


def remove_hidden_temporaries(folder: Path) -> list[Path]:
    """Remove hidden files (``.name.XXXX.ext``: atomic-write temporaries) under ``folder``."""
    removed: list[Path] = []
    if folder.is_dir():
        for path in folder.rglob(".*"):
            if path.is_file():
                path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def staged_folder(final: Path) -> Iterator[Path]:
    """Yield a hidden staging folder beside ``final``; on success swap it in for ``final``."""
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(final.parent, final.name)
    stage = Path(tempfile.mkdtemp(prefix=f".{final.name}{STAGING_MARK}", dir=final.parent))
    try:
        yield stage
        _fsync_tree(stage)
        swap_in(stage, final)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def swap_in(stage: Path, final: Path) -> None:
    """Replace ``final`` by ``stage`` with renames (see the module docstring)."""
    old = None
    if final.exists() or final.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}{OLD_MARK}", dir=final.parent))
        old.rmdir()
        os.rename(final, old)
    os.rename(stage, final)
    fsync_dir(final.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def relocate(
    entries: list[ManifestEntry], stage: Path, final: Path, root: Path
) -> list[ManifestEntry]:
    """Manifest entries written under ``stage`` as they read once ``stage`` is ``final``."""
    staged = stage.resolve().relative_to(root.resolve()).as_posix() + "/"
    target = final.resolve().relative_to(root.resolve()).as_posix() + "/"
    return [
        replace(e, path=target + e.path[len(staged) :]) if e.path.startswith(staged) else e
        for e in entries
    ]


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            fsync_file(path)
    for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        fsync_dir(path)
