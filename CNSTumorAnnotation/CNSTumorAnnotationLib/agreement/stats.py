"""Agreement statistics on numbers and grades: ICC(2,1), Cohen / weighted / Fleiss kappa,
Bland-Altman (R-PPL-2, R-PPL-4: the training phase measures inter-annotator consistency).

Written by hand from the textbook formulas (a few lines each, numpy + scipy.stats) rather
than pulling pandas-based packages into the runtime; the tests check every function against
scikit-learn (``cohen_kappa_score``), statsmodels (``fleiss_kappa``) and pingouin
(``intraclass_corr``, type ICC2) on the same data, and against Shrout & Fleiss (1979).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

import numpy as np
from scipy import stats as sps

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError


@dataclass(frozen=True)
class ICCResult:
    """ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss)."""

    icc: float
    ci95_lower: float
    ci95_upper: float
    f_value: float
    p_value: float
    n_subjects: int
    n_raters: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def icc_2_1(ratings: Sequence[Sequence[float]] | np.ndarray, alpha: float = 0.05) -> ICCResult:
    """ICC(2,1) of an (n subjects x k raters) table with its (1 - alpha) confidence interval.

    Mean squares from the two-way ANOVA without replication; the interval is McGraw & Wong's
    (1996) for ICC(A,1), the one Koo & Li (2016) classify by.
    """
    x = np.asarray(ratings, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2:
        raise InvalidInputError(
            tr("ICC needs >= 2 subjects x >= 2 raters, got shape {shape}", shape=x.shape)
        )
    if not np.all(np.isfinite(x)):
        raise InvalidInputError(tr("ICC ratings must be finite numbers (no missing values)"))
    n, k = x.shape
    grand = x.mean()
    ms_rows = k * np.sum((x.mean(axis=1) - grand) ** 2) / (n - 1)
    ms_cols = n * np.sum((x.mean(axis=0) - grand) ** 2) / (k - 1)
    residual = x - x.mean(axis=1, keepdims=True) - x.mean(axis=0, keepdims=True) + grand
    ms_error = np.sum(residual**2) / ((n - 1) * (k - 1))
    icc = (ms_rows - ms_error) / (ms_rows + (k - 1) * ms_error + k * (ms_cols - ms_error) / n)
    f_value = ms_rows / ms_error if ms_error > 0 else float("inf")
    p_value = float(sps.f.sf(f_value, n - 1, (n - 1) * (k - 1)))
    f_j = ms_cols / ms_error if ms_error > 0 else float("inf")
    c = n * (1 + (k - 1) * icc) - k * icc
    v = ((n - 1) * (k - 1) * (k * icc * f_j + c) ** 2) / ((n - 1) * k**2 * icc**2 * f_j**2 + c**2)
    f_low = sps.f.ppf(1 - alpha / 2, n - 1, v)
    f_up = sps.f.ppf(1 - alpha / 2, v, n - 1)
    common = k * ms_cols + (k * n - k - n) * ms_error
    lower = n * (ms_rows - f_low * ms_error) / (f_low * common + n * ms_rows)
    upper = n * (f_up * ms_rows - ms_error) / (common + n * f_up * ms_rows)
    return ICCResult(float(icc), float(lower), float(upper), float(f_value), p_value, n, k)


class KappaWeighting(Enum):
    """Disagreement weights of Cohen's kappa: none (nominal), linear or quadratic (ordinal)."""

    NONE = "none"
    LINEAR = "linear"
    QUADRATIC = "quadratic"


def _categories(values: Sequence[Any], categories: Sequence[Any] | None) -> list[Any]:
    if categories is not None:
        missing = set(values) - set(categories)
        if missing:
            raise InvalidInputError(
                tr(
                    "ratings {missing} are not in {categories}",
                    missing=sorted(missing, key=str),
                    categories=categories,
                )
            )
        return list(categories)
    return sorted(set(values))


def cohen_kappa(
    rater_a: Sequence[Any],
    rater_b: Sequence[Any],
    weighting: KappaWeighting = KappaWeighting.NONE,
    categories: Sequence[Any] | None = None,
) -> float:
    """Cohen's kappa of two raters, optionally linear- or quadratic-weighted for ordinal grades.

    Categories are ordered as given (or sorted); weights use the category rank:
    |i - j| (linear) or (i - j)^2 (quadratic), the convention of scikit-learn.
    """
    if len(rater_a) != len(rater_b) or len(rater_a) == 0:
        raise InvalidInputError(tr("kappa needs two equally long, non-empty lists of ratings"))
    cats = _categories(list(rater_a) + list(rater_b), categories)
    index = {c: i for i, c in enumerate(cats)}
    q = len(cats)
    observed = np.zeros((q, q))
    for a, b in zip(rater_a, rater_b, strict=True):
        observed[index[a], index[b]] += 1
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    i, j = np.indices((q, q))
    if weighting is KappaWeighting.NONE:
        weights = (i != j).astype(float)
    elif weighting is KappaWeighting.LINEAR:
        weights = np.abs(i - j).astype(float)
    else:
        weights = ((i - j) ** 2).astype(float)
    denominator = np.sum(weights * expected)
    if denominator == 0:
        return 1.0  # one category used by both raters throughout: perfect, chance-free agreement
    return float(1.0 - np.sum(weights * observed) / denominator)


def fleiss_kappa(
    ratings: Sequence[Sequence[Any]], categories: Sequence[Any] | None = None
) -> float:
    """Fleiss' kappa for an (n subjects x m raters) table of categorical ratings (m >= 2)."""
    rows = [list(r) for r in ratings]
    if not rows or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        raise InvalidInputError(
            tr("Fleiss' kappa needs every subject rated by the same >= 2 raters")
        )
    cats = _categories([v for r in rows for v in r], categories)
    index = {c: i for i, c in enumerate(cats)}
    counts = np.zeros((len(rows), len(cats)))
    for s, row in enumerate(rows):
        for value in row:
            counts[s, index[value]] += 1
    n_subjects, m = counts.shape[0], len(rows[0])
    p_j = counts.sum(axis=0) / (n_subjects * m)
    p_i = (np.sum(counts**2, axis=1) - m) / (m * (m - 1))
    p_bar, p_e = p_i.mean(), np.sum(p_j**2)
    if p_e == 1.0:
        return 1.0
    return float((p_bar - p_e) / (1.0 - p_e))


@dataclass(frozen=True)
class BlandAltman:
    """Bland-Altman agreement of paired measurements (A - B): bias and 95% limits."""

    n: int
    bias: float
    sd_difference: float
    lower_limit: float
    upper_limit: float
    means: tuple[float, ...]
    differences: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["means"], data["differences"] = list(self.means), list(self.differences)
        return data


def bland_altman(a: Sequence[float], b: Sequence[float], z: float = 1.96) -> BlandAltman:
    """Bias (mean A - B), SD of the differences (ddof 1) and limits bias +- z SD."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or x.size < 2:
        raise InvalidInputError(tr("Bland-Altman needs two equally long lists of >= 2 numbers"))
    diff = x - y
    bias, sd = float(diff.mean()), float(diff.std(ddof=1))
    return BlandAltman(
        int(x.size),
        bias,
        sd,
        bias - z * sd,
        bias + z * sd,
        tuple(float(v) for v in (x + y) / 2.0),
        tuple(float(v) for v in diff),
    )
