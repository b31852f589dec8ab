"""Segmentation-free image-quality metrics (IQMs) of one MR series (R-QC-1, R-QC-3).

Formulas follow MRIQC (``nipreps/mriqc:mriqc/qc/anatomical.py``, transcribed in
``references.md`` section Image quality.1), re-implemented with numpy and SimpleITK on the masks of
:mod:`CNSTumorQCLib.quality.head_mask` (MRIQC itself needs AFNI/ANTs/FSL and the network):

* ``snr``: MRIQC's ``snr`` is ``mu / sigma`` inside a tissue mask, where sigma is mostly noise.
  Without a segmentation, ``mu`` is the mean of the head core (above Otsu) and ``sigma`` is the
  noise estimated inside the head by Immerkaer's Laplacian-difference estimator (Immerkaer
  1996, CVIU 64:300): ``sigma = sqrt(pi/2) * mean(|I * N|) / 6`` with the in-plane kernel
  ``N = [[1,-2,1],[-2,4,-2],[1,-2,1]]``. Works without an air background too.
* ``snrd``: Dietrich et al. 2007 as in MRIQC's ``snr_dietrich``: ``0.6551364 * mu_F / MAD_air``
  (MAD scaled by 1.4826, the statsmodels convention), ``sigma_air`` when the MAD is 0. The
  factor ``1/sqrt(2/(4-pi))`` corrects for the Rayleigh air noise. MRIQC switches to sigma when
  MAD <= 1 (a scale-dependent rule); here only when MAD == 0. NaN without an air background.
* ``efc``: Atkinson et al. 1997 entropy focus criterion, ``sum((x/b) ln(x/b)) / E_max`` with
  ``b = sqrt(sum x^2)`` and ``E_max = sqrt(N) ln(1/sqrt(N))``, frame excluded. Higher = more
  ghosting/blur (energy spread out of focus).
* ``fber``: ``median(|F|^2) / median(|B|^2)``; the mean of ``|B|^2`` when that median is 0
  (quantised air; older MRIQC releases used means). NaN without an air background.
* ``qi1``: Mortamet et al. 2009: air voxels more than 10 robust z-scores above the air median,
  opened with 6-connectivity, as a fraction of the air (MRIQC's ``artifact_mask``).
* ``fwhm_*``: AFNI ``3dFWHMx`` per axis, ``sqrt(-1 / (4 ln(1 - var(dX) / (2 var(X)))))``
  voxels, on first differences inside the head at full resolution (no detrending, unlike AFNI).
  ``fwhm_inplane_vox`` averages the two in-plane axes: the blur measure, independent of the
  voxel size.
* ``inu_range``: intensity non-uniformity as in MRIQC, ``P95 - P5`` of the N4 bias field
  (normalised to median 1) on the tissue-bright voxels of the head core, 12 mm inside the scalp:
  N4's iteration with N4's defaults on a sample of the head, see :mod:`CNSTumorQCLib.quality.bias_field`.
  0 is perfectly uniform.
* coverage, wrap-around, phase ghosts, stair-steps: see :mod:`CNSTumorQCLib.quality.artifacts`.
* ``slice_anisotropy``: coarsest / finest voxel spacing (thick 2D slices reformat in steps).
* ``metal_void_ml``, ``metal_void_core_ml``, ``metal_void_slice``: metal or susceptibility
  artifacts, signal voids next to bright pile-up: see :mod:`CNSTumorQCLib.quality.susceptibility`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorQCLib.quality.artifacts import (
    coverage_metrics,
    ghost_ratio,
    patient_axis_names,
    stair_step,
    wrap_indicator,
)
from CNSTumorQCLib.quality.bias_field import N4Parameters, inu_n4
from CNSTumorQCLib.quality.head_mask import (
    MaskParameters,
    WorkingVolume,
    binary_opening_near,
    head_and_air_masks,
    mask_box,
    scalar_volume,
)
from CNSTumorQCLib.quality.susceptibility import SusceptibilityParameters, metal_artifact

DIETRICH_FACTOR = 0.6551364  # 1 / sqrt(2 / (4 - pi)), MRIQC's constant
MAD_SCALE = 1.4826  # MAD of a normal sample -> its standard deviation


@dataclass(frozen=True)
class MetricParameters:
    """Documented parameters of the metrics (besides the masks')."""

    masks: MaskParameters = MaskParameters()
    qi1_zscore: float = 10.0  # MRIQC's artifact z-score
    inu: N4Parameters = N4Parameters()  # the N4 bias-field estimate behind ``inu_range``
    edge_band_fraction: float = 0.05  # outer band of each axis examined for wrap-around
    susceptibility: SusceptibilityParameters = SusceptibilityParameters()


@dataclass(frozen=True)
class QualityMetrics:
    """The IQMs of one series; NaN where a metric cannot be measured (see ``has_air``)."""

    snr: float
    snrd: float
    efc: float
    fber: float
    qi1: float
    fwhm_x_mm: float
    fwhm_y_mm: float
    fwhm_z_mm: float
    fwhm_inplane_vox: float
    inu_range: float
    head_fov_fraction: float
    edge_truncation: float
    superior_truncation: float
    wrap: float
    wrap_axis: str
    ghost: float
    ghost_axis: str
    stair_step: float
    slice_anisotropy: float
    has_air: bool
    # R-QC-1: metal / susceptibility voids with bright pile-up (susceptibility.py); defaults for
    # metric tables recorded before the detector existed
    metal_void_ml: float = 0.0
    metal_void_core_ml: float = 0.0
    metal_void_slice: float = float("nan")

    def to_dict(self) -> dict[str, float]:
        """Numeric metrics only (the ``*_axis`` words are left out; ``has_air`` becomes 0/1)."""
        values = asdict(self)
        values.pop("wrap_axis")
        values.pop("ghost_axis")
        return {key: float(value) for key, value in values.items()}


def _mad(values: np.ndarray) -> float:
    return float(MAD_SCALE * np.median(np.abs(values - np.median(values))))


IMMERKAER_KERNEL = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float32)


