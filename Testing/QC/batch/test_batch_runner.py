"""The batch runner on real studies: QC and de-identification of several studies in
one batch, in this process and on a real Dask LocalCluster reached by its address, with a
deliberately broken study; the summary (JSON + CSV), skipping what is done and unchanged,
the progress bar, and the bound on studies in flight."""

from __future__ import annotations

import csv
import functools
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.batch import BatchItem, fingerprint, items_for, run_batch
from CNSTumorQCLib.i18n import using_language

SECRET = "batch-test-secret-0123456789"


@pytest.fixture
def studies(shared_data: Path, tmp_path: Path) -> list[Path]:
    """Two real studies (Siemens classic slices; a Siemens XA30 enhanced T1w) and a broken one
    (a file of random bytes named .dcm), copied so that a test may change one."""
    root = tmp_path / "in"
    siemens = shutil.copytree(shared_data / "dicom2nifti_testdata" / "siemens", root / "siemens")
    t1w = shutil.copytree(shared_data / "dcm_qa_xa30" / "In" / "5_anat-T1w_acq-tfl", root / "t1w")
    broken = root / "broken"
    broken.mkdir()
    (broken / "IM0001.dcm").write_bytes(bytes(range(256)) * 40)
    return [Path(siemens), broken, Path(t1w)]


@pytest.fixture
def xa30_studies(shared_data: Path, tmp_path: Path, studies: list[Path]) -> list[Path]:
    """Two real Siemens XA30 series as studies (real pixels: de-identified and released) and
    the broken one."""
    source = shared_data / "dcm_qa_xa30" / "In"
    dwi = shutil.copytree(source / "12_DWI_dir80_PA", tmp_path / "in" / "dwi")
    return [Path(dwi), studies[1], studies[2]]


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    """A real LocalCluster (two single-threaded worker processes) and its tcp address."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield str(cluster.scheduler_address)


def qc(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["qc", *map(str, args), "--no-grade", "--no-thumbnails", "--no-progress"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def outcomes(out: Path, name: str) -> dict[str, dict]:
    summary = json.loads((out / f"{name}_summary.json").read_text(encoding="utf-8"))
    return {o["key"]: o for o in summary["outcomes"]}


def test_a_qc_batch_in_process_reports_each_study_and_one_broken_study_stops_nothing(
    studies: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status, stdout, stderr = qc(capsys, *studies, "--out", out, "--workers", "1")
    assert status == 1  # one study failed
    assert "FAILED" in stderr and "broken" in stderr and "no readable DICOM" in stderr
    assert "Traceback" not in stderr
    assert "2 done, 0 unchanged, 1 failed of 3 studies" in stdout
    found = outcomes(out, "qc")
    assert [found[k]["status"] for k in ("siemens", "broken", "t1w")] == ["done", "failed", "done"]
    assert found["siemens"]["result"]["files_indexed"] == 12  # R-DATA-2: 12 DICOM of 16 files
    assert found["t1w"]["result"]["series"] == 1
    for key in ("siemens", "t1w"):
        report = json.loads((out / key / "qc_report.json").read_text(encoding="utf-8"))
        assert report["verdict"] == found[key]["result"]["verdict"]
    with open(out / "qc_summary.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["key"], r["status"]) for r in rows] == [
        ("siemens", "done"),
        ("broken", "failed"),
        ("t1w", "done"),
    ]
    summary = json.loads((out / "qc_summary.json").read_text(encoding="utf-8"))
    assert summary["provenance"]["operation"] == "batch qc"
    assert not (out / ".qc_journal.jsonl").exists()


def test_a_rerun_skips_unchanged_studies_and_redoes_a_changed_one_and_the_failed_one(
    studies: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    qc(capsys, *studies, "--out", out, "--workers", "1")
    first = outcomes(out, "qc")
    status, stdout, _ = qc(capsys, *studies, "--out", out, "--workers", "1")
    again = outcomes(out, "qc")
    assert [again[k]["status"] for k in ("siemens", "broken", "t1w")] == [
        "unchanged",
        "failed",
        "unchanged",
    ]
    assert again["siemens"]["result"] == first["siemens"]["result"]  # carried over
    assert "0 done, 2 unchanged, 1 failed" in stdout
    # change one byte of content (not the name, not the size): the fingerprint sees it
    target = sorted((studies[2]).rglob("*.dcm"))[0]
    data = bytearray(target.read_bytes())
    data[-1] ^= 0xFF
    target.write_bytes(bytes(data))
    qc(capsys, *studies, "--out", out, "--workers", "1")
    third = outcomes(out, "qc")
    assert third["t1w"]["status"] == "done" and third["siemens"]["status"] == "unchanged"
    assert third["t1w"]["fingerprint"] != first["t1w"]["fingerprint"]
    # an output removed since is redone even when its input did not change
    shutil.rmtree(out / "siemens")
    qc(capsys, *studies, "--out", out, "--workers", "1")
    assert outcomes(out, "qc")["siemens"]["status"] == "done"
    # a study's reports are in the language of its run: a re-run in Chinese redoes them
    with using_language("zh"):
        qc(capsys, *studies, "--out", out, "--workers", "1")
    assert outcomes(out, "qc")["siemens"]["status"] == "done"
    report = json.loads((out / "siemens" / "qc_report.json").read_text(encoding="utf-8"))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in json.dumps(report, ensure_ascii=False))


def test_the_fingerprint_follows_content_and_options_not_location(
    studies: list[Path], tmp_path: Path
) -> None:
    moved = shutil.copytree(studies[0], tmp_path / "elsewhere")
    assert fingerprint(studies[0]) == fingerprint(moved)
    assert fingerprint(studies[0], "grade=True") != fingerprint(studies[0], "grade=False")
    (moved / "extra.txt").write_text("x")
    assert fingerprint(studies[0]) != fingerprint(moved)


@pytest.mark.slow
def test_a_qc_batch_runs_on_a_dask_cluster_given_by_its_scheduler_address(
    studies: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], cluster_address: str
) -> None:
    out = tmp_path / "out"
    status, stdout, stderr = qc(capsys, *studies, "--out", out, "--scheduler", cluster_address)
    assert status == 1 and "broken" in stderr and "Traceback" not in stderr
    found = outcomes(out, "qc")
    assert [found[k]["status"] for k in ("siemens", "broken", "t1w")] == ["done", "failed", "done"]
    assert all(not o["worker"].endswith(f":{__import__('os').getpid()}") for o in found.values())
    assert (out / "siemens" / "qc_report.html").is_file()


@pytest.mark.slow
def test_a_deid_batch_on_the_cluster_shares_one_secret_and_keeps_keys_outside_the_output(
    xa30_studies: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cluster_address: str,
) -> None:
    out = tmp_path / "deid"
    args = ["deid", *map(str, xa30_studies), str(out), "--salt", SECRET, "--no-progress"]
    status = main([*args, "--scheduler", cluster_address])
    captured = capsys.readouterr()
    assert status == 1 and "broken" in captured.err and "Traceback" not in captured.err
    found = outcomes(out, "deid")
    assert [found[k]["status"] for k in ("dwi", "broken", "t1w")] == ["done", "failed", "done"]
    assert found["dwi"]["result"]["written"] == 1 and found["t1w"]["result"]["errors"] == 0
    keys = tmp_path / "deid.deid-keys"
    secrets = {json.loads(p.read_text())["secret"] for p in keys.glob("*.deid-key.json")}
    assert secrets == {SECRET}
    assert not list(out.rglob("*.deid-key.json"))
    assert (out / "dwi" / "deid_report.json").is_file()
    assert main([*args, "--workers", "1"]) == 1  # in-process re-run: nothing to redo
    capsys.readouterr()
    assert outcomes(out, "deid")["dwi"]["status"] == "unchanged"


def test_the_progress_bar_shows_studies_done_failed_and_remaining(
    studies: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Bars show on a terminal only; CNSTUMOR_PROGRESS=1 asks for one here (stderr is captured)."""
    from CNSTumorQCLib.batch_tasks import qc_study

    monkeypatch.setenv("CNSTUMOR_PROGRESS", "1")
    task = functools.partial(qc_study, grade=False, thumbnails=False)
    items = items_for(studies, tmp_path / "out")
    run_batch(items, task, name="qc", out_dir=tmp_path / "out", workers=1, progress=True)
    bar = capsys.readouterr().err
    assert "3/3" in bar and "failed=1" in bar and "remaining=0" in bar and "done=2" in bar


