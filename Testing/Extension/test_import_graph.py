"""The Lib packages' import graph has no cycles and keeps its layers one way (docs/architecture.md).

The graph is read with ``ast`` from the source, not by importing it, so it sees every import a
module can execute: module-level ones and those inside functions (the lazy imports that keep
``cnstumor --help`` fast). Imports under ``if TYPE_CHECKING:`` never run and are left out of the
cycle check; they still may not name ``slicer`` or ``vtk`` outside ``mrml/``.

Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` first, so an import also depends on
the target's enclosing packages, except those that already enclose the importing module (they are
loaded before it). Imports by name at run time (``importlib``: the CLI's command modules, the
packages' lazy exports through ``CNSTumorQCLib.lazy``) happen after every package has loaded and
are not edges here; the last two tests import the packages for real instead.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBS = {
    "CNSTumorQCLib": ROOT / "CNSTumorQC" / "CNSTumorQCLib",
    "CNSTumorAnnotationLib": ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotationLib",
}
MRML_PACKAGE = "CNSTumorAnnotationLib.mrml"
MRML_ONLY = ("slicer", "vtk")


@dataclass(frozen=True)
class Import:
    """One import statement's target as written (absolute), where it is and whether it runs."""

    importer: str
    target: str
    names: tuple[str, ...]
    line: int
    type_checking_only: bool


def _module_name(package: str, folder: Path, path: Path) -> tuple[str, bool]:
    parts = path.relative_to(folder).with_suffix("").parts
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join((package, *parts)), is_package


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_of(source: str, module: str, is_package: bool) -> list[Import]:
    """Every import in a module's source, relative ones made absolute."""
    found: list[Import] = []
    base = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST, type_checking: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_checking)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, alias.name, (), node.lineno, type_checking))
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                anchor = base.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                target = ".".join([*anchor, target] if target else anchor)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(module, target, names, node.lineno, type_checking))
        for child in ast.iter_child_nodes(node):
            visit(child, type_checking)

    visit(ast.parse(source), False)
    return found


def lib_modules() -> dict[str, tuple[Path, bool]]:
    """Every module of both Libs: dotted name -> (file, is a package)."""
    modules: dict[str, tuple[Path, bool]] = {}
    for package, folder in LIBS.items():
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            name, is_package = _module_name(package, folder, path)
            modules[name] = (path, is_package)
    return modules


def all_imports(modules: dict[str, tuple[Path, bool]]) -> list[Import]:
    imports: list[Import] = []
    for name, (path, is_package) in modules.items():
        imports.extend(_imports_of(path.read_text(encoding="utf-8"), name, is_package))
    return imports


