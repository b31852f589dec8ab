"""Recording the radiologist's confirmed image-quality grade beside the suggestion (R-QC-1, R-QC-2).

The suggested grade is only a suggestion; the confirmed grade is what counts. A confirmed grade 1
excludes the series from annotation and must give a reason. The report files are rewritten
atomically with the study verdicts recomputed.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.report.qc_report import (
    QCReport,
    SeriesReport,
    load_report,
    studies_of,
    write_report,
)

VALID_GRADES = (1, 2, 3)


def _choice(entry: SeriesReport) -> str:
    return (
        f"{entry.series_number if entry.series_number is not None else '-'} "
        f"{entry.series_description or '(no description)'} ({entry.sequence}) "
        f"{entry.series_instance_uid}"
    )


def resolve_series(report: QCReport, key: str) -> SeriesReport:
    """The series named by its UID, series number, description or identified sequence.

    Descriptions and sequences compare case-insensitively; a sequence only names a series when
    exactly one series of the report was identified as it.
    The UIDs in the HTML report are long; a radiologist reads "Series 3 · T1_AX_SE" there. A
    number or description naming several series (or none) is refused with every valid choice.
    """
    key = str(key).strip()
    by_uid = [s for s in report.series if s.series_instance_uid == key]
    if by_uid:
        return by_uid[0]
    matches = [
        s
        for s in report.series
        if (key.isdigit() and s.series_number is not None and int(key) == s.series_number)
        or (s.series_description or "").strip().lower() == key.lower()
    ]
    if not matches:  # the identified sequence (T1, T2, FLAIR...), when one series has it
        matches = [s for s in report.series if s.sequence.lower() == key.lower()]
    if len(matches) == 1:
        return matches[0]
    choices = "; ".join(_choice(s) for s in (matches or list(report.series)))
    what = "several series match" if matches else "no series matches"
    raise InvalidInputError(
        f"{what} {key!r}; give a series number, description or UID from: {choices}"
    )


def confirm_grade(
    report: QCReport, series_instance_uid: str, grade: int, reviewer: str, reason: str = ""
) -> QCReport:
    """A new report in which ``reviewer`` confirmed ``grade`` for one series (R-QC-2).

    ``series_instance_uid`` may also be the series number or description (``resolve_series``).
    """
    if grade not in VALID_GRADES:
        raise InvalidInputError(f"grade must be 1, 2 or 3, got {grade!r}")
    if not reviewer.strip():
        raise InvalidInputError("a confirmed grade needs the name of the person who confirms it")
    if grade == 1 and not reason.strip():
        raise InvalidInputError(
            "a grade 1 (non-diagnostic) series is excluded with a reason: give one (R-QC-2)"
        )
    series_instance_uid = resolve_series(report, series_instance_uid).series_instance_uid
    confirmation = {
        "reviewer": reviewer.strip(),
        "reason": reason.strip(),
        "confirmed_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    series = tuple(
        dataclasses.replace(s, confirmed_grade=grade, confirmation=confirmation)
        if s.series_instance_uid == series_instance_uid
        else s
        for s in report.series
    )
    return dataclasses.replace(report, series=series, studies=studies_of(series))


def record_grade_confirmation(
    out_dir: str | Path, series_instance_uid: str, grade: int, reviewer: str, reason: str = ""
) -> QCReport:
    """Confirm a grade in ``out_dir/qc_report.json`` and rewrite the JSON, CSV and HTML reports."""
    report = load_report(Path(out_dir) / "qc_report.json")
    updated = confirm_grade(report, series_instance_uid, grade, reviewer, reason)
    write_report(updated, out_dir)
    return updated
