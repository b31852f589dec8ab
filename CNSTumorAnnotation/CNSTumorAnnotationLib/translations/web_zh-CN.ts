<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.web</name>
        <message>
            <location filename="../web/access.py" />
            <source>{case_id!r} is not a case id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>no case {case_id!r} in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>R-FLOW-1: case {case_id} is not in the queue of {id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/access.py" />
            <source>case {id}'s folder lies outside the project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/draw_app.py" />
            <source>this view is read-only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>not signed in (or the session expired); sign in first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>cross-site request from {origin} refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>no action {action!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>this server runs without the drawing wizard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/front.py" />
            <source>R-FLOW-1: only the assignee draws case {id}, while it is in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/workers.py" />
            <source>the drawing wizard for case {case_id} did not start: {tail}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../web/workers.py" />
            <source>the drawing wizard for case {case_id} did not start in time</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
