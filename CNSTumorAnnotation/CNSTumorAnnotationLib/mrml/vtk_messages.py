"""Where VTK and MRML messages go outside the Slicer application: a log file, real errors on stderr.

A headless scene built on ``slicer-core`` makes the MRML logics complain about things that are
expected there (no application home directory for the default colour files, no default
terminology files, logics registered before the application logic): a normal run printed a dozen
red ``ERROR: In vtkSlicer...`` blocks. Those expected messages now go to a log file only. Any
other VTK error or warning is still shown, as one line on stderr that names the log file holding
the full text, so a real problem is never hidden.

The log file is ``$CNSTUMOR_LOG`` when set, else ``cnstumor-mrml.log`` in the user's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache``, under ``cnstumor/``).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

import vtk
from vtkmodules.util.misc import calldata_type

from CNSTumorAnnotationLib.i18n import tr

# Messages a headless slicer-core scene produces on every normal run (matched on the full text).
EXPECTED_MESSAGES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"FindDefaultColorFiles failed",
        r"FindUserColorFiles",
        r"vtkSlicerTerminologiesModuleLogic.*(LoadTerminologyFromFile|LoadDefaultTerminologies"
        r"|LoadRegionContextFromFile|LoadDefaultRegionContexts)",
        r"Unable to get application logic",
        r"GetModuleShareDirectory",
    )
)


def default_log_path() -> Path:
    """The log file for VTK/MRML messages (``$CNSTUMOR_LOG`` or the user's cache folder)."""
    explicit = os.environ.get("CNSTUMOR_LOG")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "cnstumor" / "cnstumor-mrml.log"


def is_expected(text: str) -> bool:
    """True for a message every headless run produces (logged, not shown)."""
    flat = " ".join(text.split())
    return any(pattern.search(flat) for pattern in EXPECTED_MESSAGES)


class VTKMessageRouter:
    """Observes VTK's output window: every message to the log, unexpected ones also to stderr."""

    def __init__(self, log_path: Path, stderr: TextIO | None = None) -> None:
        self.log_path = log_path
        self.stderr = stderr
        self.shown: list[str] = []
        self.logged = 0

    def _stream(self) -> TextIO:
        return self.stderr if self.stderr is not None else sys.stderr

    def handle(self, kind: str, text: str) -> None:
        """Log one message; show it as one line unless it is an expected headless message."""
        self.logged += 1
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"[{kind}] {text.rstrip()}\n")
        except OSError:
            pass  # an unwritable log must never stop the work; unexpected messages still show
        if not is_expected(text):
            line = " ".join(text.split())
            self.shown.append(line)
            print(
                tr(
                    "VTK {kind}: {line} (full text: {log_path})",
                    kind=kind,
                    line=line,
                    log_path=self.log_path,
                ),
                file=self._stream(),
            )


_ROUTER: list[VTKMessageRouter] = []


def route_vtk_messages(log_path: Path | None = None) -> VTKMessageRouter:
    """Install the router once per process (later calls return the installed one)."""
    if _ROUTER:
        return _ROUTER[0]
    router = VTKMessageRouter(log_path or default_log_path())
    window = vtk.vtkOutputWindow.GetInstance()

    def observer(kind: str) -> Any:
        @calldata_type(vtk.VTK_STRING)
        def on_message(_caller: Any, _event: str, text: Any) -> None:
            router.handle(kind, str(text))

        return on_message

    window.AddObserver(vtk.vtkCommand.ErrorEvent, observer("error"))
    window.AddObserver(vtk.vtkCommand.WarningEvent, observer("warning"))
    # The output window hands each message to VTK's logger (loguru), which printed it in red on
    # stderr: off, since the observers above already log every message and show the real ones.
    vtk.vtkLogger.SetStderrVerbosity(vtk.vtkLogger.VERBOSITY_OFF)
    _ROUTER.append(router)
    return router
