"""The wizard's Save: what is drawn in the MRML scene becomes a new version (R-ANN-8, R-FLOW-1)."""

from __future__ import annotations

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import load_case, region_masks
from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene, save_scene_annotation
from CNSTumorAnnotationLib.mrml.segmentation import segment_voxel_count, set_segment_mask
from CNSTumorQCLib.errors import InvalidInputError

pytestmark = pytest.mark.mrml


@pytest.mark.slow
def test_the_scene_reads_back_the_loaded_version_voxel_for_voxel(
    small_annotated_case, mrml_runtime
):
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    saved = region_masks(small_annotated_case, loaded.version.version, runtime=mrml_runtime)
    for key, mask in masks_from_scene(loaded).items():
        np.testing.assert_array_equal(
            sitk.GetArrayFromImage(mask), sitk.GetArrayFromImage(saved[key]), err_msg=key
        )


@pytest.mark.slow
def test_an_edit_in_the_scene_is_saved_as_a_new_version_with_its_parent(
    small_annotated_case, mrml_runtime
):
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    parent = loaded.version.version
    before = region_masks(small_annotated_case, parent, runtime=mrml_runtime)["enhancing"]
    edited = sitk.GetArrayFromImage(before)
    k = int(np.nonzero(edited.any(axis=(1, 2)))[0][0])
    edited[k] = 0  # the annotator erases the first enhancing slice
    image = sitk.GetImageFromArray(edited)
    image.CopyInformation(before)
    node = loaded.segmentation_for("enhancing")
    set_segment_mask(node, node.GetSegmentation().GetSegmentIdBySegmentName("enhancing"), image)

    version = save_scene_annotation(loaded, "dr_li", mrml_runtime)

    assert version.version == parent + 1 and version.parent == parent
    assert version.annotator == "dr_li"
    case = load_case(small_annotated_case.root)
    after = sitk.GetArrayFromImage(
        region_masks(case, version.version, runtime=mrml_runtime)["enhancing"]
    )
    assert not after[k].any()
    assert after.sum() == edited.sum()
    unchanged = sitk.GetArrayFromImage(
        region_masks(case, parent, runtime=mrml_runtime)["enhancing"]
    )
    assert unchanged[k].any(), "the parent version is never overwritten"


@pytest.mark.slow
def test_saving_without_an_annotator_is_refused(small_annotated_case, mrml_runtime):
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    with pytest.raises(InvalidInputError, match="R-FLOW-1"):
        save_scene_annotation(loaded, "  ", mrml_runtime)


@pytest.mark.slow
def test_a_registered_case_reads_back_on_each_native_grid_not_through_its_display_transform(
    annotated_case, mrml_runtime
):
    """R-ANN-8: the scene places T2 and T1C in the FLAIR frame with transform nodes for display;
    reading a segment back must ignore them, or every saved version would drift by the
    registration (17 degrees for T2 in the bundled case)."""
    loaded = load_case_into_scene(annotated_case, mrml_runtime)
    assert loaded.transform_nodes, "the bundled case is co-registered"
    saved = region_masks(annotated_case, loaded.version.version, runtime=mrml_runtime)
    for key, mask in masks_from_scene(loaded).items():
        np.testing.assert_array_equal(
            sitk.GetArrayFromImage(mask), sitk.GetArrayFromImage(saved[key]), err_msg=key
        )


def test_a_segment_s_voxel_count_is_its_mask_s_sum_beside_a_segment_sharing_its_layer(
    small_annotated_case, mrml_runtime
):
    loaded = load_case_into_scene(small_annotated_case, mrml_runtime)
    saved = region_masks(small_annotated_case, loaded.version.version, runtime=mrml_runtime)
    node = loaded.segmentation_for("enhancing")
    segmentation = node.GetSegmentation()
    for key in ("enhancing", "non_enhancing"):
        segment_id = segmentation.GetSegmentIdBySegmentName(key)
        expected = int(sitk.GetArrayViewFromImage(saved[key]).sum())
        assert segment_voxel_count(node, segment_id) == expected, key
    assert segment_voxel_count(node, segmentation.GetSegmentIdBySegmentName("enhancing")) > 0
