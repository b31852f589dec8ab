"""The de-identification policy (R-DATA-1) as data: which PS3.15 Annex E profile, options and tables.

Profile and options (DICOM PS3.15 Annex E, codes from pydicom's DCM code dictionary):

* 113100 Basic Application Confidentiality Profile: the action table of Table E.1-1 as shipped
  by ``dicom-anonymizer`` (edition ``dicomfields_2026c``), applied to every attribute at every
  nesting level (the library's own driver only visits top-level attributes).
* 113107 Retain Longitudinal Temporal Information, Modified Dates: every DA value and the date
  part of every DT value is shifted by a per-patient whole number of days (consistent across
  the patient's studies); times of day are kept (they identify no one once the date moved and
  keep acquisition order). Patient birth date/time follow the basic profile (emptied/removed).
* 113108 Retain Patient Characteristics: sex, age, size, weight, pregnancy and smoking status
  and ethnic group are kept (Table E.1-1 "Rtn. Pat. Chars." column, K entries); an age above
  89 years is reported as 090Y (HIPAA safe-harbour aggregation).
* 113105 Clean Descriptors: a few acquisition descriptors the sequence identification reads
  (SeriesDescription, ProtocolName, ContrastBolusAgent, StudyDescription) are cleaned token by
  token (:func:`clean_descriptor`): only protocol vocabulary (:data:`DESCRIPTOR_VOCABULARY`,
  short numbers) is kept, never a token holding one of the patient's identifying strings; a
  descriptor left empty gets the basic-profile action. Free text (names, IDs, dates in any
  format, Chinese words) therefore never survives, whatever the site typed. Every other
  descriptor in the option's column (comments, reasons, histories) is removed: removal is the
  strictest cleaning.
* 113111 Retain Safe Private: only the private attributes of :data:`SAFE_PRIVATE_ATTRIBUTES`
  (the MR diffusion and scaling entries of PS3.15 Table E.3.10-1), matched by private creator
  and element offset; every other private attribute is removed.

UIDs are replaced (action U) by deterministic ``2.25.`` UIDs derived with HMAC-SHA-256 from a
project secret (see ``deid_keys``), so references stay consistent across files, series and
runs. Any other UID-valued attribute whose value is not a UID registered in the standard
(SOP classes, transfer syntaxes, coding schemes) is remapped the same way, and any DA/DT value
outside the table is shifted: stricter than the table, never looser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydicom.sr.codedict import codes
from pydicom.sr.coding import Code

from CNSTumorQCLib.i18n import N_
from CNSTumorQCLib.paths import safe_component

DEID_POLICY_VERSION = "cnstumor-deid-policy-1"
ANNEX_E_EDITION = "dicomfields_2026c"


@dataclass(frozen=True)
class SafePrivateAttribute:
    """One private attribute known to be safe (PS3.15 Table E.3.10-1): group, creator, offset."""

    group: int
    creator: str
    offset: int  # the low byte of the element number ("xx0C" -> 0x0C)
    meaning: str


#: MR entries of PS3.15 Table E.3.10-1 (Safe Private Attributes): diffusion b-values and
#: directions (Siemens, GE, Philips), Philips scaling, GE internal pulse sequence name.
SAFE_PRIVATE_ATTRIBUTES: tuple[SafePrivateAttribute, ...] = (
    SafePrivateAttribute(0x0019, "SIEMENS MR HEADER", 0x0C, "B Value"),
    SafePrivateAttribute(0x0019, "SIEMENS MR HEADER", 0x0D, "Diffusion Directionality"),
    SafePrivateAttribute(0x0019, "SIEMENS MR HEADER", 0x0E, "Diffusion Gradient Direction"),
    SafePrivateAttribute(0x0019, "SIEMENS MR HEADER", 0x27, "B Matrix"),
    SafePrivateAttribute(
        0x0043, "GEMS_PARM_01", 0x39, "Slop_int_6..9 (first value is the b-value)"
    ),
    SafePrivateAttribute(0x0043, "GEMS_PARM_01", 0x6F, "Scanner Table Entry + Gradient Coil"),
    SafePrivateAttribute(0x0019, "GEMS_ACQU_01", 0x9E, "Internal Pulse Sequence Name"),
    SafePrivateAttribute(0x2001, "Philips Imaging DD 001", 0x03, "Diffusion B-Factor"),
    SafePrivateAttribute(0x2001, "Philips Imaging DD 001", 0x04, "Diffusion Direction"),
    SafePrivateAttribute(0x2005, "Philips MR Imaging DD 001", 0x0D, "Scale Intercept"),
    SafePrivateAttribute(0x2005, "Philips MR Imaging DD 001", 0x0E, "Scale Slope"),
)

#: Table E.1-1, "Rtn. Pat. Chars." column, K entries (option 113108).
PATIENT_CHARACTERISTICS: tuple[tuple[int, int], ...] = (
    (0x0010, 0x0040),  # Patient's Sex
    (0x0010, 0x1010),  # Patient's Age
    (0x0010, 0x1020),  # Patient's Size
    (0x0010, 0x1030),  # Patient's Weight
    (0x0010, 0x2160),  # Ethnic Group
    (0x0010, 0x21A0),  # Smoking Status
    (0x0010, 0x21C0),  # Pregnancy Status
    (0x0010, 0x2203),  # Patient's Sex Neutered
)

#: Descriptors kept when clean (option 113105); the identification reads them (R-ACQ-1..5).
CLEANED_DESCRIPTORS: tuple[tuple[int, int], ...] = (
    (0x0008, 0x103E),  # Series Description
    (0x0018, 0x1030),  # Protocol Name
    (0x0018, 0x0010),  # Contrast/Bolus Agent (R-ACQ-5: post-contrast T1)
    (0x0008, 0x1030),  # Study Description
)

#: Dates that follow the basic profile even with option 113107 (not in its column).
BASIC_PROFILE_DATES: tuple[tuple[int, int], ...] = (
    (0x0010, 0x0030),  # Patient's Birth Date
    (0x0010, 0x0032),  # Patient's Birth Time
)

#: UID-valued attributes that name classes, not instances: never remapped.
CLASS_UID_TAGS: tuple[tuple[int, int], ...] = (
    (0x0002, 0x0002),  # Media Storage SOP Class UID
    (0x0002, 0x0010),  # Transfer Syntax UID
    (0x0002, 0x0012),  # Implementation Class UID
    (0x0008, 0x0016),  # SOP Class UID
    (0x0008, 0x1150),  # Referenced SOP Class UID
    (0x0008, 0x010C),  # Coding Scheme UID
    (0x0008, 0x0117),  # Context UID
    (0x0004, 0x1510),  # Referenced SOP Class UID in File
    (0x0004, 0x1512),  # Referenced Transfer Syntax UID in File
)


@dataclass(frozen=True)
class DeidPolicy:
    """The de-identification parameters stamped into every report (a rule table with a version)."""

    version: str = DEID_POLICY_VERSION
    annex_e_edition: str = ANNEX_E_EDITION
    pseudonym_prefix: str = "CNST"
    #: days subtracted from every date of a patient: drawn per patient in [min, max] from the secret
    date_shift_min_days: int = 365
    date_shift_max_days: int = 3 * 365
    retain_patient_characteristics: bool = True
    clean_descriptors: bool = True
    retain_safe_private: bool = True
    #: shortest identifying string the byte search looks for (shorter ones are counted, not searched)
    min_search_length: int = 4
    #: digit-only values shorter than this are too common in numbers to search for
    min_numeric_search_length: int = 6
    safe_private: tuple[SafePrivateAttribute, ...] = field(default=SAFE_PRIVATE_ATTRIBUTES)

    def __post_init__(self) -> None:
        # the pseudonym names the patient's output folder: it may not leave OUT
        safe_component(self.pseudonym_prefix, N_("pseudonym prefix"))

    def option_codes(self) -> list[Code]:
        """DeidentificationMethodCodeSequence items: the profile and the options applied."""
        used = [
            codes.DCM.BasicApplicationConfidentialityProfile,
            codes.DCM.RetainLongitudinalTemporalInformationModifiedDatesOption,
        ]
        if self.retain_patient_characteristics:
            used.append(codes.DCM.RetainPatientCharacteristicsOption)
        if self.clean_descriptors:
            used.append(codes.DCM.CleanDescriptorsOption)
        if self.retain_safe_private:
            used.append(codes.DCM.RetainSafePrivateOption)
        return used

    def method_text(self) -> list[str]:
        """DeidentificationMethod (0012,0063) values, each within the LO limit of 64 characters."""
        return [
            f"CNSTumor {self.version}",
            "PS3.15 Annex E Basic Profile, table "
            + self.annex_e_edition.removeprefix("dicomfields_"),
            "Options: " + ", ".join(code.value for code in self.option_codes()[1:]),
            "UIDs: HMAC-SHA256 2.25; dates shifted per patient",
        ]

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "annex_e_edition": self.annex_e_edition,
            "options": [f"{code.value} {code.meaning}" for code in self.option_codes()],
            "date_shift_days_range": [-self.date_shift_max_days, -self.date_shift_min_days],
            "safe_private": [
                f"({a.group:04X},xx{a.offset:02X}) {a.creator}: {a.meaning}"
                for a in self.safe_private
            ],
            "min_search_length": self.min_search_length,
            "min_numeric_search_length": self.min_numeric_search_length,
        }


#: Words of MR protocol names kept by Clean Descriptors (113105), upper case: sequences,
#: planes, techniques, vendors' sequence names, contrast agents, anatomy of a brain study.
DESCRIPTOR_VOCABULARY = frozenset(
    """
    T1 T2 T1W T2W T1WI T2WI PD PDW FLAIR DWI ADC DTI SWI SWAN TRACE TRACEW EADC FA MD B0 DIFF
    DIFFUSION TENSOR PERFUSION PWI DSC DCE ASL MRA TOF CE C C+ GD GAD GADO GADOLINIUM POST PRE
    CONTRAST ENHANCED DELAY DELAYED AX AXI AXIAL TRA TRANS TRANSVERSE SAG SAGITTAL COR CORONAL
    OBL OBLIQUE MPR MIP REF REFORMAT ISO 2D 3D SE TSE FSE ESE GRE SPGR FSPGR BRAVO MPRAGE MP RAGE
    MP2RAGE SPACE CUBE VISTA VIBE LAVA THRIVE TFE TIRM TIR IR STIR DIR FFE EPI EP2D EP2D_DIFF
    RESOLVE PROPELLER BLADE MULTIVANE FS FAT SAT FATSAT WATER DIXON NEX AVG MOCO HR HIRES HIGH LOW
    RES FAST FIL NORM ND DIS2D DIS3D P2 P3 IPAT GRAPPA SENSE ASSET CS BRAIN HEAD NEURO CRANIUM
    SKULL ROUTINE PROTOCOL SCOUT LOCALIZER LOC SURVEY MR MRI IMAGE IMAGES SERIES SEQUENCE
    MAGNEVIST GADAVIST GADOVIST DOTAREM CLARISCAN PROHANCE MULTIHANCE OMNISCAN ELUCIREM VUEWAY
    GADOBUTROL GADOTERATE GADOTERIDOL GADOBENATE GADODIAMIDE GADOPENTETATE GD-DTPA DTPA DOTA
    ML MMOL MM S MS KG DARK FLUID WEIGHTED B MRHR MRLR
    """.split()
)
#: Tokens kept besides the vocabulary: b-values (b1000), short numbers, Siemens-like codes
#: (t2_tse_tra_320, *tir2d1_21); never 4+ digit runs (years, IDs, dates).
_SAFE_TOKEN = re.compile(r"^(B\d{1,4}|\d{1,3}|\d{1,3}(MM|MS|S)|\*?[A-Z]{1,6}\d{1,2}D?\d{0,2})$")
#: Dates and date-times in the formats people type (1980-01-01, 01/01/1980, 1980.1.1, 19800101).
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{8,}")
_DESCRIPTOR_SEPARATORS = re.compile(r"([\s_\-/(),:=.\[\]#<>%&;^]+)")


def clean_descriptor(text: str, identifying: set[str]) -> str | None:
    """The descriptor with every token that is not protocol vocabulary removed, or None.

    Hand-written rule (no library ships one; PS3.15 leaves the cleaning method to the
    implementer). Dates in any common format are cut out first; the rest is split at spaces
    and punctuation; a token is kept when it is in :data:`DESCRIPTOR_VOCABULARY` or is a
    b-value, a number of at most three digits (four right after ``b``) or a short sequence
    code, and holds none of the patient's identifying strings (or name parts). Kept tokens keep
    the separator written before them. A descriptor that was already clean comes back
    unchanged; None when nothing is left.
    """
    text = _DATE_LIKE.sub(" ", str(text or "")[:256])
    lowered_identifying = [v.lower() for v in identifying if len(v) >= 3]
    pieces = _DESCRIPTOR_SEPARATORS.split(text)
    kept: list[str] = []
    previous = ""
    for index in range(0, len(pieces), 2):
        token = pieces[index]
        before = pieces[index - 1] if index else ""
        if not token:
            continue
        upper = token.upper()
        ok = (
            upper in DESCRIPTOR_VOCABULARY
            or bool(_SAFE_TOKEN.match(upper))
            or (previous == "B" and upper.isdigit() and len(upper) <= 4)
        )
        if ok and not any(value in token.lower() for value in lowered_identifying):
            kept.append((before if kept else "") + token)
        previous = upper
    cleaned = "".join(kept).strip()[:64]
    if not cleaned or any(value in cleaned.lower() for value in lowered_identifying):
        return None
    return cleaned
