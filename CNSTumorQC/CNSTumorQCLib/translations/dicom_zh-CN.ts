<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.dicom</name>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>DICOM</source>
            <translation>DICOM 文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>NIfTI volume</source>
            <translation>NIfTI 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>NIfTI volumes</source>
            <translation>NIfTI 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>NRRD volume</source>
            <translation>NRRD 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>NRRD volumes</source>
            <translation>NRRD 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>MetaImage volume</source>
            <translation>MetaImage 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>MetaImage volumes</source>
            <translation>MetaImage 容积</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>JSON file</source>
            <translation>JSON 文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>JSON files</source>
            <translation>JSON 文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>picture</source>
            <translation>图片</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>pictures</source>
            <translation>图片</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>archive</source>
            <translation>压缩包</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>archives</source>
            <translation>压缩包</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>unreadable file</source>
            <translation>无法读取的文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>unreadable files</source>
            <translation>无法读取的文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>other file</source>
            <translation>其他文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>other files</source>
            <translation>其他文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>{count} {kind} ({names})</source>
            <translation>{kind} {count} 个（{names}）</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>no files</source>
            <translation>没有文件</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>1 file: {kinds}</source>
            <translation>1 个文件：{kinds}</translation>
        </message>
        <message>
            <location filename="../dicom/file_kinds.py" />
            <source>{count} files: {kinds}</source>
            <translation>{count} 个文件：{kinds}</translation>
        </message>
        <message>
            <location filename="../dicom/header.py" />
            <source>not a DICOM file (no DICM preamble, no DICOM data set)</source>
            <translation>不是 DICOM 文件（无 DICM 前导码，也不是 DICOM 数据集）</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>DICOMDIR (media directory) skipped: the images are indexed from their own files</source>
            <translation>已跳过 DICOMDIR（介质目录）：图像按其自身文件建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>file vanished during the scan; not indexed</source>
            <translation>文件在扫描过程中消失；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>file cannot be read (permission denied); not indexed</source>
            <translation>无法读取文件（权限不足）；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>not a regular file; skipped</source>
            <translation>不是普通文件；已跳过</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>named like a DICOM image but not readable as DICOM; not indexed</source>
            <translation>文件名像 DICOM 图像，但无法按 DICOM 读取；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>not a DICOM file; skipped</source>
            <translation>不是 DICOM 文件；已跳过</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>file cannot be read ({problem}); not indexed</source>
            <translation>无法读取文件（{problem}）；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>unreadable DICOM header ({kind}: {problem}); not indexed</source>
            <translation>DICOM 文件头无法读取（{kind}：{problem}）；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>truncated or incomplete DICOM file (no SeriesInstanceUID, no pixel data); not indexed</source>
            <translation>DICOM 文件被截断或不完整（无 SeriesInstanceUID，无像素数据）；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>DICOM object without a SeriesInstanceUID; not indexed</source>
            <translation>DICOM 对象没有 SeriesInstanceUID；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>non-image DICOM object (SOP class {sop_class}) skipped</source>
            <translation>已跳过非图像 DICOM 对象（SOP 类 {sop_class}）</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>modality {modality} is not MR: outside the annotation scope, listed and not annotated</source>
            <translation>模态 {modality} 不是 MR：不在标注范围内，仅列出，不予标注</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>folder cannot be read ({strerror}); not indexed</source>
            <translation>无法读取文件夹（{strerror}）；未建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>indexing DICOM headers</source>
            <translation>正在为 DICOM 文件头建立索引</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the DICOM folder does not exist</source>
            <translation>DICOM 文件夹不存在</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>expected a folder of DICOM files, got a file</source>
            <translation>需要 DICOM 文件所在的文件夹，但给出的是一个文件</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the folder contains no files</source>
            <translation>文件夹中没有文件</translation>
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the folder contains no readable MR DICOM images ({contents})</source>
            <translation>文件夹中没有可读取的 MR DICOM 图像（{contents}）</translation>
        </message>
        <message>
            <location filename="../dicom/stack_image.py" />
            <source>pixel data cannot be decoded ({name}: {error})</source>
            <translation>无法解码像素数据（{name}：{error}）</translation>
        </message>
        <message>
            <location filename="../dicom/stack_image.py" />
            <source>expected a 2D grey-level image, got shape {shape}</source>
            <translation>需要二维灰度图像，实际形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>the staging folder must be new or empty</source>
            <translation>暂存文件夹必须是新的或空的</translation>
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>a DICOM file of the selected study is missing</source>
            <translation>所选检查的一个 DICOM 文件缺失</translation>
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>the selected study has no files</source>
            <translation>所选检查没有文件</translation>
        </message>
        <message>
            <location filename="../dicom/writer.py" />
            <source>only a scalar 3D volume can be written as a DICOM MR series</source>
            <translation>只有标量三维容积才能写为 DICOM MR 序列</translation>
        </message>
        <message>
            <location filename="../dicom/writer.py" />
            <source>voxel values do not fit 16-bit pixels</source>
            <translation>体素值超出 16 位像素的范围</translation>
        </message>
    </context>
</TS>
