"""Every word a person reads, in English or Chinese (``--lang zh``, ``CNSTUMOR_LANG``).

The consensus is written for Chinese radiologists; the research teams that use the data sets
read English. Findings, checklist items, command-line messages and the HTML reports are written
in English in the code, wrapped in ``tr("...")``, and translated from Qt Linguist files: each Lib
keeps ``translations/<subpackage>_zh-CN.ts`` beside its code, the same format the Slicer
modules' own translations use (``Resources/Translations/*.ts``), so one translator's tool
(Qt Linguist, Weblate) serves the whole extension. ``Utilities/update_translations.py`` collects
every ``tr("...")`` and ``N_("...")`` literal into those files (as Qt's lupdate does for C++);
a test fails when a string has no Chinese or a file drifts from the code.

The language is, in order: the one set for this context (``set_language``/``using_language``,
e.g. from ``cnstumor --lang zh`` or a browser user's choice), else ``CNSTUMOR_LANG``
(``zh``, ``zh_CN.UTF-8``, ``en`` ...), else English. ``tr`` formats the translated template with
``str.format``: placeholders are named (``{path}``) so a translation may reorder them.

Machine-readable fields never change with the language: rule IDs, severities, region and
sequence names in JSON keys, file names. Only the sentences written for people do.
"""

from __future__ import annotations

import contextlib
import os
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

#: language code -> its tag in HTML ``lang`` and in the .ts file names
LANGUAGES: dict[str, str] = {"en": "en", "zh": "zh-CN"}
DEFAULT = "en"
ENVIRONMENT_VARIABLE = "CNSTUMOR_LANG"

_chosen: ContextVar[str | None] = ContextVar("cnstumor_language", default=None)


def normalize(value: str | None) -> str | None:
    """``"zh"``/``"en"`` for a language name as people and locales write it, else None.

    ``zh``, ``zh-CN``, ``zh_CN.UTF-8``, ``zh-Hans``, ``chinese``, ``中文`` -> ``zh``;
    ``en``, ``en_US.UTF-8``, ``english``, ``C``/``POSIX`` -> ``en``.
    """
    if not value:
        return None
    text = value.strip().lower().replace("_", "-").split(".")[0]
    if text in {"zh", "chinese", "中文", "cn"} or text.startswith("zh-"):
        return "zh"
    if text in {"en", "english", "c", "posix"} or text.startswith("en-"):
        return "en"
    return None


def language() -> str:
    """The language people read now: the one set for this context, else ``CNSTUMOR_LANG``, else English."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    return normalize(os.environ.get(ENVIRONMENT_VARIABLE)) or DEFAULT


def html_lang() -> str:
    """The ``lang`` attribute of a page written now (``en`` or ``zh-CN``)."""
    return LANGUAGES[language()]


def set_language(value: str | None) -> str:
    """Use ``value`` (any spelling ``normalize`` knows; None: back to the environment) from now on.

    Returns the language code in effect. An unknown name is a ``ValueError`` naming the choices.
    """
    if value is None:
        _chosen.set(None)
        return language()
    code = normalize(value)
    if code is None:
        raise ValueError(f"unknown language {value!r}; choose one of: {', '.join(LANGUAGES)}")
    _chosen.set(code)
    return code


def follow_application(enabled: object, locale_name: object) -> str:
    """In 3D Slicer: speak the application's language (Application Settings > General >
    Language, stored as ``language`` with ``Internationalization/Enabled``) when it is one of ours;
    otherwise keep ``CNSTUMOR_LANG`` or English. Returns the language code in effect."""
    if str(enabled).strip().lower() in {"true", "1"}:
        code = normalize(str(locale_name)) if locale_name else None
        if code is not None:
            return set_language(code)
    return language()


@contextlib.contextmanager
def using_language(value: str | None) -> Iterator[str]:
    """Within the block, people read ``value`` (e.g. one browser user's pages)."""
    token = _chosen.set(normalize(value) if value else _chosen.get())
    try:
        yield language()
    finally:
        _chosen.reset(token)


def N_(source: str) -> str:  # noqa: N802 - gettext's name for "mark for translation, translate later"
    """Mark a constant for translation without translating it now (``tr(CONSTANT)`` later)."""
    return source


def placeholders(template: str) -> set[str]:
    """The named fields of a ``str.format`` template (``{path}``, ``{size:.1f}`` -> path, size)."""
    return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}


def read_ts(path: Path) -> dict[str, str]:
    """source -> translation of every finished message of a Qt Linguist file."""
    table: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if (
            source
            and translation is not None
            and translation.get("type") is None
            and translation.text
        ):
            table[source] = translation.text
    return table


class Translator:
    """``tr`` of one Lib: its ``translations/*_<tag>.ts`` files, read on first use."""

    def __init__(self, package_dir: Path) -> None:
        self.folder = package_dir / "translations"
        self._tables: dict[str, dict[str, str]] = {}

    def table(self, code: str) -> dict[str, str]:
        if code not in self._tables:
            merged: dict[str, str] = {}
            for path in sorted(self.folder.glob(f"*_{LANGUAGES[code]}.ts")):
                merged.update(read_ts(path))
            self._tables[code] = merged
        return self._tables[code]

    def __call__(self, source: str, /, **params: Any) -> str:
        """``source`` in the current language, its ``{placeholders}`` filled from ``params``."""
        code = language()
        text = source if code == DEFAULT else self.table(code).get(source, source)
        return text.format(**params) if params else text


#: The QC Lib's ``tr`` (the Annotation Lib has its own, over its own files).
tr = Translator(Path(__file__).resolve().parent)

__all__ = [
    "LANGUAGES",
    "N_",
    "Translator",
    "follow_application",
    "html_lang",
    "language",
    "normalize",
    "set_language",
    "tr",
    "using_language",
]
