"""The officer's session: who is logged in where, online or not, and the idle lock.

`Session` holds the state the status bar and the views read (profile, officer, API
client, online flag, age of the cached data) and the background refreshes that follow a
login (reference lists by delta, the working set from the change feed). `IdleLock`
watches the application's windows: any key or mouse input restarts its timer; when it
runs out the main window locks and asks for the password again (verified offline).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from registry_desktop.config import Profile, Settings, save_settings
from registry_desktop.i18n import Translations
from registry_desktop.labels import CodeLabels
from registry_desktop.paths import data_dir
from registry_desktop.tasks import TaskManager

log = logging.getLogger(__name__)

# Working set pulled from the change feed on login (until the sync engine takes over).
PULL_PAGE = 1000
PULL_MAX_PAGES = 50


def verifier_folder() -> Path:
    try:
        from sync.paths import offline_dir

        return Path(offline_dir())
    except ImportError:
        folder = data_dir() / "offline"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def cache_path(profile: str, username: str) -> Path:
    """The local cache file of (profile, username): sync.paths decides, data_dir() else."""
    try:
        from sync import paths as sync_paths

        for name in ("cache_path", "default_cache_path"):
            fn = getattr(sync_paths, name, None)
            if fn is not None:
                return Path(fn(profile, username))
    except ImportError:
        pass
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in f"{profile}-{username}")
    return data_dir() / "cache" / f"{safe}.sqlite"


def error_text(exc: BaseException, lang: str) -> str:
    """An officer-readable message for any failure: SyncError's own words, else generic."""
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            return str(message(lang))
        except Exception:
            pass
    generic = (
        "Radās neparedzēta kļūda. Darbs nav zaudēts; mēģiniet vēlreiz.",
        "An unexpected error occurred. No work was lost; please try again.",
    )
    return generic[1] if lang == "en" else generic[0]


