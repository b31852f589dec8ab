"""Package exports that are imported on first use (PEP 562 module ``__getattr__``).

A package ``__init__`` exports its entry points in ``__all__``. Most are imported eagerly; the
few whose module pulls in a heavy library the rest of the package does not need (matplotlib
for the report figures, highdicom for DICOM SEG) are listed here instead, so importing the
package, or any light module of it, stays fast and ``cnstumor --help`` never loads them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps name -> submodule.

    The first access imports ``package.submodule``, takes the name from it and caches it in the
    package, so later accesses are plain attribute lookups.
    """

    def __getattr__(name: str) -> Any:
        submodule = exports.get(name)
        if submodule is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(exports))

    return __getattr__, __dir__
