"""The browser door: sign-in, case queue and review (``front``) and the drawing wizard on
trame-slicer (``draw_app``), over the same project store and workflow as the CLI. Access rules
(``access``) are plain functions; the server modules (aiohttp, trame) load on first use, so
importing this package pulls in neither.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.web.access import check_case_id, may_see, open_case, visible_cases
from CNSTumorQCLib.lazy import lazy_exports

#: Exports imported on first use: the servers need the ``web`` extra (aiohttp, trame-slicer).
_LAZY = {
    "create_app": "front",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = ["check_case_id", "create_app", "may_see", "open_case", "visible_cases"]
