"""STAPLE consensus of several experts' masks (R-HMI-1: the gold standard from several experts).

SimpleITK's ``STAPLEImageFilter`` (Warfield, Zou & Wells, IEEE TMI 2004;23:903) estimates,
by expectation-maximisation, the probability that each voxel is truly foreground together
with each rater's sensitivity and specificity. The consensus mask is probability > 0.5.
Specificity depends on how much background the grid holds: it is computed over the grid
given (pass a crop to focus it on the lesion's neighbourhood).
``MultiLabelSTAPLEImageFilter`` does the same for whole label maps (per-rater confusion
matrices instead of sensitivity/specificity).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.masks import as_bool_mask, check_same_shape
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError

#: Probability above which a voxel belongs to the STAPLE consensus mask.
CONSENSUS_THRESHOLD = 0.5


@dataclass(frozen=True)
class StapleResult:
    """STAPLE consensus of binary masks with each rater's estimated performance."""

    consensus: np.ndarray  # bool, probability > 0.5
    probability: np.ndarray  # float, P(voxel is foreground)
    sensitivity: dict[str, float]
    specificity: dict[str, float]
    iterations: int

    def summary(self) -> dict[str, Any]:
        """JSON-ready rater performance (the masks themselves are left out)."""
        return {
            "sensitivity": dict(self.sensitivity),
            "specificity": dict(self.specificity),
            "iterations": self.iterations,
            "consensus_voxels": int(self.consensus.sum()),
            "threshold": CONSENSUS_THRESHOLD,
        }


def _named(masks: Mapping[str, np.ndarray] | Sequence[np.ndarray]) -> dict[str, np.ndarray]:
    if isinstance(masks, Mapping):
        named = dict(masks)
    else:
        named = {f"rater{i + 1}": m for i, m in enumerate(masks)}
    if len(named) < 2:
        raise InvalidInputError(tr("STAPLE needs at least two raters"))
    return named


def staple(
    masks: Mapping[str, np.ndarray] | Sequence[np.ndarray],
    confidence_weight: float = 1.0,
    max_iterations: int = 100,
) -> StapleResult:
    """STAPLE consensus (probability > 0.5) and per-rater sensitivity/specificity."""
    named = _named(masks)
    arrays = [as_bool_mask(m, name) for name, m in named.items()]
    for other in arrays[1:]:
        check_same_shape(arrays[0], other)
    images = [sitk.GetImageFromArray(a.astype(np.uint8)) for a in arrays]
    staple_filter = sitk.STAPLEImageFilter()
    staple_filter.SetForegroundValue(1)
    staple_filter.SetConfidenceWeight(confidence_weight)
    staple_filter.SetMaximumIterations(max_iterations)
    probability = sitk.GetArrayFromImage(staple_filter.Execute(images))
    names = list(named)
    return StapleResult(
        consensus=probability > CONSENSUS_THRESHOLD,
        probability=probability,
        sensitivity={
            n: float(s) for n, s in zip(names, staple_filter.GetSensitivity(), strict=True)
        },
        specificity={
            n: float(s) for n, s in zip(names, staple_filter.GetSpecificity(), strict=True)
        },
        iterations=int(staple_filter.GetElapsedIterations()),
    )


@dataclass(frozen=True)
class MultiLabelStapleResult:
    """Multi-label STAPLE consensus label map and per-rater confusion matrices."""

    consensus: np.ndarray
    labels: tuple[int, ...]
    #: per rater, [rater label (last row: undecided), true label]; each column sums to 1
    confusion_matrices: dict[str, np.ndarray]


def multilabel_staple(
    label_maps: Mapping[str, np.ndarray] | Sequence[np.ndarray],
    undecided_label: int = 255,
) -> MultiLabelStapleResult:
    """Consensus of whole label maps (``MultiLabelSTAPLEImageFilter``); ties -> ``undecided_label``."""
    named = _named(label_maps)
    arrays = [np.asarray(a) for a in named.values()]
    for other in arrays[1:]:
        check_same_shape(arrays[0], other)
    labels = tuple(int(v) for v in np.unique(np.concatenate([np.unique(a) for a in arrays])))
    images = [sitk.GetImageFromArray(a.astype(np.uint8)) for a in arrays]
    ml = sitk.MultiLabelSTAPLEImageFilter()
    ml.SetLabelForUndecidedPixels(undecided_label)
    consensus = sitk.GetArrayFromImage(ml.Execute(images))
    n_labels = max(labels) + 1
    matrices = {
        name: np.asarray(ml.GetConfusionMatrix(i)).reshape(n_labels + 1, n_labels)
        for i, name in enumerate(named)
    }
    return MultiLabelStapleResult(consensus, labels, matrices)
