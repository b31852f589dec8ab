"""Write Testing/Extension/slicer_api_<version>.json from 3D Slicer's own source tree.

3D Slicer cannot be installed on the machines that test this extension, so the tests check the
module files against facts read from Slicer's source at a tag (``v5.10.0``, the minimum this
extension supports) and at ``main`` (what comes next):

- the Python version and the PyPI packages Slicer bundles (``SuperBuild/External_python*.cmake``);
- the parameterNodeWrapper GUI connector rules: which widget classes accept which annotated
  types, and which annotations a connector requires (``guiConnectors.py``, parsed with ``ast``);
- every name a scripted module may call: ``slicer.util``/``slicer.i18n``/parameterNodeWrapper
  functions, ``slicer.app`` slots, properties and invokables (``qSlicer*Application.h``), the
  module names under ``slicer.modules``, the MRML/Slicer classes (header file names), and the
  ``qt.``/``ctk.``/``slicer.`` names Slicer's own Python code and .ui files use (PythonQt wraps Qt
  and CTK, which are not in Slicer's tree: a name Slicer itself uses exists in that release).

Usage (reads a bare git directory, e.g. a clone of github.com/Slicer/Slicer)::

    python Testing/Extension/generate_slicer_api.py /path/to/Slicer.git v5.10.0 5.10
    python Testing/Extension/generate_slicer_api.py /path/to/Slicer.git main main
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONNECTORS = "Base/Python/slicer/parameterNodeWrapper/guiConnectors.py"
VALIDATORS = "Base/Python/slicer/parameterNodeWrapper/validators.py"
APP_HEADERS = ("Base/QTCore/qSlicerCoreApplication.h", "Base/QTGUI/qSlicerApplication.h")
CLASS_FILE = re.compile(
    r"/((?:vtkMRML|vtkSlicer|qMRML|qSlicer|vtkSegment|vtkOrientedImage)\w*)\.h$"
)
SLICER_CHAIN = re.compile(r"\bslicer\.(\w+)(?:\.(\w+))?")
QT_NAME = re.compile(r"\b(qt|ctk)\.(\w+)")
UI_CLASS = re.compile(r'class="((?:Q|ctk)\w+)"')


class Source:
    """Files of one ref of a bare Slicer git directory."""

    def __init__(self, git_dir: str, ref: str) -> None:
        self.git_dir, self.ref = git_dir, ref
        self.commit = self._git("rev-parse", f"{ref}^{{commit}}").strip()
        self.files = self._git("ls-tree", "-r", "--name-only", self.commit).splitlines()

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args],
            check=True,
            capture_output=True,
            text=True,
            errors="replace",
        ).stdout

    def read(self, path: str) -> str:
        return self._git("show", f"{self.commit}:{path}")

    def read_many(self, paths: list[str]) -> dict[str, str]:
        """Many files in one ``git cat-file --batch`` call."""
        if not paths:
            return {}
        process = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"],
            input="".join(f"{self.commit}:{p}\n" for p in paths).encode(),
            capture_output=True,
            check=True,
        )
        out, data, pos = {}, process.stdout, 0
        for path in paths:
            header_end = data.index(b"\n", pos)
            header = data[pos:header_end].split()
            size = int(header[2])
            out[path] = data[header_end + 1 : header_end + 1 + size].decode("utf-8", "replace")
            pos = header_end + 1 + size + 1
        return out


def python_version(src: Source) -> str:
    text = src.read("SuperBuild/External_python.cmake")
    return re.search(r"_download_(\d+\.\d+\.\d+)_url", text).group(1)  # type: ignore[union-attr]


def bundled_packages(src: Source) -> dict[str, str]:
    found: dict[str, str] = {}
    paths = [f for f in src.files if re.match(r"SuperBuild/External_python-.*\.cmake$", f)]
    for text in src.read_many(paths).values():
        for name, version in re.findall(r"^\s*([A-Za-z][\w.-]*)==([\w.]+)", text, re.M):
            found[name.lower()] = version
    return dict(sorted(found.items()))


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _call_of(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Call) and _dotted(node.func) == name


def _names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Tuple):
        return [n for n in (_dotted(e) for e in node.elts) if n]
    name = _dotted(node)
    return [name] if name else []


def gui_connectors(src: Source) -> list[dict[str, object]]:
    """Each registered connector: widget classes, accepted types and required annotations."""
    tree = ast.parse(src.read(CONNECTORS))
    connectors = []
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        if "parameterNodeGuiConnector" not in {_dotted(d) for d in cls.decorator_list}:
            continue
        methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        widgets: list[str] = []
        types: list[str] = []
        kinds: list[str] = []
        for node in ast.walk(methods["canRepresent"]):
            if isinstance(node, ast.Compare) and _call_of(node.left, "type"):
                for comparator in node.comparators:
                    widgets += _names(comparator)
            elif isinstance(node, ast.Compare) and _call_of(node.left, "unannotatedType"):
                for comparator in node.comparators:
                    types += _names(comparator)
            elif _call_of(node, "issubclass") and _call_of(node.args[0], "unannotatedType"):  # type: ignore[attr-defined]
                kinds += [f"subclass:{n}" for n in _names(node.args[1])]  # type: ignore[attr-defined]
            elif _call_of(node, "isNodeOrUnionOfNodes"):
                kinds.append("mrml-node")
            elif _call_of(node, "pack.isParameterPack"):
                kinds.append("parameter-pack")
        requires = []
        create = ast.unparse(methods.get("create", cls))
        for validator in re.findall(
            r"findFirstAnnotation\(annotations, validators\.(\w+)\)", create
        ):
            if re.search(rf"requires the {validator} annotation", create):
                requires.append(validator)
        connectors.append(
            {
                "connector": cls.name,
                "widgets": sorted(set(widgets)),
                "types": sorted(set(types)),
                "kinds": sorted(set(kinds)),
                "requires_annotations": requires,
            }
        )
    return connectors


def top_level_names(text: str) -> list[str]:
    tree = ast.parse(text)
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.ImportFrom):
            names |= {a.asname or a.name for a in node.names}
    return sorted(n for n in names if n != "*")


def exported_names(src: Source, package: str) -> list[str]:
    """What ``from <package> import X`` finds: the __init__'s names plus, for each
    ``from .sub import *``, the sub-module's ``__all__`` (or its public top-level names)."""
    init = ast.parse(src.read(f"{package}/__init__.py"))
    names = set(top_level_names(src.read(f"{package}/__init__.py")))
    for node in init.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.names[0].name == "*":
            text = src.read(f"{package}/{node.module}.py")
            declared = None
            for item in ast.parse(text).body:
                if isinstance(item, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__all__" for t in item.targets
                ):
                    declared = ast.literal_eval(item.value)
            public = [n for n in top_level_names(text) if not n.startswith("_")]
            names |= set(declared if declared is not None else public)
    return sorted(names)


