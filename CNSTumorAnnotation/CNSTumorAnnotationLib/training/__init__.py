"""The training phase (R-PPL-2, R-PPL-4): calibration of two teams and their certification.

``calibration`` measures agreement on the calibration cases and certifies the teams;
``report_html`` draws its page (imported on first use: it needs matplotlib).
"""

from __future__ import annotations

from CNSTumorAnnotationLib.training.calibration import (
    CalibrationCase,
    CalibrationReport,
    assess_calibration,
    certify_teams,
    record_certification,
)
from CNSTumorQCLib.lazy import lazy_exports

#: Exports imported on first use (why: see the docstring above).
_LAZY = {
    "training_report_html": "report_html",
    "write_training_report_html": "report_html",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "CalibrationCase",
    "CalibrationReport",
    "assess_calibration",
    "certify_teams",
    "record_certification",
    "training_report_html",
    "write_training_report_html",
]
