"""Self-contained HTML agreement report: tables per region and pair, plots as inline SVG.

People would rather look than read: a heat map of Dice per pair and region, and a
Bland-Altman plot of volumes per region. The figures are drawn with matplotlib's
object-oriented API (``Figure`` + SVG backend: no pyplot, no global state) and inlined, so
the file opens anywhere without network or side files.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from CNSTumorAnnotationLib.agreement.regions import AgreementTable
from CNSTumorAnnotationLib.agreement.stats import BlandAltman, bland_altman
from CNSTumorAnnotationLib.report_html import figure_svg
from CNSTumorQCLib.report.html_page import TABLE_REPORT_CSS, html_page

_BAND_COLOURS = {
    "excellent": "#c7e9c0",
    "good": "#e5f5e0",
    "moderate": "#fee6ce",
    "poor": "#fcbba1",
}
#: The disagreement pictures (where the least-agreeing pair of raters differs), on the page shell.
_PICTURES_CSS = """
.pictures{display:flex;flex-wrap:wrap;gap:12px}
figure.disagreement{margin:0;background:#111;color:#eee;padding:6px;border-radius:6px;max-width:380px}
figure.disagreement img{display:block;max-width:370px} figcaption{font-size:12px;padding-top:4px}
"""


def dice_heatmap_svg(table: AgreementTable) -> str:
    """Heat map of Dice: one row per rater pair, one column per region."""
    pairs = sorted({(r.rater_a, r.rater_b) for r in table.rows})
    regions = list(table.regions)
    values = np.full((len(pairs), len(regions)), np.nan)
    for row in table.rows:
        values[pairs.index((row.rater_a, row.rater_b)), regions.index(row.region)] = row.dice
    figure = Figure(figsize=(1.6 + 1.4 * len(regions), 0.9 + 0.35 * len(pairs)))
    axes = figure.add_subplot()
    image = axes.imshow(values, vmin=0.5, vmax=1.0, cmap="viridis", aspect="auto")
    axes.set_xticks(range(len(regions)), regions)
    axes.set_yticks(range(len(pairs)), [f"{a} vs {b}" for a, b in pairs])
    for (i, j), value in np.ndenumerate(values):
        colour = "black" if value > 0.8 else "white"  # readable on viridis' yellow end
        axes.text(j, i, f"{value:.3f}", ha="center", va="center", fontsize=8, color=colour)
    figure.colorbar(image, ax=axes, label="Dice")
    axes.set_title("Dice per rater pair and region")
    return figure_svg(figure)


def bland_altman_svg(analyses: Mapping[str, BlandAltman], unit: str = "mm³") -> str:
    """One Bland-Altman panel per entry: difference vs mean, bias and 95 % limits."""
    figure = Figure(figsize=(4.8 * len(analyses), 3.8), layout="constrained")
    for index, (name, ba) in enumerate(analyses.items(), start=1):
        axes = figure.add_subplot(1, len(analyses), index)
        axes.scatter(ba.means, ba.differences, s=18, color="#3182bd")
        axes.axhline(ba.bias, color="#333")
        for limit in (ba.lower_limit, ba.upper_limit):
            axes.axhline(limit, color="#de2d26", linestyle="--")
        axes.set_title(
            f"{name}\nbias {ba.bias:.0f}, 95 % LoA [{ba.lower_limit:.0f}, {ba.upper_limit:.0f}]",
            fontsize=9,
        )
        axes.set_xlabel(f"mean volume ({unit})")
        axes.set_ylabel(f"difference A - B ({unit})")
    figure.suptitle("Bland-Altman of volumes")
    return figure_svg(figure)


def pairwise_volume_bland_altman(table: AgreementTable) -> dict[str, BlandAltman]:
    """Per region, Bland-Altman over all rater pairs of one case (rater A - rater B)."""
    out: dict[str, BlandAltman] = {}
    for region in table.regions:
        rows = table.rows_for(region)
        if len(rows) >= 2:
            out[region] = bland_altman(
                [r.volume_a_mm3 for r in rows], [r.volume_b_mm3 for r in rows]
            )
    return out


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return html.escape(str(value))


def _pair_table(table: AgreementTable, region: str) -> str:
    columns = [
        ("rater A", "rater_a"), ("rater B", "rater_b"), ("Dice", "dice"), ("Jaccard", "jaccard"),
        ("HD95 mm", "hd95_mm"), ("ASSD mm", "assd_mm"), ("NSD", "surface_dice"),
        ("vol. sim.", "volume_similarity"), ("LW Dice", "lesion_wise_dice"),
        ("LW HD95 mm", "lesion_wise_hd95_mm"), ("LW F1", "lesion_wise_f1"),
        ("Dice band", "dice_band"), ("HD95 band", "hd95_band"),
    ]  # fmt: skip
    head = "".join(f"<th>{html.escape(c)}</th>" for c, _ in columns)
    body = []
    for row in table.rows_for(region):
        data = row.to_dict()
        cells = []
        for _, key in columns:
            style = ""
            if key.endswith("_band"):
                style = f' style="background:{_BAND_COLOURS.get(data[key], "#fff")}"'
            css = ' class="name"' if key.startswith("rater") else ""
            cells.append(f"<td{css}{style}>{_cell(data[key])}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _volume_table(table: AgreementTable) -> str:
    head = "<th>region</th>" + "".join(f"<th>{html.escape(r)}</th>" for r in table.raters)
    rows = []
    for region, volumes in table.volumes_mm3.items():
        cells = "".join(f"<td>{volumes[r]:.0f}</td>" for r in table.raters)
        rows.append(f"<tr><td class='name'>{html.escape(region)}</td>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _staple_table(staple: Mapping[str, Mapping[str, Any]]) -> str:
    """Per region: each rater's STAPLE sensitivity and specificity, consensus volume."""
    parts = []
    for region, summary in staple.items():
        rows = "".join(
            f"<tr><td class='name'>{html.escape(rater)}</td><td>{sens:.4f}</td>"
            f"<td>{summary['specificity'][rater]:.4f}</td></tr>"
            for rater, sens in summary["sensitivity"].items()
        )
        volume = summary.get("consensus_volume_mm3", float("nan"))
        parts.append(
            f"<h3>{html.escape(region)}: consensus {volume:.0f} mm³</h3><table><tr><th>rater</th>"
            f"<th>sensitivity</th><th>specificity</th></tr>{rows}</table>"
        )
    return "".join(parts)


def agreement_report_html(
    table: AgreementTable,
    provenance_record: Mapping[str, Any],
    *,
    title: str = "Inter-annotator agreement",
    bland_altman_analyses: Mapping[str, BlandAltman] | None = None,
    staple: Mapping[str, Mapping[str, Any]] | None = None,
    disagreement: str = "",
) -> str:
    """The report as one HTML string (inline SVG plots, no external resources).

    ``bland_altman_analyses`` defaults to the pairwise volumes of ``table`` per region; the
    training phase passes per-case volumes of two teams instead. ``staple`` is the per-region
    :meth:`StapleResult.summary` (R-HMI-1), shown as a table when given.
    """
    analyses = dict(bland_altman_analyses or pairwise_volume_bland_altman(table))
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Raters: {html.escape(', '.join(table.raters))}. Thresholds "
        f"{html.escape(table.thresholds_version)} (R-PPL-2, R-PPL-4).</p>",
        "<h2>Dice per pair and region</h2>",
        dice_heatmap_svg(table),
        disagreement,
        "<h2>Volumes (mm³)</h2>",
        _volume_table(table),
    ]
    if analyses:
        parts += ["<h2>Bland-Altman of volumes</h2>", bland_altman_svg(analyses)]
    if staple:
        parts += ["<h2>STAPLE consensus (R-HMI-1)</h2>", _staple_table(staple)]
    for region, labels in table.regions.items():
        parts.append(f"<h2>{html.escape(region)} (labels {html.escape(str(list(labels)))})</h2>")
        parts.append(_pair_table(table, region))
    from CNSTumorAnnotationLib.report_html import glossary_html

    parts.append(glossary_html())
    record = {"provenance": dict(provenance_record), "parameters": table.parameters}
    return html_page(
        title, "\n".join(parts), provenance=record, css=TABLE_REPORT_CSS + _PICTURES_CSS
    )
