"""The project database: real SQLite, WAL, foreign keys, numbered migrations (issue 5 part 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from _project_helpers import ADMIN, init_project, new_project

from CNSTumorAnnotationLib.project import store
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, WorkflowError


def test_a_new_project_is_a_folder_with_a_wal_mode_sqlite_database_and_case_folders(
    tmp_path: Path,
) -> None:
    with init_project(tmp_path / "proj") as project:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.conn.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    assert (tmp_path / "proj" / "project.sqlite").is_file()
    assert (tmp_path / "proj" / "cases").is_dir()
    raw = sqlite3.connect(tmp_path / "proj" / "project.sqlite")
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_migration_is_recorded_once_and_reopening_applies_none_again(tmp_path: Path) -> None:
    init_project(tmp_path / "proj").close()
    with Project.open(tmp_path / "proj") as project:
        assert store.applied_migrations(project.conn) == [m.number for m in store.MIGRATIONS]
        assert store.migrate(project.conn) == []


def test_a_database_at_an_older_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite"
    conn = store.connect(database, create=True)
    conn.execute("DELETE FROM schema_migrations WHERE number = 2")
    for table in ("certifications", "team_members", "teams"):
        conn.execute(f"DROP TABLE {table}")
    conn.close()
    conn = store.connect(database)
    assert store.applied_migrations(conn) == [m.number for m in store.MIGRATIONS]
    assert conn.execute("SELECT COUNT(*) FROM certifications").fetchone()[0] == 0
    conn.close()


def test_a_failing_migration_leaves_nothing_half_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = store.Migration(
        len(store.MIGRATIONS) + 1,
        "broken",
        "CREATE TABLE extra (x INTEGER);\nCREATE TABLE extra (x INTEGER);",
    )
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, broken))
    with pytest.raises(InvalidInputError, match="not a usable project database"):
        store.connect(tmp_path / "p.sqlite", create=True)
    conn = sqlite3.connect(tmp_path / "p.sqlite")
    assert (
        conn.execute("SELECT MAX(number) FROM schema_migrations").fetchone()[0] == broken.number - 1
    )
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_opening_a_folder_without_a_project_is_a_clear_error_and_creates_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(MissingInputError, match="no annotation project database"):
        Project.open(tmp_path)
    assert not (tmp_path / "project.sqlite").exists()


def test_init_refuses_to_overwrite_an_existing_project(tmp_path: Path) -> None:
    init_project(tmp_path / "proj").close()
    with pytest.raises(InvalidInputError, match="already exists"):
        init_project(tmp_path / "proj")


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "project.sqlite").write_text("not a database " * 100)
    with pytest.raises(InvalidInputError, match="project.sqlite"):
        Project.open(tmp_path)


def test_R_DATA_1_a_case_from_a_dataset_without_ethics_approval_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path / "proj") as project:
        project.add_dataset(
            "no-irb", actor=ADMIN, ethics_reference=None, ethics_date=None, deidentified=True
        )
        with pytest.raises(
            WorkflowError, match="R-DATA-1: dataset no-irb has no recorded ethics approval"
        ):
            project.register_case("c9", dataset_id="no-irb", patient="P9", actor=ADMIN)
        assert project.cases() == []


def test_R_DATA_1_a_case_from_a_dataset_not_deidentified_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path / "proj") as project:
        project.add_dataset(
            "raw",
            actor=ADMIN,
            ethics_reference="IRB-1",
            ethics_date="2026-01-01",
            deidentified=False,
        )
        with pytest.raises(WorkflowError, match="R-DATA-1: dataset raw is not de-identified"):
            project.register_case("c9", dataset_id="raw", patient="P9", actor=ADMIN)


def test_a_dataset_records_its_ethics_reference_and_date(tmp_path: Path) -> None:
    with new_project(tmp_path / "proj") as project:
        dataset = project.dataset("tcga")
        assert (dataset.ethics_reference, dataset.ethics_date, dataset.deidentified) == (
            "IRB-2026-017",
            "2026-03-01",
            True,
        )
        with pytest.raises(InvalidInputError, match="not YYYY-MM-DD"):
            project.add_dataset(
                "bad",
                actor=ADMIN,
                ethics_reference="x",
                ethics_date="03/01/2026",
                deidentified=True,
            )


def test_foreign_keys_refuse_a_case_of_an_unknown_dataset_at_the_database_level(
    tmp_path: Path,
) -> None:
    with new_project(tmp_path / "proj") as project, pytest.raises(sqlite3.IntegrityError):
        project.conn.execute(
            "INSERT INTO cases (id, dataset_id, patient, folder, state, updated_at)"
            " VALUES ('x', 'nowhere', 'p', 'f', 'imported', 't')"
        )
