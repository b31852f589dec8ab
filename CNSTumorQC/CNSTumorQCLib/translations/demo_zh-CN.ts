<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.demo</name>
        <message>
            <location filename="../demo/dicom_study.py" />
            <source>exists and is not a previous de-identified demo copy</source>
            <translation>已存在，且不是先前的脱敏演示副本</translation>
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>no acquisition protocol for sequence {sequence}</source>
            <translation>序列 {sequence} 没有采集协议</translation>
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>volume file not found</source>
            <translation>未找到容积文件</translation>
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>cannot read the volume: {error}</source>
            <translation>无法读取容积：{error}</translation>
        </message>
        <message>
            <location filename="../demo/fixture_study.py" />
            <source>expected a scalar 3D volume</source>
            <translation>需要标量三维容积</translation>
        </message>
    </context>
</TS>
