"""The batch export script runs from an installed extension's layout (item: Slicer batch export).

CMake installs ``Scripts/batch_export.py`` beside the module file, in the folder that also holds
the Lib packages (``<qt-scripted-modules>/``). ``Slicer --no-main-window --python-script`` runs it
with Slicer's Python; here the same script runs with the project's Python from a copy of that
layout (no source tree on the path), and must exit non-zero, naming the problem, on failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    modules = tmp_path / "lib" / "Slicer-5.10" / "qt-scripted-modules"
    (modules / "Scripts").mkdir(parents=True)
    for lib in ("CNSTumorAnnotation/CNSTumorAnnotationLib", "CNSTumorQC/CNSTumorQCLib"):
        (modules / Path(lib).name).symlink_to(ROOT / lib, target_is_directory=True)
    shutil.copy(ROOT / "CNSTumorAnnotation" / "Scripts" / "batch_export.py", modules / "Scripts")
    return modules / "Scripts" / "batch_export.py"


def _run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, str(script), "--", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.mark.slow
def test_a_missing_case_fails_the_batch_with_a_clear_line(installed: Path, tmp_path: Path):
    missing = tmp_path / "no_such_case"
    result = _run(installed, str(missing), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "no_such_case" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_bad_option_is_a_usage_error(installed: Path, tmp_path: Path):
    result = _run(installed, "x", "--out", str(tmp_path / "o"), "--format", "bogus", cwd=tmp_path)
    assert result.returncode == 2
    assert "bogus" in result.stderr
