"""De-identify one pydicom Dataset with the PS3.15 Annex E table of ``dicom-anonymizer`` (R-DATA-1).

The action table and the per-VR action functions (replace, empty, delete ...) are the
library's (``dicomanonymizer.initialize_actions``, edition from the policy). This module is the
driver around them, written here because the library's own driver (``anonymize_dataset``) visits
top-level attributes only, maps UIDs randomly per process and keeps private tags by number
without checking their creator. The driver:

* visits every attribute at every nesting level (enhanced multi-frame functional groups
  included) and applies the table's action where the table lists the attribute;
* replaces UIDs deterministically (``KeyStore.uid``) and keeps the content of ``X/Z/U*``
  reference sequences with their UIDs remapped, so references stay consistent;
* shifts dates per patient (option 113107), keeps patient characteristics (113108) and clean
  descriptors (113105), keeps safe private attributes by creator and offset (113111);
* sets the pseudonym, the de-identification markers and a new file meta.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field

from dicomanonymizer.simpledicomanonymizer import (
    delete,
    delete_or_empty_or_replace_UID,
    initialize_actions,
)
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag
from pydicom.uid import UID_dictionary

from CNSTumorQCLib.deid.keys import KeyStore, PatientKey
from CNSTumorQCLib.deid.policy import (
    BASIC_PROFILE_DATES,
    CLASS_UID_TAGS,
    CLEANED_DESCRIPTORS,
    PATIENT_CHARACTERISTICS,
    DeidPolicy,
    clean_descriptor,
)

Action = Callable[[Dataset, tuple[int, int]], None]
PATIENT_NAME = (0x0010, 0x0010)
PATIENT_ID = (0x0010, 0x0020)


@dataclass
class DatasetOutcome:
    """What happened to one dataset: its patient, the descriptors kept, the elements touched."""

    patient: PatientKey
    retained_descriptors: dict[str, str] = field(default_factory=dict)
    retained_private: int = 0
    shifted_dates: int = 0
    remapped_uids: int = 0


class DatasetDeidentifier:
    """Applies the policy to datasets; one instance per run (it holds the parsed action table)."""

    def __init__(self, policy: DeidPolicy, keys: KeyStore) -> None:
        self.policy = policy
        self.keys = keys
        table = initialize_actions(policy.annex_e_edition)
        self._exact: dict[tuple[int, int], Action] = {k: v for k, v in table.items() if len(k) == 2}
        self._masked = [(k, v) for k, v in table.items() if len(k) == 4]

    def action_for(self, tag: BaseTag) -> Action | None:
        """The Annex E action of an attribute, or None when the table does not list it (kept)."""
        action = self._exact.get((tag.group, tag.element))
        if action is not None:
            return action
        for (group, element, group_mask, element_mask), masked in self._masked:
            if (
                tag.group & group_mask == group & group_mask
                and tag.element & element_mask == element & element_mask
            ):
                return masked
        return None

    def is_retained(self, tag: BaseTag) -> bool:
        """True for attributes an option keeps although the basic profile lists them."""
        key = (tag.group, tag.element)
        return self.policy.retain_patient_characteristics and key in PATIENT_CHARACTERISTICS

    def deidentify(self, ds: Dataset, identity: str, identifying: set[str]) -> DatasetOutcome:
        """De-identify ``ds`` in place; ``identifying`` guards the descriptors kept (113105)."""
        patient = self.keys.patient(
            identity, str(ds.get("PatientID", "") or ""), str(ds.get("PatientName", "") or "")
        )
        outcome = DatasetOutcome(patient=patient)
        transfer_syntax = ds.file_meta.TransferSyntaxUID if hasattr(ds, "file_meta") else None
        self._process(ds, outcome, identifying)
        ds.PatientName = patient.pseudonym
        ds.PatientID = patient.pseudonym
        self._set_markers(ds)
        ds.preamble = b"\0" * 128
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        if transfer_syntax is not None:
            meta.TransferSyntaxUID = transfer_syntax
        ds.file_meta = meta
        return outcome

    def _process(self, ds: Dataset, outcome: DatasetOutcome, identifying: set[str]) -> None:
        safe = self._collect_safe_private(ds)
        for element in list(ds):
            tag = element.tag
            if tag.is_private:
                del ds[tag]
                continue
            key = (tag.group, tag.element)
            if key in (PATIENT_NAME, PATIENT_ID):
                ds[tag].value = outcome.patient.pseudonym  # at every nesting level
                continue
            if self.is_retained(tag):
                if key == (0x0010, 0x1010):
                    ds[tag].value = _aggregate_age(str(element.value or ""))
                continue
            action = self.action_for(tag)
            if element.VR == "SQ":
                self._process_sequence(ds, key, action, outcome, identifying)
            elif element.VR in ("DA", "DT"):
                self._date(ds, key, action, outcome)
            elif element.VR == "TM":
                if action is not None and key in BASIC_PROFILE_DATES:
                    action(ds, key)
            elif element.VR == "UI":
                self._uid(ds, key, action, outcome)
            elif action is not None:
                cleaned = (
                    self._clean_descriptor(element.value, identifying)
                    if key in CLEANED_DESCRIPTORS
                    else None
                )
                if cleaned is not None:  # 113105: only protocol vocabulary is left
                    element.value = cleaned
                    outcome.retained_descriptors[element.keyword] = cleaned
                    continue
                action(ds, key)
        for group, creator, offset, vr, value in safe:
            ds.private_block(group, creator, create=True).add_new(offset, vr, value)
            outcome.retained_private += 1

    def _process_sequence(
        self,
        ds: Dataset,
        key: tuple[int, int],
        action: Action | None,
        outcome: DatasetOutcome,
        identifying: set[str],
    ) -> None:
        if action is delete:
            del ds[key]
            return
        if action is not None and action is not delete_or_empty_or_replace_UID:
            # Z, X/Z, D, Z/D, X/D, X/Z/D on a sequence: a zero-length sequence (no dummy items).
            ds[key].value = Sequence([])
            return
        for item in ds[key].value:  # kept (not listed) or U*: keep the items, cleaned
            self._process(item, outcome, identifying)

    def _date(
        self, ds: Dataset, key: tuple[int, int], action: Action | None, outcome: DatasetOutcome
    ) -> None:
        if key in BASIC_PROFILE_DATES:
            if action is not None:
                action(ds, key)
            return
        element = ds[key]
        shift = outcome.patient.date_shift_days
        values = list(element.value) if isinstance(element.value, MultiValue) else [element.value]
        shifted = [_shift(str(v or ""), shift, element.VR) for v in values]
        element.value = shifted if len(shifted) > 1 else shifted[0]
        outcome.shifted_dates += 1

    def _uid(
        self, ds: Dataset, key: tuple[int, int], action: Action | None, outcome: DatasetOutcome
    ) -> None:
        if action is delete:
            del ds[key]
            return
        if key in CLASS_UID_TAGS:
            return
        element = ds[key]
        values = list(element.value) if isinstance(element.value, MultiValue) else [element.value]
        mapped = [
            str(v) if not str(v) or str(v) in UID_dictionary else self.keys.uid(str(v))
            for v in values
        ]
        element.value = mapped if len(mapped) > 1 else mapped[0]
        outcome.remapped_uids += 1

    def _clean_descriptor(self, value: object, identifying: set[str]) -> str | None:
        if not self.policy.clean_descriptors:
            return None
        return clean_descriptor(str(value or ""), identifying)

    def _collect_safe_private(self, ds: Dataset) -> list[tuple[int, str, int, str, object]]:
        """Safe private attributes (113111) of this level, found by creator name and offset."""
        if not self.policy.retain_safe_private:
            return []
        blocks: dict[tuple[int, str], int] = {}
        for tag in ds.keys():
            if tag.is_private and 0x10 <= tag.element <= 0xFF:
                blocks[(tag.group, str(ds[tag].value).strip())] = tag.element
        kept = []
        for attribute in self.policy.safe_private:
            block = blocks.get((attribute.group, attribute.creator))
            if block is None:
                continue
            element = ds.get((attribute.group << 16) | (block << 8) | attribute.offset)
            if element is not None:
                kept.append(
                    (
                        attribute.group,
                        attribute.creator,
                        attribute.offset,
                        element.VR,
                        element.value,
                    )
                )
        return kept

    def _set_markers(self, ds: Dataset) -> None:
        """PS3.15 E.1.1: identity removed, the method in words and as codes, dates modified."""
        ds.PatientIdentityRemoved = "YES"
        ds.DeidentificationMethod = self.policy.method_text()
        items = []
        for code in self.policy.option_codes():
            item = Dataset()
            item.CodeValue = code.value
            item.CodingSchemeDesignator = code.scheme_designator
            item.CodeMeaning = code.meaning
            items.append(item)
        ds.DeidentificationMethodCodeSequence = items
        ds.LongitudinalTemporalInformationModified = "MODIFIED"


def _aggregate_age(age: str) -> str:
    """Ages above 89 years become 090Y (HIPAA safe harbour); others are kept (113108)."""
    if len(age) == 4 and age.endswith("Y") and age[:3].isdigit() and int(age[:3]) > 89:
        return "090Y"
    return age


def _shift(value: str, days: int, vr: str) -> str:
    """Shift the date part (YYYYMMDD) of a DA or DT value by ``days``; keep the rest.

    A value without a full date (empty, ``YYYY``, ``YYYYMM``, malformed) cannot be shifted and is
    emptied: it must not survive unchanged.
    """
    value = value.strip()
    try:
        date = _dt.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return ""
    if vr == "DA" and len(value) != 8:
        return ""
    return (date + _dt.timedelta(days=days)).strftime("%Y%m%d") + value[8:]
