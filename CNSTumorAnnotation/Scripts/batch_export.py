"""Batch export of annotated cases, in Slicer or in plain Python.

Inside Slicer (headless), with the extension installed (the script sits beside the module file;
``slicer.modules.cnstumorannotation.path`` in Slicer's Python console shows that folder)::

    Slicer --no-main-window --python-script <qt-scripted-modules>/Scripts/batch_export.py \
        -- CASE_DIR... --out OUT --format all

With the project's Python (same arguments as ``cnstumor export``)::

    python CNSTumorAnnotation/Scripts/batch_export.py -- CASE_DIR... --out OUT --format nifti

Inside Slicer the export uses the application's MRML scene and logics (``create_runtime()``)
and leaves the scene as it found it. A progress bar runs on stderr, failures are collected in
``OUT/export_summary.json`` without stopping the batch, and the process exits with status 1
when any case failed (2 for a bad option), through ``slicer.util.exit`` inside Slicer.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def _make_importable() -> None:
    """Put both Lib packages on sys.path: in an installed extension they sit one folder up
    (``<qt-scripted-modules>/Scripts/batch_export.py``); in a source tree, in the module folders."""
    here = Path(__file__).resolve()
    installed = here.parents[1]
    project = here.parents[2]
    for folder in (installed, project / "CNSTumorAnnotation", project / "CNSTumorQC"):
        has_lib = (folder / "CNSTumorAnnotationLib").is_dir() or (folder / "CNSTumorQCLib").is_dir()
        if has_lib and str(folder) not in sys.path:
            sys.path.insert(0, str(folder))


def _script_arguments(argv: list[str]) -> list[str]:
    """Arguments after the script path; a leading ``--`` (Slicer's separator) is dropped."""
    args = list(argv[1:])
    if args and args[0] == "--":
        args = args[1:]
    return args


def _in_slicer_application() -> bool:
    try:
        import slicer
    except ImportError:
        return False
    return getattr(slicer, "app", None) is not None


def _exit(status: int) -> None:
    if _in_slicer_application():
        import slicer.util

        slicer.util.exit(status)
    sys.exit(status)


def main() -> int:
    _make_importable()
    from CNSTumorAnnotationLib.cli.export import main as export_main
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    runtime = create_runtime()  # the application's scene inside Slicer, a new one outside
    return export_main(_script_arguments(sys.argv), runtime=runtime)


if __name__ == "__main__":
    try:
        status = main()
    except SystemExit as stop:  # argparse's --help / usage errors
        status = int(stop.code or 0) if not isinstance(stop.code, str) else 2
    except Exception:
        traceback.print_exc()
        status = 2
    _exit(status)
