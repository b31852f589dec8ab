"""The modules run in 3D Slicer 5.10 and later, checked against Slicer's own source.

3D Slicer cannot be installed here. ``slicer_api_5.10.json`` and ``slicer_api_main.json`` hold
facts read from Slicer's source at v5.10.0 and at main by ``generate_slicer_api.py``: the Python
version, the bundled PyPI packages and every name a scripted module may call. These tests hold
the module files, the Lib packages, the requirement files and the CMake lists to those facts.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import pytest

from CNSTumorQCLib.requirements import read_requirements, satisfies

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MODULES = ("CNSTumorQC", "CNSTumorAnnotation")
VERSIONS = ("5.10", "main")
MODULE_FILES = [ROOT / m / f"{m}.py" for m in MODULES] + [
    ROOT / "CNSTumorAnnotation" / "Scripts" / "batch_export.py"
]
LIB_FILES = sorted(
    p for m in MODULES for p in (ROOT / m / f"{m}Lib").rglob("*.py") if "__pycache__" not in p.parts
)
OUR_MODULES = {m.lower() for m in MODULES}


def _api(version: str) -> dict:
    return json.loads((HERE / f"slicer_api_{version}.json").read_text(encoding="utf-8"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


# ---- 1. Slicer 5.10 is the declared minimum ------------------------------------------------
def test_slicer_5_10_is_the_minimum_everywhere_it_is_declared():
    assert _api("5.10")["ref"] == "v5.10.0"
    cmake = (ROOT / "CMakeLists.txt").read_text()
    assert "set(CNSTUMOR_MINIMUM_SLICER_VERSION 5.10)" in cmake
    assert "find_package(Slicer ${CNSTUMOR_MINIMUM_SLICER_VERSION} REQUIRED)" in cmake
    assert "Requires 3D Slicer 5.10 or later" in cmake
    constants = {
        t.id: n.value
        for n in _tree(ROOT / "CNSTumorQC" / "CNSTumorQC.py").body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    assert ast.literal_eval(constants["MINIMUM_SLICER_VERSION"]) == (5, 10)
    # the annotation module checks the version with the QC module's function (one minimum)
    shared = {
        alias.name
        for n in _tree(ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotation.py").body
        if isinstance(n, ast.ImportFrom) and n.module == "CNSTumorQC"
        for alias in n.names
    }
    assert "slicerVersionProblem" in shared
    install = (ROOT / "README.md").read_text().split("## Install in 3D Slicer")[1].split("\n## ")[0]
    assert "5.10" in install and "5.8 or later" not in install


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.name)
def test_module_files_parse_on_slicer_5_8s_python_so_older_slicers_get_the_message(path):
    """Slicer 5.8 ships Python 3.9: the module file must parse there to say "needs 5.10"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), feature_version=(3, 9))
    top_imports = {
        (n.module or "").split(".")[0] for n in tree.body if isinstance(n, ast.ImportFrom)
    } | {a.name.split(".")[0] for n in tree.body if isinstance(n, ast.Import) for a in n.names}
    assert not {"CNSTumorQCLib", "CNSTumorAnnotationLib"} & top_imports, (
        "the Lib (Python 3.11+ syntax) is imported only after the version check"
    )


