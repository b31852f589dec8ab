<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.selfcheck</name>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>ERROR</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>WARNING</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>INFO</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>the case is registered to {fixed}: the self-check's common space must be {fixed}, not {common_space}</source>
            <translation>该病例已配准至 {fixed}：自检的公共空间必须为 {fixed}，而非 {common_space}</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>{relative} changed after version {version} was saved (its SHA-256 differs from version.json): save the edits as a new version.</source>
            <translation>{relative} 在版本 {version} 保存后被修改（其 SHA-256 与 version.json 不符）：请将修改保存为新版本。</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>BLOCKED: fix the errors before submitting</source>
            <translation>阻断：提交前请修正错误</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>OK to submit</source>
            <translation>可以提交</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>case registration</source>
            <translation>病例配准</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>physical-space identity</source>
            <translation>物理空间恒等映射</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>Self-check of case {case_id}, annotation version {version} ({selfcheck_version}): {verdict}</source>
            <translation>病例 {case_id} 标注版本 {version} 的自检（{selfcheck_version}）：{verdict}</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>{errors} error(s), {warnings} warning(s), {notes} note(s); hierarchy on the {grid} grid ({mapping})</source>
            <translation>错误 {errors} 项，警告 {warnings} 项，提示 {notes} 项；区域层级在 {grid} 网格上检查（{mapping}）</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>Findings:</source>
            <translation>检查结果：</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>Lesions (centroid in RAS mm; slices numbered from 1):</source>
            <translation>病灶（质心为 RAS 坐标，单位 mm；层面从 1 起编号）：</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>slices {first}-{last}</source>
            <translation>层面 {first}-{last}</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>speck</source>
            <translation>小斑点</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>To confirm by hand:</source>
            <translation>需人工确认：</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>lesion {number}</source>
            <translation>病灶 {number}</translation>
        </message>
        <message>
            <location filename="../selfcheck/case_check.py" />
            <source>slice {number}</source>
            <translation>层面 {number}</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>a lesion is named REGION #N as in the self-check, got {text!r}</source>
            <translation>病灶应按自检中的写法命名为“区域 #编号”（REGION #N），实际为 {text!r}</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>{lesion}: filled skipped slice {skipped} from slices {below} and {above} ({voxels} voxels)</source>
            <translation>{lesion}：以层面 {below} 和 {above} 补全遗漏的层面 {skipped}（{voxels} 个体素）</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>{lesion}: removed ({voxels} voxels, {volume_mm3:.1f} mm3)</source>
            <translation>{lesion}：已删除（{voxels} 个体素，{volume_mm3:.1f} mm3）</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>no region {region!r} in this annotation</source>
            <translation>该标注中没有区域 {region!r}</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>a correction needs the name of who decided it (R-FLOW-1)</source>
            <translation>修正需注明决定者姓名（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>the case has no annotation version to correct</source>
            <translation>该病例没有可修正的标注版本</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>nothing to change in version {version} with these options; no version written</source>
            <translation>按这些选项，版本 {version} 无需修改；未写入新版本</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>corrected from version {version} by {person}: {changes}; confirmed as lesions and kept: {kept}</source>
            <translation>由 {person} 基于版本 {version} 修正：{changes}；确认为病灶并保留：{kept}</translation>
        </message>
        <message>
            <location filename="../selfcheck/corrections.py" />
            <source>corrected from version {version} by {person}: {changes}</source>
            <translation>由 {person} 基于版本 {version} 修正：{changes}</translation>
        </message>
        <message>
            <location filename="../selfcheck/endslice.py" />
            <source>{label} reaches slice {slice_number}, the edge of the {sequence} volume: its end may lie outside the acquired slices (check the coverage, R-QC-3).</source>
            <translation>{label} 延伸至层面 {slice_number}，即 {sequence} 容积的边缘层面：病灶末端可能位于采集范围之外（请检查扫描覆盖范围，R-QC-3）。</translation>
        </message>
        <message>
            <location filename="../selfcheck/endslice.py" />
            <source>Slice {slice_number}, beyond the first slice of {label}, still looks like the lesion on {sequence} (likeness {likeness:.2f}): a likely missed end slice.</source>
            <translation>{label} 首层之外的层面 {slice_number} 在 {sequence} 上仍似病灶（相似度 {likeness:.2f}）：可能遗漏了首层。</translation>
        </message>
        <message>
            <location filename="../selfcheck/endslice.py" />
            <source>Slice {slice_number}, beyond the last slice of {label}, still looks like the lesion on {sequence} (likeness {likeness:.2f}): a likely missed end slice.</source>
            <translation>{label} 末层之外的层面 {slice_number} 在 {sequence} 上仍似病灶（相似度 {likeness:.2f}）：可能遗漏了末层。</translation>
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels ({volume:.0f} mm3) of {region} outside the tumor body are attached to it and reach {reach:.0f} mm from it (at most {dural_tail_max_mm:g} mm): a dural tail, part of the enhancing region (on the {sequence} grid, slices {slices}).</source>
            <translation>{region} 位于肿瘤瘤体之外的 {count} 个体素（{volume:.0f} mm3）与肿瘤瘤体相连，距其最远 {reach:.0f} mm（上限 {dural_tail_max_mm:g} mm）：为脑膜尾征，属于强化区域（{sequence} 网格，层面 {slices}）。</translation>
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels ({volume:.0f} mm3) of {inner} lie outside {outer} by more than {tolerance:.1f} mm (on the {grid} grid, slices {slices}).</source>
            <translation>{inner} 有 {count} 个体素（{volume:.0f} mm3）超出 {outer} 范围 {tolerance:.1f} mm 以上（{grid} 网格，层面 {slices}）。</translation>
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels ({volume:.0f} mm3) of {inner} lie overlapping {outer} by more than {tolerance:.1f} mm (on the {grid} grid, slices {slices}).</source>
            <translation>{inner} 有 {count} 个体素（{volume:.0f} mm3）与 {outer} 重叠，深度超过 {tolerance:.1f} mm（{grid} 网格，层面 {slices}）。</translation>
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels of {inner} are outside {outer} on the {grid} grid, within the {tolerance:.1f} mm partial-volume tolerance.</source>
            <translation>在 {grid} 网格上，{inner} 有 {count} 个体素位于 {outer} 之外，但在 {tolerance:.1f} mm 部分容积容差之内。</translation>
        </message>
        <message>
            <location filename="../selfcheck/hierarchy.py" />
            <source>{count} voxels of {inner} are overlapping {outer} on the {grid} grid, within the {tolerance:.1f} mm partial-volume tolerance.</source>
            <translation>在 {grid} 网格上，{inner} 有 {count} 个体素与 {outer} 重叠，但在 {tolerance:.1f} mm 部分容积容差之内。</translation>
        </message>
        <message>
            <location filename="../selfcheck/lesions.py" />
            <source>{label} is a speck of 1 voxel ({volume_mm3:.1f} mm3) on slice {slice_number}: remove it or confirm it is a lesion.</source>
            <translation>{label} 为层面 {slice_number} 上仅 1 个体素（{volume_mm3:.1f} mm3）的小斑点：请删除，或确认其为病灶。</translation>
        </message>
        <message>
            <location filename="../selfcheck/lesions.py" />
            <source>{label} is a speck of {voxels} voxels ({volume_mm3:.1f} mm3) on slice {slice_number}: remove it or confirm it is a lesion.</source>
            <translation>{label} 为层面 {slice_number} 上 {voxels} 个体素（{volume_mm3:.1f} mm3）的小斑点：请删除，或确认其为病灶。</translation>
        </message>
        <message>
            <location filename="../selfcheck/lesions.py" />
            <source>{label} skips slice {skipped} (labelled from slice {first} to {last}): label every slice of the lesion.</source>
            <translation>{label} 遗漏了层面 {skipped}（已标注层面 {first} 至 {last}）：请标注病灶的每一个层面。</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>no enhancement</source>
            <translation>无强化</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>no peritumoral edema</source>
            <translation>无瘤周水肿</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>Sulci, ventricles and other normal structures are left out of every region</source>
            <translation>各区域均未包含脑沟、脑室等正常结构</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>Leukoaraiosis and lacunes are not labelled as edema</source>
            <translation>未将脑白质疏松、腔隙灶标注为水肿</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>All slices were browsed and every lesion seen is labelled</source>
            <translation>已浏览全部层面，所见病灶均已标注</translation>
        </message>
        <message>
            <location filename="../selfcheck/params.py" />
            <source>The first and last slice of every lesion are labelled</source>
            <translation>每个病灶的首层及末层均已标注</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>info</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>slice {number} of {total}, S {position:+.1f} mm</source>
            <translation>层面 {number}/{total}，S {position:+.1f} mm</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>R on the left</source>
            <translation>图像左侧为患者右侧</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>{sequence}: slice through the largest lesion</source>
            <translation>{sequence}：经最大病灶的层面</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>finding {number}: {region} on {sequence}</source>
            <translation>检查结果 {number}：{sequence} 上的 {region}</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Self-check of case {case_id}, annotation version {version}</source>
            <translation>病例 {case_id} 标注版本 {version} 的自检</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>finding</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>picture</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>lesion</source>
            <translation>病灶</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>volume (mm³)</source>
            <translation>体积（mm³）</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>slices</source>
            <translation>层面</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Findings</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Lesions (R-ANN-7)</source>
            <translation>病灶（R-ANN-7）</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Slices are numbered from 1 in each reference volume's acquisition order; S is the axial position in mm shown in Slicer's slice view. Pictures: patient's right on the left, anterior up (radiological convention).</source>
            <translation>层面按各参考容积的采集顺序从 1 起编号；S 为 Slicer 层面视图中显示的轴位位置（mm）。图像按放射学惯例显示：患者右侧位于图像左侧，前方朝上。</translation>
        </message>
        <message>
            <location filename="../selfcheck/report_html.py" />
            <source>Self-check {case_id} v{version}</source>
            <translation>自检 {case_id} v{version}</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The optional {key} region is empty.</source>
            <translation>可选区域 {key} 为空。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>"{confirmation}" was confirmed but the {key} region is drawn: withdraw the confirmation or clear the region.</source>
            <translation>已确认“{confirmation}”，但 {key} 区域已有勾画：请撤回该确认或清除该区域。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The {key} region is empty: {confirmation} confirmed by {person}.</source>
            <translation>{key} 区域为空：已由 {person} 确认“{confirmation}”。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The {key} region is empty: {confirmation} confirmed.</source>
            <translation>{key} 区域为空：已确认“{confirmation}”。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The required {key} region ({name}) is empty: draw it on {sequence} (or confirm "{confirmation}").</source>
            <translation>必标区域 {key}（{name}）为空：请在 {sequence} 上勾画（或确认“{confirmation}”）。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>The required {key} region ({name}) is empty: draw it on {sequence}.</source>
            <translation>必标区域 {key}（{name}）为空：请在 {sequence} 上勾画。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>{count} voxels ({volume_mm3:.0f} mm3) of {region} have CSF-like signal (dark on FLAIR, bright on T2) outside the tumor body, most on slice {slice_number}: a sulcus or ventricle? Leave normal structures out.</source>
            <translation>{region} 在肿瘤瘤体之外有 {count} 个体素（{volume_mm3:.0f} mm3）呈脑脊液样信号（FLAIR 低信号、T2 高信号），以层面 {slice_number} 最多：是否为脑沟或脑室？请勿包含正常结构。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>{count} voxels ({volume_mm3:.0f} mm3) of {region} have CSF-like signal (dark on FLAIR) outside the tumor body, most on slice {slice_number}: a sulcus or ventricle? Leave normal structures out.</source>
            <translation>{region} 在肿瘤瘤体之外有 {count} 个体素（{volume_mm3:.0f} mm3）呈脑脊液样信号（FLAIR 低信号），以层面 {slice_number} 最多：是否为脑沟或脑室？请勿包含正常结构。</translation>
        </message>
        <message>
            <location filename="../selfcheck/rules.py" />
            <source>{label} is {nearest:.0f} mm from any tumor body: leukoaraiosis or a lacune labelled as edema, or a lesion whose body is not drawn?</source>
            <translation>{label} 距任何肿瘤瘤体均有 {nearest:.0f} mm：是否将脑白质疏松或腔隙灶误标为水肿，或该病灶的肿瘤瘤体尚未勾画？</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>dimension {got} instead of {expected}</source>
            <translation>维数为 {got}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>size {got} instead of {expected}</source>
            <translation>尺寸为 {got}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>spacing {got} instead of {expected}</source>
            <translation>体素间距为 {got}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>origin {got} instead of {expected}</source>
            <translation>原点为 {got}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>direction {got} instead of {expected}</source>
            <translation>方向为 {got}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>voxel steps {steps} in reference voxels (a resampled or reformatted grid: spacing or orientation differs)</source>
            <translation>以参考体素计的步长为 {steps}（网格经过重采样或重建：体素间距或方向不同）</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>origin falls between voxel centres (offset {offset} voxels)</source>
            <translation>原点落在体素中心之间（偏移 {offset} 个体素）</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The {region} segmentation is not on the original grid of its reference sequence ({problems}): annotate on the original axial images.</source>
            <translation>{region} 的分割不在其参考序列的原始网格上（{problems}）：请在原始轴位图像上标注。</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The reference volume of {region} is not axial (slice normal {tilt:.0f} degrees from head-foot): annotate on the original axial images unless the study says so.</source>
            <translation>{region} 的参考容积不是轴位（层面法线与头足方向成 {tilt:.0f} 度）：除非研究另有规定，请在原始轴位图像上标注。</translation>
        </message>
        <message>
            <location filename="../selfcheck/space.py" />
            <source>The saved {sequence} segmentation holding {key} is not on the original grid of the {sequence} volume ({problems}): annotate on the original axial images.</source>
            <translation>已保存的含 {key} 的 {sequence} 分割不在 {sequence} 容积的原始网格上（{problems}）：请在原始轴位图像上标注。</translation>
        </message>
    </context>
</TS>
