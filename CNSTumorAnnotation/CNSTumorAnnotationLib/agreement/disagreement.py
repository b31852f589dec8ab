"""Where two annotators disagree, shown on the MRI (R-PPL-2): a picture for the agreement report.

A Dice of 0.83 says how much two label maps differ, not where. For each region this draws the
pair that agrees least on the slice where they differ most: voxels only the first rater labelled
in magenta, only the second in cyan, both in yellow, over the image the maps were drawn on, in
radiological convention (``CNSTumorQCLib.pictures``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.masks import LabelMap
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.pictures import png_base64, radiological, slice_rgb, to_png

ONLY_A, ONLY_B, BOTH = 1, 2, 3
COLOURS = {ONLY_A: (230, 0, 230), ONLY_B: (0, 200, 230), BOTH: (240, 220, 0)}


def _on_grid(array: np.ndarray, image: sitk.Image) -> sitk.Image:
    out = sitk.GetImageFromArray(array.astype(np.uint8))
    out.CopyInformation(image)
    return out


def disagreement_figure(
    image: sitk.Image, a: LabelMap, b: LabelMap, region: str, labels: Sequence[int], dice: float
) -> str:
    """A ``<figure>`` of one pair on one region at the slice where they differ most."""
    mask_a, mask_b = a.region_mask(labels), b.region_mask(labels)
    code = np.zeros(mask_a.shape, np.uint8)
    code[mask_a & ~mask_b] = ONLY_A
    code[~mask_a & mask_b] = ONLY_B
    code[mask_a & mask_b] = BOTH
    overlay = _on_grid(code, image)
    shown = sitk.GetArrayFromImage(radiological(overlay))
    differing = ((shown == ONLY_A) | (shown == ONLY_B)).sum(axis=(1, 2))
    index = int(np.argmax(differing))
    rgb, pixel = slice_rgb(image, index, overlay, COLOURS, alpha=0.6)
    source = png_base64(to_png(rgb, pixel, 420))
    alt = tr("{a} vs {b}, {region}", a=a.name, b=b.name, region=region)
    where = tr(
        "{region}: {a} vs {b} (Dice {dice}), slice {slice} of {count} where they differ most",
        region=region,
        a=a.name,
        b=b.name,
        dice=f"{dice:.2f}",
        slice=index + 1,
        count=shown.shape[0],
    )
    only_a, only_b = tr("only {name}", name=a.name), tr("only {name}", name=b.name)
    right = tr("patient's right on the left")
    return (
        f"<figure class='disagreement'><img alt='{html.escape(alt)}' "
        f"src='data:image/png;base64,{source}'><figcaption>{html.escape(where)} "
        f"&middot; <span style='color:rgb{COLOURS[ONLY_A]}'>&#9632;</span> {html.escape(only_a)} "
        f"&middot; <span style='color:rgb{COLOURS[ONLY_B]}'>&#9632;</span> {html.escape(only_b)} "
        f"&middot; <span style='color:rgb{COLOURS[BOTH]}'>&#9632;</span> {html.escape(tr('both'))} "
        f"&middot; {html.escape(right, quote=False)}</figcaption></figure>"
    )


def disagreement_section(
    image: sitk.Image, maps: Sequence[LabelMap], table: Any, regions: Mapping[str, Sequence[int]]
) -> str:
    """The report section: per region, the least-agreeing pair drawn over ``image``."""
    if tuple(sitk.GetArrayViewFromImage(image).shape) != tuple(maps[0].labels.shape):
        return ""  # not the grid the maps were drawn on: no picture rather than a wrong one
    by_name = {m.name: m for m in maps}
    figures = []
    for region, labels in regions.items():
        rows = table.rows_for(region)
        if not rows:
            continue
        worst = min(rows, key=lambda r: r.dice)
        figures.append(
            disagreement_figure(
                image, by_name[worst.rater_a], by_name[worst.rater_b], region, labels, worst.dice
            )
        )
    heading = tr("Where the least-agreeing pair disagrees")
    return f"<h2>{html.escape(heading)}</h2><div class='pictures'>{''.join(figures)}</div>"
