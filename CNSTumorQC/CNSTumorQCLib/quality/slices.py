"""Pixel-level slice checks of one volume: blank, constant, duplicated and outlier slices.

R-DATA-2 asks for no missing and no misordered slices; the header checks of
:mod:`CNSTumorQCLib.acquisition.integrity` cannot see a slice whose pixels were lost (zeroed or
filled with one value by a broken export) or a slice written twice at two positions. R-QC-3 asks
for grey levels suitable throughout: a single slice whose intensity jumps far from both its
neighbours (a mis-scaled or corrupted slice, an RF spike) is not anatomy. Each is found here on
the pixels, slice by slice along the acquisition axis (numpy axis 0 of a DICOM stack):

* ``blank``: every pixel of the slice has one value (zero or not) while slices on both sides
  hold an image. Constant slices at either end are zero padding (skull-stripped and resampled
  volumes have them) and are listed apart as ``blank_ends``, not as defects.
* ``duplicates``: two non-constant slices with identical pixels (byte for byte) at different
  positions; the later one is the copy.
* ``jumps``: the mean intensity of the slice, measured on the tissue its two neighbours share
  (so the slice's own brightness does not move the region), differs from the neighbours' mean by
  more than ``jump_limit`` (relative) and by more than ``jump_over_median`` times the volume's
  median jump. Natural slice-to-slice change in the bundled and shared real series stays below
  0.1; a slice scaled by 1.5 or 0.6 is above 0.3.

The checks are hand-written (numpy; no library finds these), cost one pass over the pixels, and
give the indices of the slices to repair before grading (:func:`repaired`), so that one bad slice
is reported once, as itself, and not as stair-step or motion (R-QC-1).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import numpy as np

from CNSTumorQCLib.quality.head_mask import OTSU_SAMPLE, otsu_threshold_of_histogram


@dataclass(frozen=True)
class SliceParameters:
    """Documented limits of the slice checks (stamped into the QC report)."""

    jump_limit: float = 0.30  # relative difference from the neighbours' mean
    jump_over_median: float = 4.0  # and this many times the volume's median jump
    min_shared_fraction: float = 0.05  # the neighbours' shared tissue, fraction of the slice
    min_shared_pixels: int = 200
    inplane_stride: int = 2  # the jump statistic is read on every other row and column

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


DEFAULT_SLICE_PARAMETERS = SliceParameters()


@dataclass(frozen=True)
class SliceCheck:
    """What the pixels of one volume say about its slices (indices along the slice axis)."""

    slices: int
    blank: tuple[int, ...] = ()
    blank_ends: tuple[int, ...] = ()
    constant_values: tuple[float, ...] = ()  # the value of each ``blank`` slice
    duplicates: tuple[tuple[int, int], ...] = ()  # (copy, original)
    jumps: tuple[tuple[int, float], ...] = ()  # (slice, relative jump)

    @property
    def defective(self) -> tuple[int, ...]:
        """Slices whose pixels are not the anatomy of their position (to repair before grading)."""
        found = set(self.blank) | {copy for copy, _ in self.duplicates}
        found |= {k for k, _ in self.jumps}
        return tuple(sorted(found))

    @property
    def clean(self) -> bool:
        return not self.defective


def _constant(volume: np.ndarray) -> np.ndarray:
    flat = volume.reshape(volume.shape[0], -1)
    return np.asarray(flat.min(axis=1) == flat.max(axis=1))


def _duplicates(volume: np.ndarray, constant: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (copy, original) of non-constant slices with identical pixels.

    A cheap fingerprint (the sum and a strided sample of each slice) finds the
    candidates; only slices with equal fingerprints are compared pixel by pixel.
    """
    flat = volume.reshape(volume.shape[0], -1)
    sums = flat.sum(axis=1, dtype=np.float64)
    sample = flat[:, :: max(1, flat.shape[1] // 97)]
    seen: dict[bytes, list[int]] = {}
    found = []
    for k in range(volume.shape[0]):
        if constant[k]:
            continue
        key = np.float64(sums[k]).tobytes() + np.ascontiguousarray(sample[k]).tobytes()
        originals = seen.setdefault(key, [])
        match = next((o for o in originals if np.array_equal(flat[k], flat[o])), None)
        if match is None:
            originals.append(k)
        else:
            found.append((k, match))
    return found


def _jumps(volume: np.ndarray, skip: set[int], params: SliceParameters) -> list[tuple[int, float]]:
    """Slices whose mean on their neighbours' shared tissue jumps from the neighbours' mean."""
    s = params.inplane_stride
    data = np.asarray(volume[:, ::s, ::s], dtype=np.float32)
    if data.shape[0] < 3:
        return []
    sample = data.ravel()[:: max(1, data.size // OTSU_SAMPLE)]
    threshold = otsu_threshold_of_histogram(sample) if sample.size else 0.0
    bright = data > threshold
    plane = data.shape[1] * data.shape[2]
    minimum = max(params.min_shared_pixels // (s * s), int(params.min_shared_fraction * plane))
    shared = bright[:-2] & bright[2:]  # the tissue both neighbours of slice k = 1..n-2 show
    count = shared.sum(axis=(1, 2))
    weights = shared.astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = [
            np.einsum("kij,kij->k", part, weights, dtype=np.float64) / count
            for part in (data[:-2], data[1:-1], data[2:])
        ]
    values: list[tuple[int, float]] = []
    for k in range(1, data.shape[0] - 1):
        if {k - 1, k, k + 1} & skip or count[k - 1] < minimum:
            continue
        neighbours = 0.5 * (float(means[0][k - 1]) + float(means[2][k - 1]))
        if neighbours <= 0:
            continue
        values.append((k, abs(float(means[1][k - 1]) - neighbours) / neighbours))
    if len(values) < 3:
        return []
    typical = float(np.median([v for _, v in values]))
    return [
        (k, round(v, 4))
        for k, v in values
        if v > params.jump_limit and v > params.jump_over_median * typical
    ]


def check_slices(
    volume: np.ndarray, params: SliceParameters = DEFAULT_SLICE_PARAMETERS
) -> SliceCheck:
    """Blank, duplicated and outlier slices of ``volume`` (slices along numpy axis 0)."""
    if volume.ndim != 3 or volume.shape[0] == 0:
        return SliceCheck(slices=int(volume.shape[0]) if volume.ndim else 0)
    constant = _constant(volume)
    imaged = np.flatnonzero(~constant)
    if imaged.size == 0:
        return SliceCheck(
            slices=volume.shape[0],
            blank=tuple(range(volume.shape[0])),
            constant_values=tuple(float(volume[k].flat[0]) for k in range(volume.shape[0])),
        )
    first, last = int(imaged[0]), int(imaged[-1])
    blank = tuple(int(k) for k in np.flatnonzero(constant) if first < k < last)
    ends = tuple(int(k) for k in np.flatnonzero(constant) if k < first or k > last)
    duplicates = _duplicates(volume, constant)
    skip = set(blank) | set(ends) | {copy for copy, _ in duplicates}
    return SliceCheck(
        slices=volume.shape[0],
        blank=blank,
        blank_ends=ends,
        constant_values=tuple(float(volume[k].flat[0]) for k in blank),
        duplicates=tuple(duplicates),
        jumps=tuple(_jumps(volume, skip, params)),
    )


def repaired(volume: np.ndarray, check: SliceCheck) -> np.ndarray:
    """A copy of ``volume`` with each defective slice replaced by its nearest good neighbours.

    The mean of the nearest good slice on each side (or the one side at an end): the image the
    quality metrics should judge, so that one bad slice does not read as motion or stair-steps.
    ``volume`` itself is returned when nothing is defective.
    """
    bad = set(check.defective)
    if not bad:
        return volume
    good = [k for k in range(volume.shape[0]) if k not in bad]
    if not good:
        return volume
    out = np.array(volume, copy=True)
    for k in sorted(bad):
        below = max((g for g in good if g < k), default=None)
        above = min((g for g in good if g > k), default=None)
        sides = [volume[g].astype(np.float32) for g in (below, above) if g is not None]
        out[k] = (sum(sides) / len(sides)).astype(volume.dtype)
    return out


def volume_digest(volume: np.ndarray) -> str:
    """A content hash of the pixels (shape and type included): equal digests, identical volumes."""
    digest = hashlib.sha256(f"{volume.shape}{volume.dtype}".encode())
    digest.update(np.ascontiguousarray(volume).tobytes())
    return digest.hexdigest()
