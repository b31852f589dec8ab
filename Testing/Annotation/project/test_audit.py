"""The append-only, hash-chained audit log and `project verify` (R-FLOW-1), on SQLite and
PostgreSQL (the ``project_database`` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _project_helpers import ADMIN, case_submitted, drop_trigger, new_project, open_database

from CNSTumorAnnotationLib.project import audit, store
from CNSTumorAnnotationLib.project.status import verify_project


@pytest.fixture
def project_dir(tmp_path: Path, project_database: str | None) -> Path:
    directory = tmp_path / "proj"
    with new_project(directory, project_database) as project:
        case_submitted(project, tmp_path)
    return directory


@pytest.mark.slow
def test_R_FLOW_1_every_entry_chains_to_the_previous_one_by_sha256(project_dir: Path) -> None:
    conn = open_database(project_dir)
    entries = audit.entries(conn)
    assert entries[0].prev_hash == audit.GENESIS_HASH
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.entry_hash
        assert after.entry_hash == audit.chain_hash(before.entry_hash, after.payload())
    assert audit.verify_chain(conn).ok
    conn.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3",
        "DELETE FROM audit_log WHERE seq = 3",
    ],
)
def test_R_FLOW_1_triggers_refuse_update_and_delete_of_the_audit_log(
    project_dir: Path, statement: str
) -> None:
    conn = open_database(project_dir)
    with pytest.raises(store.integrity_errors(), match="append-only"):
        conn.execute(statement)
    conn.close()


@pytest.mark.slow
def test_verify_names_the_first_entry_edited_after_dropping_the_trigger(project_dir: Path) -> None:
    assert verify_project(project_dir).ok
    conn = open_database(project_dir)
    drop_trigger(conn, "audit_log_no_update", "audit_log")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 7")
    conn.close()
    report = verify_project(project_dir)
    assert not report.ok
    assert report.chain.first_broken_seq == 5
    assert report.database_problems == [
        "protecting trigger audit_log_no_update is missing (R-FLOW-1, R-PPL-3)"
    ]
    assert "broken at entry 5" in report.chain.describe()


@pytest.mark.slow
def test_verify_notices_a_deleted_entry_in_the_middle_of_the_chain(project_dir: Path) -> None:
    conn = open_database(project_dir)
    drop_trigger(conn, "audit_log_no_delete", "audit_log")
    conn.execute("DELETE FROM audit_log WHERE seq = 4")
    conn.close()
    report = verify_project(project_dir)
    assert report.chain.first_broken_seq == 5
    assert "entry 4 is missing" in report.chain.problem


@pytest.mark.slow
def test_verify_detects_an_edit_of_the_database_file_bytes(tmp_path: Path) -> None:
    """SQLite only: a PostgreSQL database has no file an annotator could edit."""
    project_dir = tmp_path / "proj"
    with new_project(project_dir) as project:
        case_submitted(project, tmp_path)
    conn = store.connect(project_dir / "project.sqlite")
    target = audit.entries(conn)[3]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    database = project_dir / "project.sqlite"
    data = database.read_bytes()
    needle = target.recorded_at.encode()  # back-date the 4th entry by editing the file's bytes
    assert data.count(needle) == 1
    forged = needle.replace(b"2026", b"2025", 1)
    database.write_bytes(data.replace(needle, forged))
    report = verify_project(project_dir)
    assert not report.ok
    assert report.chain.first_broken_seq == target.seq


@pytest.mark.slow
def test_verify_reports_an_annotation_file_changed_on_disk(project_dir: Path) -> None:
    version_file = next((project_dir / "cases").rglob("*.nii.gz"))
    version_file.chmod(0o644)
    version_file.write_bytes(b"tampered")
    report = verify_project(project_dir)
    assert report.chain.ok and not report.ok
    assert any("checksum differs" in p for p in report.file_problems)


def test_appending_outside_a_transaction_is_refused(
    tmp_path: Path, project_database: str | None
) -> None:
    conn = store.connect(project_database or tmp_path / "p.sqlite", create=True)
    with pytest.raises(RuntimeError, match="inside store.transaction"):
        audit.append(conn, actor=ADMIN, action="x")
    conn.close()


@pytest.mark.slow
def test_an_entry_records_who_when_what_and_which_version(project_dir: Path) -> None:
    conn = open_database(project_dir)
    submit = [e for e in audit.entries(conn, "case-1") if e.action == "submit"][-1]
    assert submit.actor == "dr_li" and submit.version_id is not None and submit.recorded_at
    assert submit.details["from"] == "self_checked" and submit.details["to"] == "submitted"
    conn.close()


@pytest.mark.slow
def test_R_FLOW_1_verify_notices_entries_cut_from_the_end_of_the_log(project_dir: Path) -> None:
    conn = open_database(project_dir)
    drop_trigger(conn, "audit_log_no_delete", "audit_log")
    last = conn.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last - 2,))  # submit, self-check, save
    conn.close()
    report = verify_project(project_dir)
    assert report.chain.ok, "a shortened chain still links up: the records must catch it"
    assert not report.ok
    assert (
        "case case-1 is submitted but its audit trail ends at in_progress" in report.record_problems
    )
    assert "case case-1 version 1 has no audit entry" in report.record_problems
