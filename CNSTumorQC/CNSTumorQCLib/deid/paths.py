"""Where a de-identification run may read and write (R-DATA-1): refuse unsafe locations up front.

The key file and the quarantine re-identify patients, so neither may live inside the
de-identified copy; nothing may be written inside the input (it is never modified); the output
folder must be new or empty so that no earlier file is mistaken for a checked one.
"""

from __future__ import annotations

from pathlib import Path

from CNSTumorQCLib.dicom.file_kinds import describe, files_under, has_dicom, kind_of, kind_words
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import tr


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_locations(
    in_dir: Path, out_dir: Path, key_file: Path, quarantine_dir: Path | None
) -> None:
    """Raise a clear error naming the path when a location is unsafe."""
    if in_dir.is_file():
        raise InvalidInputError(
            tr(
                "expected a folder of DICOM files, got a file ({kind}); nothing written",
                kind=kind_words(kind_of(in_dir)),
            ),
            in_dir,
        )
    if not in_dir.is_dir():
        raise MissingInputError(tr("the input DICOM folder does not exist"), in_dir)
    if not has_dicom(in_dir):
        raise InvalidInputError(
            tr(
                (
                    "no DICOM file in the folder ({contents}): deid de-identifies DICOM "
                    "headers; nothing written, no key"
                ),
                contents=describe(files_under(in_dir)),
            ),
            in_dir,
        )
    if _inside(out_dir, in_dir) or _inside(in_dir, out_dir):
        raise InvalidInputError(
            tr("the output folder must be outside the input folder (and not contain it)"), out_dir
        )
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise InvalidInputError(tr("the output folder must be new or empty"), out_dir)
    if _inside(key_file, out_dir):
        raise InvalidInputError(
            tr(
                "the pseudonym key file re-identifies patients: write it outside the "
                "de-identified output folder"
            ),
            key_file,
        )
    if _inside(key_file, in_dir):
        raise InvalidInputError(
            tr("the key file must not be written inside the input folder"), key_file
        )
    if key_file.exists() and key_file.is_dir():
        raise InvalidInputError(tr("the key file path is a folder"), key_file)
    if quarantine_dir is not None:
        if _inside(quarantine_dir, out_dir):
            raise InvalidInputError(
                tr("the quarantine holds identifiable objects: put it outside the output folder"),
                quarantine_dir,
            )
        if _inside(quarantine_dir, in_dir):
            raise InvalidInputError(
                tr("the quarantine must not be inside the input folder"), quarantine_dir
            )
