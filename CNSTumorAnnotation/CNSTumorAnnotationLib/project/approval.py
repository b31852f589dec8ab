"""Was this annotation version approved by a reviewer (R-PPL-3)? Asked by ``--approved-only``.

The review store (``project_status.approved_versions``) is the authority when the case belongs
to an annotation project: given explicitly (``--project``) or found beside the case folder
(``<project>/project.sqlite`` or ``project.database`` with the case under it). A project version
counts for a case folder version when it was saved from that folder and version
(``case_bridge.is_saved_from``). Without a project, the case folder's own ``version.json`` flag
(``case.approve_version``) is used, and the manifest says which source decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.project.store import has_project


@dataclass(frozen=True)
class Approval:
    """The approval of one case folder version and where that answer came from."""

    approved: bool
    source: str  # "review store: <project>" or "case folder version.json"
    reviewer: str | None = None
    approved_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "approved": self.approved,
            "source": self.source,
            "reviewer": self.reviewer,
            "approved_at": self.approved_at,
        }


def find_project(case_root: Path) -> Path | None:
    """The annotation project holding ``case_root`` (a parent holding a project), if any."""
    for parent in list(Path(case_root).resolve().parents)[:3]:
        if has_project(parent):
            return parent
    return None


def _version_record(version: Any) -> dict[str, Any]:
    """The case folder's ``version.json`` of ``version`` (who approved it, when), or {}."""
    import json

    folder = getattr(version, "folder", None)
    if folder is None:
        return {}
    try:
        return dict(json.loads((Path(folder) / "version.json").read_text(encoding="utf-8")))
    except (OSError, TypeError, ValueError):
        return {}


def approval_of(case: Any, version: Any, project_dir: Path | None = None) -> Approval:
    """Approval of ``version`` of ``case`` from the review store, else from the case folder."""
    project = Path(project_dir) if project_dir is not None else find_project(Path(case.root))
    if project is None:
        record = _version_record(version)
        return Approval(
            approved=bool(getattr(version, "approved", False)),
            source="case folder version.json",
            reviewer=record.get("approved_by"),
            approved_at=record.get("approved_at"),
        )
    from CNSTumorAnnotationLib.project.case_bridge import is_saved_from
    from CNSTumorAnnotationLib.project.status import approved_versions

    for approved in approved_versions(project):
        if is_saved_from(
            approved.version,
            approved.case_id,
            case_root=case.root,
            case_id=str(case.case_id),
            number=int(version.version),
        ):
            return Approval(
                True, f"review store: {project}", approved.approved_by, approved.approved_at
            )
    return Approval(False, f"review store: {project}")
