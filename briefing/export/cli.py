"""`briefing export [DB] --pdf OUT.pdf [--lang zh|en] --csv OUT.csv --slides OUT.pdf [--agenda FILE]`:
exports without a window.

Qt runs on the offscreen platform (unless QT_QPA_PLATFORM says otherwise), so the command works on
a server or in CI. Success prints what was written; any failure is one line on stderr and exit 1.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from briefing import paths

# Ctrl+C, SIGTERM and SIGHUP are noted here and acted on between pages (the handout's progress
# callback): the export is cancelled as from the dialog, so the partial file is removed the usual
# way, and the command ends with one line and exit status 128 + the signal. (An exception raised
# from the signal handler itself could surface inside Qt's or SQLite's C code, and be lost there.)
_received: list[int] = []


def _note_signal(signum: int, _frame) -> None:
    _received.append(signum)


def _stop_on_signals() -> dict:
    """Install the handlers; returns the previous ones (the command may run inside another program)."""
    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:  # Windows has no SIGHUP
            continue
        try:
            previous[signum] = signal.signal(signum, _note_signal)
        except ValueError:  # not the main thread: the caller handles signals
            break
    return previous


def _going_on(_done: int = 0, _total: int = 0) -> bool:
    return not _received


def _same_target(first: Path, second: Path) -> bool:
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
    except OSError:
        pass
    return first.resolve() == second.resolve()


def run_export(args, read_agenda=None) -> int:
    """`read_agenda(path)`: an agenda file's stops, for --slides --agenda (raises with a message)."""
    slides = getattr(args, "slides", None)
    if not args.pdf and not args.csv and not slides:
        print("error: nothing to export: give --pdf OUT.pdf, --slides OUT.pdf and/or --csv OUT.csv", file=sys.stderr)
        return 1
    targets = [
        (flag, Path(value)) for flag, value in (("--pdf", args.pdf), ("--slides", slides), ("--csv", args.csv)) if value
    ]
    for i, (flag, target) in enumerate(targets):
        for other_flag, other in targets[i + 1 :]:
            if _same_target(target, other):
                print(
                    f"error: {flag} and {other_flag} both name {target}: give each its own file name", file=sys.stderr
                )
                return 1
    previous = _stop_on_signals()
    _received.clear()
    try:
        code = _export(args, read_agenda)
        if _received:
            name = signal.Signals(_received[0]).name
            print(f"error: export stopped ({name}); no partial file was left", file=sys.stderr)
            return 128 + _received[0]
        return code
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _export(args, read_agenda=None) -> int:
    slides = getattr(args, "slides", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from briefing.export.save import ExportCancelled, ExportError
    from briefing.store import BriefingError, open_briefing

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (fonts need it alive)
    try:
        briefing = open_briefing(args.db or paths.bundled_database())
        if args.pdf:
            from briefing.export.handout import prepare, write_handout

            subject_ids = _chosen(getattr(args, "ports", None))
            problem = _too_long(briefing, subject_ids, getattr(args, "all", False))
            if problem:
                print(f"error: {problem}", file=sys.stderr)
                return 1
            prepare()
            if not _going_on():
                return 1
            pages = write_handout(briefing, args.pdf, args.lang, progress=_going_on, subject_ids=subject_ids)
            print(f"wrote {args.pdf}: {pages} pages ({args.lang})")
        if slides and _going_on():
            from briefing.export.deck import write_deck

            stops = None
            if getattr(args, "agenda", None):
                try:
                    stops = read_agenda(args.agenda)
                except ValueError as exc:  # the agenda reader's one-line message: file and problem
                    print(f"error: {exc}", file=sys.stderr)
                    return 1
            pages = write_deck(briefing, slides, args.lang, stops)
            print(f"wrote {slides}: {pages} slides ({args.lang})")
        if args.csv and _going_on():
            from briefing.export.csv_export import write_csv

            rows = write_csv(briefing, args.csv, lang=args.lang)
            print(f"wrote {args.csv}: {rows} figures")
    except BriefingError as exc:
        if _received:
            return 1
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ExportError as exc:
        print(f"error: cannot write {exc.path}: {exc.problem}", file=sys.stderr)
        return 1
    except ExportCancelled:
        if not _received:
            print("error: cancelled", file=sys.stderr)
        return 1
    return 0


def _chosen(ports: str | None) -> tuple[str, ...] | None:
    return tuple(dict.fromkeys(p.strip() for p in ports.split(",") if p.strip())) if ports else None


def _too_long(briefing, subject_ids: tuple[str, ...] | None, everything: bool) -> str:
    """Why the handout is not written as asked (an unknown id, or hundreds of pages without --all), or ""."""
    from briefing.export.handout_scope import estimate_pages, unknown_subjects

    if subject_ids is not None:
        unknown = unknown_subjects(briefing, subject_ids)
        if unknown:
            return f"{briefing.path} has no port or place {', '.join(repr(u) for u in unknown)} (see `briefing search`)"
    estimate = estimate_pages(briefing, subject_ids)
    if not estimate.long or everything:
        return ""
    what = "of every subject" if subject_ids is None else f"of {len(subject_ids)} ports or places"
    example = briefing.ports[0].id if briefing.ports else "ID"
    return (
        f"the handout {what} would run to about {estimate.pages:,} pages ({estimate.figures:,} figures, "
        f"{estimate.proposals:,} proposals); write it for some ports with --ports ID[,ID...] "
        f"(e.g. --ports {example}), or add --all to write every page"
    )
