"""Batch export: per-case failures are collected, the batch goes on, and the
exit status reports them; the script runs as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _case_helpers import reviewers_file
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.case.folder import approve_version
from CNSTumorAnnotationLib.cli.app import main as cnstumor
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorQCLib.paths import PROJECT_ROOT

pytestmark = pytest.mark.mrml

SCRIPT = PROJECT_ROOT / "CNSTumorAnnotation" / "Scripts" / "batch_export.py"


@pytest.fixture(scope="module")
def three_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two good cases and one whose case.json is corrupt."""
    root = tmp_path_factory.mktemp("batch_cases")
    volumes = cropped_volumes(root / "volumes", (48, 48, 6))
    good = [build_case(root / name, name, volumes=volumes).root for name in ("P001", "P002")]
    broken = build_case(root / "P003", "P003", volumes=volumes).root
    (broken / "case.json").write_text('{"format": "cnstumor-case/1", "case_id": ', encoding="utf-8")
    return [good[0], broken, good[1]]


@pytest.mark.slow
def test_the_batch_script_exports_the_good_cases_and_reports_the_broken_one(
    three_cases: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [sys.executable, str(SCRIPT), "--", *map(str, three_cases), "--out", str(out)]
    run = subprocess.run(
        [*command, "--format", "nifti", "--format", "nnunet", "--include-unapproved"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr[-2000:]
    assert "FAILED" in run.stderr and "P003" in run.stderr
    assert "Traceback" not in run.stderr
    summary = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert (summary["studies"], summary["done"], summary["failed"]) == (3, 2, 1)
    failed = [o for o in summary["outcomes"] if o["status"] == "failed"]
    assert failed[0]["source"] == str(three_cases[1])
    assert "case.json" in failed[0]["error"] and "not readable JSON" in failed[0]["error"]
    for name in ("P001", "P002"):
        assert verify_manifest(out / name / "manifest.json") == []
    dataset = json.loads((out / "nnunet" / "Dataset501_CNSTumor" / "dataset.json").read_text())
    assert dataset["numTraining"] == 2


@pytest.mark.slow
def test_a_batch_without_failures_exits_with_status_0(
    three_cases: list[Path], tmp_path: Path
) -> None:
    good = [str(three_cases[0]), str(three_cases[2])]
    status = cnstumor(
        ["export", *good, "--out", str(tmp_path), "--format", "nifti", "--no-progress",
         "--include-unapproved"]
    )  # fmt: skip
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "P001",
        "P002",
        "export_summary.csv",
        "export_summary.json",
    ]


@pytest.mark.slow
def test_approved_only_refuses_an_unapproved_version_clearly_per_R_PPL_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    volumes = cropped_volumes(tmp_path / "volumes", (48, 48, 6))
    approved: Any = build_case(tmp_path / "A001", "A001", volumes=volumes)
    approve_version(approved, 1, "dr_wang", people=reviewers_file(tmp_path))
    pending = build_case(tmp_path / "B001", "B001", volumes=volumes)
    out = tmp_path / "out"
    args = ["export", str(approved.root), str(pending.root), "--out", str(out)]
    status = cnstumor([*args, "--format", "nifti", "--approved-only", "--no-progress"])
    assert status == 1
    error = capsys.readouterr().err
    assert "B001" in error and "not approved" in error and "R-PPL-3" in error
    assert (out / "A001" / "manifest.json").is_file()
    manifest = json.loads((out / "A001" / "manifest.json").read_text())
    assert manifest["annotation"]["approved"] is True
    assert not (out / "B001").exists()


@pytest.mark.slow
def test_an_unknown_format_is_a_clean_usage_error(three_cases: list[Path], tmp_path: Path) -> None:
    status = cnstumor(["export", str(three_cases[0]), "--out", str(tmp_path), "--format", "png"])
    assert status == 2


@pytest.mark.slow
def test_approved_only_asks_the_review_store_of_the_project_per_R_PPL_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version a reviewer approved in the project is exported; a newer unapproved version of
    the same case folder is refused, and the manifest names the reviewer."""
    from _export_helpers import drawn_masks
    from _project_helpers import clean_self_check, demo_password

    from CNSTumorAnnotationLib.case.folder import save_annotation_version
    from CNSTumorAnnotationLib.project.review_demo import run_review_demo

    case = build_case(
        tmp_path / "R001", "R001", volumes=cropped_volumes(tmp_path / "v", (48, 48, 6))
    )
    summary = run_review_demo(tmp_path / "project", case.root, clean_self_check())
    assert summary["state"] == "approved"
    monkeypatch.setenv("CNSTUMOR_PASSWORD", demo_password(tmp_path / "project", "dr_wang"))
    out = tmp_path / "out"
    base = ["export", str(case.root), "--out", str(out), "--format", "nifti", "--no-progress"]
    project = ["--approved-only", "--project", str(tmp_path / "project"), "--actor", "dr_wang"]
    assert cnstumor([*base, *project]) == 0
    approval = json.loads((out / "R001" / "manifest.json").read_text())["annotation"]["approval"]
    assert approval["approved"] is True and approval["reviewer"] == "dr_wang"
    assert approval["source"].startswith("review store")

    save_annotation_version(case, drawn_masks(case), "dr_li")  # version 2, never reviewed
    assert cnstumor([*base, *project]) == 1
    assert "version 2 is not approved" in capsys.readouterr().err
    assert cnstumor([*base, *project, "--annotation-version", "1"]) == 0


@pytest.mark.slow
def test_the_pattern_option_names_every_per_case_file_per_R_FMT_3(
    three_cases: list[Path], tmp_path: Path
) -> None:
    pattern = "{patient}_{sequence}_{content}_{version}"
    args = ["export", str(three_cases[0]), "--out", str(tmp_path), "--include-unapproved"]
    args += ["--pattern", pattern]
    assert cnstumor([*args, "--format", "nifti,seg-nrrd", "--no-progress"]) == 0
    names = sorted(p.name for p in (tmp_path / "P001").rglob("*.nii.gz"))
    assert "P001_FLAIR_whole-tumor_v0001.nii.gz" in names
    assert all(n.startswith("P001_") and "_v0001." in n for n in names)
    assert (tmp_path / "P001" / "seg-nrrd" / "P001_T1C_annotation_v0001.seg.nrrd").is_file()
    assert cnstumor([*args[:-1], "{patient}/{content}", "--format", "nifti"]) == 2


@pytest.mark.slow
def test_export_defaults_to_approved_versions_and_records_an_override_R_PPL_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = build_case(
        tmp_path / "U001", "U001", volumes=cropped_volumes(tmp_path / "v", (48, 48, 6))
    )
    out = tmp_path / "out"
    base = ["export", str(case.root), "--out", str(out), "--format", "nifti", "--no-progress"]

    assert cnstumor(base) == 1
    assert "not approved" in capsys.readouterr().err and not (out / "U001").exists()
    assert cnstumor([*base, "--include-unapproved"]) == 0
    manifest = json.loads((out / "U001" / "manifest.json").read_text())
    assert manifest["annotation"]["approved"] is False
    assert manifest["provenance"]["parameters"]["approved_only"] is False


@pytest.mark.slow
def test_every_export_from_a_project_is_an_audit_entry_R_FLOW_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from _project_helpers import clean_self_check, demo_password

    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorAnnotationLib.project.review_demo import run_review_demo
    from CNSTumorAnnotationLib.project.status import verify_project

    case = build_case(
        tmp_path / "E001", "E001", volumes=cropped_volumes(tmp_path / "v", (48, 48, 6))
    )
    run_review_demo(tmp_path / "project", case.root, clean_self_check())
    out = tmp_path / "out"
    base = ["export", str(case.root), "--out", str(out), "--format", "nifti", "--no-progress"]
    base += ["--project", str(tmp_path / "project")]

    assert cnstumor(base) == 2  # who exports?
    assert "needs --actor" in capsys.readouterr().err and not out.exists()
    assert cnstumor([*base, "--actor", "dr_wang"]) == 2  # who is typed, not signed in
    assert "password" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("CNSTUMOR_PASSWORD", demo_password(tmp_path / "project", "dr_wang"))
    assert cnstumor([*base, "--actor", "nobody"]) == 2
    assert cnstumor([*base, "--actor", "dr_wang"]) == 0

    with Project.open(tmp_path / "project") as project:
        exports = [e for e in project.audit_entries() if e.action == "export"]
    assert len(exports) == 1 and exports[0].actor == "dr_wang"
    details = exports[0].details
    assert details["annotation_version"] == 1 and details["approved"] is True
    assert details["out"] == str((out / "E001").resolve())
    assert verify_project(tmp_path / "project").ok


@pytest.mark.slow
def test_a_batch_export_on_a_dask_cluster_matches_the_in_process_one_and_reruns_only_changes(
    three_cases: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two worker processes (a LocalCluster reached by its address), each with its own headless
    MRML runtime; the broken case fails alone; the manifests verify; the nnU-Net data set
    counts every case; a re-run skips the unchanged cases."""
    from distributed import LocalCluster

    out = tmp_path / "out"
    args = ["export", *map(str, three_cases), "--out", str(out), "--no-progress"]
    args += ["--include-unapproved"]  # the cases were never reviewed
    args += ["--format", "nifti", "--format", "nnunet"]
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert cnstumor([*args, "--scheduler", str(cluster.scheduler_address)]) == 1
        err = capsys.readouterr().err
        assert "FAILED" in err and "P003" in err and "Traceback" not in err
        for name in ("P001", "P002"):
            assert verify_manifest(out / name / "manifest.json") == []
        dataset = json.loads((out / "nnunet" / "Dataset501_CNSTumor" / "dataset.json").read_text())
        assert dataset["numTraining"] == 2
        summary = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
        assert len({o["worker"] for o in summary["outcomes"]}) >= 1
        assert (summary["done"], summary["failed"]) == (2, 1)
        assert cnstumor([*args, "--scheduler", str(cluster.scheduler_address)]) == 1
    summary = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert (summary["done"], summary["unchanged"], summary["failed"]) == (0, 2, 1)
    assert "(2 unchanged since the last run" in capsys.readouterr().out
