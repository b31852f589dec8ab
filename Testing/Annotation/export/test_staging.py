"""A case's export folder always matches one manifest (R-FMT-2): staged, swapped in, no stale
temporaries, no unlisted files of an earlier naming pattern; DICOM SEG re-exports are
byte-identical; the batch summary checksums every file, the shared dataset.json included."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import pytest
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.export import case_export
from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorAnnotationLib.naming import NamingPolicy

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("staging")
    volumes = cropped_volumes(root / "volumes", (48, 48, 6))
    return Path(build_case(root / "P001", "P001", volumes=volumes).root)


def _listed(manifest: Path) -> set[str]:
    payload = json.loads(manifest.read_text(encoding="utf-8"))
    return {item["path"] for item in payload["files"]} | {f"{manifest.parent.name}/manifest.json"}


def _on_disk(folder: Path) -> set[str]:
    return {p.relative_to(folder.parent).as_posix() for p in folder.rglob("*") if p.is_file()}


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_an_interrupted_re_export_leaves_the_previous_export_whole(
    case_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    export_case(case_dir, out, "nifti")
    before = _digests(out / "P001")
    real = case_export._exporter("nifti")

    def interrupted(ctx: Any) -> Any:
        real(ctx)  # every NIfTI file written ...
        raise KeyboardInterrupt  # ... then the user stops the run

    monkeypatch.setattr(case_export, "_exporter", lambda name: interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_case(case_dir, out, "nifti", options=ExportOptions(naming=NamingPolicy(
            "{case}_{patient}_{sequence}_{content}")))  # fmt: skip
    assert _digests(out / "P001") == before
    assert verify_manifest(out / "P001" / "manifest.json") == []
    assert sorted(p.name for p in out.iterdir()) == ["P001"]  # no staging folder left


@pytest.mark.slow
def test_stale_temporaries_are_removed_and_another_pattern_leaves_no_unlisted_file(
    case_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export_case(case_dir, out, ["nifti", "nnunet"])
    (out / ".P001.staging-abc123").mkdir()
    (out / ".P001.staging-abc123" / "half.nii.gz").write_bytes(b"partial")
    stale = out / "nnunet" / "Dataset501_CNSTumor" / "labelsTr" / ".P001.x1y2.nii.gz"
    stale.write_bytes(b"partial")
    pattern = NamingPolicy("{case}_{patient}_{sequence}_{content}")
    result = export_case(case_dir, out, ["nifti", "nnunet"], options=ExportOptions(naming=pattern))
    assert not (out / ".P001.staging-abc123").exists() and not stale.exists()
    case_files = _on_disk(out / "P001")
    assert case_files == {p for p in _listed(result.manifest_path) if p.startswith("P001/")}
    assert all("P001_P001_" in p for p in case_files if p.endswith(".nii.gz"))
    assert verify_manifest(result.manifest_path) == []


@pytest.mark.slow
def test_a_dicom_seg_re_export_is_byte_identical(case_dir: Path, tmp_path: Path) -> None:
    first = export_case(case_dir, tmp_path / "a", "dicom-seg")
    time.sleep(1.1)  # a clock-based date or time would now differ
    second = export_case(case_dir, tmp_path / "b", "dicom-seg")
    one = {k: v for k, v in _digests(tmp_path / "a").items() if not k.endswith("manifest.json")}
    two = {k: v for k, v in _digests(tmp_path / "b").items() if not k.endswith("manifest.json")}
    assert one == two and any(k.endswith(".dcm") for k in one)
    assert [e.sha256 for e in first.entries] == [e.sha256 for e in second.entries]


@pytest.mark.slow
def test_the_batch_summary_checksums_every_file_including_the_shared_dataset_json(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status = main(["export", str(case_dir), "--out", str(out), "--format", "nnunet",
                   "--format", "nifti", "--no-progress", "--include-unapproved"])  # fmt: skip
    assert status == 0, capsys.readouterr().err
    summary = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    listed = {row["path"]: row["sha256"] for row in summary["files"]}
    on_disk = {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*")
        if p.is_file() and p.name not in ("export_summary.json", "export_summary.csv")
    }
    assert listed == on_disk
    assert "nnunet/Dataset501_CNSTumor/dataset.json" in listed
