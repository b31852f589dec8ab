"""The really registered bundled case read once per module, raw and cleaned as an annotator would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import SimpleITK as sitk
from _selfcheck_helpers import RealInputs, cleaned_masks

from CNSTumorQCLib.sequences import MRSequence


@pytest.fixture(scope="module")
def real_inputs(annotated_case_template: Path, fixture_runtime: Any) -> RealInputs:
    """Masks, native volumes and registration of the really registered case (read-only)."""
    from CNSTumorAnnotationLib.case.folder import load_case, reference_image, region_masks
    from CNSTumorAnnotationLib.selfcheck.case_check import case_transforms

    case = load_case(annotated_case_template)
    return RealInputs(
        schema=case.schema,
        masks=region_masks(case, runtime=fixture_runtime),
        references={seq: reference_image(case, seq) for seq in case.volumes},
        transforms=case_transforms(case, MRSequence.FLAIR),
    )


@pytest.fixture(scope="module")
def clean_masks(real_inputs: RealInputs) -> dict[str, sitk.Image]:
    from CNSTumorAnnotationLib.case.registration import move_label

    return cleaned_masks(real_inputs, move_label)
