"""A self-contained HTML QC report for the radiologist: inline CSS, thumbnails as base64 PNG.

One section per study (verdict, the five required sequences), then one card per series: the
middle slice, what the series was identified as and why, geometry, the suggested and confirmed
grade, and the findings with their consensus rule IDs. No scripts, no external resources; the
page shell (language, inline CSS, provenance footer) is ``html_page``'s.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from CNSTumorQCLib.acquisition.parameters import PARAMETER_KEYS, parameter_text
from CNSTumorQCLib.findings import Finding
from CNSTumorQCLib.report.html_page import html_page

if TYPE_CHECKING:
    from CNSTumorQCLib.report.qc_report import QCReport, SeriesReport, StudyReport

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2330;background:#f6f7f9}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:0 0 6px}.study h2{margin-top:0}
.meta{color:#5b6475;font-size:12px}.study{background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:14px 18px;margin:16px 0}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px;color:#fff}
.FIT{background:#2e7d32}.NEEDS_REVIEW{background:#b26a00}.NOT_FIT{background:#c62828}
table{border-collapse:collapse;font-size:13px;margin:6px 0}td,th{border-bottom:1px solid #e4e7ee;padding:4px 8px;text-align:left;vertical-align:top}
.card{display:flex;gap:16px;background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:12px;margin:10px 0}
.thumb{align-self:flex-start;min-width:160px;max-width:450px;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;color:#888;font-size:11px;border-radius:4px;padding:0 0 4px}
.thumb img{max-width:450px;max-height:200px}.thumb span{color:#c9ced8}.error{color:#c62828;font-weight:600}.warning{color:#b26a00;font-weight:600}.info{color:#5b6475}
.valid{color:#2e7d32;font-weight:600}.missing,.invalid,.incomplete{color:#c62828;font-weight:600}.duplicated{color:#b26a00;font-weight:600}
details{font-size:12px;color:#5b6475}code{font-size:12px}
"""


