"""Annotation versions on disk and in the database (R-FMT-2, R-PPL-3, docs/architecture.md, Storage).

A version is a folder ``cases/<case>/versions/v<NNNN>/`` of files plus one database row per
file with its sha256. Saving holds the database's write lock, writes every file atomically
(``CNSTumorQCLib.atomic``: temporary name, fsync, rename), then inserts the rows and the audit
entry in the same transaction: a process killed at any point leaves either the whole new
version or none of it, and the previous versions untouched. Files are made read-only; an
approved version is never overwritten, a change is a new version.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project.store import Connection
from CNSTumorQCLib.atomic import sha256_file, write_with_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError


@dataclass(frozen=True)
class VersionFile:
    """One file of a version: path relative to the project folder, checksum, size."""

    relpath: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ProjectVersion:
    """One saved annotation of a case (who, when, files, checksums, parent, schema version)."""

    id: int
    case_id: str
    number: int
    author: str
    created_at: str
    parent_id: int | None
    schema_version: str
    note: str
    files: tuple[VersionFile, ...]
    source_folder: str | None = (
        None  # the case folder it came from (case.folder), if any; see case_bridge
    )
    source_version: int | None = None  # that folder's version number

    def paths(self, project_dir: str | Path) -> list[Path]:
        """Absolute paths of the version's files."""
        return [Path(project_dir) / f.relpath for f in self.files]


def version_folder(case_id: str, number: int) -> str:
    """The version's folder relative to the project folder."""
    return f"cases/{case_id}/versions/v{number:04d}"


def next_number(conn: Connection, case_id: str) -> int:
    row = conn.execute(
        "SELECT COALESCE(MAX(number), 0) FROM annotation_versions WHERE case_id = ?", (case_id,)
    ).fetchone()
    return int(row[0]) + 1


def write_version_files(project_dir: Path, folder: str, sources: list[Path]) -> list[VersionFile]:
    """Copy ``sources`` atomically into ``folder`` (inside the project); return their records.

    A folder left by an interrupted save (files, no database row) is cleared first: it was
    never a version.
    """
    _check_sources(sources)
    target = project_dir / folder
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    records = []
    for source in sources:
        destination = target / source.name
        write_with_atomic(destination, lambda tmp, src=source: shutil.copyfile(src, tmp))
        os.chmod(destination, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # immutable by habit
        relpath = f"{folder}/{source.name}"
        records.append(VersionFile(relpath, sha256_file(destination), destination.stat().st_size))
    return records


def insert_version(
    conn: Connection,
    *,
    case_id: str,
    number: int,
    author: str,
    created_at: str,
    parent_id: int | None,
    schema_version: str,
    note: str,
    files: list[VersionFile],
    source_folder: str | None = None,
    source_version: int | None = None,
) -> int:
    """Insert the version row and its file rows (inside the caller's transaction)."""
    row = conn.execute(
        "INSERT INTO annotation_versions (case_id, number, author, created_at, parent_id,"
        " schema_version, note, source_folder, source_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        (
            case_id,
            number,
            author,
            created_at,
            parent_id,
            schema_version,
            note,
            source_folder,
            source_version,
        ),
    ).fetchone()
    version_id = int(row[0])
    conn.executemany(
        "INSERT INTO version_files (version_id, relpath, sha256, size) VALUES (?, ?, ?, ?)",
        [(version_id, f.relpath, f.sha256, f.size) for f in files],
    )
    return version_id


def load_version(conn: Connection, version_id: int) -> ProjectVersion:
    row = conn.execute("SELECT * FROM annotation_versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise InvalidInputError(
            tr("no annotation version with id {version_id}", version_id=version_id)
        )
    files = tuple(
        VersionFile(str(f["relpath"]), str(f["sha256"]), int(f["size"]))
        for f in conn.execute(
            "SELECT * FROM version_files WHERE version_id = ? ORDER BY relpath", (version_id,)
        )
    )
    return ProjectVersion(
        id=int(row["id"]),
        case_id=str(row["case_id"]),
        number=int(row["number"]),
        author=str(row["author"]),
        created_at=str(row["created_at"]),
        parent_id=row["parent_id"],
        schema_version=str(row["schema_version"]),
        note=str(row["note"]),
        files=files,
        source_folder=row["source_folder"],
        source_version=row["source_version"],
    )


def latest_version(conn: Connection, case_id: str) -> ProjectVersion | None:
    row = conn.execute(
        "SELECT id FROM annotation_versions WHERE case_id = ? ORDER BY number DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return load_version(conn, int(row[0])) if row else None


def file_problems(conn: Connection, project_dir: Path) -> list[str]:
    """Every recorded file that is missing or whose bytes no longer match its checksum."""
    problems = []
    for row in conn.execute(
        "SELECT v.case_id, v.number, f.relpath, f.sha256 FROM version_files f"
        " JOIN annotation_versions v ON v.id = f.version_id ORDER BY v.id, f.relpath"
    ):
        path = project_dir / row["relpath"]
        where = {"case_id": row["case_id"], "number": row["number"], "file": row["relpath"]}
        if not path.is_file():
            problems.append(tr("case {case_id} version {number}: {file} is missing", **where))
        elif sha256_file(path) != row["sha256"]:
            problems.append(
                tr(
                    (
                        "case {case_id} version {number}: {file} was changed after it was saved "
                        "(checksum differs)"
                    ),
                    **where,
                )
            )
    return problems


def _check_sources(sources: list[Path]) -> None:
    if not sources:
        raise InvalidInputError(tr("an annotation version needs at least one file"))
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise InvalidInputError(
            tr("two files of one version share a name: {names}", names=sorted(names))
        )
    for source in sources:
        if not source.is_file():
            raise MissingInputError(tr("annotation file not found"), source)
