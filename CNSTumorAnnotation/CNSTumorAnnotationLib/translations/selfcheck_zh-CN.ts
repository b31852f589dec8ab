<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.selfcheck</name>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>the case is registered to {FIXED_SEQUENCE}: the self-check's common space must be {FIXED_SEQUENCE}, not {common_space}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>{relative} changed after version {version} was saved (its SHA-256 differs from version.json): save the edits as a new version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>a lesion is named REGION #N as in the self-check, got {text!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>no region {region!r} in this annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>a correction needs the name of who decided it (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>the case has no annotation version to correct</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>nothing to change in version {checked} with these options; no version written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/endslice.py" />
            <source>{label} reaches slice {human_slice}, the edge of the {sequence_name} volume: its end may lie outside the acquired slices (check the coverage, R-QC-3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/endslice.py" />
            <source>Slice {human_slice}, beyond the {side} slice of {label}, still looks like the lesion on {sequence_name} (likeness {likeness:.2f}): a likely missed end slice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels ({volume:.0f} mm3) of {region} outside the tumor body are attached to it and reach {reach:.0f} mm from it (at most {dural_tail_max_mm:g} mm): a dural tail, part of the enhancing region (on the {sequence} grid, slices {slices}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/lesions.py" />
            <source>{label} is a speck of {voxels} voxel{value} ({volume_mm3:.1f} mm3) on slice {human_slice}: remove it or confirm it is a lesion.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/lesions.py" />
            <source>{label} skips slice {human_slice} (labelled from slice {human_slice2} to {human_slice3}): label every slice of the lesion.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The required {key} region ({name_en}) is empty: draw it on {reference_sequence}{hint}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The optional {key} region is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>"{capitalize}" was confirmed but the {key} region is drawn: withdraw the confirmation or clear the region.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>{count} voxels ({value:.0f} mm3) of {region} have CSF-like signal (dark on FLAIR{value2}) outside the tumor body, most on slice {human_slice}: a sulcus or ventricle? Leave normal structures out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>{label} is {nearest:.0f} mm from any tumor body: leukoaraiosis or a lacune labelled as edema, or a lesion whose body is not drawn?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The {region} segmentation is not on the original grid of its reference sequence ({problems}): annotate on the original axial images.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The reference volume of {region} is not axial (slice normal {tilt:.0f} degrees from head-foot): annotate on the original axial images unless the study says so.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The saved {sequence} segmentation holding {key} is not on the original grid of the {sequence} volume ({problems}): annotate on the original axial images.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
