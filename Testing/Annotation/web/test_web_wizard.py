"""The browser wizard end to end: a real ``cnstumor serve`` on localhost, its trame-slicer
drawing worker, and Debian's headless Chromium driven by Playwright (never a downloaded one).

The annotator signs in, opens the bundled case, paints the enhancing region on T1C, saves, runs
the self-check and sees a finding, draws the whole tumor on FLAIR, saves, passes the
self-check and submits; the reviewer returns it with a comment on a region and slice; the
annotator revises and resubmits; the reviewer approves; the exported NIfTI holds the painted
voxels on the painted slice. Refused along the way: an unauthenticated request, a path-like
case id, an annotator opening another's case or approving, a worker reached without its secret.
Screenshots go to ``docs/images/web-*.png`` (the README shows them).
"""

from __future__ import annotations

import subprocess
import sys
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
from CNSTumorAnnotationLib.training.calibration import record_certification  # noqa: E402
from CNSTumorAnnotationLib.web.demo_project import CASE_ID, build_demo_project  # noqa: E402
from CNSTumorQCLib.sequences import MRSequence  # noqa: E402

IMAGES = Path(__file__).resolve().parents[3] / "docs" / "images"
pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A demo project (bundled case assigned to dr_li, a second case assigned to dr_he) and
    ``cnstumor serve`` on a free port."""
    project_dir = tmp_path_factory.mktemp("web") / "proj"
    build_demo_project(project_dir, passwords=PASSWORDS, register=False)
    with Project.open(project_dir) as project:
        project.add_person(
            "dr_he", name="Dr He", role="annotator", years_experience=8, title="attending",
            licence="MD-9", actor="admin",
        )  # fmt: skip
        record_certification(
            project, "dr_he", team="external", certified=True, thresholds_version="test",
            report_sha256="0" * 64, actor="admin",
        )  # fmt: skip
        project.register_case("other-case", dataset_id="tcga-lgg", patient="P2", actor="admin")
        project.deidentify("other-case", actor="admin")
        project.pass_qc("other-case", actor="admin", grade=3)
        workflow.assign(project, "other-case", "dr_he", actor="admin")
    with serving(project_dir) as base:
        yield base, project_dir


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


def sign_in(browser: Any, base: str, person: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    assert page.url.endswith("/login")  # no session: sent to sign in
    page.fill("#person", person)
    page.fill("#password", PASSWORDS[person])
    page.click("#sign-in")
    page.wait_for_selector("#queue")
    return page


def stroke(page: Any, fx: float, fy: float, length: int = 16) -> None:
    """One brush stroke on the slice view, starting at (fx, fy) of the image."""
    box = page.locator("img.image-display-area").bounding_box()
    x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(length):
        page.mouse.move(x + step * 3, y + step, steps=2)
    page.mouse.up()


def wait_message(page: Any, text: str, timeout: float = 180_000) -> str:
    page.wait_for_function(
        "(t) => document.querySelector('#message').innerText.includes(t)", arg=text,
        timeout=timeout,
    )  # fmt: skip
    return page.inner_text("#message")


def draw_region(page: Any, region: str, strokes: list[tuple[float, float]]) -> None:
    page.click(f"#region-{region}")
    page.wait_for_function(
        "(r) => document.querySelector(`#region-${r}`).classList.contains('bg-primary')",
        arg=region,
    )
    page.locator("button:has(i.mdi-brush)").click()
    page.wait_for_timeout(500)
    for fx, fy in strokes:
        stroke(page, fx, fy)
    page.wait_for_timeout(800)


def self_check(page: Any) -> str:
    page.click("#self-check")
    return wait_message(page, "self-check")


def confirm_and_save(page: Any, version: int) -> str:
    """The checklist a person confirms (R-ANN-2/3/7/9), then save: a new version, self-checked."""
    page.wait_for_selector("#checklist")
    for box in page.locator("#checklist input[type=checkbox]").all():
        box.click()
        page.wait_for_timeout(300)
    page.click("#finish-checklist")
    page.wait_for_function("document.querySelector('#step').innerText === 'save'")
    page.click("#save")
    page.wait_for_function(
        "(v) => document.querySelector('#version').innerText === 'v' + v",
        arg=version,
        timeout=180_000,
    )
    return page.inner_text("#message")


def open_wizard(page: Any, base: str, action: str = "draw") -> None:
    page.goto(f"{base}/case/{CASE_ID}")
    page.screenshot(path="/tmp/h8-before-open.png")
    page.eval_on_selector(f"#do-{action}", "button => button.form.submit()")
    page.wait_for_selector("#region-enhancing", timeout=180_000)
    page.wait_for_selector("img.image-display-area", timeout=60_000)


ENHANCING = [(0.62, 0.52), (0.62, 0.55)]
#: The whole tumor is drawn on FLAIR, whose view frames the head differently from T1C's: a
#: generous patch, so that it contains the enhancing strokes (R-SEG-3 checks containment even
#: without a drawn tumor body). It is painted in rows, one drag each, from 50 % to 80 % of the
#: image across, 5 % of the image apart from 40 % to 70 % down: the brush (6 % of the view's
#: height) is wider than that gap, so the rows leave none.
WHOLE_ROWS = [y / 100 for y in range(40, 71, 5)]


def paint_rows(page: Any, rows: list[float], start: float = 0.50, end: float = 0.80) -> None:
    """One drag per row across the image, from ``start`` to ``end`` of its width."""
    box = page.locator("img.image-display-area").bounding_box()
    for fy in rows:
        y = box["y"] + box["height"] * fy
        page.mouse.move(box["x"] + box["width"] * start, y)
        page.mouse.down()
        for step in range(1, 16):
            fx = start + (end - start) * step / 15
            page.mouse.move(box["x"] + box["width"] * fx, y, steps=1)
        page.mouse.up()


def test_R_PPL_3_annotate_review_return_revise_approve_and_export_in_a_browser(
    server: tuple[str, Path], browser: Any, tmp_path: Path
) -> None:
    base, project_dir = server
    IMAGES.mkdir(parents=True, exist_ok=True)
    anonymous = browser.new_context().new_page()
    response = anonymous.request.post(f"{base}/case/{CASE_ID}/approve")
    assert response.status == 401 and "not signed in" in response.text()
    assert anonymous.request.get(f"{base}/api/cases").status == 401

    li = sign_in(browser, base, "dr_li")
    assert li.locator(".case-row").count() == 1  # only the case assigned to dr_li
    li.screenshot(path=str(IMAGES / "web-queue.png"))
    li.click("#lang")  # each person switches the interface language; it is stored for them
    assert "病例队列" in li.inner_text("main")
    li.click("#lang")
    assert "Case queue" in li.inner_text("main")
    for bad, status in (("..%2F..%2Fetc%2Fpasswd", 400), ("other-case", 403), ("ghost", 404)):
        assert li.request.get(f"{base}/case/{bad}").status == status
    refused = li.request.post(f"{base}/case/{CASE_ID}/approve")
    assert refused.status in (403, 409)
    li.goto(f"{base}/case/{CASE_ID}")
    li.click("#do-start")
    li.wait_for_selector("#do-draw")
    open_wizard(li, base)
    secretless = li.url.split("?")[0].rstrip("/")
    li.click("#reviewed")
    draw_region(li, "enhancing", ENHANCING)
    slice_text = li.inner_text("#slice")  # e.g. "T1C k=8 z=1.5"
    assert slice_text.startswith("T1C")
    painted_k = int(slice_text.split("k=")[1].split()[0])
    li.screenshot(path=str(IMAGES / "web-draw.png"))
    assert "blocked" in self_check(li)
    assert "whole_tumor" in li.inner_text("#findings")  # R-ANN-4: the required region is empty
    li.screenshot(path=str(IMAGES / "web-selfcheck.png"))
    draw_region(li, "whole_tumor", [])
    paint_rows(li, WHOLE_ROWS)
    li.wait_for_timeout(800)
    # FLAIR is not T1C's scan: the enhancing strokes land on neighbouring FLAIR slices through
    # the registration, so the whole tumor is painted on the slices around this one too
    # (the mouse wheel moves the slice, as in Slicer)
    for notches in (1, 1, -3, -1):
        box = li.locator("img.image-display-area").bounding_box()
        li.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
        li.mouse.wheel(0, 100 * notches)
        li.wait_for_timeout(800)
        paint_rows(li, WHOLE_ROWS)
        li.wait_for_timeout(800)
    assert "passed" in self_check(li), li.inner_text("#findings")
    li.screenshot(path=str(IMAGES / "web-checklist.png"))
    assert "self-check passed" in confirm_and_save(li, 1)
    li.click("#submit")
    wait_message(li, "submitted")

    wang = sign_in(browser, base, "dr_wang")
    assert wang.locator(".case-row").count() == 1
    wang.goto(f"{base}/case/{CASE_ID}")
    wang.fill("#region-0", "enhancing")
    wang.fill("#slice-0", str(painted_k))
    wang.fill("#text-0", "rim too thin medially")
    wang.screenshot(path=str(IMAGES / "web-review.png"))
    wang.click("#do-return")
    wang.wait_for_selector("#queue")
    assert "队列中没有病例" in wang.inner_text("#queue")  # dr_wang reads Chinese; queue empty

    li.goto(f"{base}/case/{CASE_ID}")
    assert li.inner_text("#state") == "returned"
    assert "enhancing@" + str(painted_k) + ": rim too thin medially" in li.inner_text("body")
    li.click("#do-revise")
    open_wizard(li, base)
    li.click("#reviewed")  # a revision is a new wizard session: review the sequences again
    draw_region(li, "enhancing", [(0.60, 0.50)])
    assert "passed" in self_check(li), li.inner_text("#findings")
    assert "self-check passed" in confirm_and_save(li, 2)
    li.click("#submit")
    wait_message(li, "submitted")

    wang.goto(f"{base}/case/{CASE_ID}")
    open_wizard(wang, base, "view")
    wang.click("#region-enhancing")
    wang.wait_for_timeout(1500)
    wang.screenshot(path=str(IMAGES / "web-review-overlay.png"))
    wang.goto(f"{base}/case/{CASE_ID}")
    wang.click("#do-approve")
    wang.wait_for_selector("#queue")
    li.goto(f"{base}/case/{CASE_ID}")
    assert li.inner_text("#state") == "approved"

    blocked = browser.new_context().new_page()  # a worker without its secret shows no case
    blocked.goto(secretless)
    blocked.wait_for_timeout(3000)
    assert blocked.locator("#region-enhancing").count() == 0

    out = tmp_path / "export"
    password = tmp_path / "wang.pw"
    password.write_text(PASSWORDS["dr_wang"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "CNSTumorAnnotationLib.cli.app", "export",
         str(project_dir / "cases" / CASE_ID), "--out", str(out), "--format", "nifti",
         "--approved-only", "--project", str(project_dir), "--actor", "dr_wang",
         "--password-file", str(password)],
        check=True, capture_output=True,
    )  # fmt: skip
    exported = sitk.ReadImage(str(out / CASE_ID / "nifti" / f"{CASE_ID}_T1C_enhancing.nii.gz"))
    native = sitk.ReadImage(str(load_case(project_dir / "cases" / CASE_ID).volumes[MRSequence.T1C]))
    labels = sitk.GetArrayFromImage(exported)  # z, y, x
    z, y, x = np.nonzero(labels)
    assert len(z) > 50
    points = np.array(
        [
            exported.TransformIndexToPhysicalPoint((int(i), int(j), int(k)))
            for k, j, i in zip(z, y, x, strict=True)
        ]
    )
    centre = native.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in native.GetSize()])
    shown = native.TransformContinuousIndexToPhysicalPoint(
        [(native.GetSize()[0] - 1) / 2, (native.GetSize()[1] - 1) / 2, float(painted_k)]
    )
    thickness = native.GetSpacing()[2]
    # the painted voxels lie on the slice shown while painting (LPS z within a slice) ...
    assert abs(points[:, 2].mean() - shown[2]) <= thickness, (points[:, 2].mean(), shown[2])
    assert int(np.bincount(z).argmax()) == painted_k  # most voxels on the slice k shown
    # ... right of the image centre on screen: the patient's left, LPS +x
    assert points[:, 0].mean() > centre[0]
