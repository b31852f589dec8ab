"""The wizard's drawing guidance names each region's sequence, colour and rules (en / zh)."""

from __future__ import annotations

import pytest

from CNSTumorAnnotationLib.i18n import tr, using_language
from CNSTumorAnnotationLib.schemas import all_schemas, get_schema
from CNSTumorAnnotationLib.wizard.guidance import RULE_TEXTS, STEP_TITLES, step_guidance
from CNSTumorQCLib.errors import InvalidInputError


def test_meningeal_guidance_cites_R_SEG_6_for_edema_and_R_SEG_7_for_the_dural_tail() -> None:
    schema = get_schema("meningeal")
    edema = step_guidance("draw", "en", schema.region("edema"))
    assert edema.region["reference_sequence"] == "FLAIR" and edema.region["required"]
    assert [r for r, _ in edema.rules][:3] == ["R-SEG-6", "R-ANN-2", "R-ANN-3"]
    enhancing = dict(step_guidance("draw", "zh", schema.region("enhancing")).rules)
    assert "脑膜尾征" in enhancing["R-SEG-7"] and "无强化" in enhancing["R-ANN-4"]


def test_every_region_of_every_schema_and_every_step_has_guidance_in_both_languages() -> None:
    for schema in all_schemas():
        for region in schema.regions:
            for lang in ("en", "zh"):
                guidance = step_guidance("draw", lang, region)
                assert region.reference_sequence.value in guidance.title
                assert {"R-ANN-5", "R-ANN-6", "R-ANN-7", "R-ANN-8", "R-ANN-9"} <= {
                    r for r, _ in guidance.rules
                }
    for step in STEP_TITLES:
        if step != "draw":
            assert step_guidance(step, "zh").title
    with using_language("zh"):
        chinese = {rule: tr(text) for rule, text in RULE_TEXTS.items()}
    assert all(text and chinese[rule] != text for rule, text in RULE_TEXTS.items())
    with pytest.raises(InvalidInputError, match="language"):
        step_guidance("save", "fr")
