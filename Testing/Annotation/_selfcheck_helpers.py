"""Real edits of a label map for the self-check tests, and a finder for the real ventricles.

Every edit works on numpy copies of SimpleITK masks and keeps the mask's geometry, as an
annotator's brush would. Nothing here knows the self-check's thresholds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorQCLib.sequences import MRSequence


@dataclass
class RealInputs:
    """The annotated case's masks, volumes, registration and schema, read once."""

    schema: Any
    masks: dict[str, sitk.Image]
    references: dict[MRSequence, sitk.Image]
    transforms: dict[MRSequence, sitk.Transform]


def check(inputs: RealInputs, masks: Mapping[str, sitk.Image], **options: Any) -> Any:
    """The self-check's core on ``masks`` with the case's references and registration."""
    from CNSTumorAnnotationLib.selfcheck.core import check_masks

    return check_masks(
        masks,
        inputs.references,
        options.pop("schema", inputs.schema),
        transforms=inputs.transforms,
        **options,
    )


def found(result: Any, rule: str, severity: Any, region: str) -> list[Any]:
    """The findings of ``result`` with this rule, severity and region."""
    return [
        f
        for f in result.findings
        if f.rule == rule and f.severity is severity and f.region == region
    ]


def array(mask: sitk.Image) -> np.ndarray:
    return sitk.GetArrayFromImage(mask).astype(bool)


def image_like(values: np.ndarray, like: sitk.Image) -> sitk.Image:
    image = sitk.GetImageFromArray(values.astype(np.uint8))
    image.CopyInformation(like)
    return image


def edited(mask: sitk.Image, edit: Callable[[np.ndarray], None]) -> sitk.Image:
    """A copy of ``mask`` with ``edit`` applied in place to its KJI boolean array."""
    values = array(mask)
    edit(values)
    return image_like(values, mask)


def with_region(
    masks: Mapping[str, sitk.Image], key: str, mask: sitk.Image
) -> dict[str, sitk.Image]:
    changed = dict(masks)
    changed[key] = mask
    return changed


def slices_of(mask: sitk.Image) -> list[int]:
    return [int(k) for k in np.nonzero(array(mask).any(axis=(1, 2)))[0]]


def _remove_small(values: np.ndarray, spacing: tuple[float, ...], min_mm3: float) -> np.ndarray:
    labels, count = ndimage.label(values, structure=np.ones((3, 3, 3)))
    sizes = ndimage.sum(values, labels, range(1, count + 1)) * float(np.prod(spacing))
    keep = np.zeros(count + 1, dtype=bool)
    keep[1:] = sizes >= min_mm3
    return keep[labels]


def _close_along_slices(values: np.ndarray) -> np.ndarray:
    """Fill one-slice gaps where the slices above and below overlap (a careful annotator's fix)."""
    filled = values.copy()
    filled[1:-1] |= values[:-2] & values[2:]
    return filled


def cleaned_masks(
    inputs: RealInputs, move_label: Callable[..., sitk.Image]
) -> dict[str, sitk.Image]:
    """The machine-made reference cleaned as an annotator would: nested, gap-free, no specks.

    Inner regions are cut to their outer region moved onto their grid with the case's own
    registration (``registration.move_label``); one-slice gaps are filled; components under
    50 mm3 are removed.
    """
    schema, masks = inputs.schema, dict(inputs.masks)

    def transform(key: str) -> sitk.Transform:
        sequence = schema.region(key).reference_sequence
        return inputs.transforms.get(sequence, sitk.Euler3DTransform())

    for inner, outer in reversed(schema.hierarchy):  # outermost pair first
        moved = move_label(masks[outer], transform(outer), masks[inner], transform(inner))
        masks[inner] = sitk.And(masks[inner], moved)
    for key, mask in masks.items():
        values = _close_along_slices(array(mask))
        masks[key] = image_like(_remove_small(values, mask.GetSpacing(), 50.0), mask)
    return masks


def ventricle_voxels(flair: sitk.Image) -> np.ndarray:
    """The lateral ventricles on the real FLAIR: the largest dark cavity near the head's centre.

    CSF is dark on FLAIR: the head (Otsu foreground) has holes where the ventricles are. Holes
    are filled slice by slice, the outer 15 mm (scalp and skull, also dark) are eroded away,
    the dark voxels left inside are split into components, and the largest one whose centre
    lies within 25 mm (in-plane) of the head's centre is the ventricle system.
    """
    head = sitk.GetArrayFromImage(sitk.OtsuThreshold(flair, 0, 1)).astype(bool)
    spacing = np.array(flair.GetSpacing())[::-1]  # KJI
    filled = np.stack([ndimage.binary_fill_holes(s) for s in head])
    rim = int(round(15.0 / spacing[1]))
    inner = np.stack([ndimage.binary_erosion(s, iterations=rim) for s in filled])
    cavities = ndimage.binary_opening(inner & ~head, structure=np.ones((1, 2, 2)))
    labels, count = ndimage.label(cavities)
    centre = np.array(ndimage.center_of_mass(head))
    best, best_size = 0, 0
    for number in range(1, count + 1):
        component = labels == number
        size = int(component.sum())
        where = np.array(ndimage.center_of_mass(component))
        in_plane_mm = float(np.linalg.norm((where - centre)[1:] * spacing[1:]))
        if in_plane_mm <= 25.0 and size > best_size:
            best, best_size = number, size
    assert best_size > 100, "no ventricle found near the centre of the head"
    return labels == best
