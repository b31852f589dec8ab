<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotation</name>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>A case queue and a per-case wizard for annotating CNS-tumor MRI under the Chinese radiologists' expert consensus: whole tumor / edema on FLAIR, tumor body on T2, enhancing and non-enhancing regions on contrast T1, each on the original axial images; self-check, versioned saves, review and export to NIfTI, .seg.nrrd, DICOM SEG, BraTS and nnU-Net layouts.</source>
            <translation>按照中国放射科医师专家共识标注 CNS 肿瘤 MRI 的病例队列与逐例向导：在 FLAIR 上标注全肿瘤区域/水肿，在 T2 上标注肿瘤瘤体，在增强 T1 上标注强化与非强化区域，均在原始轴位图像上完成；自检、版本化保存、审核，并导出为 NIfTI、.seg.nrrd、DICOM SEG、BraTS 和 nnU-Net 格式。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Implements the Expert consensus on MR images annotation of central nervous system tumors (Chinese Association of Radiologists, Int J Med Radiol 2021;44(4):378-384).</source>
            <translation>实现《中枢神经系统肿瘤 MR 图像标注专家共识》（中国医师协会放射医师分会，国际医学放射学杂志 2021;44(4):378-384）。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>The drawing on this case is not saved as a version. Discard it?</source>
            <translation>该病例的勾画尚未保存为版本。放弃吗？</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Failed to open the case queue.</source>
            <translation>无法打开病例队列。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Cannot move in the queue.</source>
            <translation>无法在队列中移动。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Cannot open that case.</source>
            <translation>无法打开该病例。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Cannot reopen the case.</source>
            <translation>无法重新打开该病例。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Open your queue first.</source>
            <translation>请先打开您的队列。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Case</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Versions</source>
            <translation>版本数</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Failed to load the case.</source>
            <translation>病例加载失败。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>The step could not be completed.</source>
            <translation>该步骤未能完成。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>The confirmation was not recorded.</source>
            <translation>确认未被记录。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Cannot show that finding.</source>
            <translation>无法显示该发现。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>(whole case)</source>
            <translation>（整个病例）</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Volume (cm3)</source>
            <translation>体积（cm³）</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Other (cm3)</source>
            <translation>对照（cm³）</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Dice</source>
            <translation>Dice</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Cannot overlay that version.</source>
            <translation>无法叠加该版本。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Load a case with another saved version first.</source>
            <translation>请先加载一个有其他已保存版本的病例。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>The comment was not added.</source>
            <translation>意见未添加。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>The review was not recorded.</source>
            <translation>审核未被记录。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Case {case} is now {state}.</source>
            <translation>病例 {case} 现在的状态为 {state}。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Export failed.</source>
            <translation>导出失败。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Exported {n} files; manifest {path}</source>
            <translation>已导出 {n} 个文件；清单 {path}</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>CNS Tumor Annotation</source>
            <translation>CNS 肿瘤标注</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Enter who you are (a person ID of the project) first.</source>
            <translation>请先填写您的身份（项目中的人员 ID）。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Load a case first.</source>
            <translation>请先加载病例。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>Load a case to start.</source>
            <translation>加载病例以开始。</translation>
        </message>
        <message>
            <location filename="../../CNSTumorAnnotation.py" />
            <source>No findings: the annotation passes the self-check.</source>
            <translation>无发现：标注通过自检。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>0. Case queue (annotation project)</source>
            <translation>0. 病例队列（标注项目）</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Project folder:</source>
            <translation>项目文件夹：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>An annotation project made by "cnstumor project init" (project.sqlite, cases/).</source>
            <translation>由“cnstumor project init”创建的标注项目（project.sqlite、cases/）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Your assigned cases (annotator) or the submitted cases you may review (reviewer). Who you are is the Annotator / reviewer field below, checked against the project's people.</source>
            <translation>分配给您的病例（标注者）或您可以审核的已提交病例（审核者）。您的身份取自下方“标注者/审核者”字段，并与项目人员名单核对。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Open my queue</source>
            <translation>打开我的队列</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>%v / %m cases finished</source>
            <translation>已完成 %v / %m 个病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Previous case (Ctrl+P)</source>
            <translation>上一个病例（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Previous case</source>
            <translation>上一个病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Load the selected case: to draw (annotator) or read-only to review (reviewer).</source>
            <translation>加载所选病例：用于勾画（标注者）或只读审核（审核者）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Open case</source>
            <translation>打开病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Next case (Ctrl+N)</source>
            <translation>下一个病例（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Next case</source>
            <translation>下一个病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Reopen reason:</source>
            <translation>重新打开理由：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>R-PPL-3: an approved case is reopened with a reason; the change becomes a new version that is reviewed again.</source>
            <translation>R-PPL-3：已批准的病例须说明理由才能重新打开；修改将成为新版本并再次审核。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Reopen approved case</source>
            <translation>重新打开已批准病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>1. Case</source>
            <translation>1. 病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Case folder:</source>
            <translation>病例文件夹：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>A case folder made by "cnstumor case import" (case.json, volumes/, annotations/).</source>
            <translation>由“cnstumor case import”创建的病例文件夹（case.json、volumes/、annotations/）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Annotator / reviewer:</source>
            <translation>标注者/审核者：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Who is drawing or reviewing: a person ID of the project (recorded with every saved version, R-FLOW-1).</source>
            <translation>正在勾画或审核的人：项目中的人员 ID（随每个保存的版本记录，R-FLOW-1）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Guidance language:</source>
            <translation>指导语言：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>R-ANN-1: review all sequences and slices before drawing.</source>
            <translation>R-ANN-1：勾画前浏览全部序列和层面。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Load case</source>
            <translation>加载病例</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>2. Annotate (wizard)</source>
            <translation>2. 标注（向导）</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>R-ANN-1: I reviewed all sequences and slices (location, size, shape, components).</source>
            <translation>R-ANN-1：我已浏览全部序列和层面（位置、大小、形态、成分）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Reviewed all sequences</source>
            <translation>已浏览全部序列</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Previous region</source>
            <translation>上一个区域</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Next region</source>
            <translation>下一个区域</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Finish drawing</source>
            <translation>完成勾画</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>3. Self-check, checklist and save</source>
            <translation>3. 自检、核对清单与保存</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>R-ANN-9: check for missed slices, missed end slices, hierarchy errors and sulci.</source>
            <translation>R-ANN-9：检查漏标层面、漏标首末层、层级错误和脑沟。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Self-check</source>
            <translation>自检</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Double-click a finding to jump to its region and slice.</source>
            <translation>双击某条发现以跳转到其区域和层面。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Confirm what the software cannot check (recorded with your name):</source>
            <translation>确认软件无法检查的内容（将与您的姓名一起记录）：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>R-ANN-4: the tumor shows no definite enhancement; the enhancing region stays empty.</source>
            <translation>R-ANN-4：肿瘤无明确强化；强化区域保持为空。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>No enhancement seen</source>
            <translation>未见强化</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Checklist complete</source>
            <translation>核对清单完成</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Save new version</source>
            <translation>保存新版本</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>5. Review (R-PPL-3)</source>
            <translation>5. 审核（R-PPL-3）</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Compare with:</source>
            <translation>对比：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Another saved version of this case, or a model's pre-annotation (a machine-made version, R-HMI-3), overlaid as an outline.</source>
            <translation>该病例的另一已保存版本，或模型预标注（机器生成的版本，R-HMI-3），以轮廓叠加显示。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Overlay</source>
            <translation>叠加</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Comment:</source>
            <translation>意见：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Where the annotation must change; located by region and slice (R-PPL-3).</source>
            <translation>标注需要修改之处；按区域和层面定位（R-PPL-3）。</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Region and slice:</source>
            <translation>区域与层面：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>any slice</source>
            <translation>任意层面</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Add comment</source>
            <translation>添加意见</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Return with comments</source>
            <translation>附意见退回</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>4. Export</source>
            <translation>4. 导出</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Output folder:</source>
            <translation>输出文件夹：</translation>
        </message>
        <message>
            <location filename="../UI/CNSTumorAnnotation.ui" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
    </context>
</TS>
