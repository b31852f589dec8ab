"""Acquisition geometry from headers: plane, obliquity, 2D/3D, slice thickness, spacing and gap.

Plane (R-ACQ-1..5): the slice normal n = row x column of ImageOrientationPatient; the largest
component of |n| names the plane (x: sagittal, y: coronal, z: axial); the obliquity is the angle
between n and that axis, arccos(max |n|). A stack tilted by more than ``OBLIQUE_LIMIT_DEG`` from
every cardinal plane is called oblique (docs/references.md, Sequence identification warns above 30 degrees; an
AC-PC-angled axial of 10 to 20 degrees is still axial for the consensus).

Gap (R-ACQ-6): spacing minus thickness, where spacing is the median distance between the centres
of neighbouring slices along n (the consensus' inter-slice gap; negative means overlap). The
stack's slice positions and spacing are plain DICOM geometry: ``dicom.series.slice_distances``
and ``slice_spacing``, used here and by the pixel reader.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from CNSTumorQCLib.dicom.model import DicomInstance, Stack
from CNSTumorQCLib.dicom.series import slice_normal
from CNSTumorQCLib.sequences import Acquisition, Plane

OBLIQUE_LIMIT_DEG = 30.0

_AXIS_PLANES = (Plane.SAGITTAL, Plane.CORONAL, Plane.AXIAL)


@dataclass(frozen=True)
class PlaneEstimate:
    plane: Plane
    obliquity_deg: float
    nearest: Plane  # the cardinal plane closest to the slice, even when oblique


def plane_from_orientation(
    orientation: tuple[float, ...], oblique_limit_deg: float = OBLIQUE_LIMIT_DEG
) -> PlaneEstimate:
    """The plane of an ImageOrientationPatient (see the module docstring for the rule)."""
    normal = np.abs(slice_normal(orientation))
    axis = int(np.argmax(normal))
    obliquity = math.degrees(math.acos(min(1.0, float(normal[axis]))))
    nearest = _AXIS_PLANES[axis]
    plane = nearest if obliquity <= oblique_limit_deg else Plane.OBLIQUE
    return PlaneEstimate(plane, round(obliquity, 2), nearest)


def acquisition_type(instance: DicomInstance) -> Acquisition | None:
    """2D or 3D from MRAcquisitionType (0018,0023); None when the header does not say."""
    value = instance.mr_acquisition_type.upper()
    if value == "2D":
        return Acquisition.TWO_D
    if value == "3D":
        return Acquisition.THREE_D
    return None


def slice_thickness(stack: Stack) -> float | None:
    """SliceThickness (0018,0050) of the stack (the most common value)."""
    values = [i.slice_thickness for i in stack.instances if i.slice_thickness is not None]
    if not values:
        return None
    return max(set(values), key=values.count)
