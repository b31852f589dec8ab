"""The annotation project's database on PostgreSQL (psycopg 3), behind SQLite's interface.

Why: SQLite is the embedded default; a hospital that runs several server workers or sites on
one project puts the database on its PostgreSQL instead (docs/architecture.md, Storage). The project's
modules speak the small part of :mod:`sqlite3` they need (``execute`` with ``?`` parameters,
rows read by name or position, ``executemany``, ``in_transaction``); :class:`PgConnection`
gives exactly that over psycopg, so the same migrations, queries, transactions, triggers and
hash-chained audit log run on both engines.

Writers are serialised like SQLite's ``BEGIN IMMEDIATE``: every write transaction first takes
a transaction-scoped advisory lock keyed by the project's schema, and at READ COMMITTED each
later statement sees everything committed before the lock was granted, so a read-then-write
(the audit log's last hash, a case's state, the next version number) can never interleave
with another writer: no lost update, no fork of the hash chain.

Migrations are written once in SQLite's dialect; :func:`translate_ddl` turns them into
PostgreSQL's (identity keys, 64-bit integers, triggers as a PL/pgSQL function), so a new
migration added to ``store.MIGRATIONS`` runs on both engines without a second text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError

try:  # psycopg is a pinned dependency, but a SQLite-only Slicer install may lack it
    import psycopg
    from psycopg import pq
    from psycopg.conninfo import conninfo_to_dict
except ImportError:  # pragma: no cover - exercised only where psycopg is not installed
    psycopg = None  # type: ignore[assignment]

URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgresql_url(target: object) -> bool:
    """True for a libpq connection URI (``postgresql://user@host:port/db?options=...``)."""
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


class Row(tuple):  # type: ignore[type-arg]
    """A result row readable by position and by column name, like :class:`sqlite3.Row`."""

    _index: dict[str, int]

    def __new__(cls, names: dict[str, int], values: Sequence[Any]) -> Row:
        row = super().__new__(cls, values)
        row._index = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


def to_pyformat(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (and a literal ``%`` to ``%%``), outside quotes."""
    out: list[str] = []
    quoted = False
    for char in sql:
        if char == "'":
            quoted = not quoted
        if not quoted and char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class PgConnection:
    """A psycopg connection that answers the subset of :class:`sqlite3.Connection` the project
    uses. Autocommit outside :func:`transaction`, like SQLite with ``isolation_level=None``."""

    dialect = "postgresql"

    def __init__(self, raw: Any, url: str) -> None:
        self.raw = raw
        self.url = url
        raw.autocommit = True
        raw.row_factory = _row_factory

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if params:
            return self.raw.execute(to_pyformat(sql), tuple(params))
        return self.raw.execute(sql)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        cursor = self.raw.cursor()
        rows = [tuple(r) for r in rows]
        if rows:
            cursor.executemany(to_pyformat(sql), rows)
        return cursor

    @property
    def in_transaction(self) -> bool:
        return bool(self.raw.info.transaction_status != pq.TransactionStatus.IDLE)

    def close(self) -> None:
        self.raw.close()

    def begin_write(self) -> None:
        """Start a write transaction holding the project's writer lock (see module doc)."""
        self.raw.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))")


def _require_psycopg() -> None:
    if psycopg is None:
        raise InvalidInputError(
            tr("a PostgreSQL project needs psycopg (pip install 'psycopg[binary]==3.3.9')")
        )


def redact(url: str) -> str:
    """The URL with any password replaced, for messages."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def check_url(url: str) -> None:
    """Refuse a URL that is not libpq's, or that carries a password: the URL is written into
    the project folder, and a password belongs in ``~/.pgpass`` or ``PGPASSWORD``."""
    _require_psycopg()
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise InvalidInputError(
            tr("not a PostgreSQL URL: {error}", error=error), redact(url)
        ) from error
    if params.get("password"):
        raise InvalidInputError(
            tr(
                "the database URL carries a password; put it in ~/.pgpass or PGPASSWORD "
                "instead (the URL is written into the project folder)"
            ),
            redact(url),
        )
    if not params.get("dbname"):
        raise InvalidInputError(tr("the database URL names no database"), redact(url))


def connect(url: str) -> PgConnection:
    """Open a connection; a server that does not answer is one clear line, not a traceback."""
    check_url(url)
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InvalidInputError(
            tr("cannot connect to the project database: {error}", error=first), redact(url)
        ) from error
    return PgConnection(raw, url)


def integrity_errors() -> tuple[type[Exception], ...]:
    return (psycopg.IntegrityError,) if psycopg is not None else ()


def database_errors() -> tuple[type[Exception], ...]:
    return (psycopg.Error,) if psycopg is not None else ()


def table_exists(conn: PgConnection, table: str) -> bool:
    return conn.execute("SELECT to_regclass(?)", (table,)).fetchone()[0] is not None


def triggers(conn: PgConnection) -> set[str]:
    """Names of the user triggers on the tables of the project's schema."""
    rows = conn.execute(
        "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
    )
    return {str(row[0]) for row in rows}


# -- migrations: SQLite's DDL to PostgreSQL's ---------------------------------------------------

_TRIGGER = re.compile(
    r"CREATE TRIGGER (?P<name>\w+) BEFORE (?P<event>UPDATE|DELETE|INSERT) ON (?P<table>\w+)\s*"
    r"BEGIN SELECT RAISE\(ABORT, '(?P<message>[^']*)'\); END;",
    re.S,
)

REFUSE_FUNCTION = """
CREATE OR REPLACE FUNCTION cnstumor_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END
$fn$;
"""


def translate_ddl(sql: str) -> str:
    """One migration script in SQLite's dialect as PostgreSQL's: ``INTEGER PRIMARY KEY``
    becomes a 64-bit identity key (explicit values still allowed), ``INTEGER`` 64-bit,
    ``REAL``/``BLOB`` their PostgreSQL names, and each ``RAISE(ABORT, msg)`` trigger a
    ``FOR EACH ROW`` trigger on one shared refusing function."""

    def trigger(match: re.Match[str]) -> str:
        message = match["message"].replace("'", "''")
        return (
            f"CREATE TRIGGER {match['name']} BEFORE {match['event']} ON {match['table']}"
            f" FOR EACH ROW EXECUTE FUNCTION cnstumor_refuse('{message}');"
        )

    had_trigger = bool(_TRIGGER.search(sql))
    sql = _TRIGGER.sub(trigger, sql)
    sql = re.sub(
        r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql
    )
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    sql = re.sub(r"\bBLOB\b", "BYTEA", sql)
    return (REFUSE_FUNCTION + sql) if had_trigger else sql


def run_script(conn: PgConnection, script: str) -> None:
    """Run a multi-statement script (no parameters) inside the caller's transaction."""
    conn.raw.execute(script)


def identity_columns(conn: PgConnection) -> Iterator[tuple[str, str]]:
    """``(table, column)`` of every identity column of the project's schema."""
    rows = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND is_identity = 'YES'"
    ).fetchall()
    for row in rows:
        yield str(row[0]), str(row[1])


def reset_identities(conn: PgConnection) -> None:
    """After rows were inserted with explicit ids (a copy), start each identity past them."""
    for table, column in list(identity_columns(conn)):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
            f" COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
        )
