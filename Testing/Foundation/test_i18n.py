"""Every word for people exists in English and Chinese; ``--lang zh`` / ``CNSTUMOR_LANG`` switch.

- the language: ``--lang``, else ``CNSTUMOR_LANG`` in any locale spelling, else English; an unknown
  ``CNSTUMOR_LANG`` is said, not silently ignored;
- each Lib's ``translations/*_zh-CN.ts`` holds every ``tr("...")`` string of its code
  (``Utilities/update_translations.py --check``, in ``Testing/Extension/test_translations.py``),
  each one translated into Chinese with the same ``{placeholders}``;
- no finding message and no user error is a bare English literal or f-string: each goes
  through ``tr`` (the code that would bypass the translation cannot land);
- the command line speaks the chosen language, errors included.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from CNSTumorQCLib import i18n
from CNSTumorQCLib.i18n import Translator, normalize, placeholders, tr, using_language

ROOT = Path(__file__).resolve().parents[2]
LIBS = {
    "CNSTumorQCLib": ROOT / "CNSTumorQC" / "CNSTumorQCLib",
    "CNSTumorAnnotationLib": ROOT / "CNSTumorAnnotation" / "CNSTumorAnnotationLib",
}
CJK = re.compile(r"[\u4e00-\u9fff]")
USER_ERRORS = {
    "CNSTumorError",
    "InvalidInputError",
    "MissingInputError",
    "InvalidSeriesError",
    "NotDicomError",
    "SchemaError",
    "WorkflowError",
    "AuthenticationError",
    "QualificationError",
    "NotPermittedError",
    "NotFoundError",
    "UnsavedChangesError",
}


def _ts_messages() -> list[tuple[Path, str, ET.Element]]:
    found = []
    for folder in LIBS.values():
        for path in sorted((folder / "translations").glob("*_zh-CN.ts")):
            for message in ET.parse(path).getroot().iter("message"):
                found.append((path, message.findtext("source") or "", message))
    return found


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("zh", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("zh-Hans", "zh"),
        ("中文", "zh"),
        ("en_US.UTF-8", "en"),
        ("C", "en"),
        ("fr", None),
        ("", None),
    ],
)
def test_language_names_as_people_and_locales_write_them(spelling: str, code: str | None) -> None:
    assert normalize(spelling) == code


def test_the_language_comes_from_the_choice_then_the_environment_then_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    assert i18n.language() == "en" and i18n.html_lang() == "en"
    monkeypatch.setenv("CNSTUMOR_LANG", "zh_CN.UTF-8")
    assert i18n.language() == "zh" and i18n.html_lang() == "zh-CN"
    with using_language("en"):
        assert i18n.language() == "en"
        with using_language("zh"):
            assert tr("Provenance") == "来源记录"
        assert tr("Provenance") == "Provenance"
    assert i18n.language() == "zh"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")


def test_a_template_is_translated_then_filled_and_unknown_text_stays_english(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "x_zh-CN.ts").write_text(
        "<TS><context><name>x</name><message><source>{count} files in {folder}</source>"
        "<translation>{folder} 中有 {count} 个文件</translation></message>"
        "<message><source>not yet</source><translation type='unfinished'>未</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    translate = Translator(tmp_path)
    with using_language("zh"):
        assert translate("{count} files in {folder}", count=3, folder="a") == "a 中有 3 个文件"
        assert translate("not yet") == "not yet"  # unfinished: never shown half-done
        assert translate("never extracted {x}", x=1) == "never extracted 1"
    with using_language("en"):
        assert translate("{count} files in {folder}", count=3, folder="a") == "3 files in a"


def test_every_lib_string_has_a_chinese_translation_with_the_same_placeholders() -> None:
    messages = _ts_messages()
    assert len(messages) > 600  # findings, errors, command-line messages, reports
    missing, broken = [], []
    for path, source, message in messages:
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        if translation is None or translation.get("type") == "unfinished" or not text.strip():
            missing.append(f"{path.name}: {source[:70]}")
            continue
        if placeholders(source) != placeholders(text):
            broken.append(f"{path.name}: {source[:50]} -> {text[:50]}")
        elif not CJK.search(text) and re.search(r"[A-Za-z]{3,} [a-z]{3,}", source):
            broken.append(f"{path.name}: not Chinese: {text[:70]}")
    assert not broken, "\n".join(broken)
    assert not missing, f"{len(missing)} strings without Chinese:\n" + "\n".join(missing[:40])


def test_one_english_text_has_one_chinese_text_within_a_lib() -> None:
    """A Lib reads all its .ts files into one table: the same source translated two ways in two
    files would show whichever file was read last."""
    for folder in LIBS.values():
        seen: dict[str, set[str]] = {}
        for path in sorted((folder / "translations").glob("*_zh-CN.ts")):
            for message in ET.parse(path).getroot().iter("message"):
                translation = message.find("translation")
                text = (translation.text or "") if translation is not None else ""
                seen.setdefault(message.findtext("source") or "", set()).add(text)
        clashes = {source: texts for source, texts in seen.items() if len(texts) > 1}
        assert not clashes, clashes


def _bare_text(node: ast.expr | None) -> bool:
    """A literal sentence or an f-string: English that bypasses ``tr``."""
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and bool(re.search(r"[A-Za-z]{2,}", node.value))
    )


@pytest.mark.slow
def test_no_finding_message_and_no_user_error_bypasses_the_translation() -> None:
    bare = []
    for folder in LIBS.values():
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    func = node.exc.func
                    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                    if name in USER_ERRORS and node.exc.args and _bare_text(node.exc.args[0]):
                        bare.append(f"{where}: raise {name}(<English>)")
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding":
                    texts = [k.value for k in node.keywords if k.arg == "message"]
                    texts += node.args[2:3]
                    if any(_bare_text(text) for text in texts):
                        bare.append(f"{where}: Finding(message=<English>)")
    assert not bare, "\n".join(bare)


def _cnstumor(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CNSTUMOR_LANG"}
    if lang is not None:
        env["CNSTUMOR_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "CNSTumorAnnotationLib.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_the_command_line_speaks_the_chosen_language(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    english = _cnstumor("qc", str(missing), "--out", str(tmp_path / "out"))
    chinese = _cnstumor("--lang", "zh", "qc", str(missing), "--out", str(tmp_path / "out"))
    by_environment = _cnstumor("qc", str(missing), "--out", str(tmp_path / "o2"), lang="zh_CN")
    assert english.returncode == chinese.returncode == by_environment.returncode == 2
    assert "error" in english.stderr and not CJK.search(english.stderr)
    for result in (chinese, by_environment):
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert CJK.search(result.stderr) and str(missing) in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    helped = _cnstumor("--lang", "zh", "--help")
    assert helped.returncode == 0 and CJK.search(helped.stdout)


@pytest.mark.slow
def test_an_unknown_language_in_the_environment_is_said_not_ignored(tmp_path: Path) -> None:
    result = _cnstumor("--help", lang="fr")
    assert result.returncode == 0
    assert "CNSTUMOR_LANG=fr" in result.stderr and "using English" in result.stderr
    refused = _cnstumor("--lang", "fr", "--help")
    assert refused.returncode == 2 and "--lang" in refused.stderr


def test_inside_slicer_the_libs_follow_the_application_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The module logics pass Slicer's ``Internationalization/Enabled`` and ``language`` settings
    (QSettings values come back as strings or booleans)."""
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    with using_language("en"):
        assert i18n.follow_application("true", "zh_CN") == "zh" and i18n.language() == "zh"
    with using_language("en"):
        assert i18n.follow_application(True, "en_US") == "en"
        assert i18n.follow_application("false", "zh_CN") == "en"  # translations switched off
        assert i18n.follow_application("true", "fr_FR") == "en"  # not ours: English stays
        assert i18n.follow_application(None, None) == "en"
