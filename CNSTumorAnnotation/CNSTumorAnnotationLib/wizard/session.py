"""The annotation wizard's record: ``CASE_DIR/wizard_session.json`` (R-FLOW-1, the consensus checklist).

Every move and every confirmation is an event with who and when; the file is rewritten
atomically after each one, so an interrupted session resumes where it stopped and nothing a
person confirmed is lost. When the session ends with a saved version, the record is also kept
as ``CASE_DIR/wizard_sessions/vNNNN.json`` beside that version (the live file is reused by the
next session).
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.provenance import provenance

SESSION_FORMAT = "cnstumor-wizard-session/1"
SESSION_FILE = "wizard_session.json"
ARCHIVE_DIR = "wizard_sessions"
WIZARD_VERSION = "cnstumor-wizard-1.0"


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def session_path(case_root: Path) -> Path:
    return Path(case_root) / SESSION_FILE


def new_record(
    case_id: str, annotator: str, parent: int | None, regions: list[str]
) -> dict[str, Any]:
    """A fresh session at the first step."""
    return {
        "format": SESSION_FORMAT,
        "wizard_version": WIZARD_VERSION,
        "case_id": case_id,
        "annotator": annotator,
        "started_at": now(),
        "parent_version": parent,
        "regions": regions,
        "step": "review_sequences",
        "region": None,
        "confirmations": {
            "review_sequences": None,
            "checklist": {},
            "no_enhancement": None,
            "no_edema": None,
        },
        "empty_regions": [],
        "last_selfcheck": None,
        "saved_version": None,
        "events": [],
    }


def read_record(case_root: Path) -> dict[str, Any] | None:
    """The live session of a case, or None when there is none."""
    path = session_path(case_root)
    if not path.is_file():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(tr("not readable JSON ({error})", error=error), path) from None
    if not isinstance(record, dict) or record.get("format") != SESSION_FORMAT:
        raise InvalidInputError(
            tr("not a {record_format} record", record_format=SESSION_FORMAT), path
        )
    return record


def write_record(case_root: Path, record: dict[str, Any]) -> Path:
    """Rewrite the live session atomically (with provenance)."""
    record["provenance"] = provenance(
        "annotation_wizard",
        rule_tables={"wizard": WIZARD_VERSION},
        parameters={"step": record["step"], "region": record["region"]},
    )
    return write_json_atomic(session_path(case_root), record)


def archive_record(case_root: Path, record: dict[str, Any], version: int) -> Path:
    """Keep the finished session beside the version it produced."""
    return write_json_atomic(Path(case_root) / ARCHIVE_DIR / f"v{version:04d}.json", record)


def add_event(
    record: dict[str, Any],
    move: str,
    who: str,
    before: dict[str, Any],
    details: dict[str, Any] | None,
) -> None:
    """Append one event: the move, who made it, when, the state before and after."""
    record["events"].append(
        {
            "at": now(),
            "by": who,
            "move": move,
            "from": before,
            "to": {"step": record["step"], "region": record["region"]},
            "details": details or {},
        }
    )
