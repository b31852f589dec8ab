<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.deid</name>
        <message>
            <location filename="../deid/folder.py" />
            <source>named like a DICOM image but not readable as DICOM: not copied</source>
            <translation>文件名像 DICOM 图像，但无法按 DICOM 读取：未复制</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>not a DICOM file: not copied</source>
            <translation>不是 DICOM 文件：未复制</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>cannot be read ({problem}): not copied</source>
            <translation>无法读取（{problem}）：未复制</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>DICOMDIR skipped: it indexes the original files</source>
            <translation>已跳过 DICOMDIR：它索引的是原始文件</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>{problem}: not copied</source>
            <translation>{problem}：未复制</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>cannot be de-identified ({problem}): not copied</source>
            <translation>无法脱敏（{problem}）：未复制</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>pseudonym</source>
            <translation>假名</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>duplicate SOP instance: the first copy was kept</source>
            <translation>SOP 实例重复：保留第一个副本</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>withheld by the post-check: {problem}</source>
            <translation>写出后复查未通过，已扣留：{problem}</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>identifying text from {sources} remains in the output</source>
            <translation>输出中仍残留来自 {sources} 的可识别身份文本</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>pixel data or geometry differ from the input</source>
            <translation>像素数据或几何信息与输入不一致</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>quarantined ({reason}): copied to the quarantine folder</source>
            <translation>已隔离（{reason}）：已复制到隔离文件夹</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>quarantined ({reason}): excluded</source>
            <translation>已隔离（{reason}）：已排除</translation>
        </message>
        <message>
            <location filename="../deid/folder.py" />
            <source>the de-identification report would carry identifying text; removed</source>
            <translation>脱敏报告会含有可识别身份的文本；已删除</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>it is written as a DICOM person name (family^given)</source>
            <translation>它按 DICOM 人名格式书写（姓^名）</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>it is written in Chinese characters</source>
            <translation>它用汉字书写</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>it has no digit, as a person's name has none</source>
            <translation>它不含数字，而人名通常不含数字</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>cannot read the pseudonym key ({error})</source>
            <translation>无法读取假名密钥（{error}）</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>not a {key_format} key file</source>
            <translation>不是 {key_format} 密钥文件</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>patient given by original identity; using its pseudonym {pseudonym}</source>
            <translation>给出的是患者的原始身份信息；改用其假名 {pseudonym}</translation>
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>R-DATA-1: --patient {given!r} looks like a person's name ({reason}); file names and exports must not identify the patient: give the patient number or pseudonym (e.g. the CNST-... of cnstumor deid), or --key-file with the pseudonym key that maps it</source>
            <translation>R-DATA-1：--patient {given!r} 看起来像人名（{reason}）；文件名和导出内容不得识别出患者：请给出患者编号或假名（例如 cnstumor deid 生成的 CNST-...），或通过 --key-file 给出能映射它的假名密钥</translation>
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>the de-identification secret must have at least 16 characters</source>
            <translation>脱敏密钥至少需要 16 个字符</translation>
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>cannot read the key file: {error}</source>
            <translation>无法读取密钥文件：{error}</translation>
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>the given secret differs from the one in the key file; the mappings would clash</source>
            <translation>给出的密钥与密钥文件中的不同；映射会发生冲突</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>expected a folder of DICOM files, got a file ({kind}); nothing written</source>
            <translation>需要 DICOM 文件所在的文件夹，但给出的是一个文件（{kind}）；未写入任何内容</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the input DICOM folder does not exist</source>
            <translation>输入的 DICOM 文件夹不存在</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>no DICOM file in the folder ({contents}): deid de-identifies DICOM headers; nothing written, no key</source>
            <translation>文件夹中没有 DICOM 文件（{contents}）：deid 只对 DICOM 文件头脱敏；未写入任何内容，也未生成密钥</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the output folder must be outside the input folder (and not contain it)</source>
            <translation>输出文件夹必须位于输入文件夹之外（且不能包含输入文件夹）</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the output folder must be new or empty</source>
            <translation>输出文件夹必须是新的或空的</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the pseudonym key file re-identifies patients: write it outside the de-identified output folder</source>
            <translation>假名密钥文件可重新识别患者：请将其写在脱敏输出文件夹之外</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the key file must not be written inside the input folder</source>
            <translation>密钥文件不能写在输入文件夹内</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the key file path is a folder</source>
            <translation>密钥文件路径是一个文件夹</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the quarantine holds identifiable objects: put it outside the output folder</source>
            <translation>隔离区保存可识别身份的对象：请将其放在输出文件夹之外</translation>
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the quarantine must not be inside the input folder</source>
            <translation>隔离区不能位于输入文件夹内</translation>
        </message>
        <message>
            <location filename="../deid/policy.py" />
            <source>pseudonym prefix</source>
            <translation>假名前缀</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>no pixel data in an image object (truncated file?)</source>
            <translation>图像对象中没有像素数据（文件被截断？）</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>truncated pixel data ({actual} of {expected} bytes)</source>
            <translation>像素数据被截断（{actual}/{expected} 字节）</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>BurnedInAnnotation is YES</source>
            <translation>BurnedInAnnotation 为 YES</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>no SOP Class UID</source>
            <translation>没有 SOP Class UID</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>secondary capture</source>
            <translation>二次采集图像</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>not an image object ({name})</source>
            <translation>不是图像对象（{name}）</translation>
        </message>
        <message>
            <location filename="../deid/screen.py" />
            <source>ImageType says {marker}</source>
            <translation>ImageType 标记为 {marker}</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>pseudonym key file not found</source>
            <translation>未找到假名密钥文件</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>not a readable key file ({error})</source>
            <translation>不是可读取的密钥文件（{error}）</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>DICOM folder not found</source>
            <translation>未找到 DICOM 文件夹</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>PatientIdentityRemoved (0012,0062) is not YES</source>
            <translation>PatientIdentityRemoved (0012,0062) 不是 YES</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>its PatientID is not a pseudonym of the key</source>
            <translation>其 PatientID 不是密钥中的假名</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>{count} original identity value(s) from the key in its header</source>
            <translation>文件头中含有密钥里的 {count} 个原始身份值</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>an original identity value in its path</source>
            <translation>路径中含有原始身份值</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>not de-identified: {problem}</source>
            <translation>未脱敏：{problem}</translation>
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>no DICOM file to verify</source>
            <translation>没有可核验的 DICOM 文件</translation>
        </message>
    </context>
</TS>
