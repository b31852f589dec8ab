"""The schemas as Slicer files: terminology context and colour tables, loaded by Slicer's own code."""

from __future__ import annotations

import pytest
import slicer
import vtk

from CNSTumorAnnotationLib.mrml.terminology import terminology_entry_string
from CNSTumorAnnotationLib.schemas import TERMINOLOGY_CONTEXT, all_schemas, get_schema
from CNSTumorAnnotationLib.terminology import (
    COLOR_TABLE_DIR,
    TERMINOLOGY_FILE,
    color_table_name,
    resource_texts,
)


def test_the_shipped_terminology_and_colour_tables_equal_what_the_schema_data_generates() -> None:
    for path, text in resource_texts().items():
        assert path.is_file(), f"{path} missing: run python -m CNSTumorAnnotationLib.terminology"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: regenerate it"


def _loaded_types(logic) -> set[tuple[str, str, str, str]]:
    """(category value, type scheme, type value, type meaning) of every type Slicer loaded."""
    found = set()
    for i in range(logic.GetNumberOfCategoriesInTerminology(TERMINOLOGY_CONTEXT)):
        category = slicer.vtkSlicerTerminologyCategory()
        assert logic.GetNthCategoryInTerminology(TERMINOLOGY_CONTEXT, i, category)
        for j in range(logic.GetNumberOfTypesInTerminologyCategory(TERMINOLOGY_CONTEXT, category)):
            kind = slicer.vtkSlicerTerminologyType()
            assert logic.GetNthTypeInTerminologyCategory(TERMINOLOGY_CONTEXT, category, j, kind)
            found.add(
                (
                    category.GetCodeValue(),
                    kind.GetCodingSchemeDesignator(),
                    kind.GetCodeValue(),
                    kind.GetCodeMeaning(),
                )
            )
    return found


@pytest.mark.mrml
def test_slicer_terminology_logic_loads_the_context_and_finds_every_region_type(
    mrml_runtime,
) -> None:
    logic = mrml_runtime.terminologies_logic
    assert logic.LoadTerminologyFromFile(str(TERMINOLOGY_FILE)) == TERMINOLOGY_CONTEXT
    loaded = _loaded_types(logic)
    for schema in all_schemas():
        for region in schema.regions:
            term = region.terminology
            wanted = (term.category.value, term.type.scheme, term.type.value, term.type.meaning)
            assert wanted in loaded, region.key


@pytest.mark.mrml
def test_a_region_terminology_entry_round_trips_through_slicer_deserialization() -> None:
    region = get_schema("intra_axial").region("enhancing")
    entry = slicer.vtkSlicerTerminologyEntry()
    assert slicer.vtkSlicerTerminologiesModuleLogic.DeserializeTerminologyEntry(
        terminology_entry_string(region), entry
    )
    assert entry.GetTerminologyContextName() == TERMINOLOGY_CONTEXT
    assert entry.GetCategoryObject().GetCodeValue() == "49755003"
    assert entry.GetTypeObject().GetCodeValue() == "C113842"
    assert entry.GetTypeObject().GetCodingSchemeDesignator() == "NCIt"
    assert entry.GetRegionObject().GetCodeMeaning() == "Brain"


@pytest.mark.mrml
@pytest.mark.parametrize("schema", all_schemas(), ids=color_table_name)
def test_slicer_reads_each_colour_table_with_the_schema_colours_and_names(schema) -> None:
    path = COLOR_TABLE_DIR / f"{color_table_name(schema)}.ctbl"
    node = slicer.vtkMRMLColorTableNode()
    storage = slicer.vtkMRMLColorTableStorageNode()
    storage.SetFileName(str(path))
    assert storage.ReadData(node), path
    for region in schema.regions:
        rgba = [0.0, 0.0, 0.0, 0.0]
        assert node.GetColor(region.label_value, rgba)
        # Slicer reads "_" in colour-table names as a space (its ctbl convention).
        assert node.GetColorName(region.label_value) == region.key.replace("_", " ")
        assert [round(c * 255) for c in rgba[:3]] == list(region.color_rgb255)


@pytest.mark.mrml
def test_registering_the_terminology_makes_its_context_known_once(mrml_runtime):
    from CNSTumorAnnotationLib.mrml.terminology import register_terminology

    assert register_terminology(mrml_runtime) == TERMINOLOGY_CONTEXT
    assert register_terminology(mrml_runtime) == TERMINOLOGY_CONTEXT  # idempotent
    names = vtk.vtkStringArray()
    mrml_runtime.terminologies_logic.GetLoadedTerminologyNames(names)
    loaded = [names.GetValue(i) for i in range(names.GetNumberOfValues())]
    assert loaded.count(TERMINOLOGY_CONTEXT) == 1
