"""The mechanical boundary (docs/architecture.md): every Lib module imports with Qt and slicer.util unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBS = {
    "CNSTumorQCLib": ROOT / "CNSTumorQC" / "CNSTumorQCLib",
    "CNSTumorAnnotationLib": ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotationLib",
}
BLOCKED = (
    "qt",
    "ctk",
    "slicer.util",
    "slicer.ScriptedLoadableModule",
    "slicer.parameterNodeWrapper",
)


def _lib_modules() -> list[str]:
    names = []
    for package, folder in LIBS.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join((package, *parts)))
    return names


@pytest.mark.slow
def test_every_lib_module_imports_without_qt_ctk_or_slicer_util():
    modules = _lib_modules()
    assert len(modules) > 10
    script = textwrap.dedent(
        f"""
        import importlib, importlib.abc, sys
        import slicer  # slicer-core's namespace imports its own slicer.util copy: take it away
        BLOCKED = {BLOCKED!r}
        for name in list(sys.modules):
            if name in BLOCKED or name.startswith(tuple(b + "." for b in BLOCKED)):
                del sys.modules[name]
        for attribute in ("util", "app", "mrmlScene", "modules"):
            if hasattr(slicer, attribute):
                delattr(slicer, attribute)

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name in BLOCKED or name.startswith(tuple(b + "." for b in BLOCKED)):
                    raise ImportError(f"{{name}} is outside the Lib boundary")
                return None

        sys.meta_path.insert(0, Block())
        failures = []
        for module in {modules!r}:
            try:
                importlib.import_module(module)
            except Exception as error:
                failures.append(f"{{module}}: {{type(error).__name__}}: {{error}}")
        print("\\n".join(failures))
        sys.exit(1 if failures else 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]


@pytest.mark.slow
def test_the_boundary_check_itself_catches_a_forbidden_import(tmp_path):
    """The blocker is real: a module importing slicer.util fails under it."""
    bad = tmp_path / "badlib.py"
    bad.write_text("from slicer.util import arrayFromVolume\n")
    script = textwrap.dedent(
        f"""
        import importlib.abc, sys
        import slicer
        sys.modules.pop("slicer.util", None)
        delattr(slicer, "util")
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "slicer.util":
                    raise ImportError("blocked")
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(tmp_path)!r})
        import badlib
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "blocked" in result.stderr


def test_ruff_bans_qt_and_slicer_singletons_in_the_lib_packages():
    text = (ROOT / "pyproject.toml").read_text()
    for banned in ('"qt".msg', '"ctk".msg', '"slicer.util".msg', '"slicer.mrmlScene".msg'):
        assert banned in text
