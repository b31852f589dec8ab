"""Inter-annotator agreement (R-PPL-2, R-PPL-4, R-HMI-1): overlap and surface metrics, BraTS
2023 lesion-wise scores, ICC / kappa / Bland-Altman, STAPLE consensus, literature thresholds,
per-region tables and an HTML report.

Import from the submodules; the most used names are re-exported here.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.agreement.lesionwise import (
    BRATS_2023_PRESETS,
    LesionWiseParameters,
    LesionWiseResult,
    lesion_wise_metrics,
)
from CNSTumorAnnotationLib.agreement.overlap import OverlapMetrics, overlap_metrics
from CNSTumorAnnotationLib.agreement.regions import (
    BRATS_REGIONS,
    AgreementTable,
    PairAgreement,
    region_agreement,
)
from CNSTumorAnnotationLib.agreement.stats import (
    BlandAltman,
    ICCResult,
    KappaWeighting,
    bland_altman,
    cohen_kappa,
    fleiss_kappa,
    icc_2_1,
)
from CNSTumorAnnotationLib.agreement.surface import (
    EMPTY_MASK_DISTANCE_MM,
    average_symmetric_surface_distance_mm,
    robust_hausdorff_mm,
    surface_dice_at_tolerance,
    surface_distances,
)
from CNSTumorAnnotationLib.agreement.thresholds import (
    DEFAULT_THRESHOLDS,
    AgreementBand,
    AgreementThresholds,
    MetricBands,
    classify,
    classify_icc,
    is_excellent,
)

__all__ = [
    "BRATS_2023_PRESETS",
    "BRATS_REGIONS",
    "DEFAULT_THRESHOLDS",
    "EMPTY_MASK_DISTANCE_MM",
    "AgreementBand",
    "AgreementTable",
    "AgreementThresholds",
    "BlandAltman",
    "ICCResult",
    "KappaWeighting",
    "LesionWiseParameters",
    "LesionWiseResult",
    "MetricBands",
    "OverlapMetrics",
    "PairAgreement",
    "average_symmetric_surface_distance_mm",
    "bland_altman",
    "classify",
    "classify_icc",
    "cohen_kappa",
    "fleiss_kappa",
    "icc_2_1",
    "is_excellent",
    "lesion_wise_metrics",
    "overlap_metrics",
    "region_agreement",
    "robust_hausdorff_mm",
    "surface_dice_at_tolerance",
    "surface_distances",
]
