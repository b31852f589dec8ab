"""The QC gate of R-FLOW-1: index -> identify -> rules + integrity -> suggested grade -> report.

``run_qc(dicom_dir, out_dir)`` is the one call the CLI, the demo and the Slicer module make.
Identification runs on the original headers (before de-identification, which strips the tags it
needs). The grade comes from ``CNSTumorQCLib.quality.grading.suggest_grade``; with grading switched
off (``grade=False``, ``cnstumor qc --no-grade``) each series says "grade not computed".
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from CNSTumorQCLib.acquisition.identify import CONFIRM_BELOW, Identification, identify_series
from CNSTumorQCLib.acquisition.integrity import (
    DEFAULT_PARAMETERS,
    IntegrityParameters,
    check_integrity,
)
from CNSTumorQCLib.acquisition.parameters import acquisition_parameters
from CNSTumorQCLib.acquisition.rules import CONSENSUS_RULES, RuleTable, check_series_rules
from CNSTumorQCLib.acquisition.study_context import (
    mark_field_map_pairs,
    resolve_contrast_by_time,
)
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.model import Series
from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.quality.grading import suggest_grade
from CNSTumorQCLib.report.qc_report import QCReport, SeriesReport, studies_of, write_report
from CNSTumorQCLib.sequences import MRSequence

INTEGRITY_TABLE_VERSION = "qc-anchors-s7/1.0"
GRADED_SEQUENCES = frozenset(MRSequence) - {MRSequence.OTHER}


@dataclass(frozen=True)
class _Graded:
    """What grading one series gave: the grade and its reasons, findings, the pixels' digest."""

    grade: int | None = None
    reasons: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    digest: str | None = None


def _grade(series: Series, ident: Identification, grader: Callable[..., Any] | None) -> _Graded:
    uid = series.series_instance_uid
    if grader is None:
        return _Graded(
            findings=(
                Finding(
                    "R-QC-1",
                    Severity.INFO,
                    tr("grade not computed: image-quality grading was switched off (--no-grade)"),
                    uid,
                ),
            )
        )
    if (
        ident.sequence not in GRADED_SEQUENCES
        or len(series.stacks[0].instances) < DEFAULT_PARAMETERS.minimum_slices
    ):
        return _Graded()
    import SimpleITK as sitk

    from CNSTumorQCLib.dicom.stack_image import stack_image
    from CNSTumorQCLib.quality.pixel_findings import slice_findings
    from CNSTumorQCLib.quality.slices import check_slices, volume_digest

    digest = None
    pixel_findings: list[Finding] = []
    try:
        image = stack_image(series.stacks[0])
        volume = sitk.GetArrayViewFromImage(image)  # DICOM stack: slices along numpy axis 0
        digest = volume_digest(volume)
        check = check_slices(volume)  # R-DATA-2, R-QC-3: blank, duplicated, outlier slices
        pixel_findings = slice_findings(check, series.stacks[0], uid)
        if ident.sequence is MRSequence.ADC:  # R-ACQ-4: values in a plausible range and unit
            from CNSTumorQCLib.quality.adc import adc_findings

            pixel_findings += adc_findings(volume, uid, series.stacks[0].files)
        suggestion = grader(image, ident.sequence, slices=check)
    except CNSTumorError as error:
        return _Graded(
            findings=(
                *pixel_findings,
                Finding(
                    "R-QC-1", Severity.WARNING, tr("grade not computed: {error}", error=error), uid
                ),
            ),
            digest=digest,
        )
    except Exception as error:  # the grade is a suggestion: its failure must not stop the QC
        return _Graded(
            findings=(
                *pixel_findings,
                Finding(
                    "R-QC-1",
                    Severity.WARNING,
                    tr(
                        "grade not computed ({name}: {error})",
                        name=type(error).__name__,
                        error=error,
                    ),
                    uid,
                ),
            ),
            digest=digest,
        )
    grade = int(suggestion.grade)
    findings = list(pixel_findings) + _metal_findings(suggestion.metrics, series, uid)
    if grade == 1:
        findings.append(
            Finding(
                "R-QC-2",
                Severity.WARNING,
                tr(
                    "suggested grade 1 (not diagnostic): a radiologist confirms; a confirmed "
                    "grade 1 excludes the series"
                ),
                uid,
            )
        )
    # A metric that cannot be computed (NaN: no air around a skull-stripped volume) is left out:
    # JSON has no NaN, and the grade's reasons already say which metrics were unavailable.
    metrics = {k: float(v) for k, v in dict(suggestion.metrics).items() if not math.isnan(float(v))}
    return _Graded(
        grade, tuple(str(r) for r in suggestion.reasons), metrics, tuple(findings), digest
    )


