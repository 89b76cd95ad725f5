"""Wheels carry the built gazetteer index instead of the open data it is built from.

The GeoNames packages take about 250 MB installed and the index built from them 27 MB,
so `build_py` builds the index into the wheel, with those packages as build
requirements (pyproject.toml) and not as dependencies. An editable install skips this:
a checkout builds its index on first use (see `dragoman.resolve.gazetteer`).
"""

import sys
import types
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PACKAGE_DIR = Path(__file__).resolve().parent / "src" / "dragoman"


def _gazetteer_builder():
    """The builder module, imported without running dragoman/__init__.py: the build
    environment has the GeoNames packages but not spaCy."""
    package = types.ModuleType("dragoman")
    package.__path__ = [str(PACKAGE_DIR)]
    sys.modules.setdefault("dragoman", package)
    from dragoman.resolve import gazetteer_build

    return gazetteer_build


class BuildWithGazetteer(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        data = Path(self.build_lib) / "dragoman" / "data"
        for earlier in data.glob("gazetteer.*"):  # setuptools reuses build/: no index of an older format
            earlier.unlink()
        _gazetteer_builder().write_packaged(data)


setup(cmdclass={"build_py": BuildWithGazetteer})
