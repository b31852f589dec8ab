"""Update the modules' Qt Linguist files (Resources/Translations/<Module>_<language>.ts).

Slicer's scripted modules translate with ``slicer.i18n.tr`` (imported as ``_``), whose context is
the module file's name (``slicer.i18n.getContext``: the file stem when its folder has no
``__init__.py``), and their .ui files through Qt's form loader, whose context is the form's
``<class>``. Qt's lupdate does not read Python, so this script collects the same strings:

- every ``_("...")`` call with a literal argument in ``<Module>.py`` (context ``<Module>``);
- every translatable string property of ``Resources/UI/<Module>.ui`` (text, toolTip, title,
  placeholderText, format, specialValueText, windowTitle), except the items of combo boxes bound
  to the parameter node (values, not words), in context ``<class>`` of the form.

The two Libs (Qt-free; findings, checklist items, command-line messages, HTML reports) translate
with their own ``tr`` (``CNSTumorQCLib.i18n``): every ``tr("...")`` and ``N_("...")`` call with a
literal argument in ``<Lib>/<subpackage>/**.py`` goes to ``<Lib>/translations/<subpackage>_<language>.ts``
(context ``<Lib>.<subpackage>``; the Lib's top-level modules to ``<Lib>_<language>.ts``), read at
run time by ``CNSTumorQCLib.i18n.Translator``.

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
LIBS = {"CNSTumorQCLib": "CNSTumorQC", "CNSTumorAnnotationLib": "CNSTumorAnnotation"}
LIB_FUNCTIONS = {"tr", "N_"}
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


def python_strings(path: Path, functions: frozenset[str] = frozenset("_")) -> list[tuple[str, int]]:
    """(text, line) of every ``_("literal")`` call, in file order, first occurrence only."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in functions
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
    form, ui_texts = ui_strings(folder / "Resources" / "UI" / f"{module}.ui")
    contexts = [
        (module, f"../../{module}.py", python_strings(folder / f"{module}.py")),
        (form, f"../UI/{module}.ui", [(text, 0) for text in ui_texts]),
    ]
    merged: dict[str, list[tuple[str, str]]] = {}
    for name, filename, strings in contexts:  # the .py and the .ui may share a context name
        bucket = merged.setdefault(name, [])
        for text, _line in strings:
            if all(text != seen for seen, _f in bucket):
                bucket.append((text, filename))
    # No line numbers (lupdate -locations none): editing code elsewhere in the file must not
    # make the .ts out of date; only a changed string does.
    return write_ts(list(merged.items()), ts_path, language)


def lib_units(lib: str) -> dict[str, list[Path]]:
    """A Lib's translation units: ``""`` (its top-level modules) and each first-level subpackage."""
    folder = ROOT / LIBS[lib] / lib
    units: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).parts
        units.setdefault(parts[0] if len(parts) > 1 else "", []).append(path)
    return units


def lib_ts_path(lib: str, unit: str, language: str) -> Path:
    return ROOT / LIBS[lib] / lib / "translations" / f"{unit or lib}_{language}.ts"


def write_ts(contexts: list[tuple[str, list[tuple[str, str]]]], path: Path, language: str) -> str:
    """The .ts text of ``contexts`` [(name, [(source, location file)])], keeping ``path``'s translations."""
    kept = existing_translations(path)
    root = ET.Element(
        "TS", {"version": "2.1", "language": LANGUAGES[language], "sourcelanguage": "en_US"}
    )
    for name, strings in contexts:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for text, filename in strings:
            message = ET.SubElement(context, "message")
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


def build_lib_ts(lib: str, unit: str, files: list[Path], language: str) -> str:
    path = lib_ts_path(lib, unit, language)
    strings: list[tuple[str, str]] = []
    for file in files:
        location = "../" + file.relative_to(ROOT / LIBS[lib] / lib).as_posix()
        for text, _line in python_strings(file, frozenset(LIB_FUNCTIONS)):
            if all(text != seen for seen, _f in strings):
                strings.append((text, location))
    return write_ts([(f"{lib}.{unit}" if unit else lib, strings)], path, language)


def targets() -> list[tuple[Path, str]]:
    """Every .ts file this script owns, with its current text."""
    found = []
    for module in MODULES:
        for language in LANGUAGES:
            path = ROOT / module / "Resources" / "Translations" / f"{module}_{language}.ts"
            found.append((path, build_ts(module, language)))
    for lib in LIBS:
        for unit, files in lib_units(lib).items():
            for language in LANGUAGES:
                text = build_lib_ts(lib, unit, files, language)
                if "<message>" in text:  # a unit without a word for people has no file
                    found.append((lib_ts_path(lib, unit, language), text))
    return found


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    owned = {path for path, _text in targets()}
    for lib in LIBS:
        for leftover in sorted((ROOT / LIBS[lib] / lib / "translations").glob("*.ts")):
            if leftover not in owned:
                if check:
                    stale.append(str(leftover.relative_to(ROOT)))
                else:
                    leftover.unlink()
                    print(f"removed {leftover.relative_to(ROOT)}")
    for path, text in targets():
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
            continue
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run Utilities/update_translations.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
