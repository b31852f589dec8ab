"""``index.html`` of a case folder: one page linking every record of the case (R-FLOW-1).

A case leaves a trail of pages: the QC report of its study, the self-check, the project's review,
the export, its manifest and its preview (the exported label maps drawn). Each was written
somewhere else; the case index gathers them with what each says: the QC grades of its series,
every annotation version (who, when, parent, approved by whom and when), the latest self-check
verdict, the project's state and last review, and the exported files. Links are relative where
the target lies beside the case, so the folders can move together. Pages that do not exist yet
are named as missing, not linked.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.report.html_page import TABLE_REPORT_CSS, html_page

INDEX_HTML = "index.html"
#: ``<export>/<case>/preview.html`` (``export.preview``; named here to keep this page light).
PREVIEW_NAME = "preview.html"


def _link(target: Path, base: Path, text: str) -> str:
    if not target.is_file():
        missing = html.escape(tr("not written yet: {path}", path=target))
        return f"{html.escape(text)} <em>({missing})</em>"
    href = Path(os.path.relpath(target.resolve(), base.resolve())).as_posix()
    return f"<a href='{html.escape(href)}'>{html.escape(text)}</a>"


def _p(text: str) -> str:
    """A paragraph of text for people (escaped)."""
    return f"<p>{html.escape(text)}</p>"


def _qc_rows(case: Any, base: Path) -> str:
    rows = []
    for sequence, info in case.metadata.get("sequences", {}).items():
        report = info.get("qc_report")
        link = (
            _link(Path(report).with_suffix(".html"), base, tr("QC report"))
            if report
            else html.escape(tr("imported from NIfTI (no QC report)"))
        )
        rows.append(
            f"<tr><td>{html.escape(sequence)}</td>"
            f"<td>{html.escape(str(info.get('series_description') or ''))}</td>"
            f"<td>{html.escape(str(info.get('qc_grade') or '—'))}</td><td>{link}</td></tr>"
        )
    return "".join(rows)


def _version_rows(case: Any) -> str:
    rows = []
    for version in case.annotations:
        record = json.loads((version.folder / "version.json").read_text(encoding="utf-8"))
        approved = (
            tr(
                "approved by {reviewer} at {time}",
                reviewer=record.get("approved_by"),
                time=record.get("approved_at"),
            )
            if record.get("approved")
            else tr("not approved")
        )
        rows.append(
            f"<tr><td>v{version.version}</td><td>{html.escape(str(version.annotator))}</td>"
            f"<td>{html.escape(str(record.get('created', '')))}</td>"
            f"<td>{'' if version.parent is None else f'v{version.parent}'}</td>"
            f"<td>{html.escape(approved)}</td>"
            f"<td class='note'>{html.escape(str(record.get('note', '')))}</td></tr>"
        )
    return "".join(rows)


def _selfcheck(case_root: Path) -> str:
    path = case_root / "selfcheck.json"
    if not path.is_file():
        return (
            f"<p>{html.escape(tr('No self-check yet:'))} "
            "<code>cnstumor selfcheck CASE_DIR</code>.</p>"
        )
    report = json.loads(path.read_text(encoding="utf-8"))
    verdict = tr("BLOCKED") if report.get("blocking") else tr("OK to submit")
    counts = report.get("counts", {})
    summary = tr(
        "Version v{version}: {verdict} ({errors} errors, {warnings} warnings)",
        version=report.get("annotation_version"),
        verdict=verdict,
        errors=counts.get("error", 0),
        warnings=counts.get("warning", 0),
    )
    pictures = _link(case_root / "selfcheck.html", case_root, tr("self-check with pictures"))
    return f"<p>{html.escape(summary)} &middot; {pictures}</p>"


def _review(case_id: str, project: Path | None, base: Path) -> str:
    if project is None:
        return f"<p>{html.escape(tr('No annotation project given'))} (<code>--project</code>).</p>"
    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorAnnotationLib.project.status import project_status

    with Project.open(project) as opened:
        rows = [r for r in project_status(opened)["cases"] if r["case"] == case_id]
    if not rows:
        return _p(
            tr("Case {case_id} is not registered in {project}.", case_id=case_id, project=project)
        )
    row = rows[0]
    review = row.get("last_review") or {}
    state = tr(
        "State {state}; case-folder version v{version}; last review: {decision} by {reviewer} "
        "at {time}",
        state=row["state"],
        version=row.get("case_folder_version"),
        decision=review.get("decision", "—"),
        reviewer=review.get("reviewer", "—"),
        time=review.get("reviewed_at", "—"),
    )
    status_link = _link(project / "status.html", base, tr("project status page"))
    return f"<p>{html.escape(state)} &middot; {status_link}</p>"


def _export(case_id: str, export: Path | None, base: Path) -> str:
    if export is None:
        return f"<p>{html.escape(tr('No export folder given'))} (<code>--export</code>).</p>"
    manifest = export / case_id / "manifest.json"
    if not manifest.is_file():
        return _p(tr("No export of this case in {folder} yet.", folder=export))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    annotation = data.get("annotation", {})
    approval = annotation.get("approval") or {}
    exported = tr(
        "Exported v{version} ({formats}), approved by {reviewer}; {count} files",
        version=annotation.get("version"),
        formats=", ".join(data.get("formats", [])),
        reviewer=approval.get("reviewer"),
        count=len(data.get("files", [])),
    )
    preview = tr("preview: the exported label maps drawn")
    return (
        f"<p>{html.escape(exported)} &middot; "
        f"{_link(manifest, base, 'manifest.json')} &middot; "
        f"{_link(manifest.parent / PREVIEW_NAME, base, preview)}"
        "</p>"
    )


def _header_row(*words: str) -> str:
    return "<tr>" + "".join(f"<th>{html.escape(word)}</th>" for word in words) + "</tr>"


def case_index_html(case: Any, *, project: Path | None = None, export: Path | None = None) -> str:
    """The index page of ``case`` (a loaded case folder), in the language people read now."""
    base = Path(case.root)
    case_id = str(case.case_id)
    about = tr(
        "Patient {patient} · family {family} · schema {schema}",
        patient=case.patient_id,
        family=case.family.value,
        schema=case.schema.version,
    )
    qc_head = _header_row(tr("sequence"), tr("series"), tr("confirmed grade"), tr("report"))
    version_head = _header_row(
        tr("version"), tr("by"), tr("saved"), tr("parent"), tr("approval"), tr("note")
    )
    body = (
        f"<h1>{html.escape(tr('Case {case_id}', case_id=case_id))}</h1>"
        f"{_p(about)}"
        f"<h2>{html.escape(tr('1. QC of the series (R-QC-1..3)'))}</h2>"
        f"<table>{qc_head}{_qc_rows(case, base)}</table>"
        f"<h2>{html.escape(tr('2. Annotation versions (R-FLOW-1)'))}</h2>"
        f"<table>{version_head}{_version_rows(case)}</table>"
        f"<h2>{html.escape(tr('3. Self-check (R-ANN-9)'))}</h2>{_selfcheck(base)}"
        f"<h2>{html.escape(tr('4. Review (R-PPL-3)'))}</h2>{_review(case_id, project, base)}"
        f"<h2>{html.escape(tr('5. Export (R-FMT-1..3)'))}</h2>{_export(case_id, export, base)}"
    )
    return html_page(
        tr("Case {case_id}", case_id=case_id),
        body,
        provenance=provenance("case_index", parameters={"case": case_id}),
        css=TABLE_REPORT_CSS + "td,th{text-align:left}",
    )


def write_case_index(
    case_dir: Path | str, *, project: Path | None = None, export: Path | None = None
) -> Path:
    """Write ``CASE_DIR/index.html``."""
    from CNSTumorAnnotationLib.case.folder import load_case

    case = load_case(case_dir)
    text = case_index_html(case, project=project, export=export)
    return write_text_atomic(Path(case_dir) / INDEX_HTML, text)
