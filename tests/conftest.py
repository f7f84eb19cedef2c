"""Shared fixtures: headless Qt, settings kept away from the user's, the test briefing built from
tests/fixtures/briefing once per session (behaviour tests run on it), and the bundled 2025 briefing
(for the tests about that briefing itself)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing import paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCES = paths.bundled_sources()


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings(tmp_path_factory):
    """Tests never read or write the developer's own settings file, data folder (agendas, the log)."""
    folder = tmp_path_factory.mktemp("settings")
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # the store tests run without Qt as well
        yield folder
        return
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _widgets_deleted_after_each_test():
    """pytest-qt closes a test's widgets with deleteLater(), which only an event loop carries out;
    without one they would outlive the test and receive the next test's language or theme change
    with their briefing already closed. Carry the deletions out when the test ends."""
    yield
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
    except ImportError:
        return
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


FIXTURE_SOURCES = Path(__file__).resolve().parent / "fixtures" / "briefing"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """The test briefing, built by the project's own build from tests/fixtures/briefing."""
    from briefing.store.build import build

    output = tmp_path_factory.mktemp("fixture-briefing") / "fixture.sqlite"
    build(FIXTURE_SOURCES, output, paths.geo_outlines())
    return output


@pytest.fixture(scope="session")
def fixture_briefing(fixture_db):
    """The test briefing, opened by the store (shared by the session: it never changes)."""
    from briefing.store import open_briefing

    briefing = open_briefing(fixture_db)
    yield briefing
    briefing.close()


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A writable copy of the test briefing's curated files, for tests that break a row."""
    target = tmp_path / "tests" / "fixtures" / "briefing"
    shutil.copytree(FIXTURE_SOURCES, target)
    # the same layout as the repository, so briefing.toml's relative outlines path still resolves
    shutil.copytree(paths.resource("geo"), tmp_path / "resources" / "geo")
    return target


@pytest.fixture(scope="session")
def bundled():
    from briefing.store import open_briefing

    briefing = open_briefing(paths.bundled_database())
    yield briefing
    briefing.close()


@pytest.fixture
def source_copy(tmp_path) -> Path:
    """A writable copy of the bundled briefing's curated files (tests about that briefing; others break
    rows of `fixture_copy`)."""
    target = tmp_path / "briefings" / "copy"
    shutil.copytree(SOURCES, target)
    # the same layout as resources/, so briefing.toml's relative outlines path still resolves
    shutil.copytree(paths.resource("geo"), tmp_path / "geo")
    return target


@pytest.fixture(scope="session")
def qt_fonts(qapp):
    from briefing.drawing import fonts

    family = fonts.load_bundled_fonts()
    fonts.apply_font(qapp, family, 1.0)
    return family


@pytest.fixture
def default_fonts(qapp, qt_fonts):
    """The bundled font at scale 1.0 for this test, and again after it (a test may scale it)."""
    from briefing.drawing import fonts

    fonts.apply_font(qapp, qt_fonts, 1.0)
    yield qt_fonts
    fonts.apply_font(qapp, qt_fonts, 1.0)


def settings_at(path):
    """A Settings wrapper over an INI file of the test's own."""
    from PySide6.QtCore import QSettings

    from briefing.ui.common.settings import Settings

    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def show_window(qtbot, qt_fonts, settings, db=None, size=(1600, 1000)):
    """The main window on the briefing at `db`, shown and exposed. Behaviour tests pass the test
    briefing (the `fixture_db` fixture); without `db` it opens the bundled briefing."""
    from PySide6.QtCore import Qt

    from briefing.store import open_briefing
    from briefing.ui.shell.main_window import MainWindow

    win = MainWindow(open_briefing(db or paths.bundled_database()), settings, qt_fonts)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # a first launch maximises on the small test screen
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def settings(tmp_path):
    return settings_at(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, qt_fonts, settings, fixture_db):
    """The main window on the test briefing, shown at a projector-like size."""
    return show_window(qtbot, qt_fonts, settings, fixture_db)
