"""The ``cnstumor`` command. Each feature adds its sub-commands from its own module.

A command module exposes ``register(subparsers)``, which adds one or more sub-parsers and sets
``func`` (a callable taking the parsed arguments and returning an exit status) on each.
Modules are listed here by name so that ``cnstumor --help`` stays fast and one feature's
import error does not hide the others.

The language (``--lang``, else ``CNSTUMOR_LANG``) is chosen before the parser is built, so the
help texts are in it, and holds for one ``main`` call only. argparse's own words ("usage:",
"options", "the following arguments are required") speak it too: see
:func:`argparse_in_language`; Chinese help is wrapped by its width on the terminal
(:class:`HelpFormatter`).
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import importlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorQCLib import i18n
from CNSTumorQCLib.cli import COMMAND_MODULES as QC_COMMAND_MODULES
from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.version import __version__

#: Modules providing sub-commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    # in the order of the consensus workflow (R-FLOW-1)
    *QC_COMMAND_MODULES,
    "CNSTumorAnnotationLib.cli.case",
    "CNSTumorAnnotationLib.cli.selfcheck",
    "CNSTumorAnnotationLib.cli.project",
    "CNSTumorAnnotationLib.cli.export",
    "CNSTumorAnnotationLib.cli.agreement",
    "CNSTumorAnnotationLib.cli.hmi",
    "CNSTumorAnnotationLib.cli.serve",
    "CNSTumorAnnotationLib.demo",
)


#: argparse's own words, as the message ids it looks up through gettext (Python 3.11-3.13):
#: translated in ``cli_zh-CN.ts`` like every other string of the command line.
ARGPARSE_WORDS: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
)


def _argparse_gettext(message: str) -> str:
    """argparse's lookup of one of its words: ours in the chosen language, else gettext's."""
    translated = tr(message)
    return translated if translated != message else gettext.gettext(message)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    translated = tr(singular if count == 1 else plural)
    if translated in (singular, plural):
        return gettext.ngettext(singular, plural, count)
    return translated


@contextlib.contextmanager
def argparse_in_language() -> Iterator[None]:
    """Within the block, argparse's own words are looked up through :data:`tr`.

    argparse translates "usage:", its headings and its error messages with gettext, through the
    module-level names ``_`` and ``ngettext`` it imports from :mod:`gettext` (its only hook for
    translations; Python ships no catalog for it). This routes those two names through our
    ``tr`` for one command and puts the originals back afterwards; a word we do not translate,
    or English, is gettext's as before. On a Python whose argparse has no such names the words
    stay English."""
    names = [name for name in ("_", "ngettext") if callable(getattr(argparse, name, None))]
    saved = {name: getattr(argparse, name) for name in names}
    ours = {"_": _argparse_gettext, "ngettext": _argparse_ngettext}
    for name in names:
        setattr(argparse, name, ours[name])
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(argparse, name, original)


#: Characters two columns wide on a terminal (CJK ideographs, kana, hangul, full-width forms).
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
#: A line never starts with closing punctuation nor ends with opening punctuation.
_OPENING = "（《「『【“‘"
_CLOSING = "，。、；：？！）》」』】”’"
_UNITS = re.compile(rf"\s+|[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}]+)[{_CLOSING}]*")
_HAS_WIDE = re.compile(f"[{_WIDE}]")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (a CJK character takes two)."""
    return len(text) + len(_HAS_WIDE.findall(text))


