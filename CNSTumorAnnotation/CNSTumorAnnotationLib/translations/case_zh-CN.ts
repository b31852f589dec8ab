<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.case</name>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>QC report not found</source>
            <translation>未找到质控报告</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>not a readable QC report ({error})</source>
            <translation>不是可读取的质控报告（{error}）</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>a QC report needs a 'series' list</source>
            <translation>质控报告需要包含 'series' 列表</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {number} {sequence} {uid} (sequence and grade)</source>
            <translation>序列 {number} {sequence} {uid}（序列类型及分级）</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {number} {sequence} {uid} (sequence)</source>
            <translation>序列 {number} {sequence} {uid}（序列类型）</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {number} {sequence} {uid} (grade)</source>
            <translation>序列 {number} {sequence} {uid}（分级）</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {number} {sequence} {uid}</source>
            <translation>序列 {number} {sequence} {uid}</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>every {sequence} series is excluded or has a blocking QC finding (R-QC-2): it cannot be annotated</source>
            <translation>所有 {sequence} 序列均被排除或有阻断性质控检查结果（R-QC-2）：不能标注</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>R-QC-2: only grades a radiologist confirmed may be annotated; confirm {series} with `cnstumor qc-confirm QC_DIR SERIES_UID GRADE [--sequence SEQ] --reviewer NAME`</source>
            <translation>R-QC-2：只有经放射科医师确认分级的序列才能标注；请用 `cnstumor qc-confirm QC_DIR SERIES_UID GRADE [--sequence SEQ] --reviewer NAME` 确认 {series}</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {series_uid} named by the QC report is not in this DICOM folder</source>
            <translation>质控报告中的序列 {series_uid} 不在该 DICOM 文件夹中</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {series_uid} cannot be read ({error})</source>
            <translation>序列 {series_uid} 无法读取（{error}）</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>DICOM folder not found</source>
            <translation>未找到 DICOM 文件夹</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>no patient ID in the QC report; pass --patient</source>
            <translation>质控报告中没有患者 ID；请提供 --patient</translation>
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>reading DICOM series</source>
            <translation>正在读取 DICOM 序列</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>file not found</source>
            <translation>未找到文件</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>not readable JSON ({error})</source>
            <translation>不是可读取的 JSON（{error}）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>expected a JSON object</source>
            <translation>应为 JSON 对象</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>unknown sequence {name!r}</source>
            <translation>未知序列 {name!r}</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>malformed annotation version record ({error})</source>
            <translation>标注版本记录格式错误（{error}）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>not a {case_format} case (format={found!r})</source>
            <translation>不是 {case_format} 病例（format={found!r}）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>malformed case description (missing {error})</source>
            <translation>病例描述格式错误（缺少 {error}）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>volume of {sequence} listed in case.json is missing</source>
            <translation>case.json 中列出的 {sequence} 容积缺失</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>the case has no annotation version yet</source>
            <translation>该病例尚无标注版本</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>no annotation version {version}</source>
            <translation>没有标注版本 {version}</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>the case has no {sequence} volume</source>
            <translation>该病例没有 {sequence} 容积</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>{sequence} volume</source>
            <translation>{sequence} 容积</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>SimpleITK cannot read it ({error})</source>
            <translation>SimpleITK 无法读取（{error}）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>changed since version {version} was saved (SHA-256 mismatch)</source>
            <translation>在版本 {version} 保存后被修改（SHA-256 不符）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>segment {key!r} is missing</source>
            <translation>缺少分割段 {key!r}</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>masks name regions not in the {family} schema: {unknown}</source>
            <translation>掩膜中的区域不属于 {family} 标注方案：{unknown}</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>an annotation version needs an annotator (R-FLOW-1)</source>
            <translation>标注版本需要标注者（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>concurrent saves kept taking the next version number; retry</source>
            <translation>并发保存持续占用下一个版本号；请重试</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>version {version} is already approved and immutable</source>
            <translation>版本 {version} 已通过审核，不可更改</translation>
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>R-PPL-3: {person_name} annotated version {version}; a reviewer never approves their own work</source>
            <translation>R-PPL-3：{person_name} 标注了版本 {version}；审核者不得通过自己的标注</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>not written yet: {path}</source>
            <translation>尚未生成：{path}</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>QC report</source>
            <translation>质控报告</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>imported from NIfTI (no QC report)</source>
            <translation>从 NIfTI 导入（无质控报告）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>approved by {reviewer} at {time}</source>
            <translation>由 {reviewer} 于 {time} 审核通过</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>not approved</source>
            <translation>未通过审核</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>No self-check yet:</source>
            <translation>尚未自检：</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>BLOCKED</source>
            <translation>阻断</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>OK to submit</source>
            <translation>可以提交</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>Version v{version}: {verdict} ({errors} errors, {warnings} warnings)</source>
            <translation>版本 v{version}：{verdict}（错误 {errors} 项，警告 {warnings} 项）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>self-check with pictures</source>
            <translation>带图像的自检报告</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>No annotation project given</source>
            <translation>未指定标注项目</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>Case {case_id} is not registered in {project}.</source>
            <translation>病例 {case_id} 未登记在 {project} 中。</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>State {state}; case-folder version v{version}; last review: {decision} by {reviewer} at {time}</source>
            <translation>状态 {state}；病例文件夹版本 v{version}；最近一次审核：{reviewer} 于 {time} 作出 {decision}</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>project status page</source>
            <translation>项目状态页</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>No export folder given</source>
            <translation>未指定导出文件夹</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>No export of this case in {folder} yet.</source>
            <translation>{folder} 中尚无该病例的导出。</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>Exported v{version} ({formats}), approved by {reviewer}; {count} files</source>
            <translation>已导出 v{version}（{formats}），审核者 {reviewer}；共 {count} 个文件</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>preview: the exported label maps drawn</source>
            <translation>预览：导出的标签图</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>Patient {patient} · family {family} · schema {schema}</source>
            <translation>患者 {patient} · 肿瘤类别 {family} · 标注方案 {schema}</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>sequence</source>
            <translation>序列</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>series</source>
            <translation>序列描述</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>confirmed grade</source>
            <translation>确认的分级</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>report</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>by</source>
            <translation>标注者</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>saved</source>
            <translation>保存时间</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>parent</source>
            <translation>父版本</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>approval</source>
            <translation>审核</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>1. QC of the series (R-QC-1..3)</source>
            <translation>1. 序列质量控制（R-QC-1..3）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>2. Annotation versions (R-FLOW-1)</source>
            <translation>2. 标注版本（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>3. Self-check (R-ANN-9)</source>
            <translation>3. 自检（R-ANN-9）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>4. Review (R-PPL-3)</source>
            <translation>4. 审核（R-PPL-3）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>5. Export (R-FMT-1..3)</source>
            <translation>5. 导出（R-FMT-1..3）</translation>
        </message>
        <message>
            <location filename="../case/index_html.py" />
            <source>Case {case_id}</source>
            <translation>病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>label map</source>
            <translation>标签图</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>a label map must be a 3D single-component image</source>
            <translation>标签图必须是三维单通道图像</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>a label map must hold integer values</source>
            <translation>标签图必须为整数值</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>label map holds negative values (down to {lowest})</source>
            <translation>标签图含负值（最小为 {lowest}）</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>label value {value} is not a region label</source>
            <translation>标签值 {value} 不是区域标签</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>the label map is empty: no voxel carries a label</source>
            <translation>标签图为空：没有体素带有标签</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>atlas FLAIR</source>
            <translation>图谱 FLAIR</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>{size} voxels of {spacing} mm at ({origin})</source>
            <translation>{size} 个体素，体素间距 {spacing} mm，原点（{origin}）</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>transform file not found</source>
            <translation>未找到变换文件</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>the label map's grid ({grid}) is not the grid of any case volume ({grids}): it may lie in another space (an atlas such as SRI-24). Give --atlas-flair with the FLAIR of its space to register it, --transform FILE, or --transform identity if it is in the scanner's space on another grid</source>
            <translation>标签图的网格（{grid}）与病例的任何容积网格（{grids}）都不同：它可能位于另一空间（如 SRI-24 图谱）。请用 --atlas-flair 提供该空间的 FLAIR 以进行配准，或提供 --transform FILE；若其位于扫描仪空间但网格不同，请用 --transform identity</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>no labelled voxel lands inside the case's FLAIR volume: the label map lies in another space (give --atlas-flair or --transform)</source>
            <translation>没有带标签的体素落在病例的 FLAIR 容积内：标签图位于另一空间（请提供 --atlas-flair 或 --transform）</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>only {inside:.0%} of the labelled voxels land in the head on the case's FLAIR (at least {minimum:.0%} expected): the label map lies in another space or under a wrong transform; nothing was written</source>
            <translation>只有 {inside:.0%} 的带标签体素落在病例 FLAIR 的头部内（应至少 {minimum:.0%}）：标签图位于另一空间或变换有误；未写入任何内容</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>atlas FLAIR not found</source>
            <translation>未找到图谱 FLAIR</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>no labelled voxel lands inside the case's volumes: the label map does not overlap the case (another patient, or another space without --atlas-flair?)</source>
            <translation>没有带标签的体素落在病例的容积内：标签图与病例不重叠（是否为其他患者，或位于另一空间但未提供 --atlas-flair？）</translation>
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>imported from {file} ({convention} labels, nearest-neighbour resampling)</source>
            <translation>从 {file} 导入（{convention} 标签，最近邻重采样）</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>volume not found</source>
            <translation>未找到容积</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>volume</source>
            <translation>容积</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>expected a 3D volume, got {dimension}D</source>
            <translation>应为三维容积，实际为 {dimension} 维</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>the {family} schema draws on {sequences}: provide {options}</source>
            <translation>{family} 标注方案需在 {sequences} 上勾画：请提供 {options}</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>the case folder path is an existing file</source>
            <translation>病例文件夹路径是一个已存在的文件</translation>
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>a case already exists here; choose a new folder</source>
            <translation>此处已有病例；请选择新文件夹</translation>
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>the atlas FLAIR has no non-zero (brain) voxels</source>
            <translation>图谱 FLAIR 没有非零（脑）体素</translation>
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>co-registration needs a FLAIR volume</source>
            <translation>配准需要 FLAIR 容积</translation>
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>co-registering to FLAIR</source>
            <translation>正在配准至 FLAIR</translation>
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>SimpleITK cannot read the transform ({error})</source>
            <translation>SimpleITK 无法读取该变换（{error}）</translation>
        </message>
        <message>
            <location filename="../case/seg_nrrd_reader.py" />
            <source>segmentation</source>
            <translation>分割</translation>
        </message>
        <message>
            <location filename="../case/seg_nrrd_reader.py" />
            <source>segmentation: not readable ({reason})</source>
            <translation>分割：无法读取（{reason}）</translation>
        </message>
        <message>
            <location filename="../case/seg_nrrd_reader.py" />
            <source>corrupt</source>
            <translation>文件损坏</translation>
        </message>
    </context>
</TS>
