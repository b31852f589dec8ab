"""The ``cnstumor`` command. Each feature adds its sub-commands from its own module.

A command module exposes ``register(subparsers)``, which adds one or more sub-parsers and sets
``func`` (a callable taking the parsed arguments and returning an exit status) on each.
Modules are listed here by name so that ``cnstumor --help`` stays fast and one feature's
import error does not hide the others.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
                        (
                            "{replace}: the name {printable} is not valid UTF-8; rename the file or "
                            "folder"
                        ),
                        replace=name.replace("_", " "),
                        printable=_printable(str(item)),
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
