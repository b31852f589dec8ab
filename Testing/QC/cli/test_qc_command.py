"""``cnstumor qc`` end to end on real Siemens XA30 files: JSON, CSV, HTML, --strict, confirmation."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from _dicom_cases import XA30

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.acquisition.rules import RULE_TABLE_VERSION
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.qc import build_report, run_qc

SERIES_FIELDS = {
    "patient_id",
    "study_instance_uid",
    "series_instance_uid",
    "sequence",
    "plane",
    "acquisition",
    "slice_thickness_mm",
    "slice_gap_mm",
    "b_values",
    "suggested_grade",
    "confirmed_grade",
    "findings",
}


@pytest.fixture(scope="module")
def small_study(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real study of three series: a 3D T1, the scanner's ADC and a b=2500 TRACEW (enhanced MF)."""
    folder = tmp_path_factory.mktemp("xa30_study")
    for name in ("5_anat-T1w_acq-tfl", "11_DWI_dir80_PA", "12_DWI_dir80_PA"):
        shutil.copytree(shared_data / XA30 / name, folder / name)
    (folder / "README.txt").write_text("not DICOM")
    return folder


@pytest.fixture(scope="module")
def qc_out(small_study: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("qc_out")
    status = main(["qc", str(small_study), "--out", str(out)])
    return out, status


@pytest.mark.slow
def test_cnstumor_qc_writes_a_json_entry_per_series_with_the_required_fields(
    qc_out: tuple[Path, int],
) -> None:
    out, status = qc_out
    assert status == 0  # not --strict
    report = json.loads((out / "qc_report.json").read_text())
    assert {s["sequence"] for s in report["series"]} == {"T1", "ADC", "DWI"}
    for entry in report["series"]:
        assert SERIES_FIELDS <= set(entry)
        for finding in entry["findings"]:
            assert {"rule", "severity", "message", "files"} <= set(finding)
    dwi = next(s for s in report["series"] if s["sequence"] == "DWI")
    assert dwi["b_values"] == [2500.0] and dwi["plane"] == "axial" and dwi["acquisition"] == "2D"
    assert any(f["rule"] == "R-ACQ-4" and f["severity"] == "error" for f in dwi["findings"])
    assert report["provenance"]["rule_tables"]["acquisition"] == RULE_TABLE_VERSION
    assert report["provenance"]["parameters"]["integrity"]["uneven_spacing_error_mm"] == 0.2
    (study,) = report["studies"]
    assert study["verdict"] == "NOT_FIT"
    assert {r["requirement"]: r["status"] for r in study["requirements"]}["T2"] == "missing"
    assert any("README.txt" in f["files"][0] for f in report["input_findings"])


@pytest.mark.slow
def test_the_csv_has_one_row_per_series(qc_out: tuple[Path, int]) -> None:
    out, _ = qc_out
    rows = list(csv.DictReader((out / "qc_report.csv").open()))
    assert len(rows) == 3 and {r["study_verdict"] for r in rows} == {"NOT_FIT"}
    assert next(r for r in rows if r["sequence"] == "DWI")["b_values"] == "2500"


@pytest.mark.slow
def test_the_html_is_self_contained_with_a_thumbnail_per_series(qc_out: tuple[Path, int]) -> None:
    html = (qc_out[0] / "qc_report.html").read_text()
    assert html.count("data:image/png;base64,") == 3
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "R-ACQ-4" in html and RULE_TABLE_VERSION in html and "NOT FIT" in html


def test_strict_mode_fails_a_study_that_is_not_fit(small_study: Path, tmp_path: Path) -> None:
    assert (
        main(
            [
                "qc",
                str(small_study),
                "--out",
                str(tmp_path),
                "--strict",
                "--no-grade",
                "--no-thumbnails",
            ]
        )
        == 1
    )


@pytest.mark.slow
def test_a_confirmed_grade_1_excludes_the_series_with_its_reason(
    qc_out: tuple[Path, int], tmp_path: Path
) -> None:
    out = tmp_path / "copy"
    shutil.copytree(qc_out[0], out)
    report = json.loads((out / "qc_report.json").read_text())
    t1 = next(s for s in report["series"] if s["sequence"] == "T1")
    assert t1["confirmed_grade"] is None
    uid = t1["series_instance_uid"]
    with pytest.raises(SystemExit):  # argparse: --reviewer is required
        main(["qc-confirm", str(out), uid, "1"])
    assert (
        main(["qc-confirm", str(out), uid, "1", "--reviewer", "Dr Li"]) == 2
    )  # grade 1 needs a reason
    assert (
        main(["qc-confirm", str(out), uid, "1", "--reviewer", "Dr Li", "--reason", "severe motion"])
        == 0
    )
    updated = next(
        s
        for s in json.loads((out / "qc_report.json").read_text())["series"]
        if s["series_instance_uid"] == uid
    )
    assert updated["confirmed_grade"] == 1 and updated["excluded"] is True
    assert (
        updated["exclusion_reason"] == "severe motion"
        and updated["confirmation"]["reviewer"] == "Dr Li"
    )
    assert "excluded (R-QC-2): severe motion" in (out / "qc_report.html").read_text()


def test_without_grading_the_report_says_grade_not_computed(small_study: Path) -> None:
    report = build_report(small_study, grade=False, thumbnails=False, workers=1)
    for entry in report.series:
        assert entry.suggested_grade is None
        assert any(
            f.rule == "R-QC-1" and f.message.startswith("grade not computed")
            for f in entry.findings
        )


def test_qc_never_writes_into_or_modifies_its_input(small_study: Path) -> None:
    before = {p: sha256_file(p) for p in small_study.rglob("*") if p.is_file()}
    with pytest.raises(InvalidInputError, match="must not be inside"):
        run_qc(small_study, small_study / "out")
    assert {p: sha256_file(p) for p in small_study.rglob("*") if p.is_file()} == before


@pytest.mark.slow
def test_qc_confirm_takes_the_series_number_or_description_and_says_what_it_recorded(
    qc_out: tuple[Path, int], tmp_path: Path, capsys
) -> None:
    """The report shows "Series 5 · T1 ..."; nobody should have to copy a 40-digit UID."""
    out = tmp_path / "copy"
    shutil.copytree(qc_out[0], out)
    series = json.loads((out / "qc_report.json").read_text())["series"]
    t1 = next(s for s in series if s["sequence"] == "T1")
    capsys.readouterr()
    assert (
        main(["qc-confirm", str(out), str(t1["series_number"]), "3", "--reviewer", "Dr Wang"]) == 0
    )
    said = capsys.readouterr().out.splitlines()[0]
    assert said == (
        f"grade 3 confirmed for {t1['series_description']} (series {t1['series_number']}, T1) "
        "by Dr Wang"
    )
    description = t1["series_description"].lower()
    assert main(["qc-confirm", str(out), description, "2", "--reviewer", "Dr Li"]) == 0
    assert "grade 2 confirmed" in capsys.readouterr().out
    confirmed = next(
        s for s in json.loads((out / "qc_report.json").read_text())["series"]
        if s["series_instance_uid"] == t1["series_instance_uid"]
    )  # fmt: skip
    assert confirmed["confirmed_grade"] == 2 and confirmed["confirmation"]["reviewer"] == "Dr Li"


@pytest.mark.slow
def test_qc_confirm_lists_the_valid_choices_when_the_series_is_not_found(
    qc_out: tuple[Path, int], tmp_path: Path, capsys
) -> None:
    out = tmp_path / "copy"
    shutil.copytree(qc_out[0], out)
    series = json.loads((out / "qc_report.json").read_text())["series"]
    before = (out / "qc_report.json").read_bytes()
    assert main(["qc-confirm", str(out), "99", "3", "--reviewer", "Dr Wang"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no series matches '99'" in err
    for entry in series:
        assert entry["series_instance_uid"] in err and entry["series_description"] in err
    assert (out / "qc_report.json").read_bytes() == before
