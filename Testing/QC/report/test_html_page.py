"""Every HTML report is built in one page shell: language, title, inline CSS, provenance footer."""

from __future__ import annotations

import json
import re
from pathlib import Path

from CNSTumorQCLib.i18n import using_language
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.report.html_page import html_page

ROOT = Path(__file__).resolve().parents[3]
LIBS = (
    ROOT / "CNSTumorQC" / "CNSTumorQCLib",
    ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotationLib",
)


def test_the_shell_declares_language_title_css_and_ends_with_the_provenance() -> None:
    stamp = provenance("a_report", rule_tables={"table": "v1 <b>"})
    page = html_page("A <report>", "<h1>body</h1>", provenance=stamp, css="h1{color:red}")
    assert page.startswith("<!DOCTYPE html>\n<html lang='en'>")
    assert "<meta charset='utf-8'>" in page and "<title>A &lt;report&gt;</title>" in page
    assert "h1{color:red}" in page and "<h1>body</h1>" in page
    footer = re.search(
        r"<footer class='provenance'><details class='provenance'><summary>Provenance</summary>"
        r"<pre class='meta'>(.*)</pre></details></footer>",
        page,
        re.S,
    )
    assert footer is not None and page.endswith("</footer></body></html>\n")
    shown = footer.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert json.loads(shown.replace("&#x27;", "'").replace("&amp;", "&")) == stamp


def test_a_page_written_in_chinese_declares_it_and_its_footer_speaks_it() -> None:
    """--lang zh / CNSTUMOR_LANG=zh: the page's ``lang`` is zh-CN and the shell's words are Chinese."""
    stamp = provenance("a_report")
    with using_language("zh"):
        page = html_page("报告", "<h1>正文</h1>", provenance=stamp)
    assert page.startswith("<!DOCTYPE html>\n<html lang='zh-CN'>")
    assert "<summary>来源记录</summary>" in page and "Provenance" not in page
    with using_language("en"):
        assert "<html lang='en'>" in html_page("Report", "", provenance=stamp)


def test_no_report_module_builds_its_own_page_head() -> None:
    """One shell: only html_page.py writes the doctype and the <html> element of a report. The
    browser door's pages (``web/``) are an application's screens, not reports, and have their
    own shell there."""
    owners = [
        path.relative_to(ROOT).as_posix()
        for lib in LIBS
        for path in lib.rglob("*.py")
        if "web" not in path.relative_to(lib).parts
        and re.search(r"<!DOCTYPE|<html[ >]", path.read_text(encoding="utf-8"), re.I)
    ]
    assert owners == ["CNSTumorQC/CNSTumorQCLib/report/html_page.py"]
