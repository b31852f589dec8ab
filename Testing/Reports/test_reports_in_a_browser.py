"""The HTML reports are web pages: open each one in headless Chromium, as a radiologist would.

Each report is made once per module from real data (the bundled TCGA-FG-6692 case) and opened
from ``file://``. A report passes when nothing goes wrong while it loads (no console or page
error, no request leaving the file), every image decodes, no table is empty, it has a title
and a language, it fits a 1280 px laptop screen and print layout without horizontal scrolling,
and the content a radiologist needs is visible on the page.
"""

from __future__ import annotations

import base64
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
from _browser import OpenedReport, headless_chromium, open_report  # noqa: E402
from _report_builders import (  # noqa: E402
    RETURN_COMMENT,
    STATUS_CASES,
    agreement_report,
    export_preview,
    qc_report,
    status_report,
    training_report,
)

from CNSTumorAnnotationLib.agreement.bundled import BUNDLED_ALGORITHMS  # noqa: E402


@pytest.fixture(scope="module")
def a_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with headless_chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture(scope="module")
def reports_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def the_qc_report(reports_dir: Path) -> Path:
    return qc_report(reports_dir)


@pytest.fixture(scope="module")
def the_agreement_report(reports_dir: Path) -> Path:
    return agreement_report(reports_dir)


@pytest.fixture(scope="module")
def the_status_report(reports_dir: Path) -> Path:
    return status_report(reports_dir)


@pytest.fixture(scope="module")
def the_training_report(reports_dir: Path) -> Path:
    return training_report(reports_dir)


@pytest.fixture(scope="module")
def the_export_preview(reports_dir: Path) -> Path:
    return export_preview(reports_dir / "export-preview")


def opened_without_problems(browser: Any, path: Path) -> OpenedReport:
    opened = open_report(browser, path)
    assert opened.all_problems() == []
    return opened


@pytest.mark.slow
def test_the_qc_report_shows_each_series_sequence_grade_and_findings_with_rule_ids(
    a_browser: Any, the_qc_report: Path
) -> None:
    """R-ACQ-1..5, R-QC-1: what the radiologist confirms, per series, in one card each."""
    data = json.loads(the_qc_report.with_suffix(".json").read_text())
    opened = opened_without_problems(a_browser, the_qc_report)
    assert opened.page.locator("img").count() == len(data["series"]) == 4
    for series in data["series"]:
        card = opened.page.locator(".card").filter(has_text=series["series_instance_uid"])
        assert card.count() == 1 and card.is_visible()
        text = card.inner_text()
        assert f"Identified as\t{series['sequence']}" in text
        assert f"suggested {series['suggested_grade']}" in text
        for finding in series["findings"]:
            assert finding["rule"] in text and finding["message"] in text
    study = opened.text(".study")
    assert "R-ACQ-4" in study and "missing" in study  # the TCGA case has no DWI/ADC
    assert "NOT FIT" in opened.text("h1")
    # a long identification (a radiologist's confirmation, a Chinese translation) widens a
    # card's text: its pictures keep their size, inside the card, never under the text
    opened.page.evaluate(
        "() => document.querySelector('.card td').append(' confirmed by a radiologist "
        "with a long name and a long reason'.repeat(8))"
    )
    assert opened.all_problems() == []
    card = opened.page.locator(".card").first
    thumb, text = card.locator(".thumb").bounding_box(), card.locator("table").first.bounding_box()
    assert thumb and text and thumb["x"] + thumb["width"] <= text["x"]


@pytest.mark.slow
def test_the_agreement_report_shows_the_five_algorithms_and_their_dice_per_region(
    a_browser: Any, the_agreement_report: Path
) -> None:
    """R-PPL-2, R-HMI-1: every pair's Dice per region, in the table under its region heading."""
    data = json.loads(the_agreement_report.with_suffix(".json").read_text())
    opened = opened_without_problems(a_browser, the_agreement_report)
    raters = opened.text("p")
    assert all(name in raters for name in BUNDLED_ALGORITHMS)
    pairs = data["agreement"]["pairs"]
    assert len(pairs) == 10 * 3  # every pair of the five, in each BraTS region
    for region in data["agreement"]["regions"]:
        heading = opened.page.locator("h2", has_text=f"{region} (labels")
        assert heading.is_visible()
        table = heading.locator("xpath=following-sibling::table[1]")
        for row in (r for r in pairs if r["region"] == region):
            line = (
                table.locator("tr").filter(has_text=row["rater_a"]).filter(has_text=row["rater_b"])
            )
            assert f"{row['dice']:.4f}" in line.inner_text()
    assert opened.page.locator("svg").first.is_visible()  # the Dice heat map


@pytest.mark.slow
def test_the_status_page_shows_each_case_state_the_queue_and_the_return_comment(
    a_browser: Any, the_status_report: Path
) -> None:
    """R-FLOW-1, R-PPL-3: the case states, the submitted case queued, the comment located."""
    opened = opened_without_problems(a_browser, the_status_report)
    cases = opened.page.locator("h2", has_text="All cases").locator(
        "xpath=following-sibling::table[1]"
    )
    for case_id, state in STATUS_CASES.items():
        assert f"{case_id}\t" in cases.inner_text()
        assert state in cases.locator("tr").filter(has_text=case_id).inner_text()
    queue = opened.page.locator("h2", has_text="Review queue").locator(
        "xpath=following-sibling::table[1]"
    )
    assert "CNST-0002" in queue.inner_text() and "CNST-0001" not in queue.inner_text()
    assert f"enhancing@74 {RETURN_COMMENT}" in cases.inner_text()
    assert "hash chain verified" in opened.text(".verdict")


