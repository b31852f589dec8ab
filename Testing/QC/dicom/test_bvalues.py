"""b-values from the standard tag and the vendors' private tags, on real headers (R-ACQ-4)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pydicom

from CNSTumorQCLib.dicom.bvalues import b_value_from_dataset, round_b_value


def _nibabel_siemens(shared_data: Path, name: str) -> pydicom.Dataset:
    return pydicom.dcmread(
        io.BytesIO(gzip.decompress((shared_data / "nibabel_dicom" / name).read_bytes())),
        stop_before_pixels=True,
    )


def test_the_siemens_private_b_value_is_read(shared_data: Path) -> None:
    assert b_value_from_dataset(_nibabel_siemens(shared_data, "siemens_dwi_1000.dcm.gz")) == (
        1000.0,
        "(0019,100C) Siemens B_value",
    )


def test_the_siemens_csa_header_answers_when_the_private_b_value_tag_is_gone(
    shared_data: Path,
) -> None:
    dataset = _nibabel_siemens(shared_data, "siemens_dwi_1000.dcm.gz")
    del dataset[0x0019100C]
    assert b_value_from_dataset(dataset) == (1000.0, "(0029,1010) Siemens CSA B_value")


def test_the_ge_private_b_value_drops_the_1e9_offset_of_older_software(shared_data: Path) -> None:
    path = next((shared_data / "dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2").iterdir())
    dataset = pydicom.dcmread(path, stop_before_pixels=True)
    del dataset[0x00189087]
    dataset[0x00431039].value = [1000001000, 8, 0, 0]
    assert b_value_from_dataset(dataset) == (1000.0, "(0043,1039) GE slop_int_6")


def test_the_philips_private_b_value_is_read_when_the_standard_tag_is_gone(
    shared_data: Path,
) -> None:
    path = sorted((shared_data / "dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax").iterdir())[1]
    dataset = pydicom.dcmread(path, stop_before_pixels=True)
    standard = b_value_from_dataset(dataset)
    del dataset[0x00189087]
    assert b_value_from_dataset(dataset) == (standard[0], "(2001,1003) Philips DiffusionBFactor")


def test_implausible_values_are_skipped_and_nominal_values_rounded() -> None:
    dataset = pydicom.Dataset()
    dataset.DiffusionBValue = 99999.0
    assert b_value_from_dataset(dataset) == (None, "")
    assert round_b_value(996.0) == 1000.0 and round_b_value(804.0) == 800.0
