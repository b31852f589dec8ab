"""ICC(2,1), Cohen / weighted / Fleiss kappa and Bland-Altman against textbook values and
against scikit-learn, statsmodels and pingouin (R-PPL-2, R-PPL-4)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pingouin
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from CNSTumorAnnotationLib.agreement import (
    KappaWeighting,
    bland_altman,
    cohen_kappa,
    fleiss_kappa,
    icc_2_1,
)
from CNSTumorQCLib.errors import InvalidInputError

#: Shrout & Fleiss (1979), Psychol Bull 86:420, table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = np.array(
    [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]],
    dtype=float,
)

#: Fleiss (1971) example as on Wikipedia: 10 subjects, 14 raters, 5 categories (counts).
FLEISS_COUNTS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def _pingouin_icc2(table: np.ndarray) -> pd.Series:
    n, k = table.shape
    long = pd.DataFrame(
        {
            "target": np.repeat(np.arange(n), k),
            "rater": np.tile(np.arange(k), n),
            "score": table.ravel(),
        }
    )
    result = pingouin.intraclass_corr(long, targets="target", raters="rater", ratings="score")
    return result.set_index("Type").loc["ICC(A,1)"]


def test_icc_2_1_of_the_shrout_and_fleiss_table_is_0_29() -> None:
    result = icc_2_1(SHROUT_FLEISS)
    assert round(result.icc, 2) == 0.29
    # the same table in R psych::ICC: F = 11.03 on (5, 15), 95 % CI 0.019 to 0.76
    assert round(result.f_value, 2) == 11.03
    assert (round(result.ci95_lower, 3), round(result.ci95_upper, 2)) == (0.019, 0.76)
    assert (result.n_subjects, result.n_raters) == (6, 4)
    assert result.ci95_lower < result.icc < result.ci95_upper


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_icc_2_1_and_its_confidence_interval_equal_pingouin(seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.normal(30_000, 8_000, size=25)  # tumour volumes, mm^3
    table = truth[:, None] + rng.normal([0, 500, -300], 1_500, size=(25, 3))
    ours = icc_2_1(table)
    reference = _pingouin_icc2(table)
    assert ours.icc == pytest.approx(reference["ICC"], abs=1e-9)
    assert ours.f_value == pytest.approx(reference["F"], rel=1e-9)
    # pingouin rounds its interval to 2 decimals
    assert [ours.ci95_lower, ours.ci95_upper] == pytest.approx(
        list(reference["CI95"]), abs=0.005 + 1e-12
    )


def test_icc_refuses_a_table_with_one_rater() -> None:
    with pytest.raises(InvalidInputError, match="2 raters"):
        icc_2_1([[1.0], [2.0]])


def test_cohen_kappa_of_a_hand_computed_two_by_two_table_is_0_4() -> None:
    """20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = 0.7, p_e = 0.5, kappa = 0.4."""
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_weighted_kappas_of_a_one_grade_disagreement_are_hand_computable() -> None:
    """Quality grades 1-3 (R-QC-1): raters agree except one 2-vs-3 call."""
    a = [1, 2, 3, 2]
    b = [1, 2, 3, 3]
    # observed linear disagreement 1/4 * 1 = 0.25 ; expected from the marginals
    marg_a, marg_b = np.array([1, 2, 1]) / 4, np.array([1, 1, 2]) / 4
    w = np.abs(np.subtract.outer(range(3), range(3)))
    expected = np.sum(w * np.outer(marg_a, marg_b))
    assert cohen_kappa(a, b, KappaWeighting.LINEAR) == pytest.approx(1 - 0.25 / expected)


@pytest.mark.parametrize("weighting", list(KappaWeighting))
def test_cohen_kappas_equal_scikit_learn_on_random_quality_grades(weighting) -> None:
    rng = np.random.default_rng(3)
    a = rng.integers(1, 4, size=60)
    b = np.clip(a + rng.integers(-1, 2, size=60), 1, 3)
    sk_weights = None if weighting is KappaWeighting.NONE else weighting.value
    assert cohen_kappa(list(a), list(b), weighting) == pytest.approx(
        cohen_kappa_score(a, b, weights=sk_weights), abs=1e-12
    )


def test_fleiss_kappa_of_the_fleiss_1971_example_is_0_210() -> None:
    ratings = [[c for c, n in enumerate(row, 1) for _ in range(n)] for row in FLEISS_COUNTS]
    assert round(fleiss_kappa(ratings), 3) == 0.210


def test_fleiss_kappa_equals_statsmodels_on_random_grades_of_four_raters() -> None:
    rng = np.random.default_rng(5)
    ratings = rng.integers(1, 4, size=(40, 4))
    counts, _ = aggregate_raters(ratings)
    assert fleiss_kappa(ratings.tolist()) == pytest.approx(statsmodels_fleiss(counts), abs=1e-12)


def test_kappa_refuses_ratings_outside_the_declared_categories() -> None:
    with pytest.raises(InvalidInputError, match="not in"):
        cohen_kappa([1, 2, 4], [1, 2, 3], categories=[1, 2, 3])


def test_bland_altman_bias_and_limits_of_a_hand_example() -> None:
    result = bland_altman([1.0, 2.0, 3.0], [0.0, 0.0, 0.0])
    assert result.bias == pytest.approx(2.0)
    assert result.sd_difference == pytest.approx(1.0)
    assert (result.lower_limit, result.upper_limit) == pytest.approx((2 - 1.96, 2 + 1.96))
    assert result.means == (0.5, 1.0, 1.5)
