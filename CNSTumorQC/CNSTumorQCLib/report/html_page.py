"""The one page shell of every self-contained HTML report of the project.

The QC report, the agreement report, the training-phase calibration report and the project
status page all open in a browser with no network and no side files, so each must be a single
UTF-8 document that declares its language, carries its CSS inline and ends with the provenance
record that produced it (the provenance stamp every report carries). ``html_page`` is that
shell; a report only supplies its title, its body and, where it has its own look, its CSS.
Nothing here draws (the QC Lib stays free of plotting libraries): reports inline their
figures themselves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from CNSTumorQCLib.i18n import html_lang, tr

#: The shell's own rules: the provenance footer wraps long values instead of widening the page.
SHELL_CSS = """
footer.provenance{margin-top:2em}footer.provenance pre{font-size:12px;color:#555;white-space:pre-wrap;overflow-wrap:anywhere;background:#fafafa;padding:0.5em}
"""

#: The look of the table-and-figure reports (agreement, training, project status).
TABLE_REPORT_CSS = """
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


def rounded(value: object, digits: int = 4) -> object:
    """``value`` with every float rounded (recursively), for JSON shown to people."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, Mapping):
        return {key: rounded(item, digits) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item, digits) for item in value]
    return value


def provenance_footer(record: Mapping[str, Any], *, heading: str | None = None) -> str:
    """The page's last element: the provenance record (and any parameters) once, folded, as
    indented JSON with numbers rounded for people (the JSON files keep full precision)."""
    text = json.dumps(rounded(record), indent=2, ensure_ascii=False, default=str)
    heading = tr("Provenance") if heading is None else heading
    return (
        f"<footer class='provenance'><details class='provenance'><summary>{escape(heading)}"
        f"</summary><pre class='meta'>{escape(text)}</pre></details></footer>"
    )


def html_page(
    title: str,
    body: str,
    *,
    provenance: Mapping[str, Any],
    css: str = TABLE_REPORT_CSS,
    provenance_heading: str | None = None,
) -> str:
    """A complete UTF-8 HTML document: ``lang``, ``<title>``, inline CSS, body, provenance footer.

    The page declares the language in effect (``CNSTumorQCLib.i18n``: ``en`` or ``zh-CN``), in
    which the report wrote its words.

    ``body`` is trusted markup built by the report (escape every value that came from input
    before putting it there); ``title`` and the provenance are escaped here.
    """
    return (
        f"<!DOCTYPE html>\n<html lang='{html_lang()}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{SHELL_CSS}{css}</style></head>"
        f"<body>{body}{provenance_footer(provenance, heading=provenance_heading)}</body></html>\n"
    )