def _metal_findings(metrics: dict[str, float], series: Series, uid: str) -> list[Finding]:
    """R-QC-1: a metal or susceptibility artifact, for the radiologist to confirm and grade."""
    from CNSTumorQCLib.quality.grading import METAL, METAL_OVER_BRAIN

    total = float(metrics.get("metal_void_ml", 0.0))
    core = float(metrics.get("metal_void_core_ml", 0.0))
    if not (total > (METAL.grade2 or 0.0) or core > (METAL_OVER_BRAIN.grade1 or 0.0)):
        return []
    stack = series.stacks[0]
    where = metrics.get("metal_void_slice", float("nan"))
    files: tuple[str, ...] = ()
    if not math.isnan(where) and 0 <= int(where) < len(stack.instances):
        files = (stack.instances[int(where)].label,)
    return [
        Finding(
            "R-QC-1",
            Severity.WARNING,
            tr(
                (
                    "metal or susceptibility artifact: {total:.1f} mL of signal void next to "
                    "bright pile-up, {core:.1f} mL of it over the brain; a radiologist "
                    "confirms the grade: 1 for a removable metal artifact (remove the metal "
                    "and rescan), 2 when soft tissue and bone remain distinguishable"
                ),
                total=total,
                core=core,
            ),
            uid,
            files,
            details={"metal_void_ml": total, "metal_void_core_ml": core},
        )
    ]


def _thumbnail(series: Series) -> tuple[str | None, list[Finding]]:
    from CNSTumorQCLib.dicom.stack_image import thumbnail_png

    try:
        return thumbnail_png(series.stacks[0]), []
    except Exception as error:  # a missing thumbnail is a note, not a failure
        return None, [
            Finding(
                "R-DATA-2",
                Severity.INFO,
                tr("no thumbnail: pixels could not be read ({error})", error=error),
                series.series_instance_uid,
            )
        ]


def series_report(
    series: Series,
    grader: Callable[..., Any] | None,
    table: RuleTable,
    params: IntegrityParameters,
    thumbnails: bool,
    ident: Identification | None = None,
) -> tuple[SeriesReport, str | None]:
    """Identify (unless ``ident`` is given), check and grade one series.

    Returns the entry and the digest of the pixels read for the grade (None when not read).
    """
    ident = ident or identify_series(series)
    findings = check_integrity(series, params) + check_series_rules(
        ident, series.series_instance_uid, series.files, table
    )
    blocked = any(f.severity is Severity.ERROR and f.rule == "R-DATA-2" for f in findings)
    graded = _grade(series, ident, None if blocked else grader)
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
        acquisition_parameters=acquisition_parameters(series, ident),  # R-DATA-3
        images=len(series.instances),
        files=len(series.files),
        volumes=len(series.stacks),
        suggested_grade=graded.grade,
        grade_reasons=graded.reasons,
        quality_metrics=graded.metrics,
        findings=tuple(findings) + graded.findings + tuple(thumb_findings),
        thumbnail_png=thumb,
    ), graded.digest


