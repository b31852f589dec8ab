"""Export file names: patient number + annotated sequence + annotated content (R-FMT-3).

A name is built from a pattern such as ``{patient}_{sequence}_{content}`` whose fields are
cleaned one by one, so that a value can never inject a folder (``/``, ``\\``, ``..``), a
field separator (``_``), whitespace, a control character or a character that Windows refuses
(``<>:"|?*``). Chinese and other Unicode letters are kept (NFC-normalised) by default; with
``ascii_only`` each non-ASCII character is written as ``u`` plus its code point, which stays
unique and reversible. A pattern must name the three R-FMT-3 fields.

The case folder's own file names (``volume_file_name``, ``annotation_file_name``) use the
stricter ASCII-only ``safe_name``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.paths import safe_component
from CNSTumorQCLib.sequences import MRSequence

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

DEFAULT_PATTERN = "{patient}_{sequence}_{content}"
#: Fields a pattern may use; the first three are required by R-FMT-3.
REQUIRED_FIELDS = ("patient", "sequence", "content")
OPTIONAL_FIELDS = ("case", "version", "annotator")
#: What replaces a run of unsafe characters inside one field.
REPLACEMENT = "-"
MAX_NAME_BYTES = 200  # below the 255-byte limit of common file systems, leaving room for suffixes

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)
# Characters kept in a field besides letters and digits; "_" is the field separator, so it is not.
_KEPT_PUNCTUATION = frozenset("-.+")


def _is_safe_char(char: str, ascii_only: bool) -> bool:
    if char in _KEPT_PUNCTUATION:
        return True
    if char.isascii():
        return char.isalnum()
    if ascii_only:
        return False
    # Unicode letters and digits (Chinese ideographs are category Lo); no marks, symbols, spaces.
    return unicodedata.category(char)[0] in ("L", "N")


def clean_component(value: object, *, ascii_only: bool = False) -> str:
    """One field of a file name with every unsafe character replaced (never empty, never ``..``).

    Raises InvalidInputError when nothing usable is left (an empty patient number, a value made of
    separators only), since a name that does not identify the patient breaks R-FMT-3.
    """
    text = unicodedata.normalize("NFC", str(value)).strip()
    pieces: list[str] = []
    for char in text:
        if _is_safe_char(char, ascii_only):
            pieces.append(char)
        elif ascii_only and not char.isascii() and unicodedata.category(char)[0] in ("L", "N"):
            pieces.append(f"u{ord(char):04x}")
        else:
            pieces.append(REPLACEMENT)
    cleaned = re.sub(r"-{2,}", "-", "".join(pieces)).strip("-.")
    if not cleaned:
        raise InvalidInputError(
            tr("R-FMT-3: {value!r} leaves nothing usable in a file name", value=value)
        )
    if cleaned.upper().split(".")[0] in _WINDOWS_RESERVED:
        cleaned = f"{cleaned}-"
    return safe_component(cleaned, tr("file name field"))


def pattern_fields(pattern: str) -> tuple[str, ...]:
    """The field names a pattern uses, in order."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as error:
        raise InvalidInputError(
            tr("naming pattern {pattern!r} is malformed: {error}", pattern=pattern, error=error)
        ) from None
    return tuple(field for _, field, _, _ in parsed if field is not None)


def validate_pattern(pattern: str) -> str:
    """Return ``pattern`` if it names patient, sequence and content (R-FMT-3) and nothing unknown."""
    fields = pattern_fields(pattern)
    unknown = sorted(set(fields) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise InvalidInputError(
            tr(
                "naming pattern {pattern!r} uses unknown field(s) {unknown}; allowed: {allowed}",
                pattern=pattern,
                unknown=unknown,
                allowed=", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS),
            )
        )
    missing = [field for field in REQUIRED_FIELDS if field not in fields]
    if missing:
        raise InvalidInputError(
            tr(
                (
                    "R-FMT-3: naming pattern {pattern!r} must contain {{patient}}, "
                    "{{sequence}} and {{content}}; missing {missing}"
                ),
                pattern=pattern,
                missing=missing,
            )
        )
    literal = "".join(text for text, *_ in string.Formatter().parse(pattern))
    if any(not _is_safe_char(char, ascii_only=True) and char != "_" for char in literal):
        raise InvalidInputError(
            tr(
                (
                    "naming pattern {pattern!r}: the text between fields may only hold "
                    "letters, digits, '_', '-', '.' and '+'"
                ),
                pattern=pattern,
            )
        )
    return pattern


@dataclass(frozen=True)
class NamingPolicy:
    """How export files are named (R-FMT-3): a pattern plus the character policy."""

    pattern: str = DEFAULT_PATTERN
    ascii_only: bool = False

    def __post_init__(self) -> None:
        validate_pattern(self.pattern)

    def stem(
        self,
        *,
        patient: str,
        sequence: str,
        content: str,
        case: str | None = None,
        version: int | str | None = None,
        annotator: str | None = None,
    ) -> str:
        """The file name without extension, every field cleaned."""
        values = {"patient": patient, "sequence": sequence, "content": content}
        optional = {"case": case, "version": version, "annotator": annotator}
        for key, value in optional.items():
            if key in pattern_fields(self.pattern):
                if value is None:
                    raise InvalidInputError(
                        tr(
                            "naming pattern {pattern!r} needs {{{key}}}",
                            pattern=self.pattern,
                            key=key,
                        )
                    )
                values[key] = f"v{value:04d}" if isinstance(value, int) else value
        cleaned = {
            key: clean_component(value, ascii_only=self.ascii_only) for key, value in values.items()
        }
        name = safe_component(self.pattern.format(**cleaned), tr("export file name"))
        if len(name.encode("utf-8")) > MAX_NAME_BYTES:
            raise InvalidInputError(
                tr(
                    "R-FMT-3: file name {name!r} is longer than {limit} bytes",
                    name=name,
                    limit=MAX_NAME_BYTES,
                )
            )
        return name

    def filename(self, extension: str, **fields: str | int | None) -> str:
        """``stem(**fields)`` plus ``extension`` (given with its dot, e.g. ``.nii.gz``)."""
        return self.stem(**fields) + extension  # type: ignore[arg-type]


def safe_name(text: str) -> str:
    """File-name-safe form of an identifier (R-FMT-3): letters, digits, ``.``, ``_``, ``-``."""
    cleaned = _UNSAFE.sub("-", str(text).strip()).strip(".-")
    if not cleaned:
        raise InvalidInputError(
            tr("identifier {text!r} has no file-name-safe characters", text=text)
        )
    return safe_component(cleaned, tr("identifier"))


def volume_file_name(patient_id: str, sequence: MRSequence) -> str:
    """``<patient>_<SEQ>_image.nii.gz`` (R-FMT-3)."""
    return f"{safe_name(patient_id)}_{sequence.value}_image.nii.gz"


def annotation_file_name(patient_id: str, sequence: MRSequence) -> str:
    """``<patient>_<SEQ>_annotation.seg.nrrd`` (R-FMT-3)."""
    return f"{safe_name(patient_id)}_{sequence.value}_annotation.seg.nrrd"
