"""A truncated ``.seg.nrrd`` used to kill ``selfcheck`` and ``export`` with SIGABRT (an ITK
exception thrown through MRML's C++ reader), and one bad case killed a whole batch before its
summary was written. These cases run in a subprocess, since a regression aborts the process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _robust_helpers import tree_digest

from CNSTumorAnnotationLib.export.manifest import verify_manifest

pytestmark = [pytest.mark.mrml, pytest.mark.slow]

#: Where the annotation file is cut: inside the header, at the blank line, inside the data.
CUTS = {"header": 0.3, "end of header": "blank", "data": -40}


def _cnstumor(*argv: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from CNSTumorAnnotationLib.cli.app import main; sys.exit(main(sys.argv[1:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=300
    )


def _truncate(path: Path, where: float | str | int) -> None:
    data = path.read_bytes()
    if where == "blank":
        end = data.index(b"\n\n") + 2
    elif isinstance(where, float):
        end = int(len(data) * where)
    else:
        end = len(data) + int(where)
    path.chmod(0o644)
    path.write_bytes(data[:end])


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("cnstumor")]


@pytest.mark.parametrize("cut", list(CUTS))
def test_selfcheck_names_a_truncated_annotation_instead_of_aborting(
    cut: str, robust_case: Path
) -> None:
    annotation = next((robust_case / "annotations").rglob("*_FLAIR_annotation.seg.nrrd"))
    _truncate(annotation, CUTS[cut])
    digest = tree_digest(annotation)
    run = _cnstumor("selfcheck", str(robust_case))
    assert run.returncode == 2, (run.returncode, run.stderr[-1500:])  # not -6 (SIGABRT)
    errors = _errors(run.stderr)
    assert len(errors) == 1 and str(annotation) in errors[0], run.stderr[-1500:]
    assert "Traceback" not in run.stderr
    assert tree_digest(annotation) == digest


def test_a_batch_with_one_truncated_annotation_exports_the_others_and_its_summary(
    robust_case: Path, robust_case_template: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good" / "P002"
    shutil.copytree(robust_case_template, good)
    annotation = next((robust_case / "annotations").rglob("*_FLAIR_annotation.seg.nrrd"))
    _truncate(annotation, CUTS["data"])
    out = tmp_path / "out"
    run = _cnstumor(
        "export", str(robust_case), str(good), "--out", str(out), "--format", "nifti",
        "--no-progress", "--include-unapproved",
    )  # fmt: skip
    assert run.returncode == 1, (run.returncode, run.stderr[-1500:])
    assert "Traceback" not in run.stderr
    failed = [line for line in run.stderr.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and str(annotation) in failed[0]
    summary = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert (summary["done"], summary["failed"], summary["complete"]) == (1, 1, True)
    # the good copy (same case id) was exported and its files match its manifest
    assert verify_manifest(out / "P001" / "manifest.json") == []
