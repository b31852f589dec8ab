<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib</name>
        <message>
            <location filename="../atomic.py" />
            <source>{path}: the writer produced no data</source>
            <translation>{path}：写入程序未产生任何数据</translation>
        </message>
        <message>
            <location filename="../batch.py" />
            <source>study input not found</source>
            <translation>未找到检查输入</translation>
        </message>
        <message>
            <location filename="../batch.py" />
            <source>unexpected {kind}: {problem}</source>
            <translation>意外错误 {kind}：{problem}</translation>
        </message>
        <message>
            <location filename="../batch.py" />
            <source>no Dask scheduler answers: {error}</source>
            <translation>Dask 调度器无响应：{error}</translation>
        </message>
        <message>
            <location filename="../batch.py" />
            <source>two studies of the batch share a key: {keys}</source>
            <translation>批处理中有两个检查使用了同一键：{keys}</translation>
        </message>
        <message>
            <location filename="../batch.py" />
            <source>worker lost: {kind}: {problem}</source>
            <translation>工作进程丢失：{kind}：{problem}</translation>
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>no readable DICOM file in this study</source>
            <translation>该检查中没有可读取的 DICOM 文件</translation>
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>output exists and is not an earlier de-identified copy</source>
            <translation>输出已存在，且不是先前的脱敏副本</translation>
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>nothing could be released from this study ({counts})</source>
            <translation>该检查没有任何文件可以发布（{counts}）</translation>
        </message>
        <message>
            <location filename="../consensus.py" />
            <source>no consensus rule {rule_id!r}; known: {known}</source>
            <translation>共识中没有规则 {rule_id!r}；已知规则：{known}</translation>
        </message>
        <message>
            <location filename="../findings.py" />
            <source>info</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../findings.py" />
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../findings.py" />
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a readable image ({problem})</source>
            <translation>{what}：不是可读取的图像（{problem}）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what} not found</source>
            <translation>未找到{what}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: named .gz but not gzip-compressed</source>
            <translation>{what}：文件名为 .gz，但并非 gzip 压缩</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a NRRD file (no NRRD magic)</source>
            <translation>{what}：不是 NRRD 文件（无 NRRD 文件标识）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {bad} voxel(s) are NaN or infinite</source>
            <translation>{what}：{bad} 个体素为 NaN 或无穷大</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: unsupported dimensions {size}</source>
            <translation>{what}：不支持的维度 {size}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {voxels} voxels {size} exceed the limit of {limit}</source>
            <translation>{what}：{voxels} 个体素 {size} 超过上限 {limit}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: voxel spacing {spacing} is not finite and positive</source>
            <translation>{what}：体素间距 {spacing} 不是有限正数</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: origin or orientation is not finite</source>
            <translation>{what}：原点或方向不是有限值</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: decompresses to more than {limit} bytes</source>
            <translation>{what}：解压后超过 {limit} 字节</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: corrupt or truncated gzip stream ({problem})</source>
            <translation>{what}：gzip 数据流损坏或被截断（{problem}）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: a DICOM file, not NIfTI (named {name})</source>
            <translation>{what}：这是 DICOM 文件，不是 NIfTI（文件名为 {name}）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: too short for a NIfTI header ({size} bytes)</source>
            <translation>{what}：文件过短，不足以容纳 NIfTI 文件头（{size} 字节）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a NIfTI file (no NIfTI-1 header)</source>
            <translation>{what}：不是 NIfTI 文件（无 NIfTI-1 文件头）</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI header has invalid dimensions {dims}</source>
            <translation>{what}：NIfTI 文件头的维度无效 {dims}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI voxel spacing {spacing} is not finite and positive</source>
            <translation>{what}：NIfTI 体素间距 {spacing} 不是有限正数</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI datatype {datatype} is not supported</source>
            <translation>{what}：不支持 NIfTI 数据类型 {datatype}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI voxel offset {offset} is invalid</source>
            <translation>{what}：NIfTI 体素偏移量 {offset} 无效</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {voxels} voxels exceed the limit of {limit}</source>
            <translation>{what}：{voxels} 个体素超过上限 {limit}</translation>
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: truncated: the header promises {expected} bytes, the file holds {size}</source>
            <translation>{what}：文件被截断：文件头声明 {expected} 字节，文件实际只有 {size} 字节</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>{what} {text!r} cannot name a file or folder: {problem}</source>
            <translation>{what} {text!r} 不能用作文件或文件夹名称：{problem}</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it is empty</source>
            <translation>名称为空</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it names the current or parent folder</source>
            <translation>名称指向当前文件夹或上级文件夹</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it is an absolute path</source>
            <translation>名称是绝对路径</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it holds a folder separator or a character file systems refuse (/\&lt;&gt;:"|?*)</source>
            <translation>名称含有文件夹分隔符或文件系统不接受的字符（/\&lt;&gt;:"|?*）</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it holds a control character (NUL, newline ...)</source>
            <translation>名称含有控制字符（NUL、换行符等）</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it starts or ends with a space or ends with a dot</source>
            <translation>名称以空格开头或结尾，或以句点结尾</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>it is longer than {limit} bytes</source>
            <translation>名称长度超过 {limit} 字节</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the {what} is an existing file, not a folder</source>
            <translation>{what}是已存在的文件，而不是文件夹</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the {what} cannot be created ({strerror})</source>
            <translation>无法创建{what}（{strerror}）</translation>
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the shared test data folder is missing; set {variable} to the folder that holds dcm_qa_xa30/, tcga-lgg_TCGA-FG-6692_brainlesion/ ...</source>
            <translation>缺少共享测试数据文件夹；请将 {variable} 设为包含 dcm_qa_xa30/、tcga-lgg_TCGA-FG-6692_brainlesion/ 等的文件夹</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed: image-quality grading was switched off (--no-grade)</source>
            <translation>未计算分级：图像质量分级已关闭（--no-grade）</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed: {error}</source>
            <translation>未计算分级：{error}</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed ({name}: {error})</source>
            <translation>未计算分级（{name}：{error}）</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>suggested grade 1 (not diagnostic): a radiologist confirms; a confirmed grade 1 excludes the series</source>
            <translation>建议分级为 1 级（不能达到诊断要求）：需放射科医师确认；确认为 1 级的序列将被排除</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>metal or susceptibility artifact: {total:.1f} mL of signal void next to bright pile-up, {core:.1f} mL of it over the brain; a radiologist confirms the grade: 1 for a removable metal artifact (remove the metal and rescan), 2 when soft tissue and bone remain distinguishable</source>
            <translation>金属或磁敏感伪影：高信号堆积旁有 {total:.1f} mL 信号缺失，其中 {core:.1f} mL 位于脑组织上；需放射科医师确认分级：可去除的金属异物伪影为 1 级（去除金属后重新扫描），软组织和骨骼结构仍可分辨时为 2 级</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>no thumbnail: pixels could not be read ({error})</source>
            <translation>无缩略图：无法读取像素（{error}）</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>indexing</source>
            <translation>正在建立索引</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>series {number}</source>
            <translation>序列 {number}</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>checking series</source>
            <translation>正在检查序列</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>the output folder must not be inside the DICOM folder (the input is never modified)</source>
            <translation>输出文件夹不能位于 DICOM 文件夹内（输入数据从不修改）</translation>
        </message>
        <message>
            <location filename="../qc.py" />
            <source>the output folder is an existing file, not a folder</source>
            <translation>输出文件夹是已存在的文件，而不是文件夹</translation>
        </message>
        <message>
            <location filename="../requirements.py" />
            <source>cannot read the requirements ({strerror})</source>
            <translation>无法读取依赖列表（{strerror}）</translation>
        </message>
        <message>
            <location filename="../requirements.py" />
            <source>line {number} is not a requirement: {raw!r}</source>
            <translation>第 {number} 行不是依赖项：{raw!r}</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>axial</source>
            <translation>横断面</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>sagittal</source>
            <translation>矢状面</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>coronal</source>
            <translation>冠状面</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>oblique</source>
            <translation>斜面</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>{some} or {last}</source>
            <translation>{some}或{last}</translation>
        </message>
        <message>
            <location filename="../sequences.py" />
            <source>{some} and {last}</source>
            <translation>{some}和{last}</translation>
        </message>
    </context>
</TS>
