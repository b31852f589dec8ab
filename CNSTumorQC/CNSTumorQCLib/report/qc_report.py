"""The QC report: one entry per series, a verdict per study, provenance; JSON and CSV writers.

The verdict of a study is derived from its series entries only (sequence, blocking findings,
exclusion), so that recording a radiologist's confirmed grade (R-QC-2) can recompute it from the
saved JSON. Verdicts: ``FIT`` (all five required sequences valid, nothing left to confirm),
``NEEDS_REVIEW`` (fit once a person confirms grades or sequences), ``NOT_FIT`` (a required
sequence is missing or invalid, or a blocking finding).
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from CNSTumorQCLib.acquisition.parameters import PARAMETER_KEYS, parameter_text
from CNSTumorQCLib.acquisition.rules import CONSENSUS_RULES, RuleTable, check_study_requirements
from CNSTumorQCLib.acquisition.study_rules import contrast_order_findings, dwi_b0_findings
from CNSTumorQCLib.atomic import write_json_atomic, write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import N_, tr
from CNSTumorQCLib.paths import output_folder
from CNSTumorQCLib.report.qc_html import report_html
from CNSTumorQCLib.sequences import MRSequence

REPORT_SCHEMA_VERSION = "cnstumor-qc-report/1"


class Verdict(enum.Enum):
    """Study-level outcome of QC. Member names are a file format."""

    FIT = "FIT"
    NEEDS_REVIEW = "NEEDS_REVIEW"
    NOT_FIT = "NOT_FIT"

    @property
    def words(self) -> str:
        """The verdict as people read it: the value in English, words in Chinese (适合标注)."""
        return tr(self.value)


#: The verdicts' values, marked for translation (``Verdict.words``).
_VERDICT_WORDS = (N_("FIT"), N_("NEEDS_REVIEW"), N_("NOT_FIT"))


@dataclass(frozen=True)
class SeriesReport:
    """Everything the QC says about one series (fields named as in qc_report.json)."""

    patient_id: str
    study_instance_uid: str
    series_instance_uid: str
    series_number: int | None
    series_description: str
    manufacturer: str
    sequence: str
    identification_confidence: float
    needs_confirmation: bool
    evidence: tuple[dict[str, str], ...]
    plane: str | None
    obliquity_deg: float | None
    acquisition: str | None
    slice_thickness_mm: float | None
    slice_spacing_mm: float | None
    slice_gap_mm: float | None
    b_values: tuple[float, ...]
    images: int
    files: int
    volumes: int
    suggested_grade: int | None
    grade_reasons: tuple[str, ...]
    quality_metrics: dict[str, float]
    confirmed_grade: int | None = None
    confirmation: dict[str, str] | None = None
    acquisition_parameters: dict[str, Any] = field(default_factory=dict)  # R-DATA-3
    #: Who confirmed (or corrected) the sequence, when, and what was identified (R-ACQ-*).
    sequence_confirmation: dict[str, Any] | None = None
    findings: tuple[Finding, ...] = ()
    thumbnail_png: str | None = field(default=None, compare=False)

    @property
    def excluded(self) -> bool:
        """R-QC-2: a confirmed grade 1 excludes the series from annotation."""
        return self.confirmed_grade == 1

    @property
    def blocking(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def usable(self) -> bool:
        return not self.blocking and not self.excluded

    def to_dict(self, with_thumbnail: bool = False) -> dict[str, Any]:
        data = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("findings", "thumbnail_png")
        }
        data["evidence"] = [dict(e) for e in self.evidence]
        data["b_values"] = list(self.b_values)
        data["grade_reasons"] = list(self.grade_reasons)
        data["excluded"] = self.excluded
        data["exclusion_reason"] = (
            (self.confirmation or {}).get("reason") if self.excluded else None
        )
        data["findings"] = [f.to_dict() for f in self.findings]
        if with_thumbnail:
            data["thumbnail_png"] = self.thumbnail_png
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SeriesReport:
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["evidence"] = tuple(values.get("evidence", ()))
        values["b_values"] = tuple(values.get("b_values", ()))
        values["grade_reasons"] = tuple(values.get("grade_reasons", ()))
        values["findings"] = tuple(Finding.from_dict(f) for f in data.get("findings", ()))
        return cls(**values)


@dataclass(frozen=True)
class StudyReport:
    patient_id: str
    study_instance_uid: str
    verdict: Verdict
    requirements: tuple[dict[str, Any], ...]
    findings: tuple[Finding, ...]
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "patient_id": self.patient_id,
            "study_instance_uid": self.study_instance_uid,
            "verdict": self.verdict.value,
            "reasons": list(self.reasons),
            "requirements": [dict(r) for r in self.requirements],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class QCReport:
    """The whole report of one ``cnstumor qc`` run."""

    input_dir: str
    series: tuple[SeriesReport, ...]
    studies: tuple[StudyReport, ...]
    input_findings: tuple[Finding, ...]
    provenance: dict[str, Any]
    files_seen: int = 0
    files_indexed: int = 0

    @property
    def verdict(self) -> Verdict:
        """The worst study verdict; NOT_FIT when nothing usable was found or a file was unreadable."""
        if not self.studies or any(f.severity is Severity.ERROR for f in self.input_findings):
            return Verdict.NOT_FIT
        order = [Verdict.FIT, Verdict.NEEDS_REVIEW, Verdict.NOT_FIT]
        return max((s.verdict for s in self.studies), key=order.index)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA_VERSION,
            "input_dir": self.input_dir,
            "verdict": self.verdict.value,
            "files_seen": self.files_seen,
            "files_indexed": self.files_indexed,
            "provenance": self.provenance,
            "studies": [s.to_dict() for s in self.studies],
            "series": [s.to_dict(with_thumbnail=True) for s in self.series],
            "input_findings": [f.to_dict() for f in self.input_findings],
        }


def study_report(
    patient_id: str, study_uid: str, series: list[SeriesReport], table: RuleTable = CONSENSUS_RULES
) -> StudyReport:
    """The verdict of one study from its series entries (see the module docstring)."""
    triples = [(s.series_instance_uid, MRSequence(s.sequence), s.usable) for s in series]
    statuses, findings = check_study_requirements(triples, table)
    findings += contrast_order_findings(series) + dwi_b0_findings(series, table)  # R-ACQ-5, 4
    requirements = tuple(
        {
            "requirement": st.requirement,
            "rule": st.rule,
            "status": st.status,
            "valid_series": list(st.valid_series),
            "invalid_series": list(st.invalid_series),
        }
        for st in statuses
    )
    reasons: list[str] = [f.message for f in findings if f.severity is Severity.ERROR]
    if reasons:
        verdict = Verdict.NOT_FIT
    else:
        chosen = {uid for st in statuses for uid in st.valid_series}
        pending = [
            s
            for s in series
            if s.series_instance_uid in chosen
            and (s.needs_confirmation or s.confirmed_grade is None)
        ]
        reasons = [
            tr(
                "series {number} {sequence}: sequence to confirm",
                number=s.series_number,
                sequence=s.sequence,
            )
            if s.needs_confirmation
            else tr(
                "series {number} {sequence}: grade to confirm",
                number=s.series_number,
                sequence=s.sequence,
            )
            for s in pending
        ]
        reasons += [f.message for f in findings if f.severity is Severity.WARNING]
        verdict = Verdict.NEEDS_REVIEW if reasons else Verdict.FIT
    return StudyReport(
        patient_id, study_uid, verdict, requirements, tuple(findings), tuple(reasons)
    )


def studies_of(series: tuple[SeriesReport, ...]) -> tuple[StudyReport, ...]:
    grouped: dict[tuple[str, str], list[SeriesReport]] = {}
    for entry in series:
        grouped.setdefault((entry.patient_id, entry.study_instance_uid), []).append(entry)
    return tuple(study_report(p, s, entries) for (p, s), entries in grouped.items())


CSV_COLUMNS = (
    "patient_id study_instance_uid series_instance_uid series_number series_description sequence "
    "identification_confidence needs_confirmation plane acquisition slice_thickness_mm slice_gap_mm "
    "b_values suggested_grade confirmed_grade excluded study_verdict errors warnings findings"
).split()
#: R-DATA-3: the acquisition parameters, one column each (the ones not already above).
CSV_COLUMNS += [k for k in PARAMETER_KEYS if k not in CSV_COLUMNS]


def report_csv(report: QCReport) -> str:
    """One row per series (findings joined as ``RULE severity: message``)."""
    verdicts = {s.study_instance_uid: s.verdict.value for s in report.studies}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in report.series:
        row = entry.to_dict()
        for key in PARAMETER_KEYS:
            if key not in row:
                row[key] = parameter_text(entry.acquisition_parameters.get(key))
        row["b_values"] = " ".join(f"{b:g}" for b in entry.b_values)
        row["study_verdict"] = verdicts.get(entry.study_instance_uid, "")
        row["errors"] = sum(f.severity is Severity.ERROR for f in entry.findings)
        row["warnings"] = sum(f.severity is Severity.WARNING for f in entry.findings)
        row["findings"] = " | ".join(
            f"{f.rule} {f.severity.value}: {f.message}" for f in entry.findings
        )
        writer.writerow({k: row.get(k, "") for k in CSV_COLUMNS})
    return buffer.getvalue()


def write_report(report: QCReport, out_dir: str | Path) -> dict[str, Path]:
    """Write qc_report.json, qc_report.csv and qc_report.html (atomically) into ``out_dir``."""
    out = output_folder(out_dir, N_("QC report folder"))
    return {
        "json": write_json_atomic(out / "qc_report.json", report.to_dict()),
        "csv": write_text_atomic(out / "qc_report.csv", report_csv(report)),
        "html": write_text_atomic(out / "qc_report.html", report_html(report)),
    }


def load_report(path: str | Path) -> QCReport:
    """Read a qc_report.json back (with its thumbnails, so the HTML can be written again)."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("QC report not found"), path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        series = tuple(SeriesReport.from_dict(s) for s in data["series"])
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(
            tr("not a CNSTumor QC report ({error})", error=error), path
        ) from error
    return QCReport(
        input_dir=data.get("input_dir", ""),
        series=series,
        studies=studies_of(series),
        input_findings=tuple(Finding.from_dict(f) for f in data.get("input_findings", ())),
        provenance=data.get("provenance", {}),
        files_seen=data.get("files_seen", 0),
        files_indexed=data.get("files_indexed", 0),
    )
