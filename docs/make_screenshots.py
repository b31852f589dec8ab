"""Screenshots of the HTML reports for the README, taken in headless Chromium.

Makes the QC report, the agreement report, the project status page and an export preview from
the bundled real case (the same builders the browser tests check,
``Testing/Reports/_report_builders.py``) and saves the top of each, 1280 x 900 px, as
``docs/images/{qc-report,agreement-report,review-status,export-preview}.png``. Needs
``/usr/bin/chromium`` (``make test`` installs it).

Run: ``.venv/bin/python docs/make_screenshots.py [NAME.png ...]`` (default: all of them)
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image

from CNSTumorQCLib.atomic import write_bytes_atomic

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "Testing" / "Reports"))
from _browser import (  # noqa: E402
    LAPTOP_HEIGHT,
    LAPTOP_WIDTH,
    headless_chromium,
    open_report,
)
from _report_builders import (  # noqa: E402
    agreement_report,
    export_preview,
    qc_report,
    status_report,
)

SHOTS = {
    "qc-report.png": qc_report,
    "agreement-report.png": agreement_report,
    "review-status.png": status_report,
    "export-preview.png": export_preview,
}
MAX_BYTES = 300_000


def small_png(png: bytes) -> bytes:
    """The screenshot as an optimised PNG; reduced to 256 colours if still over MAX_BYTES."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    if out.tell() > MAX_BYTES:
        out = io.BytesIO()
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            out, format="PNG", optimize=True
        )
    return out.getvalue()


def main(images_dir: Path = HERE / "images", names: list[str] | None = None) -> list[Path]:
    images_dir.mkdir(parents=True, exist_ok=True)
    unknown = sorted(set(names or []) - set(SHOTS))
    if unknown:
        raise SystemExit(f"unknown screenshot(s) {unknown}; choose from {', '.join(SHOTS)}")
    written = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        with headless_chromium(work_dir / "profile") as browser:
            for name, build in SHOTS.items():
                if names and name not in names:
                    continue
                opened = open_report(browser, build(work_dir / name.removesuffix(".png")))
                problems = opened.all_problems()
                if problems:
                    raise SystemExit(f"{name}: the page has problems: {problems}")
                png = opened.page.screenshot(
                    clip={"x": 0, "y": 0, "width": LAPTOP_WIDTH, "height": LAPTOP_HEIGHT}
                )
                target = write_bytes_atomic(images_dir / name, small_png(png))
                written.append(target)
                print(f"{target} ({target.stat().st_size // 1024} KB)")
    return written


if __name__ == "__main__":
    main(names=sys.argv[1:])
