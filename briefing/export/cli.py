"""`briefing export [DB] --pdf OUT.pdf [--lang zh|en] --csv OUT.csv --slides OUT.pdf [--agenda FILE]`:
exports without a window.

Qt runs on the offscreen platform (unless QT_QPA_PLATFORM says otherwise), so the command works on
a server or in CI. Success prints what was written; any failure is one line on stderr and exit 1.
"""

from __future__ import annotations

import os
import signal
import sys

from briefing import paths


def run_export(args, read_agenda=None) -> int:
    """`read_agenda(path)`: an agenda file's stops, for --slides --agenda (raises with a message)."""
    slides = getattr(args, "slides", None)
    if not args.pdf and not args.csv and not slides:
        print("error: nothing to export: give --pdf OUT.pdf, --slides OUT.pdf and/or --csv OUT.csv", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A long handout is written into a temporary file as it is made: stopped with SIGTERM, the
    # export unwinds (as on Ctrl+C) and removes it, instead of leaving a partial file behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
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
            pages = write_handout(briefing, args.pdf, args.lang, subject_ids=subject_ids)
            print(f"wrote {args.pdf}: {pages} pages ({args.lang})")
        if slides:
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
        if args.csv:
            from briefing.export.csv_export import write_csv

            rows = write_csv(briefing, args.csv, lang=args.lang)
            print(f"wrote {args.csv}: {rows} figures")
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ExportError as exc:
        print(f"error: cannot write {exc.path}: {exc.problem}", file=sys.stderr)
        return 1
    except ExportCancelled:
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
    return (f"the handout {what} would run to about {estimate.pages:,} pages ({estimate.figures:,} figures, "
            f"{estimate.proposals:,} proposals); write it for some ports with --ports ID[,ID...] "
            f"(e.g. --ports {example}), or add --all to write every page")
