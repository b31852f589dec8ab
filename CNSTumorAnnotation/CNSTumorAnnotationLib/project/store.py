"""The annotation project's database: one SQLite file, WAL mode, numbered schema migrations.

Why SQLite: it is the embedded default (DESIGN.md, Storage), it survives a killed process
(transactions are atomic and durable), and two processes may write at once (WAL plus a busy
timeout serialise writers instead of failing). Every connection turns foreign keys on.
Migrations are numbered, applied in order, each inside one transaction, and recorded in
``schema_migrations`` so a project opened by a newer release is upgraded in place.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

DATABASE_NAME = "project.sqlite"
BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Migration:
    """One numbered schema step; ``sql`` is a script of statements run in one transaction."""

    number: int
    name: str
    sql: str


_AUDIT_APPEND_ONLY = """
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'R-FLOW-1: the audit log is append-only (UPDATE refused)'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'R-FLOW-1: the audit log is append-only (DELETE refused)'); END;
"""

_VERSIONS_IMMUTABLE = """
CREATE TRIGGER annotation_versions_no_update BEFORE UPDATE ON annotation_versions
BEGIN SELECT RAISE(ABORT, 'R-PPL-3: annotation versions are immutable; save a new version'); END;
CREATE TRIGGER annotation_versions_no_delete BEFORE DELETE ON annotation_versions
BEGIN SELECT RAISE(ABORT, 'R-PPL-3: annotation versions are immutable; save a new version'); END;
CREATE TRIGGER version_files_no_update BEFORE UPDATE ON version_files
BEGIN SELECT RAISE(ABORT, 'R-PPL-3: annotation versions are immutable; save a new version'); END;
CREATE TRIGGER version_files_no_delete BEFORE DELETE ON version_files
BEGIN SELECT RAISE(ABORT, 'R-PPL-3: annotation versions are immutable; save a new version'); END;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "core tables",
        """
CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rule_tables (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, version TEXT NOT NULL,
  body TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);
CREATE TABLE datasets (
  id TEXT PRIMARY KEY, description TEXT NOT NULL DEFAULT '',
  ethics_reference TEXT, ethics_date TEXT, deidentified INTEGER NOT NULL DEFAULT 0,
  recorded_at TEXT NOT NULL);
CREATE TABLE people (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
  years_experience INTEGER NOT NULL, title TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE TABLE cases (
  id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL REFERENCES datasets(id),
  patient TEXT NOT NULL, folder TEXT NOT NULL, state TEXT NOT NULL,
  assignee TEXT REFERENCES people(id), phase TEXT NOT NULL DEFAULT 'production',
  tumor_family TEXT, updated_at TEXT NOT NULL);
CREATE TABLE annotation_versions (
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
  number INTEGER NOT NULL, author TEXT NOT NULL REFERENCES people(id),
  created_at TEXT NOT NULL, parent_id INTEGER REFERENCES annotation_versions(id),
  schema_version TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  UNIQUE (case_id, number));
CREATE TABLE version_files (
  version_id INTEGER NOT NULL REFERENCES annotation_versions(id),
  relpath TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
  PRIMARY KEY (version_id, relpath));
CREATE TABLE self_checks (
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
  version_id INTEGER NOT NULL REFERENCES annotation_versions(id),
  person TEXT NOT NULL REFERENCES people(id), checked_at TEXT NOT NULL,
  blocking INTEGER NOT NULL, findings TEXT NOT NULL, source TEXT);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
  version_id INTEGER NOT NULL REFERENCES annotation_versions(id),
  reviewer TEXT NOT NULL REFERENCES people(id), decision TEXT NOT NULL,
  reviewed_at TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '');
CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY, review_id INTEGER NOT NULL REFERENCES reviews(id),
  region TEXT, slice_index INTEGER, text TEXT NOT NULL);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, case_id TEXT, version_id INTEGER, details TEXT NOT NULL,
  prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL UNIQUE);
CREATE INDEX cases_state ON cases(state);
CREATE INDEX versions_case ON annotation_versions(case_id);
"""
        + _AUDIT_APPEND_ONLY
        + _VERSIONS_IMMUTABLE,
    ),
    Migration(
        2,
        "training phase",
        """
CREATE TABLE teams (id TEXT PRIMARY KEY, recorded_at TEXT NOT NULL);
CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id), person TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (team_id, person));
CREATE TABLE certifications (
  id INTEGER PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id),
  team_id TEXT NOT NULL REFERENCES teams(id), certified INTEGER NOT NULL,
  thresholds_version TEXT NOT NULL, report_sha256 TEXT NOT NULL, recorded_at TEXT NOT NULL);
""",
    ),
    Migration(
        3,
        "case-folder origin of a version",
        """
ALTER TABLE annotation_versions ADD COLUMN source_folder TEXT;
ALTER TABLE annotation_versions ADD COLUMN source_version INTEGER;
""",
    ),
    Migration(
        4,
        "authenticated actors",
        """
ALTER TABLE people ADD COLUMN licence TEXT;
ALTER TABLE people ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
CREATE UNIQUE INDEX people_one_human ON people(licence);
CREATE TABLE credentials (
  person TEXT PRIMARY KEY REFERENCES people(id), password_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id),
  token_sha256 TEXT NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT);
""",
    ),
)


def utc_now() -> str:
    """ISO-8601 UTC time stamp with microseconds (the audit log orders by ``seq``, not time)."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


def connect(database: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the project database with WAL, foreign keys and a busy timeout; migrate it.

    ``create=False`` refuses a missing file (a typo must not silently create a new project).
    """
    database = Path(database)
    if not create and not database.is_file():
        raise MissingInputError("no annotation project database here", database)
    conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise InvalidInputError(f"could not switch the database to WAL mode ({mode})", database)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InvalidInputError(f"not a usable project database: {error}", database) from error
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``: takes the write lock up front, so two
    processes never interleave a read-then-write); rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def applied_migrations(conn: sqlite3.Connection) -> list[int]:
    """Numbers of the migrations already applied, ascending."""
    rows = conn.execute("SELECT number FROM schema_migrations ORDER BY number").fetchall()
    return [int(row[0]) for row in rows]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet applied, each in its own transaction; return those applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    if set(applied_migrations(conn)) >= {m.number for m in MIGRATIONS}:
        return []  # up to date: no write lock taken on every open
    applied: list[int] = []
    for migration in MIGRATIONS:
        with transaction(conn):
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE number = ?", (migration.number,)
            ).fetchone()
            if done:
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)",
                (migration.number, migration.name, utc_now()),
            )
            applied.append(migration.number)
    return applied


def integrity_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's own structural check plus foreign keys; an empty list means healthy."""
    problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [p for p in problems if p != "ok"]
    for row in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key broken: table {row[0]} rowid {row[1]} -> {row[2]}")
    return problems


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` knows triggers)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
