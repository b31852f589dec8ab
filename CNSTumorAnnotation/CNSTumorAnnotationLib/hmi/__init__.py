"""Human-machine interactive annotation (R-HMI-1..5).

Owns the expert gold standard and machine pre-annotation (``preannotation``), model outputs
(``predictions``), active-learning scores and selection (``sampling``), the ranked worklist
(``worklist``) and the rounds with their stopping rule (``rounds``).
"""

from __future__ import annotations

from CNSTumorAnnotationLib.hmi.preannotation import GoldStandard, gold_standard, preannotate
from CNSTumorAnnotationLib.hmi.predictions import CasePredictions, load_predictions
from CNSTumorAnnotationLib.hmi.rounds import StoppingRule, record_round, stopping_check
from CNSTumorAnnotationLib.hmi.sampling import SamplingStrategy, score_case, select
from CNSTumorAnnotationLib.hmi.worklist import Worklist, rank_cases, write_worklist

__all__ = [
    "CasePredictions",
    "GoldStandard",
    "SamplingStrategy",
    "StoppingRule",
    "Worklist",
    "gold_standard",
    "load_predictions",
    "preannotate",
    "rank_cases",
    "record_round",
    "score_case",
    "select",
    "stopping_check",
    "write_worklist",
]
