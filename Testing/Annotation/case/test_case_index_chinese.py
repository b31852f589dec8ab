"""``cnstumor --lang zh case index``: the case's index page in Chinese (R-FLOW-1 trail).

On ``small_annotated_case`` (the bundled case's real native volumes): after a Chinese
self-check, the index declares ``lang='zh-CN'``, its headings and table headers are Chinese,
and no English sentence is left in its visible text (recorded notes, paths and code aside).
The English index is checked by ``test_case_index.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _page_language import CJK, Page

from CNSTumorAnnotationLib.case.index_html import INDEX_HTML
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.i18n import using_language

pytestmark = pytest.mark.mrml


@pytest.mark.slow
def test_the_case_index_is_written_in_chinese(
    small_annotated_case: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    root = Path(small_annotated_case.root)
    export = tmp_path / "export"
    with using_language(None):
        assert main(["--lang", "zh", "selfcheck", str(root)]) == 0
        assert main(["--lang", "zh", "case", "index", str(root), "--export", str(export)]) == 0
    html = (root / INDEX_HTML).read_text(encoding="utf-8")
    page = Page(html, skipped_classes=("file", "note"))  # notes: what people typed, as typed

    assert page.lang == "zh-CN" and page.title == f"病例 {small_annotated_case.case_id}"
    assert page.texts("h1", "h2") == [
        f"病例 {small_annotated_case.case_id}",
        "1. 序列质量控制（R-QC-1..3）",
        "2. 标注版本（R-FLOW-1）",
        "3. 自检（R-ANN-9）",
        "4. 审核（R-PPL-3）",
        "5. 导出（R-FMT-1..3）",
    ]
    headers = page.texts("th")
    assert headers and all(CJK.search(header) for header in headers)
    text = page.text
    assert "从 NIfTI 导入（无质控报告）" in text and "未通过审核" in text
    assert "版本 v1：可以提交（错误 0 项" in text and "未指定标注项目" in text
    assert f"{export} 中尚无该病例的导出" in text
    assert page.english_left(data=[str(export)]) == []
    assert re.findall(r"href='([^']+)'", html) == ["selfcheck.html"]  # links unchanged
