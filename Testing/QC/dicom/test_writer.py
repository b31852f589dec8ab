"""The one MR-series writer: any oriented volume, signed or unsigned, read back exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
import SimpleITK as sitk
from pydicom.dataset import Dataset
from pydicom.uid import MRImageStorage

from CNSTumorQCLib.dicom.writer import write_mr_series
from CNSTumorQCLib.errors import InvalidInputError


def _oblique_volume(values: np.ndarray) -> sitk.Image:
    image = sitk.GetImageFromArray(values)
    image.SetSpacing((0.9, 1.1, 3.5))
    image.SetOrigin((-12.5, 30.25, 7.0))
    angle = np.deg2rad(17.0)
    rotation = np.array(
        [[1, 0, 0], [0, np.cos(angle), -np.sin(angle)], [0, np.sin(angle), np.cos(angle)]]
    )
    image.SetDirection(tuple(rotation.ravel()))
    return image


def _base() -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = MRImageStorage
    ds.Modality = "MR"
    ds.PatientID = "P1"
    ds.StudyInstanceUID = "1.2.3"
    ds.SeriesInstanceUID = "1.2.3.4"
    ds.FrameOfReferenceUID = "1.2.3.5"
    return ds


@pytest.mark.parametrize(
    ("dtype", "high", "representation"),
    [(np.int16, 3000, 1), (np.float32, 3000, 1), (np.uint16, 60000, 0)],
)
def test_an_oblique_volume_reads_back_with_its_voxels_and_geometry(
    tmp_path: Path, dtype: type, high: int, representation: int
) -> None:
    values = np.random.default_rng(0).integers(0, high, size=(6, 9, 7)).astype(dtype)
    image = _oblique_volume(values)
    base = _base()
    paths = write_mr_series(
        image, tmp_path / "series", base, instance_uid=lambda k: f"1.2.3.4.{k + 1}"
    )
    assert [p.name for p in paths] == [f"IM{k:04d}.dcm" for k in range(1, 7)]
    assert "PixelData" not in base and "Rows" not in base  # the shared dataset is not changed
    first = pydicom.dcmread(paths[0])
    assert first.PixelRepresentation == representation and first.SOPInstanceUID == "1.2.3.4.1"
    assert float(first.SliceThickness) == pytest.approx(3.5)  # from the volume, unless given
    reader = sitk.ImageSeriesReader()
    reader.SetFileNames([str(p) for p in paths])
    back = reader.Execute()
    np.testing.assert_array_equal(sitk.GetArrayFromImage(back), values.astype(np.int64))
    np.testing.assert_allclose(back.GetOrigin(), image.GetOrigin(), atol=1e-6)
    np.testing.assert_allclose(back.GetSpacing(), image.GetSpacing(), atol=1e-6)
    np.testing.assert_allclose(back.GetDirection(), image.GetDirection(), atol=1e-6)


def test_a_rewrite_replaces_the_series_and_names_follow_the_pattern(tmp_path: Path) -> None:
    image = _oblique_volume(np.ones((3, 4, 5), np.int16))
    target = tmp_path / "series"
    target.mkdir()
    (target / "stale.dcm").write_bytes(b"old")
    paths = write_mr_series(image, target, _base(), instance_uid=str, file_name="{number:04d}.dcm")
    assert sorted(p.name for p in target.iterdir()) == ["0001.dcm", "0002.dcm", "0003.dcm"]
    assert paths[0] == target / "0001.dcm"
    assert not list(tmp_path.glob(".series.partial-*"))


def test_values_beyond_16_bits_and_non_3d_images_are_refused(tmp_path: Path) -> None:
    too_big = _oblique_volume(np.full((2, 3, 4), 70000, np.int32))
    with pytest.raises(InvalidInputError, match="16-bit"):
        write_mr_series(too_big, tmp_path / "a", _base(), instance_uid=str)
    flat = sitk.Image(4, 4, sitk.sitkInt16)
    with pytest.raises(InvalidInputError, match="3D"):
        write_mr_series(flat, tmp_path / "b", _base(), instance_uid=str)
    assert not (tmp_path / "a").exists()
