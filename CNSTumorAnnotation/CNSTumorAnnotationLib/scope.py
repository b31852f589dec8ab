"""Which cases the consensus covers (R-SCOPE-1 / R-SCOPE-2).

``check_scope`` maps a diagnosis to its tumor family (R-SCOPE-1) and refuses, with the rule and
the reason, what the consensus leaves out (R-SCOPE-2): tumors invading bone or crossing the
skull, and extra-axial tumors of the sellar region, the pineal region and the
cerebellopontine angle. Those are flagged, not annotated.

The consensus names its diagnoses *as examples*: another tumor of either family (an
ependymoma, an intra-axial tumor) is annotated under that family when the user names the
family, with a recorded note (``assess_scope``). The R-SCOPE-2 sites are checked whatever
option the user gave, family or diagnosis.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import TumorFamily
from CNSTumorQCLib.errors import SchemaError

SCOPE_VERSION = "cnstumor-scope-1.0"


class Diagnosis(enum.Enum):
    """Diagnoses named by R-SCOPE-1."""

    GLIOMA = "glioma"
    PRIMARY_CNS_LYMPHOMA = "primary_cns_lymphoma"
    METASTASIS = "metastasis"
    MENINGIOMA = "meningioma"
    HEMANGIOPERICYTOMA = "hemangiopericytoma"


class Site(enum.Enum):
    """Tumor sites the scope rules speak of; anything else is ``OTHER``."""

    SELLAR = "sellar"
    PINEAL = "pineal"
    CEREBELLOPONTINE_ANGLE = "cerebellopontine_angle"
    BONE_INVADING = "bone_invading"
    SKULL_CROSSING = "skull_crossing"
    OTHER = "other"


FAMILY_OF: dict[Diagnosis, TumorFamily] = {
    Diagnosis.GLIOMA: TumorFamily.INTRA_AXIAL,
    Diagnosis.PRIMARY_CNS_LYMPHOMA: TumorFamily.INTRA_AXIAL,
    Diagnosis.METASTASIS: TumorFamily.INTRA_AXIAL,
    Diagnosis.MENINGIOMA: TumorFamily.MENINGEAL,
    Diagnosis.HEMANGIOPERICYTOMA: TumorFamily.MENINGEAL,
}
_ALIASES = {
    "pcnsl": Diagnosis.PRIMARY_CNS_LYMPHOMA,
    "lymphoma": Diagnosis.PRIMARY_CNS_LYMPHOMA,
    "metastases": Diagnosis.METASTASIS,
    "glioblastoma": Diagnosis.GLIOMA,
    "astrocytoma": Diagnosis.GLIOMA,
    "oligodendroglioma": Diagnosis.GLIOMA,
    "solitary_fibrous_tumor": Diagnosis.HEMANGIOPERICYTOMA,
}
#: Sites refused for every family (R-SCOPE-2).
ALWAYS_OUT = {Site.BONE_INVADING, Site.SKULL_CROSSING}
#: Sites refused for extra-axial (meningeal) tumors (R-SCOPE-2).
EXTRA_AXIAL_OUT = {Site.SELLAR, Site.PINEAL, Site.CEREBELLOPONTINE_ANGLE}


def _key(text: str) -> str:
    return str(text).strip().lower().replace("-", "_").replace(" ", "_")


def parse_diagnosis(diagnosis: Diagnosis | str) -> Diagnosis:
    if isinstance(diagnosis, Diagnosis):
        return diagnosis
    key = _key(diagnosis)
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Diagnosis(key)
    except ValueError:
        known = ", ".join(d.value for d in Diagnosis)
        raise SchemaError(
            tr(
                ("R-SCOPE-1: diagnosis {diagnosis!r} is outside the consensus families ({known})"),
                diagnosis=diagnosis,
                known=known,
            )
        ) from None


def parse_site(site: Site | str | None) -> Site:
    if site is None:
        return Site.OTHER
    if isinstance(site, Site):
        return site
    try:
        return Site(_key(site))
    except ValueError:
        return Site.OTHER


def parse_site_strict(site: Site | str | None) -> Site:
    """A site from its name; an unknown name is an error (a typo must not skip R-SCOPE-2)."""
    if site is None or isinstance(site, Site):
        return parse_site(site)
    try:
        return Site(_key(site))
    except ValueError:
        known = ", ".join(s.value for s in Site)
        raise SchemaError(
            tr("R-SCOPE-2: unknown site {site!r} (one of {known})", site=site, known=known)
        ) from None


def _site_refusal(family: TumorFamily, where: Site, what: str) -> None:
    if where in ALWAYS_OUT:
        raise SchemaError(
            tr(
                (
                    "R-SCOPE-2: {what} {site} is out of scope: tumors invading bone or "
                    "crossing the skull are flagged, not annotated"
                ),
                what=what,
                site=where.value.replace("_", " "),
            )
        )
    if where in EXTRA_AXIAL_OUT and family is TumorFamily.MENINGEAL:
        raise SchemaError(
            tr(
                (
                    "R-SCOPE-2: extra-axial {what} of the {site} region is out of scope: "
                    "sellar, pineal and cerebellopontine-angle extra-axial tumors are "
                    "flagged, not annotated"
                ),
                what=what,
                site=where.value.replace("_", " "),
            )
        )


@dataclass(frozen=True)
class ScopeDecision:
    """Under which family a case is annotated, and why (recorded in ``case.json``)."""

    family: TumorFamily
    diagnosis: str | None
    named_by_consensus: bool
    site: Site
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SCOPE_VERSION,
            "family": self.family.value,
            "diagnosis": self.diagnosis,
            "named_by_consensus": self.named_by_consensus,
            "site": self.site.value,
            "note": self.note,
            "rules": ["R-SCOPE-1", "R-SCOPE-2"],
        }


def assess_scope(
    diagnosis: str | None = None,
    site: Site | str | None = None,
    family: TumorFamily | str | None = None,
) -> ScopeDecision:
    """The family to annotate under (R-SCOPE-1), the R-SCOPE-2 sites always checked.

    A diagnosis the consensus names sets the family (a different ``family`` is an error). Any
    other diagnosis is accepted under the ``family`` the user gives, with a note; without a
    family it is refused, since the software cannot tell which family it belongs to.
    """
    from CNSTumorAnnotationLib.schemas import parse_family

    given = parse_family(family) if family is not None else None
    where = parse_site_strict(site)
    text = str(diagnosis).strip() if diagnosis is not None and str(diagnosis).strip() else None
    if text is None:
        if given is None:
            raise SchemaError(tr("R-SCOPE-1: give the tumor family or a diagnosis"))
        _site_refusal(given, where, tr("{family} tumor", family=given.value))
        note = tr("annotated under the {family} family; no diagnosis given", family=given.value)
        return ScopeDecision(given, None, False, where, note)
    try:
        named = parse_diagnosis(text)
    except SchemaError:
        if given is None:
            families = ", ".join(f.value for f in TumorFamily)
            raise SchemaError(
                tr(
                    (
                        "R-SCOPE-1: {text!r} is not one of the diagnoses the consensus names; it "
                        "is annotated under its family when you give it ({families}), with a note"
                    ),
                    text=text,
                    families=families,
                )
            ) from None
        _site_refusal(given, where, text)
        note = tr(
            "R-SCOPE-1: {diagnosis} is not named by the consensus (its diagnoses are examples); "
            "annotated under the {family} family as another tumor of that family",
            diagnosis=text,
            family=given.value,
        )
        return ScopeDecision(given, text, False, where, note)
    own = FAMILY_OF[named]
    if given is not None and given is not own:
        raise SchemaError(
            tr(
                "R-SCOPE-1: {text} belongs to the {own} family, not {given}",
                text=text,
                own=own.value,
                given=given.value,
            )
        )
    _site_refusal(own, where, named.value)
    note = tr(
        "{diagnosis} is named by the consensus: {family} family",
        diagnosis=named.value,
        family=own.value,
    )
    return ScopeDecision(own, named.value, True, where, note)


def check_scope(diagnosis: Diagnosis | str, site: Site | str | None = None) -> TumorFamily:
    """The family to annotate under, or SchemaError naming R-SCOPE-1/2 and the reason."""
    dx = parse_diagnosis(diagnosis)
    where = parse_site(site)
    family = FAMILY_OF[dx]
    _site_refusal(family, where, dx.value)
    return family
