"""Intensity non-uniformity (INU) by N4 on a sample of the head (R-QC-1).

MRIQC's ``inu_range`` summarises the N4 bias field (Tustison et al. 2010, IEEE TMI
29:1310, doi:10.1109/TMI.2010.2046908): ``P95 - P5`` of the field, normalised to median 1,
inside the head. This module runs N4's iteration on a few thousand voxels of the head core:

1. log intensities ``v`` of the sample, current log field ``f`` (start: see below);
2. N4's histogram sharpening of ``u = v - f``: a 200-bin histogram (linear splatting),
   deconvolved by a Gaussian of FWHM 0.15 with a Wiener filter (noise 0.01), and the
   expected true value of each bin, ``E[u_true | u]``, mapped back to every voxel;
3. the residual ``u - E[u_true | u]`` smoothed by a least-squares fit of a tensor-product
   cubic B-spline with 4 control points per axis (N4's default mesh; over one mesh element the
   cubic B-splines are the Bernstein polynomials), added to ``f``;
4. stop when the coefficient of variation of ``exp(increment)`` falls below 0.001 (N4's
   convergence measure and default threshold) or after 50 iterations (N4's default per level).

The parameters are N4's defaults (``itk::N4BiasFieldCorrectionImageFilter``: 200 bins, FWHM
0.15, Wiener noise 0.01, 4 control points, threshold 0.001, 50 iterations). Two departures,
both for the cost target (grading <= 10x the series read):

* one fitting level on a sample, not N4's multi-resolution B-spline on every voxel;
* N4 creeps towards strong fields from its zero start (50 iterations reached a tenth of a
  TorchIO field of range 6-11). The iteration starts instead from a linear log field fitted
  robustly (Tukey bisquare) to the tissue-bright samples: it takes the bulk of a strong
  gradient, while a lopsided tissue (a white-matter lobe, a tumour) is an outlier to it, not a
  field. A plain least-squares start reads such anatomy as a field and the sharpening does not
  take it back out (``Testing/QC/test_bias_field.py`` shows both on a phantom).

The sample is the head core, 12 mm inside the scalp (the scalp-fat ring is not a field); a
skull-stripped or masked volume (no air background: the "head" is the brain) is not eroded.

Why not ``sitk.N4BiasFieldCorrectionImageFilter``? ``bench/inu.py`` runs both side by side on
TorchIO bias fields imposed on five real volumes (same masks; the estimated minus the original's
field regressed on the imposed one, medians of 15): this module, slope 0.97, r 0.996, 23 ms;
SimpleITK at one level on 8 mm, slope 0.13 (it barely leaves its zero start), 0.41 s; SimpleITK
at three levels on 4 mm, slope 0.68, r 0.98, 5 s. The grading budget is 10x the series read,
0.02-0.2 s. Written by hand: the iteration is
short numpy code; the matrix of the B-spline fit is fixed, so each iteration costs a histogram,
three FFTs of 512 points and two small matrix products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage
from scipy.linalg import cho_factor, cho_solve

from CNSTumorQCLib.quality.head_mask import WorkingVolume, within_box


@dataclass(frozen=True)
class N4Parameters:
    """N4's defaults, and the sample this module runs them on."""

    histogram_bins: int = 200
    fwhm: float = 0.15  # of the histogram's Gaussian blur (N4's BiasFieldFullWidthAtHalfMaximum)
    wiener_noise: float = 0.01
    convergence_threshold: float = 0.001
    maximum_iterations: int = 50
    robust_start: bool = True  # start from a robust linear fit (see the module docstring)
    samples: int = 3000  # voxels of the head core the field is estimated on
    core_depth_mm: float = 12.0  # the sample stays this far inside the scalp (not the fat ring)


def bernstein_cubic(t: np.ndarray) -> np.ndarray:
    """The four cubic B-splines of one mesh element at ``t`` in [0, 1] (columns)."""
    t = np.clip(t, 0.0, 1.0)
    s = 1.0 - t
    return np.stack([s**3, 3.0 * t * s * s, 3.0 * t * t * s, t**3], axis=1)


@dataclass(frozen=True)
class BSplineBox:
    """A tensor-product cubic B-spline with one mesh element (N4's default of 4 control points
    per axis) over a box of the working grid."""

    low: tuple[float, float, float]
    span: tuple[float, float, float]

    @classmethod
    def around(cls, indices: tuple[np.ndarray, ...]) -> BSplineBox:
        lows = [float(c.min()) for c in indices]
        spans = [float(np.ptp(c)) or 1.0 for c in indices]
        return cls(tuple(lows), tuple(spans))  # type: ignore[arg-type]

    def design(self, indices: tuple[np.ndarray, ...]) -> np.ndarray:
        """One row per voxel, 64 columns (outside the box the end values are held)."""
        a, b, c = (
            bernstein_cubic((coordinate.astype(np.float64) - low) / span)
            for coordinate, low, span in zip(indices, self.low, self.span, strict=True)
        )
        return (a[:, :, None, None] * b[:, None, :, None] * c[:, None, None, :]).reshape(
            a.shape[0], -1
        )


