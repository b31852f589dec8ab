"""Self-contained HTML agreement report: tables per region and pair, plots as inline SVG.

People would rather look than read: a heat map of Dice per pair and region, and a
Bland-Altman plot of volumes per region. The figures are drawn with matplotlib's
object-oriented API (``Figure`` + SVG backend: no pyplot, no global state) and inlined, so
the file opens anywhere without network or side files.

Every word, on the page and in the figures, is in the current language
(``CNSTumorAnnotationLib.i18n``); rater names, region keys and numbers are the data's own.
:func:`figure_fonts` gives the figures a font with Chinese glyphs (the status page and the
training report draw with it too).
"""

from __future__ import annotations

import contextlib
import functools
import html
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from CNSTumorAnnotationLib.agreement.regions import AgreementTable
from CNSTumorAnnotationLib.agreement.stats import BlandAltman, bland_altman
from CNSTumorAnnotationLib.agreement.thresholds import band_name
from CNSTumorAnnotationLib.i18n import language, tr
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
#: Fonts with Chinese glyphs, most wanted first (Linux, Windows, macOS); the first installed one
#: draws what DejaVu Sans (matplotlib's own font) cannot.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)


@functools.cache
def installed_cjk_fonts() -> tuple[str, ...]:
    """The :data:`CJK_FONTS` matplotlib finds on this machine, in order."""
    from matplotlib import font_manager

    present = {entry.name for entry in font_manager.fontManager.ttflist}
    return tuple(name for name in CJK_FONTS if name in present)


@contextlib.contextmanager
def figure_fonts() -> Iterator[None]:
    """Build and save figures inside this block so their words can be Chinese.

    English: matplotlib's defaults (the English figures stay as they were). Chinese: DejaVu
    Sans with the first installed CJK font for the glyphs it lacks, drawn as paths like every
    figure (the page needs no font); with no CJK font installed, the SVG keeps its text as text
    and the browser's fonts draw it rather than empty boxes.
    """
    if language() != "zh":
        yield
        return
    fonts = installed_cjk_fonts()
    settings = (
        matplotlib.rc_context({"font.family": ["DejaVu Sans", fonts[0]]})
        if fonts
        else matplotlib.rc_context({"svg.fonttype": "none"})
    )
    with settings, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


def dice_heatmap_svg(table: AgreementTable) -> str:
    """Heat map of Dice: one row per rater pair, one column per region."""
    pairs = sorted({(r.rater_a, r.rater_b) for r in table.rows})
    regions = list(table.regions)
    values = np.full((len(pairs), len(regions)), np.nan)
    for row in table.rows:
        values[pairs.index((row.rater_a, row.rater_b)), regions.index(row.region)] = row.dice
    with figure_fonts():
        figure = Figure(figsize=(1.6 + 1.4 * len(regions), 0.9 + 0.35 * len(pairs)))
        axes = figure.add_subplot()
        image = axes.imshow(values, vmin=0.5, vmax=1.0, cmap="viridis", aspect="auto")
        axes.set_xticks(range(len(regions)), regions)
        axes.set_yticks(range(len(pairs)), [tr("{a} vs {b}", a=a, b=b) for a, b in pairs])
        for (i, j), value in np.ndenumerate(values):
            colour = "black" if value > 0.8 else "white"  # readable on viridis' yellow end
            axes.text(j, i, f"{value:.3f}", ha="center", va="center", fontsize=8, color=colour)
        figure.colorbar(image, ax=axes, label="Dice")
        axes.set_title(tr("Dice per rater pair and region"))
        return figure_svg(figure)