def snr_immerkaer(work: WorkingVolume) -> float:
    """Mean tissue-bright head intensity / Immerkaer noise sigma inside the head (in plane).

    Computed on the head's bounding box: the eroded head and its in-plane neighbours lie
    inside it, so the filter response at the voxels used is the whole grid's.
    """
    box = mask_box(work.head, 1)
    if box is None:
        return float("nan")
    data, head = work.data[box], work.head[box]
    kernel = np.expand_dims(IMMERKAER_KERNEL, axis=work.slice_axis)
    response = np.abs(ndimage.convolve(data, kernel, mode="nearest"))
    inner = ndimage.binary_erosion(head, iterations=1)
    tissue = inner & (data > work.otsu_threshold)
    if tissue.sum() < 50:
        return float("nan")
    sigma = float(np.sqrt(np.pi / 2.0) * np.mean(response[tissue]) / 6.0)
    return float(np.mean(data[tissue])) / sigma if sigma > 0 else float("nan")


def efc(data: np.ndarray, frame: np.ndarray) -> float:
    """Atkinson's entropy focus criterion, normalised to [0, 1] as in MRIQC."""
    values = np.abs(data[~frame]).astype(np.float64)
    n = values.size
    b_max = np.sqrt(np.sum(values**2))
    if n < 2 or b_max == 0:
        return float("nan")
    e_max = n * (1.0 / np.sqrt(n)) * np.log(1.0 / np.sqrt(n))
    ratio = values / b_max
    entropy = np.log(ratio + 1e-16, out=values)  # in place: no further full-size copies
    entropy *= ratio
    return float(np.sum(entropy) / e_max)


