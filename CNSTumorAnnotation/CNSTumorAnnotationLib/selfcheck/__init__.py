"""Self-check of an annotation version before submission (R-ANN-2/3/4/7/8/9, R-SEG-1..7).

Owns the parameters and checklist (``params``), the mask checks (``core``) built from the
region rules (``rules``), lesions (``lesions``), end slices (``endslice``) and geometry
(``space``), and the case-level run and its report (``case_check``).
"""

from __future__ import annotations

from CNSTumorAnnotationLib.selfcheck.case_check import (
    SelfCheckReport,
    format_report,
    run_selfcheck,
    write_selfcheck,
)
from CNSTumorAnnotationLib.selfcheck.core import SelfCheckResult, check_masks
from CNSTumorAnnotationLib.selfcheck.params import Confirmations, SelfCheckParameters

__all__ = [
    "Confirmations",
    "SelfCheckParameters",
    "SelfCheckReport",
    "SelfCheckResult",
    "check_masks",
    "format_report",
    "run_selfcheck",
    "write_selfcheck",
]
