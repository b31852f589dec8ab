"""The annotation project (R-PPL-*, R-FLOW-1): who annotates and reviews what, and its record.

Owns the SQLite/PostgreSQL store and its migrations (``store``), people and qualifications
(``people``), the case lifecycle table (``lifecycle``), the project and its cases
(``annotation_project``: ``Project``, ``ProjectCase``), project versions (``versions``:
``ProjectVersion``), the workflow actions (``workflow``), the hash-chained audit log
(``audit``), approval lookups (``approval``), status and verification (``status``, and the
HTML page ``status_html``, imported on first use for matplotlib), the one link between a
case-folder version and a project version (``case_bridge``) and the review walk-through the
demo runs (``review_demo``, imported on first use: it sits above ``training``).
"""

from __future__ import annotations

from CNSTumorAnnotationLib.people import (
    Person,
    QualificationError,
    QualificationRules,
    Role,
)
from CNSTumorAnnotationLib.project.annotation_project import Project, ProjectCase
from CNSTumorAnnotationLib.project.audit import verify_chain
from CNSTumorAnnotationLib.project.case_bridge import save_case_folder_version
from CNSTumorAnnotationLib.project.lifecycle import Action, CaseState, allowed_actions
from CNSTumorAnnotationLib.project.status import approved_versions, project_status, verify_project
from CNSTumorAnnotationLib.project.versions import ProjectVersion
from CNSTumorQCLib.lazy import lazy_exports

#: Exports imported on first use (why: see the docstring above).
_LAZY = {
    "write_status_html": "status_html",
    # the demo walk-through also certifies through the training package
    "run_review_demo": "review_demo",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "Action",
    "CaseState",
    "Person",
    "Project",
    "ProjectCase",
    "ProjectVersion",
    "QualificationError",
    "QualificationRules",
    "Role",
    "allowed_actions",
    "approved_versions",
    "project_status",
    "run_review_demo",
    "save_case_folder_version",
    "verify_chain",
    "verify_project",
    "write_status_html",
]
