"""Stage a chosen set of DICOM files as one folder for the QC (R-DATA-2).

Inside 3D Slicer the study to check may come from Slicer's DICOM database rather than a folder:
the module lists the study's files (``slicer.dicomDatabase.filesForSeries``) and stages them
here, so the QC reads exactly that study. Files are linked, not copied, where the file system
allows it (a copy otherwise); the original files are never modified.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import tr


def stage_files(files: Iterable[str | Path], folder: str | Path) -> list[Path]:
    """Link (or copy) ``files`` into the new empty ``folder``; returns the staged paths."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise InvalidInputError(tr("the staging folder must be new or empty"), folder)
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for number, source in enumerate(files):
        source = Path(source)
        if not source.is_file():
            raise MissingInputError(tr("a DICOM file of the selected study is missing"), source)
        target = folder / f"{number:06d}_{source.name}"
        try:
            os.symlink(source.resolve(), target)
        except OSError:
            shutil.copy2(source, target)
        staged.append(target)
    if not staged:
        raise InvalidInputError(tr("the selected study has no files"), folder)
    return staged
