"""The ``cnstumor`` command. Each feature adds its sub-commands from its own module.

A command module exposes ``register(subparsers)``, which adds one or more sub-parsers and sets
``func`` (a callable taking the parsed arguments and returning an exit status) on each.
Modules are listed here by name so that ``cnstumor --help`` stays fast and one feature's
import error does not hide the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.version import __version__

#: Modules providing sub-commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    # in the order of the consensus workflow (R-FLOW-1)
    "CNSTumorQCLib.cli.deid",
    "CNSTumorQCLib.cli.qc",
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
            "Annotate CNS-tumor MRI as the Chinese radiologists' expert consensus prescribes "
            "(Int J Med Radiol 2021;44(4):378-384): QC, label schemas, self-check, review, export."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cnstumor {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        module.register(subparsers)
    return parser


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed command; a user error becomes one clear line on stderr and exit status 2."""
    try:
        return int(args.func(args) or 0)
    except CNSTumorError as error:
        print(f"cnstumor {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cnstumor {args.command}: interrupted", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 0
    return dispatch(args)


if __name__ == "__main__":
    sys.exit(main())
