"""Self-contained HTML status report: cases per state (chart), the review queue, every case
with its last review comments, and the latest audit entries (R-FLOW-1, R-PPL-3).

One file, no network: the chart is inline SVG from matplotlib's object API.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.audit import verify_chain
from CNSTumorAnnotationLib.project.lifecycle import LIFECYCLE_VERSION
from CNSTumorAnnotationLib.project.status import project_status
from CNSTumorAnnotationLib.report_html import figure_svg
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.report.html_page import html_page

_STATE_COLOURS = {
    "approved": "#31a354",
    "submitted": "#fd8d3c",
    "returned": "#de2d26",
    "excluded": "#969696",
}


def states_chart_svg(counts: dict[str, int]) -> str:
    """Horizontal bars: how many cases stand in each lifecycle state."""
    states = list(counts)
    figure = Figure(figsize=(6.0, 0.3 * len(states) + 0.8))
    axes = figure.add_subplot()
    colours = [_STATE_COLOURS.get(s, "#6baed6") for s in states]
    axes.barh(states[::-1], [counts[s] for s in states][::-1], color=colours[::-1])
    axes.set_xlabel("cases")
    axes.set_title("Cases per lifecycle state (R-FLOW-1)")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure_svg(figure)


def _version(row: dict[str, Any]) -> str:
    """The version as the case folder and the export manifest number it (``v2``), with the
    project's own record number when it differs, so all three pages name the same version."""
    if row.get("case_folder_version") is None:
        return "" if row["version"] is None else f"v{row['version']}"
    text = f"v{row['case_folder_version']}"
    if row["version"] != row["case_folder_version"]:
        text += f" (project record {row['version']})"
    return text


def status_html(project: Project, *, audit_tail: int = 30) -> str:
    """The whole report as one HTML string."""
    status = project_status(project)
    chain = verify_chain(project.conn)
    queue = (
        _table(
            ["case", "patient", "version", "author", "saved", "self-check"],
            [
                [r["case"], r["patient"], _version(r), r["author"], r["saved_at"], r["self_check"]]
                for r in status["review_queue"]
            ],
        )
        if status["review_queue"]
        else "<p>The queue is empty.</p>"
    )
    cases = _table(
        ["case", "phase", "state", "assignee", "version", "last review", "comments"],
        [
            [
                r["case"],
                r["phase"],
                r["state"],
                r["assignee"],
                _version(r),
                _review_text(r["last_review"]),
                _comments(project, r["case"]),
            ]
            for r in status["cases"]
        ],
    )
    entries = project.audit_entries()[-audit_tail:]
    audit = _table(
        ["#", "when (UTC)", "who", "what", "case", "version"],
        [
            [e.seq, e.recorded_at, e.actor, e.action, e.case_id, e.version_id]
            for e in reversed(entries)
        ],
    )
    stamp = provenance(
        "project_status_report",
        rule_tables={
            "lifecycle": LIFECYCLE_VERSION,
            "qualification": status["qualification_rules"],
        },
    )
    body = f"""
<h1>Annotation project {html.escape(status["project"])}</h1>
<p class='verdict {"ok" if chain.ok else "short"}'>{html.escape(chain.describe())}</p>
{states_chart_svg(status["counts"])}
<h2>Review queue ({len(status["review_queue"])})</h2>{queue}
<h2>All cases</h2>{cases}
<h2>Latest audit entries</h2>{audit}
"""
    return html_page(f"Annotation project {status['project']}", body, provenance=stamp)


def write_status_html(project: Project, path: str | Path) -> Path:
    """Write :func:`status_html` atomically."""
    return write_text_atomic(path, status_html(project))


def _comments(project: Project, case_id: str) -> str:
    """Every review comment of the case, with the version it was made on (R-PPL-3)."""
    parts = []
    for review in workflow.review_comments(project, case_id):
        for c in review["comments"]:
            where = (c["region"] or "") + (
                f"@{c['slice_index']}" if c["slice_index"] is not None else ""
            )
            parts.append(f"v{review['version']} {where} {c['text']}".replace("  ", " "))
    return "; ".join(parts)


def _review_text(review: dict[str, Any] | None) -> str:
    return "" if not review else f"{review['decision']} by {review['reviewer']}"


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th class='name'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td class='name'>{html.escape('' if v is None else str(v))}</td>" for v in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"