def sleepy(item: BatchItem, *, log: str) -> dict:
    """A task that records when it ran (for the in-flight bound)."""
    start = time.time()
    time.sleep(0.3)
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"{start} {time.time()}\n")
    return {}


@pytest.mark.slow
def test_no_more_studies_are_in_flight_than_the_bound(tmp_path: Path) -> None:
    """Memory stays flat: with 4 worker threads and a bound of 2, never more than two studies
    run at once, and every study still completes."""
    from distributed import Client, LocalCluster

    sources = []
    for index in range(8):
        source = tmp_path / "in" / f"s{index}"
        source.mkdir(parents=True)
        (source / "f").write_text(str(index))
        sources.append(source)
    log = tmp_path / "log.txt"
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=4, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        summary = run_batch(
            items_for(sources, tmp_path / "out"),
            functools.partial(sleepy, log=str(log)),
            name="sleep",
            out_dir=tmp_path / "out",
            client=client,
            in_flight=2,
            progress=False,
        )
    assert summary.count("done") == 8
    spans = [tuple(map(float, line.split())) for line in log.read_text().splitlines()]
    most = max(sum(1 for s, e in spans if s <= t < e) for t, _ in spans)
    assert most == 2


@pytest.mark.slow
def test_a_scheduler_that_does_not_answer_is_one_clear_line(
    studies: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, stderr = qc(
        capsys, *studies, "--out", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:1"
    )
    assert status == 2
    assert "no Dask scheduler answers" in stderr and "Traceback" not in stderr
