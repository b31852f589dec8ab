"""What each MR series is and whether it was acquired as the consensus prescribes.

Owns sequence identification from the DICOM header (``identify``), the consensus acquisition
rule table and its checks per series and per study (``rules``, R-ACQ-1..7), slice geometry
(``geometry``: plane, thickness, spacing) and series integrity (``integrity``, R-DATA-2:
missing, duplicated or unevenly spaced slices). Reads parsed headers only, never pixels.
"""

from __future__ import annotations

from CNSTumorQCLib.acquisition.geometry import (
    PlaneEstimate,
    acquisition_type,
    plane_from_orientation,
    slice_thickness,
)
from CNSTumorQCLib.acquisition.identify import Evidence, Identification, identify_series
from CNSTumorQCLib.acquisition.integrity import IntegrityParameters, check_integrity
from CNSTumorQCLib.acquisition.rules import (
    CONSENSUS_RULES,
    RequirementStatus,
    RuleTable,
    SequenceRule,
    ThicknessRule,
    check_series_rules,
    check_study_requirements,
)

__all__ = [
    "CONSENSUS_RULES",
    "Evidence",
    "Identification",
    "IntegrityParameters",
    "PlaneEstimate",
    "RequirementStatus",
    "RuleTable",
    "SequenceRule",
    "ThicknessRule",
    "acquisition_type",
    "check_integrity",
    "check_series_rules",
    "check_study_requirements",
    "identify_series",
    "plane_from_orientation",
    "slice_thickness",
]
