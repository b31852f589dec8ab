<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.cli</name>
        <message>
            <location filename="../cli/deid.py" />
            <source>write a de-identified copy of a DICOM folder (PS3.15 Annex E, R-DATA-1)</source>
            <translation>生成 DICOM 文件夹的脱敏副本（PS3.15 附录 E，R-DATA-1）</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>De-identify every DICOM object under IN into OUT (a new or empty folder): Annex E basic profile, deterministic UIDs, per-patient pseudonym and date shift, markers, and a post-check that no identifying string remains. The pseudonym key file is written outside OUT.</source>
            <translation>将 IN 下的每个 DICOM 对象脱敏后写入 OUT（新的或空的文件夹）：采用附录 E 基本配置、确定性 UID、按患者分配假名和日期偏移、写入脱敏标记，并在写出后复查确认不残留任何可识别身份的字符串。假名密钥文件写在 OUT 之外。</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>DICOM folder to read (never modified); several: one study each, run as a batch</source>
            <translation>要读取的 DICOM 文件夹（从不修改）；给出多个时：每个为一个检查，按批处理运行</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>new or empty folder for the copy</source>
            <translation>存放副本的新文件夹或空文件夹</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>pseudonym key (secret, originals, date shifts); reused when it exists; never inside OUT (default: OUT.deid-key.json beside OUT)</source>
            <translation>假名密钥文件（密钥、原始值、日期偏移）；已存在时沿用；不得位于 OUT 内（默认：OUT 旁的 OUT.deid-key.json）</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>project secret for UIDs, pseudonyms and date shifts (default: ${variable}, else the key file's, else a new random one); visible in process lists, prefer the variable</source>
            <translation>用于 UID、假名和日期偏移的项目密钥（默认：${variable}，其次为密钥文件中的密钥，否则随机生成）；该参数在进程列表中可见，建议使用环境变量</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>copy quarantined objects here (outside OUT)</source>
            <translation>将隔离的对象复制到此处（须在 OUT 之外）</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>prefix of the patient pseudonyms (default: %(default)s)</source>
            <translation>患者假名的前缀（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>one folder: processes to use (default: up to 4); a batch: Dask workers of the local cluster, 1 = in this process (default: CPU count)</source>
            <translation>单个文件夹：使用的进程数（默认：最多 4 个）；批处理：本地集群的 Dask 工作进程数，1 = 在本进程内运行（默认：CPU 核数）</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>exit 1 when any file could not be released (an error or warning: unreadable, broken .dcm, quarantined)</source>
            <translation>有任何文件未能发布时（错误或警告：无法读取、.dcm 损坏、被隔离）以状态 1 退出</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>a batch keeps one key file per study in OUT.deid-keys/; --key-file is for one folder</source>
            <translation>批处理在 OUT.deid-keys/ 中为每个检查保存一个密钥文件；--key-file 仅用于单个文件夹</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>{severity}: {rule}: {files}: {message}</source>
            <translation>{severity}：{rule}：{files}：{message}</translation>
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>de-identified {written} of {seen} files ({quarantined} quarantined, {withheld} withheld, {not_dicom} not DICOM) -&gt; {path}; key: {key_file}</source>
            <translation>已脱敏 {written}/{seen} 个文件（隔离 {quarantined} 个，扣留 {withheld} 个，非 DICOM {not_dicom} 个）-&gt; {path}；密钥：{key_file}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>check a DICOM folder against the consensus: sequences, geometry, integrity, quality grade</source>
            <translation>按共识检查 DICOM 文件夹：序列、几何、完整性、图像质量分级</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>Index DICOM_DIR (headers only), identify each series (T1, T1C, T2, FLAIR, DWI, ADC, other), check the consensus acquisition rules (R-ACQ-1..7) and DICOM integrity (R-DATA-2), suggest an image-quality grade (R-QC-1), and write OUT/qc_report.json, OUT/qc_report.csv and OUT/qc_report.html. Run it on the original files, before de-identification.</source>
            <translation>为 DICOM_DIR 建立索引（仅读取文件头），识别每个序列（T1、T1C、T2、FLAIR、DWI、ADC、其他），检查共识的采集规则（R-ACQ-1..7）和 DICOM 完整性（R-DATA-2），给出建议的图像质量分级（R-QC-1），并写出 OUT/qc_report.json、OUT/qc_report.csv 和 OUT/qc_report.html。请在脱敏之前对原始文件运行。</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder of DICOM files (never modified); several: one study each, run as a batch</source>
            <translation>DICOM 文件所在文件夹（从不修改）；给出多个时：每个为一个检查，按批处理运行</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder for the reports (outside DICOM_DIR)</source>
            <translation>存放报告的文件夹（须在 DICOM_DIR 之外）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>exit 1 when a study is not fit to annotate</source>
            <translation>有检查不适合标注时以状态 1 退出</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>one folder: processes reading headers; a batch: Dask workers of the local cluster, 1 = in this process (default: CPU count)</source>
            <translation>单个文件夹：读取文件头的进程数；批处理：本地集群的 Dask 工作进程数，1 = 在本进程内运行（默认：CPU 核数）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>skip the image-quality grade (faster)</source>
            <translation>跳过图像质量分级（更快）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>skip the thumbnails in the HTML report</source>
            <translation>HTML 报告中不生成缩略图</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>record a radiologist's confirmed grade and/or sequence for a series (R-QC-2, R-ACQ-*)</source>
            <translation>记录放射科医师对某一序列确认的分级和/或序列类型（R-QC-2、R-ACQ-*）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>Record the confirmed grade (1, 2 or 3) and/or the confirmed sequence of one series in OUT/qc_report.json and rewrite the reports. Grade 1 excludes the series and needs --reason. --sequence confirms or corrects the identification; the acquisition rules are checked again for the confirmed sequence.</source>
            <translation>在 OUT/qc_report.json 中记录某一序列确认的分级（1、2 或 3）和/或确认的序列类型，并重写报告。1 级将排除该序列，且需要 --reason。--sequence 确认或更正识别结果；并按确认的序列重新检查采集规则。</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder holding qc_report.json</source>
            <translation>qc_report.json 所在的文件夹</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>the series' number (as in the report: 'Series 3'), description or instance UID</source>
            <translation>序列号（与报告中一致：“序列 3”）、序列描述或实例 UID</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>the confirmed image-quality grade: 1, 2 or 3 (R-QC-1; 1 excludes the series)</source>
            <translation>确认的图像质量分级：1、2 或 3（R-QC-1；1 级将排除该序列）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>the sequence this series is (confirms or corrects the identification)</source>
            <translation>该序列的类型（确认或更正识别结果）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>name of the radiologist who confirms</source>
            <translation>确认的放射科医师姓名</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>why: required for grade 1 and for a corrected sequence</source>
            <translation>原因：1 级及更正序列类型时必填</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>run the batch on this Dask scheduler (tcp://host:8786) instead of a local cluster</source>
            <translation>在此 Dask 调度器（tcp://host:8786）上运行批处理，而不是本地集群</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>no progress bar</source>
            <translation>不显示进度条</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>cnstumor {what}: FAILED {source}: {problem}</source>
            <translation>cnstumor {what}：失败 {source}：{problem}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{what}: {done} done, {unchanged} unchanged, {failed} failed of {total} studies; summary: {summary_path} and {csv_path}</source>
            <translation>{what}：共 {total} 个检查，完成 {done} 个，未变化 {unchanged} 个，失败 {failed} 个；汇总：{summary_path} 和 {csv_path}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>cnstumor qc: error: {where}: {message}</source>
            <translation>cnstumor qc：错误：{where}：{message}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>report: {path}</source>
            <translation>报告：{path}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{severity}: {files}: {message}</source>
            <translation>{severity}：{files}：{message}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{series} series in {studies} studies, {errors} error findings; {files_indexed} of {files_seen} files indexed; report: {path}</source>
            <translation>{studies} 个检查共 {series} 个序列，错误类检查结果 {errors} 条；已索引 {files_indexed}/{files_seen} 个文件；报告：{path}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>qc-confirm needs a GRADE, a --sequence, or both</source>
            <translation>qc-confirm 需要给出 GRADE、--sequence，或两者都给出</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{description} (series {number}, {sequence})</source>
            <translation>{description}（序列 {number}，{sequence}）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>sequence {sequence} confirmed for {name} by {reviewer}</source>
            <translation>{reviewer} 已确认 {name} 的序列为 {sequence}</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>grade 1 confirmed for {name} by {reviewer} (excluded from annotation, R-QC-2)</source>
            <translation>{reviewer} 已确认 {name} 为 1 级（排除标注，R-QC-2）</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>grade {grade} confirmed for {name} by {reviewer}</source>
            <translation>{reviewer} 已确认 {name} 为 {grade} 级</translation>
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{patient_id} {study_uid}: {verdict}</source>
            <translation>{patient_id} {study_uid}：{verdict}</translation>
        </message>
    </context>
</TS>
