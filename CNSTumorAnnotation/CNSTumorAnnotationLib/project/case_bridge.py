"""The one link between a case folder's annotation versions and the project's versions.

A case folder (``case.folder``) numbers its own versions (``annotations/vNNNN/``); the project
(``versions``) numbers the versions saved into it. :func:`save_case_folder_version` is the one
way a case-folder version becomes a project version: its files are checked against the
checksums the case folder recorded (R-FMT-2), copied atomically into the project with the
folder's ``version.json``, and the project version records where it came from
(``source_folder``, the case folder's path, and ``source_version``, its version number).

Reading the link back is here too: :func:`case_folder_version` (which case-folder version a
project version holds, for the status report) and :func:`is_saved_from` (does a project
version hold this case folder's version, for ``export --approved-only``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import versions, workflow
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.errors import InvalidInputError

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.project.annotation_project import Project


def save_case_folder_version(
    project: Project,
    case_id: str,
    case_dir: str | Path,
    *,
    actor: str,
    version: int | None = None,
) -> versions.ProjectVersion:
    """Save version ``version`` (default: latest) of the case folder ``case_dir`` as the next
    project version of ``case_id``: its segmentation files and its ``version.json``."""
    from CNSTumorAnnotationLib.case.folder import VERSION_FILE, get_version, load_case

    case = load_case(case_dir)
    chosen = get_version(case, version)
    files = sorted(chosen.files.values())
    for path in files:
        expected = chosen.sha256.get(path.name)
        if expected and sha256_file(path) != expected:
            raise InvalidInputError(
                tr(
                    (
                        "R-FMT-2: {path_name} no longer matches the checksum its case folder "
                        "recorded"
                    ),
                    path_name=path.name,
                ),
                path,
            )
    record = chosen.folder / VERSION_FILE
    schema_version = case.schema.version
    if record.is_file():
        files.append(record)
        schema_version = str(
            json.loads(record.read_text(encoding="utf-8")).get("schema_version", schema_version)
        )
    return workflow.save_version(
        project,
        case_id,
        files,
        actor=actor,
        schema_version=schema_version,
        note=f"case folder {case.root.name} version {chosen.version}",
        source_folder=str(Path(case.root).resolve()),
        source_version=int(chosen.version),
    )


def case_folder_version(saved: versions.ProjectVersion) -> int | None:
    """The case-folder version number ``saved`` was made from; None for loose files."""
    return None if saved.source_version is None else int(saved.source_version)


def is_saved_from(
    saved: versions.ProjectVersion,
    project_case_id: str,
    *,
    case_root: str | Path,
    case_id: str,
    number: int,
) -> bool:
    """Does project version ``saved`` (of project case ``project_case_id``) hold version
    ``number`` of the case folder at ``case_root`` (whose own id is ``case_id``)?

    The folder matches by its resolved path, or the project case by the folder's case id (a
    folder copied elsewhere keeps its id), and the version numbers must be equal.
    """
    source = case_folder_version(saved)
    if source is None or source != int(number):
        return False
    same_folder = (
        saved.source_folder is not None
        and Path(saved.source_folder).resolve() == Path(case_root).resolve()
    )
    return same_folder or project_case_id == str(case_id)
