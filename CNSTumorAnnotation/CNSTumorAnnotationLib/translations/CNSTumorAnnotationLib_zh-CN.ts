<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib</name>
        <message>
            <location filename="../demo.py" />
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>info</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>run the whole consensus workflow on the bundled real case</source>
            <translation>在随附的真实病例上运行完整的共识流程</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>output folder (default: %(default)s)</source>
            <translation>输出文件夹（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>refuse to start when the output folder is not empty</source>
            <translation>输出文件夹非空时拒绝启动</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the output folder is not empty (--keep given)</source>
            <translation>输出文件夹非空（已指定 --keep）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>
Everything is in {folder}; summary: {summary}</source>
            <translation>
全部结果位于 {folder}；摘要：{summary}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the output folder is not empty and is not an earlier demo's output; choose another</source>
            <translation>输出文件夹非空，且不是先前演示的输出；请另选文件夹</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Writing the bundled case as a scanner DICOM study (invented identity)</source>
            <translation>将随附病例写为扫描仪 DICOM 检查（虚构身份）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>{series} series, {files} files in {folder}</source>
            <translation>{series} 个序列，{files} 个文件，位于 {folder}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Identifying the series on the original headers, then de-identifying</source>
            <translation>先根据原始头信息识别序列，再进行脱敏</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>de-identification failed: {blocking}</source>
            <translation>脱敏失败：{blocking}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>de-identified copy in {folder}; key in {key_file}</source>
            <translation>脱敏副本位于 {folder}；假名密钥位于 {key_file}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>QC: integrity, sequence rules and suggested quality grade</source>
            <translation>质控：完整性、序列规则及建议的图像质量分级</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>de-identification changed what the series are identified as: {original} before, {identities} after</source>
            <translation>脱敏改变了序列的识别结果：脱敏前为 {original}，脱敏后为 {identities}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>{sequence} grade {grade}</source>
            <translation>{sequence} {grade} 级</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>study verdict {verdict} because {reasons}; {series}</source>
            <translation>检查结论 {verdict}，原因：{reasons}；{series}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>study verdict {verdict}; {series}</source>
            <translation>检查结论 {verdict}；{series}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      (the TCGA case has no DWI/ADC; its four annotated sequences pass, so the demo goes on with them)</source>
            <translation>      （该 TCGA 病例没有 DWI/ADC；其四个标注序列均通过，演示继续使用这四个序列）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      {reviewer} confirmed: {confirmed}</source>
            <translation>      {reviewer} 已确认：{confirmed}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Importing the QC-checked series as a case, co-registering, loading MRML</source>
            <translation>将质控后的序列导入为病例，配准并加载至 MRML</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>case in {folder}; scene holds {volumes} volumes and {segmentations} segmentations (one per reference sequence)</source>
            <translation>病例位于 {folder}；场景中有 {volumes} 个容积和 {segmentations} 个分割（每个参考序列一个）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Landing the machine-made reference labels (SRI-24 -&gt; native)</source>
            <translation>将机器生成的参考标签映射至原始空间（SRI-24 -&gt; 原始空间）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>version {version} by {annotator}: {files}</source>
            <translation>版本 {version}，标注者 {annotator}：{files}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Self-check (R-ANN-2/3/7/9, region hierarchy), correction, re-check</source>
            <translation>自检（R-ANN-2/3/7/9，区域层级）、修正、再次自检</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      version {version}: {counts}</source>
            <translation>      版本 {version}：{counts}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>      the annotator's correction is saved as version {version} (parent {parent}); self-check again:</source>
            <translation>      标注者的修正已保存为版本 {version}（父版本 {parent}）；再次自检：</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>final: {counts}; {file}</source>
            <translation>最终结果：{counts}；{file}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the corrected annotation still has a blocking finding</source>
            <translation>修正后的标注仍有阻断性检查结果</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>blocking; {errors} error(s), {warnings} warning(s), {notes} note(s)</source>
            <translation>阻断；错误 {errors} 项，警告 {warnings} 项，提示 {notes} 项</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>not blocking; {errors} error(s), {warnings} warning(s), {notes} note(s)</source>
            <translation>无阻断；错误 {errors} 项，警告 {warnings} 项，提示 {notes} 项</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Review in an annotation project (R-PPL-1..4, R-FLOW-1)</source>
            <translation>在标注项目中审核（R-PPL-1..4，R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>the review did not approve the case: {review}</source>
            <translation>审核未通过该病例：{review}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>case state {state}; status page {page}</source>
            <translation>病例状态 {state}；状态页 {page}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Export: NIfTI, .seg.nrrd, DICOM SEG, BraTS, nnU-Net (R-FMT-1..3)</source>
            <translation>导出：NIfTI、.seg.nrrd、DICOM SEG、BraTS、nnU-Net（R-FMT-1..3）</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>{count} files, manifest {manifest}</source>
            <translation>{count} 个文件，清单文件 {manifest}</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>Agreement between the five bundled algorithm label maps</source>
            <translation>随附的五个算法标签图之间的一致性</translation>
        </message>
        <message>
            <location filename="../demo.py" />
            <source>report {file}</source>
            <translation>报告 {file}</translation>
        </message>
        <message>
            <location filename="../grid.py" />
            <source>label value {value} of region {key!r} does not fit in uint8</source>
            <translation>区域 {key!r} 的标签值 {value} 超出 uint8 范围</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>unknown label convention {name!r}; known: {known}</source>
            <translation>未知的标签约定 {name!r}；已知约定：{known}</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>no region masks to combine</source>
            <translation>没有可合并的区域掩膜</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>{what}: label values {unknown} have no mapping</source>
            <translation>{what}：标签值 {unknown} 没有对应关系</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>R-SEG-5: the combined enhancing + non-enhancing region cannot be split into {convention} labels; annotate the two regions separately to export {convention}</source>
            <translation>R-SEG-5：合并的强化 + 非强化区域无法拆分为 {convention} 标签；如需导出 {convention}，请分别标注这两个区域</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>combined map -&gt; {convention}</source>
            <translation>合并标签图 -&gt; {convention}</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>{convention} label map</source>
            <translation>{convention} 标签图</translation>
        </message>
        <message>
            <location filename="../label_conventions.py" />
            <source>BraTS meningioma labels are for the meningeal family (R-SCOPE-1)</source>
            <translation>BraTS 脑膜瘤标签仅适用于脑膜来源肿瘤（R-SCOPE-1）</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: {value!r} leaves nothing usable in a file name</source>
            <translation>R-FMT-3：{value!r} 中没有可用于文件名的字符</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>file name field</source>
            <translation>文件名字段</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} is malformed: {error}</source>
            <translation>命名模式 {pattern!r} 格式错误：{error}</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} uses unknown field(s) {unknown}; allowed: {allowed}</source>
            <translation>命名模式 {pattern!r} 使用了未知字段 {unknown}；允许的字段：{allowed}</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: naming pattern {pattern!r} must contain {{patient}}, {{sequence}} and {{content}}; missing {missing}</source>
            <translation>R-FMT-3：命名模式 {pattern!r} 必须包含 {{patient}}、{{sequence}} 和 {{content}}；缺少 {missing}</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r}: the text between fields may only hold letters, digits, '_', '-', '.' and '+'</source>
            <translation>命名模式 {pattern!r}：字段之间的文字只能包含字母、数字及 '_'、'-'、'.'、'+'</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>naming pattern {pattern!r} needs {{{key}}}</source>
            <translation>命名模式 {pattern!r} 需要包含 {{{key}}}</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>export file name</source>
            <translation>导出文件名</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>R-FMT-3: file name {name!r} is longer than {limit} bytes</source>
            <translation>R-FMT-3：文件名 {name!r} 超过 {limit} 字节</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>identifier {text!r} has no file-name-safe characters</source>
            <translation>标识符 {text!r} 中没有可安全用于文件名的字符</translation>
        </message>
        <message>
            <location filename="../naming.py" />
            <source>identifier</source>
            <translation>标识符</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>unknown title {text!r}; expected one of {titles}</source>
            <translation>未知职称 {text!r}；应为 {titles} 之一</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: a project may tighten but not loosen the consensus: {role} needs &gt;= {min_years} years, the table {version!r} asks {asked_years}</source>
            <translation>R-PPL-1：项目只能收紧、不能放宽共识要求：{role} 需要 &gt;= {min_years} 年，而规则表 {version!r} 只要求 {asked_years} 年</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: a project may tighten but not loosen the consensus: {role} may not be a {titles}</source>
            <translation>R-PPL-1：项目只能收紧、不能放宽共识要求：{role} 不能由 {titles} 担任</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: {role} needs &gt;= {min_years} years of experience; {person_name} has {years}</source>
            <translation>R-PPL-1：{role} 需要 &gt;= {min_years} 年工作经验；{person_name} 为 {years} 年</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>{first} or {second}</source>
            <translation>{first}或{second}</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: {role} must be {allowed}; {person_name} is {title}</source>
            <translation>R-PPL-1：{role} 须为{allowed}；{person_name} 为{title}</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>{reasons} (rule table {version})</source>
            <translation>{reasons}（规则表 {version}）</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>people file not found</source>
            <translation>未找到人员文件</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>not a people file ({error})</source>
            <translation>不是人员文件（{error}）</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-1: {reviewer!r} is not in the people file; a reviewer must be a listed, qualified person</source>
            <translation>R-PPL-1：{reviewer!r} 不在人员文件中；审核者必须是列出的、具备资格的人员</translation>
        </message>
        <message>
            <location filename="../people.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer</source>
            <translation>R-PPL-3：{person_name} 的角色是{role}，不是审核者</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>overlap of two masks: 2 |A∩B| / (|A| + |B|); 1 is identical, 0 is no overlap.</source>
            <translation>两个掩膜的重叠度：2 |A∩B| / (|A| + |B|)；1 为完全相同，0 为无重叠。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>95th percentile of the distances between the two masks' surfaces (mm): how far the worst 5 % of the boundary lies off; 0 is identical.</source>
            <translation>两个掩膜表面间距离的第 95 百分位数（mm）：最差的 5% 边界偏离多远；0 为完全相同。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>average symmetric surface distance (mm): the mean distance from each surface point to the other mask's surface, both ways.</source>
            <translation>平均对称表面距离（mm）：双向计算每个表面点到另一掩膜表面的平均距离。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>normalised surface Dice: the share of both surfaces lying within a tolerance (about one voxel) of the other; 1 is every boundary point within tolerance.</source>
            <translation>归一化表面 Dice：两个表面中位于对方容差（约一个体素）范围内的比例；1 表示所有边界点均在容差内。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>the same measures per lesion (connected component) after matching lesions between the two masks, then averaged; F1 counts matched, missed and extra lesions. A missed lesion has no surface to measure against: BraTS scores it with the largest possible HD95, the diagonal of its 1 mm 240 x 240 x 155 grid (374 mm), so one missed lesion weighs heavily in the average, as intended.</source>
            <translation>在两个掩膜之间匹配病灶（连通分量）后，逐病灶计算上述指标再取平均；F1 统计匹配、遗漏及多余的病灶。遗漏的病灶没有可比较的表面：BraTS 以最大可能的 HD95，即其 1 mm 240 x 240 x 155 网格的对角线长度（374 mm）计分，因此一个遗漏病灶会显著影响平均值，这是有意为之。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>intraclass correlation of volumes across cases (two-way random, absolute agreement); graded by its 95 % confidence interval's lower bound (Koo &amp; Li 2016): &gt; 0.90 excellent, 0.75-0.90 good, 0.50-0.75 moderate.</source>
            <translation>各病例体积的组内相关系数（双向随机、绝对一致性）；按其 95% 置信区间下限分级（Koo &amp; Li 2016）：&gt; 0.90 为优，0.75-0.90 为良，0.50-0.75 为中等。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>agreement on the ordinal quality grades beyond chance (quadratic weights).</source>
            <translation>有序图像质量分级在机遇之外的一致性（二次加权）。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>mm³ (1 mL = 1000 mm³).</source>
            <translation>单位 mm³（1 mL = 1000 mm³）。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>lesion-wise Dice / HD95 / F1</source>
            <translation>逐病灶 Dice / HD95 / F1</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>weighted kappa</source>
            <translation>加权 kappa</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>volume (mm³)</source>
            <translation>体积（mm³）</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>not diagnostic: blurred, obvious motion or beam-hardening, or a removable metal artifact (remove it and rescan); excluded from annotation with a reason (R-QC-2).</source>
            <translation>不能满足诊断：图像模糊，有明显运动或线束硬化伪影，或有可去除的金属伪影（去除后重新扫描）；注明原因后排除，不予标注（R-QC-2）。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>soft tissue and bone distinguishable; a few artifacts that do not affect the diagnosis; may be annotated.</source>
            <translation>软组织与骨可以分辨；有少量不影响诊断的伪影；可以标注。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>soft tissue clearly resolved, good contrast, no artifact, diagnosis certain; may be annotated.</source>
            <translation>软组织显示清晰，对比良好，无伪影，诊断明确；可以标注。</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>grade {grade}</source>
            <translation>{grade} 级</translation>
        </message>
        <message>
            <location filename="../report_html.py" />
            <source>What the numbers mean</source>
            <translation>各项指标的含义</translation>
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>no region {key!r} in the {family} schema {version}</source>
            <translation>{family} 标注方案 {version} 中没有区域 {key!r}</translation>
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>unknown tumor family {family!r} (R-SCOPE-1: one of {known})</source>
            <translation>未知的肿瘤类别 {family!r}（R-SCOPE-1：应为 {known} 之一）</translation>
        </message>
        <message>
            <location filename="../schemas.py" />
            <source>'required' names regions not in the {family} schema: {unknown}</source>
            <translation>'required' 中的区域不属于 {family} 标注方案：{unknown}</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: diagnosis {diagnosis!r} is outside the consensus families ({known})</source>
            <translation>R-SCOPE-1：诊断 {diagnosis!r} 不属于共识的肿瘤类别（{known}）</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: unknown site {site!r} (one of {known})</source>
            <translation>R-SCOPE-2：未知部位 {site!r}（应为 {known} 之一）</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: {what} {site} is out of scope: tumors invading bone or crossing the skull are flagged, not annotated</source>
            <translation>R-SCOPE-2：{what}（{site}）不在适用范围内：侵犯骨质或跨颅骨生长的肿瘤只作标记，不予标注</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-2: extra-axial {what} of the {site} region is out of scope: sellar, pineal and cerebellopontine-angle extra-axial tumors are flagged, not annotated</source>
            <translation>R-SCOPE-2：{site} 区域的脑外 {what} 不在适用范围内：鞍区、松果体区及桥小脑角区的脑外肿瘤只作标记，不予标注</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: give the tumor family or a diagnosis</source>
            <translation>R-SCOPE-1：请提供肿瘤类别或诊断</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>{family} tumor</source>
            <translation>{family} 肿瘤</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>annotated under the {family} family; no diagnosis given</source>
            <translation>按 {family} 类别标注；未提供诊断</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: {text!r} is not one of the diagnoses the consensus names; it is annotated under its family when you give it ({families}), with a note</source>
            <translation>R-SCOPE-1：{text!r} 不是共识列出的诊断；提供其肿瘤类别（{families}）后可按该类别标注，并附说明</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: {diagnosis} is not named by the consensus (its diagnoses are examples); annotated under the {family} family as another tumor of that family</source>
            <translation>R-SCOPE-1：{diagnosis} 未被共识列出（共识中的诊断仅为示例）；作为该类别的其他肿瘤，按 {family} 类别标注</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>R-SCOPE-1: {text} belongs to the {own} family, not {given}</source>
            <translation>R-SCOPE-1：{text} 属于 {own} 类别，而非 {given}</translation>
        </message>
        <message>
            <location filename="../scope.py" />
            <source>{diagnosis} is named by the consensus: {family} family</source>
            <translation>{diagnosis} 为共识列出的诊断：{family} 类别</translation>
        </message>
    </context>
</TS>