@dataclass(frozen=True)
class BiasFieldEstimate:
    """The N4 log field: its B-spline, and its values on the sample voxels."""

    indices: tuple[np.ndarray, np.ndarray, np.ndarray]  # the sample, working-grid numpy indices
    log_field: np.ndarray  # on the sample
    tissue: np.ndarray  # bool: sample voxels above the Otsu threshold (the summary's domain)
    iterations: int
    box: BSplineBox
    coefficients: np.ndarray  # 64 B-spline coefficients of the log field

    def inu_range(self) -> float:
        """MRIQC's ``inu_range``: P95 - P5 of the field (median 1) on the tissue samples."""
        values = self.log_field[self.tissue]
        if values.size == 0:
            return float("nan")
        field = np.exp(values - np.median(values))
        p5, p95 = np.percentile(field, [5, 95])
        return float(p95 - p5)

    def log_field_at(self, indices: tuple[np.ndarray, ...]) -> np.ndarray:
        """The log field at any working-grid voxels."""
        return np.einsum("ni,i->n", self.box.design(indices), self.coefficients)


def _linear_in_bernstein() -> np.ndarray:
    """64 x 4: the Bernstein coefficients of 1, x, y, z (t = sum_k (k/3) B_k(t), 1 = sum_k B_k)."""
    ramp = np.arange(4) / 3.0
    one = np.ones(4)
    columns = [np.einsum("i,j,k->ijk", one, one, one)]
    for axis in range(3):
        factors: list[np.ndarray] = [one, one, one]
        factors[axis] = ramp
        columns.append(np.einsum("i,j,k->ijk", *factors))
    return np.stack([c.ravel() for c in columns], axis=1)


_LINEAR_IN_BERNSTEIN = _linear_in_bernstein()


def _robust_linear_fit(design: np.ndarray, values: np.ndarray, rounds: int = 8) -> np.ndarray:
    """Tukey-bisquare IRLS of ``values`` on ``design`` (tuning 4.685 x 1.4826 MAD); stops
    early once the coefficients move by less than 1e-4."""
    weights = np.ones_like(values)
    coefficients = np.zeros(design.shape[1])
    for _ in range(rounds):
        previous = coefficients
        weighted = design * weights[:, None]
        gram = np.einsum("ni,nj->ij", weighted, design)
        coefficients = np.linalg.solve(
            gram + 1e-9 * np.eye(gram.shape[0]), np.einsum("ni,n->i", weighted, values)
        )
        residual = values - np.einsum("ni,i->n", design, coefficients)
        scale = 1.4826 * float(np.median(np.abs(residual - np.median(residual)))) or 1e-6
        u = residual / (4.685 * scale)
        weights = np.where(np.abs(u) < 1.0, (1.0 - u * u) ** 2, 0.0)
        if float(np.max(np.abs(coefficients - previous))) < 1e-4:
            break
    return coefficients


class _LeastSquares:
    """The least-squares B-spline fit of any residual on a fixed design: ``(D^T D) c = D^T r``.

    The Cholesky factor of the 64 x 64 normal matrix is computed once, so each iteration costs
    two small matrix-vector products. A tiny ridge keeps the far corners of the box, where the
    sample may be empty, determined.
    """

    def __init__(self, design: np.ndarray) -> None:
        self.design = design
        # einsum, not BLAS: the multi-threaded BLAS leaves worker threads spinning after so
        # small a product, and they take CPU from the multi-threaded SimpleITK filters.
        gram = np.einsum("ni,nj->ij", design, design)
        ridge = 1e-6 * float(np.trace(gram)) / gram.shape[0]
        self.factor = cho_factor(gram + ridge * np.eye(gram.shape[0]))

    def coefficients(self, residual: np.ndarray) -> np.ndarray:
        """The B-spline coefficients of the fit of ``residual`` (one value per design row)."""
        return cho_solve(self.factor, np.einsum("ni,n->i", self.design, residual))


