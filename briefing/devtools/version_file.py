"""Write the Windows version resource (file and product version, names) from briefing.__version__.

briefing.spec calls write_version_file() on every build, so the numbers Windows shows in the
file's Properties dialog are always the package's. By hand:

    python -m briefing.devtools.version_file [--out build/version_info.txt]

Needs pyinstaller-versionfile (the `app` extra).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from briefing import __version__

PRODUCT = "Port Briefing 口岸简报"
DESCRIPTION = "Port briefing viewer 口岸简报查看器"
EXECUTABLE = "briefing.exe"


def windows_version(version: str = __version__) -> str:
    """The four dotted numbers Windows wants: '0.1.0' -> '0.1.0.0'; a suffix such as 'rc1' is dropped."""
    numbers = re.findall(r"\d+", version.split("+")[0])[:4]
    if not numbers or not re.match(r"\d", version):
        raise ValueError(f"cannot make a Windows version from {version!r}")
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def write_version_file(output: Path, version: str = __version__) -> Path:
    import pyinstaller_versionfile

    output.parent.mkdir(parents=True, exist_ok=True)
    pyinstaller_versionfile.create_versionfile(
        output_file=str(output),
        version=windows_version(version),
        company_name="PortBriefing",
        file_description=DESCRIPTION,
        internal_name="briefing",
        legal_copyright="MIT licence; data sources listed in the briefing",
        original_filename=EXECUTABLE,
        product_name=PRODUCT,
    )
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/version_info.txt"))
    args = parser.parse_args(argv)
    print(write_version_file(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
