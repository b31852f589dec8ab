"""``cnstumor project ...`` end to end on a real project folder, with its database on SQLite
and on PostgreSQL, and the copy from one to the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import SimpleITK as sitk
from _case_helpers import confirmed_qc_report, wizard_version
from _project_helpers import (
    ADMIN,
    ANNOTATOR,
    REVIEWER,
    brats_phantom,
    case_submitted,
    drop_trigger,
    new_project,
    open_database,
)

from CNSTumorAnnotationLib.case.folder import region_masks, save_annotation_version
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.cli.project import parse_comment
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.status import approved_versions, project_status
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


@pytest.mark.mrml
@pytest.mark.slow
def test_the_project_commands_take_a_case_from_registration_to_approval(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    small_annotated_case,
    mrml_runtime,
    project_database: str | None,
) -> None:
    proj = tmp_path / "proj"
    pw = password_files(tmp_path)

    def signed(person: str) -> list[str | Path]:
        return ["--actor", person, "--password-file", pw[person]]

    init = ["--admin-name", "Admin", "--licence", "S-1", "--password-file", pw["admin"]]
    init += ["--db", project_database] if project_database else []
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
    case_args = ["--case", "c1", "--dataset", "ds", "--patient", "P1", "--no-dicom"]
    assert run(capsys, "case", "register", proj, *case_args, *signed("admin"))[0] == 0
    step = ["case", "step", proj, "--case", "c1", "--action"]
    assert run(capsys, *step, "deidentify", *signed("admin"))[0] == 0
    status, _, err = run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))
    assert status == 2 and "only the assignee" in err
    qc_report = confirmed_qc_report(tmp_path / "qc_study")
    status, _, err = run(
        capsys, *step, "pass_qc", "--qc-report", qc_report, "--actor", "ghost",
        "--password-file", pw["admin"],
    )  # fmt: skip
    assert status == 2 and "unknown person or wrong password for 'ghost'" in err
    assert run(capsys, *step, "pass_qc", "--qc-report", qc_report, *signed("admin"))[0] == 0

    assign = ["assign", proj, "--case", "c1", "--to", "dr_li", *signed("admin")]
    status, _, err = run(capsys, *assign)
    assert status == 2 and "R-PPL-4: Dr Li is not certified" in err
    batch = calibration_batch(tmp_path)
    status, out, _ = run(capsys, "agreement", proj, "--batch", batch, "--certify", *signed("admin"))
    assert status == 0 and out.startswith("certified (R-PPL-4)")
    assert run(capsys, *assign)[0] == 0
    assert run(capsys, *step, "start", *signed("dr_li"))[0] == 0

    # A real case folder: a version whose enhancing region was erased blocks (R-ANN-4) ...
    case, root = small_annotated_case, str(small_annotated_case.root)
    masks = region_masks(case, 1, runtime=mrml_runtime)
    erased = dict(masks, enhancing=sitk.Multiply(masks["enhancing"], 0))
    save_annotation_version(case, erased, "dr_li", runtime=mrml_runtime)
    save = ["save", proj, "--case", "c1", *signed("dr_li"), "--case-folder", root]
    assert run(capsys, *save)[0] == 0
    assert main(["selfcheck", root]) == 1  # writes the blocking selfcheck.json
    report = small_annotated_case.root / "selfcheck.json"
    check = ["selfcheck", proj, "--case", "c1", *signed("dr_li"), "--findings"]
    assert run(capsys, *check, report)[0] == 1
    hand_made = selfcheck_json(tmp_path, Finding("R-ANN-9", Severity.INFO, "ok"))
    status, _, err = run(capsys, *check, hand_made)
    assert status == 2 and "not a self-check report written by" in err  # evidence, not trust
    # ... the annotator redraws it in the wizard (R-ANN-1 review, checklist) and it passes.
    wizard_version(case, mrml_runtime, "dr_li")
    assert run(capsys, *save)[0] == 0
    assert run(capsys, *check, report)[0] == 0
    assert run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))[0] == 0
    review = ["review", proj, "--case", "c1", *signed("dr_wang")]
    status, out, _ = run(capsys, *review, "--return", "--comment", "enhancing@12: rim too thick")
    assert status == 0 and "returned" in out
    assert run(capsys, *step, "revise", *signed("dr_li"))[0] == 0
    wizard_version(case, mrml_runtime, "dr_li")
    assert run(capsys, *save)[0] == 0
    assert run(capsys, *check, report)[0] == 0
    assert run(capsys, "submit", proj, "--case", "c1", *signed("dr_li"))[0] == 0
    assert run(capsys, *review, "--approve")[0] == 0

    html_path = tmp_path / "status.html"
    status, out, _ = run(capsys, "status", proj, "--html", html_path)
    assert status == 0 and "approved 1" in out
    page = html_path.read_text()
    assert "<svg" in page and "rim too thick" in page and "hash chain verified" in page
    assert [a.version.number for a in approved_versions(proj)] == [3]
    status, out, _ = run(capsys, "verify", proj)
    assert status == 0 and "hash chain verified" in out

    conn = open_database(proj)
    drop_trigger(conn, "audit_log_no_update", "audit_log")
    conn.execute("UPDATE audit_log SET action = 'forged' WHERE seq = 9")
    conn.close()
    status, out, _ = run(capsys, "verify", proj)
    assert status == 1 and "audit log broken at entry 9" in out


def test_project_commands_on_a_folder_without_a_project_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "status", tmp_path)
    assert status == 2 and "no annotation project database here" in err and "Traceback" not in err
    assert not (tmp_path / "project.sqlite").exists()


@pytest.mark.slow
def test_pass_qc_records_the_qc_reports_verdict_and_confirmed_grades_never_a_typed_grade_R_QC_2(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _case_helpers import PATIENT

    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorQCLib.atomic import sha256_file
    from CNSTumorQCLib.qc import run_qc

    proj = tmp_path / "proj"
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")  # the administrator signs in
    assert run(capsys, "init", proj, "--admin-name", "Admin", "--licence", "S-1")[0] == 0
    assert run(capsys, "dataset", "add", proj, "--id", "ds", "--ethics-ref", "IRB-1",
               "--ethics-date", "2026-01-10", "--deidentified", "--actor", "admin")[0] == 0  # fmt: skip
    assert run(capsys, "case", "register", proj, "--case", "c1", "--dataset", "ds",
               "--patient", PATIENT, "--actor", "admin", "--no-dicom")[0] == 0  # fmt: skip
    step = ("case", "step", proj, "--case", "c1", "--actor", "admin", "--action")
    assert run(capsys, *step, "deidentify")[0] == 0

    with pytest.raises(SystemExit):  # no free grade at the project's door
        run(capsys, *step, "pass_qc", "--grade", "3")
    assert "unrecognized arguments: --grade" in capsys.readouterr().err
    status, _, err = run(capsys, *step, "pass_qc")
    assert status == 2 and "pass_qc needs --qc-report" in err
    unconfirmed = tmp_path / "unconfirmed"
    from CNSTumorQCLib.demo.fixture_study import write_sample_case_study

    write_sample_case_study(unconfirmed / "dicom")
    run_qc(unconfirmed / "dicom", unconfirmed / "qc", thumbnails=False, workers=1)
    status, _, err = run(
        capsys, *step, "pass_qc", "--qc-report", unconfirmed / "qc" / "qc_report.json"
    )
    assert status == 2 and "R-QC-2" in err and "qc-confirm" in err

    report = confirmed_qc_report(tmp_path / "confirmed", reviewer="Dr Zhou")
    assert run(capsys, *step, "pass_qc", "--qc-report", report)[0] == 0

    with Project.open(proj) as project:
        entry = [e for e in project.audit_entries("c1") if e.action == "pass_qc"][-1]
    details = entry.details
    assert details["qc_report_sha256"] == sha256_file(report)
    assert details["verdict"] == "NOT_FIT"  # recorded as the report says: the case has no DWI/ADC
    assert set(details["grades"]) == {"FLAIR", "T1", "T1C", "T2"}
    assert set(details["grades"].values()) <= {2, 3}
    assert set(details["confirmed_by"].values()) == {"Dr Zhou"}


@pytest.mark.slow
def test_registering_a_case_verifies_its_de_identification_not_declared_R_DATA_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled case as a scanner study (invented identity), de-identified with its key."""
    import shutil

    import pydicom

    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorQCLib.demo.dicom_study import prepare_demo_dicom

    demo = prepare_demo_dicom(tmp_path / "demo")
    proj = tmp_path / "proj"
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")  # the administrator signs in
    assert run(capsys, "init", proj, "--admin-name", "Admin", "--licence", "S-1")[0] == 0
    assert run(capsys, "dataset", "add", proj, "--id", "ds", "--ethics-ref", "IRB-1",
               "--ethics-date", "2026-01-10", "--deidentified", "--actor", "admin")[0] == 0  # fmt: skip
    register = ("case", "register", proj, "--actor", "admin", "--dataset", "ds", "--patient", "P1",
                "--case")  # fmt: skip

    with pytest.raises(SystemExit):  # argparse: verified (--dicom), or explicitly --no-dicom
        run(capsys, *register, "c0")
    assert "one of the arguments --dicom --no-dicom is required" in capsys.readouterr().err
    status, _, err = run(capsys, *register, "c1", "--dicom", demo.original_dir,
                         "--key-file", demo.key_file)  # fmt: skip
    assert status == 2 and "R-DATA-1: case c1 is not de-identified" in err
    assert "PatientIdentityRemoved" in err and "ZHANGSAN" not in err  # never repeats the leak

    leaky = tmp_path / "leaky"
    shutil.copytree(demo.deidentified_dir, leaky)
    planted = sorted(leaky.rglob("*.dcm"))[7]
    dataset = pydicom.dcmread(planted)
    dataset.ImageComments = "follow-up of Zhangsan"  # a name typed into a free-text field
    dataset.save_as(planted)
    status, _, err = run(capsys, *register, "c2", "--dicom", leaky, "--key-file", demo.key_file)
    assert status == 2 and str(planted.relative_to(leaky)) in err
    assert "original identity value(s) from the key in its header" in err

    status, _, _ = run(capsys, *register, "c3", "--dicom", demo.deidentified_dir,
                       "--key-file", demo.key_file)  # fmt: skip
    assert status == 0
    with Project.open(proj) as project:
        assert [c.id for c in project.cases()] == ["c3"]
        entry = [e for e in project.audit_entries("c3") if e.action == "case_imported"][0]
    verification = entry.details["deidentification"]
    assert verification["verified"] is True and verification["files_checked"] == 104
    assert verification["identities_searched"] >= 2


