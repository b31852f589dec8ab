<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.cli</name>
        <message>
            <location filename="../cli/agreement.py" />
            <source>--region must look like NAME=1,2,4, got {text!r}</source>
            <translation>--region 的格式应为 NAME=1,2,4，收到的是 {text!r}</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>{region:&gt;14}: Dice mean {dice_mean:.3f} (min {dice_min:.3f}), HD95 max {hd95_max:.2f} mm</source>
            <translation>{region:&gt;14}：Dice 均值 {dice_mean:.3f}（最小 {dice_min:.3f}），HD95 最大 {hd95_max:.2f} mm</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>wrote {path} and agreement.html</source>
            <translation>已写入 {path} 和 agreement.html</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>compare two or more label maps of one case (Dice, HD95, NSD, lesion-wise, STAPLE)</source>
            <translation>比较同一病例的两个或多个标签图（Dice、HD95、NSD、逐病灶、STAPLE）</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>Compare label maps of one case directly and write agreement.json and agreement.html (R-PPL-2 inter-annotator agreement). The regions are BraTS's unless --region NAME=1,2,4 (repeatable) gives others: whole tumor = labels 1, 2, 4; tumor core = 1, 4; enhancing = 4.</source>
            <translation>直接比较同一病例的标签图，写出 agreement.json 和 agreement.html（R-PPL-2 标注者间一致性）。区域默认按 BraTS 定义：全肿瘤 = 标签 1、2、4；肿瘤核心 = 1、4；强化区域 = 4；可用 --region NAME=1,2,4（可重复）另行指定。</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>label maps on one voxel grid</source>
            <translation>位于同一体素网格上的标签图</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>NAME=labels, e.g. whole_tumor=1,2,4</source>
            <translation>NAME=标签值，例如 whole_tumor=1,2,4</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>show this help message and exit</source>
            <translation>显示本帮助信息并退出</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>show program's version number and exit</source>
            <translation>显示程序版本号并退出</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s：错误：%(message)s