def wrap_wide(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: a line may break between two Chinese
    characters (punctuation stays with its neighbour) or at a space, never inside a Latin word,
    an option or a path; one unit longer than ``width`` stands alone on its line."""
    lines: list[str] = []
    line = ""
    for unit in _UNITS.findall(" ".join(text.split())):
        if unit.isspace():
            if line:
                line += " "
            continue
        if line and display_width(line + unit) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with help written in Chinese wrapped by its width on the
    terminal (``textwrap`` counts a CJK character as one column and breaks only at spaces, so
    a Chinese line runs over and a word after it is split); English help is unchanged."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if _HAS_WIDE.search(text):
            return wrap_wide(text, width)
        return super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if _HAS_WIDE.search(text):
            return "\n".join(indent + line for line in wrap_wide(text, width - len(indent)))
        return super()._fill_text(text, width, indent)


class ArgumentParser(argparse.ArgumentParser):
    """The ``cnstumor`` parser: :class:`HelpFormatter` unless a command asks for another; its
    sub-commands' parsers are of this class too (argparse makes them of the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="cnstumor",
        description=(
            tr(
                "Annotate CNS-tumor MRI as the Chinese radiologists' expert consensus "
                "prescribes (Int J Med Radiol 2021;44(4):378-384): QC, label schemas, "
                "self-check, review, export."
            )
        ),
    )
    parser.add_argument("--version", action="version", version=f"cnstumor {__version__}")
    parser.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        help=tr(
            "language of messages, findings and reports: en or zh (default: the "
            "CNSTUMOR_LANG environment variable, else en)"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        module.register(subparsers)
    return parser


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed command; a user error becomes one clear line on stderr and exit status 2."""
    try:
        check_utf8_arguments(args)
        return int(args.func(args) or 0)
    except CNSTumorError as error:
        print(
            tr(
                "cnstumor {command}: error: {message}",
                command=args.command,
                message=_printable(str(error)),
            ),
            file=sys.stderr,
        )
        return 2
    except UnicodeEncodeError as error:
        # a file name inside an input folder that is not UTF-8 reached a report
        print(
            tr(
                (
                    "cnstumor {command}: error: {offending_name}: a file or folder name in "
                    "the input is not valid UTF-8; rename it (reports and manifests are "
                    "UTF-8)"
                ),
                command=args.command,
                offending_name=_offending_name(error),
            ),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(tr("cnstumor {command}: interrupted", command=args.command), file=sys.stderr)
        return 130


def check_utf8_arguments(args: argparse.Namespace) -> None:
    """Refuse a path or name argument that is not valid UTF-8 (e.g. a Latin-1 folder name):
    it could not be written into the UTF-8 reports, manifests and databases."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, str | Path) and not _is_utf8(str(item)):
                raise CNSTumorError(
                    tr(
                        "{option}: the name {name} is not valid UTF-8; rename the file or folder",
                        option=name.replace("_", " "),
                        name=_printable(str(item)),
                    )
                )


def _offending_name(error: UnicodeEncodeError) -> str:
    """The quoted or path-like piece of text around the character that could not be encoded."""
    text = error.object if isinstance(error.object, str) else ""
    start = max(text.rfind(quote, 0, error.start) for quote in ('"', "\n", "'", " ")) + 1
    ends = [i for quote in ('"', "\n", "'") if (i := text.find(quote, error.end)) != -1]
    return _printable(text[start : min(ends, default=len(text))][:300])


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    """``text`` with undecodable bytes shown as ``\\xff`` (printing a lone surrogate fails)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def choose_language(argv: Sequence[str]) -> str | None:
    """Set the language from ``--lang`` (before the parser is built, so its help is in that
    language too), else from ``CNSTUMOR_LANG``. Returns a warning for an unknown
    ``CNSTUMOR_LANG`` (English is used), else None; an unknown ``--lang`` is argparse's error."""
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value is not None and i18n.normalize(value) in i18n.LANGUAGES:
            i18n.set_language(value)
            return None
        if arg == "--":
            break
    variable = os.environ.get(i18n.ENVIRONMENT_VARIABLE)
    if variable and i18n.normalize(variable) is None:
        return tr(
            "cnstumor: {variable}={value} is not a language cnstumor speaks (en, zh); "
            "using English",
            variable=i18n.ENVIRONMENT_VARIABLE,
            value=_printable(variable),
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # the language chosen here holds for this call only (a caller in the same process, e.g. a
    # test or Slicer's Python console, keeps its own), argparse's words included
    with i18n.using_language(None), argparse_in_language():
        warning = choose_language(arguments)
        if warning:
            print(warning, file=sys.stderr)
        parser = build_parser()
        args = parser.parse_args(arguments)
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 0
        return dispatch(args)


if __name__ == "__main__":
    sys.exit(main())