class Session(QObject):
    """State of the logged-in officer, shared by the main window and the views.

    Signals:
        changed(): any status-bar value changed.
        started(): a login (online or offline) completed and the cache is open.
        expired(): the registry no longer accepts the token; log in again.
        language_changed(str): the UI language switched.
        data_reset(): the cached data was replaced (training reset, cache rebuilt).
    """

    changed = Signal()
    started = Signal()
    expired = Signal()
    language_changed = Signal(str)
    data_reset = Signal()

    def __init__(
        self,
        settings: Settings,
        tasks: TaskManager,
        translations: Translations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.translations = translations or Translations()
        self.profile: Profile | None = None
        self.username = ""
        self.user: dict[str, Any] = {}
        self.api: Any = None
        self.online = False
        self.active = False
        self.training = False
        self.cache_age: datetime | None = None
        self.pending_ops = 0
        self.conflicts = 0
        self.rejected = 0
        self.blocked = 0
        self.last_sync_at: datetime | None = None
        self.reference_age: datetime | None = None
        self.sync_paused = False
        self.sync: Any = None  # SyncController (registry_desktop.sync_bridge), after login
        self.code_labels = CodeLabels()
        self.refreshing = False

    # ------------------------------------------------------------------ language
    @property
    def language(self) -> str:
        return self.translations.language

    def set_language(self, lang: str) -> None:
        if lang == self.language and self.settings.language == lang:
            return
        self.translations.install(lang)
        self.settings.language = lang
        save_settings(self.settings)
        if self.api is not None:
            self.api.set_language(lang)
        self.language_changed.emit(lang)

    # ------------------------------------------------------------------ lifecycle
    def begin(
        self, profile: Profile, username: str, user: dict[str, Any], api: Any, online: bool
    ) -> None:
        """Called by the login flow once the cache is open."""
        self.profile = profile
        self.username = username
        self.user = dict(user)
        self.api = api
        self.online = online
        self.active = True
        self.training = profile.training
        if not profile.training:
            self.settings.last_profile = profile.name
            self.settings.last_username = username
            save_settings(self.settings)
        self._ensure_sync()
        self.changed.emit()
        self.started.emit()
        self.start_sync()
        self.refresh()

    def _ensure_sync(self) -> Any:
        from registry_desktop.sync_bridge import SyncController

        if self.sync is None:
            self.sync = SyncController(self, self)
        return self.sync

    def start_sync(self) -> None:
        """Start the officer's sync engine (or, without one, read the outbox counts).

        The engine gets its own connection to the officer's cache: the DB worker, which
        opened the store, hands over `LocalStore.opener()` (the file and the key, kept in
        memory in a closure, never written anywhere); the engine opens it on its thread.
        """
        sync = self._ensure_sync()
        api, officer, device_id = self.api, self.username, self.settings.device_id
        sync.starting = True

        def opener(store: Any) -> Any:
            make = getattr(store, "opener", None) if store is not None else None
            return make() if make is not None else None

        def ready(open_store: Any) -> None:
            if not self.active or self.username != officer or self.api is not api:
                return  # logged out (or in again) meanwhile
            if open_store is None:
                sync.starting = False
                sync.refresh_status()
                return
            sync.start(open_store, api, officer=officer, device_id=device_id)

        def failed(exc: BaseException) -> None:
            sync.starting = False
            log.warning("the sync engine could not start: %r", exc)

        self.tasks.run_db(opener, ready, failed)

    @property
    def engine_running(self) -> bool:
        return self.sync is not None and (self.sync.available or self.sync.starting)

    def outbox_changed(self) -> None:
        """A local-first save appended an op: push it when possible, recount."""
        if self.sync is not None:
            self.sync.sync_now()

    @property
    def unsynced(self) -> int:
        """Ops of this officer not yet answered by the registry (pending, sending,
        conflicts, rejected, blocked): what a logout or quit would leave behind."""
        return self.pending_ops + self.conflicts + self.rejected + self.blocked

    def replace_api(self, api: Any) -> None:
        """A new token after logging in again: the open tabs stay."""
        self.api = api
        self.online = True
        self.changed.emit()
        if self.sync is not None and self.sync.available:
            self.sync.use_api(api)
        else:
            self.start_sync()
        self.refresh()

    @property
    def officer(self) -> str:
        return str(self.user.get("full_name") or self.username)

    def handle_error(self, exc: BaseException) -> None:
        """Common reactions to a failed background call (connection state, expiry)."""
        from sync.errors import SessionExpired, Unreachable

        if isinstance(exc, SessionExpired):
            self.online = False
            self.changed.emit()
            self.expired.emit()
        elif isinstance(exc, Unreachable):
            if self.online:
                self.online = False
                self.changed.emit()

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        """Reference lists and the working set, in the background; then the cache age."""
        if self.refreshing:
            return
        self.refreshing = True
        if self.online and self.api is not None:
            api = self.api
            self.tasks.run_db(
                lambda store: _local_versions(store),
                lambda local: self.tasks.run_net(
                    lambda: _fetch_reference(api, local),
                    self._apply_reference,
                    self._refresh_failed,
                ),
                self._refresh_failed,
            )
        else:
            self._load_labels()

    def _apply_reference(
        self, fetched: list[tuple[str, int, list[dict[str, Any]], str, str]]
    ) -> None:
        def apply(store: Any) -> None:
            for name, version, items, label_lv, label_en in fetched:
                store.apply_reference(name, version, items, label_lv=label_lv, label_en=label_en)
            if not fetched:
                store.mark_reference_checked()

        after = self._load_labels if self.engine_running else self._pull
        self.tasks.run_db(apply, lambda _r: after(), self._refresh_failed)

    def _pull(self) -> None:
        api = self.api
        if api is None:
            self._load_labels()
            return
        self.tasks.run_db(
            lambda store: int(store.get_meta("desktop.changes_cursor") or 0),
            lambda cursor: self.tasks.run_net(
                lambda: _fetch_changes(api, cursor),
                self._store_changes,
                self._refresh_failed,
            ),
            self._refresh_failed,
        )

    def _store_changes(self, fetched: tuple[int, list[tuple[str, dict[str, Any]]]]) -> None:
        cursor, rows = fetched
        now = datetime.now(UTC)

        def apply(store: Any) -> None:
            if rows:
                store.cache_records(rows, fetched_at=now)
            store.set_meta("desktop.changes_cursor", str(cursor))
            store.set_meta("desktop.pulled_at", now.isoformat())

        self.tasks.run_db(apply, lambda _r: self._load_labels(), self._refresh_failed)

    def _refresh_failed(self, exc: BaseException) -> None:
        log.info("refresh failed: %s", exc)
        self.handle_error(exc)
        self._load_labels()

    def reload_cache_info(self) -> None:
        """The engine pulled changes: read the labels and the age of the cache again."""
        if not self.refreshing:
            self.refreshing = True
            self._load_labels()

    def _load_labels(self) -> None:
        def read(store: Any) -> tuple[dict[str, Any], datetime | None]:
            # Warm the domain modules here, off the GUI thread.
            import registry_core.lifecycle  # noqa: F401
            import registry_core.records  # noqa: F401
            import registry_core.reference  # noqa: F401

            if store is None:
                return {}, None
            lists: dict[str, Any] = {}
            for name in store.reference_versions():
                lists[name] = store.reference_items(name)
            pulled = [_parse(store.get_meta(k)) for k in ("sync.pulled_at", "desktop.pulled_at")]
            pulled_at = max((t for t in pulled if t is not None), default=None)
            ages = [t for t in (store.reference_age(), pulled_at) if t is not None]
            return lists, (min(ages) if ages else None)

        def done(result: tuple[dict[str, Any], datetime | None]) -> None:
            lists, age = result
            self.code_labels.update_from_store(lists)
            self.cache_age = age
            self.refreshing = False
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            log.info("reading the cache failed: %s", exc)
            self.refreshing = False
            self.changed.emit()

        self.tasks.run_db(read, done, failed)

    # ------------------------------------------------------------------ end
    def end(self) -> None:
        """Log out: the engine is asked to stop (never waited for here), the token is
        revoked. The outbox stays in this officer's own cache for the next login."""
        self.active = False
        if self.sync is not None:
            self.sync.stop()
        api, self.api = self.api, None
        if api is not None and self.online:
            self.tasks.run_net(api.logout, None, lambda _e: None)
        self.online = False
        self.pending_ops = self.conflicts = self.rejected = self.blocked = 0
        self.sync_paused = False
        self.changed.emit()


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _local_versions(store: Any) -> dict[str, int]:
    if store is None:
        return {}
    return {str(k): int(v) for k, v in dict(store.reference_versions()).items()}


def _fetch_reference(
    api: Any, local: dict[str, int]
) -> list[tuple[str, int, list[dict[str, Any]], str, str]]:
    out = []
    for entry in api.reference_index():
        name = str(entry.get("name"))
        version = int(entry.get("version") or 0)
        have = local.get(name, 0)
        if version <= have:
            continue
        new_version, items = api.reference_items(name, have)
        out.append(
            (name, int(new_version), items, str(entry.get("label_lv") or ""),
             str(entry.get("label_en") or ""))
        )  # fmt: skip
    return out


def _fetch_changes(api: Any, cursor: int) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    rows: list[tuple[str, dict[str, Any]]] = []
    for _ in range(PULL_MAX_PAGES):
        page = api.changes(cursor, limit=PULL_PAGE)
        for change in page.get("changes") or []:
            record = dict(change.get("record") or {})
            record.setdefault("id", change.get("id"))
            record.setdefault("version", change.get("version"))
            record["deleted"] = bool(change.get("deleted"))
            rows.append((str(change.get("collection")), record))
        cursor = int(page.get("next") or cursor)
        if not page.get("more"):
            break
    return cursor, rows


class IdleLock(QObject):
    """Idle watch over every window of the application: input restarts the timer;
    `timeout` asks to lock.

    The filter sits on the top-level `QWindow`s (input from the window system reaches a
    window before its widgets), not on the QApplication: an application-wide Python
    filter is called for every event of every object (timers, paints, queued signals)
    and needs the GIL for each, so the GUI thread would queue for the GIL behind the
    sync engine's threads thousands of times a second (measured: stalls of seconds).

    Signals:
        timeout(): no input for the configured time.
    """

    timeout = Signal()
    _INPUT = frozenset(
        int(t.value)
        for t in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        )
    )
    _WATCHED = "registryIdleWatched"

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timeout)
        self.set_minutes(minutes)
        self._enabled = False
        self._app: QGuiApplication | None = None

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(50, int(minutes * 60_000)))

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    # ------------------------------------------------------------------ windows
    def attach(self, app: QGuiApplication) -> None:
        """Watch the application's windows, and each new one when it gets the focus."""
        self._app = app
        app.focusWindowChanged.connect(self._watch_all)
        self._watch_all()

    def detach(self) -> None:
        app, self._app = self._app, None
        if app is None:
            return
        app.focusWindowChanged.disconnect(self._watch_all)
        for window in app.topLevelWindows():
            window.removeEventFilter(self)
            window.setProperty(self._WATCHED, None)

    def _watch_all(self, _focus: Any = None) -> None:
        if self._app is None:
            return
        for window in self._app.topLevelWindows():
            if not window.property(self._WATCHED):
                window.setProperty(self._WATCHED, True)
                window.installEventFilter(self)

    # ------------------------------------------------------------------ timer
    def start(self) -> None:
        self._enabled = True
        self._watch_all()  # windows made since (the main window's is made when it shows)
        self._timer.start()

    def stop(self) -> None:
        self._enabled = False
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._enabled and int(event.type().value) in self._INPUT:
            self._timer.start()
        return False
