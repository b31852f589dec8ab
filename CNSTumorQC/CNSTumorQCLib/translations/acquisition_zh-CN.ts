<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.acquisition</name>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>localizer -&gt; OTHER</source>
            <translation>定位像 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>ADC map -&gt; ADC</source>
            <translation>ADC 图 -&gt; ADC</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>derived diffusion map {kind} -&gt; OTHER</source>
            <translation>扩散衍生图 {kind} -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>trace-weighted diffusion -&gt; DWI</source>
            <translation>迹加权扩散 -&gt; DWI</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>diffusion weighting -&gt; DWI</source>
            <translation>扩散加权 -&gt; DWI</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>b = 0 only: the unweighted part of a diffusion acquisition -&gt; DWI</source>
            <translation>仅 b = 0：扩散采集中的非加权部分 -&gt; DWI</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>{kind}: phase or field-map image -&gt; OTHER</source>
            <translation>{kind}：相位图或场图 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>perfusion (ASL) or functional series -&gt; OTHER</source>
            <translation>灌注（ASL）或功能序列 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>field map sequence -&gt; OTHER</source>
            <translation>场图序列 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>two short gradient echoes: a gradient-echo field map -&gt; OTHER</source>
            <translation>两个短梯度回波：梯度回波场图 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>{count} volumes</source>
            <translation>{count} 个容积</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>repeated volumes without diffusion: a time series (ASL, BOLD, perfusion) -&gt; OTHER</source>
            <translation>无扩散加权的重复容积：时间序列（ASL、BOLD、灌注） -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>echo-planar without diffusion weighting (field map, BOLD, perfusion) -&gt; OTHER</source>
            <translation>无扩散加权的平面回波（场图、BOLD、灌注） -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>scanner says {contrast}</source>
            <translation>扫描仪标记为 {contrast}</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>long inversion, long TE -&gt; FLAIR</source>
            <translation>长反转时间、长 TE -&gt; FLAIR</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>T1 inversion (MPRAGE / IR-SPGR) -&gt; T1</source>
            <translation>T1 反转恢复（MPRAGE / IR-SPGR） -&gt; T1</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>magnetization-prepared -&gt; T1</source>
            <translation>磁化准备 -&gt; T1</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>spoiled gradient echo, short TR/TE -&gt; T1</source>
            <translation>扰相梯度回波、短 TR/TE -&gt; T1</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>gradient echo, long TE (T2*/SWI) -&gt; OTHER</source>
            <translation>梯度回波、长 TE（T2*/SWI） -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>short TR, short TE -&gt; T1</source>
            <translation>短 TR、短 TE -&gt; T1</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>long TR, long TE -&gt; T2</source>
            <translation>长 TR、长 TE -&gt; T2</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>long TR, short TE (proton density) -&gt; OTHER</source>
            <translation>长 TR、短 TE（质子密度） -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>weighting unclear</source>
            <translation>加权方式不明确</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>words -&gt; {sequence}</source>
            <translation>描述文字 -&gt; {sequence}</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>contrast given -&gt; T1C</source>
            <translation>已注射对比剂 -&gt; T1C</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>'{word}' -&gt; T1C</source>
            <translation>“{word}” -&gt; T1C</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>absent</source>
            <translation>缺失</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>contrast not recorded: assumed pre-contrast</source>
            <translation>未记录对比剂：按增强前处理</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>no contrast -&gt; T1</source>
            <translation>无对比剂 -&gt; T1</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>physics {physics} vs words {words}</source>
            <translation>物理参数为 {physics}，描述文字为 {words}</translation>
        </message>
        <message>
            <location filename="../acquisition/identify.py" />
            <source>disagree: a person confirms</source>
            <translation>两者不一致：需人工确认</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>columns</source>
            <translation>列数</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>bits allocated</source>
            <translation>分配位数</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>slice thickness</source>
            <translation>层厚</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} file(s) stored with a lossy transfer syntax ({syntax}); lossless originals are required</source>
            <translation>{count} 个文件以有损传输语法存储（{syntax}）；需要无损原始数据</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} file(s) were lossy-compressed at some point (LossyImageCompression = 01)</source>
            <translation>{count} 个文件曾经过有损压缩（LossyImageCompression = 01）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} file(s) end before their pixel data does (truncated copy)</source>
            <translation>{count} 个文件在像素数据结束前中断（副本被截断）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} file(s) have no pixel data (truncated or header-only)</source>
            <translation>{count} 个文件没有像素数据（被截断或只有文件头）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} image(s) lack ImagePositionPatient / ImageOrientationPatient: geometry unknown</source>
            <translation>{count} 幅图像缺少 ImagePositionPatient / ImageOrientationPatient：几何信息未知</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{attribute} is zero, negative or not a number ({values}) in {count} image(s): the geometry cannot be trusted</source>
            <translation>{count} 幅图像的 {attribute} 为零、负数或非数值（{values}）：几何信息不可信</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{attribute} differs between images of one volume: {values}</source>
            <translation>同一容积内各图像的{attribute}不一致：{values}</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>pixel spacing differs between images of one volume</source>
            <translation>同一容积内各图像的像素间距不一致</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>slice orientation differs between images of one volume</source>
            <translation>同一容积内各图像的层面方向不一致</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{count} duplicate slice position(s): two images at the same place (a copied image, or volumes not split)</source>
            <translation>{count} 处层面位置重复：两幅图像位于同一位置（图像被复制，或多个容积未拆分）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>about {count} missing slice(s): gap in the stack at {where} (spacing {spacing:.2f} mm)</source>
            <translation>约缺失 {count} 个层面：图像堆栈在 {where} 处有间隙（层间距 {spacing:.2f} mm）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>uneven slice spacing: steps differ by up to {deviation:.2f} mm from {spacing:.2f} mm</source>
            <translation>层间距不均匀：步长与 {spacing:.2f} mm 相差最多 {deviation:.2f} mm</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>slightly uneven slice spacing: up to {deviation:.3f} mm from {spacing:.2f} mm</source>
            <translation>层间距略不均匀：与 {spacing:.2f} mm 相差最多 {deviation:.3f} mm</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>sheared stack: slices advance {angle:.1f} deg away from their normal (gantry tilt or non-orthogonal volume)</source>
            <translation>图像堆栈存在剪切：层面推进方向偏离其法线 {angle:.1f} 度（机架倾斜或非正交容积）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>instance numbers are not in spatial order (images swapped or misnumbered)</source>
            <translation>实例编号与空间顺序不一致（图像顺序颠倒或编号错误）</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>missing images? instance numbers run {first}..{last} but {count} images are present</source>
            <translation>可能缺少图像：实例编号为 {first}..{last}，但只有 {count} 幅图像</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>Siemens mosaic: the slices are tiled in each image; slice checks are not applicable</source>
            <translation>Siemens 马赛克图像：每幅图像内拼接多个层面；层面检查不适用</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>only {count} slice(s) per volume</source>
            <translation>每个容积仅 {count} 个层面</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>localizer or too few slices ({why}): not a volume to annotate</source>
            <translation>定位像或层面过少（{why}）：不是可标注的容积</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>the series holds {count} slice orientations; they are checked as separate volumes</source>
            <translation>该序列含有 {count} 种层面方向；按独立容积分别检查</translation>
        </message>
        <message>
            <location filename="../acquisition/integrity.py" />
            <source>{message} (in {count} volumes)</source>
            <translation>{message}（见于 {count} 个容积）</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{sequence}: the slice orientation is missing, so the plane cannot be checked ({allowed} required)</source>
            <translation>{sequence}：缺少层面方向，无法检查成像方位（要求{allowed}）</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{sequence} is acquired in the {plane} plane (tilt {tilt:g} deg); the consensus requires {allowed}</source>
            <translation>{sequence} 采集方位为{plane}（倾斜 {tilt:g} 度）；共识要求{allowed}</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{sequence}: MRAcquisitionType (2D/3D) is not recorded; confirm it</source>
            <translation>{sequence}：未记录 MRAcquisitionType（2D/3D）；请确认</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{sequence} is a {acquisition} acquisition; the consensus requires {allowed}</source>
            <translation>{sequence} 为 {acquisition} 采集；共识要求 {allowed}</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>DWI without a recorded b-value above 0; b = {nominal} s/mm2 required</source>
            <translation>DWI 未记录大于 0 的 b 值；要求 b = {nominal} s/mm2</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>DWI acquired with b = {found} s/mm2; the consensus requires b = {nominal}</source>
            <translation>DWI 采集的 b = {found} s/mm2；共识要求 b = {nominal}</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>slice thickness is not recorded; confirm it</source>
            <translation>未记录层厚；请确认</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>slice thickness {thickness:g} mm exceeds the {limit:g} mm allowed for {acquisition} acquisitions</source>
            <translation>层厚 {thickness:g} mm 超过 {acquisition} 采集允许的 {limit:g} mm</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>gap between slices {gap:g} mm (spacing {spacing:g} mm minus thickness) exceeds {limit:g} mm</source>
            <translation>层间隔 {gap:g} mm（层间距 {spacing:g} mm 减去层厚）超过 {limit:g} mm</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>sequence outside the consensus set (T1, T1C, T2, FLAIR, DWI, ADC): listed, not annotated</source>
            <translation>不属于共识规定的序列（T1、T1C、T2、FLAIR、DWI、ADC）：仅列出，不予标注</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>identified as {sequence} with confidence {confidence:.2f}: a person must confirm the sequence</source>
            <translation>识别为 {sequence}，置信度 {confidence:.2f}：需人工确认序列</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is incomplete: no valid {lacking} series (the consensus requires {members})</source>
            <translation>必需序列 {name} 不完整：没有有效的 {lacking} 序列（共识要求 {members}）</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is missing from the study</source>
            <translation>检查中缺少必需序列 {name}</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>required sequence {name} is present but no series of it passes the checks</source>
            <translation>必需序列 {name} 存在，但没有一个序列通过检查</translation>
        </message>
        <message>
            <location filename="../acquisition/rules.py" />
            <source>{count} valid {name} series: choose the one to annotate</source>
            <translation>有 {count} 个有效的 {name} 序列：请选择要标注的一个</translation>
        </message>
        <message>
            <location filename="../acquisition/study_context.py" />
            <source>{time} after series {number} '{description}' at {first_time}, same protocol</source>
            <translation>{time}，晚于 {first_time} 的序列 {number}“{description}”，协议相同</translation>
        </message>
        <message>
            <location filename="../acquisition/study_context.py" />
            <source>contrast tags empty: the later T1 of a pre/post pair -&gt; T1C</source>
            <translation>对比剂标签为空：增强前后成对 T1 中较晚的一个 -&gt; T1C</translation>
        </message>
        <message>
            <location filename="../acquisition/study_context.py" />
            <source>{direction} / {partner_direction} with series {number} '{description}'</source>
            <translation>{direction} / {partner_direction}，与序列 {number}“{description}”成对</translation>
        </message>
        <message>
            <location filename="../acquisition/study_context.py" />
            <source>opposite phase-encoding EPI pair: a spin-echo field map -&gt; OTHER</source>
            <translation>相位编码方向相反的 EPI 序列对：自旋回波场图 -&gt; OTHER</translation>
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>series {number} '{description}'</source>
            <translation>序列 {number}“{description}”</translation>
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>T1C {post_series} acquired at {post_time} before T1 {pre_series} at {pre_time}: a T1 after gadolinium is not a plain T1; a person checks which series is pre- and which post-contrast</source>
            <translation>T1C {post_series} 采集于 {post_time}，早于 T1 {pre_series}（{pre_time}）：钆对比剂注射后的 T1 不是平扫 T1；需人工核实哪个序列为增强前、哪个为增强后</translation>
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>DWI without a b~0 volume (b = {values} s/mm2; b &lt;= {limit:g} required with b = 800 or 1000)</source>
            <translation>DWI 缺少 b≈0 的容积（b = {values} s/mm2；除 b = 800 或 1000 外还要求 b &lt;= {limit:g}）</translation>
        </message>
        <message>
            <location filename="../acquisition/study_rules.py" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
    </context>
</TS>
