<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.agreement</name>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>the agreement output folder is an existing file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} is empty (no labelled voxel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} holds negative values {negative}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} holds values {unknown} that no region names (regions: {table}); give --region NAME=values for them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>bundled algorithm label map missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>a region needs at least one label value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{name} must be a 3-D array, got {ndim}-D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>spacing must be {ndim} positive numbers, got {spacing_mm!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>masks differ in shape: {shape} vs {shape2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} must be 3-D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} must have one component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} holds non-integer values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{other_name} has shape {shape}, {first_name} {shape2}: resample onto one grid before comparing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{other_name} differs from {first_name} in {what}: {x} vs {y}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>agreement needs at least two label maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>rater names must be unique, got {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/regions.py" />
            <source>no regions given: pass {region_name: {label values}}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/regions.py" />
            <source>region {name!r} has no label values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/staple.py" />
            <source>STAPLE needs at least two raters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ICC needs &gt;= 2 subjects x &gt;= 2 raters, got shape {shape}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ICC ratings must be finite numbers (no missing values)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ratings {missing} are not in {categories}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>kappa needs two equally long, non-empty lists of ratings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>Fleiss' kappa needs every subject rated by the same &gt;= 2 raters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>Bland-Altman needs two equally long lists of &gt;= 2 numbers</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
