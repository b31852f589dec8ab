"""R-DATA-2 integrity findings, each on a faulty series built from the real Philips b=0 volume."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pydicom
import pytest
from _dicom_cases import copy_files, only_series, philips_b0_files, with_rule
from PIL import Image
from pydicom.encaps import encapsulate

from CNSTumorQCLib.acquisition.integrity import check_integrity
from CNSTumorQCLib.findings import Severity


@pytest.fixture(scope="module")
def real_slices(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Twelve neighbouring slices of a real Philips volume, in spatial order, numbered 1..12.

    (In the scanner's series the volumes are interleaved, so a single volume's instance numbers
    have a stride of 32; renumbering makes the extract a complete volume of its own.)
    """

    def renumber(k: int, ds: pydicom.Dataset) -> None:
        ds.InstanceNumber = k + 1

    return copy_files(
        philips_b0_files(shared_data, 12), tmp_path_factory.mktemp("philips_b0"), renumber
    )


def test_the_real_volume_has_no_integrity_finding(tmp_path: Path, real_slices: list[Path]) -> None:
    copy_files(real_slices, tmp_path)
    assert check_integrity(only_series(tmp_path)) == []


def test_a_removed_slice_is_reported_as_missing_with_rule_R_DATA_2(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    copy_files(real_slices[:5] + real_slices[6:], tmp_path)
    (finding,) = with_rule(check_integrity(only_series(tmp_path)), "R-DATA-2", "missing slice")
    assert finding.severity is Severity.ERROR and finding.details["missing_slices"] == 1
    assert "about 1 missing slice(s)" in finding.message


def test_two_swapped_instance_numbers_are_reported_as_misordered(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    numbers = [pydicom.dcmread(p, stop_before_pixels=True).InstanceNumber for p in real_slices]

    def swap(k: int, ds: pydicom.Dataset) -> None:
        if k in (3, 7):
            ds.InstanceNumber = numbers[7 if k == 3 else 3]

    copy_files(real_slices, tmp_path, swap)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "not in spatial order"
    )
    assert finding.severity is Severity.WARNING and finding.files


def test_a_copied_slice_is_reported_as_a_duplicate_position(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    def new_uid(k: int, ds: pydicom.Dataset) -> None:
        if k == len(real_slices):
            ds.SOPInstanceUID = pydicom.uid.generate_uid()

    copy_files([*real_slices, real_slices[4]], tmp_path, new_uid)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "duplicate slice position"
    )
    assert finding.severity is Severity.ERROR and len(finding.files) == 2


def test_an_uneven_slice_spacing_is_an_error_above_dcm2niix_tolerance(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    def shift(k: int, ds: pydicom.Dataset) -> None:
        if k >= 6:  # move the upper half 0.5 mm further along the normal
            row, col = ds.ImageOrientationPatient[:3], ds.ImageOrientationPatient[3:]
            normal = [
                row[1] * col[2] - row[2] * col[1],
                row[2] * col[0] - row[0] * col[2],
                row[0] * col[1] - row[1] * col[0],
            ]
            ds.ImagePositionPatient = [
                float(p) + 0.5 * n for p, n in zip(ds.ImagePositionPatient, normal, strict=True)
            ]

    copy_files(real_slices, tmp_path, shift)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "uneven slice spacing"
    )
    assert finding.severity is Severity.ERROR


def test_a_sheared_stack_is_reported_as_non_orthogonal(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    def shear(k: int, ds: pydicom.Dataset) -> None:
        x, y, z = (float(v) for v in ds.ImagePositionPatient)
        ds.ImagePositionPatient = [x + 0.5 * k, y, z]  # 0.5 mm sideways per 3 mm slice: ~9 deg

    copy_files(real_slices, tmp_path, shear)
    (finding,) = with_rule(check_integrity(only_series(tmp_path)), "R-DATA-2", "sheared stack")
    assert finding.severity is Severity.ERROR and finding.details["angle_deg"] > 3


def test_inconsistent_pixel_spacing_in_one_volume_is_an_error(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    def respace(k: int, ds: pydicom.Dataset) -> None:
        if k == 2:
            ds.PixelSpacing = [float(ds.PixelSpacing[0]) * 1.1, float(ds.PixelSpacing[1]) * 1.1]

    copy_files(real_slices, tmp_path, respace)
    assert with_rule(check_integrity(only_series(tmp_path)), "R-DATA-2", "pixel spacing differs")


def _to_jpeg_baseline(ds: pydicom.Dataset) -> None:
    """Re-encode the slice as a real 8-bit JPEG baseline (lossy) image with Pillow."""
    pixels = ds.pixel_array.astype(np.float32)
    scaled = (255 * (pixels - pixels.min()) / max(float(np.ptp(pixels)), 1.0)).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(scaled).save(buffer, format="JPEG", quality=70)
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = encapsulate([buffer.getvalue()])
    ds["PixelData"].VR = "OB"
    ds.file_meta.TransferSyntaxUID = pydicom.uid.JPEGBaseline8Bit


def test_a_lossy_transfer_syntax_is_an_error(tmp_path: Path, real_slices: list[Path]) -> None:
    def lossy(k: int, ds: pydicom.Dataset) -> None:
        if k == 0:
            _to_jpeg_baseline(ds)

    files = copy_files(real_slices, tmp_path, lossy)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "lossy transfer syntax"
    )
    assert finding.files == (str(files[0]),) and "1.2.840.10008.1.2.4.50" in finding.message


def test_lossy_image_compression_01_is_an_error(tmp_path: Path, real_slices: list[Path]) -> None:
    def once_lossy(k: int, ds: pydicom.Dataset) -> None:
        ds.LossyImageCompression = "01"

    copy_files(real_slices, tmp_path, once_lossy)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "LossyImageCompression = 01"
    )
    assert len(finding.files) == len(real_slices)


def test_missing_geometry_tags_are_an_error(tmp_path: Path, real_slices: list[Path]) -> None:
    def strip(k: int, ds: pydicom.Dataset) -> None:
        if k == 5:
            del ds.ImagePositionPatient

    files = copy_files(real_slices, tmp_path, strip)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "lack ImagePositionPatient"
    )
    assert finding.files == (str(files[5]),)


def test_a_truncated_file_is_an_integrity_error(tmp_path: Path, real_slices: list[Path]) -> None:
    files = copy_files(real_slices, tmp_path)
    files[4].write_bytes(files[4].read_bytes()[:-5000])
    (finding,) = with_rule(check_integrity(only_series(tmp_path)), "R-DATA-2", "truncated copy")
    assert finding.files == (str(files[4]),) and finding.severity is Severity.ERROR


def test_three_slices_are_a_localizer_not_a_volume(tmp_path: Path, real_slices: list[Path]) -> None:
    copy_files(real_slices[:3], tmp_path)
    (finding,) = with_rule(
        check_integrity(only_series(tmp_path)), "R-DATA-2", "localizer or too few slices"
    )
    assert finding.severity is Severity.INFO


def test_instance_numbers_with_holes_warn_of_missing_images(
    tmp_path: Path, real_slices: list[Path]
) -> None:
    def renumber(k: int, ds: pydicom.Dataset) -> None:
        ds.InstanceNumber = k + 1 + (5 if k >= 6 else 0)

    copy_files(real_slices, tmp_path, renumber)
    (finding,) = with_rule(check_integrity(only_series(tmp_path)), "R-DATA-2", "missing images?")
    assert finding.severity is Severity.WARNING
