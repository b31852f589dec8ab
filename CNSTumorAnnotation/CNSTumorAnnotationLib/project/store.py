"""The annotation project's database: SQLite (the embedded default) or PostgreSQL, with one
ordered list of numbered schema migrations for both.

Why SQLite by default: it is embedded (docs/architecture.md, Storage), it survives a killed process
(transactions are atomic and durable), and two processes may write at once (WAL plus a busy
timeout serialise writers instead of failing). Every connection turns foreign keys on.
Why PostgreSQL as well: several server workers or sites sharing one project; a project folder
then holds ``project.database`` (the server's URL) instead of ``project.sqlite``, and
:mod:`CNSTumorAnnotationLib.project.postgres` gives the same interface, transactions
(serialised writers), triggers and audit chain there.
Migrations are numbered, applied in order, each inside one transaction, and recorded in
``schema_migrations`` so a project opened by a newer release is upgraded in place. A new
migration is appended to :data:`MIGRATIONS` in SQLite's dialect; PostgreSQL's text is
derived from it (``postgres.translate_ddl``) unless the migration gives its own.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import postgres
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

# sqlite3.Connection or postgres.PgConnection: both answer execute/executemany/in_transaction.
Connection: TypeAlias = Any

DATABASE_NAME = "project.sqlite"
POINTER_NAME = "project.database"  # a PostgreSQL project: this file holds the server's URL
BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Migration:
    """One numbered schema step; ``sql`` is a script of statements run in one transaction."""

    number: int
    name: str
    sql: str
    postgresql: str | None = None  # PostgreSQL's text when translate_ddl(sql) will not do


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


def dialect(conn: Connection) -> str:
    """``"sqlite"`` or ``"postgresql"``."""
    return str(getattr(conn, "dialect", "sqlite"))


def project_database(directory: str | Path) -> str | Path | None:
    """Where the project at ``directory`` keeps its database: the PostgreSQL URL written in
    ``project.database``, the path of ``project.sqlite``, or None when it holds no project."""
    directory = Path(directory)
    pointer = directory / POINTER_NAME
    if pointer.is_file():
        url = pointer.read_text(encoding="utf-8").strip()
        if not postgres.is_postgresql_url(url):
            raise InvalidInputError(tr("does not hold a postgresql:// URL"), pointer)
        return url
    if (directory / DATABASE_NAME).is_file():
        return directory / DATABASE_NAME
    return None


def has_project(directory: str | Path) -> bool:
    """True when ``directory`` holds a project (either engine)."""
    directory = Path(directory)
    return (directory / POINTER_NAME).is_file() or (directory / DATABASE_NAME).is_file()


def connect(database: str | Path, *, create: bool = False) -> Connection:
    """Open the project database and migrate it: a ``postgresql://`` URL, or a SQLite file
    (WAL, foreign keys, busy timeout).

    ``create=False`` refuses a missing SQLite file (a typo must not silently create a new
    project); a PostgreSQL database must exist (the server's administrator creates it).
    """
    if postgres.is_postgresql_url(database):
        return _connect_postgresql(str(database))
    database = Path(database)
    if not create and not database.is_file():
        raise MissingInputError(tr("no annotation project database here"), database)
    conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise InvalidInputError(
                tr("could not switch the database to WAL mode ({mode})", mode=mode), database
            )
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InvalidInputError(
            tr("not a usable project database: {error}", error=error), database
        ) from error
    return conn


def _connect_postgresql(url: str) -> postgres.PgConnection:
    conn = postgres.connect(url)
    try:
        migrate(conn)
    except postgres.database_errors() as error:
        conn.close()
        first = str(error).strip().splitlines()[0]
        raise InvalidInputError(
            tr("not a usable project database: {error}", error=first), postgres.redact(url)
        ) from error
    return conn


def holds_project(conn: Connection) -> bool:
    """True when the database already holds a project (its ``project_info`` has a name)."""
    if dialect(conn) == "postgresql" and not postgres.table_exists(conn, "project_info"):
        return False
    try:
        row = conn.execute("SELECT 1 FROM project_info WHERE key = 'name'").fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction, rolled back on any exception. Writers are serialised: SQLite's
    ``BEGIN IMMEDIATE`` takes the write lock up front, PostgreSQL's takes the project's
    advisory lock, so two processes never interleave a read-then-write. A refused
    constraint (a duplicate id) becomes one clear error naming the database, not a traceback."""
    if dialect(conn) == "postgresql":
        conn.begin_write()
    else:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except sqlite3.IntegrityError as error:
        conn.execute("ROLLBACK")
        raise InvalidInputError(_integrity_message(error), _database_path(conn)) from None
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _integrity_message(error: sqlite3.IntegrityError) -> str:
    text = str(error)
    if text.startswith("UNIQUE constraint failed:"):
        columns = text.split(":", 1)[1].strip()
        table = columns.split(".")[0]
        return tr(
            "a record with this {columns} already exists in {table} (ids are unique)",
            columns=columns,
            table=table,
        )
    return tr("the project database refused the change ({error})", error=text)


def _database_path(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return str(row[2]) if row and row[2] else None


def integrity_errors() -> tuple[type[Exception], ...]:
    """The exceptions a refused write raises (a trigger, a foreign key) on either engine; inside
    :func:`transaction` SQLite's becomes one clear ``InvalidInputError``."""
    return (sqlite3.IntegrityError, InvalidInputError, *postgres.integrity_errors())


def applied_migrations(conn: Connection) -> list[int]:
    """Numbers of the migrations already applied, ascending."""
    rows = conn.execute("SELECT number FROM schema_migrations ORDER BY number").fetchall()
    return [int(row[0]) for row in rows]


_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


def migrate(conn: Connection) -> list[int]:
    """Apply every migration not yet applied, each in its own transaction; return those applied."""
    if dialect(conn) == "postgresql":
        if not postgres.table_exists(conn, "schema_migrations"):
            with transaction(conn):  # the writer lock: two first opens do not race
                conn.execute(_MIGRATIONS_TABLE)
    else:
        conn.execute(_MIGRATIONS_TABLE)
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
            if dialect(conn) == "postgresql":
                postgres.run_script(
                    conn, migration.postgresql or postgres.translate_ddl(migration.sql)
                )
            else:
                for statement in _statements(migration.sql):
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)",
                (migration.number, migration.name, utc_now()),
            )
            applied.append(migration.number)
    return applied


def protecting_triggers() -> set[str]:
    """The triggers the migrations create (append-only audit log, immutable versions)."""
    names: set[str] = set()
    for migration in MIGRATIONS:
        names.update(re.findall(r"CREATE TRIGGER (\w+)", migration.sql))
    return names


def integrity_check(conn: Connection) -> list[str]:
    """The engine's structural checks plus the protecting triggers; empty means healthy.

    SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``. PostgreSQL checks its own
    pages and enforces foreign keys on every write, so only the triggers are checked there."""
    problems: list[str] = []
    if dialect(conn) == "postgresql":
        present = postgres.triggers(conn)
    else:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
        for row in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(
                tr(
                    "foreign key broken: table {table} rowid {rowid} -> {parent}",
                    table=row[0],
                    rowid=row[1],
                    parent=row[2],
                )
            )
        present = {
            str(row[0])
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    for name in sorted(protecting_triggers() - present):
        problems.append(tr("protecting trigger {name} is missing (R-FLOW-1, R-PPL-3)", name=name))
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
