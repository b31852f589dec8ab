"""Update the modules' Qt Linguist files (Resources/Translations/<Module>_<language>.ts).

Slicer's scripted modules translate with ``slicer.i18n.tr`` (imported as ``_``), whose context is
the module file's name (``slicer.i18n.getContext``: the file stem when its folder has no
``__init__.py``), and their .ui files through Qt's form loader, whose context is the form's
``<class>``. Qt's lupdate does not read Python, so this script collects the same strings:

- every ``_("...")`` call with a literal argument in ``<Module>.py`` (context ``<Module>``);
- every translatable string property of ``Resources/UI/<Module>.ui`` (text, toolTip, title,
  placeholderText, format, specialValueText, windowTitle), except the items of combo boxes bound
  to the parameter node (values, not words), in context ``<class>`` of the form.

Existing translations are kept; new strings are added as ``type="unfinished"``; strings no longer
used are dropped. The .ts files are compiled to .qm by CMake (CMake/CNSTumorTranslations.cmake).

    python Utilities/update_translations.py            # update every module's .ts
    python Utilities/update_translations.py --check    # exit 1 if a .ts is out of date
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("CNSTumorQC", "CNSTumorAnnotation")
LANGUAGES = {"zh-CN": "zh_CN"}
UI_PROPERTIES = {
    "text",
    "toolTip",
    "title",
    "placeholderText",
    "format",
    "specialValueText",
    "windowTitle",
}


def python_strings(path: Path) -> list[tuple[str, int]]:
    """(text, line) of every ``_("literal")`` call, in file order, first occurrence only."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.setdefault(node.args[0].value, node.lineno)
    return sorted(found.items(), key=lambda item: item[1])


def ui_strings(path: Path) -> tuple[str, list[str]]:
    """(form class, translatable strings in document order) of a .ui file."""
    root = ET.parse(path).getroot()
    form = root.findtext("class") or path.stem
    bound = {
        id(widget)
        for widget in root.iter("widget")
        if any(p.get("name") == "SlicerParameterName" for p in widget.findall("property"))
    }
    texts: list[str] = []

    def visit(element: ET.Element, inside_bound: bool) -> None:
        for child in element:
            bound_here = inside_bound or id(child) in bound
            if child.tag == "item" and inside_bound:
                continue
            if child.tag == "property" and child.get("name") in UI_PROPERTIES:
                string = child.find("string")
                if (
                    string is not None
                    and (string.text or "").strip()
                    and string.get("notr") != "true"
                    and string.text not in texts
                ):
                    texts.append(string.text)  # type: ignore[arg-type]
            visit(child, bound_here if child.tag == "widget" else inside_bound)

    visit(root, False)
    return form, texts


def existing_translations(path: Path) -> dict[tuple[str, str], str]:
    if not path.is_file():
        return {}
    kept = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                kept[(name, message.findtext("source") or "")] = translation.text or ""
    return kept


def build_ts(module: str, language: str) -> str:
    folder = ROOT / module
    ts_path = folder / "Resources" / "Translations" / f"{module}_{language}.ts"
    kept = existing_translations(ts_path)
    form, ui_texts = ui_strings(folder / "Resources" / "UI" / f"{module}.ui")
    contexts = [
        (module, f"../../{module}.py", python_strings(folder / f"{module}.py")),
        (form, f"../UI/{module}.ui", [(text, 0) for text in ui_texts]),
    ]
    root = ET.Element(
        "TS", {"version": "2.1", "language": LANGUAGES[language], "sourcelanguage": "en_US"}
    )
    merged: dict[str, list[tuple[str, str, int]]] = {}
    for name, filename, strings in contexts:  # the .py and the .ui may share a context name
        bucket = merged.setdefault(name, [])
        for text, line in strings:
            if all(text != seen for seen, _f, _l in bucket):
                bucket.append((text, filename, line))
    for name, strings in merged.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for text, filename, _line in strings:
            message = ET.SubElement(context, "message")
            # No line numbers (lupdate -locations none): editing code elsewhere in the file
            # must not make the .ts out of date; only a changed string does.
            ET.SubElement(message, "location", {"filename": filename})
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            if (name, text) in kept:
                translation.text = kept[(name, text)]
            else:
                translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for module in MODULES:
        for language in LANGUAGES:
            path = ROOT / module / "Resources" / "Translations" / f"{module}_{language}.ts"
            text = build_ts(module, language)
            if check:
                if not path.is_file() or path.read_text(encoding="utf-8") != text:
                    stale.append(str(path.relative_to(ROOT)))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run Utilities/update_translations.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
