"""Label maps and binary masks as the agreement metrics need them: arrays plus physical spacing.

Every metric in this package works on numpy arrays in SimpleITK's array order (z, y, x) with
the spacing given in the same axis order (``spacing_mm[0]`` is the slice spacing). A label map
may come as a path, a SimpleITK image or a numpy array; :func:`load_label_maps` checks that
several label maps share one voxel grid, because comparing masks on different grids silently
produces nonsense.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.image_io import read_image

#: Geometry tolerance (mm, direction cosine) below which two grids count as the same.
GRID_TOLERANCE = 1e-4


@dataclass(frozen=True)
class LabelMap:
    """One rater's label map: integer labels in array order (z, y, x) and spacing in that order."""

    name: str
    labels: np.ndarray
    spacing_mm: tuple[float, float, float]
    origin: tuple[float, ...] = (0.0, 0.0, 0.0)
    direction: tuple[float, ...] = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
    source: str = ""

    def region_mask(self, label_values: Iterable[int]) -> np.ndarray:
        """The binary mask of the voxels carrying any of ``label_values`` (a region)."""
        return region_mask(self.labels, label_values)


def region_mask(labels: np.ndarray, label_values: Iterable[int]) -> np.ndarray:
    """Boolean mask of ``labels`` in ``label_values`` (e.g. whole tumor = {1, 2, 4})."""
    values = sorted({int(v) for v in label_values})
    if not values:
        raise InvalidInputError(tr("a region needs at least one label value"))
    return np.isin(labels, values)


def as_bool_mask(mask: np.ndarray, name: str = N_("mask")) -> np.ndarray:
    """A 3-D boolean view of ``mask``; non-zero counts as foreground. ``name`` (marked with
    ``N_`` by the caller) is translated in the error."""
    array = np.asarray(mask)
    if array.ndim != 3:
        raise InvalidInputError(
            tr("{name} must be a 3-D array, got {ndim}-D", name=tr(name), ndim=array.ndim)
        )
    return array if array.dtype == bool else array != 0


def check_spacing(spacing_mm: Sequence[float], ndim: int = 3) -> tuple[float, ...]:
    """Spacing as a tuple of positive floats, one per axis."""
    spacing = tuple(float(s) for s in spacing_mm)
    if len(spacing) != ndim or not all(np.isfinite(s) and s > 0 for s in spacing):
        raise InvalidInputError(
            tr(
                "spacing must be {ndim} positive numbers, got {spacing_mm!r}",
                ndim=ndim,
                spacing_mm=spacing_mm,
            )
        )
    return spacing


def check_same_shape(a: np.ndarray, b: np.ndarray) -> None:
    """Two masks compared voxel by voxel must have one shape."""
    if a.shape != b.shape:
        raise InvalidInputError(
            tr("masks differ in shape: {shape_a} vs {shape_b}", shape_a=a.shape, shape_b=b.shape)
        )


def label_map_from_image(image: sitk.Image, name: str, source: str = "") -> LabelMap:
    """A :class:`LabelMap` from a SimpleITK image (spacing reversed into array order)."""
    if image.GetDimension() != 3:
        raise InvalidInputError(tr("label map {name} must be 3-D", name=name), source or None)
    if image.GetNumberOfComponentsPerPixel() != 1:
        raise InvalidInputError(
            tr("label map {name} must have one component", name=name), source or None
        )
    array = sitk.GetArrayFromImage(image)
    if not np.issubdtype(array.dtype, np.integer):
        if not np.all(np.equal(np.mod(array, 1), 0)):
            raise InvalidInputError(
                tr("label map {name} holds non-integer values", name=name), source or None
            )
        array = array.astype(np.int32)
    return LabelMap(
        name=name,
        labels=array,
        spacing_mm=tuple(reversed(image.GetSpacing())),  # type: ignore[arg-type]
        origin=tuple(image.GetOrigin()),
        direction=tuple(image.GetDirection()),
        source=source,
    )


def read_label_map(path: str | Path, name: str | None = None) -> LabelMap:
    """Read a NIfTI/NRRD label map with SimpleITK; errors name the file."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("label map not found"), path)
    image = read_image(path, tr("label map"))  # verified: gzip CRC, size, finite values
    label_name = name or path.name.removesuffix(".gz").removesuffix(".nii").removesuffix(".nrrd")
    return label_map_from_image(image, label_name, str(path))


def check_same_grid(label_maps: Sequence[LabelMap]) -> None:
    """Raise when the label maps do not share shape, spacing, origin and direction."""
    first = label_maps[0]
    for other in label_maps[1:]:
        where = other.source or None
        if other.labels.shape != first.labels.shape:
            raise InvalidInputError(
                tr(
                    (
                        "{other_name} has shape {other_shape}, {first_name} {first_shape}: "
                        "resample onto one grid before comparing"
                    ),
                    other_name=other.name,
                    other_shape=other.labels.shape,
                    first_name=first.name,
                    first_shape=first.labels.shape,
                ),
                where,
            )
        for what, x, y in (
            (N_("spacing"), other.spacing_mm, first.spacing_mm),
            (N_("origin"), other.origin, first.origin),
            (N_("direction"), other.direction, first.direction),
        ):
            if not np.allclose(x, y, atol=GRID_TOLERANCE):
                raise InvalidInputError(
                    tr(
                        (
                            "{other_name} differs from {first_name} in {what}: {other_value} "
                            "vs {first_value}"
                        ),
                        other_name=other.name,
                        first_name=first.name,
                        what=tr(what),
                        other_value=x,
                        first_value=y,
                    ),
                    where,
                )


def load_label_maps(
    items: Mapping[str, str | Path | sitk.Image | LabelMap] | Sequence[str | Path],
) -> list[LabelMap]:
    """Label maps from paths, images or :class:`LabelMap` objects, checked to share one grid.

    A sequence of paths is named by file name; a mapping gives the rater names explicitly.
    """
    named: list[tuple[str | None, str | Path | sitk.Image | LabelMap]]
    if isinstance(items, Mapping):
        named = list(items.items())
    else:
        named = [(None, item) for item in items]
    if len(named) < 2:
        raise InvalidInputError(tr("agreement needs at least two label maps"))
    maps: list[LabelMap] = []
    for name, item in named:
        if isinstance(item, LabelMap):
            maps.append(item)
        elif isinstance(item, sitk.Image):
            maps.append(label_map_from_image(item, name or f"rater{len(maps) + 1}"))
        else:
            maps.append(read_label_map(item, name))
    names = [m.name for m in maps]
    if len(set(names)) != len(names):
        raise InvalidInputError(tr("rater names must be unique, got {names}", names=names))
    check_same_grid(maps)
    return maps
