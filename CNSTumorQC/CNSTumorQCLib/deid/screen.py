"""Screen objects before de-identification (R-DATA-1): what must not be copied at all.

Header de-identification cannot clean pixels. PS3.15 E.3.1 (Clean Pixel Data) is not
implemented, so objects that may show identity in their pixels are quarantined: burned-in
annotation, secondary captures, screen saves and Siemens CSA reports, and every non-image
object (structured reports, encapsulated documents, raw data). A truncated image is refused.
"""

from __future__ import annotations

from pydicom.dataset import Dataset

from CNSTumorQCLib.dicom.compat import get_expected_length
from CNSTumorQCLib.i18n import tr

#: Media Storage Directory Storage (DICOMDIR): an index of the original files, never copied.
MEDIA_DIRECTORY = "1.2.840.10008.1.3.10"
_SCREEN_TYPES = ("SCREEN SAVE", "SCREENSHOT", "CSA REPORT", "SECONDARY CAPTURE")


def truncated_pixels(ds: Dataset) -> str | None:
    """A problem sentence (for people: translated) when uncompressed pixel data is shorter than
    its header says."""
    meta = getattr(ds, "file_meta", None)
    syntax = getattr(meta, "TransferSyntaxUID", None)
    image = "Image Storage" in getattr(ds.get("SOPClassUID"), "name", "")
    if image and not any(k in ds for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
        return tr("no pixel data in an image object (truncated file?)")
    if "PixelData" not in ds or syntax is None or syntax.is_compressed:
        return None
    try:
        expected = int(get_expected_length(ds, unit="bytes"))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    actual = len(ds.PixelData)
    if actual < expected:
        return tr(
            "truncated pixel data ({actual} of {expected} bytes)", actual=actual, expected=expected
        )
    return None


def quarantine_reason(ds: Dataset) -> str | None:
    """Why an object may carry identity in its pixels or content (PS3.15 E.3.1), else None
    (a phrase for people, in the language they read)."""
    if str(ds.get("BurnedInAnnotation", "")).upper() == "YES":
        return tr("BurnedInAnnotation is YES")
    sop_class = ds.get("SOPClassUID")
    if sop_class is None:
        return tr("no SOP Class UID")
    name = getattr(sop_class, "name", str(sop_class))
    if "Secondary Capture" in name:
        return tr("secondary capture")
    if "Image Storage" not in name:
        return tr("not an image object ({name})", name=name)
    image_type = " ".join(str(v).upper() for v in (ds.get("ImageType") or []))
    for marker in _SCREEN_TYPES:
        if marker in image_type:
            return tr("ImageType says {marker}", marker=marker.lower())
    return None
