"""The QC Lib's ``cnstumor`` commands: ``deid`` (R-DATA-1) and ``qc`` / ``qc-confirm`` (R-QC-*).

Each module has ``register(subparsers)``; ``COMMAND_MODULES`` names them, in workflow order,
for ``CNSTumorAnnotationLib.cli.app``, which imports each by name only when it builds the
parser (the QC Lib never imports the Annotation Lib, so the ``cnstumor`` entry point lives there).
"""

from __future__ import annotations

#: The QC commands' modules, in the order of the consensus workflow (R-FLOW-1).
COMMAND_MODULES: tuple[str, ...] = ("CNSTumorQCLib.cli.deid", "CNSTumorQCLib.cli.qc")

__all__ = ["COMMAND_MODULES"]
