"""A self-contained HTML QC report for the radiologist: inline CSS, thumbnails as base64 PNG.

One section per study (verdict, the five required sequences), then one card per series: the
middle slice, what the series was identified as and why, geometry, the suggested and confirmed
grade, and the findings with their consensus rule IDs. No scripts, no external resources; the
page shell (language, inline CSS, provenance footer) is ``html_page``'s.

Every word on the page is in the language people read (``CNSTumorQCLib.i18n``); rule IDs,
sequence names, UIDs and the CSS classes (verdicts, severities, statuses) stay machine values.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from CNSTumorQCLib.acquisition.parameters import PARAMETER_KEYS, parameter_text
from CNSTumorQCLib.findings import Finding, severity_word
from CNSTumorQCLib.i18n import N_, tr
from CNSTumorQCLib.report.html_page import html_page
from CNSTumorQCLib.sequences import plane_word

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
.thumb{align-self:flex-start;flex:0 0 auto;min-width:160px;max-width:450px;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;color:#888;font-size:11px;border-radius:4px;padding:0 0 4px}
.thumb img{max-width:450px;max-height:200px}.thumb span{color:#c9ced8}.error{color:#c62828;font-weight:600}.warning{color:#b26a00;font-weight:600}.info{color:#5b6475}
.valid{color:#2e7d32;font-weight:600}.missing,.invalid,.incomplete{color:#c62828;font-weight:600}.duplicated{color:#b26a00;font-weight:600}
details{font-size:12px;color:#5b6475}code{font-size:12px}
"""


#: A requirement's status (``RequirementStatus.status``, machine-readable) in words for people.
_STATUS_WORDS = {
    "valid": N_("valid"),
    "missing": N_("missing"),
    "invalid": N_("invalid"),
    "incomplete": N_("incomplete"),
    "duplicated": N_("duplicated"),
}

#: The acquisition parameters (R-DATA-3; keys as in the JSON and CSV) in words for people.
PARAMETER_WORDS = {
    "manufacturer": N_("manufacturer"),
    "model": N_("model"),
    "field_strength_t": N_("field strength (T)"),
    "sequence_name": N_("sequence name"),
    "scanning_sequence": N_("scanning sequence"),
    "sequence_variant": N_("sequence variant"),
    "mr_acquisition_type": N_("acquisition type (2D/3D)"),
    "repetition_time_ms": N_("repetition time TR (ms)"),
    "echo_time_ms": N_("echo time TE (ms)"),
    "inversion_time_ms": N_("inversion time TI (ms)"),
    "flip_angle_deg": N_("flip angle (deg)"),
    "echo_train_length": N_("echo train length"),
    "epi_factor": N_("EPI factor"),
    "slice_thickness_mm": N_("slice thickness (mm)"),
    "slice_spacing_mm": N_("slice spacing (mm)"),
    "pixel_spacing_mm": N_("pixel spacing (mm)"),
    "matrix": N_("matrix (rows x columns)"),
    "acquisition_matrix": N_("acquisition matrix"),
    "phase_encoding_direction": N_("phase-encoding direction"),
    "contrast_agent": N_("contrast agent"),
    "acquisition_datetime": N_("acquisition start"),
}


def _fill(template: str, **markup: str) -> str:
    """A translated ``template`` (``tr("...")`` without values), HTML-escaped, with ``markup``
    (HTML the caller built, every input value in it already escaped) in its placeholders."""
    return escape(template, quote=False).format(**markup)


def _h(text: str) -> str:
    """Plain text (a translated sentence, its values filled in) as HTML."""
    return escape(text, quote=False)


def verdict_words(verdict: str) -> str:
    """A verdict (``NOT_FIT``) as the badge shows it (``NOT FIT``, Chinese 不适合标注)."""
    return tr(verdict).replace("_", " ")


