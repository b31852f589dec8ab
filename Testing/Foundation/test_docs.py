"""The repo explains itself: the rules page cannot drift, the module map matches the tree, and
nothing points at documents a clone does not have."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest

from CNSTumorQCLib.consensus import RULE_IDS, RULES, rule
from CNSTumorQCLib.errors import InvalidInputError

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LIBS = {
    "CNSTumorQCLib": ROOT / "CNSTumorQC" / "CNSTumorQCLib",
    "CNSTumorAnnotationLib": ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotationLib",
}


def _make_rules():
    spec = importlib.util.spec_from_file_location("make_rules", DOCS / "make_rules.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    suffixes = (".py", ".md", ".toml", ".txt", ".ui", ".cmake", ".ts", ".json", ".cfg", ".yml")
    names = [n for n in listed if n.endswith(suffixes) or n in ("Makefile", ".ci/run")]
    return [ROOT / n for n in names if not n.startswith(("SampleData/", "bench/results/"))]


def test_the_rule_table_has_every_consensus_rule_once_in_order_of_the_sections():
    assert len(RULE_IDS) == len(set(RULE_IDS)) == 44
    families = [rule_id.rsplit("-", 1)[0] for rule_id in RULE_IDS]
    assert families[0] == "R-SCOPE" and families[-1] == "R-FLOW"
    assert rule("R-SEG-7").section.startswith("5")
    assert all(r.text.endswith(".") for r in RULES)


def test_an_unknown_rule_id_is_refused_with_the_known_ones():
    with pytest.raises(InvalidInputError, match=r"R-ANN-1[0].*R-SCOPE-1"):
        rule("R-ANN-" + "10")


def test_the_rules_page_is_up_to_date():
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert committed == _make_rules().render(ROOT), (
        "docs/rules.md is out of date: run python docs/make_rules.py"
    )


def test_every_rule_is_implemented_and_tested_or_says_why_not():
    make_rules = _make_rules()
    implemented, tested = make_rules.citations(ROOT)
    missing = [
        f"{rule_id}: {'no implementation' if rule_id not in implemented else 'no test'}"
        for rule_id in RULE_IDS
        if (rule_id not in implemented or rule_id not in tested)
        and rule_id not in make_rules.NOT_IN_CODE
    ]
    assert not missing, missing


def test_the_citation_parser_expands_ranges_and_lists_but_not_wildcards():
    cited = _make_rules().cited_rule_ids("R-ACQ-1..3, R-ANN-2/3/9 and R-QC-* (R-FLOW-1)")
    assert cited == {"R-ACQ-1", "R-ACQ-2", "R-ACQ-3", "R-ANN-2", "R-ANN-3", "R-ANN-9", "R-FLOW-1"}


def test_no_file_cites_a_rule_the_consensus_does_not_have():
    make_rules = _make_rules()
    unknown = {
        f"{path.relative_to(ROOT)}: {rule_id}"
        for path in _tracked_text_files()
        for rule_id in make_rules.cited_rule_ids(path.read_text(encoding="utf-8", errors="replace"))
        if rule_id not in RULE_IDS
    }
    assert not unknown, sorted(unknown)


def _subpackages(lib: Path) -> set[str]:
    return {p.parent.name for p in lib.glob("*/__init__.py")}


@pytest.mark.parametrize("lib_name", sorted(LIBS))
def test_the_module_map_names_every_subpackage_and_no_other(lib_name):
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    section = text.split(f"`{LIBS[lib_name].parent.name}/{lib_name}`", 1)[1].split("\n### ", 1)[0]
    named = set(re.findall(r"^\| `(\w+)/` \|", section, re.M))
    assert named == _subpackages(LIBS[lib_name])


def test_every_module_the_map_names_at_the_top_level_exists():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for lib_name, lib in LIBS.items():
        section = text.split(f"`{lib.parent.name}/{lib_name}`", 1)[1].split("\n### ", 1)[0]
        top = re.search(r"^\| top level \| (.*?) \|", section, re.M)
        assert top, f"{lib_name}: no top-level row"
        for module in re.findall(r"`(\w+)`", top.group(1)):
            if module[0].isupper():  # a class named in passing, e.g. `MRSequence`
                continue
            assert (lib / f"{module}.py").is_file(), f"{lib_name}: {module}.py named but missing"


#: Documents of the steering side that a clone of this repository does not have.
OUTSIDE_REFERENCES = re.compile(
    r"\.\./shared/(?!data\b)|\bshared/(?:research|seeds|hooks)\b|\b(?:SPEC|DESIGN|STYLE)\.md\b"
    r"|qc-anchors\.md|slicer-anchors\.md|aesthetics-anchors\.md"
    r"|\b[Ii]ssue #?\d+\b|\bcommit [0-9a-f]{7,40}\b"
)


def test_code_and_docs_refer_only_to_files_inside_the_repo():
    hits = []
    for path in _tracked_text_files():
        if path.name == "test_docs.py":
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, 1):
            if OUTSIDE_REFERENCES.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not hits, "\n".join(hits)


def test_the_documentation_index_lists_every_page():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    pages = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    unlisted = {page for page in pages if f"]({page})" not in index}
    assert not unlisted, f"docs/README.md does not list {sorted(unlisted)}"
