"""The headless MRML runtime does real MRML work, checked with independent readers."""

from __future__ import annotations

import nibabel as nib
import numpy as np
import pytest
import SimpleITK as sitk
import slicer
import vtk

from CNSTumorAnnotationLib.mrml import io as mrml_io
from CNSTumorAnnotationLib.mrml.runtime import create_runtime
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

pytestmark = pytest.mark.mrml


@pytest.fixture
def a_flair_volume(mrml_runtime, sample_case):
    return mrml_io.load_volume(mrml_runtime, sample_case / "native" / "FLAIR.nii.gz", "FLAIR")


@pytest.fixture
def a_label_array(a_flair_volume):
    """Two labels in a block of the FLAIR's voxel grid (KJI)."""
    array = np.zeros_like(mrml_io.array_from_volume(a_flair_volume), dtype=np.int16)
    array[10:14, 100:130, 80:110] = 1
    array[11:13, 110:120, 90:100] = 4
    return array


def test_the_runtime_registers_the_module_logics_on_one_real_scene(mrml_runtime):
    assert isinstance(mrml_runtime.scene, slicer.vtkMRMLScene)
    assert not mrml_runtime.in_slicer_application
    for name in ("Volumes", "Segmentations", "Colors", "Terminologies", "SubjectHierarchy"):
        logic = mrml_runtime.app_logic.GetModuleLogic(name)
        assert logic is not None, name
        assert logic.GetMRMLScene() is mrml_runtime.scene, name


def test_two_runtimes_do_not_share_a_scene():
    first, second = create_runtime(force_headless=True), create_runtime(force_headless=True)
    first.scene.AddNewNodeByClass("vtkMRMLScalarVolumeNode", "only-in-first")
    assert second.scene.GetFirstNodeByName("only-in-first") is None


def _ijk_to_ras(node) -> np.ndarray:
    matrix = vtk.vtkMatrix4x4()
    node.GetIJKToRASMatrix(matrix)
    return np.array([[matrix.GetElement(r, c) for c in range(4)] for r in range(4)])


def _values_at_mrml_voxels(node, image: nib.Nifti1Image) -> np.ndarray:
    """The file's voxel values at the physical place of each MRML voxel (flattened KJI order).

    Fails when a MRML voxel centre does not fall exactly on one of the file's voxel centres.
    """
    k, j, i = np.indices(mrml_io.array_from_volume(node).shape).reshape(3, -1)
    ras = _ijk_to_ras(node) @ np.vstack([i, j, k, np.ones_like(i)])
    file_ijk = np.linalg.inv(image.affine) @ ras
    np.testing.assert_allclose(file_ijk, np.round(file_ijk), atol=1e-3)
    fi, fj, fk = np.round(file_ijk[:3]).astype(int)
    return np.asarray(image.dataobj)[fi, fj, fk]


def _as_nifti(image: sitk.Image) -> nib.Nifti1Image:
    """A SimpleITK image (LPS) as a nibabel image with its RAS affine: an independent geometry reader."""
    direction = np.array(image.GetDirection()).reshape(3, 3)
    affine = np.eye(4)
    affine[:3, :3] = direction * np.array(image.GetSpacing())
    affine[:3, 3] = image.GetOrigin()
    affine = np.diag([-1.0, -1.0, 1.0, 1.0]) @ affine  # LPS -> RAS
    return nib.Nifti1Image(sitk.GetArrayFromImage(image).transpose(2, 1, 0), affine)


@pytest.mark.slow
def test_a_nifti_volume_loads_with_the_geometry_nibabel_reads(a_flair_volume, sample_case):
    """Every MRML voxel sits at the physical (RAS) place where nibabel has the same intensity.

    MRML may store the slices in the opposite order from the file (it did for this oblique
    volume), so the check is done voxel by voxel in physical space, not on the raw affine.
    """
    image = nib.load(sample_case / "native" / "FLAIR.nii.gz")
    assert a_flair_volume.GetImageData().GetDimensions() == image.shape
    np.testing.assert_allclose(a_flair_volume.GetSpacing(), image.header.get_zooms(), atol=1e-5)
    mrml_voxels = mrml_io.array_from_volume(a_flair_volume)  # KJI
    np.testing.assert_array_equal(
        mrml_voxels.ravel(), _values_at_mrml_voxels(a_flair_volume, image)
    )


