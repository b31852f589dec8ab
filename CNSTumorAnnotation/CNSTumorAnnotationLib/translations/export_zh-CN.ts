<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.export</name>
        <message>
            <location filename="../export/batch.py" />
            <source>export output folder</source>
            <translation>导出输出文件夹</translation>
        </message>
        <message>
            <location filename="../export/brats.py" />
            <source>unknown BraTS version {version!r}; choose 2021 or 2023</source>
            <translation>未知的 BraTS 版本 {version!r}；请选择 2021 或 2023</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>unknown export format(s) {unknown}; choose from {formats} or all</source>
            <translation>未知的导出格式 {unknown}；请从 {formats} 中选择，或用 all</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>the case has no annotation version to export</source>
            <translation>该病例没有可导出的标注版本</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>no annotation version {version} (versions: {known})</source>
            <translation>没有标注版本 {version}（现有版本：{known}）</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>approved version(s): {versions}; choose one with --annotation-version</source>
            <translation>已通过的版本：{versions}；请用 --annotation-version 选择其一</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>no version is approved yet</source>
            <translation>尚无通过审核的版本</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>R-PPL-3: annotation version {version} is not approved by a reviewer ({source}) and --approved-only was given ({hint})</source>
            <translation>R-PPL-3：标注版本 {version} 未经审核者通过（{source}），而指定了 --approved-only（{hint}）</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>R-PPL-3: the review store cannot say whether version {version} is approved ({error})</source>
            <translation>R-PPL-3：审核记录库无法确认版本 {version} 是否已通过（{error}）</translation>
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>case folder not found</source>
            <translation>找不到病例文件夹</translation>
        </message>
        <message>
            <location filename="../export/dataset_grid.py" />
            <source>{format_name} export needs T1, T1C, T2 and FLAIR; the case lacks {missing}</source>
            <translation>{format_name} 导出需要 T1、T1C、T2 和 FLAIR；该病例缺少 {missing}</translation>
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>R-DATA-1: --deface needs a brain mask, and this case has no skull-stripped atlas registered to it (land reference labels from an atlas with `cnstumor case labels --atlas-flair`); export without --deface only where faces may leave</source>
            <translation>R-DATA-1：--deface 需要脑掩膜，而该病例没有配准到其上的去颅骨图谱（请用 `cnstumor case labels --atlas-flair` 从图谱导入参考标签）；只有在允许面部信息外传时才可不加 --deface 导出</translation>
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>the brain mask is not on the image's grid</source>
            <translation>脑掩膜不在图像的网格上</translation>
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>the brain mask is empty: the atlas does not overlap the image</source>
            <translation>脑掩膜为空：图谱与图像没有重叠</translation>
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>only 3D volumes can be written as a DICOM series</source>
            <translation>只有三维容积可以写成 DICOM 序列</translation>
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>not a readable DICOM file: {error}</source>
            <translation>不是可读的 DICOM 文件：{error}</translation>
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>the DICOM series has no images</source>
            <translation>该 DICOM 序列中没有图像</translation>
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>the DICOM series' slices are duplicated or unevenly spaced (R-DATA-2)</source>
            <translation>该 DICOM 序列的层面重复或间距不均（R-DATA-2）</translation>
        </message>
        <message>
            <location filename="../export/dicomseg.py" />
            <source>R-FMT-2: {count_missing} source DICOM file(s) of {sequence} are missing (first: {missing}); the SEG could not reference its source series</source>
            <translation>R-FMT-2：{sequence} 缺少 {count_missing} 个源 DICOM 文件（第一个：{missing}）；SEG 无法引用其源序列</translation>
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>manifest not found</source>
            <translation>找不到清单文件</translation>
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>not a readable manifest: {error}</source>
            <translation>不是可读的清单文件：{error}</translation>
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>not a {manifest_format} manifest</source>
            <translation>不是 {manifest_format} 清单文件</translation>
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>{path}: listed in the manifest but missing</source>
            <translation>{path}：清单文件中列出但文件缺失</translation>
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>{path}: SHA-256 differs from the manifest</source>
            <translation>{path}：SHA-256 与清单文件不一致</translation>
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>nnU-Net dataset IDs have 3 digits; got {nnunet_dataset_id}</source>
            <translation>nnU-Net 数据集 ID 为 3 位数字；得到的是 {nnunet_dataset_id}</translation>
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>unreadable nnU-Net dataset.json ({error})</source>
            <translation>nnU-Net dataset.json 无法读取（{error}）</translation>
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>this case's {key} ({ours}) differ from the data set's ({theirs}); export it into another nnU-Net data set (--nnunet-id)</source>
            <translation>该病例的 {key}（{ours}）与数据集的（{theirs}）不同；请导出到另一个 nnU-Net 数据集（--nnunet-id）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>Nothing drawable was exported: the preview reads back NIfTI, .seg.nrrd, BraTS and nnU-Net files; DICOM SEG files are not read back (open them in Slicer).</source>
            <translation>没有导出可显示的文件：预览会读回 NIfTI、.seg.nrrd、BraTS 和 nnU-Net 文件；DICOM SEG 文件不读回（请在 Slicer 中打开）。</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>case volume {file} (defaced)</source>
            <translation>病例容积 {file}（已去面部）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>case volume {file}</source>
            <translation>病例容积 {file}</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>{sequence}: regions drawn on {sequence}</source>
            <translation>{sequence}：在 {sequence} 上勾画的区域</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>unknown value</source>
            <translation>未知值</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>NIfTI combined label map on {sequence}</source>
            <translation>{sequence} 上的 NIfTI 合并标签图</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>innermost region wins: each voxel counts once, under its innermost region</source>
            <translation>最内层区域优先：每个体素只计一次，计入其最内层区域</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>BraTS {version} label map on its {sequence} image</source>
            <translation>BraTS {version} 标签图（叠加于其 {sequence} 图像）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>nnU-Net label map on channel {channel} ({sequence})</source>
            <translation>nnU-Net 标签图（叠加于通道 {channel}，{sequence}）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>both read from the exported files, on the {sequence} grid</source>
            <translation>两者均读自导出的文件，位于 {sequence} 网格上</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>slices {slices} of {count}</source>
            <translation>第 {slices} 层（共 {count} 层）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>{where} (through the largest labelled component and about {mm} mm either side) · image: {image} · R on the left</source>
            <translation>{where}（经过最大的标注连通域及其两侧约 {mm} mm）· 图像：{image} · 图像左侧为患者右侧（R）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>region / label</source>
            <translation>区域 / 标签</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>label value</source>
            <translation>标签值</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>voxels</source>
            <translation>体素数</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>volume (mL)</source>
            <translation>体积（mL）</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>no labelled voxel in these files</source>
            <translation>这些文件中没有已标注的体素</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>Patient {patient} · annotation version {version} by {annotator} ({approval}) · schema {schema}</source>
            <translation>患者 {patient} · 标注版本 {version}，标注者 {annotator}（{approval}）· 标签方案 {schema}</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>not approved</source>
            <translation>未通过审核</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>Every label map below was read back from the file the export wrote (named in its table), so the pictures and numbers are those of the files. Pictures in radiological convention: patient's right on the left, anterior up. Volume = voxels × voxel volume of that file (1 mL = 1000 mm³).</source>
            <translation>以下每个标签图都是从导出所写的文件（见其表格）读回的，因此图片和数字就是这些文件的内容。图片采用放射学惯例：患者右侧在图像左侧，前方朝上。体积 = 体素数 × 该文件的体素体积（1 mL = 1000 mm³）。</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>Export preview of case {case_id}</source>
            <translation>病例 {case_id} 的导出预览</translation>
        </message>
        <message>
            <location filename="../export/preview.py" />
            <source>Export preview {case_id} {version}</source>
            <translation>导出预览 {case_id} {version}</translation>
        </message>
    </context>
</TS>
