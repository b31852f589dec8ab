"""Active-learning sampling of pre-annotated cases for expert quality assessment (R-HMI-4).

The consensus (section 7, step 4) asks for *strategic* sampling of the machine-annotated
data set; it names no algorithm. This strategy is query-by-committee (several models, or model
versions, annotate the same case and the cases they disagree on most are worth an expert's
time) plus uncertainty proxies and a seeded random share for exploration, so that cases every
model gets wrong in the same way still have a chance to be seen. Every weight lives in one
frozen, versioned table (:class:`SamplingStrategy`) stamped into the worklist.

Score of a case, each term in [0, 1] (regions averaged over those any model drew):

- ``dice``: 1 - mean pairwise Dice between models, per region;
- ``hd95``: mean pairwise HD95 / ``hd95_scale_mm``, capped at 1 (an empty vs a drawn region
  counts as the BraTS maximum, so capped);
- ``lesions``: spread of lesion counts between models (max - min, the largest over regions) /
  ``lesion_scale``, capped at 1: the models disagree on how many lesions there are;
- ``fragments``: speck fragments per model (components under ``fragment_max_voxels``, summed
  over regions) / ``fragment_scale``, capped at 1: a fragmented output is an uncertain one.
  Real models leave dozens of specks in the non-enhancing region, hence the wide scale;
- ``volume``: coefficient of variation of the region volumes between models, capped at 1;
- ``selfcheck``: self-check errors + warnings of the latest machine-made version /
  ``selfcheck_scale``, capped at 1 (case folders only, when a self-check is available);
- ``size``: how far the case's outermost region (whole tumor / edema, mean over models) lies
  from the median of the ranked cases, |ln(volume / median)| / ln(``size_scale``), capped at 1
  (an empty region counts 1); needs at least ``size_min_cases`` cases, else 0. A dataset-level
  proxy: a model that misses most of a tumour, or floods the brain, stands out even alone.

score = sum(weight x term). With one model only the committee terms are 0 and only the
single-model proxies (fragments, size, self-check) count.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from CNSTumorAnnotationLib.agreement.components import connected_components_26
from CNSTumorAnnotationLib.agreement.overlap import overlap_metrics
from CNSTumorAnnotationLib.agreement.surface import (
    distances_between,
    prepare_surfaces,
    robust_hausdorff_mm,
)
from CNSTumorAnnotationLib.hmi.predictions import CasePredictions
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError

SAMPLING_VERSION = "cnstumor-hmi-sampling-1.2"


@dataclass(frozen=True)
class SamplingStrategy:
    """The documented, versioned R-HMI-4 strategy (see the module docstring)."""

    version: str = SAMPLING_VERSION
    weight_dice: float = 0.4
    weight_hd95: float = 0.2
    weight_lesions: float = 0.1
    weight_fragments: float = 0.05
    weight_volume: float = 0.05
    weight_size: float = 0.1
    weight_selfcheck: float = 0.1
    #: HD95 at which the distance term saturates: 20 mm is well beyond inter-rater HD95 of
    #: BraTS experts on whole tumour (about 5-10 mm, docs/references.md, Agreement).
    hd95_scale_mm: float = 20.0
    #: Lesion-count spread at which the lesion term saturates.
    lesion_scale: float = 3.0
    #: Fragments per model at which the fragment term saturates.
    fragment_scale: float = 50.0
    #: A component smaller than this many voxels is a fragment, not a lesion (as the
    #: self-check's speck limit, ``SelfCheckParameters.speck_max_voxels``).
    fragment_max_voxels: int = 10
    selfcheck_scale: float = 5.0
    #: A case this many times larger or smaller than the median saturates the size term.
    size_scale: float = 4.0
    size_min_cases: int = 3
    #: Share of the budget drawn at random from the cases not picked by score (exploration).
    exploration_fraction: float = 0.2
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def check(self) -> SamplingStrategy:
        if not 0.0 <= self.exploration_fraction <= 1.0:
            raise InvalidInputError(
                tr(
                    "exploration fraction must lie in [0, 1], got {exploration_fraction}",
                    exploration_fraction=self.exploration_fraction,
                )
            )
        return self


@dataclass(frozen=True)
class CaseScore:
    """A case's score, its terms, per-region numbers and the reasons in words."""

    case_id: str
    source: str
    models: tuple[str, ...]
    score: float
    terms: dict[str, float]
    regions: dict[str, dict[str, float]]
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "source": self.source,
            "models": list(self.models),
            "score": round(self.score, 6),
            "terms": {k: round(v, 6) for k, v in self.terms.items()},
            "regions": self.regions,
            "reasons": list(self.reasons),
        }


