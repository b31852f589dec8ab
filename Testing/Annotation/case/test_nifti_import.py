"""``cnstumor case import``: NIfTI volumes or a QC-checked DICOM study -> case folder (R-FMT-3, R-ANN-8)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _case_helpers import CASE_SEQUENCES, PATIENT, confirm_as_suggested, native_volumes

from CNSTumorAnnotationLib.case.dicom_import import import_case_from_dicom
from CNSTumorAnnotationLib.case.folder import load_case, reference_image
from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence


def test_cli_import_names_volumes_by_patient_and_sequence_and_keeps_them_byte_identical(
    sample_case: Path, tmp_path: Path, capsys
) -> None:
    volumes = native_volumes(sample_case)
    args = [
        "case",
        "import",
        str(tmp_path / "case"),
        "--patient",
        "TCGA FG 6692",
        "--family",
        "intra_axial",
    ]
    for sequence, path in volumes.items():
        args += [f"--{sequence.value.lower()}", str(path)]
    assert main([*args, "--no-registration"]) == 0
    case = load_case(tmp_path / "case")
    assert case.patient_id == PATIENT and case.schema.family.value == "intra_axial"
    for sequence, source in volumes.items():
        target = case.volumes[sequence]
        assert target.name == f"{PATIENT}_{sequence.value}_image.nii.gz"
        assert target.read_bytes() == source.read_bytes()  # original geometry kept (R-ANN-8)
    record = json.loads(case.case_file.read_text())
    assert record["schema_version"] == case.schema.version
    assert record["provenance"]["operation"] == "case import"
    assert "written to" in capsys.readouterr().out


def test_a_missing_reference_sequence_is_refused_naming_the_option(
    sample_case: Path, tmp_path: Path
) -> None:
    volumes = native_volumes(sample_case)
    del volumes[MRSequence.T2]
    with pytest.raises(InvalidInputError, match="--t2"):
        import_case_from_nifti(volumes, tmp_path / "case", PATIENT, "meningeal", register=False)


def test_the_cli_reports_a_bad_volume_cleanly_without_a_traceback(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "flair.nii.gz"
    bad.write_bytes(b"not an image")
    status = main(
        ["case", "import", str(tmp_path / "c"), "--patient", "P1", "--family", "meningeal"]
        + ["--flair", str(bad), "--t2", str(bad), "--t1c", str(bad)]
    )
    err = capsys.readouterr().err
    assert status == 2 and "flair.nii.gz" in err and "Traceback" not in err


def test_an_existing_case_is_never_overwritten(small_annotated_case, sample_case: Path) -> None:
    with pytest.raises(InvalidInputError, match="already exists"):
        import_case_from_nifti(
            native_volumes(sample_case), small_annotated_case.root, PATIENT, register=False
        )


@pytest.fixture(scope="module")
def qc_checked_dicom_study(
    sample_case: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The bundled case written as a DICOM study (a fixture, see demo.fixture_study) and its real QC report."""
    from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study
    from CNSTumorQCLib.qc import run_qc

    root = tmp_path_factory.mktemp("dicom_study")
    write_case_as_dicom_study(
        native_volumes(sample_case), root / "dicom", uid_seed="case-import-test"
    )
    run_qc(root / "dicom", root / "qc")
    return root / "qc" / "qc_report.json", root / "dicom"


