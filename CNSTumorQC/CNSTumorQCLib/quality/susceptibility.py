"""Metal and susceptibility artifacts: signal voids next to bright pile-up (R-QC-1, R-QC-3).

Metal (a hair clip, a dental implant, a shunt valve) distorts the field around it: the image has a
signal void where spins dephase or are displaced away, and a bright rim where they pile up along
the readout ("blooming"). Air-bone interfaces (sinuses, mastoids, skull base) make small voids
too, without the pile-up far brighter than any tissue. The consensus grades a removable metal
artifact 1 (remove it and rescan) and accepts a few artifacts while soft tissue and bone remain
distinguishable as 2 (R-QC-1). So the detector separates where the artifact lies:

* ``metal_void_ml``: the volume of voids (voxels darker than ``void_fraction`` of the head's
  median, in connected pieces of at least ``min_void_ml``) that touch bright pile-up (brighter than
  ``pileup_factor`` x the head's 99th percentile, in pieces of at least ``min_pileup_ml``, within
  ``rim_mm``), plus that pile-up;
* ``metal_void_core_ml``: the part of it deeper than ``core_depth_mm`` inside the head: over the
  brain, where it hides tissue, not at the scalp, skull or skull base;
* ``metal_void_slice``: the slice (numpy axis 0 of the full image) through the largest artifact,
  NaN when there is none, so the QC finding can name the files.

Hand-written (scipy.ndimage; no library grades metal artifacts) on the working grid of
:mod:`CNSTumorQCLib.quality.head_mask`. On every real series of the shared data and the bundled
case (no metal) both volumes are 0; a simulated dipole-field artifact (readout misregistration and
intravoxel dephasing, see the tests) of a few millimetres is found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from CNSTumorQCLib.quality.head_mask import WorkingVolume, mask_box


@dataclass(frozen=True)
class SusceptibilityParameters:
    """Documented parameters of the detector."""

    void_fraction: float = 0.12  # a void is darker than this fraction of the head's median
    pileup_factor: float = 1.5  # pile-up is brighter than this times the head's 99th percentile
    rim_mm: float = 6.0  # pile-up counts when within this distance of the void
    min_void_ml: float = 0.2  # smaller dark pieces are noise, vessels, thin bone
    min_pileup_ml: float = 0.15  # one connected piece of pile-up at least this big (a vessel or
    # a flow spot is a few scattered voxels; clinical series have at most 12 such voxels in all)
    core_depth_mm: float = 15.0  # deeper than this inside the head: over the brain


@dataclass(frozen=True)
class SusceptibilityResult:
    void_ml: float
    core_ml: float
    slice_index: float  # full-image slice (numpy axis 0) through the largest artifact, or NaN


def metal_artifact(
    work: WorkingVolume,
    full: np.ndarray | None = None,
    params: SusceptibilityParameters | None = None,
) -> SusceptibilityResult:
    """Voids with bright pile-up inside the head (see the module docstring).

    ``full``: the full-resolution intensities (KJI); the pile-up, a thin bright band, is looked
    for in the maximum of each working-grid block, which a strided subsample can miss.
    """
    params = params or SusceptibilityParameters()
    head = work.head
    if head.sum() < 100:
        return SusceptibilityResult(0.0, 0.0, float("nan"))
    values = work.data[head]
    median, p99 = (float(v) for v in np.percentile(values, [50, 99]))
    if median <= 0:
        return SusceptibilityResult(0.0, 0.0, float("nan"))
    voxel_ml = float(np.prod(work.spacing)) / 1000.0
    values_max = block_max(full, work.strides, work.data.shape) if full is not None else work.data
    pileup = head & (values_max > params.pileup_factor * p99)
    if pileup.sum() * voxel_ml < params.min_pileup_ml:  # the common case: no pile-up at all
        return SusceptibilityResult(0.0, 0.0, float("nan"))
    pileup = _large_pieces(pileup, params.min_pileup_ml / voxel_ml)
    void_limit = params.void_fraction * median
    if work.has_air:  # a void is at the noise level of the air, not merely dark tissue
        void_limit = min(void_limit, float(np.percentile(work.data[work.air], 99)))
    void = head & (work.data < void_limit)
    if not pileup.any() or not void.any():
        return SusceptibilityResult(0.0, 0.0, float("nan"))
    labels, count = ndimage.label(void)
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    reach = [max(1, int(round(params.rim_mm / s))) for s in work.spacing]
    near_pileup = _dilated(pileup, reach)
    touched = np.unique(labels[near_pileup & void])
    kept = [
        int(label) for label in touched if label and sizes[label] * voxel_ml >= params.min_void_ml
    ]
    if not kept:
        return SusceptibilityResult(0.0, 0.0, float("nan"))
    artifact = np.isin(labels, kept)
    near_void = _dilated(artifact, reach)
    artifact |= pileup & near_void
    core = artifact & _deeper_than(head, artifact, work.spacing, params.core_depth_mm)
    largest = max(kept, key=lambda label: sizes[label])
    slice_index = float(np.mean(np.nonzero(labels == largest)[0]) * work.strides[0])
    return SusceptibilityResult(
        float(artifact.sum() * voxel_ml), float(core.sum() * voxel_ml), round(slice_index)
    )


def _large_pieces(mask: np.ndarray, min_voxels: float) -> np.ndarray:
    """The connected pieces of ``mask`` with at least ``min_voxels`` voxels."""
    labels, count = ndimage.label(mask)
    if count == 0:
        return mask
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    keep = sizes >= min_voxels
    keep[0] = False
    return np.asarray(keep[labels])


def block_max(
    full: np.ndarray, strides: tuple[int, int, int], shape: tuple[int, ...]
) -> np.ndarray:
    """The maximum of each ``strides`` block of ``full``, on the working grid's ``shape``."""
    out = np.full(shape, -np.inf, dtype=np.float32)
    for dk in range(strides[0]):
        for dj in range(strides[1]):
            for di in range(strides[2]):
                part = np.asarray(full[dk :: strides[0], dj :: strides[1], di :: strides[2]])
                view = out[: part.shape[0], : part.shape[1], : part.shape[2]]
                np.maximum(view, part[: shape[0], : shape[1], : shape[2]], out=view)
    return out


def _dilated(mask: np.ndarray, reach: list[int]) -> np.ndarray:
    """Binary dilation by a box of half-widths ``reach`` (a separable maximum filter: fast)."""
    size = [2 * r + 1 for r in reach]
    return np.asarray(ndimage.maximum_filter(mask.view(np.uint8), size=size) > 0)


def _deeper_than(
    head: np.ndarray, where: np.ndarray, spacing: tuple[float, float, float], depth_mm: float
) -> np.ndarray:
    """Voxels of ``head`` farther than ``depth_mm`` from outside it, near ``where`` only.

    The distance transform runs on the bounding box of ``where`` grown by more than ``depth_mm``:
    for the voxels of ``where`` that is exact for "deeper than ``depth_mm``" (any outside voxel
    closer than that lies in the box), at a fraction of the whole grid's cost.
    """
    margin = max(int(np.ceil(depth_mm / s)) + 1 for s in spacing)
    box = mask_box(where, margin)
    out = np.zeros_like(head)
    if box is None:
        return out
    depth = ndimage.distance_transform_edt(head[box], sampling=spacing)
    out[box] = depth > depth_mm
    return out