def _components(mask: np.ndarray, fragment_max: int) -> tuple[int, int]:
    """(lesions, fragments): 26-connected components at least / below ``fragment_max`` voxels."""
    if not mask.any():
        return 0, 0
    labels, count = connected_components_26(mask)
    sizes = np.bincount(labels.ravel())[1:]
    fragments = int(np.count_nonzero(sizes < fragment_max))
    return count - fragments, fragments


def _region_stats(
    masks: dict[str, np.ndarray], spacing: tuple[float, float, float], strategy: SamplingStrategy
) -> dict[str, float]:
    """Committee statistics of one region over the models' masks."""
    names = list(masks)
    voxel = float(np.prod(spacing))
    volumes = np.array([np.count_nonzero(masks[n]) * voxel for n in names])
    parts = [_components(masks[n], strategy.fragment_max_voxels) for n in names]
    lesions = [p[0] for p in parts]
    stats = {
        "volume_mean_mm3": float(volumes.mean()),
        "volume_cv": float(volumes.std() / volumes.mean()) if volumes.mean() > 0 else 0.0,
        "lesions_min": float(min(lesions)),
        "lesions_max": float(max(lesions)),
        "fragments_mean": float(np.mean([p[1] for p in parts])),
        "dice_mean": 1.0,
        "dice_min": 1.0,
        "hd95_mean_mm": 0.0,
        "hd95_max_mm": 0.0,
    }
    if len(names) < 2:
        return stats
    surfaces = dict(zip(names, prepare_surfaces([masks[n] for n in names], spacing), strict=True))
    dice, hd95 = [], []
    for a, b in itertools.combinations(names, 2):
        dice.append(overlap_metrics(masks[a], masks[b], spacing).dice)
        hd95.append(robust_hausdorff_mm(distances_between(surfaces[a], surfaces[b])))
    stats.update(
        dice_mean=float(np.mean(dice)),
        dice_min=float(np.min(dice)),
        hd95_mean_mm=float(np.mean(hd95)),
        hd95_max_mm=float(np.max(hd95)),
    )
    return stats


def _terms(
    regions: dict[str, dict[str, float]], selfcheck: int | None, strategy: SamplingStrategy
) -> dict[str, float]:
    drawn = [r for r in regions.values() if r["volume_mean_mm3"] > 0] or list(regions.values())
    spread = max(r["lesions_max"] - r["lesions_min"] for r in drawn)
    fragments = sum(r["fragments_mean"] for r in drawn)
    return {
        "dice": float(np.mean([1.0 - r["dice_mean"] for r in drawn])),
        "hd95": min(
            1.0, float(np.mean([r["hd95_mean_mm"] for r in drawn])) / strategy.hd95_scale_mm
        ),
        "lesions": min(1.0, spread / strategy.lesion_scale),
        "fragments": min(1.0, fragments / strategy.fragment_scale),
        "volume": min(1.0, float(np.mean([r["volume_cv"] for r in drawn]))),
        "selfcheck": min(1.0, (selfcheck or 0) / strategy.selfcheck_scale),
        "size": 0.0,  # set over the whole set of cases by with_size_term
    }


def _reasons(
    regions: dict[str, dict[str, float]],
    terms: dict[str, float],
    n_models: int,
    selfcheck: int | None,
) -> list[str]:
    reasons = []
    if n_models < 2:
        reasons.append(tr("one model only: no committee disagreement measured"))
    for key, r in regions.items():
        if r["volume_mean_mm3"] == 0:
            continue
        if n_models >= 2:
            reasons.append(
                tr(
                    "{region}: mean pairwise Dice {dice_mean:.3f} (lowest {dice_min:.3f}), "
                    "HD95 mean {hd95_mean:.1f} mm (max {hd95_max:.1f} mm)",
                    region=key,
                    dice_mean=r["dice_mean"],
                    dice_min=r["dice_min"],
                    hd95_mean=r["hd95_mean_mm"],
                    hd95_max=r["hd95_max_mm"],
                )
            )
        if r["lesions_max"] != r["lesions_min"]:
            reasons.append(
                tr(
                    "{region}: models count {fewest} to {most} lesions",
                    region=key,
                    fewest=int(r["lesions_min"]),
                    most=int(r["lesions_max"]),
                )
            )
        if r["fragments_mean"] > 0:
            reasons.append(
                tr(
                    "{region}: {fragments:.1f} speck fragments per model on average",
                    region=key,
                    fragments=r["fragments_mean"],
                )
            )
    if selfcheck:
        reasons.append(
            tr(
                "self-check: {problems} error(s)/warning(s) on the latest machine version",
                problems=selfcheck,
            )
        )
    return reasons


