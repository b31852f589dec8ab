"""What a folder holds when it holds no DICOM: said in words, so a user knows what they gave.

``cnstumor qc`` and ``cnstumor deid`` read DICOM. Given a folder of NIfTI volumes (or one file),
they used to write an empty report (QC, exit 0) or a key for nobody (deid, exit 0). They now say
what they found: ``1 file: 1 NIfTI volume (FLAIR.nii.gz)``.

Also the names of the files this project writes inside folders it later reads (the
de-identification report at the top of a de-identified copy): the index skips them, so QC does
not list its own bookkeeping as "not a DICOM file".
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from CNSTumorQCLib.dicom.header import looks_like_dicom
from CNSTumorQCLib.i18n import N_, tr

#: Files written by this project at the top of a folder it reads later (``deid/folder.py``).
OWN_FILES = frozenset({"deid_report.json"})

_SUFFIX_KINDS = (
    ((".nii.gz", ".nii"), "NIfTI volume"),
    ((".nrrd", ".nhdr", ".seg.nrrd"), "NRRD volume"),
    ((".mha", ".mhd"), "MetaImage volume"),
    ((".json",), "JSON file"),
    ((".csv", ".tsv", ".txt", ".md", ".html", ".pdf"), "document"),
    ((".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"), "picture"),
    ((".zip", ".tar", ".gz", ".tgz", ".7z"), "archive"),
)


def is_own_file(path: str | Path, root: str | Path) -> bool:
    """True for a file this project wrote at the top of ``root`` (never indexed as data)."""
    path = Path(path)
    return path.name in OWN_FILES and path.parent == Path(root)


#: Each kind (``kind_of``'s machine-readable answer) as people read it: one, several.
_KIND_WORDS = {
    "DICOM": (N_("DICOM"), N_("DICOM")),
    "NIfTI volume": (N_("NIfTI volume"), N_("NIfTI volumes")),
    "NRRD volume": (N_("NRRD volume"), N_("NRRD volumes")),
    "MetaImage volume": (N_("MetaImage volume"), N_("MetaImage volumes")),
    "JSON file": (N_("JSON file"), N_("JSON files")),
    "document": (N_("document"), N_("documents")),
    "picture": (N_("picture"), N_("pictures")),
    "archive": (N_("archive"), N_("archives")),
    "unreadable file": (N_("unreadable file"), N_("unreadable files")),
    "other file": (N_("other file"), N_("other files")),
}


def kind_words(kind: str, count: int = 1) -> str:
    """A kind of file as people read it (``NIfTI volume``, ``2 NIfTI volumes``' noun)."""
    one, several = _KIND_WORDS.get(kind, (kind, kind))
    return tr(one if count == 1 else several)


def kind_of(path: str | Path) -> str:
    """``DICOM``, ``NIfTI volume``, ``JSON file``...: by content for DICOM, by name otherwise
    (machine-readable: :func:`kind_words` gives the words for people)."""
    name = Path(path).name.lower()
    try:
        with open(path, "rb") as handle:
            if looks_like_dicom(handle.read(132)):
                return "DICOM"
    except OSError:
        return "unreadable file"
    for suffixes, kind in _SUFFIX_KINDS:
        if name.endswith(suffixes):
            return kind
    return "other file"


def describe(paths: list[str] | list[Path], examples: int = 2) -> str:
    """``3 files: 2 NIfTI volumes (FLAIR.nii.gz, T1.nii.gz), 1 JSON file (meta.json)``
    (in the language people read)."""
    by_kind: dict[str, list[str]] = {}
    for path in paths:
        by_kind.setdefault(kind_of(path), []).append(os.path.basename(str(path)))
    counts = Counter({kind: len(names) for kind, names in by_kind.items()})
    parts = []
    for kind, count in counts.most_common():
        names = by_kind[kind][:examples]
        more = ", ..." if count > examples else ""
        parts.append(
            tr(
                "{count} {kind} ({names})",
                count=count,
                kind=kind_words(kind, count),
                names=", ".join(names) + more,
            )
        )
    if not parts:
        return tr("no files")
    total = len(paths)
    if total == 1:
        return tr("1 file: {kinds}", kinds=", ".join(parts))
    return tr("{count} files: {kinds}", count=total, kinds=", ".join(parts))


def files_under(root: str | Path) -> list[str]:
    """Every file under ``root``, sorted, without this project's own files."""
    found: list[str] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        found.extend(
            os.path.join(folder, name)
            for name in sorted(filenames)
            if not is_own_file(os.path.join(folder, name), root)
        )
    return found


def has_dicom(root: str | Path) -> bool:
    """True as soon as one file under ``root`` looks like DICOM (reads 132 bytes per file)."""
    return any(kind_of(path) == "DICOM" for path in files_under(root))
