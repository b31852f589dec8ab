"""Defacing of exported images that still show the face (R-DATA-1: nothing identifying leaves).

The case's native volumes are not skull-stripped: a 3D rendering of the head shows the face.
``--deface`` runs Quickshear (Schimke and Hale 2011, the ``quickshear`` package on PyPI; a single
pure-Python file over nibabel and numpy, used by nipype and BIDS tools) on every image the export
writes: it zeroes what lies below a plane under the brain's lower convex hull in the sagittal
profile, in front of and below the brain. pydeface was not taken: it needs FSL's FLIRT, which is
not a Python dependency.

Quickshear needs a brain mask. The one used here is the case's skull-stripped atlas, registered
to the native FLAIR when reference labels were landed from an atlas (the bundled case's SRI-24,
``case/labelmap_import.py``: its non-zero voxels are the brain), moved onto each sequence with
the case's own registration. A case without such an atlas is refused with that reason rather
than defaced with a guessed mask. Quickshear works in voxel steps, so it runs on a 1 mm
isotropic copy of the grid and its result is brought back to each image's own grid.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

#: Margin (mm) between the brain's lower hull and the shearing plane (Quickshear: 10 voxels of
#: 1 mm by default).
BUFFER_MM = 10.0
METHOD = "quickshear"


def method_record() -> dict[str, Any]:
    """What the manifest records about the defacing method."""
    import quickshear

    return {
        "method": METHOD,
        "library": f"quickshear {quickshear.__version__}",
        "reference": "Schimke N, Hale J. Quickshear defacing for neuroimages. HealthSec 2011",
        "buffer_mm": BUFFER_MM,
        "brain_mask": "the case's skull-stripped atlas registered to the native FLAIR",
    }


def _atlas(case: Any) -> tuple[Path, sitk.Transform]:
    """The skull-stripped atlas FLAIR and its native-FLAIR -> atlas transform, or refusal."""
    atlases = dict((getattr(case, "registration", None) or {}).get("atlas") or {})
    for record in atlases.values():
        atlas = Path(str(record.get("atlas_flair", "")))
        transform = Path(case.root) / str(record.get("transform", ""))
        if atlas.is_file() and transform.is_file():
            return atlas, sitk.ReadTransform(str(transform))
    raise InvalidInputError(
        tr(
            "R-DATA-1: --deface needs a brain mask, and this case has no "
            "skull-stripped atlas registered to it (land reference labels from an "
            "atlas with `cnstumor case labels --atlas-flair`); export without "
            "--deface only where faces may leave"
        ),
        case.case_file,
    )


def brain_mask(case: Any, sequence: MRSequence, grid: sitk.Image) -> sitk.Image:
    """The brain on ``sequence``'s native grid, from the case's registered skull-stripped atlas."""
    from CNSTumorAnnotationLib.case import registration
    from CNSTumorAnnotationLib.case.folder import reference_image

    atlas_path, to_atlas = _atlas(case)
    atlas = sitk.ReadImage(str(atlas_path))
    brain = sitk.Cast(atlas > 0, sitk.sitkUInt8)
    flair = reference_image(case, registration.FIXED_SEQUENCE)
    on_flair = sitk.Resample(brain, flair, to_atlas, sitk.sitkNearestNeighbor, 0, sitk.sitkUInt8)
    return registration.move_label(
        on_flair,
        sitk.Euler3DTransform(),
        grid,
        registration.sequence_transform(case, sequence),
    )


def _to_nibabel(image: sitk.Image) -> Any:
    """A nibabel image with the same voxels and RAS affine (ITK is LPS)."""
    import nibabel as nib

    direction = np.array(image.GetDirection()).reshape(3, 3)
    affine = np.eye(4)
    affine[:3, :3] = direction * np.array(image.GetSpacing())
    affine[:3, 3] = image.GetOrigin()
    affine = np.diag([-1.0, -1.0, 1.0, 1.0]) @ affine  # LPS -> RAS
    data = np.transpose(sitk.GetArrayFromImage(image), (2, 1, 0))  # KJI -> IJK
    return nib.Nifti1Image(data, affine)


def _isotropic_grid(image: sitk.Image, spacing_mm: float = 1.0) -> sitk.Image:
    """An empty grid over the same physical extent and directions, ``spacing_mm`` isotropic."""
    size = [
        max(1, int(round(n * s / spacing_mm)))
        for n, s in zip(image.GetSize(), image.GetSpacing(), strict=True)
    ]
    grid = sitk.Image(size, sitk.sitkUInt8)
    grid.SetDirection(image.GetDirection())
    grid.SetSpacing([spacing_mm] * 3)
    half = np.array(image.GetSpacing()) / 2.0 - spacing_mm / 2.0  # same outer corner
    direction = np.array(image.GetDirection()).reshape(3, 3)
    grid.SetOrigin(tuple(np.array(image.GetOrigin()) - direction @ half))
    return grid


def deface(image: sitk.Image, brain: sitk.Image) -> sitk.Image:
    """``image`` with Quickshear's face region set to 0 (same grid, same pixel type).

    Quickshear works in voxel units and assumes near-isotropic voxels (its plane and buffer are
    in index steps), so the plane is found on a 1 mm isotropic copy of the brain mask's grid and
    the kept region is brought back to the image's own grid with nearest neighbour.
    """
    from quickshear import quickshear

    if image.GetSize() != brain.GetSize():
        raise InvalidInputError(tr("the brain mask is not on the image's grid"))
    if not sitk.GetArrayViewFromImage(brain).any():
        raise InvalidInputError(tr("the brain mask is empty: the atlas does not overlap the image"))
    iso = _isotropic_grid(image)
    brain_iso = sitk.Resample(brain, iso, sitk.Transform(), sitk.sitkNearestNeighbor, 0)
    ones = sitk.Image(iso.GetSize(), sitk.sitkUInt8) + 1
    ones.CopyInformation(iso)
    with warnings.catch_warnings():  # quickshear 1.2 uses 2-D np.cross (deprecated in NumPy 2)
        warnings.simplefilter("ignore", DeprecationWarning)
        sheared = quickshear(_to_nibabel(ones), _to_nibabel(brain_iso), buff=BUFFER_MM)
    kept_iso = sitk.GetImageFromArray(
        np.transpose(np.asanyarray(sheared.dataobj) != 0, (2, 1, 0)).astype(np.uint8)
    )
    kept_iso.CopyInformation(iso)
    kept = sitk.Resample(kept_iso, image, sitk.Transform(), sitk.sitkNearestNeighbor, 1)
    values = sitk.GetArrayFromImage(image)
    values[sitk.GetArrayViewFromImage(kept) == 0] = 0
    result = sitk.GetImageFromArray(values)
    result.CopyInformation(image)
    return result
