"""Where the project's data lives, and the one check every name from input passes before it
becomes part of a path.

The shared data set is reached through one setting, the ``CNSTUMOR_SHARED_DATA`` environment
variable, whose default is ``../shared/data`` beside the project root. :func:`safe_component`
is the single validator for names that reach a path (pseudonym prefix, patient number, case,
dataset and person ids, export file names): no name from input may reach a path outside its
folder.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path, PureWindowsPath

from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import N_, tr

SHARED_DATA_ENV = "CNSTUMOR_SHARED_DATA"
SAMPLE_DATA_ENV = "CNSTUMOR_SAMPLE_DATA"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASE_ID = "TCGA-FG-6692"
#: Where the built or installed Slicer extension puts the case: beside the Lib packages, in
#: ``<qt-scripted-modules>/CNSTumorSampleData/`` (top-level CMakeLists.txt).
INSTALLED_SAMPLE_DATA = Path(__file__).resolve().parents[1] / "CNSTumorSampleData"

#: Longest name (UTF-8 bytes) accepted as one path component; file systems stop at 255.
MAX_COMPONENT_BYTES = 200
#: Characters that separate folders or that Windows refuses in a name.
_FORBIDDEN = frozenset('/\\<>:"|?*')
#: What ``output_folder`` calls a folder when its caller names it nothing more precise.
OUTPUT_FOLDER = N_("output folder")


def safe_component(name: object, what: str) -> str:
    """Return ``name`` when it can be used as one file or folder name, else raise.

    Refused, with an error naming ``what`` (e.g. "pseudonym prefix", "case id"; translated when
    it is one of the Lib's ``N_``-marked words): an empty name,
    ``.`` or ``..``, an absolute path or drive (``/x``, ``C:``), a folder separator (``/``,
    ``\\``), NUL and other control characters, the characters Windows refuses, leading or
    trailing spaces and names longer than :data:`MAX_COMPONENT_BYTES`. Unicode letters (Chinese
    names) are accepted. Validating, not cleaning: a caller that wants a cleaned name cleans
    first (``naming.clean_component``) and still passes the result through here.
    """
    text = str(name) if name is not None else ""
    problem = _component_problem(text)
    if problem is not None:
        raise InvalidInputError(
            tr(
                "{what} {text!r} cannot name a file or folder: {problem}",
                what=tr(what),
                text=text,
                problem=problem,
            )
        )
    return text


def _component_problem(text: str) -> str | None:
    if not text:
        return tr("it is empty")
    if text in (".", ".."):
        return tr("it names the current or parent folder")
    if text.startswith(("/", "\\")) or PureWindowsPath(text).drive or Path(text).is_absolute():
        return tr("it is an absolute path")
    if any(char in _FORBIDDEN for char in text):
        return tr('it holds a folder separator or a character file systems refuse (/\\<>:"|?*)')
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in text):
        return tr("it holds a control character (NUL, newline ...)")
    if text != text.strip() or text.endswith("."):
        return tr("it starts or ends with a space or ends with a dot")
    if len(text.encode("utf-8", "surrogateescape")) > MAX_COMPONENT_BYTES:
        return tr("it is longer than {limit} bytes", limit=MAX_COMPONENT_BYTES)
    return None


def output_folder(path: str | Path, what: str = OUTPUT_FOLDER) -> Path:
    """Create ``path`` as a folder (parents too) and return it; a clear error when it cannot be
    one: an existing file, a file among its parents, no permission. ``what`` names the folder
    in the message (translated here when it is one of the Lib's marked words)."""
    what = tr(what)
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InvalidInputError(tr("the {what} is an existing file, not a folder", what=what), path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInputError(
            tr(
                "the {what} cannot be created ({strerror})",
                what=what,
                strerror=error.strerror or error,
            ),
            path,
        ) from None
    return path


def sample_data_dir() -> Path:
    """The bundled real case (TCGA-LGG TCGA-FG-6692): ``$CNSTUMOR_SAMPLE_DATA``, else the
    project's ``SampleData/``, else the copy a built or installed Slicer extension carries."""
    configured = os.environ.get(SAMPLE_DATA_ENV)
    candidates = [Path(configured)] if configured else []
    candidates += [
        PROJECT_ROOT / "SampleData" / SAMPLE_CASE_ID,
        INSTALLED_SAMPLE_DATA / SAMPLE_CASE_ID,
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def shared_data_dir(required: bool = True) -> Path:
    """The larger shared data set (``$CNSTUMOR_SHARED_DATA``, default ``../shared/data``)."""
    configured = os.environ.get(SHARED_DATA_ENV)
    path = Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "data"
    if required and not path.is_dir():
        raise MissingInputError(
            tr(
                (
                    "the shared test data folder is missing; set {variable} to the "
                    "folder that holds dcm_qa_xa30/, tcga-lgg_TCGA-FG-6692_brainlesion/ ..."
                ),
                variable=SHARED_DATA_ENV,
            ),
            path,
        )
    return path
