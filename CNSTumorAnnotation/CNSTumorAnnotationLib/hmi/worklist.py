"""The ranked worklist of pre-annotated cases for expert quality assessment (R-HMI-4).

``rank_cases`` reads each case's model outputs (``hmi_predictions``), scores them with the
versioned strategy (``hmi_sampling``) and selects a budget of cases: the highest scores first,
then a seeded random share for exploration. The worklist lists every selected case with its
rank, why it was selected and the numbers behind it, and every case left out with its score.
It is written atomically as JSON or CSV, stamped with the strategy and provenance.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from CNSTumorAnnotationLib.hmi.predictions import load_predictions
from CNSTumorAnnotationLib.hmi.sampling import (
    CaseScore,
    SamplingStrategy,
    score_case,
    select,
    with_size_term,
)
from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorQCLib.atomic import write_json_atomic, write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.provenance import provenance

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


WORKLIST_FORMAT = "cnstumor-hmi-worklist/1"
#: Why a case was selected (the ``selection`` value of the worklist), translated where shown.
SELECTIONS: tuple[str, ...] = (N_("disagreement"), N_("exploration"))


@dataclass(frozen=True)
class Worklist:
    """Selected cases (ranked, with reasons) and the cases left out (R-HMI-4)."""

    strategy: SamplingStrategy
    budget: int
    selected: tuple[tuple[CaseScore, str], ...]
    left_out: tuple[CaseScore, ...]
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def case_ids(self) -> list[str]:
        return [score.case_id for score, _ in self.selected]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": WORKLIST_FORMAT,
            "rule": "R-HMI-4",
            "strategy": self.strategy.to_dict(),
            "budget": self.budget,
            "worklist": [
                {"rank": i, "selection": why, **score.to_dict()}
                for i, (score, why) in enumerate(self.selected, start=1)
            ],
            "left_out": [
                {"case_id": s.case_id, "source": s.source, "score": round(s.score, 6)}
                for s in self.left_out
            ],
            "provenance": self.provenance,
        }


def rank_cases(
    sources: Sequence[Path | str],
    budget: int,
    *,
    strategy: SamplingStrategy | None = None,
    convention: str = "brats2021",
    family: str = "intra_axial",
    runtime: MRMLRuntime | None = None,
    selfcheck: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> Worklist:
    """Rank case folders / prediction folders and select ``budget`` of them (R-HMI-4)."""
    chosen = (strategy or SamplingStrategy()).check()
    if not sources:
        raise InvalidInputError(tr("no cases to rank"))
    if budget < 1:
        raise InvalidInputError(
            tr("the budget must be at least one case, got {budget}", budget=budget)
        )
    scores: list[CaseScore] = []
    for index, source in enumerate(sources):
        if progress is not None:
            progress(index, len(sources), str(source))
        predictions = load_predictions(
            source, convention=convention, family=family, runtime=runtime, selfcheck=selfcheck
        )
        scores.append(score_case(predictions, chosen))  # masks freed case by case
    ids = [s.case_id for s in scores]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InvalidInputError(
            tr("two sources share a case id: {duplicates}", duplicates=duplicates)
        )
    scores = with_size_term(scores, chosen)
    selected = select(scores, budget, chosen)
    picked = {s.case_id for s, _ in selected}
    left_out = sorted(
        (s for s in scores if s.case_id not in picked), key=lambda s: (-s.score, s.case_id)
    )
    return Worklist(
        strategy=chosen,
        budget=budget,
        selected=tuple(selected),
        left_out=tuple(left_out),
        provenance=provenance(
            "hmi_rank",
            rule_tables={"hmi_sampling": chosen.version},
            parameters={"budget": budget, "convention": convention, "family": family},
        ),
    )


_CSV_COLUMNS = (
    "rank",
    "case_id",
    "selection",
    "score",
    "dice",
    "hd95",
    "lesions",
    "fragments",
    "volume",
    "size",
    "selfcheck",
    "models",
    "reasons",
    "source",
)


def worklist_csv(worklist: Worklist) -> str:
    """The selected cases as CSV (one row per case; reasons joined by ``; ``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for rank, (score, why) in enumerate(worklist.selected, start=1):
        terms = [
            f"{score.terms[k]:.4f}"
            for k in ("dice", "hd95", "lesions", "fragments", "volume", "size", "selfcheck")
        ]
        writer.writerow(
            [
                rank,
                score.case_id,
                why,
                f"{score.score:.6f}",
                *terms,
                " | ".join(score.models),
                "; ".join(score.reasons),
                score.source,
            ]
        )
    return buffer.getvalue()


def write_worklist(worklist: Worklist, out: Path | str) -> Path:
    """Write the worklist atomically: CSV when ``out`` ends in ``.csv``, JSON otherwise."""
    path = Path(out)
    if path.suffix.lower() == ".csv":
        return write_text_atomic(path, worklist_csv(worklist))
    return write_json_atomic(path, worklist.to_dict())


def format_worklist(worklist: Worklist) -> str:
    """A readable table of the worklist."""
    lines = [
        tr(
            "R-HMI-4 worklist ({strategy}, seed {seed}):",
            strategy=worklist.strategy.version,
            seed=worklist.strategy.seed,
        )
    ]
    for rank, (score, why) in enumerate(worklist.selected, start=1):
        selection = tr(why) if why in SELECTIONS else why
        lines.append(
            "  "
            + tr(
                "{rank:3d}. {case:30} score {score:.3f}  [{selection}]",
                rank=rank,
                case=score.case_id,
                score=score.score,
                selection=selection,
            )
        )
        lines.extend(f"         - {reason}" for reason in score.reasons[:4])
    if worklist.left_out:
        cases = ", ".join(s.case_id for s in worklist.left_out)
        lines.append("  " + tr("left out: {cases}", cases=cases))
    return "\n".join(lines)
