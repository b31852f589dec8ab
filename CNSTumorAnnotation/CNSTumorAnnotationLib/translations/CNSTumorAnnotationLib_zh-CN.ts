<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib</name>
        <message>
            <location filename="../demo.py" />
            <source>run the whole consensus workflow on the bundled real case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>output folder (default: %(default)s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>refuse to start when the output folder is not empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the output folder is not empty (--keep given)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>
Everything is in {resolve}; summary: {summary}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the output folder is not empty and is not an earlier demo's output; choose another</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>de-identification failed: {blocking}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>de-identification changed what the series are identified as: {original} before, {identities} after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      (the TCGA case has no DWI/ADC; its four annotated sequences pass, so the demo goes on with them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      {DEMO_QC_REVIEWER} confirmed: {summary}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      version {get}: {finding_counts}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      the annotator's correction is saved as version {version} (parent {parent}); self-check again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the corrected annotation still has a blocking finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the review did not approve the case: {review}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../grid.py" />
            <source>label value {value} of region {key!r} does not fit in uint8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>unknown label convention {name!r}; known: {CONVENTIONS}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>no region masks to combine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>{what}: label values {unknown} have no mapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>R-SEG-5: the combined enhancing + non-enhancing region cannot be split into {conv_name} labels; annotate the two regions separately to export {conv_name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>BraTS meningioma labels are for the meningeal family (R-SCOPE-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: {value!r} leaves nothing usable in a file name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} is malformed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} uses unknown field(s) {unknown}; allowed: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: naming pattern {pattern!r} must contain {{patient}}, {{sequence}} and {{content}}; missing {missing}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r}: the text between fields may only hold letters, digits, '_', '-', '.' and '+'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} needs {{{key}}}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: file name {name!r} is longer than {MAX_NAME_BYTES} bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../naming.py" />
            <source>identifier {text!r} has no file-name-safe characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>unknown title {text!r}; expected one of {ts}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: a project may tighten but not loosen the consensus: {role} needs &gt;= {min_years} years, the table {version!r} asks {min_years2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: a project may tighten but not loosen the consensus: {role} may not be a {ts}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>people file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>not a people file ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: {reviewer!r} is not in the people file; a reviewer must be a listed, qualified person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>no region {key!r} in the {family} schema {version}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>unknown tumor family {family!r} (R-SCOPE-1: one of {known})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>'required' names regions not in the {fam} schema: {unknown}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: diagnosis {diagnosis!r} is outside the consensus families ({known})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: unknown site {site!r} (one of {known})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: {what} {replace} is out of scope: tumors invading bone or crossing the skull are flagged, not annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: extra-axial {what} of the {replace} region is out of scope: sellar, pineal and cerebellopontine-angle extra-axial tumors are flagged, not annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: give the tumor family or a diagnosis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: {text!r} is not one of the diagnoses the consensus names; it is annotated under its family when you give it ({families}), with a note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: {text} belongs to the {own} family, not {given}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: {dx} {replace} is out of scope: tumors invading bone or crossing the skull are flagged, not annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: extra-axial {dx} of the {replace} region is out of scope: sellar, pineal and cerebellopontine-angle extra-axial tumors are flagged, not annotated</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
