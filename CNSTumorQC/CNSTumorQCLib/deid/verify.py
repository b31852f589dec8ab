"""De-identification verified, not declared (R-DATA-1): check a DICOM folder against its key.

Before a case enters an annotation project, ``verify_deidentified(dicom_dir, key_file)`` reads
every DICOM header under ``dicom_dir`` (pixels are not read) and the pseudonym key that
de-identified it (``deid.keys``), and reports, per file:

* ``PatientIdentityRemoved`` (0012,0062) is not ``YES`` (PS3.15 Annex E);
* an original identity from the key (patient ID, patient name and each of its name parts of
  three or more characters) appears, case-insensitively, in any text value at any nesting level
  (private tags included) or in the file's path below ``dicom_dir``;
* the patient ID is not one of the key's pseudonyms.

Each problem is an ERROR finding of R-DATA-1 naming the file; the values found are never
repeated in the message (it would leak them again).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydicom
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError

from CNSTumorQCLib.deid.keys import KEY_FILE_FORMAT
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr

RULE = "R-DATA-1"
MIN_NEEDLE = 3  # shorter name parts are too common to search


@dataclass(frozen=True)
class DeidVerification:
    """What the check read and found; ``ok`` when no file failed."""

    files_checked: int
    needles: int
    pseudonyms: tuple[str, ...]
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.files_checked > 0 and not any(f.severity.blocking for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": RULE,
            "verified": self.ok,
            "files_checked": self.files_checked,
            "identities_searched": self.needles,
            "pseudonyms": list(self.pseudonyms),
            "findings": [f.to_dict() for f in self.findings],
        }


def _key(key_file: Path) -> dict[str, Any]:
    if not key_file.is_file():
        raise MissingInputError(tr("pseudonym key file not found"), key_file)
    try:
        data = json.loads(key_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(
            tr("not a readable key file ({error})", error=error), key_file
        ) from None
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise InvalidInputError(
            tr("not a {key_format} key file", key_format=KEY_FILE_FORMAT), key_file
        )
    return data


def _needles(patients: dict[str, Any]) -> set[str]:
    needles: set[str] = set()
    for record in patients.values():
        patient_id = str(record.get("original_patient_id") or "").strip()
        name = str(record.get("original_patient_name") or "").strip()
        for value in (patient_id, name, *re.split(r"[\^=\s,]+", name)):
            if len(value) >= MIN_NEEDLE:
                needles.add(value.lower())
    return needles


def _texts(ds: Dataset) -> Iterator[str]:
    """Every text-like value of a dataset, nested sequences included (pixels are not read)."""
    for element in ds:
        if element.VR == "SQ":
            for item in element.value or ():
                yield from _texts(item)
        elif element.VR in ("OB", "OW", "OF", "OD", "OL", "OV", "UN") and element.tag.is_private:
            value = element.value
            if isinstance(value, bytes):
                yield value.decode("latin-1", errors="ignore")
        elif element.VR not in ("OB", "OW", "OF", "OD", "OL", "OV", "UN"):
            value = element.value
            values = (
                value if isinstance(value, list | tuple | pydicom.multival.MultiValue) else [value]
            )
            for item in values:
                if item is not None:
                    yield str(item)


def verify_deidentified(dicom_dir: str | Path, key_file: str | Path) -> DeidVerification:
    """Check every DICOM file under ``dicom_dir`` against the key (see the module docstring)."""
    root, key_path = Path(dicom_dir), Path(key_file)
    if not root.is_dir():
        raise MissingInputError(tr("DICOM folder not found"), root)
    key = _key(key_path)
    patients = dict(key.get("patients") or {})
    needles = _needles(patients)
    pseudonyms = tuple(sorted(str(p.get("pseudonym")) for p in patients.values()))
    findings: list[Finding] = []
    checked = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = str(path.relative_to(root))
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True)
        except (InvalidDicomError, OSError, ValueError, EOFError):
            continue  # not DICOM (reports, notes): the de-identified folder's own files
        checked += 1
        problems = []
        if str(ds.get("PatientIdentityRemoved", "")).upper() != "YES":
            problems.append(tr("PatientIdentityRemoved (0012,0062) is not YES"))
        if str(ds.get("PatientID", "")) not in pseudonyms:
            problems.append(tr("its PatientID is not a pseudonym of the key"))
        found = {n for text in _texts(ds) for n in needles if n in text.lower()}
        if found:
            problems.append(
                tr(
                    "{count} original identity value(s) from the key in its header",
                    count=len(found),
                )
            )
        if any(n in relative.lower() for n in needles):
            problems.append(tr("an original identity value in its path"))
        for problem in problems:
            findings.append(
                Finding(
                    RULE,
                    Severity.ERROR,
                    tr("not de-identified: {problem}", problem=problem),
                    files=(relative,),
                )
            )
    if checked == 0:
        findings.append(
            Finding(RULE, Severity.ERROR, tr("no DICOM file to verify"), files=(str(root),))
        )
    return DeidVerification(checked, len(needles), pseudonyms, tuple(findings))
