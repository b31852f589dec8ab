"""Property-based fuzzing (hypothesis) of the DICOM header walk and of the image and label
import, on a fixed budget: derandomized (the same examples on every run), a bounded number of
examples per property, no deadline (CI machines vary), so the module stays well under 60 s.

Properties:
* ``fastscan.scan_header`` on any mutation of a real header returns a result or None (the
  caller then uses pydicom), never raises;
* ``index.read_file`` on any mutated file returns a FileResult: instances or a finding naming
  the file, never an exception;
* ``image_io.read_image`` on any mutation of a real ``.nii.gz`` returns the image unchanged or
  raises the project's error naming the file: never zero-filled voxels, never another error;
* ``case labels`` with any small label map either refuses it with one line naming the file or
  saves a version whose regions are exactly the map's values (no silent loss).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _robust_helpers import invoke, write_dicom_series
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from CNSTumorQCLib.dicom.fastscan import scan_header
from CNSTumorQCLib.dicom.header import read_header_bytes
from CNSTumorQCLib.dicom.index import read_file
from CNSTumorQCLib.dicom.reader import LAST_TAG, WANTED
from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.image_io import read_image
from CNSTumorQCLib.paths import sample_data_dir

BUDGET = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def _mutations(size: int) -> st.SearchStrategy[list[tuple[str, int, int]]]:
    """Lists of (kind, offset, byte): truncate, flip, insert or delete at an offset."""
    op = st.tuples(
        st.sampled_from(["truncate", "flip", "insert", "delete", "zero-run"]),
        st.integers(0, max(0, size - 1)),
        st.integers(0, 255),
    )
    return st.lists(op, min_size=1, max_size=4)


def _apply(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, offset, value in mutations:
        offset = min(offset, max(0, len(out) - 1))
        if kind == "truncate":
            del out[offset:]
        elif kind == "flip" and out:
            out[offset] ^= value or 0xFF
        elif kind == "insert":
            out[offset:offset] = bytes([value]) * (1 + value % 7)
        elif kind == "delete":
            del out[offset : offset + 1 + value % 9]
        elif kind == "zero-run":
            out[offset : offset + 4] = b"\xff\xff\xff\xff"  # undefined lengths, huge values
    return bytes(out)


@pytest.fixture(scope="module")
def dicom_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz_dicom")
    return write_dicom_series(folder, count=1)[0].read_bytes()


@pytest.fixture(scope="module")
def real_header(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> bytes:
    """The header bytes of a real Philips DTI file (classic, private sequences)."""
    source = shared_data / "dcm_qa_philips" / "In" / "Vanderbilt_2018" / "601_WIP_dti_ax"
    return read_header_bytes(str(next(source.glob("*.dcm")))).header


@pytest.mark.slow
@BUDGET
@given(data=st.data())
def test_the_header_walk_never_raises_on_a_mutated_header(
    real_header: bytes, data: st.DataObject
) -> None:
    mutated = _apply(real_header, data.draw(_mutations(len(real_header))))
    result = scan_header(mutated, WANTED, LAST_TAG)
    assert result is None or result.dataset is not None


@BUDGET
@given(data=st.data())
def test_reading_a_mutated_dicom_file_gives_instances_or_a_finding(
    dicom_file: bytes, data: st.DataObject
) -> None:
    mutated = _apply(dicom_file, data.draw(_mutations(len(dicom_file))))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "IM0001.dcm")
        Path(path).write_bytes(mutated)
        result = read_file(path)  # never raises (R-DATA-2: every broken file is a finding)
    assert result.instances or result.finding is not None
    if result.finding is not None:
        assert result.finding.files == (path,)


@pytest.fixture(scope="module")
def small_nifti(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, np.ndarray]:
    image = sitk.ReadImage(str(sample_data_dir() / "native" / "FLAIR.nii.gz"))
    cropped = sitk.RegionOfInterest(image, (16, 16, 4), (96, 120, 10))
    path = tmp_path_factory.mktemp("fuzz_nifti") / "small.nii.gz"
    sitk.WriteImage(cropped, str(path), True)
    return path.read_bytes(), sitk.GetArrayFromImage(cropped)


@BUDGET
@given(data=st.data())
def test_a_mutated_nifti_is_read_intact_or_refused_by_name(
    small_nifti: tuple[bytes, np.ndarray], data: st.DataObject
) -> None:
    original, voxels = small_nifti
    mutated = _apply(original, data.draw(_mutations(len(original))))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "volume.nii.gz"
        path.write_bytes(mutated)
        try:
            image = read_image(path, "volume")
        except CNSTumorError as error:
            assert error.path == path
            return
    # accepted: the gzip stream and the header were intact, so the voxels are too
    read = sitk.GetArrayFromImage(image)
    assert read.shape == voxels.shape and np.array_equal(read, voxels)


@pytest.fixture(scope="module")
def fuzz_case(robust_case_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("fuzz_case") / "P001"
    shutil.copytree(robust_case_template, copy)
    return copy


@pytest.mark.mrml
@settings(BUDGET, max_examples=12)
@given(
    values=st.lists(st.integers(-2, 9), min_size=1, max_size=3),
    corner=st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 5)),
    dtype=st.sampled_from([np.int16, np.uint8, np.float32]),
)
def test_a_label_map_is_imported_exactly_or_refused_with_one_line(
    fuzz_case: Path,
    capsys: pytest.CaptureFixture[str],
    values: list[int],
    corner: tuple[int, int, int],
    dtype: type,
) -> None:
    flair = sitk.ReadImage(str(next((fuzz_case / "volumes").glob("*_FLAIR_image.nii.gz"))))
    array = np.zeros(sitk.GetArrayViewFromImage(flair).shape, dtype)
    x, y, z = corner
    for index, value in enumerate(values):
        if dtype is np.uint8 and value < 0:
            value = 0
        array[z : z + 1, y + index : y + index + 4, x : x + 6] = value
    label = sitk.GetImageFromArray(array)
    label.CopyInformation(flair)
    versions_before = sorted((fuzz_case / "annotations").iterdir())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "labels.nii.gz"
        sitk.WriteImage(label, str(path))
        outcome = invoke(["case", "labels", str(fuzz_case), str(path)], capsys)
        known = {1, 2, 4}  # BraTS 2021 labels
        present = {int(v) for v in np.unique(array)} - {0}
        if present and present <= known:
            assert outcome.status == 0, outcome.err
            assert len(sorted((fuzz_case / "annotations").iterdir())) == len(versions_before) + 1
        else:
            assert outcome.status == 2, outcome.err
            lines = outcome.error_lines()
            assert len(lines) == 1 and str(path) in lines[0]
            assert "Traceback" not in outcome.err
            assert sorted((fuzz_case / "annotations").iterdir()) == versions_before
