"""The QC gate of R-FLOW-1: index -> identify -> rules + integrity -> suggested grade -> report.

``run_qc(dicom_dir, out_dir)`` is the one call the CLI, the demo and the Slicer module make.
Identification runs on the original headers (before de-identification, which strips the tags it
needs). The grade comes from ``CNSTumorQCLib.quality.grading.suggest_grade`` when that module exists;
otherwise the report says "grade not computed" and still works.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from CNSTumorQCLib.acquisition.identify import CONFIRM_BELOW, Identification, identify_series
from CNSTumorQCLib.acquisition.integrity import (
    DEFAULT_PARAMETERS,
    IntegrityParameters,
    check_integrity,
)
from CNSTumorQCLib.acquisition.rules import CONSENSUS_RULES, RuleTable, check_series_rules
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.model import Series
from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.report.qc_report import QCReport, SeriesReport, studies_of, write_report
from CNSTumorQCLib.sequences import MRSequence

INTEGRITY_TABLE_VERSION = "qc-anchors-s7/1.0"
GRADED_SEQUENCES = frozenset(MRSequence) - {MRSequence.OTHER}


def _grader() -> Callable[..., Any] | None:
    """``suggest_grade`` from the grading module, or None while it does not exist."""
    try:
        module = importlib.import_module("CNSTumorQCLib.quality.grading")
    except ImportError:
        return None
    return getattr(module, "suggest_grade", None)


def _grade(
    series: Series, ident: Identification, grader: Callable[..., Any] | None
) -> tuple[int | None, tuple[str, ...], dict[str, float], list[Finding]]:
    uid = series.series_instance_uid
    if grader is None:
        return (
            None,
            (),
            {},
            [
                Finding(
                    "R-QC-1",
                    Severity.INFO,
                    "grade not computed: the quality grading module is not available",
                    uid,
                )
            ],
        )
    if (
        ident.sequence not in GRADED_SEQUENCES
        or len(series.stacks[0].instances) < DEFAULT_PARAMETERS.minimum_slices
    ):
        return None, (), {}, []
    from CNSTumorQCLib.dicom.stack_image import stack_image

    try:
        suggestion = grader(stack_image(series.stacks[0]), ident.sequence)
    except CNSTumorError as error:
        return (
            None,
            (),
            {},
            [Finding("R-QC-1", Severity.WARNING, f"grade not computed: {error}", uid)],
        )
    except Exception as error:  # the grade is a suggestion: its failure must not stop the QC
        return (
            None,
            (),
            {},
            [
                Finding(
                    "R-QC-1",
                    Severity.WARNING,
                    f"grade not computed ({type(error).__name__}: {error})",
                    uid,
                )
            ],
        )
    grade = int(suggestion.grade)
    findings = []
    if grade == 1:
        findings.append(
            Finding(
                "R-QC-2",
                Severity.WARNING,
                "suggested grade 1 (not diagnostic): a radiologist confirms; a confirmed grade 1 excludes the series",
                uid,
            )
        )
    # A metric that cannot be computed (NaN: no air around a skull-stripped volume) is left out:
    # JSON has no NaN, and the grade's reasons already say which metrics were unavailable.
    metrics = {k: float(v) for k, v in dict(suggestion.metrics).items() if not math.isnan(float(v))}
    return grade, tuple(str(r) for r in suggestion.reasons), metrics, findings


def _thumbnail(series: Series) -> tuple[str | None, list[Finding]]:
    from CNSTumorQCLib.dicom.stack_image import thumbnail_png

    try:
        return thumbnail_png(series.stacks[0]), []
    except Exception as error:  # a missing thumbnail is a note, not a failure
        return None, [
            Finding(
                "R-DATA-2",
                Severity.INFO,
                f"no thumbnail: pixels could not be read ({error})",
                series.series_instance_uid,
            )
        ]


def series_report(
    series: Series,
    grader: Callable[..., Any] | None,
    table: RuleTable,
    params: IntegrityParameters,
    thumbnails: bool,
) -> SeriesReport:
    """Identify, check and grade one series."""
    ident = identify_series(series)
    findings = check_integrity(series, params) + check_series_rules(
        ident, series.series_instance_uid, series.files, table
    )
    blocked = any(f.severity is Severity.ERROR and f.rule == "R-DATA-2" for f in findings)
    grade, reasons, metrics, grade_findings = _grade(series, ident, None if blocked else grader)
    thumb, thumb_findings = _thumbnail(series) if thumbnails and not blocked else (None, [])
    return SeriesReport(
        patient_id=series.patient_id,
        study_instance_uid=series.study_instance_uid,
        series_instance_uid=series.series_instance_uid,
        series_number=series.series_number,
        series_description=series.description,
        manufacturer=series.first.manufacturer,
        sequence=ident.sequence.value,
        identification_confidence=ident.confidence,
        needs_confirmation=ident.needs_confirmation,
        evidence=tuple(e.to_dict() for e in ident.evidence),
        plane=ident.plane.value if ident.plane else None,
        obliquity_deg=ident.obliquity_deg,
        acquisition=ident.acquisition.value if ident.acquisition else None,
        slice_thickness_mm=ident.slice_thickness_mm,
        slice_spacing_mm=ident.slice_spacing_mm,
        slice_gap_mm=ident.slice_gap_mm,
        b_values=ident.b_values,
        images=len(series.instances),
        files=len(series.files),
        volumes=len(series.stacks),
        suggested_grade=grade,
        grade_reasons=reasons,
        quality_metrics=metrics,
        findings=tuple(findings + grade_findings + thumb_findings),
        thumbnail_png=thumb,
    )


def build_report(
    dicom_dir: str | Path,
    *,
    workers: int | None = None,
    grade: bool = True,
    thumbnails: bool = True,
    progress: bool | None = None,
    table: RuleTable = CONSENSUS_RULES,
    params: IntegrityParameters = DEFAULT_PARAMETERS,
) -> QCReport:
    """Run the QC on a DICOM folder and return the report (nothing written)."""
    index = index_folder(dicom_dir, workers=workers, progress=progress)
    grader = _grader() if grade else None
    series = tuple(
        series_report(s, grader, table, params, thumbnails)
        for s in _with_progress(index.series, progress)
    )
    stamp = provenance(
        "qc",
        rule_tables={"acquisition": table.version, "integrity": INTEGRITY_TABLE_VERSION},
        parameters={
            "rule_table": table.to_dict(),
            "integrity": params.to_dict(),
            "identification_confirm_below": CONFIRM_BELOW,
            "grading": "CNSTumorQCLib.quality.grading.suggest_grade"
            if grader is not None
            else "not available",
            "index": index.parameters,
        },
    )
    return QCReport(
        input_dir=str(dicom_dir),
        series=series,
        studies=studies_of(series),
        input_findings=index.findings,
        provenance=stamp,
        files_seen=index.files_seen,
        files_indexed=index.files_indexed,
    )


def _with_progress(items: tuple[Series, ...], progress: bool | None) -> Any:
    if progress is False:
        return items
    from CNSTumorQCLib.progress import steps

    return steps(items, "checking series", "series", len(items))


def run_qc(dicom_dir: str | Path, out_dir: str | Path, **options: Any) -> QCReport:
    """Run the QC on ``dicom_dir`` and write qc_report.json / .csv / .html into ``out_dir``.

    ``out_dir`` must not be inside ``dicom_dir`` (the input is never modified).
    """
    dicom_dir, out_dir = Path(dicom_dir), Path(out_dir)
    if out_dir.resolve().is_relative_to(dicom_dir.resolve()):
        from CNSTumorQCLib.errors import InvalidInputError

        raise InvalidInputError(
            "the output folder must not be inside the DICOM folder (the input is never modified)",
            out_dir,
        )
    report = build_report(dicom_dir, **options)
    write_report(report, out_dir)
    return report
