"""``make demo``'s main job runs the whole consensus workflow on the bundled case (R-FLOW-1)."""

from __future__ import annotations

import json

import nibabel as nib
import numpy as np
import pytest

from CNSTumorAnnotationLib.cli import app as cli

pytestmark = [pytest.mark.slow, pytest.mark.mrml]


@pytest.fixture(scope="module")
def a_demo_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "out"
    assert cli.main(["demo", "--out", str(out)]) == 0
    return out


def test_the_demo_walks_every_step_of_the_workflow(a_demo_output):
    summary = json.loads((a_demo_output / "summary.json").read_text())
    assert set(summary["timings_s"]) == {
        "scanner_study",
        "deidentification",
        "qc",
        "case_import",
        "reference_labels",
        "selfcheck",
        "review",
        "export",
        "agreement",
    }
    assert summary["provenance"]["software"] == "CNSTumor"


def test_the_pseudonym_key_is_kept_outside_the_deidentified_copy(a_demo_output):
    """R-DATA-1."""
    key = a_demo_output / "private" / "pseudonym_key.json"
    assert key.is_file()
    assert not list((a_demo_output / "02_deidentified").rglob("pseudonym_key.json"))
    before = a_demo_output / "private" / "qc_before_deidentification" / "qc_report.json"
    assert before.is_file(), "identification ran on the original headers, kept private"
    invented_name = json.loads(before.read_text())["series"][0]["patient_id"]
    for path in (a_demo_output / "02_deidentified").rglob("*"):
        if path.is_file():
            assert invented_name.encode() not in path.read_bytes(), path


def test_the_qc_report_names_the_missing_dwi_of_the_tcga_case(a_demo_output):
    """R-ACQ-4: the bundled case has no DWI/ADC, and QC says so."""
    report = json.loads((a_demo_output / "03_qc" / "qc_report.json").read_text())
    sequences = sorted(entry["sequence"] for entry in report["series"])
    assert sequences == ["FLAIR", "T1", "T1C", "T2"]
    rules = {f["rule"] for study in report["studies"] for f in study["findings"]}
    assert "R-ACQ-4" in rules
    assert (a_demo_output / "03_qc" / "qc_report.html").is_file()


def test_the_case_is_imported_from_grades_and_sequences_a_person_confirmed_R_QC_2(a_demo_output):
    report = json.loads((a_demo_output / "03_qc" / "qc_report.json").read_text())
    for entry in report["series"]:
        assert entry["confirmed_grade"] == entry["suggested_grade"]
        assert "mechanically" in entry["confirmation"]["reviewer"]
        assert entry["needs_confirmation"] is False
    t1c = next(e for e in report["series"] if e["sequence"] == "T1C")
    assert t1c["sequence_confirmation"]["identified_sequence"] == "T1C"
    case = json.loads(next((a_demo_output / "04_case").glob("*/case.json")).read_text())
    assert {s["qc_grade"] for s in case["sequences"].values()} <= {2, 3}


def test_the_reference_labels_are_recorded_as_machine_made(a_demo_output):
    summary = json.loads((a_demo_output / "summary.json").read_text())
    assert summary["annotation"]["machine_made"] is True
    assert "machine-made" in summary["annotation"]["annotator"]


def test_the_self_check_loop_ends_with_no_blocking_finding_and_a_new_version(a_demo_output):
    """R-ANN-9: a blocking finding is corrected in a new version, never by overwriting."""
    summary = json.loads((a_demo_output / "summary.json").read_text())
    assert summary["selfcheck"]["blocking"] is False
    versions = sorted((a_demo_output / "04_case").rglob("version.json"))
    if summary["selfcheck_first"]["blocking"]:
        assert len(versions) == 2
        second = json.loads(versions[1].read_text())
        assert second["parent"] == 1 and second["approved"] is True


def test_the_case_is_approved_and_the_project_log_verifies(a_demo_output):
    """R-PPL-3, R-FLOW-1."""
    summary = json.loads((a_demo_output / "summary.json").read_text())
    assert summary["review"]["state"] == "approved"
    assert (a_demo_output / "05_project" / "project.sqlite").is_file()


def test_the_exported_whole_tumour_lies_on_the_flair_hyperintensity(a_demo_output):
    """R-FMT-1: the exported NIfTI masks are on the native FLAIR and cover the tumour."""
    manifest_path = next((a_demo_output / "06_export").rglob("manifest.json"))
    manifest = json.loads(manifest_path.read_text())
    assert manifest["files"], "the manifest lists the exported files"
    flair = next((a_demo_output / "04_case").rglob("*_FLAIR_image.nii.gz"))
    mask_path = next(
        p for p in (a_demo_output / "06_export").rglob("*.nii.gz") if "FLAIR_whole" in p.name
    )
    image, mask = nib.load(flair), nib.load(mask_path)
    np.testing.assert_allclose(mask.affine, image.affine, atol=1e-3)
    inside = np.asarray(mask.dataobj) > 0
    intensities = np.asarray(image.dataobj, dtype=float)
    brain = intensities > np.percentile(intensities, 50)
    assert inside.sum() > 1000
    assert intensities[inside].mean() > 1.2 * intensities[brain & ~inside].mean()


def test_the_agreement_report_compares_the_five_algorithms(a_demo_output):
    data = json.loads((a_demo_output / "07_agreement" / "agreement.json").read_text())
    assert (a_demo_output / "07_agreement" / "agreement.html").is_file()
    text = json.dumps(data)
    for name in ("hnfnetv1-20", "isen-20", "sanet0-20", "scan-20", "yixinmpl-20"):
        assert name in text


def test_a_non_empty_folder_that_is_not_a_demo_output_is_refused(tmp_path, capsys):
    (tmp_path / "precious.txt").write_text("keep me")
    assert cli.main(["demo", "--out", str(tmp_path)]) == 2
    assert (tmp_path / "precious.txt").read_text() == "keep me"
    assert "not an earlier demo's output" in capsys.readouterr().err


def test_the_submitted_self_check_was_verified_against_the_saved_files_R_ANN_9_R_ANN_1(
    a_demo_output,
):
    from CNSTumorAnnotationLib.project.annotation_project import Project

    with Project.open(a_demo_output / "05_project") as project:
        checks = [e for e in project.audit_entries() if e.action == "self_check"]
        qc = [e for e in project.audit_entries() if e.action == "pass_qc"]
    evidence = checks[-1].details["evidence"]
    assert evidence["verified"] is True and evidence["checklist_open"] == []
    assert evidence["review_sequences"]["by"].startswith("demo annotator")
    assert set(qc[-1].details["grades"]) == {"FLAIR", "T1", "T1C", "T2"}
