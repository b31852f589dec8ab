"""The review walk-through the demo runs, on a real case folder with a real self-check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.case_bridge import run_review_demo, save_case_folder_version
from CNSTumorAnnotationLib.project.status import approved_case_folder_versions
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import has_blocking


@pytest.mark.mrml
def test_R_FLOW_1_a_case_folder_goes_through_self_check_review_and_approval(
    small_annotated_case: Any, tmp_path: Path, mrml_runtime: Any
) -> None:
    from CNSTumorAnnotationLib.selfcheck.case_check import run_selfcheck, write_selfcheck

    report = run_selfcheck(small_annotated_case, runtime=mrml_runtime)
    selfcheck_json = write_selfcheck(report, small_annotated_case.root)
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


@pytest.mark.mrml
def test_R_FMT_2_a_case_folder_file_changed_after_its_save_is_refused(
    small_annotated_case: Any, tmp_path: Path
) -> None:
    from _project_helpers import ANNOTATOR, case_in_progress, new_project

    seg = next(iter(small_annotated_case.annotations[-1].files.values()))
    seg.chmod(0o644)
    seg.write_bytes(seg.read_bytes() + b"\0")
    with new_project(tmp_path / "proj") as project:
        case_in_progress(project)
        with pytest.raises(InvalidInputError, match="R-FMT-2: .* no longer matches the checksum"):
            save_case_folder_version(project, "case-1", small_annotated_case.root, actor=ANNOTATOR)
    with Project.open(tmp_path / "proj") as project:
        assert project.conn.execute("SELECT COUNT(*) FROM annotation_versions").fetchone()[0] == 0
