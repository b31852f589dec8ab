<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.agreement</name>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>the agreement output folder is an existing file</source>
            <translation>一致性输出文件夹是一个已存在的文件</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>agreement output folder</source>
            <translation>一致性输出文件夹</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} is empty (no labelled voxel)</source>
            <translation>标签图 {label_map_name} 为空（没有已标注的体素）</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} holds negative values {negative}</source>
            <translation>标签图 {label_map_name} 含有负值 {negative}</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>label map {label_map_name} holds values {unknown} that no region names (regions: {regions}); give --region NAME=values for them</source>
            <translation>标签图 {label_map_name} 含有不属于任何区域的值 {unknown}（区域：{regions}）；请用 --region NAME=values 指定</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>bundled algorithm label map missing</source>
            <translation>缺少随附的算法标签图</translation>
        </message>
        <message>
            <location filename="../agreement/bundled.py" />
            <source>Agreement of the five BraTS algorithms on {case_id}</source>
            <translation>五种 BraTS 算法在 {case_id} 上的一致性</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>{a} vs {b}, {region}</source>
            <translation>{a} 与 {b}，{region}</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>{region}: {a} vs {b} (Dice {dice}), slice {slice} of {count} where they differ most</source>
            <translation>{region}：{a} 与 {b}（Dice {dice}），差异最大的第 {slice} 层（共 {count} 层）</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>only {name}</source>
            <translation>仅 {name}</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>patient's right on the left</source>
            <translation>患者右侧在图像左侧</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>both</source>
            <translation>两者</translation>
        </message>
        <message>
            <location filename="../agreement/disagreement.py" />
            <source>Where the least-agreeing pair disagrees</source>
            <translation>一致性最差的一对标注者在哪里不一致</translation>
        </message>
        <message>
            <location filename="../agreement/instances.py" />
            <source>reference mask</source>
            <translation>参考掩膜</translation>
        </message>
        <message>
            <location filename="../agreement/instances.py" />
            <source>test mask</source>
            <translation>待测掩膜</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>a region needs at least one label value</source>
            <translation>一个区域至少需要一个标签值</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>mask</source>
            <translation>掩膜</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{name} must be a 3-D array, got {ndim}-D</source>
            <translation>{name} 须为三维数组，得到的是 {ndim} 维</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>spacing must be {ndim} positive numbers, got {spacing_mm!r}</source>
            <translation>间距须为 {ndim} 个正数，得到的是 {spacing_mm!r}</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>masks differ in shape: {shape_a} vs {shape_b}</source>
            <translation>掩膜形状不同：{shape_a} 与 {shape_b}</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} must be 3-D</source>
            <translation>标签图 {name} 须为三维</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} must have one component</source>
            <translation>标签图 {name} 须为单分量</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map {name} holds non-integer values</source>
            <translation>标签图 {name} 含有非整数值</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map not found</source>
            <translation>找不到标签图</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>label map</source>
            <translation>标签图</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{other_name} has shape {other_shape}, {first_name} {first_shape}: resample onto one grid before comparing</source>
            <translation>{other_name} 的形状为 {other_shape}，{first_name} 为 {first_shape}：比较前请重采样到同一网格</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>spacing</source>
            <translation>间距</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>origin</source>
            <translation>原点</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>{other_name} differs from {first_name} in {what}: {other_value} vs {first_value}</source>
            <translation>{other_name} 与 {first_name} 的{what}不同：{other_value} 与 {first_value}</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>agreement needs at least two label maps</source>
            <translation>一致性分析至少需要两个标签图</translation>
        </message>
        <message>
            <location filename="../agreement/masks.py" />
            <source>rater names must be unique, got {names}</source>
            <translation>标注者名称须唯一，得到的是 {names}</translation>
        </message>
        <message>
            <location filename="../agreement/overlap.py" />
            <source>mask A</source>
            <translation>掩膜 A</translation>
        </message>
        <message>
            <location filename="../agreement/overlap.py" />
            <source>mask B</source>
            <translation>掩膜 B</translation>
        </message>
        <message>
            <location filename="../agreement/regions.py" />
            <source>no regions given: pass {region_name: {label values}}</source>
            <translation>未给出区域：请传入 {region_name: {label values}}</translation>
        </message>
        <message>
            <location filename="../agreement/regions.py" />
            <source>region {name!r} has no label values</source>
            <translation>区域 {name!r} 没有标签值</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>{a} vs {b}</source>
            <translation>{a} 与 {b}</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Dice per rater pair and region</source>
            <translation>各标注者对与各区域的 Dice</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>bias {bias}, 95 % LoA [{lower}, {upper}]</source>
            <translation>偏倚 {bias}，95% 一致性界限 [{lower}, {upper}]</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>mean volume ({unit})</source>
            <translation>平均体积（{unit}）</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>difference A - B ({unit})</source>
            <translation>差值 A - B（{unit}）</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Bland-Altman of volumes</source>
            <translation>体积的 Bland-Altman 分析</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>rater A</source>
            <translation>标注者 A</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>rater B</source>
            <translation>标注者 B</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>vol. sim.</source>
            <translation>体积相似度</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>LW Dice</source>
            <translation>病灶级 Dice</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>LW HD95 mm</source>
            <translation>病灶级 HD95 mm</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>LW F1</source>
            <translation>病灶级 F1</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Dice band</source>
            <translation>Dice 分级</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>HD95 band</source>
            <translation>HD95 分级</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>{region}: consensus {volume} mm³</source>
            <translation>{region}：共识体积 {volume} mm³</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>rater</source>
            <translation>标注者</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>sensitivity</source>
            <translation>敏感度</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>specificity</source>
            <translation>特异度</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Inter-annotator agreement</source>
            <translation>标注者间一致性</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Raters: {raters}. Thresholds {thresholds} (R-PPL-2, R-PPL-4).</source>
            <translation>标注者：{raters}。阈值表 {thresholds}（R-PPL-2、R-PPL-4）。</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Dice per pair and region</source>
            <translation>各标注者对与各区域的 Dice</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>Volumes (mm³)</source>
            <translation>体积（mm³）</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>STAPLE consensus (R-HMI-1)</source>
            <translation>STAPLE 共识（R-HMI-1）</translation>
        </message>
        <message>
            <location filename="../agreement/report_html.py" />
            <source>{region} (labels {labels})</source>
            <translation>{region}（标签 {labels}）</translation>
        </message>
        <message>
            <location filename="../agreement/staple.py" />
            <source>STAPLE needs at least two raters</source>
            <translation>STAPLE 至少需要两位标注者</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ICC needs &gt;= 2 subjects x &gt;= 2 raters, got shape {shape}</source>
            <translation>ICC 需要 ≥ 2 个对象 × ≥ 2 位评定者，得到的形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ICC ratings must be finite numbers (no missing values)</source>
            <translation>ICC 的评定值须为有限数（不能有缺失值）</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>ratings {missing} are not in {categories}</source>
            <translation>评定值 {missing} 不在 {categories} 中</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>kappa needs two equally long, non-empty lists of ratings</source>
            <translation>kappa 需要两个等长且非空的评定列表</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>Fleiss' kappa needs every subject rated by the same &gt;= 2 raters</source>
            <translation>Fleiss kappa 要求每个对象都由相同的 ≥ 2 位评定者评定</translation>
        </message>
        <message>
            <location filename="../agreement/stats.py" />
            <source>Bland-Altman needs two equally long lists of &gt;= 2 numbers</source>
            <translation>Bland-Altman 分析需要两个等长、至少含 2 个数的列表</translation>
        </message>
        <message>
            <location filename="../agreement/surface.py" />
            <source>mask {number}</source>
            <translation>掩膜 {number}</translation>
        </message>
        <message>
            <location filename="../agreement/thresholds.py" />
            <source>poor</source>
            <translation>差</translation>
        </message>
        <message>
            <location filename="../agreement/thresholds.py" />
            <source>moderate</source>
            <translation>中等</translation>
        </message>
        <message>
            <location filename="../agreement/thresholds.py" />
            <source>good</source>
            <translation>良好</translation>
        </message>
        <message>
            <location filename="../agreement/thresholds.py" />
            <source>excellent</source>
            <translation>优秀</translation>
        </message>
    </context>
</TS>