def _enclosing(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def import_graph(modules: dict[str, tuple[Path, bool]]) -> dict[str, set[str]]:
    """Runtime edges between Lib modules: importer -> every Lib module the import executes."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for item in all_imports(modules):
        if item.type_checking_only:
            continue
        targets = [item.target]
        targets += [f"{item.target}.{name}" for name in item.names]  # from pkg import submodule
        own = set(_enclosing(item.importer)) | {item.importer}
        for target in targets:
            if target not in modules:
                continue
            for needed in [*_enclosing(target), target]:
                if needed in modules and needed not in own:
                    graph[item.importer].add(needed)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def strongconnect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                strongconnect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            strongconnect(node)
    return components


def _top(name: str) -> str:
    return name.partition(".")[0]


def test_the_graph_sees_module_level_function_level_and_relative_imports():
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "import vtk\n"
        "from . import sibling\n"
        "from ..other import thing\n"
        "if TYPE_CHECKING:\n"
        "    from slicer import vtkMRMLScene\n"
        "def lazy():\n"
        "    import CNSTumorQCLib.errors\n"
    )
    found = _imports_of(source, "CNSTumorAnnotationLib.case.folder", False)
    runtime = {(i.target, i.names) for i in found if not i.type_checking_only}
    assert ("vtk", ()) in runtime
    assert ("CNSTumorAnnotationLib.case", ("sibling",)) in runtime
    assert ("CNSTumorAnnotationLib.other", ("thing",)) in runtime
    assert ("CNSTumorQCLib.errors", ()) in runtime
    assert [i.target for i in found if i.type_checking_only] == ["slicer"]


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.slow
def test_the_lib_packages_have_no_import_cycles():
    modules = lib_modules()
    assert len(modules) > 100
    cycles = find_cycles(import_graph(modules))
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


@pytest.mark.slow
def test_slicer_and_vtk_are_imported_only_in_the_mrml_package():
    modules = lib_modules()
    offenders = [
        f"{item.importer}:{item.line} imports {item.target}"
        for item in all_imports(modules)
        if _top(item.target) in MRML_ONLY
        and item.importer != MRML_PACKAGE
        and not item.importer.startswith(MRML_PACKAGE + ".")
    ]
    assert not offenders, "\n".join(offenders)


@pytest.mark.slow
def test_the_qc_lib_never_imports_the_annotation_lib():
    modules = lib_modules()
    offenders = [
        f"{item.importer}:{item.line} imports {item.target}"
        for item in all_imports(modules)
        if _top(item.importer) == "CNSTumorQCLib" and _top(item.target) == "CNSTumorAnnotationLib"
    ]
    assert not offenders, "\n".join(offenders)


def _ruff_findings(path_in_repo: str, source: str) -> str:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.is_file():
        pytest.skip("ruff is not installed next to this Python (pip install -e '.[dev]')")
    result = subprocess.run(
        [str(ruff), "check", "--select", "TID251", "--output-format", "concise",
         "--stdin-filename", str(ROOT / path_in_repo), "-"],
        input=source, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    return result.stdout


def test_ruff_bans_slicer_and_vtk_outside_mrml_and_keeps_the_qt_ban_inside_it():
    """The same layer rule at lint time: ruff's banned-api, relaxed for mrml/ by its ruff.toml."""
    source = "import vtk\nimport slicer\nfrom slicer.util import arrayFromVolume\nimport qt\n"
    outside = _ruff_findings("CNSTumorAnnotation/CNSTumorAnnotationLib/case/new.py", source)
    assert "`vtk` is banned" in outside and "`slicer` is banned" in outside
    inside = _ruff_findings("CNSTumorAnnotation/CNSTumorAnnotationLib/mrml/new.py", source)
    assert "`vtk` is banned" not in inside and "`slicer` is banned" not in inside
    assert "`slicer.util` is banned" in inside and "`qt` is banned" in inside


#: Libraries only some modules need; importing a package or building the CLI must not load them.
HEAVY = ("slicer", "vtk", "highdicom", "matplotlib")


@pytest.mark.slow
def test_packages_and_the_command_line_load_no_heavy_library_they_do_not_need():
    """Package ``__init__`` exports stay light (lazy where the module is heavy), and
    ``cnstumor --help`` builds its parser without MRML, highdicom or matplotlib."""
    packages = sorted(
        name
        for name, (_, is_package) in lib_modules().items()
        if is_package and name != MRML_PACKAGE
    )
    script = textwrap.dedent(
        f"""
        import importlib, importlib.abc, sys
        HEAVY = {HEAVY!r}

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] in HEAVY:
                    raise ImportError(f"{{name}} loaded")
                return None

        sys.meta_path.insert(0, Block())
        failures = []
        for package in {packages!r}:
            try:
                importlib.import_module(package)
            except Exception as error:
                failures.append(f"{{package}}: {{type(error).__name__}}: {{error}}")
        from CNSTumorAnnotationLib.cli.app import build_parser
        build_parser()
        print("\\n".join(failures))
        sys.exit(1 if failures else 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]


@pytest.mark.slow
def test_every_package_exports_real_names_none_of_them_a_submodule():
    """``__all__`` of each package names attributes that exist (lazy ones resolve) and never a
    submodule's name, which an export would shadow."""
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        problems = []
        for package in {sorted(n for n, (_, p) in lib_modules().items() if p)!r}:
            module = importlib.import_module(package)
            exported = list(getattr(module, "__all__", []))
            if package.count(".") == 1 and not exported and not package.endswith(".cli"):
                problems.append(f"{{package}} exports nothing")
            submodules = {{m.name for m in pkgutil.iter_modules(module.__path__)}}
            for name in exported:
                if name in submodules:
                    problems.append(f"{{package}}.{{name}} is also a submodule")
                elif not hasattr(module, name):
                    problems.append(f"{{package}}.{{name}} does not exist")
            if not (module.__doc__ or "").strip():
                problems.append(f"{{package}} has no docstring")
        print("\\n".join(problems))
        sys.exit(1 if problems else 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
