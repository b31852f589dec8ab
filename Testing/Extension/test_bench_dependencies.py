"""``make bench`` installs what the benchmarks import: every third-party import of bench/*.py is a
pinned dependency of pyproject.toml (core, dev or bench extra), and the bench target installs
both extras into the virtual environment through its own stamp."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = {"CNSTumorQCLib", "CNSTumorAnnotationLib", "bench"}
#: Import names whose distribution is named otherwise (the others are their own distribution's name).
DISTRIBUTION_OF = {
    "sklearn": "scikit-learn",
    "dcm_classifier": "dcm-classifier",
    "surface_distance": "surface-distance",
    "PIL": "pillow",
}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _bench_imports() -> dict[str, set[str]]:
    """Top-level third-party module -> the bench files importing it (module or function level)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top not in FIRST_PARTY and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(path.name)
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in ("dev", "bench"):
        specs += project["optional-dependencies"][extra]
    return {_normalise(re.split(r"[=<>!~\[ ;]", spec, maxsplit=1)[0]) for spec in specs}


def _distribution(module: str) -> str:
    return _normalise(DISTRIBUTION_OF.get(module, module))


def test_every_third_party_import_of_the_benchmarks_is_a_declared_dependency():
    imports = _bench_imports()
    assert {"torch", "torchio", "dcm_classifier", "panoptica"} <= set(imports)
    declared = _declared()
    missing = {
        module: sorted(files)
        for module, files in imports.items()
        if _distribution(module) not in declared
    }
    assert not missing, f"bench imports not in pyproject.toml (dependencies/dev/bench): {missing}"


def test_make_bench_installs_the_dev_and_bench_extras_through_its_own_stamp():
    makefile = (ROOT / "Makefile").read_text()
    rule = re.search(r"^\$\(BENCH_STAMP\):.*?(?=^\S)", makefile, re.M | re.S)
    assert rule is not None, "Makefile has no $(BENCH_STAMP) rule"
    assert 'pip install --quiet -e ".[dev,bench]"' in rule.group(0)
    assert re.search(r"^bench: \$\(BENCH_STAMP\)", makefile, re.M)
