"""``selfcheck.html``: findings linked to their slice, labels over the MRI, in a real browser.

On ``small_annotated_case`` (real native volumes, synthetic spheres) with a blocking gap cut into
the whole tumor: the page opens without problems in Chromium, the blocking finding links to a
picture of its slice numbered from 1 with its position in mm, and the picture shows the region's
colour over the MRI.
"""

from __future__ import annotations

import base64
import io
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk
from PIL import Image

from CNSTumorAnnotationLib.case.folder import region_masks, save_annotation_version
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.selfcheck.report_html import REPORT_HTML, slice_position_mm

sys.path.insert(0, str(Path(__file__).parents[2] / "Reports"))
from _browser import headless_chromium, open_report  # noqa: E402

pytestmark = pytest.mark.mrml


@pytest.mark.slow
def test_the_blocking_finding_links_to_its_slice_with_the_labels_drawn(
    small_annotated_case: Any, mrml_runtime: Any, tmp_path: Path
) -> None:
    masks = region_masks(small_annotated_case, runtime=mrml_runtime)
    whole = sitk.GetArrayFromImage(masks["whole_tumor"])
    slices = np.nonzero(whole.any(axis=(1, 2)))[0]
    gap = int(slices[len(slices) // 2])
    whole[gap] = 0
    image = sitk.GetImageFromArray(whole)
    image.CopyInformation(masks["whole_tumor"])
    masks["whole_tumor"] = image
    save_annotation_version(small_annotated_case, masks, "dr.li", runtime=mrml_runtime)
    root = small_annotated_case.root
    assert main(["selfcheck", str(root)]) == 1
    flair = sitk.ReadImage(str(small_annotated_case.volumes[next(
        s for s in small_annotated_case.volumes if s.value == "FLAIR")]))  # fmt: skip
    where = f"slice {gap + 1} of {flair.GetSize()[2]}, S {slice_position_mm(flair, gap):+.1f} mm"
    with headless_chromium(tmp_path / "profile") as browser:
        opened = open_report(browser, root / REPORT_HTML)
        assert opened.all_problems() == []
        page = opened.page
        link = page.locator("td.error").first.locator("xpath=..").locator("a")
        assert link.inner_text() == f"slice {gap + 1}"
        target = link.get_attribute("href")
        figure = page.locator(f"figure{target}")
        assert where in figure.inner_text()
        source = figure.locator("img").get_attribute("src")
        overview = page.locator("figure#overview-FLAIR img").get_attribute("src")
        assert "What the numbers mean" in page.inner_text("body")
        assert page.locator("details.provenance summary").inner_text() == "Provenance"
    ring = _rgb(source)
    orange = (
        (ring[..., 0] > 200) & (ring[..., 1] > 110) & (ring[..., 1] < 210) & (ring[..., 2] < 90)
    )
    assert orange.sum() > 20  # the ring marking where the lesion skips this slice
    drawn = _rgb(overview)
    yellow = (drawn[..., 0] > 150) & (drawn[..., 1] > 150) & (drawn[..., 2] < 110)
    assert yellow.sum() > 100  # the whole tumor in its consensus colour over the FLAIR


def _rgb(data_url: str | None) -> np.ndarray:
    assert data_url is not None and data_url.startswith("data:image/png;base64,")
    png = base64.b64decode(data_url.split(",", 1)[1])
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
