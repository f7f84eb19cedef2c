"""Command line: view (default), build, check, search, diff, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing import __version__, paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description="Offline port briefing viewer.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command")

    view = commands.add_parser("view", help="open a briefing in the viewer (the default)")
    add_view_arguments(view)

    build = commands.add_parser("build", help="compile a curated source folder into a briefing database")
    build.add_argument("source_dir", type=Path)
    build.add_argument("-o", "--output", type=Path, required=True)

    check = commands.add_parser("check", help="check a briefing database and summarise it")
    check.add_argument("db", type=Path, nargs="?", help="default: the bundled briefing")

    search = commands.add_parser("search", help="search a briefing")
    search.add_argument("query")
    search.add_argument("--db", type=Path, help="default: the bundled briefing")
    search.add_argument("--json", action="store_true", help="print JSON lines")
    search.add_argument("--limit", type=int, default=20)

    diff = commands.add_parser("diff", help="list ports, observations and proposals added, removed or changed")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)

    export = commands.add_parser("export", help="write a PDF handout, a slide deck and/or a CSV of the figures")
    export.add_argument("db", type=Path, nargs="?", help="default: the bundled briefing")
    export.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="the A4 handout")
    export.add_argument("--csv", type=Path, metavar="OUT.csv", help="every figure with its citation (UTF-8 with BOM)")
    export.add_argument(
        "--slides",
        type=Path,
        metavar="OUT.pdf",
        help="the stage's slides, one 16:9 page each (the default agenda unless --agenda)",
    )
    export.add_argument("--agenda", type=Path, metavar="FILE", help="the agenda whose stops --slides draws")
    export.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the handout and of names in the CSV (default: zh)",
    )
    export.add_argument(
        "--ports",
        metavar="ID[,ID…]",
        help="a handout of these ports or places only (ids as `briefing search` lists them)",
    )
    export.add_argument(
        "--all", action="store_true", help="write the whole handout even when it would run to hundreds of pages"
    )
    return parser


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", type=Path, nargs="?", help="default: the bundled briefing")
    parser.add_argument(
        "--lang", choices=("zh", "en"), help="interface language for this run (default: the last chosen)"
    )
    parser.add_argument("--screenshot", type=Path, metavar="DIR", help="render every tab to PNG and exit")
    parser.add_argument("--self-test", action="store_true", help="open every tab and port, then exit")
    parser.add_argument("--quit-after-paint", action="store_true", help="exit after the first paint")
    parser.add_argument("--agenda", type=Path, metavar="FILE", help="open an agenda of stops and start on the first")
    parser.add_argument(
        "--stage-screenshots",
        type=Path,
        metavar="DIR",
        help="render every slide of the agenda (default: one made from the briefing) to PNG and exit",
    )
    parser.add_argument("--size", metavar="WxH", help="screen size for --stage-screenshots (default: 1920x1080)")
    parser.add_argument("--scale", type=float, metavar="S", help="display scale for --stage-screenshots (2 = 200 %%)")


_COMMANDS = {"build", "check", "search", "diff", "export", "-h", "--help", "--version"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_console(argv)
    if not argv or argv[0] not in {"view", *_COMMANDS}:
        argv.insert(0, "view")
    args = _parser().parse_args(argv)
    if args.command in {"build", "check", "search", "diff"}:
        return _in_one_line(args)
    if args.command == "export":
        from briefing.export.cli import run_export  # Qt (offscreen) loads only here

        return run_export(args, _agenda_stops)
    from briefing.app import run  # Qt loads only for the viewer

    return run(args)


def _in_one_line(args) -> int:
    """Run a command without a window; whatever goes wrong ends in one line on stderr (the
    details, for an error nobody foresaw, go to the log): never a traceback."""
    import logging

    command = {"build": _build, "check": _check, "search": _search, "diff": _diff}[args.command]
    try:
        return command(args)
    except KeyboardInterrupt:
        print(f"error: {args.command} stopped (SIGINT)", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"error: {exc.filename or args.command}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the promise is one line; the traceback goes to the log
        logging.getLogger("briefing").exception("%s failed", args.command)
        print(f"error: {args.command} failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]})", file=sys.stderr)
        return 1


def _special_output(path: Path) -> str:
    """What an existing output that is not a regular file is ("" otherwise): never replaced."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    return "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "a device or special file"


