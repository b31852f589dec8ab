"""The browser door's front server (aiohttp): sign-in, the case queue, submission and review.

Every request is checked here, on the server: the session cookie names a signed-in person
(:mod:`.sessions`), the case id is checked and the case must be in that person's queue
(:mod:`.access`), and each action calls the same workflow function the ``cnstumor project``
command calls, so it leaves the same audit entry (R-FLOW-1). Drawing happens in a trame-slicer
worker per person and case (:mod:`.workers`, :mod:`.draw_app`), reached with a one-time secret.
Pages are plain server-rendered HTML (every value escaped), in the person's language.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from CNSTumorAnnotationLib.i18n import html_lang, set_language, tr, using_language
from CNSTumorAnnotationLib.people import NotPermittedError, Person, QualificationError, Role
from CNSTumorAnnotationLib.project import audit, auth, store, versions, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project, ProjectCase
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.project.workflow import ReviewComment
from CNSTumorAnnotationLib.web import access
from CNSTumorAnnotationLib.web.i18n import PROGRESS, state_label, t
from CNSTumorAnnotationLib.web.sessions import COOKIE, SessionStore
from CNSTumorQCLib.errors import AuthenticationError, CNSTumorError, WorkflowError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PROJECT = web.AppKey("project", Path)
SESSIONS = web.AppKey("sessions", SessionStore)
WORKERS: web.AppKey[Any] = web.AppKey("workers")

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222}
header{background:#1d3557;color:#fff;padding:.6em 1.2em;display:flex;gap:1em;align-items:center}
header h1{font-size:1.1em;margin:0;flex:1} header form{margin:0}
main{padding:1.2em;max-width:70em} table{border-collapse:collapse;background:#fff;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.45em .6em;text-align:left}
.bar{background:#e3e6ea;width:8em;height:.7em;border-radius:.35em}
.bar span{display:block;height:100%;background:#2a9d8f;border-radius:.35em}
.card{background:#fff;padding:1em;margin:1em 0;border-radius:.4em}
.error{background:#fde2e1;border-left:4px solid #c1121f;padding:.8em}
button{padding:.35em .9em;margin:.2em}
"""


def create_app(project_dir: Path, workers: Any = None) -> web.Application:
    """The aiohttp application for the project at ``project_dir``."""
    Project.open(project_dir).close()  # refuse a folder without a project now, not per request
    app = web.Application(middlewares=[_errors])
    app[PROJECT] = Path(project_dir)
    app[SESSIONS] = SessionStore()
    app[WORKERS] = workers
    app.router.add_get("/login", _login_page)
    app.router.add_post("/login", _login)
    app.router.add_post("/logout", _logout)
    app.router.add_post("/language", _language)
    app.router.add_get("/", _queue)
    app.router.add_get("/case/{case_id}", _case_page)
    app.router.add_post("/case/{case_id}/{action}", _case_action)
    app.router.add_get("/api/cases", _api_cases)
    if workers is not None:
        app[SESSIONS].on_expire = workers.stop_person
        app.on_cleanup.append(lambda _app: _stop_workers(workers))
    return app


async def _stop_workers(workers: Any) -> None:
    workers.stop_all()


# -- plumbing ------------------------------------------------------------------------------
@web.middleware
async def _errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A refusal is one line on a page with the right status; never a traceback. Each request
    speaks its person's language (set on sign-in check), refusals included, and only for itself."""
    with using_language(None):
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except CNSTumorError as error:
            status = _status_of(error)
            lang = request.get("lang", "en")
            body = f'<p class="error">{t("refused", lang)}: {html.escape(str(error))}</p>'
            if request.get("person"):
                body += f'<p><a href="/">{t("back", lang)}</a></p>'
            return _page(request, body, status=status)


def _status_of(error: CNSTumorError) -> int:
    if isinstance(error, AuthenticationError):
        return 401
    if isinstance(error, access.NotFoundError):
        return 404
    if isinstance(error, NotPermittedError | QualificationError):
        return 403
    if isinstance(error, WorkflowError):
        return 409
    return 400


