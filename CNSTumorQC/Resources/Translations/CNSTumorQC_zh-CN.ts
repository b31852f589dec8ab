<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQC</name>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>{module} needs 3D Slicer {minimum} or later; this is Slicer {version}. Install Slicer {minimum} (or a later release) from https://download.slicer.org.</source>
            <translation>{module} 需要 3D Slicer {minimum} 或更高版本；当前为 Slicer {version}。请从 https://download.slicer.org 安装 Slicer {minimum}（或更新版本）。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Checks whether a DICOM study is fit to annotate under the Chinese radiologists' expert consensus on CNS-tumor MRI annotation: de-identification (R-DATA-1), DICOM integrity (R-DATA-2), sequence rules (R-ACQ-1..7) and a suggested image-quality grade (R-QC-1..3) that a radiologist confirms.</source>
            <translation>按照中华医学会放射学分会《中枢神经系统肿瘤 MR 图像标注专家共识》检查 DICOM 检查是否适合标注：去隐私化（R-DATA-1）、DICOM 完整性（R-DATA-2）、序列要求（R-ACQ-1..7），以及由放射科医师确认的图像质量建议分级（R-QC-1..3）。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Implements the Expert consensus on MR images annotation of central nervous system tumors (Chinese Association of Radiologists, Int J Med Radiol 2021;44(4):378-384).</source>
            <translation>实现《中枢神经系统肿瘤 MR 图像标注专家共识》（中国医师协会放射医师分会，国际医学放射学杂志 2021;44(4):378-384）。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Check the study</source>
            <translation>检查该研究</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Select a DICOM folder or a database study</source>
            <translation>请选择 DICOM 文件夹或数据库中的检查</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>(use the DICOM folder)</source>
            <translation>（使用 DICOM 文件夹）</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Failed to check the study.</source>
            <translation>检查失败。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>{what}: %v / %m series</source>
            <translation>{what}：%v / %m 个序列</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>De-identification failed.</source>
            <translation>去隐私化失败。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Run QC and select a series first.</source>
            <translation>请先运行质控并选择一个序列。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Failed to record the confirmed sequence.</source>
            <translation>未能记录确认的序列。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Failed to record the confirmed grade.</source>
            <translation>未能记录确认的分级。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>No report yet: check a study first.</source>
            <translation>尚无报告：请先检查一个研究。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>These Python packages are missing: {names}. Reopen the module to install them, or run slicer.util.pip_install in the Python console.</source>
            <translation>缺少以下 Python 包：{names}。请重新打开本模块进行安装，或在 Python 控制台运行 slicer.util.pip_install。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>{module} needs these Python packages, which are not installed: {names}. Install them now (needs internet access)?</source>
            <translation>{module} 需要以下尚未安装的 Python 包：{names}。现在安装吗（需要联网）？</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Install Python packages</source>
            <translation>安装 Python 包</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Installing Python packages...</source>
            <translation>正在安装 Python 包……</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Installing {name}...</source>
            <translation>正在安装 {name}……</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>CNS Tumor QC</source>
            <translation>CNS 肿瘤质控</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Study verdict: {verdict}</source>
            <translation>检查结论：{verdict}</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>De-identified ({counts}); {n} findings</source>
            <translation>已去隐私化（{counts}）；{n} 条发现</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Series</source>
            <translation>序列</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Sequence</source>
            <translation>序列类型</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>To confirm</source>
            <translation>待确认</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Plane</source>
            <translation>平面</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>2D/3D</source>
            <translation>2D/3D</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Thickness (mm)</source>
            <translation>层厚（mm）</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Suggested grade</source>
            <translation>建议分级</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Confirmed grade</source>
            <translation>确认分级</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Findings</source>
            <translation>发现</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../CNSTumorQC.py" />
            <source>Study verdict</source>
            <translation>检查结论</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Study</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>DICOM folder:</source>
            <translation>DICOM 文件夹：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>The scanner's DICOM study to check (it is never modified).</source>
            <translation>要检查的扫描仪 DICOM 检查（不会被修改）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Or a study of Slicer's DICOM database:</source>
            <translation>或 Slicer DICOM 数据库中的检查：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Studies imported into Slicer's DICOM database; the chosen study's files are checked (never modified).</source>
            <translation>已导入 Slicer DICOM 数据库的检查；检查所选检查的文件（不会被修改）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Report folder:</source>
            <translation>报告文件夹：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>qc_report.json, qc_report.csv and qc_report.html are written here.</source>
            <translation>qc_report.json、qc_report.csv 和 qc_report.html 写入此处。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>De-identified copy:</source>
            <translation>去隐私化副本：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>R-DATA-1: a de-identified copy is written here; the pseudonym key is written beside it, never inside.</source>
            <translation>R-DATA-1：去隐私化副本写入此处；假名密钥写在其旁边，绝不写在其中。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Strict: a failing study is an error</source>
            <translation>严格模式：不合格的检查视为错误</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>De-identify</source>
            <translation>去隐私化</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Check study</source>
            <translation>检查研究</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>%v / %m series</source>
            <translation>%v / %m 个序列</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>No study checked yet.</source>
            <translation>尚未检查任何研究。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Confirmed sequence (R-ACQ-7):</source>
            <translation>确认的序列（R-ACQ-7）：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>The sequence this series is; a change from the identified one needs a reason.</source>
            <translation>该序列的类型；与自动识别结果不同时需填写理由。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Confirmed grade (R-QC-1):</source>
            <translation>确认的分级（R-QC-1）：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Confirmed by:</source>
            <translation>确认人：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>The radiologist confirming sequence and grade</source>
            <translation>确认序列与分级的放射科医师</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Reason:</source>
            <translation>理由：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Required for grade 1 (R-QC-2: the series is excluded) and for a changed sequence</source>
            <translation>1 级（R-QC-2：该序列被排除）及更改序列时必填</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Confirm sequence</source>
            <translation>确认序列</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Confirm grade</source>
            <translation>确认分级</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorQC.ui" />
            <source>Open report</source>
            <translation>打开报告</translation>
        </message>
    </context>
</TS>