@pytest.mark.slow
def test_the_training_report_shows_the_verdict_and_dice_per_case_and_region(
    a_browser: Any, the_training_report: Path
) -> None:
    """R-PPL-4: certified or not, and the Dice behind it per calibration case and region."""
    opened = opened_without_problems(a_browser, the_training_report)
    assert "certified" in opened.text(".verdict").lower()
    table = opened.page.locator("h2", has_text="Per case and region").locator(
        "xpath=following-sibling::table[1]"
    )
    text = table.inner_text()
    for case in ("cal-1", "cal-2"):
        for region in ("whole_tumor", "tumor_core", "enhancing"):
            assert table.locator("tr").filter(has_text=case).filter(has_text=region).count() == 1
    assert "0." in text


@pytest.mark.slow
def test_the_agreement_and_training_reports_explain_their_numbers_and_fold_provenance(
    a_browser: Any, the_agreement_report: Path, the_training_report: Path
) -> None:
    """A glossary (why a missed lesion gives HD95 374 mm), the grade scale 1-3,
    provenance once and folded, no float printed to 16 digits on the visible page."""
    for report in (the_agreement_report, the_training_report):
        opened = opened_without_problems(a_browser, report)
        visible = opened.text()
        glossary = opened.text("section.glossary")
        assert "What the numbers mean" in glossary and "Dice" in glossary and "HD95" in glossary
        assert opened.page.locator("details.provenance").count() == 1
        assert not opened.page.locator("pre.meta").first.is_visible()  # folded until asked
        assert not re.search(r"\d\.\d{7,}", visible), re.search(r"\d\.\d{7,}", visible)
    opened = opened_without_problems(a_browser, the_agreement_report)
    figures = opened.page.locator("figure.disagreement")
    assert figures.count() == 3  # one per BraTS region: the least-agreeing pair on the MRI
    for number in range(3):
        caption = figures.nth(number).inner_text()
        assert " vs " in caption and "where they differ most" in caption and "only " in caption
        src = figures.nth(number).locator("img").get_attribute("src") or ""
        png = base64.b64decode(src.split(",", 1)[1])
        rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
        magenta = (rgb[..., 0] > 150) & (rgb[..., 1] < 120) & (rgb[..., 2] > 150)
        cyan = (rgb[..., 0] < 120) & (rgb[..., 1] > 130) & (rgb[..., 2] > 150)
        assert (magenta | cyan).sum() > 10, caption  # voxels only one rater labelled
    agreement = opened.text("section.glossary")
    assert "374 mm" in agreement and "ASSD" in agreement and "NSD" in agreement
    training = opened_without_problems(a_browser, the_training_report).text("section.glossary")
    for grade in (1, 2, 3):
        assert f"grade {grade}" in training


@pytest.mark.slow
def test_the_export_preview_shows_each_written_label_map_with_the_voxels_of_its_file(
    a_browser: Any, the_export_preview: Path
) -> None:
    """R-FMT-2, R-ANN-8: one picture per reference sequence and per combined map, each label
    value's voxel count in the table equal to the count in the file it names."""
    opened = opened_without_problems(a_browser, the_export_preview)
    headings = opened.page.locator("section.preview h2").all_inner_texts()
    assert headings == [
        "FLAIR: regions drawn on FLAIR",
        "T2: regions drawn on T2",
        "T1C: regions drawn on T1C",
        "NIfTI combined label map on FLAIR",
        "BraTS 2023 label map on its FLAIR image",
        "nnU-Net label map on channel 0003 (FLAIR)",
    ]
    for image in opened.page.locator("section.preview img").all():
        assert image.is_visible() and image.evaluate("i => i.naturalWidth") > 600
    export_root = the_export_preview.parent.parent
    rows = opened.page.locator("tr[data-file]")
    assert rows.count() == 1 + 1 + 2 + 4 + 3 + 4
    for row in rows.all():
        path = export_root / str(row.get_attribute("data-file"))
        array = np.asarray(nib.load(str(path)).dataobj)
        value = int(str(row.get_attribute("data-value")))
        region_file = not (path.name.endswith("_labels.nii.gz") or "seg" in path.name)
        region_file = region_file and "labelsTr" not in path.parts
        expected = np.count_nonzero(array) if region_file else int((array == value).sum())
        cells = row.locator("td").all_inner_texts()
        assert cells[2] == str(expected) and cells[4] == path.relative_to(export_root).as_posix()
        volume_ml = expected * float(np.prod(nib.load(str(path)).header.get_zooms())) / 1000
        assert cells[3] == f"{volume_ml:.2f}"
    assert "R on the left" in opened.text("figcaption")
    assert opened.page.locator("details.provenance").count() == 1


@pytest.mark.slow
def test_a_broken_page_fails_every_check(a_browser: Any, tmp_path: Path) -> None:
    """The checks can fail: a page with each fault is reported once per fault."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<link rel='stylesheet' href='https://example.org/style.css'></head><body>"
        "<img alt='middle slice' src='data:image/png;base64,iVBORw0KGgoAAAAbroken'>"
        "<table><tr><th>empty</th></tr></table><div style='width:1600px'>wide</div>"
        "<script>undefinedFunction()</script></body></html>",
        encoding="utf-8",
    )
    problems = "\n".join(open_report(a_browser, broken).all_problems())
    for expected in (
        "request leaves the page: https://example.org/style.css",
        "page error: undefinedFunction is not defined",
        "screen: the page has no <title>",
        "screen: the <html> element has no lang",
        "screen: image not decoded: middle slice",
        "screen: table 1 has no cells",
        "screen: horizontal overflow: 16",
        "print: horizontal overflow",
    ):
        assert expected in problems
