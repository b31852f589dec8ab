"""BraTS 2023 lesion-wise Dice, HD95 and detection F1 between a reference and a test mask.

The rules are those of the BraTS 2023 lesion-wise evaluation (``BraTS-2023-Metrics/eval.py``,
summarised in docs/references.md, Agreement), re-implemented here on SimpleITK / scipy:

1. 26-connected components of both masks.
2. The reference is dilated ``dilation_iterations`` times with the 18-connected element;
   reference voxels falling into one connected component of the dilated mask form one
   *lesion* (nearby fragments merge).
3. Each lesion is dilated again; every test component touching it is matched to it (a test
   component may match several lesions). Lesion Dice and HD95 compare the lesion with the
   union of its matched components; an unmatched lesion scores Dice 0, HD95 374 mm.
4. Test components matching no lesion are false positives: Dice 0, HD95 374 mm each.
5. Lesions of volume <= ``min_lesion_volume_mm3`` are left out of the scores and counts
   (a test component touching one is still not a false positive).
6. Lesion-wise Dice = sum(Dice of kept lesions) / (kept + FP); HD95 likewise with 374 per FP;
   nothing kept and no FP (both empty) -> Dice 1, HD95 0.
7. F1 = 2 TP / (2 TP + FP + FN), TP and FN counted over the kept lesions; 1 when all are 0.

HD95 uses the surfel definition of :mod:`.surface` (as the BraTS code does through
``surface-distance``). Written by hand: the matching loop (about 60 lines) and aggregation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy import ndimage

from CNSTumorAnnotationLib.agreement.components import connected_components_26, dilate, padded_box
from CNSTumorAnnotationLib.agreement.masks import as_bool_mask, check_same_shape, check_spacing
from CNSTumorAnnotationLib.agreement.surface import (
    bounding_box,
    robust_hausdorff_mm,
    surface_distances,
)
from CNSTumorAnnotationLib.i18n import N_

#: HD95 charged to a missed lesion or a false-positive component (BraTS 2023).
LESION_MISS_HD95_MM = 374.0


@dataclass(frozen=True)
class LesionWiseParameters:
    """Challenge-specific parameters of the BraTS 2023 lesion-wise evaluation."""

    dilation_iterations: int = 3
    min_lesion_volume_mm3: float = 50.0
    miss_hd95_mm: float = LESION_MISS_HD95_MM


#: BraTS 2023 presets: glioma, sub-Saharan Africa and paediatric use dilation 3, volume 50;
#: meningioma dilation 1, volume 50; metastases dilation 1, volume 2.
BRATS_2023_PRESETS: dict[str, LesionWiseParameters] = {
    "GLI": LesionWiseParameters(3, 50.0),
    "SSA": LesionWiseParameters(3, 50.0),
    "PED": LesionWiseParameters(3, 50.0),
    "MEN": LesionWiseParameters(1, 50.0),
    "MET": LesionWiseParameters(1, 2.0),
}


@dataclass(frozen=True)
class LesionScore:
    """One reference lesion: its volume, the test components matched to it, Dice and HD95."""

    lesion: int
    volume_mm3: float
    matched_components: tuple[int, ...]
    dice: float
    hd95_mm: float
    counted: bool


@dataclass(frozen=True)
class LesionWiseResult:
    """Lesion-wise scores of a test mask against a reference mask."""

    dice: float
    hd95_mm: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int
    reference_components: int
    test_components: int
    lesions: tuple[LesionScore, ...] = field(default=())

    def to_dict(self, with_lesions: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_lesions:
            data.pop("lesions")
        else:
            data["lesions"] = [
                {**asdict(s), "matched_components": list(s.matched_components)}
                for s in self.lesions
            ]
        return data


def _score_lesion(
    lesion_mask: np.ndarray,
    test_cc: np.ndarray,
    box: tuple[slice, ...],
    params: LesionWiseParameters,
    spacing: tuple[float, ...],
) -> tuple[tuple[int, ...], float, float]:
    """Match test components to one lesion; return (matched ids, Dice, HD95)."""
    local = padded_box(box, params.dilation_iterations, lesion_mask.shape)
    grown = dilate(lesion_mask[local], params.dilation_iterations)
    matched = tuple(int(i) for i in np.unique(test_cc[local][grown]) if i != 0)
    if not matched:
        return matched, 0.0, params.miss_hd95_mm
    test_mask = np.isin(test_cc, matched)
    intersection = np.count_nonzero(lesion_mask & test_mask)
    dice = 2.0 * intersection / (np.count_nonzero(lesion_mask) + np.count_nonzero(test_mask))
    sd = surface_distances(lesion_mask, test_mask, spacing)
    return matched, float(dice), robust_hausdorff_mm(sd, 95.0, params.miss_hd95_mm)


def lesion_wise_metrics(
    reference: np.ndarray,
    test: np.ndarray,
    spacing_mm: Sequence[float],
    params: LesionWiseParameters | None = None,
) -> LesionWiseResult:
    """BraTS 2023 lesion-wise Dice, HD95 and F1 of ``test`` against ``reference``."""
    params = params or LesionWiseParameters()
    spacing = check_spacing(spacing_mm)
    ref = as_bool_mask(reference, N_("reference mask"))
    tst = as_bool_mask(test, N_("test mask"))
    check_same_shape(ref, tst)
    box = bounding_box([ref, tst])
    if box is None:
        return LesionWiseResult(1.0, 0.0, 1.0, 0, 0, 0, 0, 0)
    crop = padded_box(box, params.dilation_iterations + 1, ref.shape)
    ref, tst = ref[crop], tst[crop]
    _, n_ref = connected_components_26(ref)
    test_cc, n_test = connected_components_26(tst)
    dilated_cc, _ = connected_components_26(dilate(ref, params.dilation_iterations))
    lesion_labels = np.where(ref, dilated_cc, 0)
    voxel_mm3 = float(np.prod(spacing))
    scores: list[LesionScore] = []
    matched_any: set[int] = set()
    for index, lesion_box in enumerate(ndimage.find_objects(lesion_labels), start=1):
        if lesion_box is None:
            continue
        lesion_mask = lesion_labels == index
        matched, dice, hd95 = _score_lesion(lesion_mask, test_cc, lesion_box, params, spacing)
        matched_any.update(matched)
        volume = float(np.count_nonzero(lesion_mask)) * voxel_mm3
        counted = volume > params.min_lesion_volume_mm3
        scores.append(LesionScore(index, volume, matched, dice, hd95, counted))
    false_positives = n_test - len(matched_any)
    kept = [s for s in scores if s.counted]
    tp = sum(1 for s in kept if s.matched_components)
    fn = len(kept) - tp
    denominator = len(kept) + false_positives
    if denominator == 0:
        dice, hd95 = 1.0, 0.0
    else:
        dice = sum(s.dice for s in kept) / denominator
        hd95 = (sum(s.hd95_mm for s in kept) + params.miss_hd95_mm * false_positives) / denominator
    detections = 2 * tp + false_positives + fn
    f1 = 1.0 if detections == 0 else 2.0 * tp / detections
    return LesionWiseResult(
        float(dice), float(hd95), f1, tp, false_positives, fn, n_ref, n_test, tuple(scores)
    )
