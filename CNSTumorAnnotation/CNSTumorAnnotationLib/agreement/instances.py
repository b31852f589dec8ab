"""One-to-one instance matching by IoU: detection F1 (panoptic recognition quality, RQ).

This is the other common lesion-wise convention, the default of panoptica
(``ConnectedComponentsInstanceApproximator`` + ``NaiveThresholdMatching``, IoU >= 0.5): the
26-connected components of both masks are paired greedily by decreasing IoU, each at most
once, when IoU >= ``iou_threshold``. It differs from the BraTS 2023 rules of
:mod:`.lesionwise` on purpose (no dilation, no merging of nearby fragments, one-to-one, no
minimum volume), so the two give different numbers on the same masks; both are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from CNSTumorAnnotationLib.agreement.components import connected_components_26
from CNSTumorAnnotationLib.agreement.masks import as_bool_mask, check_same_shape
from CNSTumorAnnotationLib.agreement.surface import bounding_box
from CNSTumorAnnotationLib.i18n import N_


@dataclass(frozen=True)
class InstanceDetection:
    """Matched instances of a test mask against a reference mask."""

    true_positives: int
    false_positives: int
    false_negatives: int
    f1: float  # = panoptic recognition quality (RQ)
    mean_matched_dice: float  # = panoptic segmentation quality on Dice (SQ-DSC); nan if no match
    matched_pairs: tuple[tuple[int, int, float], ...]  # (reference id, test id, IoU)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["matched_pairs"] = [list(p) for p in self.matched_pairs]
        return data


def _pair_counts(ref_cc: np.ndarray, test_cc: np.ndarray) -> dict[tuple[int, int], int]:
    both = (ref_cc > 0) & (test_cc > 0)
    pairs, counts = np.unique(np.stack([ref_cc[both], test_cc[both]]), axis=1, return_counts=True)
    return {(int(r), int(t)): int(c) for (r, t), c in zip(pairs.T, counts, strict=True)}


def instance_detection(
    reference: np.ndarray,
    test: np.ndarray,
    iou_threshold: float = 0.5,
    spacing_mm: Sequence[float] | None = None,
) -> InstanceDetection:
    """Greedy one-to-one IoU matching of 26-connected components; F1 and matched Dice.

    ``spacing_mm`` is accepted for a uniform call signature; IoU and Dice do not depend on it.
    """
    ref = as_bool_mask(reference, N_("reference mask"))
    tst = as_bool_mask(test, N_("test mask"))
    check_same_shape(ref, tst)
    box = bounding_box([ref, tst])
    if box is None:
        return InstanceDetection(0, 0, 0, 1.0, float("nan"), ())
    ref_cc, n_ref = connected_components_26(ref[box])
    test_cc, n_test = connected_components_26(tst[box])
    ref_sizes = np.bincount(ref_cc.ravel(), minlength=n_ref + 1)
    test_sizes = np.bincount(test_cc.ravel(), minlength=n_test + 1)
    candidates = []
    for (r, t), inter in _pair_counts(ref_cc, test_cc).items():
        union = ref_sizes[r] + test_sizes[t] - inter
        candidates.append((inter / union, r, t, inter))
    candidates.sort(key=lambda c: c[0], reverse=True)
    used_ref: set[int] = set()
    used_test: set[int] = set()
    matched: list[tuple[int, int, float]] = []
    dices: list[float] = []
    for iou, r, t, inter in candidates:
        if r in used_ref or t in used_test or iou < iou_threshold:
            continue
        used_ref.add(r)
        used_test.add(t)
        matched.append((r, t, float(iou)))
        dices.append(2.0 * inter / (ref_sizes[r] + test_sizes[t]))
    tp = len(matched)
    fp, fn = n_test - tp, n_ref - tp
    f1 = 2.0 * tp / (2 * tp + fp + fn)
    mean_dice = float(np.mean(dices)) if dices else float("nan")
    return InstanceDetection(tp, fp, fn, f1, mean_dice, tuple(matched))