def _agenda_stops(path: Path):
    """The stops of an agenda file for the deck (the agenda reader lives with the presenting views)."""
    from briefing.ui.presenting.agenda import AgendaError, load_agenda

    try:
        return load_agenda(path).stops
    except AgendaError as exc:
        raise ValueError(str(exc)) from None


_BATCH = {"--self-test", "--screenshot", "--stage-screenshots", "--quit-after-paint", "-h", "--help"}


def is_command_line_run(argv: list[str]) -> bool:
    """Whether these arguments run a command or the viewer in a batch mode (self-test, screenshots):
    a run whose output and errors belong in the console it was started from."""
    return bool(argv) and (argv[0] in _COMMANDS or any(arg.split("=", 1)[0] in _BATCH for arg in argv))


def _configure_console(argv: list[str]) -> None:
    """Output in any console code page, file or pipe (see briefing.console)."""
    from briefing.console import configure_streams

    configure_streams(command_line=is_command_line_run(argv))


def _build(args) -> int:
    import tomllib

    try:
        from briefing.store.build import build
    except ModuleNotFoundError:  # the frozen app leaves the build-time packages out
        print(
            "error: this app only views briefings; build one with the Python install "
            "(pip install port-briefing, then briefing build)",
            file=sys.stderr,
        )
        return 1
    from briefing.store.errors import BuildError

    special = _special_output(args.output)
    if special:
        print(f"error: {args.output}: is {special}; only a regular file is replaced", file=sys.stderr)
        return 1
    try:
        meta_file = args.source_dir / "briefing.toml"
        outlines = None
        if meta_file.is_file():
            relative = tomllib.loads(meta_file.read_text(encoding="utf-8")).get("outlines")
            outlines = (args.source_dir / relative).resolve() if relative else None
        counts = build(args.source_dir, args.output, outlines)
    except (BuildError, tomllib.TOMLDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"built {args.output}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


def _open(path: Path | None, full_check: bool | None = None):
    from briefing.store import open_briefing

    return open_briefing(path or paths.bundled_database(), full_check)


def _check(args) -> int:
    from briefing.store.errors import BriefingError

    try:
        briefing = _open(args.db, full_check=True)  # every page, however large the file
        summary = briefing.summary()
        digest = briefing.sha256()
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"ok: {briefing.path}: {summary.ports} ports, {summary.observations} observations, "
        f"{summary.proposals} proposals, {summary.delegates} speakers, {summary.passages} passages; "
        f"schema {summary.schema_version}, built {summary.built_at}; sha256 {digest}"
    )
    return 0


def _search(args) -> int:
    from briefing.store.errors import BriefingError

    try:
        hits = _open(args.db).search(args.query, limit=args.limit)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for hit in hits:
        if args.json:
            print(
                json.dumps(
                    {
                        "kind": hit.kind,
                        "id": hit.ref_id,
                        "title": hit.title,
                        "snippet": hit.snippet,
                        "score": round(hit.score, 4),
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(f"{hit.kind:<12} {hit.ref_id:<36} {hit.title}\n    {hit.snippet}")
    if not hits and not args.json:
        print("no matches")
    return 0


def _diff(args) -> int:
    from briefing.store import open_briefing
    from briefing.store.diff import describe, diff_briefings
    from briefing.store.errors import BriefingError

    try:
        old, new = open_briefing(args.old), open_briefing(args.new)
        lines = describe(diff_briefings(old, new))
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
