<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.wizard</name>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>guidance language must be one of {LANGUAGES}, got {lang!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>the draw step's guidance needs the region being drawn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>the wizard needs the annotator's name (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>an unfinished wizard session of {existing} is at step {existing2}: resume it or restart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>no wizard session to resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>{keys} is the first region; there is none before it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm "no enhancement" with confirm_no_enhancement (R-ANN-4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm "no peritumoral edema" with confirm_no_edema (R-SEG-7)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>unknown checklist item {key!r}; known: {CHECKLIST}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>this schema has no separate enhancing region to leave empty (R-SEG-5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>only the meningeal schema has an edema region to leave empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>checklist item {key!r} was not confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm every checklist item before saving; still open: {missing}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>save needs the masks or the scene's loaded case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>enter who is drawing first (R-FLOW-1: every version records its annotator)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>R-FLOW-1: case {case_id} is being drawn by {record} (step {record2}); {who} may not continue that session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>R-FLOW-1: case {id} is assigned to {assignee}; {person} may not draw it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-1: {person_name} is an administrator; only annotators and reviewers have a case queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>the queue of {person_name} is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>case {case_id!r} is not in the queue of {person_name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-FLOW-1: case {case_id} has unsaved changes: save them as a version or discard them before moving on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-FLOW-1: case {case_id} is assigned to {assignee}; {person_name} ({role}) may not draw it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-3: case {case_id} is approved; reopen it with a reason to change it (the approved version stays as it is)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-3: case {case_id} is waiting for review; it cannot be drawn now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-ANN-8: region {key} is on different grids in the two annotations ({GetSize} vs {GetSize2}); compare annotations of one case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>not a readable self-check report ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer; case {case_id} opens read-only for reviewers only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-PPL-3: case {case_id} is {state}; only a submitted case is reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-PPL-3: {person_name} annotated case {case_id}; a reviewer never reviews their own work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>case {case_id} has no saved version to review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>a review comment needs text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>unknown region {region!r}; the case's regions are {regions}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>slice {slice_index} is outside region {region}'s reference sequence (0..{value})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/session.py" />
            <source>not readable JSON ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../wizard/session.py" />
            <source>not a {SESSION_FORMAT} record</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
