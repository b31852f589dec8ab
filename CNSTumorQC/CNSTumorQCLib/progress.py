"""Progress bars for the long steps, on a terminal only (tqdm on stderr).

De-identification, QC, case import (reading each series, co-registration) and export take from
seconds to minutes on a real study. A person at a terminal sees a bar per step; a pipe, a log
file or a test sees nothing (no carriage-return noise in logs). ``CNSTUMOR_PROGRESS=1`` forces
the bars on, ``0`` off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
PROGRESS_ENV = "CNSTUMOR_PROGRESS"


def on_terminal() -> bool:
    """True when bars should show: stderr is a terminal, unless ``CNSTUMOR_PROGRESS`` says."""
    forced = os.environ.get(PROGRESS_ENV)
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stderr.isatty()


def steps(
    items: Iterable[T], desc: str, unit: str = "step", total: int | None = None
) -> Iterator[T]:
    """``items`` with a tqdm bar on stderr when on a terminal; the plain items otherwise."""
    if not on_terminal():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, leave=False)
