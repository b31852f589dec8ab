"""Nothing lost: concurrent writers and processes killed in the middle of a save.

Real child processes, real SIGKILL, real SQLite and a real PostgreSQL server (the
``project_database`` fixture); after each kill the database passes its integrity check, the
audit chain verifies (R-FLOW-1), every recorded version file exists with its recorded
checksum, and no partially written file is visible under a final name. Several processes
saving versions of one case at once lose no update: numbers 1..N without gap or duplicate.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _project_helpers import case_in_progress, new_project, open_database
from _store_workers import is_complete, review_cycles, save_versions

from CNSTumorAnnotationLib.project import audit, store
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.status import verify_project

HERE = Path(__file__).resolve().parents[1]  # Testing/Annotation: the helper modules


def _check_everything_intact(project_dir: Path) -> int:
    report = verify_project(project_dir)
    assert report.ok, report.lines()
    with Project.open(project_dir) as project:
        recorded = {row[0] for row in project.conn.execute("SELECT relpath FROM version_files")}
        rows = project.conn.execute(
            "SELECT case_id, number FROM annotation_versions ORDER BY case_id, number"
        )
        numbers: dict[str, list[int]] = {}
        for case_id, number in rows:
            numbers.setdefault(case_id, []).append(number)
    for case_numbers in numbers.values():
        assert case_numbers == list(range(1, len(case_numbers) + 1)), (
            "version numbers must have no gap"
        )
    for path in (project_dir / "cases").rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            relpath = path.relative_to(project_dir).as_posix()
            assert is_complete(path.read_bytes()), f"partial file under a final name: {relpath}"
    assert all((project_dir / r).is_file() for r in recorded)
    return sum(len(n) for n in numbers.values())


def _interrupted_save_left_traces(project_dir: Path) -> int:
    """1 when the kill left a temporary file or an unrecorded version folder (a save cut short)."""
    with Project.open(project_dir) as project:
        recorded = {
            Path(r[0]).parent.name
            for r in project.conn.execute("SELECT relpath FROM version_files")
        }
    versions = project_dir / "cases" / "case-1" / "versions"
    folders = {p.name for p in versions.iterdir()} if versions.is_dir() else set()
    temporaries = list(versions.rglob(".*")) if versions.is_dir() else []
    return int(bool(temporaries) or bool(folders - recorded))


@pytest.mark.slow
def test_a_process_killed_at_random_points_while_saving_leaves_every_saved_version_intact(
    tmp_path: Path, project_database: str | None
) -> None:
    project_dir = tmp_path / "proj"
    with new_project(project_dir, project_database) as project:
        case_in_progress(project)
    rng = random.Random(20261125)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
    }
    saved_before = interrupted = 0
    for _ in range(24):
        child = subprocess.Popen(
            [sys.executable, str(HERE / "_store_workers.py"), "save", str(project_dir), "case-1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        saved = _check_everything_intact(project_dir)
        traces = _interrupted_save_left_traces(project_dir)
        interrupted += traces
        assert saved >= saved_before, "a committed version disappeared"
        saved_before = saved
    assert saved_before > 0, "the child never managed to save: the test would prove nothing"
    assert interrupted > 0, "no kill landed in the middle of a save: the test would prove nothing"


@pytest.mark.slow
def test_two_processes_writing_at_once_do_not_corrupt_the_database_or_the_audit_chain(
    tmp_path: Path, project_database: str | None
) -> None:
    project_dir = tmp_path / "proj"
    with new_project(project_dir, project_database) as project:
        case_in_progress(project, "case-1")
        case_in_progress(project, "case-2")
        before = project.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    cycles = 15
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.starmap(
            review_cycles,
            [(str(project_dir), "case-1", cycles), (str(project_dir), "case-2", cycles)],
        )
    assert results == [cycles, cycles]
    _check_everything_intact(project_dir)
    conn = open_database(project_dir)
    assert store.integrity_check(conn) == []
    entries = audit.entries(conn)
    assert len(entries) == before + 2 * cycles * 5
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    for case_id in ("case-1", "case-2"):
        count = conn.execute(
            "SELECT COUNT(*) FROM annotation_versions WHERE case_id = ?", (case_id,)
        ).fetchone()[0]
        assert count == cycles
    conn.close()


@pytest.mark.slow
def test_four_processes_saving_the_same_case_at_once_lose_no_update_and_keep_one_chain(
    tmp_path: Path, project_database: str | None
) -> None:
    """The read-then-write races of a shared project (next version number, last audit hash,
    the case's state) on one case from four real processes: every save lands, numbered
    1..N, and the hash chain stays one unbroken line (R-FLOW-1, R-PPL-3)."""
    project_dir = tmp_path / "proj"
    with new_project(project_dir, project_database) as project:
        case_in_progress(project, "case-1")
        before = project.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    writers, saves = 4, 8
    context = multiprocessing.get_context("spawn")
    with context.Pool(writers) as pool:
        results = pool.starmap(
            save_versions, [(str(project_dir), "case-1", saves, w) for w in range(writers)]
        )
    assert sorted(n for numbers in results for n in numbers) == list(range(1, writers * saves + 1))
    assert _check_everything_intact(project_dir) == writers * saves
    conn = open_database(project_dir)
    entries = audit.entries(conn)
    assert len(entries) == before + writers * saves
    assert audit.verify_chain(conn).ok
    conn.close()