def _page(request: web.Request, body: str, *, status: int = 200) -> web.Response:
    lang = request.get("lang", "en")
    person: Person | None = request.get("person")
    header = f"<h1>{t('title', lang)}</h1>"
    if person is not None:
        header += (
            f"<span id='who'>{html.escape(person.name)} ({person.role.value})</span>"
            f"<form method=post action=/language><button id=lang>{t('language', lang)}"
            "</button></form>"
            f"<form method=post action=/logout><button id=logout>{t('sign_out', lang)}"
            "</button></form>"
        )
    with using_language(lang):
        page_lang = html_lang()
    text = (
        f"<!doctype html><html lang={page_lang}><head><meta charset=utf-8>"
        f"<title>{t('title', lang)}</title><style>{_CSS}</style></head>"
        f"<body><header>{header}</header><main>{body}</main></body></html>"
    )
    return web.Response(text=text, content_type="text/html", status=status)


def _signed_in(request: web.Request, project: Project) -> Person:
    """The session's person; a page request without one is sent to sign in, any other gets 401."""
    session = request.app[SESSIONS].get(request.cookies.get(COOKIE))
    if session is None:
        if request.method == "GET" and not request.path.startswith("/api/"):
            raise web.HTTPSeeOther("/login")
        raise AuthenticationError(tr("not signed in (or the session expired); sign in first"))
    person = project.person(session.person)
    request["person"] = person
    request["lang"] = person.language
    set_language(person.language)  # this request's words (the middleware restores the default)
    return person


def _same_origin(request: web.Request) -> None:
    """A state-changing request must come from this site's own pages (besides SameSite)."""
    origin = request.headers.get("Origin")
    if origin and origin.split("://", 1)[-1] != request.host:
        raise NotPermittedError(tr("cross-site request from {origin} refused", origin=origin))


# -- sign-in -------------------------------------------------------------------------------
async def _login_page(request: web.Request) -> web.Response:
    lang = request.query.get("lang", "en") if request.query.get("lang") in ("en", "zh") else "en"
    request["lang"] = lang
    return _page(request, _login_form(lang, ""))


def _login_form(lang: str, message: str) -> str:
    return (
        f"<div class=card><h2>{t('sign_in', lang)}</h2>{message}"
        f"<form method=post action=/login><p><label>{t('person', lang)} "
        "<input name=person id=person autocomplete=username></label></p>"
        f"<p><label>{t('password', lang)} <input name=password id=password type=password "
        "autocomplete=current-password></label></p>"
        f"<button id=sign-in>{t('sign_in', lang)}</button></form></div>"
    )


async def _login(request: web.Request) -> web.Response:
    _same_origin(request)
    form = await request.post()
    person_id, password = str(form.get("person", "")), str(form.get("password", ""))
    with Project.open(request.app[PROJECT]) as project:
        try:
            person = auth.verify_password(project, person_id, password)
        except AuthenticationError:
            message = f"<p class=error>{t('bad_sign_in', 'en')} / {t('bad_sign_in', 'zh')}</p>"
            return _page(request, _login_form("en", message), status=401)
        with store.transaction(project.conn) as conn:
            audit.append(conn, actor=person.id, action="signed_in", details={"door": "browser"})
    secret = request.app[SESSIONS].create(person.id)
    response = web.HTTPSeeOther("/")
    response.set_cookie(COOKIE, secret, httponly=True, samesite="Strict", path="/")
    raise response


async def _logout(request: web.Request) -> web.Response:
    secret = request.cookies.get(COOKIE)
    session = request.app[SESSIONS].drop(secret)
    workers = request.app[WORKERS]
    if session is not None and workers is not None:
        workers.stop_person(session.person)
    response = web.HTTPSeeOther("/login")
    response.del_cookie(COOKIE, path="/")
    raise response


async def _language(request: web.Request) -> web.Response:
    _same_origin(request)
    with Project.open(request.app[PROJECT]) as project:
        person = _signed_in(request, project)
        project.set_language(person.id, "zh" if person.language == "en" else "en", actor=person.id)
    raise web.HTTPSeeOther(request.headers.get("Referer") or "/")


