"""Literature thresholds for "excellent" agreement, as a versioned rule table (R-PPL-2, R-PPL-4).

The consensus asks that two annotation teams reach "excellent" agreement before production
annotation (R-PPL-4) without giving numbers; the defaults come from the literature collected
in docs/references.md (Agreement):

- volume ICC: Koo & Li 2016 (J Chiropr Med 15:155): < 0.5 poor, 0.5-0.75 moderate,
  0.75-0.9 good, > 0.90 excellent (classify the lower 95% CI bound for a strict reading).
- kappa on grades: Landis & Koch 1977 (Biometrics 33:159): <= 0.40 slight/fair (poor here),
  0.41-0.60 moderate, 0.61-0.80 substantial (good), > 0.80 almost perfect (excellent).
- Dice per region: whole tumor >= 0.85 excellent, 0.75-0.85 good (the 74-85 % human range of
  BraTS, Menze et al. IEEE TMI 2015), 0.70-0.75 moderate (Zijdenbos et al. IEEE TMI 1994:
  DSC > 0.70 "excellent" in their wording, the lowest acceptable here), < 0.70 poor; tumor core
  0.05 and enhancing region 0.10 lower (docs/references.md, Agreement).
- HD95 (mm, lower is better): <= 10 mm not flagged (docs/references.md, Agreement: > 10 mm -> review);
  <= 5 mm excellent and > 20 mm poor are this project's own proposal (about 5 and 20 voxels
  at 1 mm) until the consensus group confirms them.

A project may tighten them by building its own :class:`AgreementThresholds` with a new version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from CNSTumorAnnotationLib.i18n import N_, tr


class AgreementBand(Enum):
    """Agreement grade, worst to best."""

    POOR = "poor"
    MODERATE = "moderate"
    GOOD = "good"
    EXCELLENT = "excellent"


#: How people read each band on the reports (the values themselves are in the JSON).
BAND_NAMES: dict[str, str] = {
    AgreementBand.POOR.value: N_("poor"),
    AgreementBand.MODERATE.value: N_("moderate"),
    AgreementBand.GOOD.value: N_("good"),
    AgreementBand.EXCELLENT.value: N_("excellent"),
}


def band_name(value: str | None) -> str:
    """A band value (``"good"``) as people read it in the current language; ``—`` for none."""
    if not value:
        return "—"
    return tr(BAND_NAMES[value]) if value in BAND_NAMES else value


@dataclass(frozen=True)
class MetricBands:
    """Cut points between the four bands of one metric.

    ``cut_points`` are (moderate, good, excellent) lower bounds for a higher-is-better metric,
    upper bounds for a lower-is-better one. ``strict`` says whether a value equal to the cut
    point stays in the lower band (Koo & Li's "> 0.90").
    """

    metric: str
    cut_points: tuple[float, float, float]
    higher_is_better: bool = True
    strict: bool = False
    source: str = ""

    def classify(self, value: float) -> AgreementBand:
        """The band ``value`` falls in (NaN is poor: no evidence of agreement)."""
        if value != value:  # NaN
            return AgreementBand.POOR
        bands = (AgreementBand.MODERATE, AgreementBand.GOOD, AgreementBand.EXCELLENT)
        result = AgreementBand.POOR
        for band, cut in zip(bands, self.cut_points, strict=True):
            if self.higher_is_better:
                reached = value > cut if self.strict else value >= cut
            else:
                reached = value < cut if self.strict else value <= cut
            if reached:
                result = band
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "cut_points": list(self.cut_points),
            "higher_is_better": self.higher_is_better,
            "strict": self.strict,
            "source": self.source,
        }


_ANCHORS = "docs/references.md, Agreement"
_DICE_SOURCE = f"Menze 2015 (BraTS human 74-85 %); Zijdenbos 1994 (> 0.70); {_ANCHORS}"
_HD95_SOURCE = f"{_ANCHORS} (> 10 mm -> review); 5 / 20 mm: project proposal"


def _dice(offset: float) -> MetricBands:
    return MetricBands("dice", (0.70 - offset, 0.75 - offset, 0.85 - offset), source=_DICE_SOURCE)


@dataclass(frozen=True)
class AgreementThresholds:
    """The versioned table of agreement bands; its version is stamped into every report."""

    version: str = "agreement-thresholds-2026.11-1"
    icc: MetricBands = MetricBands(
        "icc", (0.50, 0.75, 0.90), strict=True, source=f"Koo & Li 2016; {_ANCHORS}"
    )
    kappa: MetricBands = MetricBands(
        "kappa", (0.40, 0.60, 0.80), strict=True, source=f"Landis & Koch 1977; {_ANCHORS}"
    )
    dice_by_region: dict[str, MetricBands] = field(
        default_factory=lambda: {
            "whole_tumor": _dice(0.0),
            "tumor_core": _dice(0.05),
            "enhancing": _dice(0.10),
        },
        hash=False,
    )
    hd95_mm: MetricBands = MetricBands(
        "hd95_mm", (20.0, 10.0, 5.0), higher_is_better=False, source=_HD95_SOURCE
    )
    #: Region whose Dice bands apply to regions the table does not name.
    default_region: str = "whole_tumor"

    def dice_bands(self, region: str | None) -> MetricBands:
        """Dice bands for ``region`` (falls back to :attr:`default_region`)."""
        key = region if region in self.dice_by_region else self.default_region
        return self.dice_by_region[key]

    def bands_for(self, metric: str, region: str | None = None) -> MetricBands:
        """The bands of ``metric`` ('icc', 'kappa', 'dice', 'hd95_mm')."""
        if metric == "dice":
            return self.dice_bands(region)
        table = {"icc": self.icc, "kappa": self.kappa, "hd95_mm": self.hd95_mm}
        if metric not in table:
            raise KeyError(f"no agreement bands for metric {metric!r}")
        return table[metric]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "icc": self.icc.to_dict(),
            "kappa": self.kappa.to_dict(),
            "dice_by_region": {k: v.to_dict() for k, v in self.dice_by_region.items()},
            "hd95_mm": self.hd95_mm.to_dict(),
            "default_region": self.default_region,
        }


DEFAULT_THRESHOLDS = AgreementThresholds()


def classify(
    metric: str,
    value: float,
    region: str | None = None,
    thresholds: AgreementThresholds = DEFAULT_THRESHOLDS,
) -> AgreementBand:
    """Band of ``value`` for ``metric`` ('icc', 'kappa', 'dice', 'hd95_mm') in ``region``."""
    return thresholds.bands_for(metric, region).classify(value)


def is_excellent(
    metric: str,
    value: float,
    region: str | None = None,
    thresholds: AgreementThresholds = DEFAULT_THRESHOLDS,
) -> bool:
    """True when ``value`` reaches the "excellent" band (R-PPL-4 certification criterion)."""
    return classify(metric, value, region, thresholds) is AgreementBand.EXCELLENT


def classify_icc(
    icc: float,
    ci95_lower: float | None = None,
    thresholds: AgreementThresholds = DEFAULT_THRESHOLDS,
) -> AgreementBand:
    """Band of an ICC; with ``ci95_lower`` given, the band of the lower bound (Koo & Li 2016
    grade reliability by the confidence interval: "excellent" only when the whole interval
    lies above 0.90)."""
    return thresholds.icc.classify(icc if ci95_lower is None else ci95_lower)