</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>the following arguments are required: %s</source>
            <translation>缺少必需的参数：%s</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>one of the arguments %s is required</source>
            <translation>参数 %s 中必须给出一个</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 同时使用</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>expected one argument</source>
            <translation>需要一个参数值</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>expected at most one argument</source>
            <translation>最多需要一个参数值</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>expected at least one argument</source>
            <translation>至少需要一个参数值</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>expected %s argument</source>
            <translation>需要 %s 个参数值</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>expected %s arguments</source>
            <translation>需要 %s 个参数值</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>选项有歧义：%(option)s 可匹配 %(matches)s</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>ignored explicit argument %r</source>
            <translation>已忽略显式给出的参数值 %r</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>Annotate CNS-tumor MRI as the Chinese radiologists' expert consensus prescribes (Int J Med Radiol 2021;44(4):378-384): QC, label schemas, self-check, review, export.</source>
            <translation>按《中枢神经系统肿瘤的 MRI 影像标注专家共识》（Int J Med Radiol 2021;44(4):378-384）标注中枢神经系统肿瘤 MRI：质控、标签方案、自检、审核、导出。</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>language of messages, findings and reports: en or zh (default: the CNSTUMOR_LANG environment variable, else en)</source>
            <translation>消息、检查结果和报告的语言：en 或 zh（默认：环境变量 CNSTUMOR_LANG，未设置时为 en）</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: error: {message}</source>
            <translation>cnstumor {command}：错误：{message}</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: error: {offending_name}: a file or folder name in the input is not valid UTF-8; rename it (reports and manifests are UTF-8)</source>
            <translation>cnstumor {command}：错误：{offending_name}：输入中的文件名或文件夹名不是有效的 UTF-8，请重命名（报告和清单文件均为 UTF-8）</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: interrupted</source>
            <translation>cnstumor {command}：已中断</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>{option}: the name {name} is not valid UTF-8; rename the file or folder</source>
            <translation>{option}：名称 {name} 不是有效的 UTF-8，请重命名该文件或文件夹</translation>
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor: {variable}={value} is not a language cnstumor speaks (en, zh); using English</source>
            <translation>cnstumor：{variable}={value} 不是 cnstumor 支持的语言（en、zh），将使用英文</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>build a case folder (volumes, registration, labels)</source>
            <translation>建立病例文件夹（图像、配准、标签）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>NIfTI volumes or a QC-checked DICOM study -&gt; case folder (R-FMT-3, R-ANN-8)</source>
            <translation>NIfTI 图像或已质控的 DICOM 检查 -&gt; 病例文件夹（R-FMT-3、R-ANN-8）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>new case folder</source>
            <translation>新建的病例文件夹</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>{sequence} volume (NIfTI)</source>
            <translation>{sequence} 图像（NIfTI）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>qc_report.json of the study (cnstumor qc)</source>
            <translation>该检查的 qc_report.json（cnstumor qc 生成）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the DICOM folder the QC report describes</source>
            <translation>质控报告所描述的 DICOM 文件夹</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>patient number or pseudonym used in file names (R-FMT-3); a person's name is refused (R-DATA-1) unless --key-file maps it to its pseudonym</source>
            <translation>用于文件名的患者编号或假名（R-FMT-3）；给出人名将被拒绝（R-DATA-1），除非 --key-file 将其映射为假名</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the pseudonym key of cnstumor deid: an original name or ID given to --patient is replaced by its pseudonym</source>
            <translation>cnstumor deid 生成的假名对照表：--patient 给出的原始姓名或 ID 将替换为其假名</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>R-SCOPE-1 family</source>
            <translation>R-SCOPE-1 肿瘤类别</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>glioma|pcnsl|metastasis|meningioma|hemangiopericytoma (sets the family); another diagnosis (e.g. ependymoma) with --family, recorded with a note (R-SCOPE-1)</source>
            <translation>glioma|pcnsl|metastasis|meningioma|hemangiopericytoma（据此确定类别）；其他诊断（如室管膜瘤）须同时给出 --family，并附注记录（R-SCOPE-1）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>sellar|pineal|cerebellopontine_angle|bone_invading|skull_crossing|other</source>
            <translation>部位：sellar|pineal|cerebellopontine_angle|bone_invading|skull_crossing|other</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>skip co-registration</source>
            <translation>跳过配准</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>import a label map as a new machine-made version</source>
            <translation>将标签图导入为新的机器生成版本</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the case folder (case.json)</source>
            <translation>病例文件夹（含 case.json）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the label map file (NIfTI or NRRD)</source>
            <translation>标签图文件（NIfTI 或 NRRD）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>label convention of the map: brats2021|brats2023|brats-men|cnstumor (default: %(default)s)</source>
            <translation>标签图的标签约定：brats2021|brats2023|brats-men|cnstumor（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>FLAIR of the label map's space (e.g. an atlas such as SRI-24): registered to the case's FLAIR and the labels follow</source>
            <translation>标签图所在空间的 FLAIR（如 SRI-24 等图谱）：将其配准到病例的 FLAIR，标签随之变换</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>ITK transform file mapping the case's FLAIR points into the label map's space, or 'identity' for a map in the scanner's space on another grid; without it (or --atlas-flair) a map on no case volume's grid is refused</source>
            <translation>将病例 FLAIR 中的点映射到标签图空间的 ITK 变换文件；若标签图位于扫描仪空间但网格不同，则填 'identity'；未给出此项（或 --atlas-flair）时，不在任何病例图像网格上的标签图将被拒绝</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>approve a case-folder version outside a project (R-PPL-1, R-PPL-3)</source>
            <translation>在项目之外审核通过病例文件夹中的一个版本（R-PPL-1、R-PPL-3）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>Mark an annotation version approved: its files become read-only. The reviewer must be listed in the people file as a qualified reviewer (R-PPL-1) and must not be the version's annotator (R-PPL-3). Inside an annotation project, review there instead.</source>
            <translation>将一个标注版本标记为审核通过，其文件随即变为只读。审核者须在人员文件中登记为具备资质的审核者（R-PPL-1），且不得是该版本的标注者（R-PPL-3）。属于标注项目的病例，请在项目中审核。</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the reviewer's id in the people file</source>
            <translation>审核者在人员文件中的 ID</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>JSON: {"people": [{"id", "name", "role", "years_experience", "title"}, ...]}</source>
            <translation>JSON 文件：{"people": [{"id", "name", "role", "years_experience", "title"}, ...]}</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>default: the latest</source>
            <translation>默认：最新版本</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>write CASE_DIR/index.html linking QC, versions, self-check, review, export</source>
            <translation>写出 CASE_DIR/index.html，链接质控、各版本、自检、审核和导出结果</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the annotation project reviewing the case</source>
            <translation>审核该病例的标注项目</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the export folder of the case</source>
            <translation>该病例的导出文件夹</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case index: {path}</source>
            <translation>病例索引：{path}</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case {case_id}: version {version} approved by {reviewer}</source>
            <translation>病例 {case_id}：版本 {version} 已由 {reviewer} 审核通过</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>DICOM import takes --qc-report and --dicom, and no volume options</source>
            <translation>DICOM 导入需要 --qc-report 和 --dicom，且不能同时给出图像选项</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>--patient is required with NIfTI volumes (R-FMT-3 file names)</source>
            <translation>导入 NIfTI 图像时必须给出 --patient（R-FMT-3 文件命名）</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case {case_id} ({family}) written to {root}</source>
            <translation>病例 {case_id}（{family}）已写入 {root}</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>  note: {note}</source>
            <translation>  注：{note}</translation>
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>  {sequence} -&gt; FLAIR: Mattes MI {before:.3f} -&gt; {after:.3f}</source>
            <translation>  {sequence} -&gt; FLAIR：Mattes 互信息 {before:.3f} -&gt; {after:.3f}</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>resolve self-check findings without Slicer: fill skipped slices, remove specks (a new version, R-ANN-7/9)</source>
            <translation>无需 Slicer 处理自检结果：补全漏标层面、去除碎点（生成新版本，R-ANN-7/9）</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>Apply the annotator's decision on the self-check findings of an annotation version and save the result as a NEW version (parent: the corrected one; nothing is overwritten). Lesions are named as the self-check names them: 'whole_tumor #3'.</source>
            <translation>按标注者对某一标注版本自检结果的处理决定进行修正，结果保存为新版本（其父版本为被修正的版本，不覆盖任何内容）。病灶名称与自检中的一致，如 'whole_tumor #3'。</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>who decided the correction (recorded)</source>
            <translation>决定修正的人（将被记录）</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>version to correct (latest)</source>
            <translation>要修正的版本（默认最新）</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-9: fill each lesion's empty interior slice from its neighbouring slices</source>
            <translation>R-ANN-9：用相邻层面补全每个病灶内部的空白层面</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-7: remove lesions below the self-check's speck limits (10 voxels or 20 mm3)</source>
            <translation>R-ANN-7：去除低于自检碎点阈值（10 个体素或 20 mm3）的病灶</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-7: remove lesions smaller than this volume (mm3)</source>
            <translation>R-ANN-7：去除体积小于此值（mm3）的病灶</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-7: remove lesions of fewer voxels than this</source>
            <translation>R-ANN-7：去除体素数少于此值的病灶</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>a small lesion confirmed as real: never removed (repeatable)</source>
            <translation>经确认为真实病灶的小病灶：不会被去除（可重复）</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>limit to this region (repeatable)</source>
            <translation>仅处理此区域（可重复）</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>say what to correct: --fill-skipped-slices, --remove-specks, --remove-below-mm3 or --remove-below-voxels</source>
            <translation>请指明要修正的内容：--fill-skipped-slices、--remove-specks、--remove-below-mm3 或 --remove-below-voxels</translation>
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>saved as version {version}; run `cnstumor selfcheck {case_dir}` again</source>
            <translation>已保存为版本 {version}；请重新运行 `cnstumor selfcheck {case_dir}`</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>{who} (a person id; a token names its holder)</source>
            <translation>{who}（人员 ID；使用令牌时由令牌指明其持有人）</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>who is acting</source>
            <translation>执行操作的人</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>file whose first line is the password (or the {variable} environment variable)</source>
            <translation>第一行为密码的文件（或环境变量 {variable}）</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>file holding a token (or the {variable} environment variable)</source>
            <translation>存放令牌的文件（或环境变量 {variable}）</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>no such credential file</source>
            <translation>凭据文件不存在</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>cannot read the credential file: {error}</source>
            <translation>无法读取凭据文件：{error}</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>the credential file is empty</source>
            <translation>凭据文件为空</translation>
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>who is acting? give --actor and a password, or a token</source>
            <translation>由谁执行操作？请给出 --actor 和密码，或给出令牌</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>export annotated cases as NIfTI, .seg.nrrd, DICOM SEG, BraTS or nnU-Net (R-FMT-1..3)</source>
            <translation>将已标注病例导出为 NIfTI、.seg.nrrd、DICOM SEG、BraTS 或 nnU-Net 格式（R-FMT-1..3）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>case folder(s)</source>
            <translation>病例文件夹（可多个）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>output folder (created if needed)</source>
            <translation>输出文件夹（不存在时自动创建）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>{formats} | all (repeat or comma-separate; default: all)</source>
            <translation>{formats} | all（可重复或以逗号分隔；默认：all）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>file-name pattern with {patient}, {sequence}, {content} and optionally {case}, {version}, {annotator} (R-FMT-3; default: %(default)s)</source>
            <translation>文件命名模式，含 {patient}、{sequence}、{content}，可选 {case}、{version}、{annotator}（R-FMT-3；默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>write non-ASCII characters of names as uXXXX code points</source>
            <translation>名称中的非 ASCII 字符写为 uXXXX 码位</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>refuse a version that no reviewer has approved (R-PPL-3; the default)</source>
            <translation>拒绝导出未经审核者通过的版本（R-PPL-3；默认）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>also export versions no reviewer has approved (recorded in the manifest)</source>
            <translation>同时导出未经审核通过的版本（记录在清单文件中）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>deface every exported image with Quickshear (R-DATA-1; recorded in the manifest)</source>
            <translation>用 Quickshear 对每幅导出图像去除面部（R-DATA-1；记录在清单文件中）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>write no &lt;case&gt;/preview.html (the exported label maps drawn; ~0.4 s per case)</source>
            <translation>不写出 &lt;case&gt;/preview.html（导出标签图的预览；每例约 0.4 s）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>who exports a project's cases (signed in, audited)</source>
            <translation>导出项目病例的人（须登录，记入审计日志）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>annotation project whose review store decides --approved-only (default: the project holding the case folder, else the case folder's own approval flag)</source>
            <translation>以其审核记录决定 --approved-only 的标注项目（默认：包含该病例文件夹的项目；若无，则以病例文件夹自身的审核通过标记为准）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>annotation version to export (default: the latest; not --version, which Slicer owns)</source>
            <translation>要导出的标注版本（默认：最新；不用 --version，该选项为 Slicer 所用）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>BraTS label convention of the BraTS export (default: %(default)s)</source>
            <translation>BraTS 导出所用的 BraTS 标签约定（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>grid of the BraTS and nnU-Net images and labels (default: %(default)s)</source>
            <translation>BraTS 和 nnU-Net 图像及标签所用的网格（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>nnU-Net dataset ID (3 digits)</source>
            <translation>nnU-Net 数据集 ID（3 位数字）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>nnU-Net dataset name</source>
            <translation>nnU-Net 数据集名称</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>no progress bar</source>
            <translation>不显示进度条</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>export on this Dask scheduler (tcp://host:8786) instead of this process</source>
            <translation>在此 Dask 调度器（tcp://host:8786）上导出，而不在本进程中导出</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>Dask workers of a local cluster; 1 (default) exports in this process, 0 = one per CPU</source>
            <translation>本地 Dask 集群的工作进程数；1（默认）表示在本进程中导出，0 表示每个 CPU 一个</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>cnstumor export: FAILED {source}: {first_line}</source>
            <translation>cnstumor export：失败 {source}：{first_line}</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>exported {exported} of {total} case(s) ({unchanged} unchanged since the last run; {formats}) into {out_dir}; summary: {summary_path}</source>
            <translation>已导出 {total} 例中的 {exported} 例（其中 {unchanged} 例自上次运行以来未变；{formats}）到 {out_dir}；汇总：{summary_path}</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>exporting cases of an annotation project needs --actor (a person of the project): the export is recorded in its audit log (R-FLOW-1)</source>
            <translation>导出标注项目中的病例需要 --actor（项目中的人员）：导出操作将记入项目的审计日志（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>batch_export: error: {error}</source>
            <translation>batch_export：错误：{error}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>human-machine interactive annotation: gold standard, pre-annotation, sampling, rounds</source>
            <translation>人机交互标注：金标准、预标注、抽样、迭代轮次</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>Human-machine interactive annotation (R-HMI-1, R-HMI-3, R-HMI-4, R-HMI-5): STAPLE several experts' annotations into the gold standard (gold), land a model's output as a machine-made pre-annotation (preannotate), rank pre-annotated cases for the experts' assessment (rank), record each round of correction (round) and check whether the data set meets the experts' requirement (status).</source>
            <translation>人机交互标注（R-HMI-1、R-HMI-3、R-HMI-4、R-HMI-5）：用 STAPLE 将多名专家的标注融合为金标准（gold），将模型输出导入为机器生成的预标注（preannotate），对预标注病例排序以供专家评估（rank），记录每一轮修正（round），并检查数据集是否已满足专家要求（status）。</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5: the rounds so far and the stopping check</source>
            <translation>R-HMI-5：已有的迭代轮次及停止条件检查</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project or dataset folder holding hmi_rounds.json</source>
            <translation>存放 hmi_rounds.json 的项目或数据集文件夹</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>print the record as JSON</source>
            <translation>以 JSON 格式输出记录</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-1: STAPLE several experts' annotations into the standard</source>
            <translation>R-HMI-1：用 STAPLE 将多名专家的标注融合为金标准</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case versions by different experts</source>
            <translation>由不同专家标注的病例版本</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>experts' label map files</source>
            <translation>专家的标签图文件</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the experts' names, one per label map</source>
            <translation>专家姓名，每个标签图一个</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>label convention of --label-maps</source>
            <translation>--label-maps 的标签约定</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>atlas FLAIR when the label maps are in an atlas space</source>
            <translation>标签图位于图谱空间时所用的图谱 FLAIR</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>who records the standard</source>
            <translation>记录金标准的人</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-3: a model's output as a machine-made version</source>
            <translation>R-HMI-3：将模型输出导入为机器生成的版本</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the model's label map file</source>
            <translation>模型输出的标签图文件</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the model's name</source>
            <translation>模型名称</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the model's version (weights, training round)</source>
            <translation>模型版本（权重、训练轮次）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>label convention of the label map (default: %(default)s)</source>
            <translation>标签图的标签约定（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>atlas FLAIR when the label map is in an atlas space</source>
            <translation>标签图位于图谱空间时所用的图谱 FLAIR</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-4: rank pre-annotated cases for expert assessment</source>
            <translation>R-HMI-4：对预标注病例排序，供专家评估</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case folders or folders of model label maps</source>
            <translation>病例文件夹或模型标签图文件夹</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>how many cases the experts assess</source>
            <translation>专家评估的病例数</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>worklist .json or .csv</source>
            <translation>工作清单 .json 或 .csv</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>seed of the exploration draw</source>
            <translation>探索性随机抽取的种子</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>random share of the budget</source>
            <translation>随机抽取所占的比例</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>label convention of label map folders</source>
            <translation>标签图文件夹的标签约定</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>tumor family of label map folders</source>
            <translation>标签图文件夹的肿瘤类别</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>self-check case folders without one</source>
            <translation>对尚无自检结果的病例文件夹进行自检</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5: record one round of pre-annotation and correction</source>
            <translation>R-HMI-5：记录一轮预标注与修正</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project or dataset folder (hmi_rounds.json lives there)</source>
            <translation>项目或数据集文件夹（hmi_rounds.json 存放于此）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>who records the round</source>
            <translation>记录本轮的人</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case ids the model pre-annotated</source>
            <translation>模型预标注的病例 ID</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case ids the experts assessed</source>
            <translation>专家评估的病例 ID</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>a worklist JSON: its cases are the sampled ones</source>
            <translation>工作清单 JSON：其中的病例即为抽样病例</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>sampled cases that needed correction</source>
            <translation>需要修正的抽样病例</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>corrected cases added to the standard set</source>
            <translation>修正后加入标准样本集的病例</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project threshold: stop below this corrected share</source>
            <translation>项目阈值：修正比例低于此值即停止</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project rule: assess at least this many cases</source>
            <translation>项目规则：至少评估这么多病例</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-1: version {version} saved as {annotator!r}</source>
            <translation>R-HMI-1：版本 {version} 已保存，标注者为 {annotator!r}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>  {key:24} empty for every expert</source>
            <translation>  {key:24} 所有专家均为空</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>{expert} sens {sensitivity:.3f} spec {specificity:.3f}</source>
            <translation>{expert} 敏感度 {sensitivity:.3f} 特异度 {specificity:.3f}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>  {key:24} {voxels} voxels; {performance}</source>
            <translation>  {key:24} {voxels} 个体素；{performance}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>record: {record_path}</source>
            <translation>记录：{record_path}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-3: version {version} by {annotator!r} (machine-made)</source>
            <translation>R-HMI-3：版本 {version}，标注者 {annotator!r}（机器生成）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>worklist: {path}</source>
            <translation>工作清单：{path}</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>not a worklist JSON ({error})</source>
            <translation>不是工作清单 JSON（{error}）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>name the sampled cases (--sampled) or their --worklist</source>
            <translation>请给出抽样病例（--sampled）或其工作清单（--worklist）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5 round {round} recorded: STOP: the data set meets the requirement ({reason})</source>
            <translation>R-HMI-5 第 {round} 轮已记录：停止，数据集已满足要求（{reason}）</translation>
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5 round {round} recorded: continue ({reason})</source>
            <translation>R-HMI-5 第 {round} 轮已记录：继续迭代（{reason}）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>annotation project: people, cases, review, audit</source>
            <translation>标注项目：人员、病例、审核、审计</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>create a project folder with its first administrator</source>
            <translation>创建项目文件夹及其第一位管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the project's name (default: the folder's)</source>
            <translation>项目名称（默认：文件夹名）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's person id</source>
            <translation>管理员的人员 ID</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's full name</source>
            <translation>管理员的姓名</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's staff number</source>
            <translation>管理员的工号</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>file whose first line is the administrator's new password (or the {variable} environment variable)</source>
            <translation>第一行为管理员新密码的文件（或环境变量 {variable}）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>a PostgreSQL database for the project (postgresql://user@host:port/db; the password goes in ~/.pgpass or PGPASSWORD, never in the URL)</source>
            <translation>项目使用的 PostgreSQL 数据库（postgresql://user@host:port/db；密码放在 ~/.pgpass 或 PGPASSWORD 中，切勿写入 URL）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>move the project's SQLite database onto PostgreSQL (rows, ids and audit chain kept)</source>
            <translation>将项目的 SQLite 数据库迁移到 PostgreSQL（保留所有记录、ID 和审计链）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>an empty PostgreSQL database</source>
            <translation>一个空的 PostgreSQL 数据库</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>check database integrity, audit hash chain and file checksums</source>
            <translation>检查数据库完整性、审计哈希链和文件校验和</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>cases per state and the review queue</source>
            <translation>各状态的病例数及审核队列</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>also write a self-contained HTML report here</source>
            <translation>同时在此处写出独立的 HTML 报告</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>print JSON instead of a table</source>
            <translation>输出 JSON 而非表格</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>training-phase calibration: two teams (R-PPL-4)</source>
            <translation>培训阶段的校准：两个小组（R-PPL-4）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>calibration batch JSON</source>
            <translation>校准批次 JSON</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>record the outcome for the team members</source>
            <translation>为小组成员记录结果</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator recording the certification</source>
            <translation>记录认证结果的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the annotation project folder</source>
            <translation>标注项目文件夹</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>people (R-PPL-1)</source>
            <translation>人员（R-PPL-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>add a person; refused when not qualified for the role</source>
            <translation>添加人员；不具备该角色资质时将被拒绝</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the new person's id (used to sign in)</source>
            <translation>新人员的 ID（用于登录）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the person's full name</source>
            <translation>人员姓名</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>years of clinical or imaging experience</source>
            <translation>临床或影像工作年限</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>professional title: one of {titles} (or 主治医师 ...)</source>
            <translation>职称：{titles} 之一（或 主治医师 等）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>licence or staff number (one human, one identity)</source>
            <translation>执业证号或工号（一人一个身份）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>wizard language</source>
            <translation>向导界面语言</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the new person's first password (first line)</source>
            <translation>新人员的初始密码（文件第一行）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator adding the person</source>
            <translation>添加该人员的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>datasets (R-DATA-1)</source>
            <translation>数据集（R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>record a dataset with its ethics approval</source>
            <translation>登记数据集及其伦理审批</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the dataset's id</source>
            <translation>数据集 ID</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>reference of the ethics committee's approval</source>
            <translation>伦理委员会批件编号</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>date of the ethics approval, YYYY-MM-DD</source>
            <translation>伦理审批日期，YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the dataset is de-identified (R-DATA-1)</source>
            <translation>数据集已脱敏（R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>a description of the dataset</source>
            <translation>数据集说明</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator recording the dataset</source>
            <translation>登记该数据集的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>cases</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>register a collected case (state imported; R-DATA-1)</source>
            <translation>登记已收集的病例（状态为已导入；R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the new case's id</source>
            <translation>新病例的 ID</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the dataset the case belongs to</source>
            <translation>病例所属的数据集</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the patient's pseudonym (R-DATA-1)</source>
            <translation>患者假名（R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>production, or the training phase's calibration (default: %(default)s)</source>
            <translation>正式标注（production）或培训阶段的校准（calibration）（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>where the case came from (recorded in the audit log)</source>
            <translation>病例来源（记入审计日志）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the case's de-identified DICOM folder, verified (R-DATA-1)</source>
            <translation>病例已脱敏的 DICOM 文件夹，将予以核验（R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the case has no DICOM to verify (e.g. NIfTI from a public archive); recorded</source>
            <translation>该病例没有可核验的 DICOM（如来自公开数据库的 NIfTI）；将予以记录</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the pseudonym key that de-identified --dicom</source>
            <translation>对 --dicom 脱敏时所用的假名对照表</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator registering the case</source>
            <translation>登记该病例的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>move a case one lifecycle step (R-FLOW-1)</source>
            <translation>将病例推进一步流程（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the case's id</source>
            <translation>病例 ID</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the step</source>
            <translation>流程步骤</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>for exclude / reopen</source>
            <translation>用于 exclude / reopen</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>pass_qc: the case's qc_report.json with radiologist-confirmed grades (R-QC-2)</source>
            <translation>pass_qc：病例的 qc_report.json，含放射科医师确认的分级（R-QC-2）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>assign a case to a qualified, certified annotator</source>
            <translation>将病例分配给具备资质且已通过认证的标注者</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the annotator's person id</source>
            <translation>标注者的人员 ID</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator assigning the case</source>
            <translation>分配该病例的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>save annotation files (or a case-folder version) as a new version</source>
            <translation>将标注文件（或病例文件夹中的一个版本）保存为新版本</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the assignee</source>
            <translation>病例的负责标注者</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>an annotation file of the version (repeatable)</source>
            <translation>该版本的标注文件（可重复）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>a case folder (case.json) whose version to record</source>
            <translation>要记录其版本的病例文件夹（含 case.json）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case-folder version number (default: the latest)</source>
            <translation>病例文件夹中的版本号（默认：最新）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>label schema version of loose files</source>
            <translation>单独文件所用的标签方案版本</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>record the self-check of the latest version (R-ANN-9)</source>
            <translation>记录最新版本的自检结果（R-ANN-9）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>selfcheck.json</source>
            <translation>自检结果文件 selfcheck.json</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>submit for review (needs a passed self-check)</source>
            <translation>提交审核（须先通过自检）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>approve or return a submitted case (R-PPL-3)</source>
            <translation>审核通过或退回已提交的病例（R-PPL-3）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the reviewer</source>
            <translation>审核者</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the same as --actor</source>
            <translation>与 --actor 相同</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>approve the version</source>
            <translation>审核通过该版本</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>return the case to its annotator for revision</source>
            <translation>退回病例给标注者修改</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>REGION[@SLICE]: TEXT, or plain TEXT (repeatable)</source>
            <translation>REGION[@SLICE]: TEXT，或纯文本 TEXT（可重复）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>an overall comment</source>
            <translation>总体意见</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the first administrator needs a password: --password-file or {variable}</source>
            <translation>第一位管理员需要设置密码：--password-file 或 {variable}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>created annotation project {project_dir} ({database}, cases/); administrator {admin}</source>
            <translation>已创建标注项目 {project_dir}（{database}，cases/）；管理员 {admin}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>added {role} {person_name} ({title}, {years_experience} years)</source>
            <translation>已添加 {role} {person_name}（{title}，{years_experience} 年）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>recorded dataset {id}</source>
            <translation>已登记数据集 {id}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>registered case {case} (imported)</source>
            <translation>已登记病例 {case}（已导入）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>pass_qc needs --qc-report: the grades a radiologist confirmed in the QC report are recorded, never a grade typed here (R-QC-2)</source>
            <translation>pass_qc 需要 --qc-report：记录的是放射科医师在质控报告中确认的分级，而不是在此输入的分级（R-QC-2）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: {state}</source>
            <translation>病例 {case}：{state}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case} assigned to {to}</source>
            <translation>病例 {case} 已分配给 {to}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>--schema-version is required with loose annotation files</source>
            <translation>保存单独的标注文件时必须给出 --schema-version</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>give annotation files (--file) or --case-folder</source>
            <translation>请给出标注文件（--file）或 --case-folder</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: saved version {number} ({files} files)</source>
            <translation>病例 {case}：已保存版本 {number}（{files} 个文件）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: self-check passed</source>
            <translation>病例 {case}：自检通过</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: self-check has blocking findings (R-ANN-9)</source>
            <translation>病例 {case}：自检存在阻断性检查结果（R-ANN-9）</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: submitted for review</source>
            <translation>病例 {case}：已提交审核</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>{project}: {counts}; review queue {queued}</source>
            <translation>{project}：{counts}；审核队列 {queued} 例</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>no cases</source>
            <translation>无病例</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>certified (R-PPL-4); report: {path}</source>
            <translation>已通过认证（R-PPL-4）；报告：{path}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>NOT certified (R-PPL-4); report: {path}</source>
            <translation>未通过认证（R-PPL-4）；报告：{path}</translation>
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>not a calibration batch: {error}</source>
            <translation>不是校准批次文件：{error}</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>change a person's role (another administrator)</source>
            <translation>更改人员角色（须由另一位管理员操作）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>whose role</source>
            <translation>要更改角色的人员</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>new role</source>
            <translation>新角色</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>updated years of experience</source>
            <translation>更新后的工作年限</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>updated title</source>
            <translation>更新后的职称</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>the administrator changing the role</source>
            <translation>更改角色的管理员</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>set a password (own, or an administrator)</source>
            <translation>设置密码（本人，或由管理员设置）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>whose password (default: the actor's own)</source>
            <translation>设置谁的密码（默认：操作者本人）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>file whose first line is the new password</source>
            <translation>第一行为新密码的文件</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>sign-in tokens for scripts</source>
            <translation>供脚本使用的登录令牌</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>issue a token (printed once, or written to --out)</source>
            <translation>签发令牌（只输出一次，或写入 --out）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>whose token (default: the actor's own)</source>
            <translation>为谁签发令牌（默认：操作者本人）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>days until the token expires (default: %(default)s)</source>
            <translation>令牌有效天数（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>what the token is for (a note)</source>
            <translation>令牌用途（备注）</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>write the token to this file instead</source>
            <translation>改为将令牌写入此文件</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>revoke a token by its number</source>
            <translation>按编号吊销令牌</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>the token's number</source>
            <translation>令牌编号</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>{id} is now {role}</source>
            <translation>{id} 现在的角色为 {role}</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>give the new password with --new-password-file</source>
            <translation>请用 --new-password-file 给出新密码</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>password of {id} set</source>
            <translation>已设置 {id} 的密码</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>token {id} for {person} written to {out}, expires {expires_at}</source>
            <translation>{person} 的令牌 {id} 已写入 {out}，有效期至 {expires_at}</translation>
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>token {id} revoked</source>
            <translation>令牌 {id} 已吊销</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>self-check an annotation (R-ANN-2/3/4/7/8/9, region hierarchy R-SEG-1..7)</source>
            <translation>对标注进行自检（R-ANN-2/3/4/7/8/9，区域层级 R-SEG-1..7）</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>Check an annotation version of a case folder: required regions, region hierarchy, lesion inventory and specks, skipped and missed slices, CSF-like voxels, original axial geometry. Writes CASE_DIR/selfcheck.json; exit status 1 on a blocking error.</source>
            <translation>检查病例文件夹中的一个标注版本：必需区域、区域层级、病灶清点与碎点、跳层与漏标层面、类脑脊液体素、原始轴位几何。写出 CASE_DIR/selfcheck.json；存在阻断性错误时退出状态为 1。</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>annotation version (default: latest)</source>
            <translation>标注版本（默认：最新）</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-ANN-4: the tumor shows no definite enhancement; an empty enhancing region is not an error</source>
            <translation>R-ANN-4：肿瘤无明确强化；强化区域为空不视为错误</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-SEG-7: a meningeal tumor without peritumoral edema; an empty edema region is not an error</source>
            <translation>R-SEG-7：脑膜来源肿瘤无瘤周水肿；水肿区域为空不视为错误</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>a checklist item the annotator confirmed (repeatable)</source>
            <translation>标注者已确认的核查清单条目（可重复）</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-ANN-1: the annotator reviewed every sequence and slice before drawing this version (what the wizard's first step records; needs --by)</source>
            <translation>R-ANN-1：标注者在勾画此版本前已浏览全部序列和层面（即向导第一步所记录的内容；需要 --by）</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>who confirms (recorded in the report)</source>
            <translation>确认人（记入报告）</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>a confirmation needs --by: who confirms it is recorded</source>
            <translation>确认需要 --by：须记录由谁确认</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>report: {path}; with pictures: {page}</source>
            <translation>报告：{path}；图文版：{page}</translation>
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>unreadable wizard session record</source>
            <translation>无法读取向导会话记录</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>annotate and review in a browser (trame-slicer), signed in</source>
            <translation>登录后在浏览器中标注和审核（trame-slicer）</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>annotation project folder</source>
            <translation>标注项目文件夹</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>address to listen on (default: %(default)s)</source>
            <translation>监听地址（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>port to listen on (default: %(default)s)</source>
            <translation>监听端口（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>create a project with the bundled case when DIR has none</source>
            <translation>DIR 中尚无项目时，用内置示例病例创建一个项目</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>with --demo: skip the co-registration (faster)</source>
            <translation>与 --demo 一起使用：跳过配准（更快）</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>demo project created; passwords in {path}</source>
            <translation>已创建演示项目；密码见 {path}</translation>
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>cnstumor serve: http://{host}:{port}/ (project {project})</source>
            <translation>cnstumor serve：http://{host}:{port}/（项目 {project}）</translation>
        </message>
    </context>
</TS>