# -- queue and case ------------------------------------------------------------------------
async def _queue(request: web.Request) -> web.Response:
    with Project.open(request.app[PROJECT]) as project:
        person = _signed_in(request, project)
        lang = person.language
        rows = []
        for case in access.visible_cases(project, person):
            latest = versions.latest_version(project.conn, case.id)
            done = PROGRESS.get(case.state.value, 0)
            rows.append(
                f"<tr class=case-row data-case='{html.escape(case.id)}'>"
                f"<td><a href='/case/{html.escape(case.id)}'>{html.escape(case.id)}</a></td>"
                f"<td class=state>{state_label(case.state.value, lang)}</td>"
                f"<td>{html.escape(case.assignee or '-')}</td>"
                f"<td>{latest.number if latest else '-'}</td>"
                f"<td><div class=bar title='{done}%'><span style='width:{done}%'></span></div>"
                "</td></tr>"
            )
    head = "".join(
        f"<th>{t(k, lang)}</th>" for k in ("case", "state", "assignee", "version", "progress")
    )
    table = (
        f"<table id=queue><tr>{head}</tr>{''.join(rows)}</table>"
        if rows
        else f"<p id=queue>{t('empty_queue', lang)}</p>"
    )
    return _page(request, f"<h2>{t('queue', lang)}</h2>{table}")


async def _api_cases(request: web.Request) -> web.Response:
    with Project.open(request.app[PROJECT]) as project:
        person = _signed_in(request, project)
        cases = [
            {"case": c.id, "state": c.state.value, "assignee": c.assignee}
            for c in access.visible_cases(project, person)
        ]
    return web.json_response({"person": person.id, "cases": cases})


async def _case_page(request: web.Request) -> web.Response:
    with Project.open(request.app[PROJECT]) as project:
        person = _signed_in(request, project)
        case = access.open_case(project, person, request.match_info["case_id"])
        body = _case_body(project, person, case)
    return _page(request, body)


def _case_body(project: Project, person: Person, case: ProjectCase) -> str:
    lang = person.language
    cid = html.escape(case.id)
    latest = versions.latest_version(project.conn, case.id)
    parts = [
        f"<h2>{t('case', lang)} {cid}</h2>",
        f"<p>{t('state', lang)}: <b id=state>{state_label(case.state.value, lang)}</b>"
        f" &middot; {t('version', lang)}: <b id=version>{latest.number if latest else '-'}</b></p>",
    ]
    check = None
    if latest is not None:
        check = project.conn.execute(
            "SELECT findings FROM self_checks WHERE version_id = ? ORDER BY id DESC LIMIT 1",
            (latest.id,),
        ).fetchone()
    if check is not None:
        import json

        items = "".join(
            f"<li class=finding>{html.escape(f['rule'])} {html.escape(f['severity'])}: "
            f"{html.escape(f['message'])}</li>"
            for f in json.loads(check[0])
        )
        parts.append(f"<div class=card><h3>{t('findings', lang)}</h3><ul>{items}</ul></div>")
    reviews = workflow.review_comments(project, case.id)
    if reviews:
        items = "".join(
            f"<li class=comment>v{r['version']} {html.escape(r['decision'])} "
            f"({html.escape(r['reviewer'])}): "
            + "; ".join(
                f"{html.escape(c['region'] or '')}"
                f"{'@' + str(c['slice_index']) if c['slice_index'] is not None else ''}: "
                f"{html.escape(c['text'])}"
                for c in r["comments"]
            )
            + "</li>"
            for r in reviews
        )
        parts.append(f"<div class=card><h3>{t('comments', lang)}</h3><ul>{items}</ul></div>")
    parts.append(f"<div class=card id=actions>{_actions(person, case, lang)}</div>")
    parts.append(f"<p><a href='/'>{t('back', lang)}</a></p>")
    return "".join(parts)


def _button(case: ProjectCase, action: str, label: str) -> str:
    return (
        f"<form method=post action='/case/{html.escape(case.id)}/{action}' style=display:inline>"
        f"<button id=do-{action}>{label}</button></form>"
    )


