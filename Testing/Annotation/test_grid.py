"""Pasting a MRML layer back on its reference grid equals nearest-neighbour resampling (R-ANN-8)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.grid import paste_on_grid


def _oblique_grid() -> sitk.Image:
    grid = sitk.Image(23, 17, 9, sitk.sitkUInt8)
    grid.SetSpacing((0.9, 0.8, 5.5))
    grid.SetOrigin((10.0, -20.0, 30.0))
    angle = np.deg2rad(17.0)
    rotation = np.array(
        [[1, 0, 0], [0, np.cos(angle), -np.sin(angle)], [0, np.sin(angle), np.cos(angle)]]
    )
    grid.SetDirection(tuple(rotation.ravel()))
    return grid


def _piece(grid: sitk.Image, crop: tuple[int, ...], order: tuple[int, ...], flips) -> sitk.Image:
    """A sub-grid of ``grid`` whose index axes are permuted and flipped, as MRML may store it."""
    (i0, i1), (j0, j1), (k0, k1) = crop[0:2], crop[2:4], crop[4:6]
    direction = np.array(grid.GetDirection()).reshape(3, 3)
    spacing = np.array(grid.GetSpacing())
    lows, highs = np.array([i0, j0, k0]), np.array([i1, j1, k1])
    first = np.where(flips, highs, lows).astype(float)  # the piece's first voxel, grid index
    origin = np.array(grid.TransformContinuousIndexToPhysicalPoint(tuple(first)))
    columns, sizes, steps = [], [], []
    for axis in order:
        sign = -1.0 if flips[axis] else 1.0
        columns.append(direction[:, axis] * sign)
        steps.append(spacing[axis])
        sizes.append(int(highs[axis] - lows[axis] + 1))
    piece = sitk.Image(sizes, sitk.sitkUInt8)
    piece.SetSpacing(tuple(steps))
    piece.SetDirection(tuple(np.array(columns).T.ravel()))
    piece.SetOrigin(tuple(origin))
    return piece


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
@pytest.mark.parametrize(
    "flips", [(False, False, False), (False, False, True), (True, False, True)]
)
def test_a_cropped_flipped_reordered_layer_pastes_exactly_as_resampling_would(order, flips):
    grid = _oblique_grid()
    piece = _piece(grid, (2, 15, 1, 12, 2, 7), order, flips)
    rng = np.random.default_rng(7)
    values = rng.integers(0, 2, size=piece.GetSize()[::-1]).astype(np.uint8)
    source = sitk.GetImageFromArray(values)
    source.CopyInformation(piece)
    expected = sitk.Resample(
        source, grid, sitk.Transform(), sitk.sitkNearestNeighbor, 0, sitk.sitkUInt8
    )
    pasted = paste_on_grid(values, piece, grid)
    assert pasted is not None
    np.testing.assert_array_equal(sitk.GetArrayFromImage(pasted), sitk.GetArrayFromImage(expected))
    assert values.sum() == sitk.GetArrayFromImage(pasted).sum()


def test_a_layer_off_the_voxel_centres_is_left_to_resampling():
    grid = _oblique_grid()
    piece = _piece(grid, (2, 15, 1, 12, 2, 7), (0, 1, 2), (False, False, False))
    piece.SetOrigin(tuple(np.array(piece.GetOrigin()) + 0.3))
    assert paste_on_grid(np.ones(piece.GetSize()[::-1], np.uint8), piece, grid) is None


def test_a_layer_reaching_outside_the_grid_is_left_to_resampling():
    grid = _oblique_grid()
    piece = _piece(grid, (0, 22, 0, 16, 0, 8), (0, 1, 2), (False, False, False))
    origin = piece.TransformIndexToPhysicalPoint((-2, 0, 0))
    piece.SetOrigin(origin)
    assert paste_on_grid(np.ones(piece.GetSize()[::-1], np.uint8), piece, grid) is None