def class_methods(text: str, class_name: str) -> list[str]:
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return sorted(f.name for f in node.body if isinstance(f, ast.FunctionDef))
    return []


SEGMENT_EDITOR_HEADERS = (
    "Modules/Loadable/Segmentations/Widgets/qMRMLSegmentEditorWidget.h",
    "Libs/MRML/Widgets/qMRMLWidget.h",
)


def app_members(src: Source, headers: tuple[str, ...] = APP_HEADERS) -> list[str]:
    """Q_PROPERTY names, public slots and Q_INVOKABLE methods of Qt classes (what PythonQt
    exposes): by default of the application classes (``slicer.app``)."""
    names: set[str] = set()
    for path in headers:
        section = ""
        for line in src.read(path).splitlines():
            stripped = line.strip()
            access = re.match(r"^(public|protected|private)\s*(slots|Q_SLOTS)?\s*:", stripped)
            if access:
                section = access.group(1) + (" slots" if access.group(2) else "")
                continue
            if re.match(r"^(signals|Q_SIGNALS)\s*:", stripped):
                section = "signals"
                continue
            prop = re.match(r"Q_PROPERTY\(\s*[\w:<>*& ]+?\s+(\w+)\s+READ", stripped)
            if prop:
                names.add(prop.group(1))
            method = re.search(r"(\w+)\s*\(", stripped)
            if method and (section == "public slots" or "Q_INVOKABLE" in stripped):
                if (
                    not stripped.startswith(("//", "/*", "*", "#", "Q_"))
                    or "Q_INVOKABLE" in stripped
                ):
                    names.add(method.group(1))
    return sorted(names - {"if", "for", "while", "return", "Q_INVOKABLE"})


