<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.web</name>
        <message>
            <location filename="../web/access.py" />
            <source>{case_id!r} is not a case id</source>
            <translation>{case_id!r} 不是病例 ID</translation>
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>no case {case_id!r} in this project</source>
            <translation>本项目中没有病例 {case_id!r}</translation>
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>R-FLOW-1: case {case_id} is not in the queue of {person}</source>
            <translation>R-FLOW-1：病例 {case_id} 不在 {person} 的队列中</translation>
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>case {case_id}'s folder lies outside the project</source>
            <translation>病例 {case_id} 的文件夹位于项目之外</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>this view is read-only</source>
            <translation>此视图为只读</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>self-check passed: confirm the checklist</source>
            <translation>自检通过：请确认核查清单</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>self-check blocked (R-ANN-9)</source>
            <translation>自检阻断（R-ANN-9）</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>{done}: v{version}, self-check passed</source>
            <translation>{done}：v{version}，自检通过</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>{done}: v{version}, self-check blocked (R-ANN-9)</source>
            <translation>{done}：v{version}，自检阻断（R-ANN-9）</translation>
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>{done}: submitted</source>
            <translation>{done}：已提交</translation>
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>not signed in (or the session expired); sign in first</source>
            <translation>未登录（或会话已过期）；请先登录</translation>
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>cross-site request from {origin} refused</source>
            <translation>已拒绝来自 {origin} 的跨站请求</translation>
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>no action {action!r}</source>
            <translation>没有操作 {action!r}</translation>
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>this server runs without the drawing wizard</source>
            <translation>本服务器未启用勾画向导</translation>
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>R-FLOW-1: only the assignee draws case {case_id}, while it is in progress</source>
            <translation>R-FLOW-1：病例 {case_id} 标注中，只有被分配者可以勾画</translation>
        </message>
        <message>
            <location filename="../web/workers.py" />
            <source>the drawing wizard for case {case_id} did not start: {tail}</source>
            <translation>病例 {case_id} 的勾画向导未能启动：{tail}</translation>
        </message>
        <message>
            <location filename="../web/workers.py" />
            <source>the drawing wizard for case {case_id} did not start in time</source>
            <translation>病例 {case_id} 的勾画向导未能按时启动</translation>
        </message>
    </context>
</TS>
