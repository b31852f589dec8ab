"""Test helper: plant a distinctive identifying value in every Annex E attribute a dataset can hold.

The attribute list is the one dicom-anonymizer ships (PS3.15 Table E.1-1, edition 2026c), so the
test covers the whole table, not a hand-picked subset. Values depend on the attribute only, not
on the file, so every planted file belongs to one (planted) patient; UIDs already present are
left alone (planting one constant SOP Instance UID in every file would make duplicates).
"""

from __future__ import annotations

import datetime as _dt

from dicomanonymizer.dicom_anonymization_databases import dicomfields_2026c as annex_e
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset

from CNSTumorQCLib.deid.policy import PATIENT_CHARACTERISTICS

#: Times of day are kept by design (option 113107 with whole-day shifts, see deid_policy).
_SKIPPED_VRS = {
    "TM",
    "AS",
    "US",
    "SS",
    "UL",
    "SL",
    "FL",
    "FD",
    "DS",
    "IS",
    "OB",
    "OW",
    "OF",
    "UN",
    "AT",
    "SV",
    "UV",
    "OD",
    "OL",
    "OV",
}
PRIVATE_CREATOR = "PHI TEST CREATOR"


def planted_value(vr: str, index: int) -> str | None:
    """A distinctive value valid for ``vr``; unique per table index."""
    if vr == "PN":
        return f"PLANTEDFAMILY{index:04d}^PLANTEDGIVEN{index:04d}"
    if vr in ("SH", "AE", "CS"):
        return f"PHI{vr}{index:05d}Z"
    if vr in ("LO", "LT", "ST", "UT", "UC"):
        return f"PHI{vr}{index:05d}Z SECRET TEXT"
    if vr == "UR":
        return f"http://phi{index:05d}.example.invalid/"
    if vr == "DA":
        return (_dt.date(1960, 1, 1) + _dt.timedelta(days=index % 365)).strftime("%Y%m%d")
    if vr == "DT":
        return (_dt.date(1960, 1, 1) + _dt.timedelta(days=index % 365)).strftime(
            "%Y%m%d"
        ) + "101010"
    if vr == "UI":
        return f"1.2.999.{index}"
    return None


def plant_everywhere(ds: Dataset) -> list[str]:
    """Plant values in every settable Annex E attribute of ``ds``; return the strings planted."""
    planted: list[str] = []
    for index, tag in enumerate(annex_e.ALL_TAGS):
        if len(tag) != 2 or tag in PATIENT_CHARACTERISTICS or tag[0] in (0x0000, 0x0002):
            continue
        try:
            vr = dictionary_VR(tag).split(" or ")[0]
        except KeyError:
            continue
        if vr == "SQ":
            item = Dataset()
            item.PersonName = planted_value("PN", 5000 + index)
            item.ReferencedSOPInstanceUID = planted_value("UI", 5000 + index)
            ds[tag] = DataElement(tag, "SQ", [item])
            planted += [str(item.PersonName), str(item.ReferencedSOPInstanceUID)]
            continue
        if vr in _SKIPPED_VRS or (vr == "UI" and tag in ds):
            continue
        value = planted_value(vr, index)
        if value is None:
            continue
        ds[tag] = DataElement(tag, vr, value)
        planted.append(value)
        if vr == "PN":
            planted.append(value.split("^")[0])
    # Nested in a sequence the table does not list (kept): the values must still go.
    region = Dataset()
    region.CodeValue = "T-A0100"
    region.CodingSchemeDesignator = "SRT"
    region.CodeMeaning = "Brain"
    region.PatientName = "NESTEDFAMILY^NESTEDGIVEN"
    region.PatientID = "NESTEDPATIENTID01"
    region.InstitutionName = "NESTED INSTITUTION NAME"
    region.StudyDate = "19601231"
    ds.AnatomicRegionSequence = [region]
    planted += ["NESTEDFAMILY", "NESTEDPATIENTID01", "NESTED INSTITUTION NAME", "19601231"]
    ds.file_meta.SourceApplicationEntityTitle = "PHIAEMETA01Z"
    planted.append("PHIAEMETA01Z")
    ds.preamble = b"PHIPREAMBLE-SECRET".ljust(128, b"\0")
    planted.append("PHIPREAMBLE-SECRET")
    block = ds.private_block(0x0011, PRIVATE_CREATOR, create=True)
    block.add_new(0x01, "LO", "PHIPRIVATE0001Z")
    planted.append("PHIPRIVATE0001Z")
    return planted
