"""The pydicom 2/3 compatibility layer: both write paths produce a conformant Part 10 file.

3D Slicer 5.10 ships pydicom 2.4.4 (``write_like_original=False``); the command line runs on
pydicom 3 (``enforce_file_format=True``). Both branches are exercised on the installed pydicom
(pydicom 3.0 still accepts the pydicom 2 keyword, with a deprecation warning)."""

from __future__ import annotations

import warnings

import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, MRImageStorage, generate_uid

from CNSTumorQCLib.dicom import compat


def _dataset() -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = MRImageStorage
    ds.SOPInstanceUID = generate_uid()
    ds.PatientName = "Anon"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = MRImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    return ds


PYDICOM_3_ONLY = pytest.mark.skipif(
    int(pydicom.__version__.split(".")[0]) < 3, reason="pydicom 2 has no enforce_file_format"
)


@pytest.mark.parametrize("major", [2, pytest.param(3, marks=PYDICOM_3_ONLY)])
def test_both_branches_write_a_preamble_and_file_meta(tmp_path, monkeypatch, major):
    monkeypatch.setattr(compat, "PYDICOM_MAJOR", major)
    path = tmp_path / f"p{major}.dcm"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        compat.save_file_format(_dataset(), path)
    data = path.read_bytes()
    assert data[128:132] == b"DICM"
    assert pydicom.dcmread(path).PatientName == "Anon"


def test_get_expected_length_is_importable_on_this_pydicom():
    ds = _dataset()
    ds.Rows, ds.Columns, ds.BitsAllocated, ds.SamplesPerPixel = 4, 5, 16, 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    assert compat.get_expected_length(ds) == 40
