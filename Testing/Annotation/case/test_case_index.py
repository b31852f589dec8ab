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


@pytest.mark.slow
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


@pytest.mark.slow
def test_the_case_index_links_the_export_preview(
    small_annotated_case: Any, tmp_path: Path, capsys
) -> None:
    """Given the export folder, the index links the manifest and the preview beside it."""
    root = small_annotated_case.root
    export = tmp_path / "export"
    assert main(["export", str(root), "--out", str(export), "--format", "nifti",
                 "--include-unapproved", "--no-progress"]) == 0  # fmt: skip
    assert main(["case", "index", str(root), "--export", str(export)]) == 0
    index = root / "index.html"
    links = re.findall(r"href='([^']+)'", index.read_text(encoding="utf-8"))
    case = root.name
    assert f"../../export/{case}/preview.html" in links
    assert f"../../export/{case}/manifest.json" in links
    for link in links:
        assert (root / link).is_file(), link
    with headless_chromium(tmp_path / "profile") as browser:
        opened = open_report(browser, index)
        assert opened.all_problems() == []
        opened.page.get_by_text("preview: the exported label maps drawn").click()
        opened.page.wait_for_load_state()
        assert opened.page.title().startswith(f"Export preview {case}")
        assert opened.problems == []
