"""Both modules ship a complete zh-CN translation in Slicer's conventions (Qt Linguist .ts).

- strings reach Qt through ``slicer.i18n.tr`` (imported as ``_``), whose context is the module
  file's stem (``slicer.i18n.getContext``: its folder has no ``__init__.py``), and the .ui strings
  through the form loader with the form's ``<class>`` as context: the .ts must use those names;
- ``Utilities/update_translations.py --check``: the .ts holds exactly the current strings;
- every message is translated, keeping its ``{placeholders}`` and ``%v``/``%m`` markers;
- no user-facing literal bypasses ``_()`` in the calls that show text to a person.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("CNSTumorQC", "CNSTumorAnnotation")
SHOWN_TO_PEOPLE = {
    "errorDisplay",
    "infoDisplay",
    "warningDisplay",
    "confirmOkCancelDisplay",
    "tryWithErrorDisplay",
    "createProgressDialog",
    "QLabel",
    "delayDisplay",
}


def _ts(module: str) -> ET.Element:
    return ET.parse(ROOT / module / "Resources" / "Translations" / f"{module}_zh-CN.ts").getroot()


@pytest.mark.slow
def test_the_ts_files_hold_exactly_the_current_strings():
    result = subprocess.run(
        [sys.executable, str(ROOT / "Utilities" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("module", MODULES)
def test_contexts_are_the_names_slicer_translates_with(module):
    assert not (ROOT / module / "__init__.py").exists()  # getContext: the file stem
    form = ET.parse(ROOT / module / "Resources" / "UI" / f"{module}.ui").getroot().findtext("class")
    root = _ts(module)
    assert root.get("language") == "zh_CN"
    assert {c.findtext("name") for c in root.iter("context")} == {module, form}


@pytest.mark.parametrize("module", MODULES)
def test_every_message_is_translated_with_its_placeholders(module):
    messages = list(_ts(module).iter("message"))
    assert len(messages) > 20
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", source
        assert (translation.text or "").strip(), source
        assert re.search(r"[\u4e00-\u9fff]", translation.text) or source in ("Dice", "2D/3D")
        markers = r"\{[a-z_]+\}|%[vm]"
        assert sorted(re.findall(markers, source)) == sorted(
            re.findall(markers, translation.text)
        ), source


@pytest.mark.parametrize("module", MODULES)
def test_text_shown_to_a_person_goes_through_the_translation_function(module):
    tree = ast.parse((ROOT / module / f"{module}.py").read_text(encoding="utf-8"))
    bare = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in SHOWN_TO_PEOPLE:
            continue
        values = list(node.args) + [k.value for k in node.keywords]
        for value in values:
            if (
                isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value.strip()
            ):
                bare.append(f"line {node.lineno}: {name}({value.value[:40]!r})")
    allowed = [b for b in bare if "delayDisplay" in b]  # test progress lines, never shown to users
    assert sorted(set(bare) - set(allowed)) == []
