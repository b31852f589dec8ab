"""Label schemas as data (R-SEG-1..7, R-ANN-4, R-SCOPE-1/2) and their BraTS mappings."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.sr._concepts_dict import concepts

from CNSTumorAnnotationLib.label_conventions import (
    BRATS2021,
    BRATS2023,
    combined_from_masks,
    from_convention,
    masks_from_combined,
    to_brats2021,
    to_brats2023,
    to_brats_meningioma,
    to_convention,
)
from CNSTumorAnnotationLib.schemas import (
    BLUE,
    PURPLE,
    RED,
    YELLOW,
    Code,
    TumorFamily,
    all_schemas,
    get_schema,
)
from CNSTumorAnnotationLib.scope import check_scope
from CNSTumorQCLib.errors import InvalidInputError, SchemaError
from CNSTumorQCLib.sequences import MRSequence


def _dicom_meanings(code: Code) -> set[str]:
    """Every meaning pydicom's DICOM code dictionary gives this scheme + value."""
    return {
        meaning
        for by_value in concepts[code.scheme].values()
        for value, (meaning, _cids) in by_value.items()
        if value == code.value
    }


def _codes():
    for schema in all_schemas():
        for region in schema.regions:
            t = region.terminology
            for code in (
                t.category,
                t.type,
                t.anatomic_region,
                t.modifier,
                t.anatomic_region_modifier,
            ):
                if code is not None:
                    yield f"{schema.family.value}:{region.key}:{code.value}", code


@pytest.mark.parametrize(("where", "code"), list(_codes()), ids=[w for w, _ in _codes()])
def test_every_region_code_exists_in_pydicoms_dicom_dictionary_with_that_meaning(
    where, code
) -> None:
    assert code.meaning in _dicom_meanings(code), where


def test_region_categories_and_types_are_in_the_dicom_segmentation_property_context_groups() -> (
    None
):
    for schema in all_schemas():
        for region in schema.regions:
            t = region.terminology
            category_cids = next(
                cids
                for by_value in concepts["SCT"].values()
                for value, (_m, cids) in by_value.items()
                if value == t.category.value
            )
            type_cids = next(
                cids
                for by_value in concepts[t.type.scheme].values()
                for value, (_m, cids) in by_value.items()
                if value == t.type.value
            )
            assert 7150 in category_cids  # CID 7150 Segmentation Property Categories
            assert 7151 in type_cids  # CID 7151 Segmentation Property Types


def test_intra_axial_regions_are_drawn_on_the_consensus_sequences_in_the_figure_colours() -> None:
    schema = get_schema(TumorFamily.INTRA_AXIAL)
    expected = {
        "whole_tumor": (MRSequence.FLAIR, YELLOW, "R-SEG-1"),
        "tumor_body": (MRSequence.T2, RED, "R-SEG-2"),
        "enhancing": (MRSequence.T1C, PURPLE, "R-SEG-3"),
        "non_enhancing": (MRSequence.T1C, BLUE, "R-SEG-4"),
    }
    assert schema.keys == tuple(expected)
    for key, (sequence, colour, rule) in expected.items():
        region = schema.region(key)
        assert (region.reference_sequence, region.color_rgb) == (sequence, colour)
        assert rule in region.rules
        assert region.name_en and region.name_zh
    assert schema.reference_sequences == (MRSequence.FLAIR, MRSequence.T2, MRSequence.T1C)
    assert ("tumor_body", "whole_tumor") in schema.hierarchy
    assert ("enhancing", "tumor_body") in schema.hierarchy


def test_meningeal_edema_excludes_the_body_and_enhancing_includes_the_dural_tail_R_SEG_6_7() -> (
    None
):
    schema = get_schema("meningeal")
    assert schema.keys == ("edema", "tumor_body", "enhancing", "non_enhancing")
    assert ("edema", "tumor_body") in schema.disjoint
    assert ("tumor_body", "edema") not in schema.hierarchy
    assert "R-SEG-7" in schema.region("enhancing").rules
    assert "meninges" in schema.region("enhancing").description


def test_whole_tumor_or_edema_and_enhancing_are_required_by_default_and_configurable_R_ANN_4() -> (
    None
):
    assert get_schema("intra_axial").required_keys == ("whole_tumor", "enhancing")
    assert get_schema("meningeal").required_keys == ("edema", "enhancing")
    study = get_schema("intra_axial", required={"tumor_body": True, "enhancing": False})
    assert study.required_keys == ("whole_tumor", "tumor_body")
    with pytest.raises(SchemaError, match="not in the intra_axial schema"):
        get_schema("intra_axial", required={"edema": True})


