"""The review walk-through the demo runs, on a real case folder with a real self-check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.case_bridge import (
    case_folder_version,
    is_saved_from,
    save_case_folder_version,
)
from CNSTumorAnnotationLib.project.review_demo import run_review_demo
from CNSTumorAnnotationLib.project.status import approved_case_folder_versions
from CNSTumorAnnotationLib.project.versions import ProjectVersion
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import has_blocking


@pytest.mark.slow
@pytest.mark.mrml
def test_R_FLOW_1_a_case_folder_goes_through_self_check_review_and_approval(
    small_annotated_case: Any, tmp_path: Path, mrml_runtime: Any
) -> None:
    from _case_helpers import wizard_version

    from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE, run_selfcheck

    wizard_version(small_annotated_case, mrml_runtime, "dr.zhou")  # R-ANN-1, checklist, report
    selfcheck_json = small_annotated_case.root / REPORT_FILE
    report = run_selfcheck(small_annotated_case, runtime=mrml_runtime)
    summary = run_review_demo(tmp_path / "proj", small_annotated_case.root, selfcheck_json)
    assert summary["self_check_passed"] is (not has_blocking(report.findings))
    if summary["self_check_passed"]:
        assert summary["state"] == "approved"
        names = {Path(p).name for p in summary["approved_files"]}
        assert {"version.json"} < names and any(n.endswith(".seg.nrrd") for n in names)
        folder_version = small_annotated_case.annotations[-1].version
        assert approved_case_folder_versions(tmp_path / "proj") == {
            (summary["case"], folder_version)
        }
    assert "R-PPL-1: reviewer needs >= 10 years" in summary["refused_reviewer"]
    assert "admin is not authenticated" in summary["refused_unauthenticated"]
    credentials = Path(summary["credentials"])
    assert credentials.stat().st_mode & 0o077 == 0  # R-FLOW-1: the owner only
    from CNSTumorAnnotationLib.project.auth import authenticate

    with Project.open(tmp_path / "proj") as project:
        for line in credentials.read_text().splitlines()[1:]:
            person, password = line.split()
            assert authenticate(project, person, password=password).id == person
    assert summary["verify"][0].startswith("audit log intact")
    assert Path(summary["status_html"]).is_file()


@pytest.mark.slow
@pytest.mark.mrml
def test_R_FMT_2_a_case_folder_file_changed_after_its_save_is_refused(
    small_annotated_case: Any, tmp_path: Path, project_database: str | None
) -> None:
    from _project_helpers import ANNOTATOR, case_in_progress, new_project

    seg = next(iter(small_annotated_case.annotations[-1].files.values()))
    seg.chmod(0o644)
    seg.write_bytes(seg.read_bytes() + b"\0")
    with new_project(tmp_path / "proj", project_database) as project:
        case_in_progress(project)
        with pytest.raises(InvalidInputError, match="R-FMT-2: .* no longer matches the checksum"):
            save_case_folder_version(project, "case-1", small_annotated_case.root, actor=ANNOTATOR)
    with Project.open(tmp_path / "proj") as project:
        assert project.conn.execute("SELECT COUNT(*) FROM annotation_versions").fetchone()[0] == 0


def _saved(source_folder: str | None, source_version: int | None) -> ProjectVersion:
    return ProjectVersion(
        1, "proj-case", 1, "dr_li", "2026-01-01T00:00:00Z", None, "s", "", (),
        source_folder=source_folder, source_version=source_version,
    )  # fmt: skip


def test_the_link_matches_a_case_folder_version_by_folder_or_by_case_id(tmp_path: Path) -> None:
    """R-PPL-3: --approved-only asks is_saved_from; the status report asks case_folder_version."""
    folder = tmp_path / "case"
    folder.mkdir()
    saved = _saved(str(folder), 3)
    assert case_folder_version(saved) == 3 and case_folder_version(_saved(None, None)) is None
    by_folder = {"case_root": folder / ".." / "case", "case_id": "other-id", "number": 3}
    assert is_saved_from(saved, "proj-case", **by_folder)
    moved = {"case_root": tmp_path / "copy", "case_id": "proj-case", "number": 3}
    assert is_saved_from(saved, "proj-case", **moved)  # a copied folder keeps its case id
    assert not is_saved_from(saved, "proj-case", **{**by_folder, "number": 2})
    assert not is_saved_from(saved, "proj-case", **{**moved, "case_id": "other-id"})
    assert not is_saved_from(_saved(None, None), "proj-case", **moved)  # loose files