@pytest.fixture(scope="module")
def confirmed_qc_report(
    qc_checked_dicom_study, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The same QC report after a radiologist confirmed the case series (R-QC-2)."""
    report_path, dicom = qc_checked_dicom_study
    copy = tmp_path_factory.mktemp("confirmed") / "qc"
    shutil.copytree(report_path.parent, copy)
    return confirm_as_suggested(copy), dicom


@pytest.mark.slow
def test_a_qc_checked_dicom_study_becomes_a_case_with_its_series_uids_and_geometry(
    confirmed_qc_report, sample_case: Path, tmp_path: Path
) -> None:
    report_path, dicom = confirmed_qc_report
    report = json.loads(report_path.read_text())
    case = import_case_from_dicom(
        report_path, dicom, tmp_path / "case", "intra_axial", register=False
    )
    uids = {e["sequence"]: e["series_instance_uid"] for e in report["series"]}
    for sequence in CASE_SEQUENCES:
        assert case.series_uids[sequence] == uids[sequence.value]
        recorded = case.metadata["sequences"][sequence.value]
        assert recorded["qc_grade"] in (2, 3)
        assert recorded["qc_confirmation"]["reviewer"] == "Dr Wang"
        assert len(case.metadata["sequences"][sequence.value]["dicom_files"]) == 26
        native = sitk.ReadImage(str(native_volumes(sample_case)[sequence]))
        image = reference_image(case, sequence)
        centre = [(n - 1) / 2 for n in native.GetSize()]
        # same physical place for the same voxel content (slice order may be reversed by DICOM)
        assert np.allclose(
            native.TransformContinuousIndexToPhysicalPoint(centre),
            image.TransformContinuousIndexToPhysicalPoint(centre),
            atol=0.6 * native.GetSpacing()[2],
        )
        assert image.GetSize() == native.GetSize()
        # and the same pixels in the same physical place
        moved = sitk.Resample(image, native, sitk.Transform(), sitk.sitkNearestNeighbor, 0)
        a = sitk.GetArrayFromImage(moved).astype(float).ravel()
        b = sitk.GetArrayFromImage(native).astype(float).ravel()
        assert np.corrcoef(a, b)[0, 1] > 0.99, sequence


@pytest.mark.slow
def test_only_confirmed_grades_are_imported_and_the_message_names_the_series_R_QC_2(
    qc_checked_dicom_study, tmp_path: Path, capsys
) -> None:
    report_path, dicom = qc_checked_dicom_study
    report = json.loads(report_path.read_text())
    t1c = next(e for e in report["series"] if e["sequence"] == "T1C")
    assert all(e["confirmed_grade"] is None for e in report["series"])  # suggestions only

    status = main(["case", "import", str(tmp_path / "case"), "--qc-report", str(report_path),
                   "--dicom", str(dicom), "--family", "intra_axial", "--no-registration"])  # fmt: skip

    assert status == 2
    error = capsys.readouterr().err
    assert "R-QC-2" in error and "qc-confirm" in error and "Traceback" not in error
    assert (
        f"series {t1c['series_number']} T1C {t1c['series_instance_uid']} (sequence and grade)"
        in error
    )
    for sequence in ("T1", "T2", "FLAIR"):
        assert f" {sequence} " in error
    assert not (tmp_path / "case").exists()


@pytest.mark.slow
def test_a_series_excluded_by_its_confirmed_grade_is_refused_R_QC_2(
    confirmed_qc_report, tmp_path: Path
) -> None:
    report_path, dicom = confirmed_qc_report
    report = json.loads(report_path.read_text())
    for entry in report["series"]:
        if entry["sequence"] == "FLAIR":
            entry["excluded"] = True
            entry["confirmed_grade"] = 1
    edited = tmp_path / "qc_report.json"
    edited.write_text(json.dumps(report))
    with pytest.raises(InvalidInputError, match="R-QC-2"):
        import_case_from_dicom(edited, dicom, tmp_path / "case", "intra_axial", register=False)


def test_an_out_of_scope_diagnosis_and_site_is_refused_before_anything_is_written_R_SCOPE_2(
    sample_case: Path, tmp_path: Path, capsys
) -> None:
    volumes = native_volumes(sample_case)
    args = ["case", "import", str(tmp_path / "case"), "--patient", "P1"]
    args += ["--diagnosis", "meningioma", "--site", "cerebellopontine angle"]
    for sequence, path in volumes.items():
        args += [f"--{sequence.value.lower()}", str(path)]
    assert main([*args, "--no-registration"]) == 2
    assert "R-SCOPE-2" in capsys.readouterr().err
    assert not (tmp_path / "case").exists()


def test_the_diagnosis_sets_the_family_R_SCOPE_1(sample_case: Path, tmp_path: Path) -> None:
    args = ["case", "import", str(tmp_path / "case"), "--patient", "P1", "--diagnosis", "PCNSL"]
    for sequence, path in native_volumes(sample_case).items():
        args += [f"--{sequence.value.lower()}", str(path)]
    assert main([*args, "--no-registration"]) == 0
    assert load_case(tmp_path / "case").family.value == "intra_axial"
    assert main([*args[:2], str(tmp_path / "other"), *args[3:], "--family", "meningeal"]) == 2


def import_args(sample_case: Path, out: Path, *options: str) -> list[str]:
    args = ["case", "import", str(out), "--patient", "P1", "--no-registration", *options]
    for sequence, path in native_volumes(sample_case).items():
        args += [f"--{sequence.value.lower()}", str(path)]
    return args


def test_another_intra_axial_tumor_is_accepted_with_a_recorded_note_R_SCOPE_1(
    sample_case: Path, tmp_path: Path, capsys
) -> None:
    options = ("--diagnosis", "ependymoma", "--family", "intra_axial")

    assert main(import_args(sample_case, tmp_path / "case", *options)) == 0

    assert "note: R-SCOPE-1: ependymoma is not named by the consensus" in capsys.readouterr().out
    record = json.loads((tmp_path / "case" / "case.json").read_text())
    scope = record["scope"]
    assert (scope["family"], scope["diagnosis"], scope["named_by_consensus"]) == (
        "intra_axial",
        "ependymoma",
        False,
    )
    assert "another tumor of that family" in scope["note"] and scope["version"]
    assert load_case(tmp_path / "case").family.value == "intra_axial"
    # without a family the software cannot tell where an unnamed diagnosis belongs
    assert main(import_args(sample_case, tmp_path / "other", "--diagnosis", "ependymoma")) == 2
    assert "R-SCOPE-1" in capsys.readouterr().err and not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    "options",
    [
        ("--family", "meningeal", "--site", "sellar"),
        ("--family", "intra_axial", "--site", "skull_crossing"),
        ("--diagnosis", "ependymoma", "--family", "intra_axial", "--site", "bone invading"),
        ("--family", "meningeal", "--site", "pineal"),
    ],
)
def test_the_R_SCOPE_2_sites_are_refused_whatever_option_was_given(
    sample_case: Path, tmp_path: Path, capsys, options: tuple[str, ...]
) -> None:
    assert main(import_args(sample_case, tmp_path / "case", *options)) == 2
    error = capsys.readouterr().err
    assert "R-SCOPE-2" in error and "Traceback" not in error
    assert not (tmp_path / "case").exists()


def test_an_unknown_site_is_an_error_not_a_skipped_check(
    sample_case: Path, tmp_path: Path, capsys
) -> None:
    options = ("--family", "meningeal", "--site", "selar")
    assert main(import_args(sample_case, tmp_path / "case", *options)) == 2
    assert "unknown site 'selar'" in capsys.readouterr().err


def test_a_site_given_with_the_family_is_checked_not_refused_outright_R_SCOPE_2(
    sample_case: Path, tmp_path: Path
) -> None:
    """R-SCOPE-2 names extra-axial pineal tumors: an intra-axial one is in scope."""
    options = ("--family", "intra_axial", "--site", "pineal")
    assert main(import_args(sample_case, tmp_path / "case", *options)) == 0
    scope = json.loads((tmp_path / "case" / "case.json").read_text())["scope"]
    assert (scope["family"], scope["site"], scope["diagnosis"]) == ("intra_axial", "pineal", None)


@pytest.mark.parametrize("name", ["Zhang San", "ZHANG^SAN", "张三", "Wang"])
def test_a_persons_name_given_as_patient_is_refused_R_DATA_1(
    name: str, sample_case: Path, tmp_path: Path, capsys
) -> None:
    args = ["case", "import", str(tmp_path / "case"), "--patient", name, "--family", "intra_axial"]
    args += ["--flair", str(native_volumes(sample_case)[MRSequence.FLAIR]), "--no-registration"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "R-DATA-1" in err and "person's name" in err
    assert not (tmp_path / "case").exists()


def test_a_name_the_pseudonym_key_maps_becomes_its_pseudonym(
    sample_case: Path, tmp_path: Path, capsys
) -> None:
    from CNSTumorQCLib.deid.keys import KeyStore
    from CNSTumorQCLib.deid.policy import DeidPolicy

    store = KeyStore("a-project-secret-of-enough-length", DeidPolicy())
    pseudonym = store.patient("identity-1", "HOSP-0042", "ZHANG^SAN").pseudonym
    key = tmp_path / "private" / "key.json"
    store.save(key, {})
    args = ["case", "import", str(tmp_path / "case"), "--patient", "Zhang San", "--key-file",
            str(key), "--family", "intra_axial", "--no-registration"]  # fmt: skip
    for sequence, path in native_volumes(sample_case).items():
        args += [f"--{sequence.value.lower()}", str(path)]
    assert main(args) == 0
    assert f"using its pseudonym {pseudonym}" in capsys.readouterr().out
    case = load_case(tmp_path / "case")
    assert case.patient_id == pseudonym
    assert not [p for p in (tmp_path / "case").rglob("*") if "zhang" in p.name.lower()]