def test_enhancing_and_non_enhancing_can_be_analysed_together_as_one_green_region_R_SEG_5() -> None:
    schema = get_schema("intra_axial", combine_enhancing=True)
    assert schema.keys == ("whole_tumor", "tumor_body", "enhancing_non_enhancing")
    region = schema.region("enhancing_non_enhancing")
    assert region.reference_sequence is MRSequence.T1C and "R-SEG-5" in region.rules
    assert ("enhancing_non_enhancing", "tumor_body") in schema.hierarchy
    combined = np.array([0, 1, 2, 3])
    with pytest.raises(SchemaError, match="R-SEG-5"):
        to_brats2021(combined, schema)


def test_an_unknown_family_is_refused_naming_R_SCOPE_1() -> None:
    with pytest.raises(SchemaError, match="R-SCOPE-1"):
        get_schema("pituitary")


@pytest.mark.parametrize(
    ("diagnosis", "site"),
    [
        ("meningioma", "sellar"),
        ("meningioma", "pineal"),
        ("hemangiopericytoma", "cerebellopontine angle"),
        ("glioma", "bone invading"),
        ("meningioma", "skull-crossing"),
    ],
)
def test_out_of_scope_sites_are_refused_with_the_rule_R_SCOPE_2(diagnosis, site) -> None:
    with pytest.raises(SchemaError, match="R-SCOPE-2"):
        check_scope(diagnosis, site)


def test_in_scope_diagnoses_map_to_their_family_R_SCOPE_1() -> None:
    assert check_scope("PCNSL") is TumorFamily.INTRA_AXIAL
    assert check_scope("metastasis", "frontal") is TumorFamily.INTRA_AXIAL
    assert (
        check_scope("glioma", "pineal") is TumorFamily.INTRA_AXIAL
    )  # R-SCOPE-2 names extra-axial only
    assert check_scope("hemangiopericytoma") is TumorFamily.MENINGEAL
    with pytest.raises(SchemaError, match="R-SCOPE-1"):
        check_scope("schwannoma")


def _nested_masks() -> dict[str, np.ndarray]:
    shape = (1, 1, 6)
    whole = np.array([[[0, 1, 1, 1, 1, 1]]])
    body = np.array([[[0, 0, 1, 1, 1, 0]]])
    non_enh = np.array([[[0, 0, 0, 1, 0, 0]]])
    enh = np.array([[[0, 0, 0, 0, 1, 0]]])
    assert whole.shape == shape
    return {"whole_tumor": whole, "tumor_body": body, "non_enhancing": non_enh, "enhancing": enh}


def test_the_combined_map_paints_innermost_last_and_gives_back_each_region() -> None:
    schema = get_schema("intra_axial")
    combined = combined_from_masks(_nested_masks(), schema)
    assert combined.ravel().tolist() == [0, 1, 2, 3, 4, 1]
    back = masks_from_combined(combined, schema)
    for key, mask in _nested_masks().items():
        assert np.array_equal(back[key], mask), key


def test_brats_2021_and_2023_mappings_round_trip_except_the_t2_only_tumor_body() -> None:
    schema = get_schema("intra_axial")
    combined = combined_from_masks(_nested_masks(), schema)
    assert to_brats2021(combined, schema).ravel().tolist() == [0, 2, 1, 1, 4, 2]
    assert to_brats2023(combined, schema).ravel().tolist() == [0, 2, 1, 1, 3, 2]
    for convention in (BRATS2021, BRATS2023):
        back = from_convention(to_convention(combined, convention, schema), convention)
        # documented loss: body-only (2) comes back as non-enhancing (3); all else is exact
        assert back.ravel().tolist() == [0, 1, 3, 3, 4, 1]
        assert any("T2-only" in loss for loss in convention.losses)
    brats = np.array([0, 1, 2, 4])
    assert np.array_equal(to_brats2021(from_convention(brats, BRATS2021), schema), brats)


def test_brats_meningioma_maps_the_consensus_edema_to_SNFH_and_is_for_the_meningeal_family() -> (
    None
):
    schema = get_schema("meningeal")
    combined = np.array([0, 1, 2, 3, 4])
    assert to_brats_meningioma(combined, schema).tolist() == [0, 2, 1, 1, 3]
    with pytest.raises(SchemaError):
        to_brats_meningioma(combined, get_schema("intra_axial"))


def test_a_label_value_without_a_mapping_is_refused_by_name() -> None:
    with pytest.raises(InvalidInputError, match=r"label values \[3\]"):
        from_convention(np.array([0, 1, 3]), BRATS2021)
