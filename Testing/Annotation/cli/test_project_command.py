"""``cnstumor project ...`` end to end on a real project folder (issue 5 parts 1-5)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import SimpleITK as sitk
from _project_helpers import brats_phantom

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.cli.project import parse_comment
from CNSTumorAnnotationLib.project.status import approved_versions
from CNSTumorQCLib.findings import Finding, Severity


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["project", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def calibration_batch(directory: Path) -> Path:
    """Two teams' NIfTI label maps of three phantom cases, in excellent agreement."""
    cases = []
    for index, radius in enumerate((8.0, 12.0, 16.0), start=1):
        labels = {}
        for team in ("A", "B"):
            path = directory / f"cal-{index}_{team}.nii.gz"
            sitk.WriteImage(brats_phantom(radius), str(path))
            labels[team] = path.name
        cases.append({"case": f"cal-{index}", "labels": labels, "grades": {"A": 3, "B": 3}})
    batch = directory / "batch.json"
    batch.write_text(json.dumps({"teams": {"A": ["dr_li"], "B": ["dr_he"]}, "cases": cases}))
    return batch


def selfcheck_json(directory: Path, *findings: Finding) -> Path:
    path = directory / "selfcheck.json"
    path.write_text(json.dumps({"findings": [f.to_dict() for f in findings]}))
    return path


def test_a_review_comment_reads_region_slice_and_text() -> None:
    comment = parse_comment("enhancing@72: rim too thick")
    assert (comment.region, comment.slice_index, comment.text) == ("enhancing", 72, "rim too thick")
    assert parse_comment("whole_tumor: edema missed").slice_index is None
    assert parse_comment("looks fine overall").region is None


def password_files(directory: Path) -> dict[str, Path]:
    """One password file per person of the walk-through (first line: the password)."""
    files = {}
    for person in ("admin", "dr_li", "dr_he", "dr_wang"):
        files[person] = directory / f"{person}.pw"
        files[person].write_text(f"{person}-pass-phrase\n")
    return files


def test_the_project_commands_take_a_case_from_registration_to_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proj = tmp_path / "proj"
    pw = password_files(tmp_path)

    def signed(person: str) -> list[str | Path]:
        return ["--actor", person, "--password-file", pw[person]]

    init = ["--admin-name", "Admin", "--licence", "S-1", "--password-file", pw["admin"]]
    assert run(capsys, "init", proj, *init)[0] == 0
    for person_id, name, role, years, title in (
        ("dr_li", "Dr Li", "annotator", "6", "主治医师"),
        ("dr_he", "Dr He", "annotator", "9", "attending"),
        ("dr_wang", "Dr Wang", "reviewer", "15", "副主任医师"),
    ):
        person = ["--id", person_id, "--name", name, "--role", role, "--years", years]
        person += ["--title", title, "--licence", f"MD-{person_id}"]
        person += ["--new-password-file", pw[person_id]]
        assert run(capsys, "person", "add", proj, *person, *signed("admin"))[0] == 0
    unqualified = ["--id", "dr_x", "--name", "Dr X", "--role", "reviewer", "--years", "7"]
    unqualified += ["--title", "chief", "--licence", "MD-X"]
    status, _, err = run(capsys, "person", "add", proj, *unqualified, *signed("admin"))
    assert status == 2 and "R-PPL-1: reviewer needs >= 10 years of experience; Dr X has 7" in err
    dataset = ["--id", "ds", "--ethics-ref", "IRB-9", "--ethics-date", "2026-02-01"]
    assert run(capsys, "dataset", "add", proj, *dataset, "--deidentified", *signed("admin"))[0] == 0
    case = ["--case", "c1", "--dataset", "ds", "--patient", "P1"]
    assert run(capsys, "case", "register", proj, *case, *signed("admin"))[0] == 0
    step = ["case", "step", proj, "--case", "c1", "--action"]
    assert run(capsys, *step, "deidentify", *signed("admin"))[0] == 0
    status, _, err = run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))
    assert status == 2 and "only the assignee" in err
    status, _, err = run(
        capsys, *step, "pass_qc", "--actor", "ghost", "--password-file", pw["admin"]
    )
    assert status == 2 and "unknown person or wrong password for 'ghost'" in err
    assert run(capsys, *step, "pass_qc", "--grade", "3", *signed("admin"))[0] == 0

    assign = ["assign", proj, "--case", "c1", "--to", "dr_li", *signed("admin")]
    status, _, err = run(capsys, *assign)
    assert status == 2 and "R-PPL-4: Dr Li is not certified" in err
    batch = calibration_batch(tmp_path)
    status, out, _ = run(capsys, "agreement", proj, "--batch", batch, "--certify", *signed("admin"))
    assert status == 0 and out.startswith("certified (R-PPL-4)")
    assert run(capsys, *assign)[0] == 0
    assert run(capsys, *step, "start", *signed("dr_li"))[0] == 0

    label = tmp_path / "P1_FLAIR_annotation.nii.gz"
    sitk.WriteImage(brats_phantom(10.0), str(label))
    save = ["save", proj, "--case", "c1", *signed("dr_li"), "--schema-version", "s1"]
    assert run(capsys, *save, "--file", label)[0] == 0
    blocking = selfcheck_json(
        tmp_path, Finding("R-ANN-4", Severity.ERROR, "enhancing region empty")
    )
    check = ["selfcheck", proj, "--case", "c1", *signed("dr_li"), "--findings"]
    assert run(capsys, *check, blocking)[0] == 1
    clean = selfcheck_json(tmp_path, Finding("R-ANN-9", Severity.INFO, "ok"))
    assert run(capsys, *check, clean)[0] == 0
    assert run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))[0] == 0
    review = ["review", proj, "--case", "c1", *signed("dr_wang")]
    status, out, _ = run(capsys, *review, "--return", "--comment", "enhancing@12: rim too thick")
    assert status == 0 and "returned" in out
    assert run(capsys, *step, "revise", *signed("dr_li"))[0] == 0
    assert run(capsys, *save, "--file", label)[0] == 0
    assert run(capsys, *check, clean)[0] == 0
    assert run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))[0] == 0
    assert run(capsys, *review, "--approve")[0] == 0

    html_path = tmp_path / "status.html"
    status, out, _ = run(capsys, "status", proj, "--html", html_path)
    assert status == 0 and "approved 1" in out
    page = html_path.read_text()
    assert "<svg" in page and "rim too thick" in page and "hash chain verified" in page
    assert [a.version.number for a in approved_versions(proj)] == [2]
    status, out, _ = run(capsys, "verify", proj)
    assert status == 0 and "hash chain verified" in out

    conn = sqlite3.connect(proj / "project.sqlite")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'forged' WHERE seq = 9")
    conn.commit()
    conn.close()
    status, out, _ = run(capsys, "verify", proj)
    assert status == 1 and "audit log broken at entry 9" in out


def test_project_commands_on_a_folder_without_a_project_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "status", tmp_path)
    assert status == 2 and "no annotation project database here" in err and "Traceback" not in err
    assert not (tmp_path / "project.sqlite").exists()
