<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.project</name>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>annotator</source>
            <translation>标注者</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>reviewer</source>
            <translation>审核者</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person id</source>
            <translation>人员 ID</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>dataset id</source>
            <translation>数据集 ID</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>case id</source>
            <translation>病例 ID</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>an annotation project already exists here</source>
            <translation>此处已有标注项目</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>the first person of a project is its administrator, not a {role}</source>
            <translation>项目的第一位人员必须是管理员，而不是{role}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>administrator {person_id} needs a licence or staff number (one human, one identity)</source>
            <translation>管理员 {person_id} 需要执业证号或工号（一人一个身份）</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>this database already holds an annotation project</source>
            <translation>此数据库中已有标注项目</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>change the qualification rules</source>
            <translation>修改资质规则</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>record dataset {dataset_id}</source>
            <translation>登记数据集 {dataset_id}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no dataset {dataset_id!r} in this project</source>
            <translation>本项目中没有数据集 {dataset_id!r}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>add person {person_id}</source>
            <translation>添加人员 {person_id}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person id {person_id!r} already exists in this project</source>
            <translation>本项目中已有人员 ID {person_id!r}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person {person_id} needs a licence or staff number (one human, one identity)</source>
            <translation>人员 {person_id} 需要执业证号或工号（一人一个身份）</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person {person_id} needs a name</source>
            <translation>人员 {person_id} 需要姓名</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>id</source>
            <translation>ID</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>licence {licence}</source>
            <translation>执业证号 {licence}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-PPL-3: the {what} already belongs to person {owner}; one human has one identity in a project (change their role instead of adding a second one)</source>
            <translation>R-PPL-3：{what}已属于人员 {owner}；一人在项目中只有一个身份（请变更其角色，而不是再添加一个身份）</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no person {person_id!r} in this project</source>
            <translation>本项目中没有人员 {person_id!r}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: only an administrator may {what}; {actor} is a {role}</source>
            <translation>R-FLOW-1：只有管理员可以{what}；{actor} 的角色是{role}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>change the role of {person_id}</source>
            <translation>变更 {person_id} 的角色</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: {actor} may not change their own role; another administrator must</source>
            <translation>R-FLOW-1：{actor} 不能变更自己的角色，须由另一位管理员变更</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: the project's last administrator keeps the role</source>
            <translation>R-FLOW-1：项目的最后一位管理员须保留管理员角色</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>{actor} may not choose the language of {person_id}</source>
            <translation>{actor} 不能为 {person_id} 选择语言</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>register case {case_id}</source>
            <translation>登记病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>phase must be production or calibration, not {phase!r}</source>
            <translation>阶段须为 production（正式标注）或 calibration（校准），而不是 {phase!r}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-DATA-1: dataset {dataset_id} has no recorded ethics approval; case {case_id} may not be used</source>
            <translation>R-DATA-1：数据集 {dataset_id} 没有登记伦理审批，病例 {case_id} 不能使用</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-DATA-1: dataset {dataset_id} is not de-identified; case {case_id} may not be used</source>
            <translation>R-DATA-1：数据集 {dataset_id} 未脱敏，病例 {case_id} 不能使用</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no case {case_id!r} in this project</source>
            <translation>本项目中没有病例 {case_id!r}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>record the de-identification of case {case_id}</source>
            <translation>登记病例 {case_id} 的脱敏</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>record the QC of case {case_id}</source>
            <translation>登记病例 {case_id} 的质控</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: grade {grade} given, but the QC report's confirmed grades are {grades}; the report decides</source>
            <translation>R-QC-2：给出的分级为 {grade}，但质控报告中确认的分级为 {grades}；以报告为准</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: case {case_id} has quality grade {grade}; only 2 or 3 may be annotated</source>
            <translation>R-QC-2：病例 {case_id} 的图像质量分级为 {grade}；只有 2 级或 3 级可以标注</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>exclude case {case_id}</source>
            <translation>排除病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: excluding case {case_id} needs a reason</source>
            <translation>R-QC-2：排除病例 {case_id} 须注明原因</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>verifying de-identification needs the DICOM folder and its key</source>
            <translation>核验脱敏需要 DICOM 文件夹及其假名密钥文件</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-DATA-1: case {case_id} is not de-identified ({count} problem(s) in {files} files): {problems}</source>
            <translation>R-DATA-1：病例 {case_id} 未脱敏（{files} 个文件中有 {count} 处问题）：{problems}</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>{kind} {identifier!r} must be letters, digits, '.', '_' or '-' (it names folders)</source>
            <translation>{kind} {identifier!r} 只能包含字母、数字、'.'、'_' 或 '-'（它用作文件夹名）</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>ethics approval date {date!r} is not YYYY-MM-DD</source>
            <translation>伦理审批日期 {date!r} 不是 YYYY-MM-DD 格式</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no annotation project database here (neither project.sqlite nor project.database)</source>
            <translation>此处没有标注项目数据库（既无 project.sqlite，也无 project.database）</translation>
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>language must be one of {choices}, not {language!r}</source>
            <translation>语言须为 {choices} 之一，而不是 {language!r}</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>audit log intact: {entries} entries, hash chain verified (R-FLOW-1)</source>
            <translation>审计日志完整：共 {entries} 条记录，哈希链已核验（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>audit log broken at entry {seq}: {problem}</source>
            <translation>审计日志在第 {seq} 条记录处断裂：{problem}</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>unreadable entry ({error})</source>
            <translation>记录无法读取（{error}）</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>entry {seq} is missing</source>
            <translation>缺少第 {seq} 条记录</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>its link to the previous entry differs</source>
            <translation>其与上一条记录的链接不一致</translation>
        </message>
        <message>
            <location filename="../project/audit.py" />
            <source>its content no longer matches its hash</source>
            <translation>其内容与其哈希值不再一致</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>a password needs at least {minimum} characters (R-FLOW-1: the audit log is only as good as the sign-in behind it)</source>
            <translation>密码至少需要 {minimum} 个字符（R-FLOW-1：审计日志的可信度取决于其背后的登录）</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>set the password of {person_id}</source>
            <translation>设置 {person_id} 的密码</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>unknown person or wrong password for {person_id!r}</source>
            <translation>{person_id!r} 的人员未知或密码错误</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>create a token for {person_id}</source>
            <translation>为 {person_id} 创建令牌</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>a token lives 1 to 366 days, not {days}</source>
            <translation>令牌有效期为 1 至 366 天，而不是 {days} 天</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>no token {token_id} in this project</source>
            <translation>本项目中没有令牌 {token_id}</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>revoke token {token_id}</source>
            <translation>吊销令牌 {token_id}</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>unknown or revoked token</source>
            <translation>令牌未知或已吊销</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>the token expired at {expires_at}</source>
            <translation>令牌已于 {expires_at} 过期</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>the token belongs to {holder}, not {person_id}</source>
            <translation>该令牌属于 {holder}，而不是 {person_id}</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>who is acting? give --actor with a password, or a token</source>
            <translation>操作者是谁？请用 --actor 并提供密码，或提供令牌</translation>
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>{person_id} is not authenticated: give --password-file, CNSTUMOR_PASSWORD or a token (R-FLOW-1: no step without a signed-in person)</source>
            <translation>{person_id} 未通过身份验证：请提供 --password-file、CNSTUMOR_PASSWORD 或令牌（R-FLOW-1：每一步都须由已登录的人员完成）</translation>
        </message>
        <message>
            <location filename="../project/case_bridge.py" />
            <source>R-FMT-2: {path_name} no longer matches the checksum its case folder recorded</source>
            <translation>R-FMT-2：{path_name} 与其病例文件夹记录的校验和不再一致</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>copied {rows} rows in {tables} tables; audit chain verified on the target (last hash {last_hash}...)</source>
            <translation>已复制 {tables} 个表中的 {rows} 行；已在目标库上核验审计链（最后哈希 {last_hash}...）</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>the SQLite database is kept as {file_name} and no longer used</source>
            <translation>SQLite 数据库已保留为 {file_name}，不再使用</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>this project is already on PostgreSQL</source>
            <translation>本项目已在 PostgreSQL 上</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>no SQLite project database here</source>
            <translation>此处没有 SQLite 项目数据库</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>source and target are at different schema versions</source>
            <translation>源库与目标库的结构版本不同</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>refusing to copy a broken project: {problem}</source>
            <translation>拒绝复制已损坏的项目：{problem}</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>the copied audit chain does not verify</source>
            <translation>复制后的审计链未通过核验</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>circular foreign keys between {tables}</source>
            <translation>{tables} 之间存在循环外键</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>copy of {table} has {theirs} rows, the source {mine}</source>
            <translation>{table} 的副本有 {theirs} 行，源表有 {mine} 行</translation>
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>the copied audit log differs from the source</source>
            <translation>复制后的审计日志与源库不同</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>deidentified</source>
            <translation>已脱敏</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>qc_passed</source>
            <translation>质控通过</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>excluded</source>
            <translation>已排除</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>assigned</source>
            <translation>已分配</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>in_progress</source>
            <translation>标注中</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>self_checked</source>
            <translation>已自检</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>deidentify</source>
            <translation>脱敏</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>pass_qc</source>
            <translation>质控通过</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>exclude</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>assign</source>
            <translation>分配</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>start</source>
            <translation>开始标注</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>save_version</source>
            <translation>保存版本</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>self_check</source>
            <translation>自检</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>approve</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>return</source>
            <translation>退回</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>revise</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>reopen</source>
            <translation>重新打开</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>project_init</source>
            <translation>创建项目</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>rules_recorded</source>
            <translation>登记规则表</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>dataset_added</source>
            <translation>登记数据集</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>person_added</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>role_changed</source>
            <translation>变更角色</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>language_set</source>
            <translation>设置语言</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>case_imported</source>
            <translation>登记病例</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>password_set</source>
            <translation>设置密码</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>token_created</source>
            <translation>创建令牌</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>token_revoked</source>
            <translation>吊销令牌</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>self_check_blocked</source>
            <translation>自检未通过</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>certification</source>
            <translation>认证</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>signed_in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>R-FLOW-1: case {case_id} is {state}; '{action}' is not allowed from there (allowed: {allowed})</source>
            <translation>R-FLOW-1：病例 {case_id} 的状态为{state}，此状态下不允许 '{action}'（允许：{allowed}）</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>nothing: the case is closed</source>
            <translation>无：病例已关闭</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>R-FLOW-1: the lifecycle table has no '{action}' from {state} (allowed: {allowed})</source>
            <translation>R-FLOW-1：流程表中没有从{state}执行 '{action}' 的转换（允许：{allowed}）</translation>
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>a PostgreSQL project needs psycopg (pip install 'psycopg[binary]==3.3.9')</source>
            <translation>PostgreSQL 项目需要 psycopg（pip install 'psycopg[binary]==3.3.9'）</translation>
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>not a PostgreSQL URL: {error}</source>
            <translation>不是 PostgreSQL URL：{error}</translation>
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>the database URL carries a password; put it in ~/.pgpass or PGPASSWORD instead (the URL is written into the project folder)</source>
            <translation>数据库 URL 中含有密码；请改放在 ~/.pgpass 或 PGPASSWORD 中（该 URL 会写入项目文件夹）</translation>
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>the database URL names no database</source>
            <translation>数据库 URL 中未指定数据库</translation>
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>cannot connect to the project database: {error}</source>
            <translation>无法连接项目数据库：{error}</translation>
        </message>
        <message>
            <location filename="../project/qc_gate.py" />
            <source>the QC report holds no series of the annotated sequences</source>
            <translation>质控报告中没有所标注序列的图像序列</translation>
        </message>
        <message>
            <location filename="../project/review_demo.py" />
            <source>the demo needs a new project folder</source>
            <translation>演示需要一个新的项目文件夹</translation>
        </message>
        <message>
            <location filename="../project/review_demo.py" />
            <source>certified by calibration</source>
            <translation>已通过校准认证</translation>
        </message>
        <message>
            <location filename="../project/review_demo.py" />
            <source>calibration fell short: {shortfalls}</source>
            <translation>校准未达标：{shortfalls}</translation>
        </message>
        <message>
            <location filename="../project/review_demo.py" />
            <source>external training record (demo)</source>
            <translation>外部培训记录（演示）</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>not a self-check report ({error})</source>
            <translation>不是自检报告（{error}）</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: not a self-check report written by `cnstumor selfcheck` ({report_format})</source>
            <translation>R-ANN-9：不是由 `cnstumor selfcheck` 生成的自检报告（{report_format}）</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: the report is not bound to the files of version {number}: it names {checked}, the version holds {recorded} (run the self-check on the saved version)</source>
            <translation>R-ANN-9：该报告与版本 {number} 的文件不对应：报告中为 {checked}，该版本包含 {recorded}（请对已保存的版本运行自检）</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: version {number} was saved from loose files, so its self-check cannot be re-run; save it from its case folder (save --case-folder)</source>
            <translation>R-ANN-9：版本 {number} 由零散文件保存，无法重新运行其自检；请从其病例文件夹保存（save --case-folder）</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: case folder version {source_version} no longer holds the files of project version {number}</source>
            <translation>R-ANN-9：病例文件夹版本 {source_version} 已不再包含项目版本 {number} 的文件</translation>
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: the report's findings ({count_claimed}) differ from a re-run of the self-check on version {number}'s files ({count_actual}): a report counts only as `cnstumor selfcheck` wrote it</source>
            <translation>R-ANN-9：报告中的检查结果（{count_claimed}）与对版本 {number} 的文件重新自检的结果（{count_actual}）不同：报告须保持 `cnstumor selfcheck` 生成时的原样才有效</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>records: {problem}</source>
            <translation>记录：{problem}</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>records: every case state and version is backed by the audit log</source>
            <translation>记录：每个病例的状态和版本都有审计日志支持</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>database: {problem}</source>
            <translation>数据库：{problem}</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>database: integrity ok</source>
            <translation>数据库：完整性正常</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>files: {problem}</source>
            <translation>文件：{problem}</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>files: every checksum matches</source>
            <translation>文件：所有校验和一致</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>case {case_id} is {state} but its audit trail ends at {expected}</source>
            <translation>病例 {case_id} 的状态为 {state}，但其审计记录止于 {expected}</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>case {case_id} version {number} has no audit entry</source>
            <translation>病例 {case_id} 的版本 {number} 没有审计记录</translation>
        </message>
        <message>
            <location filename="../project/status.py" />
            <source>case {case_id}: a {decision} review has no audit entry</source>
            <translation>病例 {case_id}：一次 {decision} 审核没有审计记录</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>production</source>
            <translation>正式标注</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>calibration</source>
            <translation>校准</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>blocked</source>
            <translation>未通过</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>number of cases</source>
            <translation>病例数</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>Cases per lifecycle state (R-FLOW-1)</source>
            <translation>各流程状态的病例数（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>{version} (project record {record})</source>
            <translation>{version}（项目记录 {record}）</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>author</source>
            <translation>作者</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>saved</source>
            <translation>保存时间</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>self-check</source>
            <translation>自检</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>The queue is empty.</source>
            <translation>队列为空。</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>case</source>
            <translation>病例</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>assignee</source>
            <translation>被分配者</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>last review</source>
            <translation>最近审核</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>comments</source>
            <translation>审核意见</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>when (UTC)</source>
            <translation>时间（UTC）</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>who</source>
            <translation>操作者</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>what</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>Annotation project {name}</source>
            <translation>标注项目 {name}</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>Review queue ({count})</source>
            <translation>待审核队列（{count}）</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>All cases</source>
            <translation>全部病例</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>Latest audit entries</source>
            <translation>最近的审计记录</translation>
        </message>
        <message>
            <location filename="../project/status_html.py" />
            <source>{decision} by {reviewer}</source>
            <translation>{reviewer} {decision}</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>does not hold a postgresql:// URL</source>
            <translation>其中没有 postgresql:// URL</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>no annotation project database here</source>
            <translation>此处没有标注项目数据库</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>could not switch the database to WAL mode ({mode})</source>
            <translation>无法将数据库切换为 WAL 模式（{mode}）</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>not a usable project database: {error}</source>
            <translation>不是可用的项目数据库：{error}</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>a record with this {columns} already exists in {table} (ids are unique)</source>
            <translation>{table} 中已有相同 {columns} 的记录（ID 必须唯一）</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>the project database refused the change ({error})</source>
            <translation>项目数据库拒绝了此更改（{error}）</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>foreign key broken: table {table} rowid {rowid} -&gt; {parent}</source>
            <translation>外键断裂：表 {table} 第 {rowid} 行 -&gt; {parent}</translation>
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>protecting trigger {name} is missing (R-FLOW-1, R-PPL-3)</source>
            <translation>缺少保护触发器 {name}（R-FLOW-1、R-PPL-3）</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>no annotation version with id {version_id}</source>
            <translation>没有 ID 为 {version_id} 的标注版本</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>case {case_id} version {number}: {file} is missing</source>
            <translation>病例 {case_id} 版本 {number}：缺少 {file}</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>case {case_id} version {number}: {file} was changed after it was saved (checksum differs)</source>
            <translation>病例 {case_id} 版本 {number}：{file} 在保存后被修改（校验和不一致）</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>an annotation version needs at least one file</source>
            <translation>一个标注版本至少需要一个文件</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>two files of one version share a name: {names}</source>
            <translation>同一版本中有两个文件同名：{names}</translation>
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>annotation file not found</source>
            <translation>找不到标注文件</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>assign case {case_id}</source>
            <translation>分配病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-1: {person_name} is a {role}, not an annotator; case {case_id} can only be assigned to an annotator</source>
            <translation>R-PPL-1：{person_name} 的角色是{role}，不是标注者；病例 {case_id} 只能分配给标注者</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-4: {person_name} is not certified for production annotation; the training phase (two teams, excellent agreement) must be passed first</source>
            <translation>R-PPL-4：{person_name} 尚未获得正式标注认证；须先通过培训阶段（两个团队，一致性达到优秀）</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>start case {case_id}</source>
            <translation>开始标注病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: case {case_id} is approved; version {number} is immutable. Reopen the case: the change becomes a new version that is reviewed again</source>
            <translation>R-PPL-3：病例 {case_id} 已通过审核，版本 {number} 不可更改。请重新打开病例：修改将成为需要再次审核的新版本</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>save a version of case {case_id}</source>
            <translation>保存病例 {case_id} 的版本</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>not a self-check result: {error}</source>
            <translation>不是自检结果：{error}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: this self-check examined a different {name} than version {number} of case {case_id} holds; run the self-check on the saved version</source>
            <translation>R-ANN-9：此次自检检查的 {name} 与病例 {case_id} 版本 {number} 中的不同；请对已保存的版本运行自检</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>self-check case {case_id}</source>
            <translation>自检病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: case {case_id} has no saved annotation version to self-check</source>
            <translation>R-ANN-9：病例 {case_id} 没有可自检的已保存标注版本</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: the self-check of version {number} was not verified against its files (record the selfcheck.json that `cnstumor selfcheck` wrote for it)</source>
            <translation>R-ANN-9：版本 {number} 的自检未对照其文件核验（请登记 `cnstumor selfcheck` 为其生成的 selfcheck.json）</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: checklist items still open: {items}</source>
            <translation>R-ANN-9：核查清单中仍有未确认的项目：{items}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-1: no record that all sequences were reviewed before version {number} was drawn (the annotation wizard's review step)</source>
            <translation>R-ANN-1：没有记录表明在勾画版本 {number} 之前已浏览全部序列（标注向导的浏览步骤）</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>submit case {case_id}</source>
            <translation>提交病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>has no saved version</source>
            <translation>没有已保存的版本</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>version {number} has no recorded self-check</source>
            <translation>版本 {number} 没有登记的自检</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>the self-check of version {number} has blocking findings</source>
            <translation>版本 {number} 的自检有阻断性检查结果</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: case {case_id} cannot be submitted: {what}; submission requires a recorded self-check with no blocking finding</source>
            <translation>R-ANN-9：病例 {case_id} 不能提交：{what}；提交前须有已登记且无阻断性检查结果的自检</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>case {case_id} cannot be submitted: {problems}</source>
            <translation>病例 {case_id} 不能提交：{problems}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>review decision must be approve or return, not {decision!r}</source>
            <translation>审核结论须为 approve（通过）或 return（退回），而不是 {decision!r}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer</source>
            <translation>R-PPL-3：{person_name} 的角色是{role}，不是审核者</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: returning case {case_id} needs at least one comment</source>
            <translation>R-PPL-3：退回病例 {case_id} 至少需要一条审核意见</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>revise case {case_id}</source>
            <translation>修改病例 {case_id}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: only an administrator or a reviewer may reopen approved case {case_id}; {actor} is a {role}</source>
            <translation>R-PPL-3：只有管理员或审核者可以重新打开已通过的病例 {case_id}；{actor} 的角色是{role}</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>reopening approved case {case_id} needs a reason</source>
            <translation>重新打开已通过的病例 {case_id} 须注明原因</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: {person_name} annotated case {case_id}; a reviewer never reviews their own work</source>
            <translation>R-PPL-3：{person_name} 标注过病例 {case_id}；审核者不能审核自己的工作</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-FLOW-1: only the assignee ({assignee}) may {what}; {actor} may not</source>
            <translation>R-FLOW-1：只有被分配者（{assignee}）可以{what}；{actor} 不可以</translation>
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>nobody yet</source>
            <translation>尚未分配</translation>
        </message>
    </context>
</TS>
