"""R-FMT-3: export names are patient + sequence + content, from a configurable, safe pattern."""

from __future__ import annotations

import pytest

from CNSTumorAnnotationLib.naming import (
    DEFAULT_PATTERN,
    NamingPolicy,
    clean_component,
    validate_pattern,
)
from CNSTumorQCLib.errors import InvalidInputError


def test_the_default_pattern_names_patient_sequence_and_content_per_R_FMT_3() -> None:
    policy = NamingPolicy()
    assert policy.pattern == DEFAULT_PATTERN
    name = policy.filename(".nii.gz", patient="P001", sequence="FLAIR", content="whole_tumor")
    # "_" separates the fields, so a field's own "_" becomes "-" and the name stays parseable.
    assert name == "P001_FLAIR_whole-tumor.nii.gz"
    assert name.removesuffix(".nii.gz").split("_") == ["P001", "FLAIR", "whole-tumor"]


def test_chinese_patient_names_are_kept_in_NFC_form() -> None:
    assert clean_component("王小明") == "王小明"
    assert clean_component("Ame\u0301lie") == "Amélie"  # a decomposed accent is composed
    assert NamingPolicy().stem(patient="患者 王", sequence="T1C", content="enhancing") == (
        "患者-王_T1C_enhancing"
    )


def test_ascii_only_writes_non_ascii_letters_as_code_points() -> None:
    assert clean_component("王1", ascii_only=True) == "u738b1"
    policy = NamingPolicy(ascii_only=True)
    assert policy.stem(patient="王", sequence="T2", content="tumor_body").isascii()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("  John   Smith  ", "John-Smith"),
        ('x<y>:"|?*z', "x-y-z"),
        ("tab\tnew\nline\x00nul", "tab-new-line-nul"),
        ("CON", "CON-"),
        ("..", None),
        ("///", None),
        ("", None),
    ],
)
def test_slashes_spaces_control_and_reserved_characters_never_reach_a_file_name(
    value: str, expected: str | None
) -> None:
    if expected is None:
        with pytest.raises(InvalidInputError, match="R-FMT-3"):
            clean_component(value)
        return
    cleaned = clean_component(value)
    assert cleaned == expected
    assert "/" not in cleaned and "\\" not in cleaned and " " not in cleaned and ".." not in cleaned


def test_a_pattern_without_patient_sequence_or_content_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="R-FMT-3.*sequence"):
        NamingPolicy(pattern="{patient}_{content}")


def test_a_pattern_with_an_unknown_field_or_a_slash_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="unknown field"):
        validate_pattern("{patient}_{sequence}_{content}_{date}")
    with pytest.raises(InvalidInputError, match="between fields"):
        validate_pattern("{patient}/{sequence}_{content}")


def test_a_pattern_may_add_case_version_and_annotator() -> None:
    policy = NamingPolicy(pattern="{case}-{patient}_{sequence}_{content}_{version}_{annotator}")
    stem = policy.stem(
        patient="P1", sequence="FLAIR", content="labels", case="C 7", version=3, annotator="dr li"
    )
    assert stem == "C-7-P1_FLAIR_labels_v0003_dr-li"
