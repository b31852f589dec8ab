"""Shared helpers for the image-quality tests."""

from __future__ import annotations

import numpy as np
import SimpleITK as sitk


def with_array(reference: sitk.Image, array: np.ndarray) -> sitk.Image:
    """``array`` (KJI) as a float32 image on ``reference``'s geometry."""
    image = sitk.GetImageFromArray(array.astype(np.float32))
    image.CopyInformation(reference)
    return image
