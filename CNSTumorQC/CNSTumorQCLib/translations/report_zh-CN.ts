<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.report</name>
        <message>
            <location filename="../report/html_page.py" />
            <source>Provenance</source>
            <translation>来源记录</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>QC report not found</source>
            <translation>未找到质控报告</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>not a CNSTumor QC report ({error})</source>
            <translation>不是 CNSTumor 质控报告（{error}）</translation>
        </message>
    </context>
</TS>
