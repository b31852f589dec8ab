<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.acquisition</name>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{message} (in {counts} volumes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is incomplete: no valid {lacking} series (the consensus requires {ss})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is missing from the study</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is present but no series of it passes the checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{count_valid} valid {name} series: choose the one to annotate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>T1C {name} acquired at {post_time} before T1 {name2} at {pre_time}: a T1 after gadolinium is not a plain T1; a person checks which series is pre- and which post-contrast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>DWI without a b~0 volume (b = {values} s/mm2; b &lt;= {dwi_b0_max:g} required with b = 800 or 1000)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
