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
from CNSTumorQCLib.report.qc_report import QCReport, load_report, studies_of, write_report
from CNSTumorQCLib.sequences import MRSequence

VALID_GRADES = (1, 2, 3)


def confirm_grade(
    report: QCReport, series_instance_uid: str, grade: int, reviewer: str, reason: str = ""
) -> QCReport:
    """A new report in which ``reviewer`` confirmed ``grade`` for one series (R-QC-2)."""
    if grade not in VALID_GRADES:
        raise InvalidInputError(f"grade must be 1, 2 or 3, got {grade!r}")
    if not reviewer.strip():
        raise InvalidInputError("a confirmed grade needs the name of the person who confirms it")
    if grade == 1 and not reason.strip():
        raise InvalidInputError(
            "a grade 1 (non-diagnostic) series is excluded with a reason: give one (R-QC-2)"
        )
    if not any(s.series_instance_uid == series_instance_uid for s in report.series):
        raise InvalidInputError(f"no series {series_instance_uid} in the QC report")
    confirmation = {
        "reviewer": reviewer.strip(),
        "reason": reason.strip(),
        "confirmed_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    series = tuple(
        dataclasses.replace(
            s, confirmed_grade=grade, confirmation={**(s.confirmation or {}), **confirmation}
        )
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


def confirm_sequence(
    report: QCReport, series_instance_uid: str, sequence: str, reviewer: str, reason: str = ""
) -> QCReport:
    """A new report in which ``reviewer`` confirmed (or corrected) a series' sequence (R-ACQ-7).

    The identification is a suggestion; the radiologist's word replaces it, the suggestion is
    kept in the confirmation record, and a correction needs a reason."""
    try:
        chosen = MRSequence(sequence.strip().upper())
    except ValueError:
        raise InvalidInputError(
            f"unknown sequence {sequence!r}; one of {', '.join(s.value for s in MRSequence)}"
        ) from None
    if not reviewer.strip():
        raise InvalidInputError("a confirmed sequence needs the name of the person who confirms it")
    matches = [s for s in report.series if s.series_instance_uid == series_instance_uid]
    if not matches:
        raise InvalidInputError(f"no series {series_instance_uid} in the QC report")
    if chosen.value != matches[0].sequence and not reason.strip():
        raise InvalidInputError(
            f"changing the sequence from {matches[0].sequence} to {chosen.value} needs a reason"
        )
    record = {
        "sequence_reviewer": reviewer.strip(),
        "sequence_reason": reason.strip(),
        "suggested_sequence": matches[0].sequence,
        "sequence_confirmed_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    series = tuple(
        dataclasses.replace(
            s,
            sequence=chosen.value,
            needs_confirmation=False,
            confirmation={**(s.confirmation or {}), **record},
        )
        if s.series_instance_uid == series_instance_uid
        else s
        for s in report.series
    )
    return dataclasses.replace(report, series=series, studies=studies_of(series))


def record_sequence_confirmation(
    out_dir: str | Path, series_instance_uid: str, sequence: str, reviewer: str, reason: str = ""
) -> QCReport:
    """Confirm a sequence in ``out_dir/qc_report.json`` and rewrite the JSON, CSV and HTML."""
    report = load_report(Path(out_dir) / "qc_report.json")
    updated = confirm_sequence(report, series_instance_uid, sequence, reviewer, reason)
    write_report(updated, out_dir)
    return updated
