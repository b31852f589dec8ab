"""The project database: real SQLite (WAL, foreign keys) or a real PostgreSQL server, one
ordered list of numbered migrations for both (the ``project_database`` fixture)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from _project_helpers import ADMIN, init_project, new_project

from CNSTumorAnnotationLib.project import postgres, store
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


def test_a_new_postgresql_project_is_a_folder_naming_its_database_and_holding_the_cases(
    tmp_path: Path, postgresql_project_database: str
) -> None:
    url = postgresql_project_database
    with init_project(tmp_path / "proj", database=url) as project:
        assert store.dialect(project.conn) == "postgresql"
        assert store.integrity_check(project.conn) == []
    assert (tmp_path / "proj" / "project.database").read_text().strip() == url
    assert not (tmp_path / "proj" / "project.sqlite").exists()
    assert (tmp_path / "proj" / "cases").is_dir()
    with Project.open(tmp_path / "proj") as project:
        assert [e.action for e in project.audit_entries()] == ["rules_recorded", "project_init"]


def test_every_migration_is_recorded_once_and_reopening_applies_none_again(
    tmp_path: Path, project_database: str | None
) -> None:
    init_project(tmp_path / "proj", database=project_database).close()
    with Project.open(tmp_path / "proj") as project:
        assert store.applied_migrations(project.conn) == [m.number for m in store.MIGRATIONS]
        assert store.migrate(project.conn) == []


def test_a_database_at_an_older_schema_is_upgraded_in_place(
    tmp_path: Path, project_database: str | None
) -> None:
    database = project_database or tmp_path / "old.sqlite"
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_database: str | None
) -> None:
    broken = store.Migration(
        len(store.MIGRATIONS) + 1,
        "broken",
        "CREATE TABLE extra (x INTEGER);\nCREATE TABLE extra (x INTEGER);",
    )
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, broken))
    database = project_database or tmp_path / "p.sqlite"
    with pytest.raises(InvalidInputError, match="not a usable project database"):
        store.connect(database, create=True)
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:-1])
    conn = store.connect(database)
    assert store.applied_migrations(conn)[-1] == broken.number - 1
    if project_database:
        assert not postgres.table_exists(conn, "extra")
    else:
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
        )
    conn.close()


@pytest.mark.slow
def test_a_new_migration_written_for_sqlite_runs_on_both_engines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_database: str | None
) -> None:
    """Migrations are one ordered list: a later one (in SQLite's dialect, with an id key and
    a refusing trigger) is translated for PostgreSQL, so parallel branches merge by order."""
    later = store.Migration(
        len(store.MIGRATIONS) + 1,
        "example_secrets",
        """
CREATE TABLE example_secrets (
  id INTEGER PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id), secret TEXT NOT NULL);
CREATE TRIGGER example_secrets_no_delete BEFORE DELETE ON example_secrets
BEGIN SELECT RAISE(ABORT, 'R-FLOW-1: secrets are kept'); END;
""",
    )
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, later))
    with new_project(tmp_path / "proj", project_database) as project:
        conn = project.conn
        assert store.applied_migrations(conn)[-1] == later.number
        new_id = conn.execute(
            "INSERT INTO example_secrets (person, secret) VALUES (?, ?) RETURNING id", (ADMIN, "s")
        ).fetchone()[0]
        assert new_id == 1
        with pytest.raises(store.integrity_errors(), match="secrets are kept"):
            conn.execute("DELETE FROM example_secrets")
        assert store.integrity_check(conn) == []


def test_opening_a_folder_without_a_project_is_a_clear_error_and_creates_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(MissingInputError, match="no annotation project database"):
        Project.open(tmp_path)
    assert not (tmp_path / "project.sqlite").exists()


def test_init_refuses_to_overwrite_an_existing_project(
    tmp_path: Path, project_database: str | None
) -> None:
    init_project(tmp_path / "proj", database=project_database).close()
    with pytest.raises(InvalidInputError, match="already exists"):
        init_project(tmp_path / "proj", database=project_database)


@pytest.mark.slow
def test_init_refuses_a_postgresql_database_that_already_holds_a_project(
    tmp_path: Path, postgresql_project_database: str
) -> None:
    init_project(tmp_path / "one", database=postgresql_project_database).close()
    with pytest.raises(InvalidInputError, match="already holds an annotation project"):
        init_project(tmp_path / "two", database=postgresql_project_database)
    assert not (tmp_path / "two").exists()


def test_a_database_url_with_a_password_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    with pytest.raises(InvalidInputError, match="carries a password") as error:
        init_project(tmp_path / "proj", database="postgresql://me:s3cret@127.0.0.1/db")
    assert "s3cret" not in str(error.value)
    assert not (tmp_path / "proj").exists()


def test_a_postgresql_server_that_does_not_answer_is_one_clear_line(tmp_path: Path) -> None:
    url = "postgresql://postgres@127.0.0.1:1/nowhere"
    with pytest.raises(InvalidInputError, match="cannot connect to the project database") as error:
        init_project(tmp_path / "proj", database=url)
    assert "\n" not in str(error.value)


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "project.sqlite").write_text("not a database " * 100)
    with pytest.raises(InvalidInputError, match="project.sqlite"):
        Project.open(tmp_path)


def test_a_project_database_file_without_a_url_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "project.database").write_text("/etc/passwd\n")
    with pytest.raises(InvalidInputError, match="project.database"):
        Project.open(tmp_path)


@pytest.mark.slow
def test_R_DATA_1_a_case_from_a_dataset_without_ethics_approval_is_refused(
    tmp_path: Path, project_database: str | None
) -> None:
    with new_project(tmp_path / "proj", project_database) as project:
        project.add_dataset(
            "no-irb", actor=ADMIN, ethics_reference=None, ethics_date=None, deidentified=True
        )
        with pytest.raises(
            WorkflowError, match="R-DATA-1: dataset no-irb has no recorded ethics approval"
        ):
            project.register_case("c9", dataset_id="no-irb", patient="P9", actor=ADMIN)
        assert project.cases() == []


@pytest.mark.slow
def test_R_DATA_1_a_case_from_a_dataset_not_deidentified_is_refused(
    tmp_path: Path, project_database: str | None
) -> None:
    with new_project(tmp_path / "proj", project_database) as project:
        project.add_dataset(
            "raw",
            actor=ADMIN,
            ethics_reference="IRB-1",
            ethics_date="2026-01-01",
            deidentified=False,
        )
        with pytest.raises(WorkflowError, match="R-DATA-1: dataset raw is not de-identified"):
            project.register_case("c9", dataset_id="raw", patient="P9", actor=ADMIN)


@pytest.mark.slow
def test_a_dataset_records_its_ethics_reference_and_date(
    tmp_path: Path, project_database: str | None
) -> None:
    with new_project(tmp_path / "proj", project_database) as project:
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


@pytest.mark.slow
def test_foreign_keys_refuse_a_case_of_an_unknown_dataset_at_the_database_level(
    tmp_path: Path, project_database: str | None
) -> None:
    with (
        new_project(tmp_path / "proj", project_database) as project,
        pytest.raises(store.integrity_errors()),
    ):
        project.conn.execute(
            "INSERT INTO cases (id, dataset_id, patient, folder, state, updated_at)"
            " VALUES ('x', 'nowhere', 'p', 'f', 'imported', 't')"
        )
