"""``cnstumor demo``: the main job on the bundled real case (grows with each feature)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="run the consensus workflow on the bundled case")
    parser.add_argument("--out", default="demo-output", help="output folder (default: %(default)s)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("the demo is being written (issue 2)")
