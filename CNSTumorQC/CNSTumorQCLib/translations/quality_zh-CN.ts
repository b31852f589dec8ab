<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.quality</name>
        <message>
            <location filename="../quality/adc.py" />
            <source>ADC map values (median {median:g}) fit no ADC unit (10^-6 mm2/s, 10^-3 mm2/s or mm2/s): check the rescale slope / intercept or the series</source>
            <translation>ADC 图数值（中位数 {median:g}）与任何 ADC 单位（10^-6 mm2/s、10^-3 mm2/s 或 mm2/s）均不相符：请检查重缩放斜率 / 截距或该序列</translation>
        </message>
        <message>
            <location filename="../quality/adc.py" />
            <source>ADC map stored in {unit}: median tissue value {median:.2f} x 10^-3 mm2/s</source>
            <translation>ADC 图以 {unit} 存储：组织中位数 {median:.2f} x 10^-3 mm2/s</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>(no description)</source>
            <translation>（无描述）</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>several series match {key!r}; give a series number, description or UID from: {choices}</source>
            <translation>有多个序列与 {key!r} 匹配；请从以下序列中给出序列号、描述或 UID：{choices}</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>no series matches {key!r}; give a series number, description or UID from: {choices}</source>
            <translation>没有序列与 {key!r} 匹配；请从以下序列中给出序列号、描述或 UID：{choices}</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>grade must be 1, 2 or 3, got {grade!r}</source>
            <translation>分级必须为 1、2 或 3，实际为 {grade!r}</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a confirmed grade needs the name of the person who confirms it</source>
            <translation>确认分级需要给出确认者的姓名</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a grade 1 (non-diagnostic) series is excluded with a reason: give one (R-QC-2)</source>
            <translation>1 级（不能达到诊断要求）序列的排除必须说明原因：请给出原因（R-QC-2）</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>unknown sequence {given!r}: one of {known}</source>
            <translation>未知序列 {given!r}：应为 {known} 之一</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a confirmed sequence needs the name of the person who confirms it</source>
            <translation>确认序列需要给出确认者的姓名</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>no series {uid} in the QC report</source>
            <translation>质控报告中没有序列 {uid}</translation>
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>changing the sequence from {sequence} to {confirmed} needs a reason</source>
            <translation>将序列从 {sequence} 改为 {confirmed} 需要说明原因</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>low signal-to-noise ratio (SNRd {value:.1f} &lt; {limit:g})</source>
            <translation>信噪比低（SNRd {value:.1f} &lt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>artifactual signal in the air background: ghosting or motion (QI1 {value:.3f} &gt; {limit:g})</source>
            <translation>空气背景中有伪影信号：鬼影或运动伪影（QI1 {value:.3f} &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>weak head-to-background contrast: ghosts or noise fill the background (FBER {value:.0f} &lt; {limit:g})</source>
            <translation>头部与背景对比度差：背景中充满伪影或噪声（FBER {value:.0f} &lt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>energy spread out of the head: motion ghosting or blurring (EFC {value:.2f} &gt; {limit:g})</source>
            <translation>信号能量散布到头部以外：运动伪影或图像模糊（EFC {value:.2f} &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>blurred image (in-plane smoothness FWHM {value:.1f} voxels &gt; {limit:g})</source>
            <translation>图像模糊（层面内平滑度 FWHM {value:.1f} 个体素 &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>marked intensity non-uniformity (bias field range {value:.2f} &gt; {limit:g})</source>
            <translation>信号强度明显不均匀（偏置场范围 {value:.2f} &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>wrap-around (aliasing) along the {axis} direction: signal at the field-of-view edge ({value:.1%} of the edge band &gt; {limit:.0%})</source>
            <translation>沿{axis}方向的卷褶伪影：视野边缘有信号（边缘带的 {value:.1%} &gt; {limit:.0%}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>ghosting along the {axis} (phase-encoding) direction: copies of the head in the background (ghost-to-signal ratio {value:.3f} &gt; {limit:g})</source>
            <translation>沿{axis}（相位编码）方向的鬼影：背景中出现头部的重影（鬼影信号比 {value:.3f} &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>head cut off by the field of view ({value:.0%} of an edge covered &gt; {limit:.0%})</source>
            <translation>头部被视野截断（一侧边缘被覆盖 {value:.0%} &gt; {limit:.0%}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>incomplete whole-brain coverage: the top slice still cuts through the head ({value:.0%} of the largest section &gt; {limit:.0%})</source>
            <translation>未完整覆盖全脑：最上层仍穿过头部（为最大截面的 {value:.0%} &gt; {limit:.0%}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>slice-to-slice intensity jumps (stair-step / interleave motion; {value:.2f} &gt; {limit:g})</source>
            <translation>层间信号强度跳变（阶梯伪影 / 隔层运动；{value:.2f} &gt; {limit:g}）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>metal or susceptibility artifact ({value:.1f} mL of signal void next to bright pile-up &gt; {limit:g} mL): a few artifacts while soft tissue and bone remain distinguishable</source>
            <translation>金属或磁敏感伪影（高信号堆积旁信号缺失 {value:.1f} mL &gt; {limit:g} mL）：有少许伪影，软组织和骨骼结构仍可分辨</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>metal artifact over the brain ({value:.1f} mL of signal void and pile-up &gt; {limit:g} mL): if the metal is removable (hair clip, denture, piercing), remove it and rescan</source>
            <translation>脑组织上的金属伪影（信号缺失与高信号堆积 {value:.1f} mL &gt; {limit:g} mL）：如金属可去除（发夹、义齿、穿刺饰物），请去除后重新扫描</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>left-right</source>
            <translation>左右</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>anterior-posterior</source>
            <translation>前后</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>superior-inferior</source>
            <translation>上下</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>grade 1: {count} blank slice(s) inside the volume (slice {listed}: every pixel has one value): the image of that position is missing (R-DATA-2)</source>
            <translation>1 级：容积内有 {count} 个空白层面（第 {listed} 层：所有像素值相同）：该位置的图像缺失（R-DATA-2）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>grade 1: {count} duplicated slice(s) (slice {listed}: identical pixels at another position): the anatomy of that position is missing (R-DATA-2)</source>
            <translation>1 级：有 {count} 个重复层面（第 {listed} 层：与另一位置像素完全相同）：该位置的解剖图像缺失（R-DATA-2）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>grade 2: {count} slice(s) whose intensity jumps far from both neighbours (slice {listed}): a corrupted or mis-scaled slice (R-QC-3)</source>
            <translation>2 级：有 {count} 个层面的信号强度与相邻两层相差很大（第 {listed} 层）：层面损坏或缩放错误（R-QC-3）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>grade {grade}: {reason}</source>
            <translation>{grade} 级：{reason}</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>no air background (skull-stripped or masked image): noise and ghosting metrics (SNRd, FBER, QI1) could not be measured</source>
            <translation>无空气背景（已去颅骨或已掩膜的图像）：无法测量噪声和鬼影指标（SNRd、FBER、QI1）</translation>
        </message>
        <message>
            <location filename="../quality/grading.py" />
            <source>no quality problem detected by the metrics</source>
            <translation>质量指标未发现问题</translation>
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image quality needs a scalar image, got {components} components per voxel</source>
            <translation>图像质量评估需要标量图像，实际每个体素有 {components} 个分量</translation>
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image quality needs a 3D image, got {dimension}D</source>
            <translation>图像质量评估需要三维图像，实际为 {dimension}D</translation>
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image too small for quality metrics: size {size}</source>
            <translation>图像太小，无法计算质量指标：尺寸 {size}</translation>
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image is constant or holds non-finite values: nothing to grade</source>
            <translation>图像为常数或含有非有限值：无法分级</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count} blank slice(s) inside the volume (every pixel = {values}): pixel data lost in export or transfer; re-export the series from the scanner</source>
            <translation>容积内有 {count} 个空白层面（所有像素 = {values}）：像素数据在导出或传输中丢失；请从扫描仪重新导出该序列</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count} empty slice(s) at the ends of the volume (padding)</source>
            <translation>容积两端有 {count} 个空层面（填充）</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count} slice(s) duplicated at another position (identical pixels): the anatomy of that position is missing; re-export the series</source>
            <translation>有 {count} 个层面在另一位置重复（像素完全相同）：该位置的解剖图像缺失；请重新导出该序列</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>slice intensity jumps far from both neighbours (slice {listed}): a corrupted or mis-scaled slice; a radiologist confirms</source>
            <translation>层面信号强度与相邻两层相差很大（第 {listed} 层）：层面损坏或缩放错误；需放射科医师确认</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>series {number} '{description}'</source>
            <translation>序列 {number}“{description}”</translation>
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>pixel data identical to {names}: a copy, not a separate acquisition; a person decides which series is genuine</source>
            <translation>像素数据与 {names} 完全相同：为复制品，而非独立采集；需人工判断哪个序列为真实采集</translation>
        </message>
    </context>
</TS>
