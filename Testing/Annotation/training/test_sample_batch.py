"""The shipped sample calibration batch: documented format, real data, certifies (R-PPL-4).

The commands are the ones docs/annotation-project.md shows, run on a real project.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.training.sample_batch import BATCH_FILE, write_sample_batch
from CNSTumorQCLib.paths import sample_data_dir

SHIPPED = sample_data_dir() / "calibration"
DOC = Path(__file__).resolve().parents[3] / "docs" / "annotation-project.md"


@pytest.mark.slow
def test_the_shipped_batch_is_what_the_documented_generator_writes(tmp_path: Path) -> None:
    written = write_sample_batch(tmp_path)
    assert json.loads(written.read_text()) == json.loads((SHIPPED / BATCH_FILE).read_text())
    for shipped in sorted(SHIPPED.glob("cal-*.nii.gz")):
        ours = sitk.ReadImage(str(tmp_path / shipped.name))
        theirs = sitk.ReadImage(str(shipped))
        assert np.array_equal(sitk.GetArrayViewFromImage(ours), sitk.GetArrayViewFromImage(theirs))
        assert ours.GetSpacing() == theirs.GetSpacing() and ours.GetOrigin() == theirs.GetOrigin()


def test_the_batch_format_is_documented_with_the_sample() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "SampleData/TCGA-FG-6692/calibration/batch.json" in text
    for key in ('"teams"', '"cases"', '"labels"', '"grades"'):
        assert key in text


def _run(*args: str) -> int:
    return main(list(args))


@pytest.mark.slow
def test_the_documented_commands_certify_both_teams_on_the_sample(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    proj = str(tmp_path / "proj")
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")  # the administrator signs in
    assert _run("project", "init", proj, "--admin-name", "Admin", "--licence", "S-1") == 0
    people = (
        ("li", "Dr Li", "annotator", "6", "attending"),
        ("wang", "Dr Wang", "reviewer", "15", "chief physician"),
    )
    for pid, name, role, years, title in people:
        assert _run("project", "person", "add", proj, "--id", pid, "--name", name, "--role", role,
                    "--years", years, "--title", title, "--licence", f"MD-{pid}",
                    "--actor", "admin") == 0  # fmt: skip
    capsys.readouterr()
    batch = str(SHIPPED / BATCH_FILE)
    assert (
        _run("project", "agreement", proj, "--batch", batch, "--certify", "--actor", "admin") == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("certified (R-PPL-4)")
    report = json.loads(
        next((tmp_path / "proj" / "training").glob("calibration-*.json")).read_text()
    )
    assert {c["case"] for c in json.loads(Path(batch).read_text())["cases"]} == {
        r["case_id"] for r in report["cases"]
    }