def bland_altman_svg(analyses: Mapping[str, BlandAltman], unit: str = "mm³") -> str:
    """One Bland-Altman panel per entry: difference vs mean, bias and 95 % limits."""
    with figure_fonts():
        figure = Figure(figsize=(4.8 * len(analyses), 3.8), layout="constrained")
        for index, (name, ba) in enumerate(analyses.items(), start=1):
            axes = figure.add_subplot(1, len(analyses), index)
            axes.scatter(ba.means, ba.differences, s=18, color="#3182bd")
            axes.axhline(ba.bias, color="#333")
            for limit in (ba.lower_limit, ba.upper_limit):
                axes.axhline(limit, color="#de2d26", linestyle="--")
            limits = tr(
                "bias {bias}, 95 % LoA [{lower}, {upper}]",
                bias=f"{ba.bias:.0f}",
                lower=f"{ba.lower_limit:.0f}",
                upper=f"{ba.upper_limit:.0f}",
            )
            axes.set_title(f"{name}\n{limits}", fontsize=9)
            axes.set_xlabel(tr("mean volume ({unit})", unit=unit))
            axes.set_ylabel(tr("difference A - B ({unit})", unit=unit))
        figure.suptitle(tr("Bland-Altman of volumes"))
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
        (tr("rater A"), "rater_a"), (tr("rater B"), "rater_b"), ("Dice", "dice"),
        ("Jaccard", "jaccard"), ("HD95 mm", "hd95_mm"), ("ASSD mm", "assd_mm"),
        ("NSD", "surface_dice"), (tr("vol. sim."), "volume_similarity"),
        (tr("LW Dice"), "lesion_wise_dice"), (tr("LW HD95 mm"), "lesion_wise_hd95_mm"),
        (tr("LW F1"), "lesion_wise_f1"), (tr("Dice band"), "dice_band"),
        (tr("HD95 band"), "hd95_band"),
    ]  # fmt: skip
    head = "".join(f"<th>{html.escape(c)}</th>" for c, _ in columns)
    body = []
    for row in table.rows_for(region):
        data = row.to_dict()
        cells = []
        for _, key in columns:
            style = ""
            value = data[key]
            if key.endswith("_band"):
                style = f' style="background:{_BAND_COLOURS.get(value, "#fff")}"'
                value = band_name(value)
            css = ' class="name"' if key.startswith("rater") else ""
            cells.append(f"<td{css}{style}>{_cell(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _volume_table(table: AgreementTable) -> str:
    head = f"<th>{html.escape(tr('region'))}</th>" + "".join(
        f"<th>{html.escape(r)}</th>" for r in table.raters
    )
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
        heading = tr("{region}: consensus {volume} mm³", region=region, volume=f"{volume:.0f}")
        parts.append(
            f"<h3>{html.escape(heading)}</h3><table><tr><th>{html.escape(tr('rater'))}</th>"
            f"<th>{html.escape(tr('sensitivity'))}</th><th>{html.escape(tr('specificity'))}</th>"
            f"</tr>{rows}</table>"
        )
    return "".join(parts)


def agreement_report_html(
    table: AgreementTable,
    provenance_record: Mapping[str, Any],
    *,
    title: str | None = None,
    bland_altman_analyses: Mapping[str, BlandAltman] | None = None,
    staple: Mapping[str, Mapping[str, Any]] | None = None,
    disagreement: str = "",
) -> str:
    """The report as one HTML string (inline SVG plots, no external resources).

    ``bland_altman_analyses`` defaults to the pairwise volumes of ``table`` per region; the
    training phase passes per-case volumes of two teams instead. ``staple`` is the per-region
    :meth:`StapleResult.summary` (R-HMI-1), shown as a table when given. ``title`` defaults to
    "Inter-annotator agreement" in the current language.
    """
    title = tr("Inter-annotator agreement") if title is None else title
    analyses = dict(bland_altman_analyses or pairwise_volume_bland_altman(table))
    raters = tr(
        "Raters: {raters}. Thresholds {thresholds} (R-PPL-2, R-PPL-4).",
        raters=", ".join(table.raters),
        thresholds=table.thresholds_version,
    )
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(raters)}</p>",
        f"<h2>{html.escape(tr('Dice per pair and region'))}</h2>",
        dice_heatmap_svg(table),
        disagreement,
        f"<h2>{html.escape(tr('Volumes (mm³)'))}</h2>",
        _volume_table(table),
    ]
    if analyses:
        parts += [
            f"<h2>{html.escape(tr('Bland-Altman of volumes'))}</h2>",
            bland_altman_svg(analyses),
        ]
    if staple:
        parts += [
            f"<h2>{html.escape(tr('STAPLE consensus (R-HMI-1)'))}</h2>",
            _staple_table(staple),
        ]
    for region, labels in table.regions.items():
        heading = tr("{region} (labels {labels})", region=region, labels=list(labels))
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(_pair_table(table, region))
    from CNSTumorAnnotationLib.report_html import glossary_html

    parts.append(glossary_html())
    record = {"provenance": dict(provenance_record), "parameters": table.parameters}
    return html_page(
        title, "\n".join(parts), provenance=record, css=TABLE_REPORT_CSS + _PICTURES_CSS
    )
