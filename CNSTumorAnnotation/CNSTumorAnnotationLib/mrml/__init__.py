"""The MRML layer: the only package that imports slicer or vtk (scene, volumes, segmentations, runtime)."""
