"""Read segments of a standard Slicer ``.seg.nrrd`` with SimpleITK (no MRML scene).

Slicer writes a binary-labelmap segmentation as a NRRD whose voxels hold each segment's label
value in its layer (one layer, or a list axis of layers when segments overlap) and whose
header names every segment: ``Segment{i}_ID``, ``Segment{i}_LabelValue``, ``Segment{i}_Layer``
(``vtkMRMLSegmentationStorageNode``; see Slicer's "Segmentation file format" docs). When a file
has exactly that layout, a segment's mask is ``layer == label value``, placed on the reference
grid the same way ``segmentation.segment_mask`` places MRML's piece; it costs about half of
loading the file into a MRML scene. A file SimpleITK cannot read (truncated, corrupt) raises
a clear error naming it: MRML's C++ reader would abort the process on it. Anything else
(another master representation, a 4D non-list image, a missing or malformed key, an unknown
segment) returns None, and the caller reads the file through MRML, which stays the reference
reader. Tests prove both readers give
identical masks.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.grid import paste_on_grid
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.image_io import check_image, verify_image_file

#: The master (source) representation the fast path understands.
BINARY_LABELMAP = "Binary labelmap"
_MASTER_KEYS = ("Segmentation_MasterRepresentation", "Segmentation_SourceRepresentation")


def _header(reader: sitk.ImageFileReader, key: str) -> str | None:
    return reader.GetMetaData(key) if reader.HasMetaDataKey(key) else None


def _segment_table(reader: sitk.ImageFileReader, layers: int) -> dict[str, tuple[int, int]] | None:
    """Segment ID -> (layer, label value) from the header, or None when it is not standard."""
    table: dict[str, tuple[int, int]] = {}
    index = 0
    while (segment_id := _header(reader, f"Segment{index}_ID")) is not None:
        layer = _header(reader, f"Segment{index}_Layer")
        value = _header(reader, f"Segment{index}_LabelValue")
        try:
            entry = (int(layer or ""), int(value or ""))
        except ValueError:
            return None
        if not 0 <= entry[0] < layers or entry[1] <= 0 or segment_id in table:
            return None
        table[segment_id] = entry
        index += 1
    return table or None


def read_standard_segments(
    path: Path, segment_ids: Iterable[str], reference: sitk.Image
) -> dict[str, sitk.Image] | None:
    """Each of ``segment_ids`` as a 0/1 uint8 mask on ``reference``'s grid, or None.

    None means the file is not a standard Slicer binary-labelmap ``.seg.nrrd`` holding all the
    segments asked for: read it through MRML instead (``mrml_io.load_segmentation``).
    """
    if not Path(path).is_file():
        return None  # the MRML loader names the missing file
    verify_image_file(path, tr("segmentation"))
    reader = sitk.ImageFileReader()
    reader.SetFileName(str(path))
    try:
        image = reader.Execute()
    except RuntimeError as error:
        # what SimpleITK cannot read would abort the process inside MRML's reader: stop here
        lines = [line for line in str(error).splitlines() if line.strip()]
        raise InvalidInputError(
            tr(
                "segmentation: not readable ({reason})",
                reason=lines[-1].strip() if lines else tr("corrupt"),
            ),
            path,
        ) from None
    check_image(image, path, tr("segmentation"))
    master = next((m for k in _MASTER_KEYS if (m := _header(reader, k)) is not None), None)
    pixel_ok = image.GetDimension() == 3 and np.issubdtype(
        sitk.GetArrayViewFromImage(image).dtype, np.integer
    )
    if master != BINARY_LABELMAP or not pixel_ok:
        return None
    table = _segment_table(reader, image.GetNumberOfComponentsPerPixel())
    wanted = list(segment_ids)
    if table is None or any(key not in table for key in wanted):
        return None
    voxels = sitk.GetArrayViewFromImage(image)
    return {key: _placed(_select(voxels, *table[key]), image, reference) for key in wanted}


def _select(voxels: np.ndarray, layer: int, value: int) -> np.ndarray:
    """The 0/1 array of one segment: its layer's voxels equal to its label value."""
    plane = voxels[..., layer] if voxels.ndim == 4 else voxels
    return (plane == value).astype(np.uint8)


def _placed(selected: np.ndarray, piece: sitk.Image, reference: sitk.Image) -> sitk.Image:
    """``selected`` (on ``piece``'s voxels) on the reference grid, as ``segment_mask`` does."""
    blank = sitk.Image(reference.GetSize(), sitk.sitkUInt8)
    blank.CopyInformation(reference)
    if not selected.any():
        return blank
    mask = sitk.GetImageFromArray(selected)
    if _same_grid(piece, reference):  # Slicer saved the full reference grid: nothing to move
        mask.CopyInformation(reference)
        return mask
    mask.SetOrigin(piece.GetOrigin())  # the piece may be a vector image (several layers)
    mask.SetSpacing(piece.GetSpacing())
    mask.SetDirection(piece.GetDirection())
    pasted = paste_on_grid(selected, mask, blank)
    if pasted is not None:
        return pasted
    return sitk.Resample(mask, blank, sitk.Transform(), sitk.sitkNearestNeighbor, 0, sitk.sitkUInt8)


def _same_grid(a: sitk.Image, b: sitk.Image) -> bool:
    """Exactly the same voxel grid (size, origin, spacing, direction, bit for bit)."""
    return (
        a.GetSize() == b.GetSize()
        and a.GetOrigin() == b.GetOrigin()
        and a.GetSpacing() == b.GetSpacing()
        and a.GetDirection() == b.GetDirection()
    )
