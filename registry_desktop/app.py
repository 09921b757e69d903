"""The application: QApplication setup, translators, style, and the controller that ties
the main window, the login, the idle lock and training mode together.

Start-up is kept light on purpose: the main window is shown before the local cache is
opened or any heavy module (SQLAlchemy, requests, pydantic, the server) is imported;
those are imported on the worker threads when first needed.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from registry_desktop.config import TRAINING_PROFILE, Profile, Settings, load_settings
from registry_desktop.i18n import Translations
from registry_desktop.main_window import MainWindow
from registry_desktop.session import IdleLock, Session
from registry_desktop.tasks import TaskManager

log = logging.getLogger(__name__)

APP_NAME = "Registry Desktop"
ORG_NAME = "PMLP"


# How long a Python thread may keep the GIL while another waits for it (CPython's default
# is 5 ms). The GUI thread needs the GIL for every slot and timer it runs, several times a
# frame, while the sync engine's threads run Python almost without pause during a pull:
# with 1 ms hand-overs the longest GUI stall of a 115,309-change first sync went from
# 36-44 ms to 23-26 ms (bench/sync.py's probe), and the pull took no longer.
GIL_SWITCH_INTERVAL_S = 0.001


def create_qapp(argv: Sequence[str] | None = None) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName("Registry Desktop")
    if app.style().name().lower() != "fusion":  # the same look on Windows and Linux
        app.setStyle("Fusion")
    return app


class DesktopApp(QObject):
    """Owns the TaskManager, the Session, the main window and (in training) the server."""

    def __init__(
        self,
        app: QApplication,
        *,
        training: bool = False,
        settings: Settings | None = None,
        training_folder: Path | None = None,
        demo_persons: int | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings or load_settings()
        self.translations = Translations()
        self.translations.install(self.settings.language)
        self.tasks = TaskManager(self)
        self.session = Session(self.settings, self.tasks, self.translations, self)
        self.training_mode = training
        self.window = MainWindow(self.session, training=training)
        self.idle = IdleLock(self.settings.idle_lock_minutes, self)
        self.idle.attach(app)
        self.idle.timeout.connect(self.window.lock)
        # The idle time counts from the unlock, not from the click that asked for it.
        self.window.unlocked.connect(self._unlocked)
        self.session.started.connect(self._session_started)
        self.session.expired.connect(self.relogin)
        self.window.logout_requested.connect(self.logged_out)
        self.login_dialog: Any = None
        self.training: Any = None
        self._training_folder = training_folder
        self._demo_persons = demo_persons
        self._closed = False
        self._freeze_after_sync = False  # connected to the first sync's end
        self._frozen_after_sync = False
        app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------------ start
    def start(self) -> None:
        self.window.show()
        if self.training_mode:
            QTimer.singleShot(0, self.start_training)
        else:
            QTimer.singleShot(0, self.show_login)

    def start_training(self) -> None:
        from registry_desktop.training import TrainingController

        if self.training is None:
            self.training = TrainingController(
                self.session, self.window, folder=self._training_folder,
                demo_persons=self._demo_persons, parent=self,
            )  # fmt: skip
            self.window.reset_training_requested.connect(self.training.reset)
        self.training.start()

    def _first_sync_done(self, status: Any) -> None:
        if status is not None and getattr(status, "last_success_at", None) is not None:
            if not self._frozen_after_sync:
                self._frozen_after_sync = True
                gc.freeze()

    def _session_started(self) -> None:
        # Everything built so far (modules, the window, the cache's labels) lives as long
        # as the application: leave it out of the garbage collector's full passes, which
        # stop every thread while they walk all objects (measured: a 165 ms GUI stall in
        # the middle of a sync, caused by the engine's allocations triggering one). The
        # logout and the end of the application give them back (`gc.unfreeze`). Once more
        # after the first sync: it imports the rest of the data layer.
        gc.freeze()
        sync = self.session.sync
        if sync is not None and not self._freeze_after_sync:
            self._freeze_after_sync = True
            sync.status_changed.connect(self._first_sync_done)
        if self.session.training:
            self.idle.stop()  # fictitious data, a trainer at the front: no lock
        else:
            self.idle.start()
        self.window.update_status()

    def _unlocked(self) -> None:
        if not self.session.training:
            self.idle.start()

    # ------------------------------------------------------------------ login
    def profiles(self) -> list[Profile]:
        return [*self.settings.profiles, Profile(TRAINING_PROFILE, "", label="", training=True)]

    def show_login(self) -> Any:
        if self._closed:
            return None
        from registry_desktop.login_dialog import LoginDialog, LoginFlow

        dialog = LoginDialog(
            self.profiles(),
            last_profile=self.settings.last_profile,
            last_username=self.settings.last_username,
            parent=self.window,
        )
        flow = LoginFlow(self.session, dialog)
        flow.training_requested.connect(lambda: self._login_training(dialog))
        dialog.rejected.connect(self._login_cancelled)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _login_training(self, dialog: Any) -> None:
        dialog.accept()
        self.window.training = True
        self.training_mode = True
        self.window.enable_training()
        self.start_training()

    def _login_cancelled(self) -> None:
        if not self.session.active and not self.training_mode:
            self.window.close()

    def relogin(self) -> Any:
        """The token expired: log in again; the open tabs stay as they are."""
        if self._closed:
            return None
        if self.session.training and self.training is not None:
            self.training.relogin()
            return None
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return self.login_dialog
        from registry_desktop.login_dialog import LoginDialog, LoginFlow

        profile = self.session.profile
        dialog = LoginDialog(
            [profile] if profile else self.profiles(),
            last_profile=profile.name if profile else "",
            last_username=self.session.username,
            relogin=True,
            parent=self.window,
        )
        LoginFlow(self.session, dialog)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ logout
    def logged_out(self) -> None:
        """The officer logged out (the main window warned about unsynced ops first, then
        ended the session: the engine was asked to stop, the token revoked). The ops stay
        in this officer's own cache file; the next officer's login opens another file,
        so nobody else sees or sends them. Close the cache and ask for the next login."""
        self.idle.stop()
        self.tasks.close_store()
        gc.unfreeze()
        self._frozen_after_sync = False
        QTimer.singleShot(0, self.show_login)

    # ------------------------------------------------------------------ end
    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.idle.stop()
        self.idle.detach()
        if self.training is not None:
            self.training.stop()
        self.session.end()
        if self.session.sync is not None:  # the engines end after their current request
            self.session.sync.wait_stopped()
        self.tasks.shutdown(wait=True)
        gc.unfreeze()


def run(*, training: bool = False, argv: Sequence[str] | None = None) -> int:
    app = create_qapp(argv)
    desktop = DesktopApp(app, training=training)
    desktop.start()
    code = int(app.exec())
    desktop.shutdown()
    return code
