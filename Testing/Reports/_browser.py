"""Open a self-contained HTML report in Debian's headless Chromium and list what is wrong.

Playwright drives ``/usr/bin/chromium`` (``make test`` installs it; Playwright never downloads
a browser here). Every request the page makes is intercepted: ``file:`` and ``data:`` URLs
pass, anything else is aborted and reported, so a report that needs the network fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Route, sync_playwright

CHROMIUM = Path(os.environ.get("CNSTUMOR_CHROMIUM", "/usr/bin/chromium"))
#: The flags Chromium needs on a closed-network machine, as root (see the machine notes).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP_WIDTH = 1280
LAPTOP_HEIGHT = 900
LOCAL_SCHEMES = ("file:", "data:")

_LAYOUT_PROBLEMS_JS = """(width) => {
  const problems = [];
  const root = document.documentElement;
  if (!document.title.trim()) problems.push('the page has no <title>');
  if (!root.lang) problems.push('the <html> element has no lang');
  for (const img of document.images) {
    if (!(img.complete && img.naturalWidth > 0))
      problems.push(`image not decoded: ${img.alt || img.src.slice(0, 60)}`);
  }
  for (const img of document.images) {
    const own = img.getBoundingClientRect(), box = img.parentElement.getBoundingClientRect();
    if (own.width > 0 && (own.left < box.left - 1 || own.right > box.right + 1))
      problems.push(`image spills out of its box: ${img.alt || img.src.slice(0, 60)}`);
  }
  document.querySelectorAll('table').forEach((table, i) => {
    if (table.querySelectorAll('td').length === 0) problems.push(`table ${i + 1} has no cells`);
  });
  if (root.scrollWidth > width)
    problems.push(`horizontal overflow: ${root.scrollWidth} px wide at ${width} px`);
  return problems;
}"""


@dataclass
class OpenedReport:
    """A report open in a tab, with what went wrong while it loaded."""

    page: Page
    problems: list[str] = field(default_factory=list)

    def all_problems(self) -> list[str]:
        """Load-time problems plus layout problems on screen and in print."""
        found = list(self.problems)
        for media in ("screen", "print"):
            self.page.emulate_media(media=media)
            layout = self.page.evaluate(_LAYOUT_PROBLEMS_JS, LAPTOP_WIDTH)
            found += [f"{media}: {p}" for p in layout]
        self.page.emulate_media(media="screen")
        return found

    def text(self, selector: str = "body") -> str:
        """The rendered (visible) text of the first element matching ``selector``."""
        return self.page.locator(selector).first.inner_text()


@contextmanager
def headless_chromium(user_data_dir: Path) -> Iterator[BrowserContext]:
    """A headless Chromium with a fresh profile in ``user_data_dir``, laptop-sized."""
    if not CHROMIUM.is_file():
        raise FileNotFoundError(
            f"{CHROMIUM}: Chromium is missing; `make test` installs it "
            "(as root: apt-get install -y chromium)"
        )
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(user_data_dir),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": LAPTOP_WIDTH, "height": LAPTOP_HEIGHT},
        )
        try:
            yield context
        finally:
            context.close()


def open_report(context: BrowserContext, path: Path) -> OpenedReport:
    """Open ``path`` as a ``file://`` URL, recording errors and any request leaving the page."""
    page = context.new_page()
    opened = OpenedReport(page)

    def local_only(route: Route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            opened.problems.append(f"request leaves the page: {url[:100]}")
            route.abort()

    page.route("**/*", local_only)
    page.on(
        "console",
        lambda m: opened.problems.append(f"console error: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return opened
