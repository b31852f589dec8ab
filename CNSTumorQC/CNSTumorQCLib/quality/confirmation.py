"""Recording a radiologist's confirmations beside the software's suggestions (R-QC-1/2, R-ACQ-*).

The suggested grade is only a suggestion; the confirmed grade is what counts. A confirmed grade 1
excludes the series from annotation and must give a reason. Likewise the sequence identification
(T1, T1C, T2, FLAIR, DWI, ADC, other) is confirmed, or corrected, by a person: the confirmed
sequence replaces the identified one, the acquisition rules (R-ACQ-1..7) are checked again for
it, and the identification is kept beside the confirmation (who, when, what was identified).
The report files are rewritten atomically with the study verdicts recomputed (R-FLOW-1).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path

from CNSTumorQCLib.acquisition.identify import Identification
from CNSTumorQCLib.acquisition.rules import CONSENSUS_RULES, check_series_rules
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.report.qc_report import (
    QCReport,
    SeriesReport,
    load_report,
    studies_of,
    write_report,
)
from CNSTumorQCLib.sequences import Acquisition, MRSequence, Plane

VALID_GRADES = (1, 2, 3)
#: Findings of the acquisition rules, checked again when a person confirms the sequence.
_ACQUISITION_RULE_PREFIX = "R-ACQ-"


def _choice(entry: SeriesReport) -> str:
    return (
        f"{entry.series_number if entry.series_number is not None else '-'} "
        f"{entry.series_description or tr('(no description)')} ({entry.sequence}) "
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
    if matches:
        raise InvalidInputError(
            tr(
                "several series match {key!r}; give a series number, description or UID from: "
                "{choices}",
                key=key,
                choices=choices,
            )
        )
    raise InvalidInputError(
        tr(
            "no series matches {key!r}; give a series number, description or UID from: {choices}",
            key=key,
            choices=choices,
        )
    )


def confirm_grade(
    report: QCReport, series_instance_uid: str, grade: int, reviewer: str, reason: str = ""
) -> QCReport:
    """A new report in which ``reviewer`` confirmed ``grade`` for one series (R-QC-2).

    ``series_instance_uid`` may also be the series number or description (``resolve_series``).
    """
    if grade not in VALID_GRADES:
        raise InvalidInputError(tr("grade must be 1, 2 or 3, got {grade!r}", grade=grade))
    if not reviewer.strip():
        raise InvalidInputError(
            tr("a confirmed grade needs the name of the person who confirms it")
        )
    if grade == 1 and not reason.strip():
        raise InvalidInputError(
            tr("a grade 1 (non-diagnostic) series is excluded with a reason: give one (R-QC-2)")
        )
    series_instance_uid = resolve_series(report, series_instance_uid).series_instance_uid
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


def parse_sequence(value: MRSequence | str) -> MRSequence:
    """A sequence from its name (``T1C``, ``flair``), or a clear error naming the choices."""
    if isinstance(value, MRSequence):
        return value
    try:
        return MRSequence(str(value).strip().upper())
    except ValueError:
        known = ", ".join(s.value for s in MRSequence)
        raise InvalidInputError(
            tr("unknown sequence {given!r}: one of {known}", given=value, known=known)
        ) from None


def _identification(entry: SeriesReport, sequence: MRSequence) -> Identification:
    """The series' identification as the report recorded it, with the confirmed sequence."""
    return Identification(
        sequence=sequence,
        confidence=1.0,
        needs_confirmation=False,
        evidence=(),
        plane=Plane(entry.plane) if entry.plane else None,
        obliquity_deg=entry.obliquity_deg,
        acquisition=Acquisition(entry.acquisition) if entry.acquisition else None,
        slice_thickness_mm=entry.slice_thickness_mm,
        slice_spacing_mm=entry.slice_spacing_mm,
        slice_gap_mm=entry.slice_gap_mm,
        b_values=tuple(entry.b_values),
    )


def confirm_sequence(
    report: QCReport,
    series_instance_uid: str,
    sequence: MRSequence | str,
    reviewer: str,
    reason: str = "",
) -> QCReport:
    """A new report in which ``reviewer`` confirmed (or corrected) one series' sequence.

    The identification is a suggestion; the radiologist's word replaces it and the suggestion is
    kept in the record. A correction needs a reason. The acquisition-rule findings of the series
    are replaced by those of the confirmed sequence (R-ACQ-1..7); integrity (R-DATA-2) and grade
    (R-QC-*) findings stay as they were.
    """
    confirmed = parse_sequence(sequence)
    if not reviewer.strip():
        raise InvalidInputError(
            tr("a confirmed sequence needs the name of the person who confirms it")
        )
    entry = next((s for s in report.series if s.series_instance_uid == series_instance_uid), None)
    if entry is None:
        raise InvalidInputError(
            tr(
                "no series {uid} in the QC report",
                uid=series_instance_uid,
            )
        )
    previous = entry.sequence_confirmation or {}
    identified = previous.get("identified_sequence", entry.sequence)
    if confirmed.value != entry.sequence and not reason.strip():
        raise InvalidInputError(
            tr(
                "changing the sequence from {sequence} to {confirmed} needs a reason",
                sequence=entry.sequence,
                confirmed=confirmed.value,
            )
        )
    record = {
        "reviewer": reviewer.strip(),
        "confirmed_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "sequence": confirmed.value,
        "identified_sequence": identified,
        "identified_confidence": previous.get(
            "identified_confidence", entry.identification_confidence
        ),
        "corrected": confirmed.value != identified,
        "reason": reason.strip(),
    }
    kept = tuple(f for f in entry.findings if not f.rule.startswith(_ACQUISITION_RULE_PREFIX))
    rules = check_series_rules(
        _identification(entry, confirmed), series_instance_uid, (), CONSENSUS_RULES
    )
    updated = dataclasses.replace(
        entry,
        sequence=confirmed.value,
        needs_confirmation=False,
        sequence_confirmation=record,
        findings=(*kept, *rules),
    )
    series = tuple(updated if s is entry else s for s in report.series)
    return dataclasses.replace(report, series=series, studies=studies_of(series))


def record_sequence_confirmation(
    out_dir: str | Path,
    series_instance_uid: str,
    sequence: MRSequence | str,
    reviewer: str,
    reason: str = "",
) -> QCReport:
    """Confirm a sequence in ``out_dir/qc_report.json`` and rewrite the JSON, CSV and HTML."""
    report = load_report(Path(out_dir) / "qc_report.json")
    updated = confirm_sequence(report, series_instance_uid, sequence, reviewer, reason)
    write_report(updated, out_dir)
    return updated


def record_grade_confirmation(
    out_dir: str | Path, series_instance_uid: str, grade: int, reviewer: str, reason: str = ""
) -> QCReport:
    """Confirm a grade in ``out_dir/qc_report.json`` and rewrite the JSON, CSV and HTML reports."""
    report = load_report(Path(out_dir) / "qc_report.json")
    updated = confirm_grade(report, series_instance_uid, grade, reviewer, reason)
    write_report(updated, out_dir)
    return updated