def test_a_nrrd_volume_written_by_simpleitk_loads_with_its_origin(mrml_runtime, tmp_path):
    image = sitk.Image(20, 30, 10, sitk.sitkInt16)
    image.SetSpacing((0.5, 0.75, 2.0))
    image.SetOrigin((10.0, -20.0, 30.0))
    path = tmp_path / "phantom.nrrd"
    sitk.WriteImage(image, str(path))
    node = mrml_io.load_volume(mrml_runtime, path)
    assert node.GetImageData().GetDimensions() == (20, 30, 10)
    np.testing.assert_allclose(node.GetSpacing(), (0.5, 0.75, 2.0))
    # SimpleITK writes LPS; MRML holds RAS: x and y flip sign.
    np.testing.assert_allclose(node.GetOrigin(), (-10.0, 20.0, 30.0))


def test_a_segmentation_created_on_a_volume_takes_its_geometry(
    mrml_runtime, a_flair_volume, a_label_array
):
    segmentation = mrml_io.create_segmentation(mrml_runtime, a_flair_volume, "FLAIR segmentation")
    labelmap = mrml_io.labelmap_from_array(mrml_runtime, a_label_array, a_flair_volume)
    new_ids = mrml_io.import_labelmap(mrml_runtime, labelmap, segmentation)
    assert len(new_ids) == 2
    exported = mrml_io.export_labelmap(mrml_runtime, segmentation, a_flair_volume, new_ids)
    assert exported.GetImageData().GetDimensions() == a_flair_volume.GetImageData().GetDimensions()
    result = mrml_io.array_from_volume(exported)
    assert np.count_nonzero(result == 1) == np.count_nonzero(a_label_array == 1)
    assert np.count_nonzero(result == 2) == np.count_nonzero(a_label_array == 4)


@pytest.mark.slow
def test_exported_nifti_and_seg_nrrd_keep_geometry_and_labels(
    mrml_runtime, a_flair_volume, a_label_array, sample_case, tmp_path
):
    segmentation = mrml_io.create_segmentation(mrml_runtime, a_flair_volume, "seg")
    mrml_io.import_labelmap(
        mrml_runtime,
        mrml_io.labelmap_from_array(mrml_runtime, a_label_array, a_flair_volume),
        segmentation,
    )
    labelmap = mrml_io.export_labelmap(mrml_runtime, segmentation, a_flair_volume)
    nifti_path = mrml_io.write_node(labelmap, tmp_path / "P1_FLAIR_labels.nii.gz")
    seg_path = mrml_io.write_node(segmentation, tmp_path / "P1_FLAIR_annotation.seg.nrrd")

    written = nib.load(nifti_path)
    labels_at_voxels = _values_at_mrml_voxels(a_flair_volume, written)
    expected = np.select([a_label_array == 1, a_label_array == 4], [1, 2], 0).ravel()
    np.testing.assert_array_equal(labels_at_voxels, expected)

    seg_itk = sitk.ReadImage(str(seg_path))
    seg_labels = _values_at_mrml_voxels(a_flair_volume, _as_nifti(seg_itk))
    np.testing.assert_array_equal(seg_labels > 0, expected > 0)
    reader = sitk.ImageFileReader()
    reader.SetFileName(str(seg_path))
    reader.ReadImageInformation()
    names = {reader.GetMetaData(k) for k in reader.GetMetaDataKeys() if k.endswith("_Name")}
    assert len(names) == 2

    reloaded = mrml_io.load_segmentation(mrml_runtime, seg_path)
    assert reloaded.GetSegmentation().GetNumberOfSegments() == 2
    assert not list(tmp_path.glob(".*")), "no temporary file left behind"


def test_a_missing_or_unsupported_file_is_named_in_the_error(mrml_runtime, tmp_path):
    with pytest.raises(MissingInputError, match="absent.nii.gz"):
        mrml_io.load_volume(mrml_runtime, tmp_path / "absent.nii.gz")
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    with pytest.raises(InvalidInputError, match="notes.txt"):
        mrml_io.load_volume(mrml_runtime, text)
    broken = tmp_path / "broken.nii.gz"
    broken.write_bytes(b"\x1f\x8b garbage")
    with pytest.raises(InvalidInputError, match="broken.nii.gz"):
        mrml_io.load_volume(mrml_runtime, broken)
