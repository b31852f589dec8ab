<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.training</name>
        <message>
            <location filename="../training/calibration.py" />
            <source>members are given for teams {members}, the report compares {teams}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: the calibration batch is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: the calibration compares exactly two teams, got {teams}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: case {case_id} has labels from {labels}, expected {teams}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
