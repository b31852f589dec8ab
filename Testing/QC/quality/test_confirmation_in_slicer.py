"""What the QC module's series table records: the radiologist confirms a series' sequence and
grade with a reason (R-ACQ-7, R-QC-1, R-QC-2), on a study staged from a file list (as Slicer's
DICOM database gives it), with progress reported to the caller (the module's progress bar)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from CNSTumorQCLib.dicom.staging import stage_files
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.qc import run_qc
from CNSTumorQCLib.quality.confirmation import (
    record_grade_confirmation,
    record_sequence_confirmation,
)

T1_SERIES = Path("dcm_qa_xa30") / "In" / "5_anat-T1w_acq-tfl"


@pytest.fixture(scope="module")
def checked(shared_data: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("staged")
    files = sorted(p for p in (shared_data / T1_SERIES).rglob("*") if p.is_file())
    staged = stage_files(files, root / "study")
    calls: list[tuple[int, int, str]] = []
    report = run_qc(root / "study", root / "qc", callback=lambda *a: calls.append(a))
    return root, staged, files, report, calls


@pytest.mark.slow
def test_a_study_staged_from_a_file_list_is_checked_with_progress(checked):
    root, staged, files, report, calls = checked
    assert len(staged) == len(files)
    assert all(p.resolve() in {f.resolve() for f in files} or p.is_file() for p in staged)
    assert [s.sequence for s in report.series] == ["T1"]
    assert calls[0] == (0, 0, "indexing") and calls[-1] == (1, 1, "done")
    assert (0, 1) == calls[1][:2]


@pytest.mark.slow
def test_the_radiologist_confirms_sequence_then_grade_and_both_are_kept(checked):
    root, _staged, _files, report, _calls = checked
    uid = report.series[0].series_instance_uid
    with pytest.raises(InvalidInputError, match="from T1 to T1C needs a reason"):
        record_sequence_confirmation(root / "qc", uid, "T1C", "Dr Wang")
    with pytest.raises(InvalidInputError, match="unknown sequence 'T3'"):
        record_sequence_confirmation(root / "qc", uid, "T3", "Dr Wang", "x")
    updated = record_sequence_confirmation(root / "qc", uid, "t1", "Dr Wang")
    assert updated.series[0].sequence == "T1" and not updated.series[0].needs_confirmation
    updated = record_grade_confirmation(root / "qc", uid, 2, "Dr Wang", "mild motion")
    saved = json.loads((root / "qc" / "qc_report.json").read_text())["series"][0]
    assert saved["confirmed_grade"] == 2
    assert saved["confirmation"]["reason"] == "mild motion"
    assert saved["sequence_confirmation"]["reviewer"] == "Dr Wang"  # not overwritten
    assert saved["sequence_confirmation"]["identified_sequence"] == "T1"


def test_staging_refuses_missing_files_and_a_used_folder(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("x")
    with pytest.raises(InvalidInputError, match="new or empty"):
        stage_files([], tmp_path / "used")
    with pytest.raises(MissingInputError, match="missing"):
        stage_files([tmp_path / "nope.dcm"], tmp_path / "new")
    with pytest.raises(InvalidInputError, match="no files"):
        stage_files([], tmp_path / "empty")