@pytest.mark.slow
def test_copy_moves_a_sqlite_project_onto_postgresql_keeping_ids_states_and_the_audit_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postgresql_project_database: str
) -> None:
    proj = tmp_path / "proj"
    with new_project(proj) as project:
        case_submitted(project, tmp_path)
        workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
        before = project_status(project)
        chain_before = [e.entry_hash for e in project.audit_entries()]
    status, out, err = run(capsys, "copy", proj, "--to", postgresql_project_database)
    assert status == 0, err
    assert "audit chain verified on the target" in out
    assert (proj / "project.database").read_text().strip() == postgresql_project_database
    assert not (proj / "project.sqlite").exists()
    assert (proj / "project.sqlite.moved-to-postgresql").is_file()
    with Project.open(proj) as project:
        assert project.conn.dialect == "postgresql"
        assert project_status(project) == before
        assert [e.entry_hash for e in project.audit_entries()] == chain_before
        # the copy goes on where SQLite stopped: new rows take new ids, the chain extends (R-FLOW-1)
        workflow.reopen(project, "case-1", actor=ADMIN, reason="edema boundary")
        saved = workflow.save_version(
            project,
            "case-1",
            [tmp_path / "incoming" / "P1_FLAIR_whole-tumor.nii.gz"],
            actor=ANNOTATOR,
            schema_version="glioma-1",
        )
        assert saved.number == 2 and saved.id == 2
    status, out, _ = run(capsys, "verify", proj)
    assert status == 0 and "hash chain verified" in out
    status, _, err = run(capsys, "copy", proj, "--to", postgresql_project_database)
    assert status == 2 and "already on PostgreSQL" in err


@pytest.mark.slow
def test_copy_refuses_a_postgresql_database_that_already_holds_a_project(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    postgresql_project_database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")
    init = ["--admin-name", "Admin", "--licence", "S-1", "--db", postgresql_project_database]
    assert run(capsys, "init", tmp_path / "pg", *init)[0] == 0
    new_project(tmp_path / "lite").close()
    status, _, err = run(capsys, "copy", tmp_path / "lite", "--to", postgresql_project_database)
    assert status == 2 and "already holds an annotation project" in err
    assert (tmp_path / "lite" / "project.sqlite").is_file()
    assert not (tmp_path / "lite" / "project.database").exists()
