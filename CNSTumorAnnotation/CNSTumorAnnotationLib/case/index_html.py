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

from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.report.html_page import TABLE_REPORT_CSS, html_page

INDEX_HTML = "index.html"
#: ``<export>/<case>/preview.html`` (``export.preview``; named here to keep this page light).
PREVIEW_NAME = "preview.html"


def _link(target: Path, base: Path, text: str) -> str:
    if not target.is_file():
        return f"{html.escape(text)} <em>(not written yet: {html.escape(str(target))})</em>"
    href = Path(os.path.relpath(target.resolve(), base.resolve())).as_posix()
    return f"<a href='{html.escape(href)}'>{html.escape(text)}</a>"


def _qc_rows(case: Any, base: Path) -> str:
    rows = []
    for sequence, info in case.metadata.get("sequences", {}).items():
        report = info.get("qc_report")
        link = (
            _link(Path(report).with_suffix(".html"), base, "QC report")
            if report
            else "imported from NIfTI (no QC report)"
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
            f"approved by {html.escape(str(record.get('approved_by')))} at "
            f"{html.escape(str(record.get('approved_at')))}"
            if record.get("approved")
            else "not approved"
        )
        rows.append(
            f"<tr><td>v{version.version}</td><td>{html.escape(str(version.annotator))}</td>"
            f"<td>{html.escape(str(record.get('created', '')))}</td>"
            f"<td>{'' if version.parent is None else f'v{version.parent}'}</td>"
            f"<td>{approved}</td><td>{html.escape(str(record.get('note', '')))}</td></tr>"
        )
    return "".join(rows)


def _selfcheck(case_root: Path) -> str:
    path = case_root / "selfcheck.json"
    if not path.is_file():
        return "<p>No self-check yet: <code>cnstumor selfcheck CASE_DIR</code>.</p>"
    report = json.loads(path.read_text(encoding="utf-8"))
    verdict = "BLOCKED" if report.get("blocking") else "OK to submit"
    counts = report.get("counts", {})
    return (
        f"<p>Version v{report.get('annotation_version')}: <b>{verdict}</b> "
        f"({counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings) &middot; "
        f"{_link(case_root / 'selfcheck.html', case_root, 'self-check with pictures')}</p>"
    )


def _review(case_id: str, project: Path | None, base: Path) -> str:
    if project is None:
        return "<p>No annotation project given (<code>--project</code>).</p>"
    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorAnnotationLib.project.status import project_status

    with Project.open(project) as opened:
        rows = [r for r in project_status(opened)["cases"] if r["case"] == case_id]
    if not rows:
        return (
            f"<p>Case {html.escape(case_id)} is not registered in {html.escape(str(project))}.</p>"
        )
    row = rows[0]
    review = row.get("last_review") or {}
    return (
        f"<p>State <b>{html.escape(row['state'])}</b>; case-folder version "
        f"v{row.get('case_folder_version')}; last review: "
        f"{html.escape(str(review.get('decision', '—')))} by "
        f"{html.escape(str(review.get('reviewer', '—')))} at "
        f"{html.escape(str(review.get('reviewed_at', '—')))} &middot; "
        f"{_link(project / 'status.html', base, 'project status page')}</p>"
    )


def _export(case_id: str, export: Path | None, base: Path) -> str:
    if export is None:
        return "<p>No export folder given (<code>--export</code>).</p>"
    manifest = export / case_id / "manifest.json"
    if not manifest.is_file():
        return f"<p>No export of this case in {html.escape(str(export))} yet.</p>"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    annotation = data.get("annotation", {})
    approval = annotation.get("approval") or {}
    return (
        f"<p>Exported v{annotation.get('version')} "
        f"({', '.join(map(html.escape, data.get('formats', [])))}), approved by "
        f"{html.escape(str(approval.get('reviewer')))}; {len(data.get('files', []))} files &middot; "
        f"{_link(manifest, base, 'manifest.json')} &middot; "
        f"{_link(manifest.parent / PREVIEW_NAME, base, 'preview: the exported label maps drawn')}"
        "</p>"
    )


def case_index_html(case: Any, *, project: Path | None = None, export: Path | None = None) -> str:
    """The index page of ``case`` (a loaded case folder)."""
    base = Path(case.root)
    body = (
        f"<h1>Case {html.escape(str(case.case_id))}</h1>"
        f"<p>Patient {html.escape(str(case.patient_id))} &middot; family "
        f"{html.escape(case.family.value)} &middot; schema {html.escape(case.schema.version)}</p>"
        "<h2>1. QC of the series (R-QC-1..3)</h2><table><tr><th>sequence</th><th>series</th>"
        f"<th>confirmed grade</th><th>report</th></tr>{_qc_rows(case, base)}</table>"
        "<h2>2. Annotation versions (R-FLOW-1)</h2><table><tr><th>version</th><th>by</th>"
        "<th>saved</th><th>parent</th><th>approval</th><th>note</th></tr>"
        f"{_version_rows(case)}</table>"
        f"<h2>3. Self-check (R-ANN-9)</h2>{_selfcheck(base)}"
        f"<h2>4. Review (R-PPL-3)</h2>{_review(str(case.case_id), project, base)}"
        f"<h2>5. Export (R-FMT-1..3)</h2>{_export(str(case.case_id), export, base)}"
    )
    return html_page(
        f"Case {case.case_id}",
        body,
        provenance=provenance("case_index", parameters={"case": str(case.case_id)}),
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
