"""The iteration record of human-machine annotation (R-HMI-4, R-HMI-5; consensus s.7, fig. 7).

One JSON file per project or dataset folder, ``hmi_rounds.json``, written atomically, lists
every round: which model pre-annotated which cases (R-HMI-3), which were sampled for expert
quality assessment (R-HMI-4), which needed correction, which corrected cases joined the
standard set (R-HMI-1/4), who recorded it and when. Each round carries the stopping check of
R-HMI-5 "iterate until the large data set meets the experts' requirements", made measurable:
the share of sampled cases that needed correction is below the project's threshold (and at
least ``min_sampled`` cases were assessed, so that a round of two lucky cases does not stop it).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.provenance import provenance

ROUNDS_FORMAT = "cnstumor-hmi-rounds/1"
ROUNDS_FILE = "hmi_rounds.json"


@dataclass(frozen=True)
class StoppingRule:
    """R-HMI-5 made measurable: stop when few sampled cases need correction (project setting)."""

    #: Stop when corrected / sampled is below this share (the experts' requirement).
    max_correction_fraction: float = 0.1
    #: ... and at least this many cases were assessed in the round.
    min_sampled: int = 5

    def check(self) -> StoppingRule:
        if not 0.0 < self.max_correction_fraction <= 1.0 or self.min_sampled < 1:
            raise InvalidInputError(
                tr(
                    (
                        "stopping rule: the correction fraction must lie in (0, 1] and at least "
                        "one case must be sampled, got {max_correction_fraction}, {min_sampled}"
                    ),
                    max_correction_fraction=self.max_correction_fraction,
                    min_sampled=self.min_sampled,
                )
            )
        return self


def rounds_path(folder: Path | str) -> Path:
    return Path(folder) / ROUNDS_FILE


def read_rounds(folder: Path | str) -> dict[str, Any]:
    """The record (an empty one, with the default rule, when the file does not exist yet)."""
    path = rounds_path(folder)
    if not path.is_file():
        return {"format": ROUNDS_FORMAT, "stopping_rule": asdict(StoppingRule()), "rounds": []}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(tr("not readable JSON ({error})", error=error), path) from None
    if not isinstance(record, dict) or record.get("format") != ROUNDS_FORMAT:
        raise InvalidInputError(tr("not a {format} record", format=ROUNDS_FORMAT), path)
    return record


def _unique(items: list[str], what: str) -> list[str]:
    cleaned = [str(i).strip() for i in items if str(i).strip()]
    if len(set(cleaned)) != len(cleaned):
        raise InvalidInputError(
            tr("{field} lists a case twice: {cases}", field=what, cases=sorted(cleaned))
        )
    return cleaned


def _check_subsets(sets: dict[str, list[str]]) -> None:
    """corrected within sampled, sampled within pre-annotated, added within corrected."""
    for inner, outer in (
        ("sampled", "preannotated"),
        ("corrected", "sampled"),
        ("added_to_standard", "corrected"),
    ):
        stray = sorted(set(sets[inner]) - set(sets[outer]))
        if stray:
            raise InvalidInputError(
                tr(
                    "R-HMI-4: {inner} cases {stray} are not among the {outer} cases",
                    inner=inner,
                    stray=stray,
                    outer=outer,
                )
            )


def stopping_check(sampled: int, corrected: int, rule: StoppingRule) -> dict[str, Any]:
    """R-HMI-5: is the correction share of this round below the project threshold?"""
    fraction = corrected / sampled if sampled else None
    met = (
        sampled >= rule.min_sampled
        and fraction is not None
        and fraction < rule.max_correction_fraction
    )
    reason = stop_reason(sampled, corrected, rule)
    return {"met": met, "correction_fraction": fraction, "reason": reason, **asdict(rule)}


def stop_reason(sampled: int, corrected: int, rule: StoppingRule) -> str:
    """Why a round with these counts does or does not stop, in the language people read now."""
    if sampled < rule.min_sampled:
        return tr(
            "only {sampled} case(s) assessed; the rule needs at least {min_sampled}",
            sampled=sampled,
            min_sampled=rule.min_sampled,
        )
    if corrected / sampled < rule.max_correction_fraction:
        return tr(
            "{corrected}/{sampled} needed correction, below {threshold:.0%}",
            corrected=corrected,
            sampled=sampled,
            threshold=rule.max_correction_fraction,
        )
    return tr(
        "{corrected}/{sampled} needed correction, not below {threshold:.0%}",
        corrected=corrected,
        sampled=sampled,
        threshold=rule.max_correction_fraction,
    )


def round_reason(entry: dict[str, Any]) -> str:
    """A recorded round's stopping reason in the language people read now (from its counts and
    rule; the sentence stored when it was recorded if those are missing)."""
    stop = entry.get("stop") or {}
    try:
        rule = StoppingRule(float(stop["max_correction_fraction"]), int(stop["min_sampled"]))
        counts = entry["counts"]
        return stop_reason(int(counts["sampled"]), int(counts["corrected"]), rule)
    except (KeyError, TypeError, ValueError):
        return str(stop.get("reason", ""))


def record_round(
    folder: Path | str,
    *,
    model: str,
    recorded_by: str,
    preannotated: list[str],
    sampled: list[str],
    corrected: list[str],
    added_to_standard: list[str] | None = None,
    model_version: str = "",
    worklist: str | None = None,
    rule: StoppingRule | None = None,
) -> dict[str, Any]:
    """Append one round to ``hmi_rounds.json`` (atomic) and return it with its stopping check."""
    if not model.strip() or not recorded_by.strip():
        raise InvalidInputError(tr("a round needs the model's name and who records it (R-FLOW-1)"))
    record = read_rounds(folder)
    if rule is not None:
        record["stopping_rule"] = asdict(rule.check())
    current = StoppingRule(**record["stopping_rule"]).check()
    sets = {
        "preannotated": _unique(preannotated, "preannotated"),
        "sampled": _unique(sampled, "sampled"),
        "corrected": _unique(corrected, "corrected"),
        "added_to_standard": _unique(added_to_standard or [], "added_to_standard"),
    }
    _check_subsets(sets)
    entry = {
        "round": len(record["rounds"]) + 1,
        "model": model.strip(),
        "model_version": model_version.strip() or None,
        "recorded_by": recorded_by.strip(),
        "recorded_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        **sets,
        "counts": {k: len(v) for k, v in sets.items()},
        "worklist": worklist,
        "stop": stopping_check(len(sets["sampled"]), len(sets["corrected"]), current),
    }
    record["rounds"].append(entry)
    record["provenance"] = provenance(
        "hmi_round", parameters={"round": entry["round"], "stopping_rule": record["stopping_rule"]}
    )
    write_json_atomic(rounds_path(folder), record)
    return entry


def standard_set(record: dict[str, Any]) -> list[str]:
    """Every case added to the standard set over all rounds, in order of addition."""
    seen: list[str] = []
    for entry in record["rounds"]:
        seen.extend(c for c in entry["added_to_standard"] if c not in seen)
    return seen


def format_status(record: dict[str, Any]) -> str:
    """A readable summary of the rounds and whether the last one meets the stopping rule."""
    rule = record["stopping_rule"]
    lines = [
        tr(
            "Human-machine annotation rounds (R-HMI-5; stop below {threshold:.0%} corrected of "
            ">= {min_sampled} sampled):",
            threshold=rule["max_correction_fraction"],
            min_sampled=rule["min_sampled"],
        )
    ]
    for e in record["rounds"]:
        c = e["counts"]
        numbers = {
            "round": e["round"],
            "model": f"{e['model']}@{e['model_version']}" if e["model_version"] else e["model"],
            "preannotated": c["preannotated"],
            "sampled": c["sampled"],
            "corrected": c["corrected"],
            "added": c["added_to_standard"],
            "reason": round_reason(e),
        }
        if e["stop"]["met"]:
            line = tr(
                "round {round}: {model}  pre-annotated {preannotated}, sampled {sampled}, "
                "corrected {corrected}, added {added}  ->  STOP: {reason}",
                **numbers,
            )
        else:
            line = tr(
                "round {round}: {model}  pre-annotated {preannotated}, sampled {sampled}, "
                "corrected {corrected}, added {added}  ->  continue: {reason}",
                **numbers,
            )
        lines.append("  " + line)
    if not record["rounds"]:
        lines.append("  " + tr("no round recorded yet"))
    lines.append(
        "  "
        + tr(
            "standard set: {cases} case(s) added by correction",
            cases=len(standard_set(record)),
        )
    )
    return "\n".join(lines)
