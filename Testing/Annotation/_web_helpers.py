"""The browser tests' shared set-up: Debian's Chromium, the demo people's passwords, and a real
``cnstumor serve`` on a free port for the length of a ``with`` block."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from CNSTumorAnnotationLib.web.workers import free_port

CHROMIUM = Path(os.environ.get("CNSTUMOR_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PASSWORDS = {"admin": "admin-pass-phrase", "dr_li": "li-pass-phrase", "dr_wang": "wang-pass-phrase"}


@contextlib.contextmanager
def serving(project_dir: Path) -> Iterator[str]:
    """``cnstumor serve --project project_dir`` on a free port; yields its base URL once the sign-in
    page answers, and stops the server and the drawing workers it started afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "CNSTumorAnnotationLib.cli.app", "serve", "--project",
         str(project_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    try:
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and the workers it started
        process.wait(timeout=30)
