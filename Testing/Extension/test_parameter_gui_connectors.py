"""Every widget a .ui binds to the parameter node (SlicerParameterName) gets a GUI connector.

Slicer's ``parameterNode.connectGui(self.ui)`` walks the widgets carrying the dynamic property
``SlicerParameterName`` and asks ``createGuiConnector(widget, annotatedType)`` for each; the first
registered connector whose ``canRepresent`` accepts the widget class and the field's type wins,
and its ``create`` may demand an annotation (``QComboBoxToStringableConnector`` raises
"requires the Choice annotation" for a ``str`` on a QComboBox). One such error and connectGui
binds nothing, so the module reads its defaults (the "Load case reads ." defect).

Slicer cannot run here, so this test reproduces that decision: the rules come from
``Base/Python/slicer/parameterNodeWrapper/guiConnectors.py`` of Slicer v5.10.0 and main, parsed
by ``generate_slicer_api.py`` into ``slicer_api_<version>.json``; the field types come from the
module file's ``@parameterNodeWrapper`` class, parsed with ``ast``.
"""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MODULES = ("CNSTumorQC", "CNSTumorAnnotation")
VERSIONS = ("5.10", "main")
#: How a field's base type is spelled in the connector rules.
TYPE_NAMES = {"Path": "pathlib.Path", "str": "str", "bool": "bool", "int": "int", "float": "float"}


@dataclass(frozen=True)
class Field:
    name: str
    base: str  # rule spelling, e.g. "pathlib.Path"
    annotations: tuple[str, ...]  # validator names in Annotated[...], e.g. ("Choice",)
    choices: tuple[str, ...] | None


def _rules(version: str) -> dict:
    return json.loads((HERE / f"slicer_api_{version}.json").read_text(encoding="utf-8"))


def _constants(tree: ast.Module) -> dict[str, ast.AST]:
    return {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def parameter_fields(module: str) -> dict[str, Field]:
    """The fields of ``<module>ParameterNode`` with their base type and validator annotations."""
    tree = ast.parse((ROOT / module / f"{module}.py").read_text(encoding="utf-8"))
    constants = _constants(tree)
    wrapper = next(
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and "parameterNodeWrapper" in {getattr(d, "id", None) for d in node.decorator_list}
    )
    fields = {}
    for node in wrapper.body:
        if not isinstance(node, ast.AnnAssign):
            continue
        annotation, validators, choices = node.annotation, [], None
        if (
            isinstance(annotation, ast.Subscript)
            and getattr(annotation.value, "id", "") == "Annotated"
        ):
            base, *extras = annotation.slice.elts  # type: ignore[attr-defined]
            for extra in extras:
                if isinstance(extra, ast.Call):
                    validators.append(extra.func.id)  # type: ignore[attr-defined]
                    if extra.func.id == "Choice" and extra.args:  # type: ignore[attr-defined]
                        arg = extra.args[0]
                        if isinstance(arg, ast.Name):
                            arg = constants[arg.id]
                        choices = tuple(ast.literal_eval(arg))
            annotation = base
        name = annotation.id  # type: ignore[attr-defined]
        fields[node.target.id] = Field(  # type: ignore[union-attr]
            node.target.id,  # type: ignore[union-attr]
            TYPE_NAMES.get(name, name),
            tuple(validators),
            choices,
        )
    return fields


def bound_widgets(module: str) -> dict[str, tuple[str, list[str]]]:
    """SlicerParameterName -> (widget class, combo box item texts) from the module's .ui."""
    root = ET.parse(ROOT / module / "Resources" / "UI" / f"{module}.ui").getroot()
    bound = {}
    for widget in root.iter("widget"):
        for prop in widget.findall("property"):
            if prop.get("name") == "SlicerParameterName":
                items = [i.findtext("property/string") or "" for i in widget.findall("item")]
                bound[prop.findtext("string")] = (widget.get("class"), items)
    return bound


def connector_for(rules: dict, widget_class: str, field: Field) -> dict | None:
    """The connector Slicer's createGuiConnector would pick (first registered that represents)."""
    for connector in rules["gui_connectors"]:
        widgets = {w.split(".")[-1] for w in connector["widgets"]}
        if widget_class in widgets and field.base in connector["types"]:
            return connector
    return None


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("module", MODULES)
def test_every_bound_widget_has_a_connector_and_the_annotations_it_requires(module, version):
    rules = _rules(version)
    assert rules["gui_connectors_source"].endswith("parameterNodeWrapper/guiConnectors.py")
    fields = parameter_fields(module)
    bound = bound_widgets(module)
    assert bound, f"{module}.ui binds parameters"
    for name, (widget_class, _items) in bound.items():
        assert name in fields, f"{module}.ui binds {name!r}, not a parameter node field"
        connector = connector_for(rules, widget_class, fields[name])
        assert connector is not None, (
            f"Slicer {version}: no GUI connector takes a {widget_class} for "
            f"{name}: {fields[name].base}"
        )
        missing = set(connector["requires_annotations"]) - set(fields[name].annotations)
        assert not missing, (
            f"Slicer {version}: {connector['connector']} requires the "
            f"{', '.join(sorted(missing))} annotation on {module}ParameterNode.{name} "
            f"({widget_class}); connectGui would raise and bind nothing"
        )


@pytest.mark.parametrize("module", MODULES)
def test_a_choice_bound_combo_box_lists_exactly_its_choices(module):
    """The connector fills the combo box from Choice; the .ui's items, if any, must agree."""
    fields = parameter_fields(module)
    for name, (_widget_class, items) in bound_widgets(module).items():
        if fields[name].choices is not None and items:
            assert tuple(items) == fields[name].choices, name


def test_the_rule_reproduces_the_defect_it_guards_against():
    """A plain ``str`` on a QComboBox (what the annotation module had) is refused."""
    rules = _rules("5.10")
    plain = Field("exportFormat", "str", (), None)
    connector = connector_for(rules, "QComboBox", plain)
    assert connector["connector"] == "QComboBoxToStringableConnector"
    assert connector["requires_annotations"] == ["Choice"]
    assert connector_for(rules, "ctkPathLineEdit", Field("p", "pathlib.Path", (), None))
    assert connector_for(rules, "QLineEdit", Field("p", "pathlib.Path", (), None)) is None
