"""`registry-desktop`: start the officers' client.

    registry-desktop              log in to a configured registry (or choose training)
    registry-desktop --training   the embedded training registry, logged in as trainer
    registry-desktop --smoke      offscreen self-check: start, search, open a person, exit
    registry-desktop --manual FILE [--lang lv|en]
                                  write the user manual (PDF; HTML when FILE ends in .html)
                                  without starting the window or logging in

Imports stay light here: the window must show before anything heavy is loaded.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

_FLAGS = {"--training": "training", "--smoke": "smoke", "--exit-when-shown": "exit_when_shown"}


def _parser() -> Any:
    import argparse

    parser = argparse.ArgumentParser(prog="registry-desktop")
    parser.add_argument(
        "--training", action="store_true", help="start on the embedded training registry"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="offscreen self-check, exit 0 on success"
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=argparse.SUPPRESS,  # bench/startup.py: print the time the window showed, exit
    )
    parser.add_argument(
        "--manual",
        metavar="FILE",
        help="write the user manual to FILE (PDF; HTML when FILE ends in .html) and exit",
    )
    parser.add_argument(
        "--lang",
        choices=("lv", "en"),
        default="lv",
        help="language of the manual (default: lv)",
    )
    return parser


def _parse(argv: Sequence[str]) -> Any:
    """The flags without argparse on the common path (start-up time); anything else
    (--help, a typo) goes through argparse for its messages."""
    if all(arg in _FLAGS for arg in argv):
        return SimpleNamespace(**{name: flag in argv for flag, name in _FLAGS.items()})
    return _parser().parse_args(list(argv))


def write_manual(path: str, lang: str) -> int:
    """`--manual FILE`: no Qt, no display, no login; one line saying where it went."""
    from registry_desktop.manual import ManualWriteError
    from registry_desktop.manual import write_manual as write

    try:
        written = write(path, lang)
    except ManualWriteError as exc:
        print(exc, file=sys.stderr)
        return 2
    from registry_desktop.manual.content import manual_texts

    print(manual_texts().label("written", lang, path=str(written)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    try:
        if getattr(args, "manual", None):
            return write_manual(args.manual, args.lang)
        if args.smoke:
            from registry_desktop.smoke import run_smoke

            return run_smoke()
        if args.exit_when_shown:
            from registry_desktop.smoke import run_until_shown

            return run_until_shown()
        from registry_desktop.app import run

        return run(training=args.training)
    except Exception as exc:  # the reason, never a bare traceback, for the officer
        print(f"Kļūda / Error: {exc}", file=sys.stderr)
        if os.environ.get("REGISTRY_DEBUG"):
            traceback.print_exc()
        return 1


if __name__ == "__main__":
    sys.exit(main())
