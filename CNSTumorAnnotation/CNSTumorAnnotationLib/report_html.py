"""Figures and the glossary for the Annotation Lib's HTML reports (no network, no side files).

The page itself (language, inline CSS, provenance footer) is the QC Lib's
``CNSTumorQCLib.report.html_page``; this module only adds what needs matplotlib.
"""

from __future__ import annotations

import html
import io

from matplotlib.figure import Figure

from CNSTumorAnnotationLib.i18n import N_, tr


def figure_svg(figure: Figure) -> str:
    """The figure as an inline ``<svg>`` element (matplotlib's object API: no pyplot state)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


#: What each number in the reports means, in words; shown at the end of the reports that use it.
#: Keys are the terms callers name; the texts are marked for translation (shown with ``tr``).
GLOSSARY: dict[str, str] = {
    "Dice": N_("overlap of two masks: 2 |A∩B| / (|A| + |B|); 1 is identical, 0 is no overlap."),
    "HD95": N_(
        "95th percentile of the distances between the two masks' surfaces (mm): how far the "
        "worst 5 % of the boundary lies off; 0 is identical."
    ),
    "ASSD": N_(
        "average symmetric surface distance (mm): the mean distance from each surface point "
        "to the other mask's surface, both ways."
    ),
    "NSD": N_(
        "normalised surface Dice: the share of both surfaces lying within a tolerance (about "
        "one voxel) of the other; 1 is every boundary point within tolerance."
    ),
    "lesion-wise Dice / HD95 / F1": N_(
        "the same measures per lesion (connected component) after "
        "matching lesions between the two masks, then averaged; F1 counts matched, missed and extra "
        "lesions. A missed lesion has no surface to measure against: BraTS scores it with the "
        "largest possible HD95, the diagonal of its 1 mm 240 x 240 x 155 grid (374 mm), so one "
        "missed lesion weighs heavily in the average, as intended."
    ),
    "ICC(2,1)": N_(
        "intraclass correlation of volumes across cases (two-way random, absolute "
        "agreement); graded by its 95 % confidence interval's lower bound (Koo & Li 2016): "
        "> 0.90 excellent, 0.75-0.90 good, 0.50-0.75 moderate."
    ),
    "weighted kappa": N_(
        "agreement on the ordinal quality grades beyond chance (quadratic weights)."
    ),
    "volume": N_("mm³ (1 mL = 1000 mm³)."),
}

#: How a glossary term is written for people, where it is a word rather than a symbol.
TERM_NAMES: dict[str, str] = {
    "lesion-wise Dice / HD95 / F1": N_("lesion-wise Dice / HD95 / F1"),
    "weighted kappa": N_("weighted kappa"),
    "volume": N_("volume (mm³)"),
}

#: The consensus image-quality grade (R-QC-1), as the reports explain it.
GRADE_SCALE: dict[int, str] = {
    1: N_(
        "not diagnostic: blurred, obvious motion or beam-hardening, or a removable metal "
        "artifact (remove it and rescan); excluded from annotation with a reason (R-QC-2)."
    ),
    2: N_(
        "soft tissue and bone distinguishable; a few artifacts that do not affect the "
        "diagnosis; may be annotated."
    ),
    3: N_(
        "soft tissue clearly resolved, good contrast, no artifact, diagnosis certain; may be "
        "annotated."
    ),
}


def glossary_html(terms: list[str] | None = None, *, grades: bool = False) -> str:
    """A ``<section>`` explaining the named terms (default: all) and, optionally, grades 1-3,
    in the language people read now."""
    chosen = terms if terms is not None else list(GLOSSARY)
    items = "".join(
        f"<dt>{html.escape(tr(TERM_NAMES[term]) if term in TERM_NAMES else term)}</dt>"
        f"<dd>{html.escape(tr(GLOSSARY[term]))}</dd>"
        for term in chosen
    )
    grade_items = ""
    if grades:
        grade_items = "".join(
            f"<dt>{html.escape(tr('grade {grade}', grade=grade))}</dt>"
            f"<dd>{html.escape(tr(text))}</dd>"
            for grade, text in GRADE_SCALE.items()
        )
    return (
        f"<section class='glossary'><h2>{html.escape(tr('What the numbers mean'))}</h2>"
        f"<dl>{items}{grade_items}</dl></section>"
    )