def _weighted(terms: dict[str, float], strategy: SamplingStrategy) -> float:
    weights = {
        "dice": strategy.weight_dice,
        "hd95": strategy.weight_hd95,
        "lesions": strategy.weight_lesions,
        "fragments": strategy.weight_fragments,
        "volume": strategy.weight_volume,
        "size": strategy.weight_size,
        "selfcheck": strategy.weight_selfcheck,
    }
    return float(sum(weights[k] * terms.get(k, 0.0) for k in weights))


def with_size_term(scores: list[CaseScore], strategy: SamplingStrategy) -> list[CaseScore]:
    """Add the dataset-level size term (see the module docstring) once every case is scored."""
    outer = [
        next(iter(s.regions.values()))["volume_mean_mm3"] if s.regions else 0.0 for s in scores
    ]
    drawn = [v for v in outer if v > 0]
    if len(scores) < strategy.size_min_cases or not drawn:
        return [replace(s, terms={**s.terms, "size": 0.0}) for s in scores]
    median = float(np.median(drawn))
    updated = []
    for s, volume in zip(scores, outer, strict=True):
        ratio = volume / median if volume > 0 else 0.0
        term = 1.0 if ratio == 0 else min(1.0, abs(np.log(ratio)) / np.log(strategy.size_scale))
        terms = {**s.terms, "size": float(term)}
        reasons = s.reasons
        if term >= 0.5:
            region = next(iter(s.regions))
            reasons = (
                *reasons,
                tr(
                    "{region}: {volume:.0f} mm3 is {ratio:.2f} x the median of the ranked "
                    "cases ({median:.0f} mm3)",
                    region=region,
                    volume=volume,
                    ratio=ratio,
                    median=median,
                ),
            )
        updated.append(replace(s, terms=terms, score=_weighted(terms, strategy), reasons=reasons))
    return updated


def score_case(predictions: CasePredictions, strategy: SamplingStrategy) -> CaseScore:
    """Score one case's model outputs by the strategy (R-HMI-4)."""
    regions = {
        key: _region_stats(
            {m: predictions.masks[m][key] for m in predictions.models},
            predictions.spacing_mm[key],
            strategy,
        )
        for key in predictions.regions
    }
    terms = _terms(regions, predictions.selfcheck_problems, strategy)
    score = _weighted(terms, strategy)
    rounded = {k: {s: round(v, 4) for s, v in r.items()} for k, r in regions.items()}
    return CaseScore(
        predictions.case_id,
        predictions.source,
        predictions.models,
        float(score),
        terms,
        rounded,
        tuple(_reasons(regions, terms, len(predictions.models), predictions.selfcheck_problems)),
    )


def select(
    scores: list[CaseScore], budget: int, strategy: SamplingStrategy
) -> list[tuple[CaseScore, str]]:
    """The worklist: the top scores, then a seeded random share (exploration), in that order."""
    if budget < 1:
        raise InvalidInputError(
            tr("the budget must be at least one case, got {budget}", budget=budget)
        )
    ordered = sorted(scores, key=lambda s: (-s.score, s.case_id))
    budget = min(budget, len(ordered))
    n_explore = min(int(np.floor(budget * strategy.exploration_fraction + 0.5)), budget)
    if budget == 1 and strategy.exploration_fraction < 1.0:
        n_explore = 0
    exploit = ordered[: budget - n_explore]
    rest = ordered[budget - n_explore :]
    rng = np.random.default_rng(strategy.seed)
    picked = sorted(rng.choice(len(rest), size=n_explore, replace=False)) if n_explore else []
    return [(s, "disagreement") for s in exploit] + [(rest[i], "exploration") for i in picked]