def _median_and_median_of_squares(values: np.ndarray) -> tuple[float, float]:
    """``np.median(values)`` and ``np.median(values**2)`` of non-negative values, one partition.

    Squaring keeps the order of non-negative numbers, so both medians come from the same
    middle elements, averaged in the values' own precision exactly as ``np.median`` does.
    """
    n = values.size
    middle = np.partition(values, [(n - 1) // 2, n // 2])[[(n - 1) // 2, n // 2]]
    return float(np.mean(middle)), float(np.mean(middle * middle))


def _air_metrics(work: WorkingVolume, mu_f: float, zscore: float) -> tuple[float, float, float]:
    """SNRd, FBER and QI1 from the air background; NaN when there is no air."""
    if not work.has_air:
        return float("nan"), float("nan"), float("nan")
    air = np.abs(work.data[work.air])
    air_median, air_energy = _median_and_median_of_squares(air)
    mad = float(MAD_SCALE * np.median(np.abs(air - np.float32(air_median))))
    spread = mad if mad > 0 else float(np.std(air))
    snrd = DIETRICH_FACTOR * mu_f / spread if spread > 0 else float("nan")
    air_energy = air_energy or float(np.mean(air**2))
    fber = (
        float(np.median(work.data[work.head] ** 2)) / air_energy if air_energy > 0 else float("nan")
    )
    positive = air[air > 0]
    location, scale = float(np.median(positive)), _mad(positive) or float(np.std(positive)) or 1.0
    artifact = np.zeros_like(work.air)
    artifact[work.air] = (air - location) / scale > zscore
    artifact = binary_opening_near(artifact, structure=ndimage.generate_binary_structure(3, 1))
    qi1 = float(artifact.sum()) / float(work.air.sum())
    return float(snrd), float(fber), qi1


def fwhm_per_axis(
    full: np.ndarray,
    head: np.ndarray,
    strides: tuple[int, int, int] = (1, 1, 1),
    max_voxels: int = 2_000_000,
) -> list[float]:
    """AFNI 3dFWHMx's per-axis FWHM in voxels (numpy order), inside the head, no detrending.

    ``full`` is the full-resolution volume (any real pixel type, read as float32) and ``head``
    the head mask on the working grid subsampled from it by ``strides``; only the slices read
    are converted and their mask upsampled. Large volumes are decimated along axis 0 (every
    n-th slice and, for that axis, its neighbour), which leaves each first difference a true
    neighbour difference.
    """
    step = max(1, int(np.ceil(full.size / max_voxels)))
    starts = np.arange(0, full.shape[0] - 1 if full.shape[0] > 1 else 1, step)
    if step == 1 and full.shape[0] > 1:  # every slice: views of one float32 copy
        whole = np.asarray(full, dtype=np.float32)
        whole_head = _upsample_mask(head, strides, full.shape)
        sample, sample_head = whole[:-1], whole_head[:-1]
        following, following_head = whole[1:], whole_head[1:]
    else:
        sample = np.asarray(full[starts], dtype=np.float32)
        sample_head = _head_rows(head, strides, starts, full.shape)
        nxt = np.minimum(starts + 1, full.shape[0] - 1)
        following = np.asarray(full[nxt], dtype=np.float32)
        following_head = _head_rows(head, strides, nxt, full.shape)
    variance = float(np.var(sample[sample_head])) if sample_head.any() else 0.0
    widths = []
    for axis in range(3):
        if full.shape[axis] < 2 or variance == 0:
            widths.append(float("nan"))
            continue
        if axis == 0:
            lo, hi, both = sample, following, sample_head & following_head
        else:
            index_lo: list[slice] = [slice(None)] * 3
            index_hi: list[slice] = [slice(None)] * 3
            index_lo[axis], index_hi[axis] = slice(None, -1), slice(1, None)
            lo, hi = sample[tuple(index_lo)], sample[tuple(index_hi)]
            both = sample_head[tuple(index_lo)] & sample_head[tuple(index_hi)]
        diffs = hi[both] - lo[both]
        arg = 1.0 - float(np.var(diffs)) / (2.0 * variance) if diffs.size else 0.0
        widths.append(
            float(np.sqrt(-1.0 / (4.0 * np.log(arg)))) if 0.0 < arg < 1.0 else float("nan")
        )
    return widths


def _upsample_mask(
    mask: np.ndarray, strides: tuple[int, int, int], shape: tuple[int, ...]
) -> np.ndarray:
    """Nearest-neighbour upsampling of a working-grid mask back to the full grid."""
    out = mask
    for axis, stride in enumerate(strides):
        if stride > 1:
            out = np.repeat(out, stride, axis=axis)
    return out[: shape[0], : shape[1], : shape[2]]


def _head_rows(
    head: np.ndarray, strides: tuple[int, int, int], rows: np.ndarray, shape: tuple[int, ...]
) -> np.ndarray:
    """``_upsample_mask(head, strides, shape)[rows]`` without upsampling the unread slices."""
    return _upsample_mask(head[rows // strides[0]], (1, strides[1], strides[2]), shape)


def compute_quality_metrics(
    image: sitk.Image, parameters: MetricParameters | None = None
) -> QualityMetrics:
    """All the IQMs of one series (a SimpleITK image: 2D multi-slice stack or 3D volume)."""
    parameters = parameters or MetricParameters()
    image = scalar_volume(image)
    work = head_and_air_masks(image, parameters.masks)
    head_values = work.data[work.head]
    mu_f = float(np.mean(head_values))
    snrd, fber, qi1 = _air_metrics(work, mu_f, parameters.qi1_zscore)
    full = sitk.GetArrayViewFromImage(image)
    widths = fwhm_per_axis(full, work.head, work.strides)
    spacing_kji = list(reversed(image.GetSpacing()))
    names = patient_axis_names(image)
    ghost, ghost_axis = ghost_ratio(work, names)
    inplane = [widths[a] for a in range(3) if a != work.slice_axis]
    inu_range = inu_n4(work, parameters.inu)
    fov, edge, superior = coverage_metrics(work, image)
    wrap, wrap_axis = wrap_indicator(work, image, names, parameters.edge_band_fraction)
    metal = metal_artifact(work, full, parameters.susceptibility)
    return QualityMetrics(
        snr=snr_immerkaer(work),
        snrd=snrd,
        efc=efc(work.data, work.frame) if work.has_air else float("nan"),
        fber=fber,
        qi1=qi1,
        fwhm_x_mm=widths[2] * spacing_kji[2],
        fwhm_y_mm=widths[1] * spacing_kji[1],
        fwhm_z_mm=widths[0] * spacing_kji[0],
        fwhm_inplane_vox=float(np.nanmean(inplane))
        if not np.isnan(inplane).all()
        else float("nan"),
        inu_range=inu_range,
        head_fov_fraction=fov,
        edge_truncation=edge,
        superior_truncation=superior,
        wrap=wrap,
        wrap_axis=wrap_axis,
        ghost=ghost,
        ghost_axis=ghost_axis,
        stair_step=stair_step(work),
        slice_anisotropy=float(max(spacing_kji) / min(spacing_kji)),
        has_air=work.has_air,
        metal_void_ml=metal.void_ml,
        metal_void_core_ml=metal.core_ml,
        metal_void_slice=metal.slice_index,
    )
