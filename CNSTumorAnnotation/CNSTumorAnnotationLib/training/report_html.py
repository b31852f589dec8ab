"""Self-contained HTML report of a training-phase calibration (R-PPL-2, R-PPL-4).

What a team lead wants to see at a glance: certified or not, the cases and regions that fell
short, a Dice chart per case and region against the "excellent" line, and a Bland-Altman plot
of the two teams' volumes per region (inline SVG from matplotlib's object API, no pyplot).
Every word, on the page and in the figures, is in the current language
(``CNSTumorAnnotationLib.i18n``); team names, case ids and region keys are the batch's own.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure

from CNSTumorAnnotationLib.agreement.report_html import bland_altman_svg, figure_fonts
from CNSTumorAnnotationLib.agreement.stats import bland_altman
from CNSTumorAnnotationLib.agreement.thresholds import band_name
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.report_html import figure_svg, glossary_html
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.report.html_page import html_page

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.training.calibration import CalibrationReport


def dice_chart_svg(report: CalibrationReport) -> str:
    """Grouped bars: Dice per case (groups) and region (bars), with each region's excellent cut."""
    with figure_fonts():
        return _dice_chart(report)


def _dice_chart(report: CalibrationReport) -> str:
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
    axes.set_ylabel(tr("Dice (team A vs team B)"))
    axes.set_title(tr("Agreement per case and region (dashed: excellent)"))
    axes.legend(fontsize=8)
    return figure_svg(figure)


def training_report_html(report: CalibrationReport) -> str:
    """The whole report as one HTML string, in the current language."""
    verdict = (
        tr("CERTIFIED for production (R-PPL-4)")
        if report.certified
        else tr("NOT certified: agreement below excellent (R-PPL-4)")
    )
    rows = "".join(
        f"<tr class='{'ok' if r.excellent else 'short'}'><td class='name'>{html.escape(r.case_id)}</td>"
        f"<td class='name'>{html.escape(r.region)}</td><td>{r.dice:.3f}</td>"
        f"<td>{html.escape(band_name(r.dice_band))}</td>"
        f"<td>{r.hd95_mm:.2f}</td><td>{html.escape(band_name(r.hd95_band))}</td>"
        + "".join(f"<td>{v:.0f}</td>" for v in r.volume_mm3.values())
        + "</tr>"
        for r in report.results
    )
    team_heads = "".join(
        f"<th>{html.escape(tr('volume {team} (mm³)', team=t))}</th>" for t in report.teams
    )
    icc_rows = "".join(
        f"<tr><td class='name'>{html.escape(region)}</td><td>{_num(v.get('icc'))}</td>"
        f"<td>{_num(v.get('ci95_lower'))} – {_num(v.get('ci95_upper'))}</td>"
        f"<td>{html.escape(band_name(v.get('band')))}</td></tr>"
        for region, v in report.icc.items()
    )
    shortfalls = "".join(f"<li>{html.escape(s)}</li>" for s in report.shortfalls) or (
        f"<li>{html.escape(tr('none'))}</li>"
    )
    heading = tr(
        "Training-phase calibration: teams {a} vs {b}", a=report.teams[0], b=report.teams[1]
    )
    kappa = tr(
        "quadratic-weighted Cohen kappa: {kappa} ({band})",
        kappa=_num(report.kappa.get("kappa")),
        band=band_name(report.kappa.get("band")),
    )
    body = f"""
<h1>{html.escape(heading)}</h1>
<p class='verdict {"ok" if report.certified else "short"}'>{html.escape(verdict)}</p>
<h2>{html.escape(tr("What fell short"))}</h2><ul>{shortfalls}</ul>
<h2>{html.escape(tr("Per case and region"))}</h2>{dice_chart_svg(report)}
<table><tr>{_heads(tr("case"), tr("region"), "Dice", tr("band"), tr("HD95 (mm)"), tr("band"))}{team_heads}</tr>{rows}</table>
<h2>{html.escape(tr("Volume ICC(2,1) per region"))}</h2>
<table><tr>{_heads(tr("region"), "ICC", tr("95% CI"), tr("band"))}</tr>{icc_rows}</table>
{_bland_altman(report)}
<h2>{html.escape(tr("Quality grades (R-QC-1)"))}</h2><p>{html.escape(kappa)}</p>
{glossary_html(["Dice", "HD95", "ICC(2,1)", "weighted kappa", "volume"], grades=True)}
"""
    return html_page(
        tr("Training-phase calibration"),
        body,
        provenance={"thresholds": report.thresholds, "provenance": report.provenance},
        provenance_heading=tr("Thresholds and provenance"),
    )


def _heads(*names: str) -> str:
    return "".join(f"<th>{html.escape(name)}</th>" for name in names)


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
        return f"<p>{html.escape(tr('Bland-Altman of volumes needs >= 2 calibration cases.'))}</p>"
    heading = tr("Bland-Altman of volumes (team A − team B)")
    return f"<h2>{html.escape(heading)}</h2>" + bland_altman_svg(analyses)


def _num(value: Any) -> str:
    return "—" if value is None else f"{float(value):.3f}"
