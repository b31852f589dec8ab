"""Shared pieces of the project's self-contained HTML reports (no network, no side files)."""

from __future__ import annotations

import html
import io

from matplotlib.figure import Figure

STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:right;font-size:13px}
th{background:#f3f3f3} td.name,th.name{text-align:left}
svg{max-width:100%;height:auto}
tr.short td{background:#fcbba1} tr.ok td{background:#e5f5e0}
.verdict{font-size:1.3em;font-weight:bold;padding:0.4em} .verdict.ok{background:#c7e9c0}
.verdict.short{background:#fcbba1}
.meta{font-size:12px;color:#555;white-space:pre-wrap;background:#fafafa;padding:0.5em}
"""


def figure_svg(figure: Figure) -> str:
    """The figure as an inline ``<svg>`` element (matplotlib's object API: no pyplot state)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def page(title: str, body: str, *, extra_style: str = STYLE) -> str:
    """A complete UTF-8 HTML document."""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{extra_style}</style></head>"
        f"<body>{body}</body></html>\n"
    )