def _actions(person: Person, case: ProjectCase, lang: str) -> str:
    state = case.state
    if person.role is Role.ANNOTATOR and case.assignee == person.id:
        buttons = {
            CaseState.ASSIGNED: ["start"],
            CaseState.RETURNED: ["revise"],
            CaseState.IN_PROGRESS: ["draw"],
            CaseState.SELF_CHECKED: ["draw", "submit"],
        }.get(state, [])
        return "".join(_button(case, a, t(a, lang)) for a in buttons)
    if person.role is Role.REVIEWER and state is CaseState.SUBMITTED:
        rows = "".join(
            f"<tr><td><input name=region id=region-{i} size=12></td>"
            f"<td><input name=slice id=slice-{i} size=5></td>"
            f"<td><input name=text id=text-{i} size=50></td></tr>"
            for i in range(3)
        )
        return (
            _button(case, "view", t("view", lang))
            + _button(case, "approve", t("approve", lang))
            + f"<form method=post action='/case/{html.escape(case.id)}/return'>"
            f"<table><tr><th>{t('region', lang)}</th><th>{t('slice', lang)}</th>"
            f"<th>{t('comment', lang)}</th></tr>{rows}</table>"
            f"<button id=do-return>{t('return', lang)}</button></form>"
        )
    return ""


async def _case_action(request: web.Request) -> web.StreamResponse:
    _same_origin(request)
    action = request.match_info["action"]
    form = await request.post()
    with Project.open(request.app[PROJECT]) as project:
        person = _signed_in(request, project)
        case = access.open_case(project, person, request.match_info["case_id"])
        if action in ("draw", "view"):
            url = _check_launch(project, person, case, read_only=action == "view", request=request)
        else:
            _apply(project, person, case, action, form)
            url = None
    if url is not None:
        raise web.HTTPSeeOther(await _start_worker(request, person, case, url))
    # a reviewed case leaves the reviewer's queue: back to the queue, not to a refusal
    raise web.HTTPSeeOther("/" if action in ("approve", "return") else f"/case/{case.id}")


def _apply(project: Project, person: Person, case: ProjectCase, action: str, form: Any) -> None:
    """One workflow call, as the signed-in person; the workflow checks the role and state."""
    if action == "start":
        workflow.start(project, case.id, actor=person.id)
    elif action == "revise":
        workflow.revise(project, case.id, actor=person.id)
    elif action == "submit":
        workflow.submit(project, case.id, actor=person.id)
    elif action in ("approve", "return"):
        comments = _comments(form)
        workflow.review(project, case.id, reviewer=person.id, decision=action, comments=comments)
    else:
        raise access.NotFoundError(tr("no action {action!r}", action=action))


def _comments(form: Any) -> list[ReviewComment]:
    regions, slices, texts = (form.getall(k, []) for k in ("region", "slice", "text"))
    comments = []
    for region, index, text in zip(regions, slices, texts, strict=False):
        if str(text).strip():
            slice_index = int(index) if str(index).strip().isdigit() else None
            comments.append(
                ReviewComment(str(text).strip(), str(region).strip() or None, slice_index)
            )
    return comments


def _check_launch(
    project: Project, person: Person, case: ProjectCase, *, read_only: bool, request: web.Request
) -> str:
    """Who may open the wizard: the assignee while the case is in work; a reviewer read-only."""
    if request.app[WORKERS] is None:
        raise WorkflowError(tr("this server runs without the drawing wizard"))
    drawing = (CaseState.IN_PROGRESS, CaseState.SELF_CHECKED)
    if not read_only and (case.assignee != person.id or case.state not in drawing):
        raise NotPermittedError(
            tr(
                "R-FLOW-1: only the assignee draws case {case_id}, while it is in progress",
                case_id=case.id,
            )
        )
    return str(access.case_folder(project, case))


async def _start_worker(
    request: web.Request, person: Person, case: ProjectCase, folder: str
) -> str:
    """Start (or find) the worker off the event loop: other people's requests go on meanwhile."""
    import asyncio

    workers = request.app[WORKERS]
    read_only = request.match_info["action"] == "view"
    return await asyncio.get_running_loop().run_in_executor(
        None,
        lambda: workers.open(
            person.id, case.id, Path(folder), read_only=read_only, host=request.host
        ),
    )