def module_names(src: Source) -> list[str]:
    names = set()
    for path in src.files:
        match = re.match(r"Modules/(?:Loadable|Scripted|CLI)/(\w+)/", path)
        if match:
            names.add(match.group(1).lower())
    return sorted(names)


def used_names(src: Source) -> dict[str, list[str]]:
    """What Slicer's own Python code and .ui files use from slicer., qt. and ctk."""
    paths = [
        f
        for f in src.files
        if f.endswith((".py", ".ui"))
        and f.startswith(("Base/Python/", "Modules/", "Utilities/Templates/", "Applications/"))
    ]
    chains: set[str] = set()
    qt_names: set[str] = set()
    ctk_names: set[str] = set()
    for path, text in src.read_many(paths).items():
        if path.endswith(".ui"):
            for name in UI_CLASS.findall(text):
                (ctk_names if name.startswith("ctk") else qt_names).add(name)
            continue
        for first, second in SLICER_CHAIN.findall(text):
            chains.add(first)
            if second and first in ("app", "util", "modules", "mrmlScene", "dicomDatabase"):
                chains.add(f"{first}.{second}")
        for root, name in QT_NAME.findall(text):
            (qt_names if root == "qt" else ctk_names).add(name)
    return {
        "slicer_chains": sorted(chains),
        "qt": sorted(qt_names),
        "ctk": sorted(ctk_names),
    }


def build(git_dir: str, ref: str, label: str) -> dict[str, object]:
    src = Source(git_dir, ref)
    sample_data = src.read("Modules/Scripted/SampleData/SampleData.py")
    used = used_names(src)
    classes = sorted({m.group(1) for f in src.files if (m := CLASS_FILE.search("/" + f))})
    return {
        "slicer_version": label,
        "ref": ref,
        "commit": src.commit,
        "generated_by": "Testing/Extension/generate_slicer_api.py",
        "python_version": python_version(src),
        "bundled_python_packages": bundled_packages(src),
        "gui_connectors_source": CONNECTORS,
        "gui_connectors": gui_connectors(src),
        "validators": top_level_names(src.read(VALIDATORS)),
        "slicer_util": top_level_names(src.read("Base/Python/slicer/util.py")),
        "slicer_i18n": top_level_names(src.read("Base/Python/slicer/i18n.py")),
        "slicer_parameterNodeWrapper": exported_names(
            src, "Base/Python/slicer/parameterNodeWrapper"
        ),
        "slicer_ScriptedLoadableModule": top_level_names(
            src.read("Base/Python/slicer/ScriptedLoadableModule.py")
        ),
        "slicer_app": app_members(src),
        "segment_editor_widget": app_members(src, SEGMENT_EDITOR_HEADERS),
        "slicer_modules": module_names(src),
        "slicer_classes": classes,
        "sample_data_module": top_level_names(sample_data),
        "sample_data_logic": class_methods(sample_data, "SampleDataLogic"),
        "used_by_slicer": used,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    _, git_dir, ref, label = argv
    data = build(git_dir, ref, label)
    out = HERE / f"slicer_api_{label}.json"
    out.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({ref} {data['commit'][:10]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
