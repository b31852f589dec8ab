"""Self-contained HTML status report: cases per state (chart), the review queue, every case
with its last review comments, and the latest audit entries (R-FLOW-1, R-PPL-3).

One file, no network: the chart is inline SVG from matplotlib's object API. Every word is in
the current language (``CNSTumorAnnotationLib.i18n``); the values the page shows (case ids,
people, times, region keys) are the project's own.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from CNSTumorAnnotationLib.agreement.report_html import figure_fonts
from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.audit import verify_chain
from CNSTumorAnnotationLib.project.lifecycle import (
    LIFECYCLE_VERSION,
    audit_action_name,
    state_name,
)
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
#: The words of the phase and self-check columns (the stored values, in English).
_VALUE_NAMES = {
    "production": N_("production"),
    "calibration": N_("calibration"),
    "passed": N_("passed"),
    "blocked": N_("blocked"),
}


def states_chart_svg(counts: dict[str, int]) -> str:
    """Horizontal bars: how many cases stand in each lifecycle state."""
    states = list(counts)
    with figure_fonts():
        figure = Figure(figsize=(6.0, 0.3 * len(states) + 0.8))
        axes = figure.add_subplot()
        colours = [_STATE_COLOURS.get(s, "#6baed6") for s in states]
        names = [state_name(s) for s in states]
        axes.barh(names[::-1], [counts[s] for s in states][::-1], color=colours[::-1])
        axes.set_xlabel(tr("number of cases"))
        axes.set_title(tr("Cases per lifecycle state (R-FLOW-1)"))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        return figure_svg(figure)


def _version(row: dict[str, Any]) -> str:
    """The version as the case folder and the export manifest number it (``v2``), with the
    project's own record number when it differs, so all three pages name the same version."""
    if row.get("case_folder_version") is None:
        return "" if row["version"] is None else f"v{row['version']}"
    text = f"v{row['case_folder_version']}"
    if row["version"] != row["case_folder_version"]:
        return tr("{version} (project record {record})", version=text, record=row["version"])
    return text


def status_html(project: Project, *, audit_tail: int = 30) -> str:
    """The whole report as one HTML string."""
    status = project_status(project)
    chain = verify_chain(project.conn)
    queue = (
        _table(
            [tr("case"), tr("patient"), tr("version"), tr("author"), tr("saved"), tr("self-check")],
            [
                [
                    r["case"],
                    r["patient"],
                    _version(r),
                    r["author"],
                    r["saved_at"],
                    _value_name(r["self_check"]),
                ]
                for r in status["review_queue"]
            ],
        )
        if status["review_queue"]
        else f"<p>{html.escape(tr('The queue is empty.'))}</p>"
    )
    cases = _table(
        [
            tr("case"),
            tr("phase"),
            tr("state"),
            tr("assignee"),
            tr("version"),
            tr("last review"),
            tr("comments"),
        ],
        [
            [
                r["case"],
                _value_name(r["phase"]),
                state_name(r["state"]),
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
        ["#", tr("when (UTC)"), tr("who"), tr("what"), tr("case"), tr("version")],
        [
            [e.seq, e.recorded_at, e.actor, audit_action_name(e.action), e.case_id, e.version_id]
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
    title = tr("Annotation project {name}", name=status["project"])
    queue_heading = tr("Review queue ({count})", count=len(status["review_queue"]))
    body = f"""
<h1>{html.escape(title)}</h1>
<p class='verdict {"ok" if chain.ok else "short"}'>{html.escape(chain.describe())}</p>
{states_chart_svg(status["counts"])}
<h2>{html.escape(queue_heading)}</h2>{queue}
<h2>{html.escape(tr("All cases"))}</h2>{cases}
<h2>{html.escape(tr("Latest audit entries"))}</h2>{audit}
"""
    return html_page(title, body, provenance=stamp)


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
    if not review:
        return ""
    return tr(
        "{decision} by {reviewer}",
        decision=audit_action_name(review["decision"]),
        reviewer=review["reviewer"],
    )


def _value_name(value: str | None) -> str | None:
    """A stored phase or self-check outcome as people read it; anything else as it is."""
    return tr(_VALUE_NAMES[value]) if value is not None and value in _VALUE_NAMES else value


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th class='name'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td class='name'>{html.escape('' if v is None else str(v))}</td>" for v in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"
