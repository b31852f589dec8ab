"""``qc`` and ``deid`` say what they were given when it is not DICOM, and fail.

A new user's first mistakes: QC on a folder of NIfTI volumes (an empty report, exit 0), deid on a
NIfTI folder or a single file (a pseudonym key for nobody, exit 0; "folder does not exist" for a
file that exists), and QC on a de-identified copy listing the project's own deid_report.json as
"not a DICOM file". The terminal and the HTML report now say the same thing.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.deid.folder import REPORT_NAME
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.dicom.file_kinds import OWN_FILES
from CNSTumorQCLib.report.qc_report import load_report

sys.path.insert(0, str(Path(__file__).parents[2] / "Reports"))
from _browser import headless_chromium, open_report  # noqa: E402


@pytest.fixture
def a_nifti_folder(sample_case: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "nifti"
    folder.mkdir()
    shutil.copyfile(sample_case / "native" / "FLAIR.nii.gz", folder / "FLAIR.nii.gz")
    return folder


def _error_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "error:" in line]


@pytest.mark.slow
def test_qc_on_a_nifti_folder_exits_2_with_the_error_the_html_shows(
    a_nifti_folder: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "qc"
    assert main(["qc", str(a_nifti_folder), "--out", str(out)]) == 2
    (line,) = _error_lines(capsys)
    message = (
        "the folder contains no readable MR DICOM images (1 file: 1 NIfTI volume (FLAIR.nii.gz))"
    )
    assert line == f"cnstumor qc: error: {a_nifti_folder}: {message}"
    with headless_chromium(tmp_path / "profile") as browser:
        page_text = open_report(browser, out / "qc_report.html").text()
    assert message in page_text


def test_deid_on_a_nifti_folder_says_what_it_got_and_writes_no_key(
    a_nifti_folder: Path, tmp_path: Path, capsys
) -> None:
    key, out = tmp_path / "private" / "key.json", tmp_path / "deid"
    assert main(["deid", str(a_nifti_folder), str(out), "--key-file", str(key)]) == 2
    (line,) = _error_lines(capsys)
    assert "no DICOM file in the folder (1 file: 1 NIfTI volume (FLAIR.nii.gz))" in line
    assert str(a_nifti_folder) in line
    assert not key.exists() and not out.exists()


def test_deid_on_a_file_says_it_is_a_file_and_what_kind(
    a_nifti_folder: Path, tmp_path: Path, capsys
) -> None:
    key, out = tmp_path / "private" / "key.json", tmp_path / "deid"
    volume = a_nifti_folder / "FLAIR.nii.gz"
    assert main(["deid", str(volume), str(out), "--key-file", str(key)]) == 2
    (line,) = _error_lines(capsys)
    assert "expected a folder of DICOM files, got a file (NIfTI volume)" in line
    assert "does not exist" not in line
    assert not key.exists() and not out.exists()


@pytest.mark.slow
def test_qc_of_a_deidentified_copy_does_not_report_its_deid_report_as_not_dicom(
    tmp_path: Path, capsys
) -> None:
    assert REPORT_NAME in OWN_FILES
    write_sample_case_study(tmp_path / "scanner")
    (tmp_path / "scanner" / "FIXTURE.md").unlink()  # the study as a scanner exports it
    deid, key = tmp_path / "deid", tmp_path / "private" / "key.json"
    assert main(["deid", str(tmp_path / "scanner"), str(deid), "--key-file", str(key)]) == 0
    assert (deid / REPORT_NAME).is_file()
    assert main(["qc", str(deid), "--out", str(tmp_path / "qc"), "--no-grade"]) == 0
    report = load_report(tmp_path / "qc" / "qc_report.json")
    assert report.files_seen == report.files_indexed == 104
    assert not [f for f in report.input_findings if REPORT_NAME in " ".join(f.files)]
    assert "104 of 104 files indexed" in capsys.readouterr().err
