"""Is a patient "number" given on the command line really a person's name? (R-DATA-1)

``cnstumor case import --patient "Zhang San"`` used to put the patient's name into every file name
(R-FMT-3 names files by patient number) and every export: identifying data leaving with the
annotations. A patient number has a digit; a person's name has none, is written in Chinese
characters, or uses the DICOM person-name separator ``^``. Such a value is refused, unless the
pseudonym key of the de-identification maps it: then its pseudonym is used instead.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def name_like_reason(value: str) -> str | None:
    """Why ``value`` looks like a person's name rather than a patient number, or None."""
    text = unicodedata.normalize("NFKC", value).strip()
    if "^" in text:
        return tr("it is written as a DICOM person name (family^given)")
    if _HAN.search(text):
        return tr("it is written in Chinese characters")
    if not any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text):
        return tr("it has no digit, as a person's name has none")
    return None


def _normalised(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).replace("^", " ").split()).casefold()


def pseudonym_from_key(value: str, key_file: Path) -> str | None:
    """The pseudonym the key gives to a patient whose original name or ID is ``value``."""
    from CNSTumorQCLib.deid.keys import KEY_FILE_FORMAT

    try:
        data = json.loads(Path(key_file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInputError(
            tr("cannot read the pseudonym key ({error})", error=error), key_file
        ) from None
    if data.get("format") != KEY_FILE_FORMAT:
        raise InvalidInputError(
            tr("not a {key_format} key file", key_format=KEY_FILE_FORMAT), key_file
        )
    wanted = _normalised(value)
    for record in data.get("patients", {}).values():
        originals = (record.get("original_patient_name", ""), record.get("original_patient_id", ""))
        if any(original and _normalised(original) == wanted for original in originals):
            return str(record["pseudonym"])
    return None


def checked_patient_number(value: str, key_file: Path | None = None) -> tuple[str, str | None]:
    """``value`` if it is a patient number; its pseudonym if the key maps it; else refused.

    Returns (patient number to use, a note to print when a pseudonym replaced the value).
    """
    if key_file is not None:
        pseudonym = pseudonym_from_key(value, key_file)
        if pseudonym is not None:
            return pseudonym, tr(
                "patient given by original identity; using its pseudonym {pseudonym}",
                pseudonym=pseudonym,
            )
    reason = name_like_reason(value)
    if reason is None:
        return value, None
    raise InvalidInputError(
        tr(
            (
                "R-DATA-1: --patient {given!r} looks like a person's name ({reason}); "
                "file names and exports must not identify the patient: give the patient "
                "number or pseudonym (e.g. the CNST-... of cnstumor deid), or --key-file "
                "with the pseudonym key that maps it"
            ),
            given=value,
            reason=reason,
        )
    )
