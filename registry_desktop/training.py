"""Training mode: the embedded registry, an automatic trainer login, the banner, reset.

The embedded server starts on the HTTP pool (never on the GUI thread); the trainer is
logged in with the one-off password the server hands over; the local cache of the
training profile is not encrypted (the data is fictitious and the password changes at
every start). "Reset training data" restores the seeded registry and empties the cache.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from registry_desktop.config import TRAINING_PROFILE, Profile
from registry_desktop.main_window import MainWindow
from registry_desktop.paths import data_dir
from registry_desktop.session import Session, cache_path, error_text

log = logging.getLogger(__name__)


class TrainingController(QObject):
    """Runs the embedded training registry for the desktop.

    Signals:
        ready(): the trainer is logged in (after start or reset).
        failed(str): starting or resetting failed (the officer-readable reason).
        reset_done(): the seeded state is restored.
    """

    ready = Signal()
    failed = Signal(str)
    reset_done = Signal()

    def __init__(
        self,
        session: Session,
        window: MainWindow,
        *,
        folder: Path | None = None,
        demo_persons: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.folder = folder or (data_dir() / "training")
        self.demo_persons = demo_persons
        self.server: Any = None
        self.login: Any = None
        self.busy = False
        self.error = ""

    # ------------------------------------------------------------------ start
    def start(self) -> None:
        self.busy = True
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Training", "Preparing the training registry… / Sagatavo mācību reģistru…"
            )
        )
        self.session.tasks.run_net(self._start_server, self._server_started, self._failed)

    def _start_server(self) -> Any:
        from registry_desktop.training_server import DEMO_PERSONS, EmbeddedServer

        if self.server is None:
            self.server = EmbeddedServer(
                self.folder, demo_persons=self.demo_persons or DEMO_PERSONS
            )
        return self.server.start()

    def _server_started(self, login: Any) -> None:
        self.login = login
        device_id = self.session.settings.device_id
        lang = self.session.language
        self.session.tasks.run_net(
            lambda: _trainer_login(login, device_id, lang), self._logged_in, self._failed
        )

    def _logged_in(self, result: tuple[Any, dict[str, Any]]) -> None:
        api, user = result
        login = self.login
        profile = Profile(TRAINING_PROFILE, login.base_url, label="MĀCĪBU VIDE", training=True)
        path = cache_path(TRAINING_PROFILE, login.username)

        def opener() -> Any:
            from sync.errors import CacheUnreadable
            from sync.store import LocalStore

            try:
                return LocalStore.open(path, None)
            except CacheUnreadable:  # fictitious data: start a new cache silently
                LocalStore.rebuild(path)
                return LocalStore.open(path, None)

        def opened(_store: Any) -> None:
            self.busy = False
            self.window.statusBar().clearMessage()
            if self.session.active:
                self.session.replace_api(api)
            else:
                self.session.begin(profile, login.username, user, api, online=True)
            self.ready.emit()

        self.session.tasks.open_store(opener, opened, self._failed)

    def relogin(self) -> None:
        """The trainer's token expired: log in again with the server's one-off password."""
        if self.login is not None and not self.busy:
            self.busy = True
            self._server_started(self.login)

    # ------------------------------------------------------------------ reset
    def reset(self) -> None:
        """Restore the seeded registry and start an empty cache (after the confirmation)."""
        if self.server is None or self.busy:
            return
        self.busy = True
        self.window.close_record_tabs()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Training", "Restoring the training data…")
        )
        username = self.login.username if self.login else ""
        path = cache_path(TRAINING_PROFILE, username)

        def empty_cache(_store: Any) -> None:
            from sync.store import LocalStore

            self.session.tasks._close_store_now()  # on the DB worker, where it belongs
            LocalStore.rebuild(path)

        self.session.tasks.run_db(
            empty_cache,
            lambda _r: self.session.tasks.run_net(
                self.server.reset, self._reset_started, self._failed
            ),
            self._failed,
        )

    def _reset_started(self, login: Any) -> None:
        self.ready.connect(self._after_reset)
        self._server_started(login)

    def _after_reset(self) -> None:
        self.ready.disconnect(self._after_reset)
        self.session.data_reset.emit()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Training", "The training data has been restored."), 5000
        )
        self.reset_done.emit()

    # ------------------------------------------------------------------ end
    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.error = error_text(exc, self.session.language)
        log.warning("training: %r", exc)
        self.window.statusBar().showMessage(
            "⚠ "
            + QCoreApplication.translate("Training", "The training registry failed: %1").replace(
                "%1", self.error
            )
        )
        self.failed.emit(self.error)

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            future = self.session.tasks.run_net(server.stop)
            if future.cancelled():  # the pool is already shut down
                server.stop()


def _trainer_login(login: Any, device_id: str, lang: str) -> tuple[Any, dict[str, Any]]:
    from sync.api import ApiClient

    api = ApiClient(login.base_url, device_id=device_id, language=lang)
    result = api.login(login.username, login.password)
    return api, dict(result.user)
