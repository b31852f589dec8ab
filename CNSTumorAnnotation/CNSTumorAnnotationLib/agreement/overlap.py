"""Voxel-overlap agreement between two binary masks: Dice, Jaccard, volume similarity, volumes.

The counts come from SimpleITK's ``LabelOverlapMeasuresImageFilter`` run on the box around
both masks (voxels outside it are background in both and change none of these measures).
Conventions:
- both masks empty -> Dice = Jaccard = volume similarity = 1 (BraTS: "both empty" is perfect
  agreement); exactly one empty -> 0.
- volume similarity VS = 1 - |V_A - V_B| / (V_A + V_B) (docs/references.md, Agreement); ITK's
  ``GetVolumeSimilarity()`` is the *signed* 2 (V_A - V_B) / (V_A + V_B), converted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.masks import as_bool_mask, check_same_shape, check_spacing
from CNSTumorAnnotationLib.agreement.surface import bounding_box
from CNSTumorAnnotationLib.i18n import N_


@dataclass(frozen=True)
class OverlapMetrics:
    """Overlap of mask A with mask B, volumes in mm^3."""

    dice: float
    jaccard: float
    volume_similarity: float
    volume_a_mm3: float
    volume_b_mm3: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


def overlap_metrics(
    mask_a: np.ndarray, mask_b: np.ndarray, spacing_mm: Sequence[float]
) -> OverlapMetrics:
    """Dice, Jaccard and volume similarity of two masks, plus their volumes (mm^3)."""
    spacing = check_spacing(spacing_mm)
    a = as_bool_mask(mask_a, N_("mask A"))
    b = as_bool_mask(mask_b, N_("mask B"))
    check_same_shape(a, b)
    voxel_mm3 = float(np.prod(spacing))
    box = bounding_box([a, b])
    if box is None:
        return OverlapMetrics(1.0, 1.0, 1.0, 0.0, 0.0)
    a_crop, b_crop = a[box], b[box]
    count_a, count_b = int(a_crop.sum()), int(b_crop.sum())
    volume_a, volume_b = count_a * voxel_mm3, count_b * voxel_mm3
    if count_a == 0 or count_b == 0:
        return OverlapMetrics(0.0, 0.0, 0.0, volume_a, volume_b)
    image_a = sitk.GetImageFromArray(a_crop.astype(np.uint8))
    image_b = sitk.GetImageFromArray(b_crop.astype(np.uint8))
    image_a.SetSpacing(tuple(reversed(spacing)))
    image_b.SetSpacing(tuple(reversed(spacing)))
    measures = sitk.LabelOverlapMeasuresImageFilter()
    measures.Execute(image_a, image_b)
    signed_vs = measures.GetVolumeSimilarity(1)
    return OverlapMetrics(
        dice=float(measures.GetDiceCoefficient(1)),
        jaccard=float(measures.GetJaccardCoefficient(1)),
        volume_similarity=1.0 - abs(float(signed_vs)) / 2.0,
        volume_a_mm3=volume_a,
        volume_b_mm3=volume_b,
    )
