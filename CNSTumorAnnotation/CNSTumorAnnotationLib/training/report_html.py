"""Self-contained HTML report of a training-phase calibration (R-PPL-2, R-PPL-4).

What a team lead wants to see at a glance: certified or not, the cases and regions that fell
short, a Dice chart per case and region against the "excellent" line, and a Bland-Altman plot
of the two teams' volumes per region (inline SVG from matplotlib's object API, no pyplot).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure

from CNSTumorAnnotationLib.agreement.report_html import bland_altman_svg
from CNSTumorAnnotationLib.agreement.stats import bland_altman
from CNSTumorAnnotationLib.report_html import figure_svg, glossary_html
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.report.html_page import html_page

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.training.calibration import CalibrationReport


def dice_chart_svg(report: CalibrationReport) -> str:
    """Grouped bars: Dice per case (groups) and region (bars), with each region's excellent cut."""
    cases = sorted({r.case_id for r in report.results})
    regions = list(report.regions)
    figure = Figure(figsize=(max(4.0, 1.2 * len(cases) + 2), 3.2))
    axes = figure.add_subplot()
    width = 0.8 / max(1, len(regions))
    excellent_cuts = {
        r: float(
            report.thresholds["dice_by_region"].get(
                r, report.thresholds["dice_by_region"][report.thresholds["default_region"]]
            )["cut_points"][2]
        )
        for r in regions
    }
    for index, region in enumerate(regions):
        values = [
            next((x.dice for x in report.results if x.case_id == c and x.region == region), np.nan)
            for c in cases
        ]
        positions = np.arange(len(cases)) + index * width
        bars = axes.bar(positions, values, width, label=region)
        axes.hlines(
            excellent_cuts[region],
            positions[0] - width / 2,
            positions[-1] + width / 2,
            colors=bars.patches[0].get_facecolor(),
            linestyles="dashed",
            linewidth=1,
        )
    axes.set_xticks(np.arange(len(cases)) + width * (len(regions) - 1) / 2, cases)
    axes.set_ylim(0, 1)
    axes.set_ylabel("Dice (team A vs team B)")
    axes.set_title("Agreement per case and region (dashed: excellent)")
    axes.legend(fontsize=8)
    return figure_svg(figure)


def training_report_html(report: CalibrationReport) -> str:
    verdict = (
        "CERTIFIED for production (R-PPL-4)"
        if report.certified
        else "NOT certified: agreement below excellent (R-PPL-4)"
    )
    rows = "".join(
        f"<tr class='{'ok' if r.excellent else 'short'}'><td class='name'>{html.escape(r.case_id)}</td>"
        f"<td class='name'>{html.escape(r.region)}</td><td>{r.dice:.3f}</td><td>{r.dice_band}</td>"
        f"<td>{r.hd95_mm:.2f}</td><td>{r.hd95_band}</td>"
        + "".join(f"<td>{v:.0f}</td>" for v in r.volume_mm3.values())
        + "</tr>"
        for r in report.results
    )
    team_heads = "".join(f"<th>volume {html.escape(t)} (mm³)</th>" for t in report.teams)
    icc_rows = "".join(
        f"<tr><td class='name'>{html.escape(region)}</td><td>{_num(v.get('icc'))}</td>"
        f"<td>{_num(v.get('ci95_lower'))} – {_num(v.get('ci95_upper'))}</td><td>{v.get('band') or '—'}</td></tr>"
        for region, v in report.icc.items()
    )
    shortfalls = "".join(f"<li>{html.escape(s)}</li>" for s in report.shortfalls) or "<li>none</li>"
    body = f"""
<h1>Training-phase calibration: teams {" vs ".join(map(html.escape, report.teams))}</h1>
<p class='verdict {"ok" if report.certified else "short"}'>{verdict}</p>
<h2>What fell short</h2><ul>{shortfalls}</ul>
<h2>Per case and region</h2>{dice_chart_svg(report)}
<table><tr><th>case</th><th>region</th><th>Dice</th><th>band</th><th>HD95 (mm)</th><th>band</th>{team_heads}</tr>{rows}</table>
<h2>Volume ICC(2,1) per region</h2>
<table><tr><th>region</th><th>ICC</th><th>95% CI</th><th>band</th></tr>{icc_rows}</table>
{_bland_altman(report)}
<h2>Quality grades (R-QC-1)</h2><p>quadratic-weighted Cohen kappa: {_num(report.kappa.get("kappa"))}
({report.kappa.get("band") or "—"})</p>
{glossary_html(["Dice", "HD95", "ICC(2,1)", "weighted kappa", "volume"], grades=True)}
"""
    return html_page(
        "Training-phase calibration",
        body,
        provenance={"thresholds": report.thresholds, "provenance": report.provenance},
        provenance_heading="Thresholds and provenance",
    )


def write_training_report_html(report: CalibrationReport, path: str | Path) -> Path:
    return write_text_atomic(path, training_report_html(report))


def _bland_altman(report: CalibrationReport) -> str:
    analyses = {}
    for region in report.regions:
        rows = [r for r in report.results if r.region == region]
        if len(rows) >= 2:
            a, b = report.teams
            analyses[region] = bland_altman(
                [r.volume_mm3[a] for r in rows], [r.volume_mm3[b] for r in rows]
            )
    if not analyses:
        return "<p>Bland-Altman of volumes needs >= 2 calibration cases.</p>"
    return "<h2>Bland-Altman of volumes (team A − team B)</h2>" + bland_altman_svg(analyses)


def _num(value: Any) -> str:
    return "—" if value is None else f"{float(value):.3f}"
