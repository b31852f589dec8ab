"""Are the ADC map's values apparent diffusion coefficients, and in which unit? (R-ACQ-4)

Scanners store the ADC map scaled: most in 10^-6 mm2/s (um2/s: brain tissue about 700-900,
CSF about 3000), some in 10^-3 mm2/s or in mm2/s as floating point (through RescaleSlope). A map
whose values fit none of these (a lost rescale slope, a map of something else) cannot be read as
ADC. The unit is decided from the median of the non-zero voxels of the central third of the slices
(mostly brain; the background of a computed map is zero), within ``ADC_UNITS``' ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr

#: (unit, scale to mm2/s, median range in that unit) - brain tissue 0.2-3.0 x 10^-3 mm2/s.
ADC_UNITS: tuple[tuple[str, float, tuple[float, float]], ...] = (
    ("10^-6 mm2/s (um2/s)", 1e-6, (200.0, 3000.0)),
    ("10^-3 mm2/s", 1e-3, (0.2, 3.0)),
    ("mm2/s", 1.0, (2e-4, 3e-3)),
)


@dataclass(frozen=True)
class AdcUnit:
    """The unit the values fit (None: none fits) and the median tissue value in 10^-3 mm2/s."""

    unit: str | None
    median: float
    median_e3_mm2_s: float | None


def adc_unit(volume: np.ndarray) -> AdcUnit:
    """The unit of an ADC map (slices along numpy axis 0)."""
    k = volume.shape[0]
    central = volume[k // 3 : max(k // 3 + 1, 2 * k // 3)]
    values = central[central > 0]
    if values.size == 0:
        return AdcUnit(None, 0.0, None)
    median = float(np.median(values))
    for unit, scale, (low, high) in ADC_UNITS:
        if low <= median <= high:
            return AdcUnit(unit, median, median * scale * 1e3)
    return AdcUnit(None, median, None)


def adc_findings(volume: np.ndarray, uid: str, files: tuple[str, ...]) -> list[Finding]:
    """R-ACQ-4: the unit of the ADC map (info), or an error when the values fit no unit."""
    found = adc_unit(volume)
    if found.unit is None:
        return [
            Finding(
                "R-ACQ-4",
                Severity.ERROR,
                tr(
                    (
                        "ADC map values (median {median:g}) fit no ADC unit (10^-6 mm2/s, 10^-3 "
                        "mm2/s or mm2/s): check the rescale slope / intercept or the series"
                    ),
                    median=found.median,
                ),
                uid,
                files,
                details={"median": found.median},
            )
        ]
    return [
        Finding(
            "R-ACQ-4",
            Severity.INFO,
            tr(
                ("ADC map stored in {unit}: median tissue value {median:.2f} x 10^-3 mm2/s"),
                unit=found.unit,
                median=found.median_e3_mm2_s,
            ),
            uid,
            details={"unit": found.unit, "median_e3_mm2_s": found.median_e3_mm2_s},
        )
    ]
