"""Cut-point tuning for the quality grade, on the cached metrics of ``bench.quality_grade``.

``python -m bench.quality_grade --tune`` reads ``bench/results/quality_grade.json`` and, on the
TRAIN split only (ICBM152 / MNI152 volumes), searches each rule's two cut points in turn
(coordinate ascent over the observed metric values, three passes) for the best quadratic kappa
against the intended grades. It prints the suggested table and the kappa it would give on the
held-out TEST split (TCGA); a person copies rounded values into ``CNSTumorQCLib/quality/grading.py``.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
from sklearn.metrics import cohen_kappa_score

from CNSTumorQCLib.quality.grading import (
    STRUCTURAL_THRESHOLDS,
    GradeThresholds,
    MetricRule,
    grade_from_metrics,
)
from CNSTumorQCLib.quality.metrics import QualityMetrics
from CNSTumorQCLib.sequences import MRSequence

TUNED = ("snrd", "ghost", "qi1", "fber", "efc", "fwhm_inplane_vox", "inu_range", "wrap")


def metrics_of(case: dict[str, Any]) -> QualityMetrics:
    values = {k: (math.nan if v is None else v) for k, v in case["metrics"].items()}
    values["has_air"] = bool(values["has_air"])
    return QualityMetrics(**values, wrap_axis=case["wrap_axis"], ghost_axis=case["ghost_axis"])


def kappa(cases: list[dict[str, Any]], table: GradeThresholds) -> float:
    graded = [
        grade_from_metrics(c["_metrics"], MRSequence(c["sequence"]), table).grade for c in cases
    ]
    return float(
        cohen_kappa_score(
            [c["intended"] for c in cases], graded, labels=[1, 2, 3], weights="quadratic"
        )
    )


def _with_rule(table: GradeThresholds, index: int, rule: MetricRule) -> GradeThresholds:
    rules = list(table.rules)
    rules[index] = rule
    return dataclasses.replace(table, rules=tuple(rules))


def tune(cases: list[dict[str, Any]], passes: int = 3) -> GradeThresholds:
    for case in cases:
        case["_metrics"] = metrics_of(case)
    table = STRUCTURAL_THRESHOLDS
    best = kappa(cases, table)
    for _ in range(passes):
        for index, rule in enumerate(table.rules):
            if rule.metric not in TUNED:
                continue
            values = np.array(
                [c["metrics"][rule.metric] for c in cases if c["metrics"][rule.metric] is not None]
            )
            candidates = sorted(set(np.round(np.quantile(values, np.linspace(0.02, 0.98, 25)), 4)))
            options = [None, *candidates]
            for g2 in options:
                for g1 in options:
                    if (
                        g2 is not None
                        and g1 is not None
                        and (g1 > g2) != rule.higher_is_worse
                        and g1 != g2
                    ):
                        continue
                    trial = _with_rule(
                        table, index, dataclasses.replace(rule, grade2=g2, grade1=g1)
                    )
                    score = kappa(cases, trial)
                    if score > best + 1e-9:
                        best, table, rule = score, trial, trial.rules[index]
    return table


def report(result: dict[str, Any]) -> None:
    cases = result["synthetic"]["cases"]
    train = [c for c in cases if c["split"] == "train"]
    test = [c for c in cases if c["split"] == "test"]
    for case in cases:
        case["_metrics"] = metrics_of(case)
    print(
        f"shipped table: train kappa {kappa(train, STRUCTURAL_THRESHOLDS):.3f}, test kappa {kappa(test, STRUCTURAL_THRESHOLDS):.3f}"
    )
    tuned = tune(train)
    print(
        f"tuned on train: train kappa {kappa(train, tuned):.3f}, held-out test kappa {kappa(test, tuned):.3f}"
    )
    for rule in tuned.rules:
        print(f"  {rule.metric:20s} grade2={rule.grade2} grade1={rule.grade1}")
