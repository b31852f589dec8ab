"""R-DATA-3: each series' acquisition parameters recorded in qc_report.json, .csv and .html.

Checked against an independent reader: dcm2niix's BIDS sidecar of the same real series
(``dcm_qa_xa30/Ref/*.json``, seconds there, milliseconds here), and the Philips header read with
pydicom.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pydicom
import pytest
from _dicom_cases import PHILIPS_DTI, XA30

from CNSTumorQCLib.acquisition.parameters import PARAMETER_KEYS
from CNSTumorQCLib.qc import run_qc


@pytest.fixture(scope="module")
def qc_out(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    study = tmp_path_factory.mktemp("study")
    shutil.copytree(shared_data / XA30 / "5_anat-T1w_acq-tfl", study / "t1")
    shutil.copytree(shared_data / PHILIPS_DTI, study / "dti")
    out = tmp_path_factory.mktemp("qc")
    run_qc(study, out, workers=1, grade=False)
    return out


def _entries(qc_out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    report = json.loads((qc_out / "qc_report.json").read_text())
    return {e["series_description"]: e for e in report["series"]}


@pytest.mark.slow
def test_the_json_records_the_parameters_dcm2niix_reads(qc_out: Path, shared_data: Path) -> None:
    params = _entries(qc_out)["anat-T1w_acq-tfl"]["acquisition_parameters"]
    sidecar = json.loads((shared_data / "dcm_qa_xa30/Ref/5_anat-T1w_acq-tfl.json").read_text())
    assert set(PARAMETER_KEYS) <= set(params)
    assert params["field_strength_t"] == sidecar["MagneticFieldStrength"]
    assert params["manufacturer"].lower().startswith(sidecar["Manufacturer"].lower())
    assert params["model"] == sidecar["ManufacturersModelName"]
    assert params["repetition_time_ms"] == pytest.approx(1000 * sidecar["RepetitionTime"])
    assert params["echo_time_ms"] == pytest.approx(1000 * sidecar["EchoTime"])
    assert params["inversion_time_ms"] == pytest.approx(1000 * sidecar["InversionTime"])
    assert params["flip_angle_deg"] == pytest.approx(sidecar["FlipAngle"])
    assert params["slice_thickness_mm"] == pytest.approx(sidecar["SliceThickness"])
    assert params["mr_acquisition_type"] == sidecar["MRAcquisitionType"]
    assert params["acquisition_datetime"].startswith("2022-07-11T12:0")


def test_the_json_records_the_philips_epi_parameters(qc_out: Path, shared_data: Path) -> None:
    params = _entries(qc_out)["dti_ax"]["acquisition_parameters"]
    header = pydicom.dcmread(next((shared_data / PHILIPS_DTI).iterdir()), stop_before_pixels=True)
    assert params["model"] == header.ManufacturerModelName == "Achieva dStream"
    assert params["repetition_time_ms"] == pytest.approx(float(header.RepetitionTime))
    assert params["matrix"] == [header.Rows, header.Columns]
    assert params["pixel_spacing_mm"] == [float(v) for v in header.PixelSpacing]
    assert params["acquisition_matrix"] == [int(v) for v in header.AcquisitionMatrix]
    assert params["phase_encoding_direction"] == "COL" and params["epi_factor"] == 31


def test_the_csv_has_a_column_per_parameter(qc_out: Path) -> None:
    with (qc_out / "qc_report.csv").open(newline="") as handle:
        rows = {r["series_description"]: r for r in csv.DictReader(handle)}
    row = rows["anat-T1w_acq-tfl"]
    assert row["field_strength_t"] == "3" and row["model"] == "MAGNETOM Prisma Fit"
    assert row["repetition_time_ms"] == "1800" and row["flip_angle_deg"] == "9"
    assert rows["dti_ax"]["matrix"] == "80 x 80"


def test_the_html_shows_the_parameters_of_each_series(qc_out: Path) -> None:
    html = (qc_out / "qc_report.html").read_text()
    assert html.count("Acquisition (R-DATA-3)") == 2
    assert "MAGNETOM Prisma Fit" in html and "TR 1800 / TE 2.41 / TI 900 ms" in html
