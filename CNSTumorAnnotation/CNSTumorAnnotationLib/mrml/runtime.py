"""The MRML runtime: one function that hands back a scene with the module logics registered.

Inside the Slicer application it returns ``slicer.mrmlScene`` and the application's logics.
Outside it (batch work, the web wizard, every test) it builds a ``vtkMRMLScene`` with an
application logic and the Colors, Volumes, Terminologies, Segmentations and Subject Hierarchy
module logics registered, as trame-slicer's ``SlicerApp`` does, so that the Segmentations
logic's import / export functions work on the real MRML C++ code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import slicer
import vtk

from CNSTumorAnnotationLib.mrml.vtk_messages import route_vtk_messages

TERMINOLOGY_DIR = Path(__file__).resolve().parents[2] / "Resources" / "Terminology"


@dataclass
class MRMLRuntime:
    """A scene and the module logics that operate on it (passed to every Lib function)."""

    scene: Any
    app_logic: Any
    volumes_logic: Any
    segmentations_logic: Any
    terminologies_logic: Any
    colors_logic: Any
    subject_hierarchy_logic: Any
    in_slicer_application: bool

    def close(self) -> None:
        """Remove every node from the scene (the scene object stays usable)."""
        self.scene.Clear(False)


def _slicer_application_runtime() -> MRMLRuntime | None:
    """The running Slicer application's scene and logics, or None outside the application."""
    scene = getattr(slicer, "mrmlScene", None)
    modules = getattr(slicer, "modules", None)
    app = getattr(slicer, "app", None)
    if scene is None or modules is None or app is None:
        return None
    return MRMLRuntime(
        scene=scene,
        app_logic=app.applicationLogic(),
        volumes_logic=modules.volumes.logic(),
        segmentations_logic=modules.segmentations.logic(),
        terminologies_logic=modules.terminologies.logic(),
        colors_logic=modules.colors.logic(),
        subject_hierarchy_logic=modules.subjecthierarchy.logic(),
        in_slicer_application=True,
    )


def _register(app_logic: Any, scene: Any, logic: Any, name: str, share_dir: Path | None) -> Any:
    if share_dir is not None:
        logic.SetModuleShareDirectory(str(share_dir))
    logic.SetMRMLApplicationLogic(app_logic)
    logic.SetMRMLScene(scene)
    app_logic.SetModuleLogic(name, logic)
    return logic


def create_runtime(*, force_headless: bool = False) -> MRMLRuntime:
    """Return the MRML runtime: Slicer's own inside the application, a new headless one outside.

    ``force_headless`` builds a fresh scene even inside Slicer (used by batch jobs that must not
    touch the user's scene).
    """
    if not force_headless:
        existing = _slicer_application_runtime()
        if existing is not None:
            return existing
    route_vtk_messages()  # expected headless messages to a log file, real ones to stderr
    scene = slicer.vtkMRMLScene()
    app_logic = slicer.vtkSlicerApplicationLogic()
    app_logic.SetMRMLScene(scene)
    app_logic.GetColorLogic().SetMRMLScene(scene)
    app_logic.GetColorLogic().AddDefaultColorNodes()
    app_logic.SetSliceLogics(vtk.vtkCollection())
    app_logic.SetViewLogics(vtk.vtkCollection())
    colors = _register(app_logic, scene, slicer.vtkSlicerColorLogic(), "Colors", None)
    volumes = _register(app_logic, scene, slicer.vtkSlicerVolumesLogic(), "Volumes", None)
    terminologies = _register(
        app_logic,
        scene,
        slicer.vtkSlicerTerminologiesModuleLogic(),
        "Terminologies",
        TERMINOLOGY_DIR,
    )
    segmentations = _register(
        app_logic, scene, slicer.vtkSlicerSegmentationsModuleLogic(), "Segmentations", None
    )
    subject_hierarchy = _register(
        app_logic, scene, slicer.vtkSlicerSubjectHierarchyModuleLogic(), "SubjectHierarchy", None
    )
    return MRMLRuntime(
        scene=scene,
        app_logic=app_logic,
        volumes_logic=volumes,
        segmentations_logic=segmentations,
        terminologies_logic=terminologies,
        colors_logic=colors,
        subject_hierarchy_logic=subject_hierarchy,
        in_slicer_application=False,
    )
