"""``cnstumor serve``: the browser wizard for an annotation project (sign-in, queue, drawing).

cnstumor serve --project DIR [--host 127.0.0.1] [--port 8080] [--demo] [--no-register]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help=tr("annotate and review in a browser (trame-slicer), signed in")
    )
    parser.add_argument("--project", type=Path, required=True, help=tr("annotation project folder"))
    parser.add_argument(
        "--host", default="127.0.0.1", help=tr("address to listen on (default: %(default)s)")
    )
    parser.add_argument(
        "--port", type=int, default=8080, help=tr("port to listen on (default: %(default)s)")
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=tr("create a project with the bundled case when DIR has none"),
    )
    parser.add_argument(
        "--no-register",
        action="store_true",
        help=tr("with --demo: skip the co-registration (faster)"),
    )
    parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from CNSTumorAnnotationLib.project.store import DATABASE_NAME
    from CNSTumorAnnotationLib.web.front import create_app
    from CNSTumorAnnotationLib.web.workers import Workers

    if args.demo and not (args.project / DATABASE_NAME).exists():
        from CNSTumorAnnotationLib.web.demo_project import build_demo_project

        build_demo_project(args.project, register=not args.no_register)
        print(
            tr(
                "demo project created; passwords in {path}",
                path=args.project / "demo-credentials.txt",
            )
        )
    app = create_app(args.project, Workers(args.project, args.host))
    print(
        tr(
            "cnstumor serve: http://{host}:{port}/ (project {project})",
            host=args.host,
            port=args.port,
            project=args.project,
        ),
        flush=True,
    )
    web.run_app(app, host=args.host, port=args.port, print=None)
    return 0
