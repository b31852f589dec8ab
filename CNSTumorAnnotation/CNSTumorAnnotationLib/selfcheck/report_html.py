"""The self-check as a web page: each finding next to the slice it is about, labels over the MRI.

``selfcheck.json`` lists findings with a region and a 0-based slice index; a radiologist had to
open Slicer and count slices to see what "skips slice 8" meant. ``selfcheck.html`` (written next
to it by ``cnstumor selfcheck``) shows, per reference sequence, the slice through the largest
lesion with every region drawn on it in the consensus colours, and for each finding that names a
slice, that slice with the region outlined, linked from the finding's row. Slices are numbered
from 1 with their position in mm (S, the axial offset Slicer's slice view shows), and pictures
are in radiological convention (patient's right on the left, anterior up), from the direction
cosines (``CNSTumorQCLib.pictures``). Provenance is shown once, folded, at the end.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.report_html import glossary_html
from CNSTumorAnnotationLib.selfcheck.lesions import human_slice
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.pictures import (
    largest_component_slice,
    png_base64,
    radiological,
    slice_rgb,
    to_png,
)
from CNSTumorQCLib.report.html_page import html_page
from CNSTumorQCLib.sequences import MRSequence

REPORT_HTML = "selfcheck.html"
PICTURE_PX = 330
#: A finding's severity as people read it (the CSS class and the JSON keep the value).
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;font-size:13px;vertical-align:top}
th{background:#f3f3f3} td.num{text-align:right}
.verdict{font-size:1.2em;font-weight:bold;padding:0.4em;display:inline-block}
.blocked{background:#fcbba1}.ok{background:#c7e9c0}
.error{color:#b71c1c;font-weight:600}.warning{color:#9a5b00;font-weight:600}.info{color:#555}
.pictures{display:flex;flex-wrap:wrap;gap:14px}
figure{margin:0;background:#111;color:#eee;padding:6px;border-radius:6px;max-width:342px}
figure img{display:block;max-width:330px} figcaption{font-size:12px;padding-top:4px}
figure:target{outline:3px solid #e6a700}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle}
dt{font-weight:600;margin-top:6px} dd{margin-left:1.2em;font-size:13px}
details{font-size:12px;color:#555} pre{white-space:pre-wrap}
"""


def _label_image(case: Any, masks: dict[str, sitk.Image], sequence: MRSequence) -> sitk.Image:
    """The regions drawn on ``sequence`` as one label image (value = region order + 1)."""
    regions = case.schema.regions_on(sequence)
    first = masks[regions[0].key]
    labels = np.zeros(sitk.GetArrayViewFromImage(first).shape, np.uint8)
    for value, region in enumerate(regions, start=1):  # later (inner) regions drawn on top
        labels[sitk.GetArrayViewFromImage(masks[region.key]) > 0] = value
    image = sitk.GetImageFromArray(labels)
    image.CopyInformation(first)
    return image


def _colours(case: Any, sequence: MRSequence) -> dict[int, tuple[int, int, int]]:
    return {
        value: region.color_rgb255
        for value, region in enumerate(case.schema.regions_on(sequence), start=1)
    }


def slice_position_mm(image: sitk.Image, index: int) -> float:
    """The S coordinate (mm, RAS = LPS z) of the centre of stored slice ``index``."""
    size = image.GetSize()
    point = image.TransformContinuousIndexToPhysicalPoint(
        ((size[0] - 1) / 2, (size[1] - 1) / 2, float(index))
    )
    return float(point[2])


def _displayed(image: sitk.Image, index: int) -> int:
    size = image.GetSize()
    point = image.TransformContinuousIndexToPhysicalPoint(
        ((size[0] - 1) / 2, (size[1] - 1) / 2, float(index))
    )
    return int(radiological(image).TransformPhysicalPointToIndex(point)[2])


def _stored(image: sitk.Image, displayed: int) -> int:
    shown = radiological(image)
    size = shown.GetSize()
    point = shown.TransformContinuousIndexToPhysicalPoint(
        ((size[0] - 1) / 2, (size[1] - 1) / 2, float(displayed))
    )
    return int(round(image.TransformPhysicalPointToContinuousIndex(point)[2]))


def _ring(rgb: np.ndarray, image: sitk.Image, point_lps: tuple[float, float, float]) -> None:
    """Draw an orange ring (about 12 mm across) around a physical point on the displayed slice."""
    column, row, _ = radiological(image).TransformPhysicalPointToContinuousIndex(point_lps)
    spacing = radiological(image).GetSpacing()
    rows, columns = np.indices(rgb.shape[:2])
    distance = np.hypot((rows - row) * spacing[1], (columns - column) * spacing[0])
    rgb[(distance >= 10.0) & (distance <= 12.5)] = (255, 160, 0)


def _figure(
    anchor: str,
    image: sitk.Image,
    labels: sitk.Image,
    colours: dict[int, tuple[int, int, int]],
    stored_index: int,
    caption: str,
    mark_lps: tuple[float, float, float] | None = None,
) -> str:
    rgb, pixel = slice_rgb(image, _displayed(image, stored_index), labels, colours, alpha=0.45)
    if mark_lps is not None:
        _ring(rgb, image, mark_lps)
    source = png_base64(to_png(rgb, pixel, PICTURE_PX))
    where = html.escape(
        tr(
            "slice {number} of {total}, S {position:+.1f} mm",
            number=human_slice(stored_index),
            total=image.GetSize()[2],
            position=slice_position_mm(image, stored_index),
        )
    )
    return (
        f"<figure id='{anchor}'><img alt='{html.escape(caption)}, {where}' "
        f"src='data:image/png;base64,{source}'><figcaption>{html.escape(caption)} &middot; "
        f"{where} &middot; {html.escape(tr('R on the left'))}</figcaption></figure>"
    )


