"""Was this annotation version approved by a reviewer (R-PPL-3)? Asked by ``--approved-only``.

The review store (``project_status.approved_versions``) is the authority when the case belongs
to an annotation project: given explicitly (``--project``) or found beside the case folder
(``<project>/project.sqlite`` or ``project.database`` with the case under it). A project version counts for a case
folder version when it was saved from that folder and version (``source_folder`` /
``source_version``). Without a project, the case folder's own ``version.json`` flag
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


def approval_of(case: Any, version: Any, project_dir: Path | None = None) -> Approval:
    """Approval of ``version`` of ``case`` from the review store, else from the case folder."""
    project = Path(project_dir) if project_dir is not None else find_project(Path(case.root))
    if project is None:
        return Approval(
            approved=bool(getattr(version, "approved", False)),
            source="case folder version.json",
        )
    from CNSTumorAnnotationLib.project.status import approved_versions

    root = Path(case.root).resolve()
    number = int(version.version)
    for approved in approved_versions(project):
        saved = approved.version
        same_folder = (
            saved.source_folder is not None and Path(saved.source_folder).resolve() == root
        )
        same_case = approved.case_id == str(case.case_id)
        if (same_folder or same_case) and saved.source_version is not None:
            if int(saved.source_version) == number:
                return Approval(
                    True, f"review store: {project}", approved.approved_by, approved.approved_at
                )
    return Approval(False, f"review store: {project}")
