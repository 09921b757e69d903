"""`registry-server`: the administrator's command line.

    registry-server migrate        [--database URL]
    registry-server seed-reference [--database URL]
    registry-server seed-demo      [--database URL] --persons N [--seed S]
    registry-server create-user    [--database URL] --username U --role R [--role R…]
                                   --institution PMLP|VRS --unit CODE [--full-name NAME]
                                   (password from standard input)
    registry-server serve          [--database URL] [--host H] [--port P] [--training]

The database comes from --database or REGISTRY_DATABASE_URL.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import logging
import sys
from collections.abc import Sequence

import sqlalchemy as sa

from registry_core.records.enums import Institution, Role
from registry_server.config import Settings, database_url_from


def _die(lv: str, en: str, code: int = 2) -> int:
    print(f"Kļūda: {lv}\nError: {en}", file=sys.stderr)
    return code


def cmd_migrate(args: argparse.Namespace) -> int:
    from registry_server.db import migrate

    migrate(database_url_from(args.database))
    print("Datubāzes shēma ir aktuāla. / The database schema is up to date.")
    return 0


def cmd_seed_reference(args: argparse.Namespace) -> int:
    from registry_server.db import make_engine
    from registry_server.reference_store import seed_reference

    engine = make_engine(database_url_from(args.database))
    report = seed_reference(engine)
    print(
        f"Klasifikatori: {report.lists}, jauni ieraksti: {report.added}, mainīti: {report.changed}. / "
        f"Reference lists: {report.lists}, items added: {report.added}, changed: {report.changed}."
    )
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from registry_server.db import make_engine
    from registry_server.demo import seed_demo

    if args.persons < 1 or args.persons > 5_000_000:
        return _die("--persons jābūt no 1 līdz 5000000.", "--persons must be 1 to 5000000.")
    engine = make_engine(database_url_from(args.database))
    report = seed_demo(engine, persons=args.persons, seed=args.seed, progress=not args.quiet)
    print(
        f"Demonstrācijas dati: {report.persons} personas, {report.records} ieraksti. / "
        f"Demo data: {report.persons} persons, {report.records} records."
    )
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from registry_server.db import make_engine
    from registry_server.routes.auth import create_user
    from registry_server.security import MIN_PASSWORD_LENGTH
    from registry_server.tables import reference_items, users

    password = (
        getpass.getpass("Parole / Password: ") if sys.stdin.isatty() else sys.stdin.readline()
    ).rstrip("\r\n")
    if len(password) < MIN_PASSWORD_LENGTH:
        return _die(
            f"Parolei jābūt vismaz {MIN_PASSWORD_LENGTH} zīmes garai.",
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.",
        )
    engine = make_engine(database_url_from(args.database))
    username = args.username.strip().lower()
    with engine.begin() as conn:
        units = set(
            conn.execute(
                sa.select(reference_items.c.code).where(reference_items.c.list_name == "unit")
            ).scalars()
        )
        if units and args.unit not in units:
            return _die(
                f"nezināma struktūrvienība {args.unit} (skatiet klasifikatoru “unit”).",
                f"unknown unit {args.unit} (see the “unit” reference list).",
            )
        exists = conn.execute(sa.select(users.c.id).where(users.c.username == username)).first()
        if exists:
            return _die(f"lietotājs {username} jau ir.", f"user {username} already exists.")
        user_id = create_user(
            conn,
            username=username,
            password=password,
            full_name=args.full_name or username,
            institution=args.institution,
            unit=args.unit,
            roles=sorted(set(args.role)),
        )
    print(f"Lietotājs izveidots / User created: {username} ({user_id})")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from registry_server.app import create_app

    settings = Settings(database_url=database_url_from(args.database), training=args.training)
    logging.basicConfig(level=logging.INFO)
    app = create_app(settings)
    # Everything loaded so far (modules, reference lists) lives as long as the process:
    # keep it out of the garbage collector's scans (~10 % of a push's CPU).
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="registry-server",
        description="Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs — administrēšana / "
        "Register of Returned Foreigners and Entry Bans — administration",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument(
            "--database", help="postgresql+psycopg://… or sqlite:///… (else REGISTRY_DATABASE_URL)"
        )
        return p

    add("migrate", "create or upgrade the schema").set_defaults(func=cmd_migrate)
    add("seed-reference", "load or update the reference lists").set_defaults(
        func=cmd_seed_reference
    )
    p = add("seed-demo", "generate fictitious demo persons and cases")
    p.add_argument("--persons", type=int, required=True)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_seed_demo)
    p = add("create-user", "create an officer account (password from standard input)")
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True, action="append", choices=[r.value for r in Role])
    p.add_argument("--institution", required=True, choices=[i.value for i in Institution])
    p.add_argument("--unit", required=True)
    p.add_argument("--full-name")
    p.set_defaults(func=cmd_create_user)
    p = add("serve", "run the registry API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--training", action="store_true", help="training server: trainer accounts allowed"
    )
    p.set_defaults(func=cmd_serve)

    from registry_server.dedupe import add_matching_commands

    add_matching_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except sa.exc.OperationalError as exc:
        return _die(
            f"nevar piekļūt datubāzei ({exc.orig}).", f"cannot reach the database ({exc.orig})."
        )


if __name__ == "__main__":
    sys.exit(main())
