"""Report pictures show slices in radiological convention from the direction cosines.

The bundled case's native FLAIR is oblique and stores the back of the head in its first row, so a
picture in raw pixel order is upside down. Regions defined by *physical* LPS position on that real
head (anterior of its centre, patient-left of its centre) must land on the picture's top and right.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pydicom
import pytest
import SimpleITK as sitk
from PIL import Image

from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.stack_image import thumbnail_png
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.pictures import (
    acquisition_plane,
    largest_component_slice,
    radiological,
    slice_rgb,
)
from CNSTumorQCLib.sequences import MRSequence

ANTERIOR, LEFT = 1, 2
COLOURS = {ANTERIOR: (255, 0, 0), LEFT: (0, 0, 255)}


@pytest.fixture(scope="module")
def a_flair() -> sitk.Image:
    return sitk.ReadImage(str(sample_data_dir() / "native" / "FLAIR.nii.gz"), sitk.sitkFloat32)


def _physical_regions(image: sitk.Image) -> sitk.Image:
    """Label 1: head voxels > 30 mm anterior of the head's centre; 2: > 30 mm to its left."""
    array = sitk.GetArrayFromImage(image)
    head = array > np.percentile(array, 60)
    k, j, i = np.nonzero(head)
    direction = np.asarray(image.GetDirection()).reshape(3, 3)
    points = (
        np.asarray(image.GetOrigin())
        + (direction @ (np.stack([i, j, k]) * np.asarray(image.GetSpacing())[:, None])).T
    )
    centre = points.mean(axis=0)
    labels = np.zeros(array.shape, np.uint8)
    labels[k, j, i] = np.where(points[:, 1] < centre[1] - 30, ANTERIOR, 0)  # LPS: -y anterior
    left = points[:, 0] > centre[0] + 30  # LPS: +x is the patient's left
    labels[k[left], j[left], i[left]] = LEFT
    out = sitk.GetImageFromArray(labels)
    out.CopyInformation(image)
    return out


def _where(rgb: np.ndarray, colour: tuple[int, int, int]) -> tuple[float, float]:
    """Mean (row, column) of the pixels tinted towards ``colour``."""
    channel = int(np.argmax(colour))
    others = [c for c in range(3) if c != channel]
    tinted = rgb[..., channel].astype(int) - rgb[..., others].astype(int).max(axis=-1) > 40
    rows, cols = np.nonzero(tinted)
    assert rows.size > 50, f"no {colour} pixels in the picture"
    return float(rows.mean()), float(cols.mean())


def test_the_bundled_axial_flair_is_stored_upside_down_in_raw_pixel_order(a_flair):
    """The premise: the stored row direction points anterior (LPS -y), so row 0 is posterior."""
    column_direction = np.asarray(a_flair.GetDirection()).reshape(3, 3)[:, 1]
    assert column_direction[1] < -0.9


def test_an_axial_slice_shows_anterior_up_and_the_patients_left_on_the_right(a_flair):
    labels = _physical_regions(a_flair)
    assert acquisition_plane(a_flair) == "axial"
    middle = radiological(a_flair).GetSize()[2] // 2
    rgb, _ = slice_rgb(a_flair, middle, labels, COLOURS, alpha=0.8)
    anterior_row, _ = _where(rgb, COLOURS[ANTERIOR])
    _, left_column = _where(rgb, COLOURS[LEFT])
    assert anterior_row < rgb.shape[0] * 0.4  # anterior region in the top part
    assert left_column > rgb.shape[1] * 0.6  # patient's left on the image's right


def test_the_case_picture_is_the_slice_through_the_largest_component(a_flair):
    labels = sitk.Image(a_flair.GetSize(), sitk.sitkUInt8)
    labels.CopyInformation(a_flair)
    labels[60:70, 100:110, 5:7] = 1  # small
    labels[120:150, 100:140, 15:19] = 1  # largest, slices 15..18 in stored order
    shown = largest_component_slice(labels)
    point = a_flair.TransformContinuousIndexToPhysicalPoint((135.0, 120.0, 16.5))
    assert abs(shown - radiological(a_flair).TransformPhysicalPointToIndex(point)[2]) <= 1


def _decode(text: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(text))).convert("L"))


def _mirror_rows(files: list[Path]) -> None:
    """Store every slice bottom row first, with headers saying so: the same anatomy."""
    for path in files:
        ds = pydicom.dcmread(path)
        pixels = ds.pixel_array[::-1].copy()
        orientation = [float(v) for v in ds.ImageOrientationPatient]
        column = np.asarray(orientation[3:])
        position = np.asarray([float(v) for v in ds.ImagePositionPatient])
        row_spacing = float(ds.PixelSpacing[0])
        ds.ImagePositionPatient = [
            f"{v:.6f}" for v in position + (ds.Rows - 1) * row_spacing * column
        ]
        ds.ImageOrientationPatient = [f"{v:.8f}" for v in orientation[:3] + list(-column)]
        ds.PixelData = pixels.tobytes()
        ds.save_as(path)


@pytest.mark.slow
def test_a_QC_thumbnail_follows_the_direction_cosines_not_the_pixel_order(tmp_path: Path):
    as_stored = write_sample_case_study(tmp_path / "stored")
    mirrored = write_sample_case_study(tmp_path / "mirrored")
    _mirror_rows(mirrored[MRSequence.FLAIR])

    def flair_thumbnail(folder: Path) -> np.ndarray:
        index = index_folder(folder / as_stored[MRSequence.FLAIR][0].parent.name, workers=1)
        (series,) = index.series
        return _decode(thumbnail_png(series.stacks[0]))

    stored, flipped = flair_thumbnail(tmp_path / "stored"), flair_thumbnail(tmp_path / "mirrored")
    assert stored.shape == flipped.shape
    assert stored.shape[1] > 2 * stored.shape[0]  # three slices side by side
    assert np.abs(stored.astype(int) - flipped.astype(int)).mean() < 2.0
    # and it is not the raw order: the raw-order picture of the same slice differs
    assert np.abs(stored.astype(int) - stored[::-1].astype(int)).mean() > 10
