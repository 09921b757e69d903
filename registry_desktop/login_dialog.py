"""Login: server profile, username, password, "remember me"; offline unlock; re-login.

`LoginDialog` is only the form. `LoginFlow` does the work through the TaskManager:
log in to the registry (HTTP pool), keep the offline verifier and, if asked, the
credentials in the keyring, then open the local cache on the DB worker. When the
registry cannot be reached, an officer who logged in here before can unlock the cache
offline; a cache that cannot be read can be rebuilt. Every failure is shown in the
officer's language with the way forward; nothing is ever shown as a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.config import Profile
from registry_desktop.session import Session, cache_path, error_text, verifier_folder
from registry_desktop.widgets import TrainingBanner

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """The login form. In re-login mode the profile and username are fixed.

    Signals:
        login_requested(bool): the officer asked to log in (True: offline unlock).
        rebuild_requested(): the officer asked to rebuild an unreadable cache.
    """

    login_requested = Signal(bool)
    rebuild_requested = Signal()

    def __init__(
        self,
        profiles: list[Profile],
        *,
        last_profile: str = "",
        last_username: str = "",
        relogin: bool = False,
        training: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.relogin = relogin
        self._profiles = list(profiles)
        self._message_code = ""

        layout = QVBoxLayout(self)
        if training:
            layout.addWidget(TrainingBanner(self))
        self.title = QLabel(self)
        self.title.setObjectName("loginTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.title)
        self.intro = QLabel(self)
        self.intro.setObjectName("loginIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.profile_label = QLabel(self)
        self.profile_box = QComboBox(self)
        self.profile_box.setObjectName("loginProfile")
        for profile in self._profiles:
            self.profile_box.addItem(self._profile_text(profile), profile.name)
        index = max(0, self.profile_box.findData(last_profile))
        self.profile_box.setCurrentIndex(index)
        self.profile_label.setBuddy(self.profile_box)
        form.addRow(self.profile_label, self.profile_box)

        self.username_label = QLabel(self)
        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.username.setText(last_username)
        self.username_label.setBuddy(self.username)
        form.addRow(self.username_label, self.username)

        self.password_label = QLabel(self)
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, self.password)

        self.remember = QCheckBox(self)
        self.remember.setObjectName("loginRemember")
        form.addRow("", self.remember)
        layout.addLayout(form)

        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.offline_button = QPushButton(self)
        self.offline_button.setObjectName("offlineButton")
        self.offline_button.hide()
        self.rebuild_button = QPushButton(self)
        self.rebuild_button.setObjectName("rebuildButton")
        self.rebuild_button.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.login_button = QPushButton(self)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        buttons.addWidget(self.offline_button)
        buttons.addWidget(self.rebuild_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)

        self.login_button.clicked.connect(lambda: self.login_requested.emit(False))
        self.offline_button.clicked.connect(lambda: self.login_requested.emit(True))
        self.rebuild_button.clicked.connect(self.rebuild_requested)
        self.cancel_button.clicked.connect(self.reject)
        self.profile_box.currentIndexChanged.connect(lambda _i: self._reset_offers())

        if relogin:
            self.profile_box.setEnabled(False)
            self.username.setReadOnly(True)
        self.retranslate()
        self._reset_offers()
        (self.password if self.username.text() else self.username).setFocus()

    # ------------------------------------------------------------------ values
    @property
    def profile(self) -> Profile | None:
        name = self.profile_box.currentData()
        return next((p for p in self._profiles if p.name == name), None)

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()

    # ------------------------------------------------------------------ states
    def set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.login_button, self.offline_button, self.rebuild_button,
                       self.password, self.remember):  # fmt: skip
            widget.setEnabled(not busy)
        if not self.relogin:
            self.username.setEnabled(not busy)
            self.profile_box.setEnabled(not busy)
        if busy:
            self.show_message(text or self.tr("Connecting to the registry…"), kind="info")

    def show_message(self, text: str, *, kind: str = "error") -> None:
        icon = {"error": "⚠", "info": "ℹ", "ok": "✔"}.get(kind, "")
        color = {"error": "#a00000", "info": "#1d4f91", "ok": "#1b6e20"}.get(kind, "black")
        self.message.setText(f"{icon} {text}".strip())
        self.message.setStyleSheet(f"color: {color};")
        self.message.setAccessibleName(text)
        self.message.show()

    def offer_offline(self, show: bool) -> None:
        self.offline_button.setVisible(show)

    def offer_rebuild(self, show: bool) -> None:
        self.rebuild_button.setVisible(show)

    def set_keyring_available(self, available: bool) -> None:
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
            self.remember.setToolTip(
                self.tr("This computer has no keyring: the password cannot be remembered.")
            )

    def _reset_offers(self) -> None:
        self.offer_offline(False)
        self.offer_rebuild(False)
        self.message.hide()
        training = bool(self.profile and self.profile.training)
        for widget in (self.username, self.password, self.remember):
            widget.setEnabled(not training)

    def _profile_text(self, profile: Profile) -> str:
        if profile.training:
            return "MĀCĪBU VIDE / " + self.tr("Training environment (fictitious data)")
        return f"{profile.display} — {profile.url}"

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — Register of Returned Foreigners and Entry Bans"))
        self.title.setText(self.tr("Register of Returned Foreigners and Entry Bans"))
        self.intro.setText(
            self.tr("Your session has expired. Enter your password to continue; your open records stay open.")
            if self.relogin
            else self.tr("Log in with your registry account.")
        )  # fmt: skip
        for index, profile in enumerate(self._profiles):
            self.profile_box.setItemText(index, self._profile_text(profile))
        self.profile_label.setText(self.tr("&Server"))
        self.username_label.setText(self.tr("&Username"))
        self.password_label.setText(self.tr("&Password"))
        self.remember.setText(self.tr("&Remember me on this computer"))
        self.login_button.setText(self.tr("&Log in"))
        self.offline_button.setText(self.tr("Work &offline"))
        self.rebuild_button.setText(self.tr("Re&build the local cache"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.profile_box.setAccessibleName(self.tr("Server"))
        self.username.setAccessibleName(self.tr("Username"))
        self.password.setAccessibleName(self.tr("Password"))
        self.remember.setAccessibleName(self.tr("Remember me on this computer"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LoginFlow(QObject):
    """Drives a LoginDialog: online login, offline unlock, cache rebuild, re-login.

    Signals:
        succeeded(): the session is (again) active; the dialog has been accepted.
    """

    succeeded = Signal()
    training_requested = Signal()

    def __init__(self, session: Session, dialog: LoginDialog) -> None:
        super().__init__(dialog)
        self.session = session
        self.dialog = dialog
        self._pending: tuple[Profile, str, str, dict[str, Any], Any, bytes, bool] | None = None
        dialog.login_requested.connect(self.attempt)
        dialog.rebuild_requested.connect(self.rebuild)
        self._check_keyring()

    @property
    def lang(self) -> str:
        return self.session.language

    def _check_keyring(self) -> None:
        profile = self.dialog.profile

        def probe() -> tuple[bool, tuple[str, str] | None]:
            from sync import credentials

            available = credentials.keyring_available()
            recalled = credentials.recall(profile.name) if (available and profile) else None
            return available, recalled

        def done(result: tuple[bool, tuple[str, str] | None]) -> None:
            available, recalled = result
            self.dialog.set_keyring_available(available)
            if recalled and not self.dialog.relogin and not self.dialog.password.text():
                username, password = recalled
                self.dialog.username.setText(username)
                self.dialog.password.setText(password)
                self.dialog.remember.setChecked(True)

        self.session.tasks.run_net(
            probe, done, lambda _e: self.dialog.set_keyring_available(False), owner=self.dialog
        )

    # ------------------------------------------------------------------ attempt
    def attempt(self, offline: bool = False) -> None:
        profile = self.dialog.profile
        username, password = self.dialog.credentials()
        if profile is None:
            self.dialog.show_message(
                QCoreApplication.translate("LoginDialog", "No registry server is configured.")
            )
            return
        if profile.training:
            self.training_requested.emit()
            return
        if not username or not password:
            self.dialog.show_message(
                QCoreApplication.translate("LoginDialog", "Enter your username and password.")
            )
            return
        remember = self.dialog.remember.isChecked() and self.dialog.remember.isEnabled()
        self.dialog.offer_rebuild(False)
        if offline:
            self.dialog.set_busy(
                True, QCoreApplication.translate("LoginDialog", "Unlocking the local data…")
            )
            self.session.tasks.run_net(
                lambda: _offline_unlock(profile, username, password),
                lambda r: self._opened_credentials(profile, username, password, r, None, False),
                self._failed,
                owner=self.dialog,
            )
            return
        self.dialog.set_busy(True)
        settings = self.session.settings
        lang = self.lang
        self.session.tasks.run_net(
            lambda: _online_login(profile, username, password, remember, settings.device_id, lang),
            lambda r: self._opened_credentials(profile, username, password, r[0], r[1], True),
            self._failed,
            owner=self.dialog,
        )

    def _opened_credentials(
        self,
        profile: Profile,
        username: str,
        password: str,
        unlocked: tuple[dict[str, Any], Any],
        api: Any,
        online: bool,
    ) -> None:
        user, key = unlocked
        if self.dialog.relogin and self.session.active:
            # Same officer, same cache: only the token changes; tabs stay open.
            if api is not None:
                self.session.replace_api(api)
            self._done()
            return
        self._pending = (profile, username, password, user, api, b"", online)
        if isinstance(key, BaseException):  # the cache's key is gone: offer a rebuild
            self._failed(key)
            return
        self._pending = (profile, username, password, user, api, key, online)
        self._open_cache()

    def _open_cache(self) -> None:
        assert self._pending is not None
        profile, username, _pw, user, api, key, online = self._pending
        path = cache_path(profile.name, username)
        self.dialog.set_busy(
            True, QCoreApplication.translate("LoginDialog", "Opening the local data…")
        )

        def opener() -> Any:
            from sync.store import LocalStore

            path.parent.mkdir(parents=True, exist_ok=True)
            return LocalStore.open(path, key)

        self.session.tasks.open_store(
            opener,
            lambda _store: self._started(profile, username, user, api, online),
            self._failed,
            owner=self.dialog,
        )

    def rebuild(self) -> None:
        """Start a new, empty cache: delete the file (DB worker), make a new key, open it."""
        if self._pending is None:
            return
        profile, username, password, user, api, _key, online = self._pending
        path = cache_path(profile.name, username)
        self.dialog.set_busy(
            True, QCoreApplication.translate("LoginDialog", "Rebuilding the local cache…")
        )

        def delete(_store: Any) -> None:
            from sync.store import LocalStore

            LocalStore.rebuild(path)

        def new_key() -> bytes:
            from sync import credentials

            credentials.forget_cache_key(profile.name, username, cache_path=path)
            return credentials.cache_key(profile.name, username, password, cache_path=path)

        def keyed(key: bytes) -> None:
            self._pending = (profile, username, password, user, api, key, online)
            self._open_cache()

        self.session.tasks.run_db(
            delete,
            lambda _r: self.session.tasks.run_net(new_key, keyed, self._failed, owner=self.dialog),
            self._failed,
            owner=self.dialog,
        )

    def _started(
        self, profile: Profile, username: str, user: dict[str, Any], api: Any, online: bool
    ) -> None:
        self.session.begin(profile, username, user, api, online)
        if not online:
            self.session.changed.emit()
        self._done()

    def _done(self) -> None:
        self.dialog.password.clear()
        self.dialog.set_busy(False)
        self.dialog.accept()
        self.succeeded.emit()

    # ------------------------------------------------------------------ failures
    def _failed(self, exc: BaseException) -> None:
        from sync.errors import (
            AuthFailed,
            CacheKeyMissing,
            CacheUnreadable,
            NoOfflineLogin,
            Unreachable,
        )

        self.dialog.set_busy(False)
        text = error_text(exc, self.lang)
        if isinstance(exc, Unreachable):
            self.dialog.offer_offline(True)
            text += "\n" + QCoreApplication.translate(
                "LoginDialog",
                "If you have logged in on this computer before, choose “Work offline” to open your local data; your changes will wait in the outbox.",
            )
        elif isinstance(exc, CacheUnreadable | CacheKeyMissing):
            self.dialog.offer_rebuild(True)
            text += "\n" + QCoreApplication.translate(
                "LoginDialog",
                "Choose “Rebuild the local cache” to start a new cache; nothing waiting in the outbox is removed without asking.",
            )
        elif isinstance(exc, NoOfflineLogin):
            self.dialog.offer_offline(False)
        elif isinstance(exc, AuthFailed):
            self.dialog.password.selectAll()
            self.dialog.password.setFocus()
        else:
            log.warning("login failed: %r", exc)
        self.dialog.show_message(text)


def _online_login(
    profile: Profile, username: str, password: str, remember: bool, device_id: str, lang: str
) -> tuple[tuple[dict[str, Any], Any], Any]:
    """HTTP pool: log in, keep the offline verifier, the keyring entry; derive the key."""
    from sync import credentials
    from sync.api import ApiClient

    api = ApiClient(profile.url, device_id=device_id, language=lang, verify=profile.verify)
    result = api.login(username, password)
    user = dict(result.user)
    if not profile.training:
        try:
            credentials.OfflineVerifier(verifier_folder()).save(
                profile.name, username, password, user
            )
        except OSError as exc:  # the login itself worked; offline unlock just won't
            log.warning("could not keep the offline verifier: %s", exc)
        if remember:
            credentials.remember(profile.name, username, password)
        else:
            credentials.forget(profile.name)
    return (user, _key(profile, username, password)), api


def _offline_unlock(profile: Profile, username: str, password: str) -> tuple[dict[str, Any], Any]:
    from sync import credentials

    user = credentials.OfflineVerifier(verifier_folder()).check(profile.name, username, password)
    return dict(user), _key(profile, username, password)


def _key(profile: Profile, username: str, password: str) -> Any:
    """The cache key, or the CacheKeyMissing to show (the login itself succeeded)."""
    from sync import credentials
    from sync.errors import CacheKeyMissing

    path = cache_path(profile.name, username)
    try:
        return credentials.cache_key(profile.name, username, password, cache_path=path)
    except CacheKeyMissing as exc:
        return exc
