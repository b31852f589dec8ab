<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.training</name>
        <message>
            <location filename="../training/calibration.py" />
            <source>region {region}: {shortfall}</source>
            <translation>区域 {region}：{shortfall}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>quality grades: {shortfall}</source>
            <translation>图像质量分级：{shortfall}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>certify a training team</source>
            <translation>认证培训团队</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>members are given for teams {members}, the report compares {teams}</source>
            <translation>给出的是团队 {members} 的成员，而报告比较的是 {teams}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>record the certification of {person_id}</source>
            <translation>登记 {person_id} 的认证</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: the calibration batch is empty</source>
            <translation>R-PPL-4：校准批次为空</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: the calibration compares exactly two teams, got {teams}</source>
            <translation>R-PPL-4：校准只比较两个团队，得到的是 {teams}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>R-PPL-4: case {case_id} has labels from {labels}, expected {teams}</source>
            <translation>R-PPL-4：病例 {case_id} 的标签来自 {labels}，应来自 {teams}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>case {case_id}, region {region}</source>
            <translation>病例 {case_id}，区域 {region}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>{where}: Dice {dice} is {band}; excellent needs &gt;= {cut}</source>
            <translation>{where}：Dice {dice} 为{band}；优秀需 ≥ {cut}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>{where}: HD95 {hd95} mm is {band}; excellent needs &lt;= {cut} mm</source>
            <translation>{where}：HD95 {hd95} mm 为{band}；优秀需 ≤ {cut} mm</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>volume ICC needs &gt;= 2 calibration cases, the batch has {count}</source>
            <translation>体积 ICC 至少需要 2 个校准病例，本批次有 {count} 个</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>volume ICC not computable ({error})</source>
            <translation>体积 ICC 无法计算（{error}）</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>its 95% CI lower bound {lower}</source>
            <translation>其 95% 置信区间下限 {lower}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>volume ICC(2,1) {icc} is {band} (graded by {graded}); excellent needs &gt; {cut} (Koo &amp; Li 2016)</source>
            <translation>体积 ICC(2,1) {icc} 为{band}（分级依据：{graded}）；优秀需 &gt; {cut}（Koo &amp; Li 2016）</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>both teams must grade every case (R-QC-1); missing for {cases}</source>
            <translation>两个团队都须对每个病例分级（R-QC-1）；缺少分级的病例：{cases}</translation>
        </message>
        <message>
            <location filename="../training/calibration.py" />
            <source>weighted kappa {kappa} is {band}; excellent needs &gt; {cut}</source>
            <translation>加权 kappa {kappa} 为{band}；优秀需 &gt; {cut}</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Dice (team A vs team B)</source>
            <translation>Dice（A 组与 B 组）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Agreement per case and region (dashed: excellent)</source>
            <translation>各病例与各区域的一致性（虚线：优秀）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>CERTIFIED for production (R-PPL-4)</source>
            <translation>已获正式标注认证（R-PPL-4）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>NOT certified: agreement below excellent (R-PPL-4)</source>
            <translation>未获认证：一致性低于优秀（R-PPL-4）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>volume {team} (mm³)</source>
            <translation>体积 {team}（mm³）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Training-phase calibration: teams {a} vs {b}</source>
            <translation>培训阶段校准：{a} 组与 {b} 组</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>quadratic-weighted Cohen kappa: {kappa} ({band})</source>
            <translation>二次加权 Cohen kappa：{kappa}（{band}）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>What fell short</source>
            <translation>未达标项</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Per case and region</source>
            <translation>各病例与各区域</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>case</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>band</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>HD95 (mm)</source>
            <translation>HD95（mm）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Volume ICC(2,1) per region</source>
            <translation>各区域的体积 ICC(2,1)</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>95% CI</source>
            <translation>95% 置信区间</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Quality grades (R-QC-1)</source>
            <translation>图像质量分级（R-QC-1）</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Training-phase calibration</source>
            <translation>培训阶段校准</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Thresholds and provenance</source>
            <translation>阈值与来源记录</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Bland-Altman of volumes needs &gt;= 2 calibration cases.</source>
            <translation>体积的 Bland-Altman 分析至少需要 2 个校准病例。</translation>
        </message>
        <message>
            <location filename="../training/report_html.py" />
            <source>Bland-Altman of volumes (team A − team B)</source>
            <translation>体积的 Bland-Altman 分析（A 组 − B 组）</translation>
        </message>
    </context>
</TS>
