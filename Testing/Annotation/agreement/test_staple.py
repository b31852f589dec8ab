"""STAPLE consensus from several experts (R-HMI-1) and the agreement thresholds (R-PPL-4)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from CNSTumorAnnotationLib.agreement import (
    DEFAULT_THRESHOLDS,
    AgreementBand,
    AgreementThresholds,
    MetricBands,
    classify,
    classify_icc,
    icc_2_1,
    is_excellent,
)
from CNSTumorAnnotationLib.agreement.staple import multilabel_staple, staple


@pytest.fixture
def three_raters_one_wrong() -> tuple[np.ndarray, dict[str, np.ndarray]]:
    truth = np.zeros((24, 24, 24), dtype=bool)
    truth[6:16, 6:16, 6:16] = True
    near = truth.copy()
    near[16, 6:16, 6:16] = True  # draws one slice too many
    wrong = np.zeros_like(truth)
    wrong[0:5, 18:24, 18:24] = True  # drew something else entirely
    return truth, {"expert_a": truth.copy(), "expert_b": near, "novice": wrong}


def test_staple_of_three_raters_with_one_wrong_recovers_the_truth_and_flags_the_wrong_rater(
    three_raters_one_wrong,
) -> None:
    """R-HMI-1: the consensus of several experts is the gold standard; STAPLE tells who erred."""
    truth, raters = three_raters_one_wrong
    result = staple(raters)
    assert np.array_equal(result.consensus, truth)
    assert result.sensitivity["expert_a"] == pytest.approx(1.0, abs=1e-6)
    assert result.sensitivity["expert_b"] == pytest.approx(1.0, abs=1e-6)
    assert result.specificity["expert_b"] < 1.0  # the extra slice: 100 false-positive voxels
    assert result.sensitivity["novice"] < 0.01
    assert result.specificity["novice"] < result.specificity["expert_a"]
    assert result.summary()["consensus_voxels"] == 1000


def test_multilabel_staple_keeps_the_label_map_of_the_majority(three_raters_one_wrong) -> None:
    truth, _ = three_raters_one_wrong
    labels = truth.astype(np.uint8)
    labels[9:12, 9:12, 9:12] = 4  # enhancing core
    result = multilabel_staple({"a": labels, "b": labels.copy(), "c": np.zeros_like(labels)})
    assert np.array_equal(result.consensus, labels)
    assert result.labels == (0, 1, 4)
    assert result.confusion_matrices["c"].shape == (6, 5)


@pytest.mark.parametrize(
    ("metric", "value", "region", "band"),
    [
        ("icc", 0.95, None, AgreementBand.EXCELLENT),
        ("icc", 0.90, None, AgreementBand.GOOD),  # Koo & Li: excellent is > 0.90
        ("icc", 0.60, None, AgreementBand.MODERATE),
        ("icc", 0.40, None, AgreementBand.POOR),
        ("kappa", 0.81, None, AgreementBand.EXCELLENT),
        ("kappa", 0.80, None, AgreementBand.GOOD),  # Landis & Koch: 0.61-0.80 substantial
        ("dice", 0.85, "whole_tumor", AgreementBand.EXCELLENT),
        ("dice", 0.80, "whole_tumor", AgreementBand.GOOD),
        ("dice", 0.80, "enhancing", AgreementBand.EXCELLENT),  # 0.10 lower for enhancing
        ("dice", 0.72, "some_new_region", AgreementBand.MODERATE),  # whole-tumor bands
        ("dice", 0.60, "whole_tumor", AgreementBand.POOR),
        ("hd95_mm", 4.0, None, AgreementBand.EXCELLENT),
        ("hd95_mm", 12.0, None, AgreementBand.MODERATE),
        ("hd95_mm", 25.0, None, AgreementBand.POOR),
        ("dice", math.nan, "whole_tumor", AgreementBand.POOR),
    ],
)
def test_values_fall_into_the_literature_bands(metric, value, region, band) -> None:
    assert classify(metric, value, region) is band


def test_a_project_can_tighten_the_thresholds_under_a_new_version() -> None:
    strict = AgreementThresholds(
        version="project-x-1", icc=MetricBands("icc", (0.6, 0.8, 0.95), strict=True)
    )
    assert is_excellent("icc", 0.93)
    assert not is_excellent("icc", 0.93, thresholds=strict)
    assert strict.to_dict()["version"] == "project-x-1"
    assert "Koo & Li" in DEFAULT_THRESHOLDS.to_dict()["icc"]["source"]
    with pytest.raises(KeyError):
        classify("volume", 1.0)


def test_an_icc_is_excellent_by_koo_and_li_only_when_its_whole_interval_is_above_0_90() -> None:
    rng = np.random.default_rng(0)
    truth = rng.normal(30_000, 8_000, size=6)  # few cases: a wide interval
    result = icc_2_1(truth[:, None] + rng.normal(0, 1_500, size=(6, 2)))
    assert result.icc > 0.90 > result.ci95_lower
    assert classify_icc(result.icc) is AgreementBand.EXCELLENT
    assert classify_icc(result.icc, result.ci95_lower) is not AgreementBand.EXCELLENT
