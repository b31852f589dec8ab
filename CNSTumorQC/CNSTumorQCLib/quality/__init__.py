"""The suggested image-quality grade (R-QC-1..3) and its confirmation by a radiologist.

Owns head and air masks (``head_mask``), the quality metrics (``metrics``: SNR, EFC, FWHM),
intensity non-uniformity (``bias_field``), artifact indicators (``artifacts``), the grade
suggested from them (``grading``) and the radiologist's confirmation (``confirmation``): a
suggestion never allows annotation by itself (R-QC-2).
"""

from __future__ import annotations

from CNSTumorQCLib.quality.bias_field import N4Parameters, estimate_bias_field
from CNSTumorQCLib.quality.confirmation import confirm_grade, record_grade_confirmation
from CNSTumorQCLib.quality.grading import GradeSuggestion, GradeThresholds, suggest_grade
from CNSTumorQCLib.quality.head_mask import MaskParameters, head_and_air_masks
from CNSTumorQCLib.quality.metrics import MetricParameters, QualityMetrics, compute_quality_metrics

__all__ = [
    "GradeSuggestion",
    "GradeThresholds",
    "MaskParameters",
    "MetricParameters",
    "N4Parameters",
    "QualityMetrics",
    "compute_quality_metrics",
    "confirm_grade",
    "estimate_bias_field",
    "head_and_air_masks",
    "record_grade_confirmation",
    "suggest_grade",
]
