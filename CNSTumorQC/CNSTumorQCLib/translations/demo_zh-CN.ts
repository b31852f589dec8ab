<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.demo</name>
        <message>
            <location filename="../demo/dicom_study.py" />
            <source>exists and is not a previous de-identified demo copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>no acquisition protocol for sequence {sequence}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>volume file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>cannot read the volume: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>expected a scalar 3D volume</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
