"""Acquisition indicators of R-QC-3 that MRIQC does not have: coverage, wrap-around, phase
ghosts, stair-steps. Hand-written (no library computes them), on the masks of
:mod:`CNSTumorQCLib.quality.head_mask`; each returns a number whose direction is "higher is worse".

* ``coverage``: head voxels / FOV voxels; ``edge_truncation``: the largest fraction of one side
  face of the FOV covered by the head (inferior/superior faces excluded: the neck continues);
  ``superior_truncation``: head area in the most superior slice / the largest head area (near 0
  when the vertex is inside the FOV; whole-brain coverage).
* ``wrap``: fraction of the outer band of each in-plane axis that is tissue-bright (> Otsu) yet
  away from the head (wrapped-around anatomy); the maximum over axes, with its patient axis.
* ``ghost``: MRIQC's ghost-to-signal ratio (GSR, ``mriqc/qc/functional.py::gsr``) generalised to
  any ghost order: the head's footprint swept along a candidate phase axis marks the lines where
  ghosts of the head land; ``(mean|B_lines| - mean|B_other|) / mean(head)``, the maximum over the
  two axes of the slice plane (numpy axis 0 for near-isotropic volumes: the slice or partition
  axis, never taken as the phase axis). Motion and N/k ghosts raise it; noise, spikes and bias fields do not.
* ``stair_step``: slice-to-slice jumps of the mean head intensity along the slice axis: 90th
  percentile of ``|m_k - (m_{k-1} + m_{k+1}) / 2| / median(m)`` over slices with at least half
  the largest head area (interleaved motion, stair-steps in reformats).
"""

from __future__ import annotations

import numpy as np
import SimpleITK as sitk

from CNSTumorQCLib.quality.head_mask import WorkingVolume, superior_end

PATIENT_AXES = ("left-right", "anterior-posterior", "superior-inferior")  # LPS x, y, z


def patient_axis_names(image: sitk.Image) -> list[str]:
    """Patient axis (LPS) of each numpy axis (k, j, i), from the direction cosines."""
    direction = np.array(image.GetDirection()).reshape(3, 3)
    names = [PATIENT_AXES[int(np.argmax(np.abs(direction[:, col])))] for col in range(3)]
    return list(reversed(names))


def inplane_axes(work: WorkingVolume) -> list[int]:
    """Axes within the acquisition plane (all three for near-isotropic 3D volumes)."""
    thick = work.spacing[work.slice_axis] > 1.5 * min(work.spacing)
    return [a for a in range(3) if not (thick and a == work.slice_axis)]


def coverage_metrics(work: WorkingVolume, image: sitk.Image) -> tuple[float, float, float]:
    """Head fraction of the FOV, worst side-face truncation, superior truncation."""
    head = work.head
    si_axis, towards_superior = superior_end(image)
    faces = []
    for axis in range(3):
        if axis != si_axis:
            faces += [float(np.take(head, end, axis=axis).mean()) for end in (0, -1)]
    areas = head.sum(axis=tuple(a for a in range(3) if a != si_axis)).astype(float)
    top = areas[-1] if towards_superior > 0 else areas[0]
    superior = float(top / areas.max()) if areas.max() > 0 else float("nan")
    return float(head.mean()), max(faces) if faces else 0.0, superior


def wrap_indicator(
    work: WorkingVolume, image: sitk.Image, names: list[str], band_fraction: float
) -> tuple[float, str]:
    """Tissue-bright voxels away from the head in the edge bands of each in-plane axis.

    The inferior band is skipped: the neck continues out of the field of view there.
    """
    bright = (work.data > work.otsu_threshold) & work.background
    si_axis, towards_superior = superior_end(image)
    best, best_axis = 0.0, "none"
    for axis in inplane_axes(work):
        width = max(1, int(round(band_fraction * work.data.shape[axis])))
        bands = [slice(0, width), slice(-width, None)]
        if axis == si_axis:
            bands = [bands[1] if towards_superior > 0 else bands[0]]
        for band in bands:
            index: list[slice] = [slice(None)] * 3
            index[axis] = band
            value = float(bright[tuple(index)].mean())
            if value > best:
                best, best_axis = value, names[axis]
    return best, best_axis


def ghost_ratio(work: WorkingVolume, names: list[str]) -> tuple[float, str]:
    """Background signal on the lines through the head along each in-plane axis (GSR-like)."""
    if not work.has_air:  # skull-stripped or masked: no background for ghosts to land in
        return float("nan"), "none"
    magnitude = np.abs(work.data)
    signal = float(np.mean(magnitude[work.head]))
    best, best_axis = float("nan"), "none"
    minimum = max(50, int(0.002 * work.data.size))
    for axis in (a for a in range(3) if a != work.slice_axis):  # ghosts stay in the slice plane
        lines = np.broadcast_to(work.head.any(axis=axis, keepdims=True), work.head.shape)
        on, off = work.air & lines, work.air & ~lines
        if on.sum() < minimum or off.sum() < minimum or signal <= 0:
            continue
        value = (float(np.mean(magnitude[on])) - float(np.mean(magnitude[off]))) / signal
        if np.isnan(best) or value > best:
            best, best_axis = value, names[axis]
    return best, best_axis


def stair_step(work: WorkingVolume) -> float:
    """Slice-to-slice jumps of the mean head intensity along the slice axis."""
    axis = work.slice_axis
    other = tuple(a for a in range(3) if a != axis)
    areas = work.head.sum(axis=other).astype(float)
    sums = np.where(work.head, work.data, 0).sum(axis=other)
    keep = areas >= 0.5 * areas.max()
    means = sums[keep] / areas[keep]
    scale = float(np.median(np.abs(means))) if means.size else 0.0
    if means.size < 3 or scale == 0:
        return float("nan")
    jumps = np.abs(means[1:-1] - 0.5 * (means[:-2] + means[2:])) / scale
    return float(np.percentile(jumps, 90))
