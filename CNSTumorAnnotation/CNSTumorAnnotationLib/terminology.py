"""The schemas as Slicer files: a terminology context (``*.term.json``) and colour tables.

Both are generated from ``schemas.py`` (the one source of truth) by ``terminology_json`` and
``color_table_text``; ``write_resources`` writes the shipped copies under
``CNSTumorAnnotation/Resources`` and a test checks the shipped files equal what the data
generates. Pure data (no slicer or vtk): the segment tag string, made by Slicer's own
``vtkSlicerTerminologiesModuleLogic.SerializeTerminologyEntry``, and loading the context into
the Terminologies logic live in ``mrml.terminology``.
"""

from __future__ import annotations

import json
from pathlib import Path

from CNSTumorAnnotationLib.schemas import (
    SCHEMA_VERSION,
    TERMINOLOGY_CONTEXT,
    Code,
    LabelSchema,
    Region,
    TumorFamily,
    all_schemas,
    get_schema,
)
from CNSTumorQCLib.atomic import write_text_atomic

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "Resources"
TERMINOLOGY_FILE = RESOURCES_DIR / "Terminology" / "CNSTumor.term.json"
COLOR_TABLE_DIR = RESOURCES_DIR / "ColorTables"
#: The schema JSON-schema URL Slicer's own terminology files carry.
TERMINOLOGY_SCHEMA_URL = (
    "https://raw.githubusercontent.com/qiicr/dcmqi/master/doc/schemas/segment-context-schema.json#"
)


def _code_fields(code: Code) -> dict[str, object]:
    return {
        "CodingSchemeDesignator": code.scheme,
        "CodeValue": code.value,
        "CodeMeaning": code.meaning,
    }


def _type_entry(region: Region, family: TumorFamily) -> dict[str, object]:
    entry = _code_fields(region.terminology.type)
    r, g, b = region.color_rgb255
    entry["recommendedDisplayRGBValue"] = [r, g, b]
    entry["3dSlicerLabel"] = region.name_en.lower()
    entry["cid"] = "7151"
    entry["contextGroupName"] = "Segmentation Property Types"
    return entry


def _types() -> list[dict[str, object]]:
    """One type per distinct code over every schema, in schema order (first use wins)."""
    seen: dict[tuple[str, str], dict[str, object]] = {}
    for schema in all_schemas():
        for region in schema.regions:
            key = (region.terminology.type.scheme, region.terminology.type.value)
            seen.setdefault(key, _type_entry(region, schema.family))
    return list(seen.values())


def terminology_json() -> dict[str, object]:
    """The terminology context in Slicer's (dcmqi's) segment-context JSON schema."""
    category = _code_fields(get_schema(TumorFamily.INTRA_AXIAL).regions[0].terminology.category)
    category.update(
        {
            "cid": "7150",
            "contextGroupName": "Segmentation Property Categories",
            "showAnatomy": True,
            "Type": _types(),
        }
    )
    return {
        "@schema": TERMINOLOGY_SCHEMA_URL,
        "SegmentationCategoryTypeContextName": TERMINOLOGY_CONTEXT,
        "@comment": f"Generated from CNSTumorAnnotationLib.schemas {SCHEMA_VERSION}; do not edit.",
        "SegmentationCodes": {"Category": [category]},
    }


def terminology_text() -> str:
    return json.dumps(terminology_json(), indent=2, ensure_ascii=False) + "\n"


def color_table_name(schema: LabelSchema) -> str:
    family = "IntraAxial" if schema.family is TumorFamily.INTRA_AXIAL else "Meningeal"
    return f"CNSTumor{family}{'Combined' if schema.combine_enhancing else ''}"


def color_table_text(schema: LabelSchema) -> str:
    """A Slicer colour table (``.ctbl``): ``index name R G B A`` per label value of the map."""
    lines = [
        f"# Color table file {color_table_name(schema)}.ctbl",
        f"# Generated from CNSTumorAnnotationLib.schemas {schema.version}; do not edit.",
        f"# {len(schema.regions) + 1} values",
        "0 background 0 0 0 0",
    ]
    for region in sorted(schema.regions, key=lambda r: r.label_value):
        r, g, b = region.color_rgb255
        lines.append(f"{region.label_value} {region.key} {r} {g} {b} 255")
    return "\n".join(lines) + "\n"


def resource_texts() -> dict[Path, str]:
    """Every shipped resource file and the text the schema data generates for it."""
    texts = {TERMINOLOGY_FILE: terminology_text()}
    for schema in all_schemas():
        texts[COLOR_TABLE_DIR / f"{color_table_name(schema)}.ctbl"] = color_table_text(schema)
    return texts


def write_resources() -> list[Path]:
    """Regenerate the shipped terminology and colour-table files (atomic writes)."""
    written = []
    for path, text in resource_texts().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_resources():
        print(written_path)
