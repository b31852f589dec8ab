"""Shared helpers for the image-quality tests."""

from __future__ import annotations

import numpy as np
import SimpleITK as sitk


def with_array(reference: sitk.Image, array: np.ndarray) -> sitk.Image:
    """``array`` (KJI) as a float32 image on ``reference``'s geometry."""
    image = sitk.GetImageFromArray(array.astype(np.float32))
    image.CopyInformation(reference)
    return image


def metal_artifact(
    array: np.ndarray,
    spacing_kji: tuple[float, float, float],
    centre_kji: tuple[float, float, float],
    radius_mm: float = 6.0,
    rim_px: int = 2,
) -> np.ndarray:
    """A metal artifact imposed on a real volume (numpy KJI, readout along numpy axis 2).

    Metal shifts the signal around it along the readout: a sphere of ``radius_mm`` loses its
    signal (a void at zero, as outside the head), and on each readout line through it the lost
    signal is conserved and piled into the ``rim_px`` voxels just past the void (the bright
    "blooming" rim): misregistration moves signal, it does not destroy it.
    """
    out = array.astype(np.float64).copy()
    grid = np.indices(array.shape).astype(np.float64)
    r = np.sqrt(sum(((grid[a] - centre_kji[a]) * spacing_kji[a]) ** 2 for a in range(3)))
    void = r < radius_mm
    for k, j in zip(*np.nonzero(void.any(axis=2)), strict=True):
        line = np.nonzero(void[k, j])[0]
        start, stop = int(line[0]), int(line[-1]) + 1
        lost = float(out[k, j, start:stop].sum())
        out[k, j, start:stop] = 0.0
        end = min(stop + rim_px, array.shape[2])
        out[k, j, stop:end] += lost / max(1, end - stop)
    return out
