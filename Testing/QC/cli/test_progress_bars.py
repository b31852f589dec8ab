"""Progress bars on a terminal, none in a pipe.

``cnstumor qc`` on the bundled case written as a DICOM study, run once under a real
pseudo-terminal (what a person sees) and once with pipes (what a log or a script sees).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import CNSTumorAnnotationLib
import CNSTumorQCLib
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study


@pytest.fixture(scope="module")
def a_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    study = tmp_path_factory.mktemp("study") / "scanner"
    write_sample_case_study(study)
    return study


def _env() -> dict[str, str]:
    paths = [
        str(Path(m.__file__).resolve().parents[1]) for m in (CNSTumorQCLib, CNSTumorAnnotationLib)
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    env.pop("CNSTUMOR_PROGRESS", None)
    return env


def _qc(study: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "CNSTumorAnnotationLib.cli.app", "qc", str(study), "--out",
            str(out), "--no-grade"]  # fmt: skip


@pytest.mark.slow
def test_qc_shows_a_progress_bar_on_a_terminal(a_study: Path, tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    # a real terminal has a size (a fresh pty is 0 columns wide, where tqdm draws nothing)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        _qc(a_study, tmp_path / "qc"), stdin=terminal, stdout=terminal, stderr=terminal,
        env=_env(), close_fds=True,
    )  # fmt: skip
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    assert "checking series" in text and "%|" in text
    assert "4 series in 1 studies" in text


@pytest.mark.slow
def test_qc_in_a_pipe_prints_no_progress_bar(a_study: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        _qc(a_study, tmp_path / "qc"), capture_output=True, text=True, env=_env(), timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "checking series" not in done.stderr and "\r" not in done.stderr
    assert "%|" not in done.stderr
