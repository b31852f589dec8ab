"""``cnstumor case index``: one page linking the case's QC, versions, self-check, review, export."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from CNSTumorAnnotationLib.cli.app import main

sys.path.insert(0, str(Path(__file__).parents[2] / "Reports"))
from _browser import headless_chromium, open_report  # noqa: E402

pytestmark = pytest.mark.mrml


def test_the_case_index_links_what_exists_and_names_what_is_missing(
    small_annotated_case: Any, tmp_path: Path, capsys
) -> None:
    root = small_annotated_case.root
    assert main(["selfcheck", str(root)]) == 0
    export = tmp_path / "export"
    assert main(["case", "index", str(root), "--export", str(export)]) == 0
    assert "case index:" in capsys.readouterr().out
    index = root / "index.html"
    links = re.findall(r"href='([^']+)'", index.read_text(encoding="utf-8"))
    assert links == ["selfcheck.html"]  # relative, so the folder can move
    with headless_chromium(tmp_path / "profile") as browser:
        opened = open_report(browser, index)
        assert opened.all_problems() == []
        text = opened.text()
    assert "v1" in text and "synthetic:spheres" in text and "not approved" in text
    assert "imported from NIfTI (no QC report)" in text
    assert "OK to submit" in text
    assert "No annotation project given" in text
    assert f"No export of this case in {export}" in text