def build_report(
    dicom_dir: str | Path,
    *,
    workers: int | None = None,
    grade: bool = True,
    thumbnails: bool = True,
    progress: bool | None = None,
    table: RuleTable = CONSENSUS_RULES,
    params: IntegrityParameters = DEFAULT_PARAMETERS,
    callback: Callable[[int, int, str], None] | None = None,
) -> QCReport:
    """Run the QC on a DICOM folder and return the report (nothing written).

    ``callback(done, total, what)`` reports progress to a caller's progress bar (the Slicer
    module): ``(0, 0, "indexing")`` while headers are read, then once per checked series
    (``what`` in the language people read)."""
    if callback is not None:
        callback(0, 0, tr("indexing"))
    index = index_folder(dicom_dir, workers=workers, progress=progress)
    grader = suggest_grade if grade else None
    idents = {s.series_instance_uid: identify_series(s) for s in index.series}
    # Decisions that need the rest of the study (R-ACQ-5 pre/post pairs, R-ACQ-7 field maps)
    idents = resolve_contrast_by_time(index.series, idents)
    idents = mark_field_map_pairs(index.series, idents)
    results = []
    for number, item in enumerate(_with_progress(index.series, progress)):
        if callback is not None:
            callback(
                number,
                len(index.series),
                tr("series {number}", number=item.series_number or number + 1),
            )
        ident = idents[item.series_instance_uid]
        results.append(series_report(item, grader, table, params, thumbnails, ident))
    if callback is not None:
        callback(len(index.series), len(index.series), tr("done"))
    series = _with_duplicate_volumes(results, index.series)
    stamp = provenance(
        "qc",
        rule_tables={"acquisition": table.version, "integrity": INTEGRITY_TABLE_VERSION},
        parameters={
            "rule_table": table.to_dict(),
            "integrity": params.to_dict(),
            "identification_confirm_below": CONFIRM_BELOW,
            "grading": "CNSTumorQCLib.quality.grading.suggest_grade"
            if grader is not None
            else "switched off",
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


def _with_duplicate_volumes(
    results: list[tuple[SeriesReport, str | None]], indexed: tuple[Series, ...]
) -> tuple[SeriesReport, ...]:
    """Entries, with an R-DATA-2 finding on each series whose pixels equal another's in its study."""
    from CNSTumorQCLib.quality.pixel_findings import duplicate_volume_findings

    by_study: dict[str, list[tuple[str, str, int | None, str, tuple[str, ...]]]] = {}
    for (entry, digest), source in zip(results, indexed, strict=True):
        if digest is not None:
            files = source.stacks[0].files
            by_study.setdefault(entry.study_instance_uid, []).append(
                (
                    entry.series_instance_uid,
                    digest,
                    entry.series_number,
                    entry.series_description,
                    files,
                )
            )
    extra: dict[str, list[Finding]] = {}
    for volumes in by_study.values():
        for uid, findings in duplicate_volume_findings(volumes).items():
            extra.setdefault(uid, []).extend(findings)
    return tuple(
        dataclasses.replace(
            entry, findings=entry.findings + tuple(extra[entry.series_instance_uid])
        )
        if entry.series_instance_uid in extra
        else entry
        for entry, _ in results
    )


def _with_progress(items: tuple[Series, ...], progress: bool | None) -> Any:
    if progress is False:
        return items
    from CNSTumorQCLib.progress import steps

    return steps(items, tr("checking series"), "series", len(items))


def run_qc(dicom_dir: str | Path, out_dir: str | Path, **options: Any) -> QCReport:
    """Run the QC on ``dicom_dir`` and write qc_report.json / .csv / .html into ``out_dir``.

    ``out_dir`` must not be inside ``dicom_dir`` (the input is never modified).
    """
    dicom_dir, out_dir = Path(dicom_dir), Path(out_dir)
    if out_dir.resolve().is_relative_to(dicom_dir.resolve()):
        from CNSTumorQCLib.errors import InvalidInputError

        raise InvalidInputError(
            tr(
                "the output folder must not be inside the DICOM folder (the input is "
                "never modified)"
            ),
            out_dir,
        )
    if out_dir.exists() and not out_dir.is_dir():  # refused before the (long) indexing
        from CNSTumorQCLib.errors import InvalidInputError

        raise InvalidInputError(tr("the output folder is an existing file, not a folder"), out_dir)
    report = build_report(dicom_dir, **options)
    write_report(report, out_dir)
    return report
