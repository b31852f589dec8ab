"""CNSTumorQC logic: is a case fit to annotate (R-DATA-*, R-ACQ-*, R-QC-*).

Qt-free: imports only PyPI libraries (pydicom, SimpleITK, numpy) and, where needed,
MRML classes from the ``slicer`` namespace of ``slicer-core``. Never ``qt``, ``ctk``,
``slicer.util`` or the application singletons (docs/architecture.md).
"""

from CNSTumorQCLib.version import __version__

__all__ = ["__version__"]
