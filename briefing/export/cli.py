"""`briefing export [DB] --pdf OUT.pdf [--lang zh|en] --csv OUT.csv`: exports without a window.

Qt runs on the offscreen platform (unless QT_QPA_PLATFORM says otherwise), so the command works on
a server or in CI. Success prints what was written; any failure is one line on stderr and exit 1.
"""

from __future__ import annotations

import os
import sys

from briefing import paths


def run_export(args) -> int:
    if not args.pdf and not args.csv:
        print("error: nothing to export: give --pdf OUT.pdf and/or --csv OUT.csv", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from briefing.export.save import ExportCancelled, ExportError
    from briefing.store import BriefingError, open_briefing

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (fonts need it alive)
    try:
        briefing = open_briefing(args.db or paths.bundled_database())
        if args.pdf:
            from briefing.export.handout import prepare, write_handout

            prepare()
            pages = write_handout(briefing, args.pdf, args.lang)
            print(f"wrote {args.pdf}: {pages} pages ({args.lang})")
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
