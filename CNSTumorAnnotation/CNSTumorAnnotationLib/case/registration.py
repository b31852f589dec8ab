"""Co-registration with SimpleITK: sequences of a case to FLAIR, and an atlas space to native FLAIR.

- Sequences of one case (R-SEG-2: consult the others while drawing; labels move between
  reference sequences): rigid (Euler 3D), Mattes mutual information, 3 levels, FLAIR fixed.
  Quality is reported as Mattes mutual information before and after (every voxel of the
  binned working images, in nats,
  higher is better) and the rigid motion found.
- An atlas space (the bundled case's SRI-24, skull-stripped, 1 mm) to the native FLAIR (with
  skull): Mattes MI restricted to the moving image's brain mask, rigid then affine, 3 levels
  (docs/architecture.md: rigid alone is not enough for an atlas space).

Transforms follow SimpleITK: ``T`` maps points of the fixed (FLAIR) space into the moving space,
so ``Resample(moving_image, fixed_grid, T)`` brings a moving image onto the fixed grid.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.progress import steps
from CNSTumorQCLib.sequences import MRSequence

REGISTRATION_VERSION = "cnstumor-registration-1.0"
FIXED_SEQUENCE = MRSequence.FLAIR
SEED = 20211  # fixed sampling seed: the same inputs give the same transform


@dataclass(frozen=True)
class RegistrationQuality:
    """What one registration achieved (stamped into case.json)."""

    moving: str
    fixed: str
    kind: str
    mutual_information_before: float
    mutual_information_after: float
    iterations: int
    stop_condition: str
    translation_mm: float
    rotation_deg: float
    seconds: float

    @property
    def improved(self) -> bool:
        return self.mutual_information_after >= self.mutual_information_before

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["improved"] = self.improved
        return record


def _float(image: sitk.Image) -> sitk.Image:
    return sitk.Cast(image, sitk.sitkFloat32)


#: Voxel edge (mm) below which an axis is binned by 2 before registering: the metric then runs
#: on about 2 mm voxels in plane, which is what aligning whole heads needs, at a quarter of the cost.
BIN_BELOW_MM = 1.5


def working_image(image: sitk.Image) -> sitk.Image:
    """A float copy binned by 2 along every axis finer than ``BIN_BELOW_MM`` (same physical space)."""
    factors = [2 if s < BIN_BELOW_MM else 1 for s in image.GetSpacing()]
    floated = _float(image)
    return sitk.BinShrink(floated, factors) if max(factors) > 1 else floated


def mutual_information(
    fixed: sitk.Image,
    moving: sitk.Image,
    transform: sitk.Transform,
    moving_mask: sitk.Image | None = None,
) -> float:
    """Mattes mutual information (nats, higher is better) of ``moving`` through ``transform``."""
    method = sitk.ImageRegistrationMethod()
    method.SetMetricAsMattesMutualInformation(numberOfHistogramBins=50)
    method.SetMetricSamplingStrategy(method.NONE)
    method.SetInterpolator(sitk.sitkLinear)
    if moving_mask is not None:
        method.SetMetricMovingMask(moving_mask)
    method.SetInitialTransform(transform, inPlace=False)
    return -float(method.MetricEvaluate(_float(fixed), _float(moving)))


def _method(
    levels: int = 3, iterations: int = 100, sampling: float = 0.2
) -> sitk.ImageRegistrationMethod:
    method = sitk.ImageRegistrationMethod()
    method.SetMetricAsMattesMutualInformation(numberOfHistogramBins=50)
    method.SetMetricSamplingStrategy(method.RANDOM)
    method.SetMetricSamplingPercentage(sampling, SEED)
    method.SetInterpolator(sitk.sitkLinear)
    method.SetOptimizerAsRegularStepGradientDescent(
        learningRate=1.0, minStep=1e-4, numberOfIterations=iterations, relaxationFactor=0.6
    )
    method.SetOptimizerScalesFromPhysicalShift()
    factors = [2**i for i in reversed(range(levels))]
    method.SetShrinkFactorsPerLevel(factors)
    method.SetSmoothingSigmasPerLevel([float(f) / 2 for f in factors])
    method.SmoothingSigmasAreSpecifiedInPhysicalUnitsOff()
    return method


def _motion(transform: sitk.Transform) -> tuple[float, float]:
    """Translation (mm) and rotation angle (degrees) of a rigid or affine transform's linear part."""
    params = sitk.AffineTransform(3)
    try:
        euler = sitk.Euler3DTransform(transform)
        matrix = np.array(euler.GetMatrix()).reshape(3, 3)
        translation = np.array(euler.GetTranslation())
    except (RuntimeError, TypeError):
        params = sitk.AffineTransform(transform)
        matrix = np.array(params.GetMatrix()).reshape(3, 3)
        translation = np.array(params.GetTranslation())
    u, _, vt = np.linalg.svd(matrix)
    rotation = u @ vt
    angle = np.degrees(np.arccos(np.clip((np.trace(rotation) - 1) / 2, -1.0, 1.0)))
    return float(np.linalg.norm(translation)), float(angle)