def _finding_rows(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return f"<p class='info'>{_h(tr('No findings.'))}</p>"
    rows = []
    for f in findings:
        files = ""
        if f.files:
            listed = "<br>".join(escape(p) for p in f.files[:20])
            more = (
                "<br>" + _h(tr("... and {count} more", count=len(f.files) - 20))
                if len(f.files) > 20
                else ""
            )
            files = (
                f"<details><summary>{_h(tr('{count} file(s)', count=len(f.files)))}</summary>"
                f"{listed}{more}</details>"
            )
        rows.append(
            f"<tr><td><code>{escape(f.rule)}</code></td>"
            f"<td class='{f.severity.value}'>{escape(severity_word(f.severity))}</td>"
            f"<td>{escape(f.message)}{files}</td></tr>"
        )
    return (
        f"<table><tr><th>{_h(tr('rule'))}</th><th>{_h(tr('severity'))}</th>"
        f"<th>{_h(tr('finding'))}</th></tr>" + "".join(rows) + "</table>"
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
    suggested = (
        _h(tr("not computed")) if entry.suggested_grade is None else str(entry.suggested_grade)
    )
    confirmed = (
        _h(tr("to be confirmed by a radiologist"))
        if entry.confirmed_grade is None
        else escape(str(entry.confirmed_grade))
    )
    text = _fill(
        tr("suggested {suggested}, confirmed {confirmed}"),
        suggested=f"<b>{suggested}</b>",
        confirmed=f"<b>{confirmed}</b>",
    )
    if entry.confirmation:
        text += f" ({escape(entry.confirmation.get('reviewer', ''))})"
    if entry.excluded:
        reason = (entry.confirmation or {}).get("reason", "")
        text += (
            "<br><span class='error'>"
            + _h(tr("excluded (R-QC-2): {reason}", reason=reason))
            + "</span>"
        )
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
        f"TI {p.get('inversion_time_ms') or '&mdash;'} ms &middot; "
        + _fill(tr("flip {angle}"), angle=f"{p.get('flip_angle_deg') or '&mdash;'}&deg;")
        + " &middot; "
        + _fill(tr("matrix {matrix}"), matrix=p.get("matrix") or "&mdash;")
    )
    rows = "".join(
        f"<tr><td>{_h(tr(PARAMETER_WORDS[k]))} <code>{escape(k)}</code></td><td>{p.get(k, '')}</td></tr>"
        for k in PARAMETER_KEYS
    )
    return (
        f"{summary}<details><summary>{_h(tr('all parameters'))}</summary>"
        f"<table>{rows}</table></details>"
    )


def _view_note(plane: str | None) -> str:
    """How to read the thumbnail (radiological convention, as in Slicer's slice views)."""
    if plane and plane.lower().startswith("sag"):
        return _h(tr("anterior on the left, superior up"))
    if plane and plane.lower().startswith("cor"):
        return _h(tr("patient's right on the left, superior up"))
    return _h(tr("patient's right on the left, anterior up"))


def _series_card(entry: SeriesReport) -> str:
    thumb = (
        f"<img alt='{escape(tr('three slices, radiological convention'))}' "
        f"src='data:image/png;base64,{entry.thumbnail_png}'>"
        f"<span>{_h(tr('slices at 30, 50, 70 %'))} &middot; {_view_note(entry.plane)}</span>"
        if entry.thumbnail_png
        else _h(tr("no image"))
    )
    confirm = (
        f" <span class='warning'>{_h(tr('(a person must confirm)'))}</span>"
        if entry.needs_confirmation
        else ""
    )
    if entry.sequence_confirmation:
        record = entry.sequence_confirmation
        confirm = " " + _h(
            tr(
                "confirmed by {reviewer} ({when}; identified as {identified})",
                reviewer=record.get("reviewer"),
                when=record.get("confirmed_utc"),
                identified=record.get("identified_sequence"),
            )
        )
    evidence = "".join(
        f"<li><code>{escape(e['source'])}</code> = {escape(e['value'])} &rarr; {escape(e['says'])}</li>"
        for e in entry.evidence
    )
    plane = escape(plane_word(entry.plane)) if entry.plane else _value(None)
    rows = [
        (
            _h(tr("Identified as")),
            _fill(
                tr("{sequence} (confidence {confidence})"),
                sequence=f"<b>{escape(entry.sequence)}</b>",
                confidence=f"{entry.identification_confidence:.2f}",
            )
            + confirm,
        ),
        (
            _h(tr("Plane / acquisition")),
            _fill(
                tr("{plane} (tilt {tilt}), {acquisition}"),
                plane=plane,
                tilt=_value(entry.obliquity_deg, "&deg;"),
                acquisition=_value(entry.acquisition),
            ),
        ),
        (
            _h(tr("Slice thickness / gap")),
            f"{_value(entry.slice_thickness_mm, ' mm')} / {_value(entry.slice_gap_mm, ' mm')}",
        ),
        (_h(tr("b-values (s/mm2)")).replace("mm2", "mm&sup2;"), _value(entry.b_values)),
        (_h(tr("Images / volumes")), f"{entry.images} / {entry.volumes}"),
        (_h(tr("Acquisition (R-DATA-3)")), _acquisition(entry.acquisition_parameters)),
        (_h(tr("Image quality grade")), _grade(entry)),
    ]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    description = entry.series_description or tr("(no description)")
    title = _fill(
        tr("Series {number} · {description}"),
        number=_value(entry.series_number),
        description=escape(description),
    )
    return (
        f"<div class='card'><div class='thumb'>{thumb}</div><div>"
        f"<h3>{title}</h3>"
        f"<div class='meta'>{escape(entry.manufacturer)} &middot; <code>{escape(entry.series_instance_uid)}</code></div>"
        f"<table>{table}</table><details><summary>{_h(tr('why this identification'))}</summary>"
        f"<ul>{evidence}</ul></details>"
        f"{_finding_rows(entry.findings)}</div></div>"
    )


def _status(status: str) -> str:
    return _h(tr(_STATUS_WORDS[status])) if status in _STATUS_WORDS else escape(status)


def _study(study: StudyReport, series: list[SeriesReport]) -> str:
    requirements = "".join(
        f"<tr><td>{escape(r['requirement'])}</td><td><code>{escape(r['rule'])}</code></td>"
        f"<td class='{escape(r['status'])}'>{_status(r['status'])}</td></tr>"
        for r in study.requirements
    )
    reasons = "".join(f"<li>{escape(r)}</li>" for r in study.reasons)
    cards = "".join(_series_card(s) for s in series)
    verdict = study.verdict.value
    patient = _fill(
        tr("Patient {patient_id}"), patient_id=escape(study.patient_id or tr("(no ID)"))
    )
    return (
        f"<div class='study'><h2>{patient} "
        f"<span class='badge {verdict}'>{escape(verdict_words(verdict))}</span></h2>"
        f"<div class='meta'>"
        + _fill(tr("Study {uid}"), uid=f"<code>{escape(study.study_instance_uid)}</code>")
        + "</div>"
        f"<table><tr><th>{_h(tr('required sequence'))}</th><th>{_h(tr('rule'))}</th>"
        f"<th>{_h(tr('status'))}</th></tr>{requirements}</table>"
        f"<ul>{reasons}</ul>{cards}</div>"
    )


def report_html(report: QCReport) -> str:
    """The report as one HTML page (UTF-8, no external resources), in the language people read."""
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
        else f"<p class='info'>{_h(tr('All files were indexed.'))}</p>"
    )
    title = tr("CNSTumor QC report")
    verdict = report.verdict.value
    indexed = _h(
        tr(
            "{indexed} of {seen} files indexed",
            indexed=report.files_indexed,
            seen=report.files_seen,
        )
    )
    software = (
        f"{escape(str(prov.get('software', '')))} {escape(str(prov.get('software_version', '')))}"
    )
    body = (
        f"<h1>{escape(title)} <span class='badge {verdict}'>{escape(verdict_words(verdict))}</span></h1>"
        f"<div class='meta'>{escape(report.input_dir)} &middot; {indexed} &middot; "
        f"{software} &middot; "
        + _fill(tr("rule tables: {tables}"), tables=escape(tables))
        + f" &middot; {escape(str(prov.get('created_utc', '')))}</div>"
        "<p class='meta'>"
        + _h(
            tr(
                "Grades are suggestions (R-QC-1); only a radiologist's confirmed grade 2 or 3 "
                "allows annotation (R-QC-2)."
            )
        )
        + "</p>"
        f"{studies}<h2>{_h(tr('Files not indexed'))}</h2>{notes}"
    )
    return html_page(title, body, provenance=prov, css=_CSS)