def _legend(case: Any) -> str:
    return (
        "<p class='legend'>"
        + "".join(
            f"<span style='background:rgb{region.color_rgb255}'></span>{html.escape(region.key)} "
            f"({html.escape(region.display_name)}, {html.escape(region.reference_sequence.value)})"
            for region in case.schema.regions
        )
        + "</p>"
    )


def selfcheck_html(case: Any, report: Any, masks: dict[str, sitk.Image]) -> str:
    """The whole page for a self-check ``report`` of ``case`` with its region ``masks``."""
    references = {seq: _reference(case, seq) for seq in case.schema.reference_sequences}
    labels = {seq: _label_image(case, masks, seq) for seq in references}
    colours = {seq: _colours(case, seq) for seq in references}
    overview = "".join(
        _figure(
            f"overview-{seq.value}",
            image,
            labels[seq],
            colours[seq],
            _stored(image, largest_component_slice(labels[seq])),
            tr("{sequence}: slice through the largest lesion", sequence=seq.value),
        )
        for seq, image in references.items()
    )
    rows, figures = [], []
    lesions = {(lesion.region, lesion.number): lesion for lesion in report.lesions}
    for number, finding in enumerate(report.findings, start=1):
        link = ""
        region = finding.region
        if finding.slice_index is not None and region in masks:
            sequence = case.schema.region(region).reference_sequence
            anchor = f"finding-{number}"
            lesion = lesions.get((region, finding.lesion))
            figures.append(
                _figure(
                    anchor,
                    references[sequence],
                    labels[sequence],
                    colours[sequence],
                    int(finding.slice_index),
                    tr(
                        "finding {number}: {region} on {sequence}",
                        number=number,
                        region=region,
                        sequence=sequence.value,
                    ),
                    lesion.centroid_lps_mm if lesion is not None else None,
                )  # fmt: skip
            )
            slice_words = tr("slice {number}", number=human_slice(finding.slice_index))
            link = f"<a href='#{anchor}'>{html.escape(slice_words)}</a>"
        severity = finding.severity.value
        rows.append(
            f"<tr><td class='num'>{number}</td><td class='{severity}'>"
            f"{html.escape(tr(SEVERITY_WORDS[severity]))}</td><td>{html.escape(finding.rule)}</td>"
            f"<td>{html.escape(finding.message)}</td><td>{link}</td></tr>"
        )
    lesion_rows = "".join(
        f"<tr><td>{html.escape(lesion.label)}</td><td class='num'>{lesion.volume_mm3:.0f}</td>"
        f"<td class='num'>{human_slice(lesion.slice_first)}-{human_slice(lesion.slice_last)}</td>"
        f"<td>{html.escape(tr('speck')) if lesion.speck else ''}</td></tr>"
        for lesion in report.lesions
    )
    if report.blocking:
        verdict = (
            "<span class='verdict blocked'>"
            f"{html.escape(tr('BLOCKED: fix the errors before submitting'))}</span>"
        )
    else:
        verdict = f"<span class='verdict ok'>{html.escape(tr('OK to submit'))}</span>"
    none_row = f"<tr><td colspan=5>{html.escape(tr('none'))}</td></tr>"
    heading = tr(
        "Self-check of case {case_id}, annotation version {version}",
        case_id=report.case_id,
        version=report.annotation_version,
    )
    findings_head = "".join(
        f"<th>{html.escape(word)}</th>"
        for word in ("#", tr("severity"), tr("rule"), tr("finding"), tr("picture"))
    )
    lesions_head = "".join(
        f"<th>{html.escape(word)}</th>"
        for word in (tr("lesion"), tr("volume (mm³)"), tr("slices"), "")
    )
    body = (
        f"<h1>{html.escape(heading)}</h1>{verdict}{_legend(case)}"
        f"<h2>{html.escape(tr('Overview'))}</h2><div class='pictures'>{overview}</div>"
        f"<h2>{html.escape(tr('Findings'))}</h2><table><tr>{findings_head}</tr>"
        f"{''.join(rows) or none_row}</table>"
        f"<div class='pictures'>{''.join(figures)}</div>"
        f"<h2>{html.escape(tr('Lesions (R-ANN-7)'))}</h2><table><tr>{lesions_head}</tr>"
        f"{lesion_rows}</table>"
        "<p>"
        + html.escape(
            tr(
                "Slices are numbered from 1 in each reference volume's acquisition order; S is "
                "the axial position in mm shown in Slicer's slice view. Pictures: patient's "
                "right on the left, anterior up (radiological convention)."
            )
        )
        + f"</p>{glossary_html(['volume'])}"
    )
    return html_page(
        tr(
            "Self-check {case_id} v{version}",
            case_id=report.case_id,
            version=report.annotation_version,
        ),
        body,
        provenance={"provenance": report.provenance},
        css=_STYLE,
    )


def _reference(case: Any, sequence: MRSequence) -> sitk.Image:
    from CNSTumorAnnotationLib.case.folder import reference_image

    return reference_image(case, sequence)


def write_selfcheck_html(case: Any, report: Any, case_dir: Path | str, runtime: Any = None) -> Path:
    """Write ``CASE_DIR/selfcheck.html`` for ``report`` (masks of its version read again)."""
    from CNSTumorAnnotationLib.case.folder import load_case, region_masks

    if isinstance(case, str | Path):
        case = load_case(case)
    masks = region_masks(case, report.annotation_version, runtime=runtime)
    return write_text_atomic(Path(case_dir) / REPORT_HTML, selfcheck_html(case, report, masks))
