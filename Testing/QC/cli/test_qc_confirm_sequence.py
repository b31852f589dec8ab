"""``cnstumor qc-confirm ... --sequence``: a radiologist confirms or corrects an identification.

The study is real: the bundled TCGA case written as DICOM (T1, T1C, T2, FLAIR; its T1C is
identified from headers that cannot prove contrast, so a person must confirm it) plus the real
Siemens XA30 scanner ADC map, relabelled into the same patient and study. The study stays NOT_FIT
for one reason alone, on purpose: R-ACQ-4 needs the DWI beside its ADC map, and no real DWI in
the shared data has b = 800 or 1000; every other reason (the T1C's sequence, the grades) goes once
a radiologist confirms.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pydicom
import pytest
from _dicom_cases import XA30

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.qc import run_qc


@pytest.fixture(scope="module")
def five_sequence_study(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    study = tmp_path_factory.mktemp("tcga_with_adc")
    write_sample_case_study(study)
    first = pydicom.dcmread(next(study.rglob("*.dcm")), stop_before_pixels=True)
    adc_dir = study / "11_scanner_ADC"
    adc_dir.mkdir()
    for source in sorted((shared_data / XA30 / "11_DWI_dir80_PA").glob("*.dcm")):
        dataset = pydicom.dcmread(source)
        dataset.PatientID, dataset.PatientName = first.PatientID, first.PatientName
        dataset.StudyInstanceUID = first.StudyInstanceUID
        dataset.save_as(adc_dir / source.name)
    return study


@pytest.fixture(scope="module")
def qc_template(five_sequence_study: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qc")
    run_qc(five_sequence_study, out, thumbnails=False, workers=1)
    return out


@pytest.fixture
def qc_dir(qc_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "qc"
    shutil.copytree(qc_template, copy)
    return copy


def read(qc_dir: Path) -> dict:
    return json.loads((qc_dir / "qc_report.json").read_text(encoding="utf-8"))


def _not_diffusion(reason: str) -> bool:
    return "DWI" not in reason and "ADC" not in reason and "R-ACQ-4" not in reason


def series_of(report: dict, sequence: str) -> dict:
    (entry,) = [s for s in report["series"] if s["sequence"] == sequence]
    return entry


@pytest.mark.slow
def test_confirming_the_t1c_and_the_grades_leaves_only_the_diffusion_reason_R_QC_2_R_ACQ_5(qc_dir):
    before = read(qc_dir)
    (study,) = before["studies"]
    t1c = series_of(before, "T1C")
    assert study["verdict"] == "NOT_FIT" and t1c["needs_confirmation"] is True
    assert study["reasons"] and not [r for r in study["reasons"] if _not_diffusion(r)]
    assert any(f["rule"] == "R-ACQ-5" and f["severity"] == "warning" for f in t1c["findings"])

    assert main(["qc-confirm", str(qc_dir), t1c["series_instance_uid"], "--sequence", "T1C",
                 "--reviewer", "Dr Wang"]) == 0  # fmt: skip

    confirmed = series_of(read(qc_dir), "T1C")
    assert confirmed["needs_confirmation"] is False
    record = confirmed["sequence_confirmation"]
    assert record["reviewer"] == "Dr Wang" and record["confirmed_utc"]
    assert (record["identified_sequence"], record["corrected"]) == ("T1C", False)
    assert not [f for f in confirmed["findings"] if f["rule"] == "R-ACQ-5"]
    assert [e for e in read(qc_dir)["series"] if e.get("confirmed_grade") is None]  # grades open

    for entry in read(qc_dir)["series"]:
        if entry["sequence"] in ("T1", "T1C", "T2", "FLAIR", "ADC"):
            grade = str(entry["suggested_grade"])
            assert main(["qc-confirm", str(qc_dir), entry["series_instance_uid"], grade,
                         "--reviewer", "Dr Wang"]) == 0  # fmt: skip

    final = read(qc_dir)
    reasons = final["studies"][0]["reasons"]
    assert reasons and not [r for r in reasons if _not_diffusion(r)], reasons
    assert series_of(final, "T1C")["sequence_confirmation"]["reviewer"] == "Dr Wang"
    assert "confirmed by Dr Wang" in (qc_dir / "qc_report.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_corrected_sequence_is_checked_against_the_rules_of_the_new_sequence(qc_dir):
    adc = series_of(read(qc_dir), "ADC")

    assert main(["qc-confirm", str(qc_dir), adc["series_instance_uid"], "--sequence", "dwi",
                 "--reviewer", "Dr Wang", "--reason", "a trace image, not the ADC map"]) == 0  # fmt: skip

    corrected = next(
        s for s in read(qc_dir)["series"] if s["series_instance_uid"] == adc["series_instance_uid"]
    )
    assert corrected["sequence"] == "DWI"
    record = corrected["sequence_confirmation"]
    assert (record["identified_sequence"], record["corrected"]) == ("ADC", True)
    # the scanner's ADC map carries no diffusion weighting: as a DWI it fails R-ACQ-4
    assert any(f["rule"] == "R-ACQ-4" and f["severity"] == "error" for f in corrected["findings"])


@pytest.mark.slow
def test_qc_confirm_needs_a_grade_or_a_sequence_and_a_known_sequence(qc_dir, capsys):
    uid = series_of(read(qc_dir), "T1C")["series_instance_uid"]

    assert main(["qc-confirm", str(qc_dir), uid, "--reviewer", "Dr Wang"]) == 2
    assert "needs a GRADE, a --sequence, or both" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["qc-confirm", str(qc_dir), uid, "--sequence", "PD", "--reviewer", "Dr Wang"])
    assert series_of(read(qc_dir), "T1C")["needs_confirmation"] is True  # nothing was written
