"""Figures for the Annotation Lib's HTML reports, inlined as SVG (no network, no side files).

The page itself (language, inline CSS, provenance footer) is the QC Lib's
``CNSTumorQCLib.report.html_page``; this module only adds what needs matplotlib.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure


def figure_svg(figure: Figure) -> str:
    """The figure as an inline ``<svg>`` element (matplotlib's object API: no pyplot state)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]
