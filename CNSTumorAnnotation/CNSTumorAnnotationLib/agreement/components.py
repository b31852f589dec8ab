"""Connected components (26-connectivity, SimpleITK) and the BraTS dilation structure."""

from __future__ import annotations

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

#: 3x3x3 structuring element with 18-connectivity: ``generate_binary_structure(3, 2)``, the
#: element the BraTS 2023 lesion-wise evaluation dilates ground-truth lesions with.
BRATS_DILATION_STRUCTURE = ndimage.generate_binary_structure(3, 2)


def connected_components_26(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """Label the 26-connected components of ``mask`` (SimpleITK ``ConnectedComponent``, fully
    connected); returns the label array (0 = background, 1..n) and n."""
    image = sitk.GetImageFromArray(mask.astype(np.uint8))
    labelled = sitk.ConnectedComponent(image, True)
    array = sitk.GetArrayFromImage(labelled).astype(np.int32)
    return array, int(array.max())


def dilate(mask: np.ndarray, iterations: int) -> np.ndarray:
    """Binary dilation with the BraTS 18-connected element, ``iterations`` times."""
    if iterations <= 0:
        return mask.astype(bool)
    return ndimage.binary_dilation(mask, structure=BRATS_DILATION_STRUCTURE, iterations=iterations)


def padded_box(box: tuple[slice, ...], margin: int, shape: tuple[int, ...]) -> tuple[slice, ...]:
    """``box`` grown by ``margin`` voxels on every side, clipped to ``shape``."""
    return tuple(
        slice(max(0, s.start - margin), min(n, s.stop + margin))
        for s, n in zip(box, shape, strict=True)
    )
