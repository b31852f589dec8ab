"""Move a project's database from SQLite to PostgreSQL (``cnstumor project copy DIR --to URL``).

Why a copy and not a dump: the target is created by the same migrations, every row keeps its
id (the audit chain hashes ids and version ids), and the copy is checked before the folder is
switched: the same row counts in every table and the same last audit hash, then the chain is
verified on the target (R-FLOW-1). Only then does the folder get ``project.database`` and
``project.sqlite`` is renamed aside (kept, never opened again); a failure at any point leaves
the SQLite project as it was and the target's transaction rolled back.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import audit, postgres, store
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

MOVED_SUFFIX = ".moved-to-postgresql"


@dataclass(frozen=True)
class CopyReport:
    """What was copied: rows per table and the last audit hash both databases agree on."""

    rows: dict[str, int]
    last_hash: str
    kept_sqlite: Path

    def lines(self) -> list[str]:
        total = sum(self.rows.values())
        return [
            tr(
                (
                    "copied {rows} rows in {tables} tables; audit chain verified on the target "
                    "(last hash {last_hash}...)"
                ),
                rows=total,
                tables=len(self.rows),
                last_hash=self.last_hash[:16],
            ),
            tr(
                "the SQLite database is kept as {file_name} and no longer used",
                file_name=self.kept_sqlite.name,
            ),
        ]


def copy_to_postgresql(project_dir: str | Path, url: str) -> CopyReport:
    """Copy the SQLite project at ``project_dir`` into the empty PostgreSQL database ``url``
    and switch the folder to it."""
    project_dir = Path(project_dir)
    source_path = project_dir / store.DATABASE_NAME
    if (project_dir / store.POINTER_NAME).is_file():
        raise InvalidInputError(tr("this project is already on PostgreSQL"), project_dir)
    if not source_path.is_file():
        raise MissingInputError(tr("no SQLite project database here"), source_path)
    source = store.connect(source_path)
    target = store.connect(url, create=True)
    try:
        if store.holds_project(target):
            raise InvalidInputError(
                tr("this database already holds an annotation project"), postgres.redact(url)
            )
        if store.applied_migrations(source) != store.applied_migrations(target):
            raise InvalidInputError(tr("source and target are at different schema versions"), url)
        chain = audit.verify_chain(source)
        if not chain.ok:
            raise InvalidInputError(
                tr("refusing to copy a broken project: {problem}", problem=chain.describe())
            )
        tables = _tables_in_dependency_order(source)
        rows: dict[str, int] = {}
        kept = source_path.with_name(source_path.name + MOVED_SUFFIX)
        with store.transaction(source):  # SQLite's write lock: nobody writes while we copy
            with store.transaction(target):
                for table in tables:
                    rows[table] = _copy_table(source, target, table)
                postgres.reset_identities(target)
                _check_same(source, target, tables)
            last = audit.entries(target)[-1].entry_hash if rows.get("audit_log") else ""
            if not audit.verify_chain(target).ok:  # pragma: no cover - _check_same checked it
                raise InvalidInputError(tr("the copied audit chain does not verify"), url)
            write_text_atomic(project_dir / store.POINTER_NAME, url + "\n")
            os.replace(source_path, kept)
    finally:
        source.close()
        target.close()
    for suffix in ("-wal", "-shm"):  # empty after the clean close; never needed again
        Path(str(source_path) + suffix).unlink(missing_ok=True)
    return CopyReport(rows, last, kept)


def _tables_in_dependency_order(conn: sqlite3.Connection) -> list[str]:
    """Every table but the migration record, parents before the tables that reference them."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name != 'schema_migrations' ORDER BY name"
        )
    ]
    parents = {
        name: {str(fk[2]) for fk in conn.execute(f"PRAGMA foreign_key_list({name})")} - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:
            raise InvalidInputError(
                tr(
                    "circular foreign keys between {tables}",
                    tables=sorted(set(names) - set(ordered)),
                )
            )
        ordered.extend(ready)
    return ordered


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _copy_table(source: sqlite3.Connection, target: postgres.PgConnection, table: str) -> int:
    columns = _columns(source, table)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    order = "rowid" if table != "audit_log" else "seq"
    rows = [tuple(r) for r in source.execute(f"SELECT {names} FROM {table} ORDER BY {order}")]
    target.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    return len(rows)


def _check_same(
    source: sqlite3.Connection, target: postgres.PgConnection, tables: list[str]
) -> None:
    for table in tables:
        mine = source.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        theirs = target.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        if int(mine) != int(theirs):
            raise InvalidInputError(
                tr(
                    "copy of {table} has {theirs} rows, the source {mine}",
                    table=table,
                    theirs=theirs,
                    mine=mine,
                )
            )
    ours = audit.entries(source)
    copied = audit.entries(target)
    if [e.entry_hash for e in ours] != [e.entry_hash for e in copied]:
        raise InvalidInputError(tr("the copied audit log differs from the source"))
