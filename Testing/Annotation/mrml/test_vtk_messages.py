"""A normal headless run prints no VTK error blocks; real VTK errors still show."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.mrml

SCRIPT = textwrap.dedent(
    """
    import vtk
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime
    create_runtime()
    print("runtime ready", flush=True)
    if "--real-error" in __import__("sys").argv:
        reader = vtk.vtkNIFTIImageReader()
        reader.SetFileName("/nonexistent/brain.nii.gz")
        reader.Update()
    """
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CNSTUMOR_LOG": str(tmp_path / "mrml.log")}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )


@pytest.mark.slow
def test_building_the_runtime_prints_nothing_on_stderr_and_logs_the_expected_messages(tmp_path):
    done = _run(tmp_path)
    assert "runtime ready" in done.stdout
    assert done.stderr == "", done.stderr  # no "ERROR: In vtkSlicer...", no red loguru lines
    log = (tmp_path / "mrml.log").read_text(encoding="utf-8")
    assert "LoadTerminologyFromFile" in log or "FindDefaultColorFiles" in log


@pytest.mark.slow
def test_a_real_vtk_error_is_shown_as_one_line_naming_the_log(tmp_path):
    done = _run(tmp_path, "--real-error")
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) >= 1
    assert all(line.startswith("VTK error: ") for line in lines), done.stderr
    assert "/nonexistent/brain.nii.gz" in done.stderr
    assert str(tmp_path / "mrml.log") in lines[0]
    assert "\x1b[" not in done.stderr
