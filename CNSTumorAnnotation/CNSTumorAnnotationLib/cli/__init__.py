"""The ``cnstumor`` command line: ``main`` is its entry point (``python -m CNSTumorAnnotationLib.cli``).

``app`` builds the parser from command modules named in ``app.COMMAND_MODULES`` (the QC Lib's
``CNSTumorQCLib.cli.COMMAND_MODULES`` first, then one module per Annotation feature: ``case``,
``selfcheck``, ``project``, ``export``, ``agreement``, ``hmi``), each exposing
``register(subparsers)``. They are imported by name when the parser is built and import their
feature's Lib modules inside their commands, so ``cnstumor --help`` stays fast; ``app`` turns
a ``CNSTumorError`` into one line on stderr and exit status 2.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
