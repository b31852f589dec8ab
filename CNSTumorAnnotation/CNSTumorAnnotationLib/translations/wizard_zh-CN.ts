<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.wizard</name>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Before drawing, review every sequence and every slice; confirm the lesion's location, size, shape and components.</source>
            <translation>标注前浏览全部序列及全部层面，明确病变的位置、大小、形态及成分。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Avoid sulci, ventricles and other normal structures.</source>
            <translation>避开脑沟、脑室等正常结构。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Do not label leukoaraiosis or lacunes as edema.</source>
            <translation>勿将脑白质疏松、腔隙灶标注为水肿。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Whole tumor (or edema) and enhancing regions are required; with no definite enhancement leave the enhancing region empty and confirm 'no enhancement'.</source>
            <translation>全肿瘤区域（或水肿区）及强化区为必标区域；无明确强化时强化区不标，并确认“无强化”。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Sharp margins: trace the visible edge slice by slice; a threshold tool with manual correction is allowed.</source>
            <translation>边界清楚者沿可见边缘逐层勾画；可用阈值法半自动勾画后手动修正。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Blurred margins: adjust window/level; label only tissue that is certainly lesion and leave out what is uncertain.</source>
            <translation>边界模糊者调节窗宽/窗位，只标注确定的病变组织，不确定者不标。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Several lesions: browse all slices first and label every lesion seen.</source>
            <translation>多发病变先浏览全部层面，标注所见的每一个病灶。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Draw on the original axial images, not on reformatted ones.</source>
            <translation>在原始轴位图像上标注，不在重建图像上标注。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Go slice by slice; never miss the first and last slice of the tumor.</source>
            <translation>逐层标注，勿遗漏肿瘤的首层及末层。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Whole tumor: tumor body plus peritumoral edema, drawn mainly on FLAIR.</source>
            <translation>全肿瘤：肿瘤瘤体及瘤周水肿，主要在 FLAIR 上勾画。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Tumor body on T2WI, without edema; where body and edema are hard to separate, consult FLAIR, T1WI and contrast T1WI across slices and planes.</source>
            <translation>肿瘤瘤体在 T2WI 上勾画，不含水肿；与水肿难以区分时参考 FLAIR、T1WI 及增强 T1WI，多层面、多方位观察。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Enhancing region on contrast T1WI, by comparison with plain T1WI.</source>
            <translation>强化区在增强 T1WI 上勾画，与平扫 T1WI 对照。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Non-enhancing part of the tumor body on contrast T1WI: solid non-enhancing tumor, necrosis, cyst, haemorrhage.</source>
            <translation>非强化区为增强 T1WI 上肿瘤瘤体的非强化部分：非强化实性成分、坏死、囊变、出血。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Enhancing and non-enhancing parts are drawn together as one region.</source>
            <translation>强化区与非强化区合并为一个区域勾画。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Meningeal tumors: the FLAIR region is the edema only, excluding the tumor body.</source>
            <translation>脑膜来源肿瘤：FLAIR 区域仅为水肿区，不含肿瘤瘤体。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Clearly thickened, enhancing meninges (dural tail) belong to the enhancing region.</source>
            <translation>明显增厚强化的脑膜（脑膜尾征）归入强化区。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Self-check: fix every error it reports; warnings are worth a second look.</source>
            <translation>自检：修正报告中的全部错误；警告项需再次核对。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Save: a new annotation version is written with your name and the time; nothing is overwritten.</source>
            <translation>保存：以标注者姓名及时间生成新的标注版本，不覆盖既往版本。</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Review all sequences</source>
            <translation>浏览全部序列</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Draw</source>
            <translation>勾画</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Self-check</source>
            <translation>自检</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Confirm the checklist</source>
            <translation>确认核查清单</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Save a new version</source>
            <translation>保存新版本</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>guidance language must be one of {languages}, got {lang!r}</source>
            <translation>指导语言必须为 {languages} 之一，实际为 {lang!r}</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>the draw step's guidance needs the region being drawn</source>
            <translation>勾画步骤的指导需要指定正在勾画的区域</translation>
        </message>
        <message>
            <location filename="../wizard/guidance.py" />
            <source>{step}: {region} ({sequence})</source>
            <translation>{step}：{region}（{sequence}）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>The tumor shows no definite enhancement: the enhancing region is left empty on purpose</source>
            <translation>肿瘤无明确强化：强化区有意留空</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>The meningeal tumor has no peritumoral edema: the edema region is left empty on purpose</source>
            <translation>脑膜来源肿瘤无瘤周水肿：水肿区有意留空</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>the wizard needs the annotator's name (R-FLOW-1)</source>
            <translation>标注向导需要标注者姓名（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>an unfinished wizard session of {annotator} is at step {step}: resume it or restart</source>
            <translation>{annotator} 有一个未完成的向导会话，停在步骤 {step}：请继续该会话或重新开始</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>no wizard session to resume</source>
            <translation>没有可继续的向导会话</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>none (the session is done)</source>
            <translation>无（会话已完成）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>cannot {move} at step {step} (region {region}); allowed moves: {allowed}</source>
            <translation>在步骤 {step}（区域 {region}）不能执行 {move}；允许的操作：{allowed}</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>cannot {move} at step {step}; allowed moves: {allowed}</source>
            <translation>在步骤 {step} 不能执行 {move}；允许的操作：{allowed}</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>{region} is the first region; there is none before it</source>
            <translation>{region} 是第一个区域，之前没有区域</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm "no enhancement" with confirm_no_enhancement (R-ANN-4)</source>
            <translation>请用 confirm_no_enhancement 确认“无强化”（R-ANN-4）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm "no peritumoral edema" with confirm_no_edema (R-SEG-7)</source>
            <translation>请用 confirm_no_edema 确认“无瘤周水肿”（R-SEG-7）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>unknown checklist item {key!r}; known: {known}</source>
            <translation>未知的核查清单项 {key!r}；已知项：{known}</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>this schema has no separate enhancing region to leave empty (R-SEG-5)</source>
            <translation>该标注方案没有可单独留空的强化区（R-SEG-5）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>only the meningeal schema has an edema region to leave empty</source>
            <translation>只有脑膜来源肿瘤的标注方案有可留空的水肿区</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>checklist item {key!r} was not confirmed</source>
            <translation>核查清单项 {key!r} 尚未确认</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>confirm every checklist item before saving; still open: {missing}</source>
            <translation>保存前请确认核查清单的每一项；尚未确认：{missing}</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>saved by the annotation wizard ({wizard_version})</source>
            <translation>由标注向导保存（{wizard_version}）</translation>
        </message>
        <message>
            <location filename="../wizard/machine.py" />
            <source>save needs the masks or the scene's loaded case</source>
            <translation>保存需要掩膜或场景中已加载的病例</translation>
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>enter who is drawing first (R-FLOW-1: every version records its annotator)</source>
            <translation>请先填写勾画者（R-FLOW-1：每个版本都记录其标注者）</translation>
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>R-FLOW-1: case {case_id} is being drawn by {annotator} (step {step}); {who} may not continue that session</source>
            <translation>R-FLOW-1：病例 {case_id} 正由 {annotator} 勾画（步骤 {step}）；{who} 不能继续该会话</translation>
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>R-FLOW-1: case {case_id} is assigned to {assignee}; {person} may not draw it</source>
            <translation>R-FLOW-1：病例 {case_id} 已分配给 {assignee}；{person} 不能勾画</translation>
        </message>
        <message>
            <location filename="../wizard/opening.py" />
            <source>nobody</source>
            <translation>无人</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>{case_id} ({patient}): {state}{where}, {versions} version(s)</source>
            <translation>{case_id}（{patient}）：{state}{where}，共 {versions} 个版本</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-1: {person_name} is an administrator; only annotators and reviewers have a case queue</source>
            <translation>R-PPL-1：{person_name} 是管理员；只有标注者和审核者有病例队列</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>the queue of {person_name} is empty</source>
            <translation>{person_name} 的病例队列为空</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>case {case_id!r} is not in the queue of {person_name}</source>
            <translation>病例 {case_id!r} 不在 {person_name} 的队列中</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-FLOW-1: case {case_id} has unsaved changes: save them as a version or discard them before moving on</source>
            <translation>R-FLOW-1：病例 {case_id} 有未保存的修改：请先保存为版本或放弃修改，再继续</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-FLOW-1: case {case_id} is assigned to {assignee}; {person_name} ({role}) may not draw it</source>
            <translation>R-FLOW-1：病例 {case_id} 已分配给 {assignee}；{person_name}（{role}）不能勾画</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-3: case {case_id} is approved; reopen it with a reason to change it (the approved version stays as it is)</source>
            <translation>R-PPL-3：病例 {case_id} 已通过审核；如需修改，请注明理由重新打开（已通过的版本保持不变）</translation>
        </message>
        <message>
            <location filename="../wizard/queue.py" />
            <source>R-PPL-3: case {case_id} is waiting for review; it cannot be drawn now</source>
            <translation>R-PPL-3：病例 {case_id} 正在等待审核，现在不能勾画</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>info</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-ANN-8: region {key} is on different grids in the two annotations ({first_size} vs {second_size}); compare annotations of one case</source>
            <translation>R-ANN-8：区域 {key} 在两个标注中位于不同网格（{first_size} 与 {second_size}）；请比较同一病例的标注</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>slice {number}</source>
            <translation>层面 {number}</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>lesion {number}</source>
            <translation>病灶 {number}</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>not a readable self-check report ({error})</source>
            <translation>不是可读取的自检报告（{error}）</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer; case {case_id} opens read-only for reviewers only</source>
            <translation>R-PPL-3：{person_name} 的角色是 {role}，不是审核者；病例 {case_id} 仅对审核者以只读方式打开</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>R-PPL-3: case {case_id} is {state}; only a submitted case is reviewed</source>
            <translation>R-PPL-3：病例 {case_id} 的状态为 {state}；只有已提交的病例才能审核</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>case {case_id} has no saved version to review</source>
            <translation>病例 {case_id} 没有可审核的已保存版本</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>a review comment needs text</source>
            <translation>审核意见不能为空</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>unknown region {region!r}; the case's regions are {regions}</source>
            <translation>未知区域 {region!r}；该病例的区域为 {regions}</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>slice {slice_index} is outside region {region}'s reference sequence (0..{last})</source>
            <translation>层面 {slice_index} 超出区域 {region} 参考序列的范围（0..{last}）</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>v{version} model pre-annotation by {annotator}</source>
            <translation>v{version}：{annotator} 的模型预标注</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>v{version} annotation by {annotator}</source>
            <translation>v{version}：{annotator} 的标注</translation>
        </message>
        <message>
            <location filename="../wizard/review.py" />
            <source>{label} (approved)</source>
            <translation>{label}（已通过）</translation>
        </message>
        <message>
            <location filename="../wizard/session.py" />
            <source>not readable JSON ({error})</source>
            <translation>不是可读取的 JSON（{error}）</translation>
        </message>
        <message>
            <location filename="../wizard/session.py" />
            <source>not a {record_format} record</source>
            <translation>不是 {record_format} 记录</translation>
        </message>
    </context>
</TS>
