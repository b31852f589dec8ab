"""Reference implementations configured once, for the benchmarks and the validation tests.

``panoptica_evaluator`` is panoptica 2.1's lesion-wise evaluation as this project compares
against it everywhere: semantic input, 26-connected components as instances, greedy matching
at IoU >= 0.5 (the BraTS 2023 lesion-wise convention's matching step; R-PPL-2). The
benchmark ``bench/agreement.py`` times it and ``Testing/Annotation/agreement/test_validation.py``
checks our instance counts against it, so both use the same configuration from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def panoptica_evaluator(instance_metrics: Sequence[str] = ("DSC",)) -> Any:
    """A ``Panoptica_Evaluator`` with the project's configuration and the given instance metrics
    (panoptica ``Metric`` names such as ``"DSC"`` or ``"HD95"``); citation reminder off."""
    from panoptica import (
        ConnectedComponentsInstanceApproximator,
        InputType,
        Metric,
        NaiveThresholdMatching,
        Panoptica_Evaluator,
        disable_citation_reminder,
    )

    disable_citation_reminder()
    return Panoptica_Evaluator(
        expected_input=InputType.SEMANTIC,
        instance_approximator=ConnectedComponentsInstanceApproximator(),
        instance_matcher=NaiveThresholdMatching(matching_metric=Metric.IOU, matching_threshold=0.5),
        instance_metrics=[Metric[name] for name in instance_metrics],
        global_metrics=[Metric.DSC],
    )
