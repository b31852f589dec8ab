"""The suggested grade and every metric of real volumes, pinned to their recorded values.

The values were recorded with the straightforward metrics code, before it was made cheaper;
cheaper implementations (labelled hole filling, openings on the mask's bounding box, no
full-volume casts, FWHM on the read slices only) must give the same grade, the same reasons
and the same metrics within float noise (relative 1e-6) on the bundled TCGA native T1 and
FLAIR, the ICBM152 avg152T1 and MNI152 2009a templates, the Siemens XA30 T1 (a grade-2 series
with a non-zero QI1) and a ghosted, noisy copy of the TCGA T1 (grade 1) (R-QC-1, R-QC-3).
Re-pinned deliberately once, for grade table ``quality-grade-2026.11-4``: ``inu_range`` comes
from N4 (``bias_field.py``), and Otsu's threshold of the head mask is computed with numpy (the
same bin as SimpleITK's filter, tested) on a 50,000-voxel subsample. The grades and reasons did
not change; the other metrics moved by under 10 %. Grade table ``quality-grade-2026.12-5`` added
the metal / susceptibility metrics (``metal_void_*``): 0 (no artifact) on every pinned volume, no
other value changed.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorQCLib.quality.grading import GradeSuggestion, suggest_grade
from CNSTumorQCLib.quality.head_mask import _head_from_bright, binary_opening_near
from CNSTumorQCLib.sequences import MRSequence

PINNED: dict[str, tuple[int, dict[str, float | None]]] = {
    "tcga_native_T1": (
        3,
        {
            "snr": 9.087912453564261,
            "snrd": 45.87266012269881,
            "efc": 0.5619521698288065,
            "fber": 2025.0,
            "qi1": 0.0,
            "fwhm_x_mm": 1.2915352033551704,
            "fwhm_y_mm": 1.4891640536667698,
            "fwhm_z_mm": 4.119895964384289,
            "fwhm_inplane_vox": 1.547519586516558,
            "inu_range": 0.4190072188591213,
            "head_fov_fraction": 0.46951461624313184,
            "edge_truncation": 0.09795673076923077,
            "superior_truncation": 0.39778863461043973,
            "wrap": 0.0037560096153846155,
            "ghost": 0.008012311207178527,
            "stair_step": 0.05309178476690405,
            "slice_anisotropy": 6.121735945991848,
            "has_air": 1.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
    "tcga_native_FLAIR": (
        3,
        {
            "snr": 7.211011343687586,
            "snrd": 46.236702223283494,
            "efc": 0.6178472122233767,
            "fber": 1100.0277777777778,
            "qi1": 0.0,
            "fwhm_x_mm": 1.1466410056100165,
            "fwhm_y_mm": 1.279364400664504,
            "fwhm_z_mm": 3.868795995548825,
            "fwhm_inplane_vox": 1.3501247478397331,
            "inu_range": 0.3477487646855062,
            "head_fov_fraction": 0.502712994637574,
            "edge_truncation": 0.0,
            "superior_truncation": 0.4262654958677686,
            "wrap": 0.0,
            "ghost": 0.009160131991851714,
            "stair_step": 0.03568327513282831,
            "slice_anisotropy": 6.121740191915761,
            "has_air": 1.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
    "icbm152_avg152T1": (
        3,
        {
            "snr": 112.77491791903503,
            "snrd": 54.37880716375597,
            "efc": 0.7321035596630272,
            "fber": 169.00000514753594,
            "qi1": 0.0,
            "fwhm_x_mm": 3.898858679798657,
            "fwhm_y_mm": 4.912041323952461,
            "fwhm_z_mm": 5.587409418170242,
            "fwhm_inplane_vox": 2.2027250009377797,
            "inu_range": 0.40668531604093316,
            "head_fov_fraction": 0.5022805604517471,
            "edge_truncation": 0.0008453085376162299,
            "superior_truncation": 0.0,
            "wrap": 0.0,
            "ghost": 0.013171177634805211,
            "stair_step": 0.009971151241490745,
            "slice_anisotropy": 1.0,
            "has_air": 1.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
    "mni152_2009a_T1": (
        3,
        {
            "snr": 49.48733109101461,
            "snrd": None,
            "efc": None,
            "fber": None,
            "qi1": None,
            "fwhm_x_mm": 1.9314488403737902,
            "fwhm_y_mm": 2.135422360288785,
            "fwhm_z_mm": 2.0061158558849788,
            "fwhm_inplane_vox": 2.0334356003312877,
            "inu_range": 0.10742307003417295,
            "head_fov_fraction": 0.1990984973441114,
            "edge_truncation": 0.0,
            "superior_truncation": 0.0,
            "wrap": 0.0,
            "ghost": None,
            "stair_step": 0.0065793583260593995,
            "slice_anisotropy": 1.0,
            "has_air": 0.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
    "xa30_T1": (
        2,
        {
            "snr": 18.244316688632853,
            "snrd": 108.35988199269151,
            "efc": 0.45474745678301415,
            "fber": 9801.0,
            "qi1": 0.022426795473459337,
            "fwhm_x_mm": 2.182486237802852,
            "fwhm_y_mm": 3.0042021698942056,
            "fwhm_z_mm": 2.1404621998639977,
            "fwhm_inplane_vox": 1.2966721019242644,
            "inu_range": 0.6672416537441948,
            "head_fov_fraction": 0.22196515401204428,
            "edge_truncation": 0.008056640625,
            "superior_truncation": 0.0,
            "wrap": 0.0,
            "ghost": 0.027749127749010494,
            "stair_step": 0.09256630465291893,
            "slice_anisotropy": 1.0000005263157894,
            "has_air": 1.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
    "tcga_native_T1_ghosted_noisy": (
        1,
        {
            "snr": 5.150153791750212,
            "snrd": 4.937762735008906,
            "efc": 0.6857427709473405,
            "fber": 35.11400718096967,
            "qi1": 0.0,
            "fwhm_x_mm": 0.9504387350723664,
            "fwhm_y_mm": 1.0044790194040765,
            "fwhm_z_mm": 3.6951481372915267,
            "fwhm_inplane_vox": 1.0879542285781945,
            "inu_range": 0.3406338646313076,
            "head_fov_fraction": 0.45399424793956045,
            "edge_truncation": 0.09314903846153846,
            "superior_truncation": 0.40059539218224177,
            "wrap": 0.004356971153846154,
            "ghost": 0.09202959776908529,
            "stair_step": 0.08818258446031184,
            "slice_anisotropy": 6.121735945991848,
            "has_air": 1.0,
            "metal_void_ml": 0.0,
            "metal_void_core_ml": 0.0,
            "metal_void_slice": None,
        },
    ),
}
PINNED_REASON_STARTS = {
    "xa30_T1": ["grade 2: ghosting along the superior-inferior (phase-encoding) direction"],
    "tcga_native_T1_ghosted_noisy": [
        "grade 1: low signal-to-noise ratio (SNRd 4.9 < 6)",
        "grade 1: weak head-to-background contrast",
        "grade 2: ghosting along the anterior-posterior (phase-encoding) direction",
    ],
}


def _ghosted_noisy(t1: sitk.Image) -> sitk.Image:
    """A quarter-intensity half-FOV ghost along anterior-posterior plus noise (fixed seed)."""
    array = sitk.GetArrayFromImage(t1).astype(np.float32)
    rng = np.random.default_rng(20261125)
    ghosted = array + 0.25 * np.roll(array, array.shape[1] // 2, axis=1)
    noise = rng.normal(0.0, 0.04 * float(array.max()), array.shape)
    image = sitk.GetImageFromArray(np.abs(ghosted + noise).astype(np.float32))
    image.CopyInformation(t1)
    return image


def _read(name: str, sample_case: Path, shared_data: Path) -> sitk.Image:
    if name.startswith("tcga_native_"):
        sequence = name.split("_")[2]
        image = sitk.ReadImage(str(sample_case / "native" / f"{sequence}.nii.gz"))
        return _ghosted_noisy(image) if name.endswith("ghosted_noisy") else image
    if name == "icbm152_avg152T1":
        return sitk.ReadImage(str(shared_data / "icbm152_avg_spm12" / "avg152T1.nii"))
    if name == "mni152_2009a_T1":
        folder = shared_data / "mni_icbm152_2009a_nilearn"
        return sitk.ReadImage(str(folder / "mni_icbm152_t1_tal_nlin_sym_09a_converted.nii.gz"))
    reader = sitk.ImageSeriesReader()
    folder = shared_data / "dcm_qa_xa30" / "In" / "5_anat-T1w_acq-tfl"
    reader.SetFileNames(reader.GetGDCMSeriesFileNames(str(folder)))
    return reader.Execute()


@pytest.mark.parametrize("name", sorted(PINNED))
def test_the_grade_and_every_metric_of_a_real_volume_match_their_recorded_values(
    name: str, sample_case: Path, shared_data: Path
) -> None:
    grade, metrics = PINNED[name]
    sequence = MRSequence.FLAIR if name.endswith("FLAIR") else MRSequence.T1
    suggestion: GradeSuggestion = suggest_grade(_read(name, sample_case, shared_data), sequence)
    assert suggestion.grade == grade
    assert set(suggestion.metrics) == set(metrics)
    for key, expected in metrics.items():
        value = suggestion.metrics[key]
        if expected is None:
            assert math.isnan(value), f"{key}: expected NaN, got {value}"
        else:
            assert value == pytest.approx(expected, rel=1e-6, abs=1e-12), key
    starts = PINNED_REASON_STARTS.get(name, ["no quality problem detected by the metrics"])
    assert len(suggestion.reasons) >= len(starts)
    for reason, start in zip(suggestion.reasons, starts, strict=False):
        assert reason.startswith(start)


def _whole_grid_head(bright: np.ndarray) -> np.ndarray:
    """The head recipe on the whole grid with scipy's iterated hole filling (the reference)."""
    closed = ndimage.binary_closing(np.pad(bright, 1, mode="edge"), iterations=1)[1:-1, 1:-1, 1:-1]
    filled = closed.copy()
    for axis in range(3):
        structure = np.zeros((3, 3, 3), dtype=bool)
        index: list[slice | int] = [slice(None)] * 3
        index[axis] = 1
        structure[tuple(index)] = ndimage.generate_binary_structure(2, 1)
        filled |= ndimage.binary_fill_holes(closed, structure=structure)
    labels, count = ndimage.label(filled)
    if count <= 1:
        return filled
    sizes = np.bincount(labels.ravel())
    sizes[0] = 0
    return labels == int(np.argmax(sizes))


@pytest.mark.parametrize("seed", range(6))
def test_the_boxed_head_recipe_equals_the_whole_grid_recipe_on_random_shells(seed: int) -> None:
    """Hollow noisy shells, some cut by the grid edge, plus scattered specks."""
    rng = np.random.default_rng(seed)
    shape = (24, 40, 36)
    k, j, i = np.indices(shape)
    centre = rng.uniform(0, 1, 3) * np.array(shape) * [1.2, 1.0, 1.0]
    radius = np.sqrt(((k - centre[0]) * 1.5) ** 2 + (j - centre[1]) ** 2 + (i - centre[2]) ** 2)
    bright = (np.abs(radius - rng.uniform(8, 14)) < 2.0) & (rng.random(shape) > 0.15)
    bright |= rng.random(shape) > 0.999
    assert np.array_equal(_head_from_bright(bright), _whole_grid_head(bright))
    assert np.array_equal(
        binary_opening_near(~bright, 2), ndimage.binary_opening(~bright, iterations=2)
    )
    specks = rng.random(shape) > 0.995
    assert np.array_equal(binary_opening_near(specks), ndimage.binary_opening(specks))
