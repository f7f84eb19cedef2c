"""Run several `briefing` commands in one process, as a user would run them one after another, and
report what each printed and returned (JSON on the original stdout).

Used by the hostile-file tests: one child process per crafted file (starting Qt once, not once per
command), under a memory cap, with what each command writes to the terminal (Python's output and
Qt's own messages alike) captured at the file-descriptor level.

    python tests/hostile_driver.py '{"memory": 2000000000, "commands": [["check", "x.sqlite"], ...]}'
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback


def _run(argv: list[str]) -> dict:
    from briefing.__main__ import main

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush(), sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        os.dup2(out.fileno(), 1), os.dup2(err.fileno(), 2)
        try:
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # noqa: BLE001 - reported: a traceback must never reach a user
                print(traceback.format_exc(), file=sys.stderr)
                code = "exception"
            sys.stdout.flush(), sys.stderr.flush()
        finally:
            os.dup2(saved[0], 1), os.dup2(saved[1], 2)
            os.close(saved[0]), os.close(saved[1])
        out.seek(0), err.seek(0)
        return {
            "argv": argv,
            "code": code,
            "out": out.read().decode("utf-8", "replace"),
            "err": err.read().decode("utf-8", "replace"),
        }


def main() -> None:
    request = json.loads(sys.argv[1])
    memory = request.get("memory")
    if memory:
        import resource  # POSIX only, like the named pipes and devices these runs are given

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    results = [_run(argv) for argv in request["commands"]]
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
