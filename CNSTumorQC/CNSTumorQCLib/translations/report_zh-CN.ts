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
            <location filename="../report/qc_html.py" />
            <source>valid</source>
            <translation>有效</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>invalid</source>
            <translation>无效</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>incomplete</source>
            <translation>不完整</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>duplicated</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>manufacturer</source>
            <translation>厂商</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>field strength (T)</source>
            <translation>场强（T）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>sequence name</source>
            <translation>序列名称</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>scanning sequence</source>
            <translation>扫描序列</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>sequence variant</source>
            <translation>序列变体</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>acquisition type (2D/3D)</source>
            <translation>采集类型（2D/3D）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>repetition time TR (ms)</source>
            <translation>重复时间 TR（ms）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>echo time TE (ms)</source>
            <translation>回波时间 TE（ms）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>inversion time TI (ms)</source>
            <translation>反转时间 TI（ms）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>flip angle (deg)</source>
            <translation>翻转角（度）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>echo train length</source>
            <translation>回波链长度</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>EPI factor</source>
            <translation>EPI 因子</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>slice thickness (mm)</source>
            <translation>层厚（mm）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>slice spacing (mm)</source>
            <translation>层间距（mm）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>pixel spacing (mm)</source>
            <translation>像素间距（mm）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>matrix (rows x columns)</source>
            <translation>矩阵（行 x 列）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>acquisition matrix</source>
            <translation>采集矩阵</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>phase-encoding direction</source>
            <translation>相位编码方向</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>contrast agent</source>
            <translation>对比剂</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>acquisition start</source>
            <translation>采集开始时间</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>No findings.</source>
            <translation>无检查结果。</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>... and {count} more</source>
            <translation>……另有 {count} 个</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>{count} file(s)</source>
            <translation>{count} 个文件</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>finding</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>not computed</source>
            <translation>未计算</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>to be confirmed by a radiologist</source>
            <translation>待放射科医师确认</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>suggested {suggested}, confirmed {confirmed}</source>
            <translation>建议 {suggested}，确认 {confirmed}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>excluded (R-QC-2): {reason}</source>
            <translation>已排除（R-QC-2）：{reason}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>flip {angle}</source>
            <translation>翻转角 {angle}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>matrix {matrix}</source>
            <translation>矩阵 {matrix}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>all parameters</source>
            <translation>全部参数</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>anterior on the left, superior up</source>
            <translation>左为前，上为头侧</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>patient's right on the left, superior up</source>
            <translation>左为患者右侧，上为头侧</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>patient's right on the left, anterior up</source>
            <translation>左为患者右侧，上为前</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>three slices, radiological convention</source>
            <translation>三个层面，放射学显示惯例</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>slices at 30, 50, 70 %</source>
            <translation>位于 30%、50%、70% 处的层面</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>no image</source>
            <translation>无图像</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>(a person must confirm)</source>
            <translation>（需人工确认）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>confirmed by {reviewer} ({when}; identified as {identified})</source>
            <translation>已由 {reviewer} 确认（{when}；原识别为 {identified}）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Identified as</source>
            <translation>识别为</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>{sequence} (confidence {confidence})</source>
            <translation>{sequence}（置信度 {confidence}）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Plane / acquisition</source>
            <translation>成像方位 / 采集方式</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>{plane} (tilt {tilt}), {acquisition}</source>
            <translation>{plane}（倾斜 {tilt}），{acquisition}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Slice thickness / gap</source>
            <translation>层厚 / 层间隔</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>b-values (s/mm2)</source>
            <translation>b 值（s/mm2）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Images / volumes</source>
            <translation>图像数 / 容积数</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Acquisition (R-DATA-3)</source>
            <translation>采集参数（R-DATA-3）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Image quality grade</source>
            <translation>图像质量分级</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>(no description)</source>
            <translation>（无描述）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Series {number} · {description}</source>
            <translation>序列 {number} · {description}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>why this identification</source>
            <translation>识别依据</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Patient {patient_id}</source>
            <translation>患者 {patient_id}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>(no ID)</source>
            <translation>（无 ID）</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Study {uid}</source>
            <translation>检查 {uid}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>required sequence</source>
            <translation>必需序列</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>All files were indexed.</source>
            <translation>所有文件均已建立索引。</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>CNSTumor QC report</source>
            <translation>CNSTumor 质控报告</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>{indexed} of {seen} files indexed</source>
            <translation>已索引 {indexed}/{seen} 个文件</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>rule tables: {tables}</source>
            <translation>规则表：{tables}</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Grades are suggestions (R-QC-1); only a radiologist's confirmed grade 2 or 3 allows annotation (R-QC-2).</source>
            <translation>分级仅为建议（R-QC-1）；只有经放射科医师确认为 2 级或 3 级的序列才可标注（R-QC-2）。</translation>
        </message>
        <message>
            <location filename="../report/qc_html.py" />
            <source>Files not indexed</source>
            <translation>未建立索引的文件</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>FIT</source>
            <translation>适合标注</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>NEEDS_REVIEW</source>
            <translation>待审核确认</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>NOT_FIT</source>
            <translation>不适合标注</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>series {number} {sequence}: sequence to confirm</source>
            <translation>序列 {number} {sequence}：序列类型待确认</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>series {number} {sequence}: grade to confirm</source>
            <translation>序列 {number} {sequence}：分级待确认</translation>
        </message>
        <message>
            <location filename="../report/qc_report.py" />
            <source>QC report folder</source>
            <translation>质控报告文件夹</translation>
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