def register_rigid(
    fixed: sitk.Image, moving: sitk.Image, *, moving_name: str = "", fixed_name: str = ""
) -> tuple[sitk.Euler3DTransform, RegistrationQuality]:
    """Rigid Mattes-MI registration of ``moving`` onto ``fixed`` (geometry-centred start)."""
    import time

    start = time.perf_counter()
    fixed_f, moving_f = working_image(fixed), working_image(moving)
    initial = sitk.CenteredTransformInitializer(
        fixed_f, moving_f, sitk.Euler3DTransform(), sitk.CenteredTransformInitializerFilter.GEOMETRY
    )
    identity = sitk.Euler3DTransform(initial)
    identity.SetParameters((0, 0, 0, 0, 0, 0))
    before = mutual_information(fixed_f, moving_f, identity)
    method = _method()
    method.SetInitialTransform(sitk.Euler3DTransform(initial), inPlace=False)
    result = method.Execute(fixed_f, moving_f)
    transform = sitk.Euler3DTransform(sitk.CompositeTransform(result).GetNthTransform(0))
    after = mutual_information(fixed_f, moving_f, transform)
    if after < before:  # never make alignment worse: scanner geometry was better
        transform = identity
        after = before
    translation, rotation = _motion(transform)
    quality = RegistrationQuality(
        moving_name, fixed_name, "rigid", before, after, method.GetOptimizerIteration(),
        method.GetOptimizerStopConditionDescription(), translation, rotation,
        time.perf_counter() - start,
    )  # fmt: skip
    return transform, quality


def brain_mask_of_stripped(image: sitk.Image) -> sitk.Image:
    """The brain mask of a skull-stripped image: its non-zero voxels, holes filled."""
    mask = sitk.Cast(image > 0, sitk.sitkUInt8)
    return sitk.BinaryFillhole(mask)


def register_atlas_to_native(
    native_flair: sitk.Image, atlas_flair: sitk.Image
) -> tuple[sitk.Transform, RegistrationQuality]:
    """Affine map from native FLAIR space into a skull-stripped atlas space (rigid, then affine).

    Mattes MI is measured inside the atlas brain mask only, since the native image keeps the
    skull and scalp the atlas lacks.
    """
    import time

    start = time.perf_counter()
    fixed_f, moving_f = working_image(native_flair), working_image(atlas_flair)
    mask = brain_mask_of_stripped(moving_f)
    if sitk.GetArrayViewFromImage(mask).sum() == 0:
        raise InvalidInputError(tr("the atlas FLAIR has no non-zero (brain) voxels"))
    initial = sitk.CenteredTransformInitializer(
        fixed_f, moving_f, sitk.Euler3DTransform(), sitk.CenteredTransformInitializerFilter.GEOMETRY
    )
    before = mutual_information(fixed_f, moving_f, initial, mask)
    rigid_method = _method()
    rigid_method.SetMetricMovingMask(mask)
    rigid_method.SetInitialTransform(sitk.Euler3DTransform(initial), inPlace=False)
    rigid = sitk.CompositeTransform(rigid_method.Execute(fixed_f, moving_f)).GetNthTransform(0)
    affine = sitk.AffineTransform(3)
    rigid_euler = sitk.Euler3DTransform(rigid)
    affine.SetMatrix(rigid_euler.GetMatrix())
    affine.SetTranslation(rigid_euler.GetTranslation())
    affine.SetCenter(rigid_euler.GetCenter())
    affine_method = _method()
    affine_method.SetMetricMovingMask(mask)
    affine_method.SetInitialTransform(affine, inPlace=False)
    result = affine_method.Execute(fixed_f, moving_f)
    transform = sitk.AffineTransform(sitk.CompositeTransform(result).GetNthTransform(0))
    after = mutual_information(fixed_f, moving_f, transform, mask)
    translation, rotation = _motion(transform)
    quality = RegistrationQuality(
        "atlas FLAIR", "native FLAIR", "rigid+affine", before, after,
        rigid_method.GetOptimizerIteration() + affine_method.GetOptimizerIteration(),
        affine_method.GetOptimizerStopConditionDescription(), translation, rotation,
        time.perf_counter() - start,
    )  # fmt: skip
    return transform, quality


