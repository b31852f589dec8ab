"""The Slicer extension is laid out as Slicer's templates require.

Slicer cannot run here, so these checks read the CMake, Python and .ui files the way Slicer's
build would: every file a module ships must be listed (a missing file is a FATAL_ERROR at
configure time; an unlisted one is silently not installed), every .ui must parse, and the module
file may only use widgets the .ui defines.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("CNSTumorQC", "CNSTumorAnnotation")
EXTENSION_VARIABLES = (
    "EXTENSION_HOMEPAGE",
    "EXTENSION_CATEGORY",
    "EXTENSION_CONTRIBUTORS",
    "EXTENSION_DESCRIPTION",
    "EXTENSION_ICONURL",
    "EXTENSION_SCREENSHOTURLS",
    "EXTENSION_DEPENDS",
)


def _listed(module: str, variable: str) -> set[str]:
    text = (ROOT / module / "CMakeLists.txt").read_text()
    match = re.search(rf"set\({variable}\s+(.*?)\)", text, re.S)
    assert match, f"{variable} not set in {module}/CMakeLists.txt"
    return {entry.replace("${MODULE_NAME}", module) for entry in match.group(1).split()}


def _shipped_python(module: str) -> set[str]:
    base = ROOT / module
    files = {f"{module}.py"}
    files |= {
        str(path.relative_to(base))
        for path in (base / f"{module}Lib").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    return files


def _shipped_resources(module: str) -> set[str]:
    """The module's Resources, and its Lib's translations (installed beside the Lib's code,
    where ``CNSTumorQCLib.i18n.Translator`` reads them)."""
    base = ROOT / module
    return {
        str(path.relative_to(base))
        for path in (base / "Resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    } | {
        str(path.relative_to(base))
        for path in (base / f"{module}Lib" / "translations").glob("*.ts")
    }


def test_the_top_level_cmake_file_follows_the_extension_template():
    text = (ROOT / "CMakeLists.txt").read_text()
    for variable in EXTENSION_VARIABLES:
        assert re.search(rf"set\({variable}\s+\S", text), f"{variable} missing"
    assert 'set(EXTENSION_DEPENDS "NA")' in text
    order = [
        "find_package(Slicer ${CNSTUMOR_MINIMUM_SLICER_VERSION} REQUIRED)",
        "include(${Slicer_USE_FILE})",
        *[f"add_subdirectory({module})" for module in MODULES],
        "include(${Slicer_EXTENSION_GENERATE_CONFIG})",
        "include(${Slicer_EXTENSION_CPACK})",
    ]
    positions = [text.index(line) for line in order]
    assert positions == sorted(positions), "template order: find_package, modules, config, cpack"


@pytest.mark.parametrize("module", MODULES)
def test_every_python_file_of_a_module_is_listed_in_its_cmake_file(module):
    listed = _listed(module, "MODULE_PYTHON_SCRIPTS")
    unlisted = _shipped_python(module) - listed
    assert not unlisted, f"{module}/CMakeLists.txt does not list: {sorted(unlisted)}"
    missing = {entry for entry in listed if not (ROOT / module / entry).is_file()}
    assert not missing, f"{module}/CMakeLists.txt lists files that do not exist: {sorted(missing)}"


@pytest.mark.parametrize("module", MODULES)
def test_every_resource_of_a_module_is_listed_in_its_cmake_file(module):
    listed = _listed(module, "MODULE_PYTHON_RESOURCES")
    unlisted = _shipped_resources(module) - listed
    assert not unlisted, f"{module}/CMakeLists.txt does not list: {sorted(unlisted)}"
    missing = {entry for entry in listed if not (ROOT / module / entry).is_file()}
    assert not missing, f"{module}/CMakeLists.txt lists files that do not exist: {sorted(missing)}"
    assert f"Resources/Icons/{module}.png" in listed
    assert f"Resources/UI/{module}.ui" in listed


@pytest.mark.parametrize("module", MODULES)
def test_a_module_is_built_with_the_scripted_module_macro_and_generic_tests(module):
    text = (ROOT / module / "CMakeLists.txt").read_text()
    assert "slicerMacroBuildScriptedModule(" in text
    assert "WITH_GENERIC_TESTS" in text
    assert "slicer_add_python_unittest(SCRIPT ${MODULE_NAME}.py)" in text


def _ui_tree(module: str) -> ET.Element:
    return ET.parse(ROOT / module / "Resources" / "UI" / f"{module}.ui").getroot()


@pytest.mark.parametrize("module", MODULES)
def test_the_ui_file_parses_with_a_mrml_widget_at_its_root(module):
    root = _ui_tree(module)
    top = root.find("widget")
    assert top is not None and top.get("class") == "qMRMLWidget"


def _module_ast(module: str) -> ast.Module:
    return ast.parse((ROOT / module / f"{module}.py").read_text())


def _ui_names_used(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "ui"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "self"
        ):
            names.add(node.attr)
    return names


@pytest.mark.parametrize("module", MODULES)
def test_the_module_file_only_uses_widgets_its_ui_defines(module):
    defined = {widget.get("name") for widget in _ui_tree(module).iter("widget")}
    used = _ui_names_used(_module_ast(module))
    assert used, "the widget wires UI elements"
    assert used <= defined, f"self.ui names not in the .ui: {sorted(used - defined)}"


@pytest.mark.parametrize("module", MODULES)
def test_the_module_file_has_the_template_classes(module):
    tree = _module_ast(module)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    expected = {
        module: "ScriptedLoadableModule",
        f"{module}Widget": "ScriptedLoadableModuleWidget",
        f"{module}Logic": "ScriptedLoadableModuleLogic",
        f"{module}Test": "ScriptedLoadableModuleTest",
    }
    for name, base in expected.items():
        assert name in classes, f"{name} missing"
        assert base in {getattr(b, "id", None) for b in classes[name].bases}
    wrapper = classes.get(f"{module}ParameterNode")
    assert wrapper is not None
    assert "parameterNodeWrapper" in {getattr(d, "id", None) for d in wrapper.decorator_list}


@pytest.mark.parametrize("module", MODULES)
def test_every_parameter_bound_in_the_ui_is_a_field_of_the_parameter_node(module):
    tree = _module_ast(module)
    wrapper = next(
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == f"{module}ParameterNode"
    )
    fields = {node.target.id for node in wrapper.body if isinstance(node, ast.AnnAssign)}
    bound = {
        prop.findtext("string")
        for prop in _ui_tree(module).iter("property")
        if prop.get("name") == "SlicerParameterName"
    }
    assert bound, "the .ui binds parameters"
    assert bound <= fields, f"unknown parameters in the .ui: {sorted(bound - fields)}"


@pytest.mark.parametrize("module", MODULES)
def test_every_lib_name_the_module_file_imports_exists(module):
    """The thin module files call the Lib packages; a renamed Lib function must fail here,
    since Slicer itself (which would run the module's self-test) cannot run on these machines."""
    import importlib

    imported = [
        (node.module, alias.name)
        for node in ast.walk(_module_ast(module))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("CNSTumor")
        for alias in node.names
    ]
    assert imported, "the module file delegates to its Lib package"
    for module_name, name in imported:
        if module_name in MODULES:  # a sibling module file (needs Slicer): a top-level name of it
            defined = {getattr(node, "name", None) for node in _module_ast(module_name).body} | {
                target.id
                for node in _module_ast(module_name).body
                if isinstance(node, ast.Assign)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            assert name in defined, f"{module_name}.{name}"
            continue
        assert hasattr(importlib.import_module(module_name), name), f"{module_name}.{name}"


# The requirement files (ranges Slicer 5.10's bundled packages satisfy, one file per module) are
# checked in test_slicer_compatibility.py against the versions read from Slicer's source.
