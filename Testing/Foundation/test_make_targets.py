"""`make test` runs every test; `make test-fast` leaves out only the tests marked ``slow``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pytest_options() -> dict:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["pytest"]["ini_options"]


def _recipe(target: str) -> list[str]:
    """The command lines of a Makefile target (the tab-indented lines under its rule)."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"{re.escape(target)}:", line))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def test_the_slow_marker_is_declared_and_an_undeclared_marker_is_an_error() -> None:
    options = _pytest_options()
    assert "--strict-markers" in options["addopts"].split()
    assert [m for m in options["markers"] if m.startswith("slow:")], options["markers"]


def test_make_test_runs_every_test_and_make_test_fast_leaves_out_only_the_slow_ones() -> None:
    assert _recipe("test") == [], "make test is lint, typecheck and unit"
    (unit,) = _recipe("unit")
    (fast,) = _recipe("test-fast")
    run_pytest = "$(BIN)/python -m pytest "
    assert unit.startswith(run_pytest) and fast.startswith(run_pytest), (unit, fast)
    unit_args, fast_args = unit.removeprefix(run_pytest), fast.removeprefix(run_pytest)
    assert "-m" not in unit_args.split(), unit
    assert fast_args.startswith('-m "not slow" '), fast
    for selection in ("-k", "--deselect", "--ignore", "-x"):
        assert selection not in unit_args.split() + fast_args.split(), (unit, fast)