def transforms_dir(case: Any) -> Path:
    return Path(case.root) / "transforms"


def sequence_transform_path(case: Any, sequence: MRSequence) -> Path:
    """``transforms/<SEQ>_to_FLAIR.tfm``: maps FLAIR-space points into ``sequence``'s space."""
    return transforms_dir(case) / f"{sequence.value}_to_{FIXED_SEQUENCE.value}.tfm"


def _write_transform(transform: sitk.Transform, path: Path) -> None:
    from CNSTumorQCLib.atomic import write_with_atomic

    write_with_atomic(path, lambda tmp: sitk.WriteTransform(transform, str(tmp)))


def register_case_sequences(case: Any) -> dict[str, Any]:
    """Register every sequence of the case to FLAIR, save the transforms, record the quality."""
    from CNSTumorAnnotationLib.case.folder import reference_image, write_case_record

    if FIXED_SEQUENCE not in case.volumes:
        raise InvalidInputError(tr("co-registration needs a FLAIR volume"), case.case_file)
    fixed = reference_image(case, FIXED_SEQUENCE)
    report: dict[str, Any] = {"version": REGISTRATION_VERSION, "fixed": FIXED_SEQUENCE.value}
    sequences: dict[str, Any] = {}
    moving = [s for s in case.volumes if s is not FIXED_SEQUENCE]
    for sequence in steps(moving, tr("co-registering to FLAIR"), unit="sequence"):
        transform, quality = register_rigid(
            fixed, reference_image(case, sequence), moving_name=sequence.value, fixed_name="FLAIR"
        )
        path = sequence_transform_path(case, sequence)
        _write_transform(transform, path)
        sequences[sequence.value] = {
            "transform": str(path.relative_to(case.root)),
            **quality.to_dict(),
        }
    report["sequences"] = sequences
    case.registration = report
    write_case_record(case)
    return report


def sequence_transform(case: Any, sequence: MRSequence) -> sitk.Transform:
    """FLAIR-space -> ``sequence``-space transform (identity for FLAIR or an unregistered case)."""
    if sequence is FIXED_SEQUENCE:
        return sitk.Euler3DTransform()
    path = sequence_transform_path(case, sequence)
    if not path.is_file():
        return sitk.Euler3DTransform()
    return read_transform_file(path)


def read_transform_file(path: Path) -> sitk.Transform:
    """An ITK transform file, or one clear error naming it when SimpleITK cannot read it."""
    try:
        return sitk.ReadTransform(str(path))
    except RuntimeError as error:
        raise InvalidInputError(
            tr("SimpleITK cannot read the transform ({error})", error=error), path
        ) from None


def move_label(
    label: sitk.Image,
    source_to_flair: sitk.Transform,
    target_grid: sitk.Image,
    target_to_flair: sitk.Transform,
) -> sitk.Image:
    """Move a label map between sequences of one case (nearest neighbour).

    ``X_to_flair`` is each sequence's stored transform (FLAIR points -> X points).
    """
    composite = sitk.CompositeTransform(3)
    composite.AddTransform(source_to_flair)
    composite.AddTransform(target_to_flair.GetInverse())
    return sitk.Resample(
        label, target_grid, composite, sitk.sitkNearestNeighbor, 0, label.GetPixelID()
    )
