"""Segmentation-free image-quality metrics (IQMs) of one MR series (R-QC-1, R-QC-3).

Formulas follow MRIQC (``nipreps/mriqc:mriqc/qc/anatomical.py``, transcribed in
``qc-anchors.md`` section 1.1), re-implemented with numpy and SimpleITK on the masks of
:mod:`CNSTumorQCLib.head_mask` (MRIQC itself needs AFNI/ANTs/FSL and the network):

* ``snr``: MRIQC's ``snr`` formula, ``mu_F / (sigma_F * sqrt(n / (n - 1)))``, on the head mask
  instead of tissue masks (no segmentation), as MRQy's foreground SNR.
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
* ``inu_range`` / ``inu_median``: N4 bias field (SimpleITK ``N4BiasFieldCorrectionImageFilter``
  on a volume shrunk to about ``n4_grid`` voxels per axis): ``(P95 - P5) / median`` of
  ``exp(log field)`` in the head; 0 is perfectly uniform.
* ``head_fov_fraction``: head voxels / field-of-view voxels (coverage, R-QC-3).
* ``edge_truncation``: largest fraction of one side face of the FOV (excluding the inferior
  face, where the neck continues) covered by the head: the head is cut by the FOV.
* ``superior_truncation``: head area in the most superior slice / the largest head area
  (whole-brain coverage: near 0 when the vertex is inside the FOV).
* ``wrap``: wrap-around indicator: fraction of the outer ``edge_band`` of each non-slice axis
  that is tissue-bright (> Otsu) yet outside the head component; the maximum over axes
  (``wrap_axis`` names it). Hand-written: MRIQC has no equivalent.
* ``stair_step``: slice-to-slice discontinuity along the slice axis: 90th percentile of
  ``|m_k - (m_{k-1} + m_{k+1}) / 2| / median(m)`` over slices with at least half the largest
  head area (``m_k`` = mean head intensity of slice k). Hand-written.
* ``slice_anisotropy``: coarsest / finest voxel spacing (thick 2D slices reformat in steps).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorQCLib.head_mask import (
    MaskParameters,
    WorkingVolume,
    as_scalar_image,
    head_and_air_masks,
    superior_end,
)

DIETRICH_FACTOR = 0.6551364  # 1 / sqrt(2 / (4 - pi)), MRIQC's constant
MAD_SCALE = 1.4826  # MAD of a normal sample -> its standard deviation
PATIENT_AXES = ("left-right", "anterior-posterior", "superior-inferior")  # LPS x, y, z


@dataclass(frozen=True)
class MetricParameters:
    """Documented parameters of the metrics (besides the masks')."""

    masks: MaskParameters = MaskParameters()
    qi1_zscore: float = 10.0  # MRIQC's artifact z-score
    n4_grid: int = 24  # N4 runs on about this many voxels per axis
    n4_iterations: tuple[int, ...] = (20, 10)  # per fitting level
    edge_band_fraction: float = 0.05  # outer band of each axis examined for wrap-around


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
    inu_median: float
    inu_range: float
    head_fov_fraction: float
    edge_truncation: float
    superior_truncation: float
    wrap: float
    wrap_axis: str
    stair_step: float
    slice_anisotropy: float
    has_air: bool

    def to_dict(self) -> dict[str, float]:
        """Numeric metrics only (``wrap_axis`` is a word; ``has_air`` becomes 0/1)."""
        values = asdict(self)
        values.pop("wrap_axis")
        return {key: float(value) for key, value in values.items()}


def _mad(values: np.ndarray) -> float:
    return float(MAD_SCALE * np.median(np.abs(values - np.median(values))))


def efc(data: np.ndarray, frame: np.ndarray) -> float:
    """Atkinson's entropy focus criterion, normalised to [0, 1] as in MRIQC."""
    values = np.abs(data[~frame]).astype(np.float64)
    n = values.size
    b_max = np.sqrt(np.sum(values**2))
    if n < 2 or b_max == 0:
        return float("nan")
    e_max = n * (1.0 / np.sqrt(n)) * np.log(1.0 / np.sqrt(n))
    ratio = values / b_max
    return float(np.sum(ratio * np.log(ratio + 1e-16)) / e_max)


def _air_metrics(work: WorkingVolume, mu_f: float, zscore: float) -> tuple[float, float, float]:
    """SNRd, FBER and QI1 from the air background; NaN when there is no air."""
    if not work.has_air:
        return float("nan"), float("nan"), float("nan")
    air = np.abs(work.data[work.air])
    mad = _mad(air)
    spread = mad if mad > 0 else float(np.std(air))
    snrd = DIETRICH_FACTOR * mu_f / spread if spread > 0 else float("nan")
    air_energy = float(np.median(air**2)) or float(np.mean(air**2))
    fber = (
        float(np.median(work.data[work.head] ** 2)) / air_energy if air_energy > 0 else float("nan")
    )
    positive = air[air > 0]
    location, scale = float(np.median(positive)), _mad(positive) or float(np.std(positive)) or 1.0
    artifact = np.zeros_like(work.air)
    artifact[work.air] = (air - location) / scale > zscore
    artifact = ndimage.binary_opening(artifact, structure=ndimage.generate_binary_structure(3, 1))
    qi1 = float(artifact.sum()) / float(work.air.sum())
    return float(snrd), float(fber), qi1


def fwhm_per_axis(full: np.ndarray, head_full: np.ndarray) -> list[float]:
    """AFNI 3dFWHMx's per-axis FWHM in voxels (numpy order), inside the head, no detrending."""
    variance = float(np.var(full[head_full]))
    widths = []
    for axis in range(3):
        if full.shape[axis] < 2 or variance == 0:
            widths.append(float("nan"))
            continue
        lo = [slice(None)] * 3
        hi = [slice(None)] * 3
        lo[axis], hi[axis] = slice(None, -1), slice(1, None)
        both = head_full[tuple(lo)] & head_full[tuple(hi)]
        diffs = (full[tuple(hi)] - full[tuple(lo)])[both]
        arg = 1.0 - float(np.var(diffs)) / (2.0 * variance) if diffs.size else 0.0
        widths.append(
            float(np.sqrt(-1.0 / (4.0 * np.log(arg)))) if 0.0 < arg < 1.0 else float("nan")
        )
    return widths


def _upsample_mask(
    mask: np.ndarray, strides: tuple[int, int, int], shape: tuple[int, ...]
) -> np.ndarray:
    out = mask
    for axis, stride in enumerate(strides):
        if stride > 1:
            out = np.repeat(out, stride, axis=axis)
    return out[: shape[0], : shape[1], : shape[2]]


def inu_from_n4(image: sitk.Image, parameters: MetricParameters) -> tuple[float, float]:
    """Median and relative P5-P95 range of the N4 bias field inside an Otsu head mask."""
    shrink = [max(1, int(np.ceil(size / parameters.n4_grid))) for size in image.GetSize()]
    small = sitk.Shrink(image, shrink)
    mask = sitk.OtsuThreshold(small, 0, 1, 128)
    if sitk.GetArrayViewFromImage(mask).sum() < 27:
        return float("nan"), float("nan")
    n4 = sitk.N4BiasFieldCorrectionImageFilter()
    n4.SetMaximumNumberOfIterations(list(parameters.n4_iterations))
    n4.Execute(small, mask)
    field = np.exp(sitk.GetArrayFromImage(n4.GetLogBiasFieldAsImage(small)))
    inside = field[sitk.GetArrayFromImage(mask) > 0]
    median = float(np.median(inside))
    p5, p95 = np.percentile(inside, [5, 95])
    return median, float((p95 - p5) / median)


def _patient_axis_names(image: sitk.Image) -> list[str]:
    """Patient axis (LPS) of each numpy axis (k, j, i), from the direction cosines."""
    direction = np.array(image.GetDirection()).reshape(3, 3)
    names = [PATIENT_AXES[int(np.argmax(np.abs(direction[:, col])))] for col in range(3)]
    return list(reversed(names))


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
    """Tissue-bright voxels away from the head in the edge bands of each axis.

    Skipped: the slice axis of thick-slice stacks (the brain fills the end slices) and the
    inferior band, where the neck continues out of the field of view.
    """
    bright = (work.data > work.otsu_threshold) & work.background
    si_axis, towards_superior = superior_end(image)
    best, best_axis = 0.0, "none"
    for axis in range(3):
        if axis == work.slice_axis and work.spacing[axis] > 1.5 * min(work.spacing):
            continue
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


def stair_step(work: WorkingVolume) -> float:
    """Slice-to-slice jumps of the mean head intensity along the slice axis."""
    axis = work.slice_axis
    other = tuple(a for a in range(3) if a != axis)
    areas = work.head.sum(axis=other).astype(float)
    sums = np.where(work.head, work.data, 0).sum(axis=other)
    keep = areas >= 0.5 * areas.max()
    means = sums[keep] / areas[keep]
    if means.size < 3:
        return float("nan")
    scale = float(np.median(np.abs(means)))
    if scale == 0:
        return float("nan")
    jumps = np.abs(means[1:-1] - 0.5 * (means[:-2] + means[2:])) / scale
    return float(np.percentile(jumps, 90))


def compute_quality_metrics(
    image: sitk.Image, parameters: MetricParameters | None = None
) -> QualityMetrics:
    """All the IQMs of one series (a SimpleITK image: 2D multi-slice stack or 3D volume)."""
    parameters = parameters or MetricParameters()
    image = as_scalar_image(image)
    work = head_and_air_masks(image, parameters.masks)
    head_values = work.data[work.head]
    mu_f = float(np.mean(head_values))
    sigma_f = float(np.std(head_values, ddof=1)) if head_values.size > 1 else 0.0
    snrd, fber, qi1 = _air_metrics(work, mu_f, parameters.qi1_zscore)
    full = sitk.GetArrayViewFromImage(image)
    head_full = _upsample_mask(work.head, work.strides, full.shape)
    widths = fwhm_per_axis(full, head_full)
    spacing_kji = list(reversed(image.GetSpacing()))
    names = _patient_axis_names(image)
    inplane = [widths[a] for a in range(3) if a != work.slice_axis]
    inu_median, inu_range = inu_from_n4(image, parameters)
    fov, edge, superior = coverage_metrics(work, image)
    wrap, wrap_axis = wrap_indicator(work, image, names, parameters.edge_band_fraction)
    return QualityMetrics(
        snr=mu_f / sigma_f if sigma_f > 0 else float("nan"),
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
        inu_median=inu_median,
        inu_range=inu_range,
        head_fov_fraction=fov,
        edge_truncation=edge,
        superior_truncation=superior,
        wrap=wrap,
        wrap_axis=wrap_axis,
        stair_step=stair_step(work),
        slice_anisotropy=float(max(spacing_kji) / min(spacing_kji)),
        has_air=work.has_air,
    )
