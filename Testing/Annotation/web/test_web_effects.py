"""The browser wizard's Segment Editor effects and undo / redo, in a real browser on a real
``cnstumor serve`` and its trame-slicer drawing worker (Debian's headless Chromium, driven by
Playwright).

Each step changes the enhancing region's voxels, which the page shows (the worker counts them on
the segment's own labelmap once the edits pause): paint adds, undo takes the stroke away and
redo brings it back exactly, islands (keep largest) keeps exactly the larger of two strokes,
smoothing (closing) bridges the gap between them, erase and scissors remove, and threshold
fills the region with every voxel of T1C in the range it offers.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk

pytest.importorskip("trame_slicer")
playwright = pytest.importorskip("playwright.sync_api")

from _web_helpers import CHROMIUM, FLAGS, PASSWORDS, serving  # noqa: E402

from CNSTumorAnnotationLib.case.folder import load_case  # noqa: E402
from CNSTumorAnnotationLib.project import workflow  # noqa: E402
from CNSTumorAnnotationLib.project.annotation_project import Project  # noqa: E402
from CNSTumorAnnotationLib.web.demo_project import CASE_ID, build_demo_project  # noqa: E402
from CNSTumorQCLib.sequences import MRSequence  # noqa: E402

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The demo project, its case started by dr_li, and ``cnstumor serve`` on a free port."""
    project_dir = tmp_path_factory.mktemp("web-effects") / "proj"
    build_demo_project(project_dir, passwords=PASSWORDS, register=False)
    with Project.open(project_dir) as project:
        workflow.start(project, CASE_ID, actor="dr_li")
    with serving(project_dir) as base:
        yield base, project_dir


@pytest.fixture(scope="module")
def page(server: tuple[str, Path]) -> Iterator[Any]:
    """dr_li's drawing wizard on the case, sequences reviewed, the enhancing region chosen."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    base, _ = server
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        opened = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        opened.goto(base + "/login")
        opened.fill("#person", "dr_li")
        opened.fill("#password", PASSWORDS["dr_li"])
        opened.click("#sign-in")
        opened.wait_for_selector("#queue")
        opened.goto(f"{base}/case/{CASE_ID}")
        opened.eval_on_selector("#do-draw", "button => button.form.submit()")
        opened.wait_for_selector("#region-enhancing", timeout=180_000)
        opened.click("#reviewed")
        opened.click("#region-enhancing")
        opened.wait_for_function("document.querySelector('#voxels') !== null")
        yield opened
        browser.close()


def voxels(page: Any, before: int | None = None, region: str = "enhancing") -> int:
    """A region's voxel count the page shows; with ``before``, the next count."""
    shows = "(t) => document.querySelector('#voxels').innerText.startsWith(t)"
    page.wait_for_function(shows, arg=f"{region}: ", timeout=60_000)
    if before is not None:
        page.wait_for_function(
            "(t) => !document.querySelector('#voxels').innerText.startsWith(t)",
            arg=f"{region}: {before} ",
            timeout=60_000,
        )
    text = page.inner_text("#voxels")  # "enhancing: 645 voxels (2.86 ml)"
    return int(text.split(": ")[1].split()[0])


def tool(page: Any, icon: str) -> None:
    """Pick a Segment Editor effect (or undo / redo) by its icon."""
    page.locator(f"button:has(i.{icon})").click()
    page.wait_for_timeout(300)


def stroke(page: Any, fx: float, fy: float, moves: int = 6) -> None:
    """A drag on the slice view from (fx, fy) of the image; ``moves=0`` is a click."""
    box = page.locator("img.image-display-area").bounding_box()
    x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
    page.mouse.move(x, y)
    page.mouse.down()
    for move in range(moves):
        page.mouse.move(x + move * 3, y + move, steps=1)
    page.mouse.up()


def loop(page: Any, fx: float, fy: float, radius: float) -> None:
    """A closed freehand loop around (fx, fy) of the image (``radius`` of its width)."""
    box = page.locator("img.image-display-area").bounding_box()
    x, y, r = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy, box["width"] * radius
    page.mouse.move(x + r, y)
    page.mouse.down()
    for step in range(1, 25):
        angle = 2 * math.pi * step / 24
        page.mouse.move(x + r * math.cos(angle), y + r * math.sin(angle), steps=2)
    page.mouse.up()


def test_undo_redo_and_the_segment_editor_effects_change_the_region_s_voxels(
    server: tuple[str, Path], page: Any
) -> None:
    _, project_dir = server
    assert voxels(page) == 0

    tool(page, "mdi-brush")
    stroke(page, 0.5, 0.5)
    a = voxels(page, 0)
    assert a > 0  # paint
    tool(page, "mdi-undo")
    assert voxels(page, a) == 0  # undo: the stroke's voxels are gone
    tool(page, "mdi-redo")
    assert voxels(page, 0) == a  # redo: exactly those voxels are back

    stroke(page, 0.6, 0.5, moves=0)  # a click: a smaller, separate island beside the stroke
    both = voxels(page, a)
    assert a < both < 2 * a

    tool(page, "mdi-scatter-plot")  # islands, "keep largest" (its default)
    page.get_by_role("button", name="Apply").click()
    assert voxels(page, both) == a  # only the first stroke is left
    tool(page, "mdi-undo")
    assert voxels(page, a) == both

    tool(page, "mdi-square-rounded-outline")  # smoothing: a closing wider than the gap
    page.get_by_label("Smoothing method").click(force=True)
    page.get_by_role("option", name="Closing").click()
    kernel = page.get_by_label("Kernel size (mm)")
    kernel.click()
    kernel.press("Control+a")
    kernel.press_sequentially("10")
    kernel.press("Tab")
    page.get_by_role("button", name="Apply").click()
    closed = voxels(page, both)
    assert closed > both  # the two islands are bridged

    tool(page, "mdi-eraser")
    stroke(page, 0.5, 0.5, moves=0)
    erased = voxels(page, closed)
    assert 0 < erased < closed

    tool(page, "mdi-content-cut")  # scissors, "erase inside" (its default), every slice
    loop(page, 0.6, 0.5, 0.05)
    cut = voxels(page, erased)
    assert 0 < cut < erased

    page.click("#region-non_enhancing")  # also on T1C, empty
    assert voxels(page, region="non_enhancing") == 0
    tool(page, "mdi-auto-fix")  # threshold: its automatic (Otsu) range over T1C
    page.wait_for_timeout(1000)
    low, high = page.evaluate(
        """() => [...document.querySelectorAll('.v-range-slider [role=slider]')]
                   .map(thumb => Number(thumb.getAttribute('aria-valuenow')))"""
    )
    page.get_by_role("button", name="Apply").click()
    thresholded = voxels(page, 0, region="non_enhancing")
    t1c = load_case(project_dir / "cases" / CASE_ID).volumes[MRSequence.T1C]
    intensities = sitk.GetArrayFromImage(sitk.ReadImage(str(t1c)))
    # VTK's threshold casts its bounds to the image's integer type (229.18 -> 229)
    assert intensities.dtype.kind == "i" and 0 < low < high
    in_range = (intensities >= int(low)) & (intensities <= int(high))
    assert thresholded == int(np.count_nonzero(in_range))