@pytest.mark.parametrize("path", LIB_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_lib_files_compile_for_slicer_5_10s_python(path):
    major, minor, _patch = (int(x) for x in _api("5.10")["python_version"].split("."))
    source = path.read_text(encoding="utf-8")
    ast.parse(source, filename=str(path), feature_version=(major, minor))
    compile(source, str(path), "exec")


def test_requires_python_admits_the_python_of_slicer_5_10():
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert satisfies(_api("5.10")["python_version"], spec), spec


# ---- 2. requirements: ranges Slicer's bundled packages satisfy -----------------------------
def _requirement_files() -> dict[str, Path]:
    return {m: ROOT / m / "Resources" / "Requirements" / f"{m}.txt" for m in MODULES}


def test_requirement_files_are_ranges_never_pins():
    for module, path in _requirement_files().items():
        text = path.read_text()
        assert "==" not in re.sub(r"#.*", "", text), f"{path}: a pin replaces Slicer's own copy"
        assert read_requirements(path), module


@pytest.mark.parametrize("version", VERSIONS)
def test_a_requirement_slicer_bundles_is_already_satisfied_there(version):
    """Installing never replaces scipy, pillow, numpy or pydicom under Slicer's other modules."""
    bundled = _api(version)["bundled_python_packages"]
    for path in _requirement_files().values():
        for requirement in read_requirements(path):
            name = requirement.name.lower()
            if name in bundled and not requirement.optional:
                assert satisfies(bundled[name], requirement.specifier), (
                    f"{path.name}: {requirement.line} would replace Slicer {version}'s "
                    f"{name} {bundled[name]}"
                )


def test_every_runtime_dependency_slicer_lacks_is_required_at_a_range_the_pin_meets():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    bundled = set(_api("5.10")["bundled_python_packages"]) | {"slicer-core", "vtk", "simpleitk"}
    listed = {
        r.name.lower(): r for p in _requirement_files().values() for r in read_requirements(p)
    }
    for dependency in project["dependencies"]:
        name, pinned = dependency.split("==")
        name = name.split("[")[0]  # psycopg[binary]: the distribution, its extra aside
        if name.lower() in bundled and name.lower() not in listed:
            continue
        assert name.lower() in listed, f"{name} is needed in Slicer but in no requirement file"
        assert satisfies(pinned, listed[name.lower()].specifier), dependency
    assert listed["highdicom"].optional, "highdicom needs pydicom 3: offered, not installed"


def test_no_lib_file_uses_a_pydicom_3_only_api_outside_the_compat_module():
    """Slicer 5.10 ships pydicom 2.4.4: these names do not exist there."""
    pydicom3_only = ("enforce_file_format", "pydicom.pixels", "pydicom.examples", "set_pixel_data")
    for path in LIB_FILES:
        if path.name == "compat.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in pydicom3_only:
            assert name not in text, f"{path.relative_to(ROOT)} uses pydicom 3's {name}"


# ---- 3. every slicer./qt./ctk. name the module files call exists in Slicer -------------------
def _chains(tree: ast.AST) -> set[tuple[str, ...]]:
    """Attribute chains rooted at slicer, qt, ctk or SampleData, up to three names long."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        parts = []
        current: ast.AST = node
        while isinstance(current, ast.Attribute):
            parts.append(current.attr)
            current = current.value
        if isinstance(current, ast.Name) and current.id in ("slicer", "qt", "ctk", "SampleData"):
            found.add((current.id, *reversed(parts)))
    # keep only the longest chain of each prefix walk (ast.walk visits inner nodes too)
    return {c[:3] for c in found}


def _unknown_names(path: Path, api: dict) -> list[str]:
    used = api["used_by_slicer"]
    chains = set(used["slicer_chains"])
    problems = []
    tree = _tree(path)
    for chain in sorted(_chains(tree)):
        root, first, *rest = chain
        second = rest[0] if rest else None
        ok = True
        if root == "qt":
            ok = first in used["qt"]
        elif root == "ctk":
            ok = first in used["ctk"]
        elif root == "SampleData":
            ok = first in api["sample_data_module"] and (
                first != "SampleDataLogic" or second in (None, *api["sample_data_logic"])
            )
        elif first == "util":
            ok = second is None or second in api["slicer_util"]
        elif first == "app":
            ok = second is None or second in api["slicer_app"] or f"app.{second}" in chains
        elif first == "modules":
            ok = second is None or second in api["slicer_modules"] or second in OUR_MODULES
        elif first in ("dicomDatabase", "mrmlScene"):
            ok = second is None or f"{first}.{second}" in chains
        else:
            ok = first in api["slicer_classes"] or first in chains
        if not ok:
            problems.append(".".join(c for c in chain if c))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("slicer."):
            key = "slicer_" + node.module.split(".", 1)[1]  # type: ignore[union-attr]
            for alias in node.names:
                if alias.name != "*" and alias.name not in api.get(key, []):
                    problems.append(f"from {node.module} import {alias.name}")
    return problems


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.name)
def test_every_slicer_qt_ctk_name_the_module_files_use_exists_in_slicer(path, version):
    api = _api(version)
    assert api["generated_by"] == "Testing/Extension/generate_slicer_api.py"
    problems = _unknown_names(path, api)
    assert not problems, f"not in Slicer {version} ({api['commit'][:10]}): {problems}"


def test_the_name_check_catches_a_name_slicer_does_not_have(tmp_path):
    bad = tmp_path / "Bad.py"
    bad.write_text(
        "import slicer, qt\n"
        "slicer.util.pipInstallEverything('x')\n"
        "qt.QNoSuchWidget()\n"
        "slicer.app.noSuchSlot()\n"
        "slicer.modules.nosuchmodule.widgetRepresentation()\n"
        "from slicer.i18n import tr2\n"
        "SampleData.downloadEverything('x')\n"
    )
    assert sorted(_unknown_names(bad, _api("5.10"))) == sorted(
        [
            "slicer.util.pipInstallEverything",
            "qt.QNoSuchWidget",
            "slicer.app.noSuchSlot",
            "slicer.modules.nosuchmodule",
            "from slicer.i18n import tr2",
            "SampleData.downloadEverything",
        ]
    )


# ---- 4. module wiring that Slicer's behaviour requires ---------------------------------------
def _class(module: str, name: str) -> ast.ClassDef:
    return next(
        n
        for n in _tree(ROOT / module / f"{module}.py").body
        if isinstance(n, ast.ClassDef) and n.name == name
    )


def _method(cls: ast.ClassDef, name: str) -> ast.FunctionDef:
    return next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == name)


@pytest.mark.slow
def test_the_annotation_module_declares_the_qc_module_it_imports():
    source = (ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotation.py").read_text()
    assert "CNSTumorQCLib" in source  # the annotation logic uses the QC Lib
    init = _method(_class("CNSTumorAnnotation", "CNSTumorAnnotation"), "__init__")
    deps = next(
        ast.literal_eval(n.value)
        for n in ast.walk(init)
        if isinstance(n, ast.Assign)
        and isinstance(n.targets[0], ast.Attribute)
        and n.targets[0].attr == "dependencies"
    )
    assert "CNSTumorQC" in deps and "SegmentEditor" in deps


def test_leaving_the_annotation_module_deactivates_the_segment_editor_effect():
    """As Modules/Scripted/SegmentEditor/SegmentEditor.py exit(): setActiveEffect(None)."""
    exit_ = _method(_class("CNSTumorAnnotation", "CNSTumorAnnotationWidget"), "exit")
    calls = {
        (ast.unparse(n.func).split(".")[-1], ast.unparse(n.args[0]) if n.args else "")
        for n in ast.walk(exit_)
        if isinstance(n, ast.Call)
    }
    assert ("setActiveEffect", "None") in calls
    assert ("removeViewObservations", "") in calls


def test_loading_a_case_checks_who_draws_and_shows_the_volume():
    logic = _class("CNSTumorAnnotation", "CNSTumorAnnotationLogic")
    load = ast.unparse(_method(logic, "loadCase"))
    assert "open_wizard(case" in load and "AnnotationWizard.resume" not in load
    widget = _class("CNSTumorAnnotation", "CNSTumorAnnotationWidget")
    after = ast.unparse(_method(widget, "_afterCaseLoaded"))
    assert "showVolume" in after and "readOnly" in after
    assert "show_reference_volume" in ast.unparse(_method(logic, "showVolume"))


# ---- 5. CMake: what the installed extension carries -----------------------------------------
def _cmake(path: str) -> str:
    return (ROOT / path).read_text()


def test_cmake_installs_the_batch_script_the_sample_case_and_the_translations():
    annotation = _cmake("CNSTumorAnnotation/CMakeLists.txt")
    assert re.search(
        r"set\(MODULE_PYTHON_BATCH_SCRIPTS\s+Scripts/batch_export\.py\s*\)", annotation
    )
    assert "SCRIPTS ${MODULE_PYTHON_SCRIPTS} ${MODULE_PYTHON_BATCH_SCRIPTS}" in annotation
    top = _cmake("CMakeLists.txt")
    assert "install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/SampleData/${CNSTUMOR_SAMPLE_CASE}" in top
    assert "${Slicer_INSTALL_QTSCRIPTEDMODULES_LIB_DIR}/CNSTumorSampleData" in top
    assert "${Slicer_QTSCRIPTEDMODULES_LIB_DIR}/CNSTumorSampleData" in top  # build tree: self-tests
    from CNSTumorQCLib import paths

    assert paths.INSTALLED_SAMPLE_DATA == Path(paths.__file__).resolve().parents[1] / (
        "CNSTumorSampleData"
    )
    assert (ROOT / "SampleData" / paths.SAMPLE_CASE_ID / "native").is_dir()
    for module in MODULES:
        text = _cmake(f"{module}/CMakeLists.txt")
        assert "cnstumor_add_translations(${MODULE_NAME} ${MODULE_TRANSLATIONS})" in text
        ts = re.search(r"set\(MODULE_TRANSLATIONS\s+(.*?)\)", text, re.S).group(1).split()  # type: ignore[union-attr]
        for entry in ts:
            assert (ROOT / module / entry.replace("${MODULE_NAME}", module)).is_file(), entry
    helper = _cmake("CMake/CNSTumorTranslations.cmake")
    assert "QT5_ADD_TRANSLATION" in helper and "Resources/Translations/${module}" in helper


def test_no_two_modules_install_a_resource_to_the_same_path():
    """Installed scripted modules share one qt-scripted-modules/Resources folder."""
    seen: dict[str, str] = {}
    for module in MODULES:
        text = _cmake(f"{module}/CMakeLists.txt")
        block = re.search(r"set\(MODULE_PYTHON_RESOURCES\s+(.*?)\)", text, re.S).group(1)  # type: ignore[union-attr]
        for entry in block.split():
            path = entry.replace("${MODULE_NAME}", module)
            assert path not in seen, f"{module} and {seen[path]} both install {path}"
            seen[path] = module


def test_the_self_tests_are_registered_and_need_nothing_outside_the_extension():
    for module in MODULES:
        text = _cmake(f"{module}/CMakeLists.txt")
        assert "slicer_add_python_unittest(SCRIPT ${MODULE_NAME}.py)" in text
        source = (ROOT / module / f"{module}.py").read_text()
        assert "shared_data" not in source and "CNSTUMOR_SHARED_DATA" not in source


@pytest.mark.parametrize("version", VERSIONS)
def test_every_segment_editor_widget_call_exists_in_slicer(version):
    """The embedded qMRMLSegmentEditorWidget: its slots, invokables and properties only."""
    members = set(_api(version)["segment_editor_widget"])
    tree = _tree(ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotation.py")
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and (
            (isinstance(node.value, ast.Attribute) and node.value.attr == "segmentEditorWidget")
            or (isinstance(node.value, ast.Name) and node.value.id == "editor")
        )
    }
    assert {"setActiveEffect", "setSourceVolumeNode", "readOnly"} <= used
    assert used <= members, f"not in Slicer {version}: {sorted(used - members)}"


#: Part of every Slicer build, not pip packages: the MRML/VTK Python wrapping and SimpleITK.
BUILT_INTO_SLICER = {"slicer", "vtk", "SimpleITK", "qt", "ctk", "vtkmodules"}


def _browser_server_only(path: Path) -> bool:
    """The browser server (``web/``, ``cli/serve.py``) never runs inside Slicer: it is started by
    ``cnstumor serve`` from the ``web`` extra (aiohttp, trame-slicer), so its imports need no
    Slicer requirement file."""
    parts = path.relative_to(ROOT).parts
    return "web" in parts or parts[-2:] == ("cli", "serve.py")


@pytest.mark.slow
def test_every_package_the_libs_import_is_in_slicer_or_in_a_requirement_file():
    """A package neither bundled nor listed would surface as ModuleNotFoundError on a button
    press inside Slicer; lazy imports inside functions count too."""
    import importlib.metadata
    import sys

    providers = importlib.metadata.packages_distributions()
    bundled = {n.lower().replace("_", "-") for n in _api("5.10")["bundled_python_packages"]}
    files = _requirement_files()
    qc_listed = {r.name.lower().replace("_", "-") for r in read_requirements(files["CNSTumorQC"])}
    annotation_listed = {
        r.name.lower().replace("_", "-") for r in read_requirements(files["CNSTumorAnnotation"])
    }
    unknown = {}
    for path in LIB_FILES:
        if _browser_server_only(path):
            continue
        # The QC module checks only its own file; the annotation module checks both.
        in_qc = "CNSTumorQCLib" in path.parts
        listed = qc_listed if in_qc else qc_listed | annotation_listed
        for node in ast.walk(_tree(path)):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module.split(".")[0]]
            for name in names:
                if (
                    name in sys.stdlib_module_names
                    or name.startswith("CNSTumor")
                    or name in BUILT_INTO_SLICER
                ):
                    continue
                dists = {d.lower().replace("_", "-") for d in providers.get(name, [name])}
                if not dists & (bundled | listed):
                    unknown.setdefault(name, str(path.relative_to(ROOT)))
    assert not unknown, f"imported but neither in Slicer 5.10 nor required: {unknown}"


@pytest.mark.parametrize("module", MODULES)
def test_form_layouts_have_contiguous_rows_and_no_two_items_in_one_cell(module):
    """Qt's form builder places items by (row, column): a gap or a clash misplaces widgets."""
    import xml.etree.ElementTree as ET

    root = ET.parse(ROOT / module / "Resources" / "UI" / f"{module}.ui").getroot()
    for layout in root.iter("layout"):
        if layout.get("class") != "QFormLayout":
            continue
        cells = [(int(i.get("row")), int(i.get("column", 0))) for i in layout.findall("item")]
        assert len(cells) == len(set(cells)), f"{layout.get('name')}: two items in one cell"
        rows = sorted({row for row, _column in cells})
        assert rows == list(range(len(rows))), f"{layout.get('name')}: rows {rows}"


@pytest.mark.parametrize("module", MODULES)
def test_missing_packages_are_offered_before_the_logic_imports_the_lib(module):
    setup = ast.unparse(_method(_class(module, f"{module}Widget"), "setup"))
    offer = setup.index(f"{module}Logic.offerMissingRequirements()")
    assert offer < setup.index(f"self.logic = {module}Logic()")
    widget = ast.unparse(_class(module, f"{module}Widget"))
    assert widget.count("self.logic.checkRequirements()") >= 2  # before the main actions
