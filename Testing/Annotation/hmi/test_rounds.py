"""R-HMI-5: the iteration record of pre-annotation, sampling, correction and the stopping check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.hmi.rounds import (
    ROUNDS_FILE,
    StoppingRule,
    read_rounds,
    record_round,
    standard_set,
)
from CNSTumorQCLib.errors import InvalidInputError

CASES = [f"case{i:02d}" for i in range(1, 21)]


def test_rounds_are_appended_and_the_stopping_rule_is_met_when_few_sampled_cases_need_correction(
    tmp_path: Path,
) -> None:
    """Round 1: 3 of 6 sampled cases corrected (continue); round 2: 0 of 6 (stop, R-HMI-5)."""
    first = record_round(
        tmp_path,
        model="unet",
        model_version="r1",
        recorded_by="dr_li",
        preannotated=CASES,
        sampled=CASES[:6],
        corrected=CASES[:3],
        added_to_standard=CASES[:3],
        rule=StoppingRule(max_correction_fraction=0.2, min_sampled=5),
    )
    assert first["round"] == 1 and not first["stop"]["met"]
    assert first["stop"]["correction_fraction"] == pytest.approx(0.5)
    second = record_round(
        tmp_path,
        model="unet",
        model_version="r2",
        recorded_by="dr_li",
        preannotated=CASES[3:],
        sampled=CASES[6:12],
        corrected=[],
    )
    assert second["round"] == 2 and second["stop"]["met"]
    assert "0/6 needed correction, below 20%" in second["stop"]["reason"]
    record = json.loads((tmp_path / ROUNDS_FILE).read_text())
    assert [r["round"] for r in record["rounds"]] == [1, 2]
    assert record["stopping_rule"] == {"max_correction_fraction": 0.2, "min_sampled": 5}
    assert standard_set(record) == CASES[:3]
    assert record["provenance"]["operation"] == "hmi_round"


def test_a_round_of_too_few_sampled_cases_does_not_stop_and_inconsistent_sets_are_refused(
    tmp_path: Path,
) -> None:
    few = record_round(
        tmp_path, model="m", recorded_by="a", preannotated=CASES, sampled=CASES[:2], corrected=[]
    )
    assert not few["stop"]["met"] and "only 2 case(s) assessed" in few["stop"]["reason"]
    with pytest.raises(InvalidInputError, match="corrected cases .* not among the sampled"):
        record_round(
            tmp_path,
            model="m",
            recorded_by="a",
            preannotated=CASES,
            sampled=CASES[:5],
            corrected=["case19"],
        )
    with pytest.raises(InvalidInputError, match="lists a case twice"):
        record_round(
            tmp_path,
            model="m",
            recorded_by="a",
            preannotated=CASES,
            sampled=["case01", "case01"],
            corrected=[],
        )
    assert len(read_rounds(tmp_path)["rounds"]) == 1  # refused rounds leave the record as it was


def test_the_cli_records_a_round_from_a_worklist_and_shows_the_status(
    tmp_path: Path, capsys
) -> None:
    worklist = tmp_path / "worklist.json"
    worklist.write_text(json.dumps({"worklist": [{"case_id": c} for c in CASES[:5]]}))
    status = main(
        [
            "hmi",
            "round",
            str(tmp_path),
            "--model",
            "unet",
            "--by",
            "dr_li",
            "--preannotated",
            *CASES,
            "--worklist",
            str(worklist),
            "--corrected",
            "case02",
            "--stop-below",
            "0.25",
        ]
    )
    assert status == 0
    assert "round 1 recorded: STOP" in capsys.readouterr().out  # 1/5 = 20 % < 25 %
    entry = read_rounds(tmp_path)["rounds"][0]
    assert entry["sampled"] == CASES[:5] and entry["added_to_standard"] == ["case02"]
    assert main(["hmi", "status", str(tmp_path)]) == 0
    assert "round 1: unet" in capsys.readouterr().out
