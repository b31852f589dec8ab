<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.hmi</name>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>version {number} is machine-made ({annotator}): R-HMI-1 builds the standard from experts' annotations</source>
            <translation>版本 {number} 为机器生成（{annotator}）：R-HMI-1 只用专家的标注建立金标准</translation>
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>{names} names given for {label_maps} label maps</source>
            <translation>给出了 {names} 个姓名，但标签图有 {label_maps} 个</translation>
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-1: a standard needs at least two different experts, got {names}</source>
            <translation>R-HMI-1：金标准至少需要两名不同的专家，实际为 {names}</translation>
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-1: each expert once, got {names}</source>
            <translation>R-HMI-1：每名专家只能出现一次，实际为 {names}</translation>
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>model label map not found</source>
            <translation>找不到模型输出的标签图</translation>
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-3: name the model that made the label map (--model)</source>
            <translation>R-HMI-3：请给出生成该标签图的模型名称（--model）</translation>
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>no label maps ({suffixes}) found</source>
            <translation>未找到标签图（{suffixes}）</translation>
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>the case has no machine-made pre-annotation to rank (R-HMI-3: cnstumor hmi preannotate)</source>
            <translation>该病例没有可供排序的机器预标注（R-HMI-3：cnstumor hmi preannotate）</translation>
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>not a folder (expected a case folder or a prediction folder)</source>
            <translation>不是文件夹（应为病例文件夹或模型输出文件夹）</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>stopping rule: the correction fraction must lie in (0, 1] and at least one case must be sampled, got {max_correction_fraction}, {min_sampled}</source>
            <translation>停止规则：修正比例须在 (0, 1] 之间，且至少抽样一例，实际为 {max_correction_fraction}、{min_sampled}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>not readable JSON ({error})</source>
            <translation>不是可读取的 JSON（{error}）</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>not a {format} record</source>
            <translation>不是 {format} 记录</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>{field} lists a case twice: {cases}</source>
            <translation>{field} 中有病例重复出现：{cases}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>R-HMI-4: {inner} cases {stray} are not among the {outer} cases</source>
            <translation>R-HMI-4：{inner} 中的病例 {stray} 不在 {outer} 病例之中</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>only {sampled} case(s) assessed; the rule needs at least {min_sampled}</source>
            <translation>仅评估了 {sampled} 例；规则要求至少 {min_sampled} 例</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>{corrected}/{sampled} needed correction, below {threshold:.0%}</source>
            <translation>{corrected}/{sampled} 例需要修正，低于 {threshold:.0%}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>{corrected}/{sampled} needed correction, not below {threshold:.0%}</source>
            <translation>{corrected}/{sampled} 例需要修正，未低于 {threshold:.0%}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>a round needs the model's name and who records it (R-FLOW-1)</source>
            <translation>每一轮都需要给出模型名称和记录人（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>Human-machine annotation rounds (R-HMI-5; stop below {threshold:.0%} corrected of &gt;= {min_sampled} sampled):</source>
            <translation>人机交互标注迭代轮次（R-HMI-5；抽样 &gt;= {min_sampled} 例且修正比例低于 {threshold:.0%} 时停止）：</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>round {round}: {model}  pre-annotated {preannotated}, sampled {sampled}, corrected {corrected}, added {added}  -&gt;  STOP: {reason}</source>
            <translation>第 {round} 轮：{model}  预标注 {preannotated}，抽样 {sampled}，修正 {corrected}，加入 {added}  -&gt;  停止：{reason}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>round {round}: {model}  pre-annotated {preannotated}, sampled {sampled}, corrected {corrected}, added {added}  -&gt;  continue: {reason}</source>
            <translation>第 {round} 轮：{model}  预标注 {preannotated}，抽样 {sampled}，修正 {corrected}，加入 {added}  -&gt;  继续：{reason}</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>no round recorded yet</source>
            <translation>尚未记录任何轮次</translation>
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>standard set: {cases} case(s) added by correction</source>
            <translation>标准样本集：经修正加入 {cases} 例</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>exploration fraction must lie in [0, 1], got {exploration_fraction}</source>
            <translation>探索比例须在 [0, 1] 之间，实际为 {exploration_fraction}</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>one model only: no committee disagreement measured</source>
            <translation>仅有一个模型：无法衡量模型间的分歧</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>{region}: mean pairwise Dice {dice_mean:.3f} (lowest {dice_min:.3f}), HD95 mean {hd95_mean:.1f} mm (max {hd95_max:.1f} mm)</source>
            <translation>{region}：两两 Dice 均值 {dice_mean:.3f}（最低 {dice_min:.3f}），HD95 均值 {hd95_mean:.1f} mm（最大 {hd95_max:.1f} mm）</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>{region}: models count {fewest} to {most} lesions</source>
            <translation>{region}：各模型计得 {fewest} 至 {most} 个病灶</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>{region}: {fragments:.1f} speck fragments per model on average</source>
            <translation>{region}：每个模型平均 {fragments:.1f} 个碎点</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>self-check: {problems} error(s)/warning(s) on the latest machine version</source>
            <translation>自检：最新机器生成版本有 {problems} 个错误/警告</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>{region}: {volume:.0f} mm3 is {ratio:.2f} x the median of the ranked cases ({median:.0f} mm3)</source>
            <translation>{region}：{volume:.0f} mm3，为参与排序病例中位数（{median:.0f} mm3）的 {ratio:.2f} 倍</translation>
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>the budget must be at least one case, got {budget}</source>
            <translation>评估数量至少为一例，实际为 {budget}</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>disagreement</source>
            <translation>分歧</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>exploration</source>
            <translation>探索</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>no cases to rank</source>
            <translation>没有可排序的病例</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>two sources share a case id: {duplicates}</source>
            <translation>两个来源的病例 ID 相同：{duplicates}</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>R-HMI-4 worklist ({strategy}, seed {seed}):</source>
            <translation>R-HMI-4 工作清单（{strategy}，种子 {seed}）：</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>{rank:3d}. {case:30} score {score:.3f}  [{selection}]</source>
            <translation>{rank:3d}. {case:30} 得分 {score:.3f}  [{selection}]</translation>
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>left out: {cases}</source>
            <translation>未入选：{cases}</translation>
        </message>
    </context>
</TS>