def sharpen(log_values: np.ndarray, parameters: N4Parameters) -> np.ndarray:
    """N4's ``SharpenImage``: each value mapped to ``E[true | observed]`` of its histogram bin."""
    bins = parameters.histogram_bins
    low, high = float(log_values.min()), float(log_values.max())
    if high <= low:
        return log_values.copy()
    width = (high - low) / (bins - 1)
    position = (log_values - low) / width
    lower = np.clip(np.floor(position).astype(np.intp), 0, bins - 1)
    fraction = position - lower
    upper = np.minimum(lower + 1, bins - 1)
    histogram = np.bincount(lower, 1.0 - fraction, bins) + np.bincount(upper, fraction, bins)

    size = 1 << (int(np.ceil(np.log2(bins))) + 1)  # padded to a power of two, as N4 does
    offset = (size - bins) // 2
    padded = np.zeros(size)
    padded[offset : offset + bins] = histogram
    spectrum = np.fft.rfft(padded)
    # Gaussian of FWHM ``fwhm`` (in bins), centred on index 0 with wrap-around
    scaled_fwhm = parameters.fwhm / width
    exponent = 4.0 * np.log(2.0) / scaled_fwhm**2
    index = np.arange(size, dtype=np.float64)
    lag = np.where(index > size // 2, index - size, index)
    kernel = np.fft.rfft(np.sqrt(exponent / np.pi) * np.exp(-exponent * lag * lag))
    wiener = np.conj(kernel) / (np.abs(kernel) ** 2 + parameters.wiener_noise)
    sharpened = np.maximum(np.fft.irfft(spectrum * wiener, size), 0.0)
    centres = low + (np.arange(size) - offset) * width
    numerator = np.fft.irfft(np.fft.rfft(sharpened * centres) * kernel, size)
    denominator = np.fft.irfft(np.fft.rfft(sharpened) * kernel, size)
    safe = denominator > 1e-12 * float(denominator.max())
    expected = np.where(safe, numerator / np.where(safe, denominator, 1.0), centres)
    return np.interp(log_values, centres[offset : offset + bins], expected[offset : offset + bins])


def head_core(work: WorkingVolume, depth_mm: float) -> np.ndarray:
    """The head eroded in plane by ``depth_mm``: the scalp-fat ring is not a bias field.

    Skull-stripped volumes (no air background: the "head" is the brain) are not eroded.
    """
    if not work.has_air:
        return work.head
    structure = np.zeros((3, 3, 3), dtype=bool)
    plane: list[slice | int] = [slice(None)] * 3
    plane[work.slice_axis] = 1
    structure[tuple(plane)] = ndimage.generate_binary_structure(2, 1)
    depth = max(1, int(round(depth_mm / min(work.spacing))))
    return within_box(
        work.head,
        1,
        lambda box: ndimage.binary_erosion(box, structure=structure, iterations=depth),
    )


def estimate_bias_field(
    work: WorkingVolume, parameters: N4Parameters | None = None
) -> BiasFieldEstimate | None:
    """N4's log bias field on a sample of the head core; None when the sample is too small."""
    parameters = parameters or N4Parameters()
    core = head_core(work, parameters.core_depth_mm) & (work.data > 0)
    flat = np.flatnonzero(core)
    if flat.size < 100:
        return None
    flat = flat[:: max(1, flat.size // parameters.samples)]
    indices = np.unravel_index(flat, core.shape)
    values = work.data.ravel()[flat].astype(np.float64)
    tissue = values > work.otsu_threshold
    if int(tissue.sum()) < 50:
        return None
    log_values = np.log(values)
    box = BSplineBox.around(indices)
    design = box.design(indices)

    # start: the field that makes the tissue-bright samples uniform (see the module docstring)
    if parameters.robust_start:
        linear = np.einsum("nb,bl->nl", design, _LINEAR_IN_BERNSTEIN)
        coefficients = np.einsum(
            "bl,l->b", _LINEAR_IN_BERNSTEIN, _robust_linear_fit(linear[tissue], log_values[tissue])
        )
    else:
        coefficients = np.zeros(design.shape[1])
    field = np.einsum("ni,i->n", design, coefficients)
    fit = _LeastSquares(design)
    iterations = 0
    for iterations in range(1, parameters.maximum_iterations + 1):  # noqa: B007
        current = log_values - field
        step = fit.coefficients(current - sharpen(current, parameters))
        increment = np.einsum("ni,i->n", design, step)
        coefficients = coefficients + step
        field += increment
        ratio = np.exp(increment)
        if float(np.std(ratio) / np.mean(ratio)) < parameters.convergence_threshold:
            break
    return BiasFieldEstimate(indices, field, tissue, iterations, box, coefficients)  # type: ignore[arg-type]


def inu_n4(work: WorkingVolume, parameters: N4Parameters | None = None) -> float:
    """``inu_range`` of the N4 field (NaN when the head core is too small to estimate it)."""
    estimate = estimate_bias_field(work, parameters)
    return float("nan") if estimate is None else estimate.inu_range()