def _finding_rows(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return "<p class='info'>No findings.</p>"
    rows = []
    for f in findings:
        files = ""
        if f.files:
            listed = "<br>".join(escape(p) for p in f.files[:20])
            more = f"<br>... and {len(f.files) - 20} more" if len(f.files) > 20 else ""
            files = f"<details><summary>{len(f.files)} file(s)</summary>{listed}{more}</details>"
        rows.append(
            f"<tr><td><code>{escape(f.rule)}</code></td><td class='{f.severity.value}'>{f.severity.value}</td>"
            f"<td>{escape(f.message)}{files}</td></tr>"
        )
    return (
        "<table><tr><th>rule</th><th>severity</th><th>finding</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _value(value: Any, unit: str = "") -> str:
    if value is None or value == "" or value == ():
        return "&mdash;"
    if isinstance(value, float):
        return f"{value:g}{unit}"
    if isinstance(value, list | tuple):
        return escape(", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)) + unit
    return escape(str(value)) + unit


def _grade(entry: SeriesReport) -> str:
    suggested = "not computed" if entry.suggested_grade is None else str(entry.suggested_grade)
    confirmed = (
        "to be confirmed by a radiologist"
        if entry.confirmed_grade is None
        else str(entry.confirmed_grade)
    )
    text = f"suggested <b>{suggested}</b>, confirmed <b>{escape(confirmed)}</b>"
    if entry.confirmation:
        text += f" ({escape(entry.confirmation.get('reviewer', ''))})"
    if entry.excluded:
        text += f"<br><span class='error'>excluded (R-QC-2): {escape((entry.confirmation or {}).get('reason', ''))}</span>"
    if entry.grade_reasons:
        text += "<br><span class='info'>" + escape("; ".join(entry.grade_reasons)) + "</span>"
    return text


def _acquisition(parameters: dict[str, Any]) -> str:
    """The recorded acquisition parameters: a one-line summary, the full list folded."""
    if not parameters:
        return "&mdash;"
    p = {k: escape(parameter_text(v)) for k, v in parameters.items()}
    summary = (
        f"{p.get('field_strength_t') or '?'} T {p.get('model') or ''} &middot; "
        f"TR {p.get('repetition_time_ms') or '&mdash;'} / TE {p.get('echo_time_ms') or '&mdash;'} / "
        f"TI {p.get('inversion_time_ms') or '&mdash;'} ms &middot; flip {p.get('flip_angle_deg') or '&mdash;'}&deg; "
        f"&middot; matrix {p.get('matrix') or '&mdash;'}"
    )
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{p.get(k, '')}</td></tr>" for k in PARAMETER_KEYS)
    return f"{summary}<details><summary>all parameters</summary><table>{rows}</table></details>"


def _view_note(plane: str | None) -> str:
    """How to read the thumbnail (radiological convention, as in Slicer's slice views)."""
    if plane and plane.lower().startswith("sag"):
        return "anterior on the left, superior up"
    if plane and plane.lower().startswith("cor"):
        return "patient's right on the left, superior up"
    return "patient's right on the left, anterior up"


def _series_card(entry: SeriesReport) -> str:
    thumb = (
        f"<img alt='three slices, radiological convention' "
        f"src='data:image/png;base64,{entry.thumbnail_png}'>"
        f"<span>slices at 30, 50, 70 % &middot; {_view_note(entry.plane)}</span>"
        if entry.thumbnail_png
        else "no image"
    )
    confirm = (
        " <span class='warning'>(a person must confirm)</span>" if entry.needs_confirmation else ""
    )
    if entry.sequence_confirmation:
        record = entry.sequence_confirmation
        confirm = (
            f" confirmed by {escape(str(record.get('reviewer')))} "
            f"({escape(str(record.get('confirmed_utc')))}; identified as "
            f"{escape(str(record.get('identified_sequence')))})"
        )
    evidence = "".join(
        f"<li><code>{escape(e['source'])}</code> = {escape(e['value'])} &rarr; {escape(e['says'])}</li>"
        for e in entry.evidence
    )
    rows = [
        (
            "Identified as",
            f"<b>{escape(entry.sequence)}</b> (confidence {entry.identification_confidence:.2f}){confirm}",
        ),
        (
            "Plane / acquisition",
            f"{_value(entry.plane)} (tilt {_value(entry.obliquity_deg, '&deg;')}), {_value(entry.acquisition)}",
        ),
        (
            "Slice thickness / gap",
            f"{_value(entry.slice_thickness_mm, ' mm')} / {_value(entry.slice_gap_mm, ' mm')}",
        ),
        ("b-values (s/mm&sup2;)", _value(entry.b_values)),
        ("Images / volumes", f"{entry.images} / {entry.volumes}"),
        ("Acquisition (R-DATA-3)", _acquisition(entry.acquisition_parameters)),
        ("Image quality grade", _grade(entry)),
    ]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        f"<div class='card'><div class='thumb'>{thumb}</div><div>"
        f"<h3>Series {_value(entry.series_number)} &middot; {escape(entry.series_description or '(no description)')}</h3>"
        f"<div class='meta'>{escape(entry.manufacturer)} &middot; <code>{escape(entry.series_instance_uid)}</code></div>"
        f"<table>{table}</table><details><summary>why this identification</summary><ul>{evidence}</ul></details>"
        f"{_finding_rows(entry.findings)}</div></div>"
    )


def _study(study: StudyReport, series: list[SeriesReport]) -> str:
    requirements = "".join(
        f"<tr><td>{escape(r['requirement'])}</td><td><code>{escape(r['rule'])}</code></td><td class='{escape(r['status'])}'>{escape(r['status'])}</td></tr>"
        for r in study.requirements
    )
    reasons = "".join(f"<li>{escape(r)}</li>" for r in study.reasons)
    cards = "".join(_series_card(s) for s in series)
    return (
        f"<div class='study'><h2>Patient {escape(study.patient_id or '(no ID)')} <span class='badge {study.verdict.value}'>{study.verdict.value.replace('_', ' ')}</span></h2>"
        f"<div class='meta'>Study <code>{escape(study.study_instance_uid)}</code></div>"
        f"<table><tr><th>required sequence</th><th>rule</th><th>status</th></tr>{requirements}</table>"
        f"<ul>{reasons}</ul>{cards}</div>"
    )


def report_html(report: QCReport) -> str:
    """The report as one HTML page (UTF-8, no external resources)."""
    prov = report.provenance
    tables = ", ".join(f"{k} {v}" for k, v in prov.get("rule_tables", {}).items())
    studies = "".join(
        _study(
            study, [s for s in report.series if s.study_instance_uid == study.study_instance_uid]
        )
        for study in report.studies
    )
    notes = (
        _finding_rows(report.input_findings)
        if report.input_findings
        else "<p class='info'>All files were indexed.</p>"
    )
    body = (
        f"<h1>CNSTumor QC report <span class='badge {report.verdict.value}'>{report.verdict.value.replace('_', ' ')}</span></h1>"
        f"<div class='meta'>{escape(report.input_dir)} &middot; {report.files_indexed} of {report.files_seen} files indexed &middot; "
        f"{escape(str(prov.get('software', '')))} {escape(str(prov.get('software_version', '')))} &middot; rule tables: {escape(tables)} &middot; "
        f"{escape(str(prov.get('created_utc', '')))}</div>"
        "<p class='meta'>Grades are suggestions (R-QC-1); only a radiologist's confirmed grade 2 or 3 allows annotation (R-QC-2).</p>"
        f"{studies}<h2>Files not indexed</h2>{notes}"
    )
    return html_page("CNSTumor QC report", body, provenance=prov, css=_CSS)
