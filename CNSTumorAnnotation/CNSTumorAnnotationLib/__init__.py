"""CNSTumorAnnotation logic: consensus label schemas, MRML segmentations, self-check, review and export.

Qt-free (docs/architecture.md): the scene and logics are passed in, so the same code runs in the Slicer
application (``slicer.mrmlScene``) and headless on the ``slicer-core`` wheel under pytest.
May import ``CNSTumorQCLib``; the QC Lib never imports this package.
"""

from CNSTumorQCLib.version import __version__

__all__ = ["__version__"]
