"""The main window: navigation rail, record tabs, menus and shortcuts, status bar, lock.

Left, the rail (Search, My work, Outbox, Statistics, Help); in the centre, a tab
widget whose first tab is the page chosen on the rail and whose other tabs are the
open records (Ctrl+W closes, Ctrl+Tab switches). The status bar always shows the server
(or MĀCĪBU VIDE), the officer, online/offline, pending and conflicting ops and the age of
the cached data. When the session locks, the centre is replaced by the lock page; the
open tabs stay as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Only what the first paint needs is imported here. PySide6 builds a class (and its
# enums) for Python on first import; `Qt` alone is ~90 enums. The rest (QtGui's actions
# and key sequences, `Qt`, the lock page's widgets) is imported with the chrome, after
# the first paint (see MainWindow.ensure_chrome).
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.session import Session, error_text
from registry_desktop.widgets import TrainingBanner, format_age

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

NAV_KEYS = ("search", "mywork", "outbox", "statistics", "help")


def _form_name(collection: str) -> str | None:
    """The form that edits records of `collection` (None: there is none)."""
    try:
        from registry_desktop.formdefs import form_for

        return form_for(collection).name
    except (KeyError, FileNotFoundError, OSError):
        return None


def _form_has(form: str, key: str) -> bool:
    from registry_desktop.formdefs import load_form

    try:
        load_form(form).field(key.split(".", 1)[0])
    except KeyError:
        return False
    return True


class PlaceholderView(QWidget):
    """A page whose feature comes with a later issue (outbox, statistics, new person)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"placeholder_{key}")
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "outbox": self.tr("Outbox"),
            "statistics": self.tr("Statistics"),
            "newperson": self.tr("New person"),
        }
        texts = {
            "outbox": self.tr("Changes waiting for the registry will be listed here. There are none: nothing is waiting."),
            "statistics": self.tr("Statistics will be available in a later version."),
            "newperson": self.tr("The form for a new person will be available in a later version. Search first: the person may already be registered."),
        }  # fmt: skip
        self.title.setText(titles.get(self.key, self.key))
        self.text.setText(texts.get(self.key, ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LockPage(QWidget):
    """Shown instead of the work area when the session is locked.

    Signals:
        unlock_requested(str): the officer entered the password.
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLineEdit, QPushButton

        super().__init__(parent)
        self.setObjectName("lockPage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.text = QLabel(self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        row = QHBoxLayout()
        self.password_label = QLabel(self)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password)
        self.button = QPushButton(self)
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        row.addStretch(1)
        row.addWidget(self.password_label)
        row.addWidget(self.password)
        row.addWidget(self.button)
        row.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #a00000;")
        for widget in (self.title, self.text):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.retranslate()

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password.text())

    def set_officer(self, officer: str) -> None:
        self._officer = officer
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("🔒 " + self.tr("Locked"))
        self.text.setText(
            self.tr("The session of %1 was locked after a time without input. Enter the password to continue; your open records are kept.")
            .replace("%1", getattr(self, "_officer", ""))
        )  # fmt: skip
        self.password_label.setText(self.tr("&Password:"))
        self.password.setAccessibleName(self.tr("Password"))
        self.button.setText(self.tr("&Unlock"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The officer's main window.

    Signals:
        print_requested(object): print a record (the person card's dossier); the print
            flow (registry_desktop.print_flow) is connected here.
        logout_requested(): the officer logged out (after the unsynced-ops warning).
        reset_training_requested(): "Reset training data" confirmed (training only).
        shown(): the window was shown for the first time.
    """

    print_requested = Signal(object)
    reset_training_requested = Signal()
    logout_requested = Signal()
    unlocked = Signal()
    shown = Signal()

    def __init__(self, session: Session, *, training: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.training = training
        self.locked = False
        self._shown_once = False
        self._first_paint_seen = False
        self._chrome_ready = False
        self._views: dict[str, QWidget] = {}

        root = QWidget(self)
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(0, 0, 0, 0)
        root_layout.setSpacing(0)
        if training:
            self.banner: TrainingBanner | None = TrainingBanner(root)
            root_layout.addWidget(self.banner)
        else:
            self.banner = None
        self.stack = QStackedWidget(root)
        root_layout.addWidget(self.stack, 1)

        work = QWidget(self.stack)
        work_layout = QHBoxLayout(work)
        work_layout.setContentsMargins(4, 4, 4, 4)
        self.rail = QListWidget(work)
        self.rail.setObjectName("navRail")
        self.rail.setFixedWidth(170)
        for _key in NAV_KEYS:
            QListWidgetItem(self.rail)  # its key (UserRole) is set with the chrome
        self.rail.currentRowChanged.connect(self._rail_changed)
        work_layout.addWidget(self.rail)
        self.tabs = QTabWidget(work)
        self.tabs.setObjectName("recordTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.pages = QStackedWidget(self.tabs)
        self.pages.setObjectName("workspacePages")
        self.tabs.addTab(self.pages, "")
        work_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(work)
        self.work = work
        self.setCentralWidget(root)
        self.session.data_reset.connect(self.close_record_tabs)
        self.retranslate()
        self.resize(1200, 800)
        # Start-up stays light: the window paints first with the rail and the tabs; the
        # menus, shortcuts, status bar, lock page and print flow (the "chrome") are built
        # just after that first paint, then the Search page. Anything that needs the
        # chrome earlier gets it built on first access (see __getattr__).

    # ------------------------------------------------------------------ chrome
    _CHROME = frozenset(
        {"lock_page", "print_flow", "lang_group", "_age_timer"}
        | {f"act_{n}" for n in ("search", "new_person", "print", "close_tab", "next_tab",
                                "prev_tab", "lock", "logout", "quit", "help", "mywork",
                                "outbox", "stats", "reset", "lv", "en")}
        | {f"menu_{n}" for n in ("file", "view", "language", "training", "help")}
        | {f"status_{n}" for n in ("server", "officer", "connection", "outbox", "age", "sync")}
    )  # fmt: skip

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: a chrome attribute before it was built.
        if name in MainWindow._CHROME and not self.__dict__.get("_chrome_ready", False):
            self.ensure_chrome()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def chrome_ready(self) -> bool:
        return bool(self.__dict__.get("_chrome_ready", False))

    def ensure_chrome(self) -> None:
        """Build the menus, shortcuts, status bar, lock page and print flow (once)."""
        if self.chrome_ready:
            return
        self._chrome_ready = True
        from PySide6.QtCore import Qt

        for row, key in enumerate(NAV_KEYS):
            self.rail.item(row).setData(Qt.ItemDataRole.UserRole, key)
        bar = self.tabs.tabBar()
        bar.setTabButton(0, bar.ButtonPosition.RightSide, None)  # the page tab stays
        self.lock_page = LockPage(self.stack)
        self.stack.addWidget(self.lock_page)
        self.lock_page.unlock_requested.connect(self._unlock)
        self._build_actions()
        self._build_status_bar()
        from registry_desktop.print_flow import PrintFlow

        self.print_flow = PrintFlow(self.session, self)
        self.print_flow.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.print_requested.connect(self.print_flow.request)
        self.session.changed.connect(self.update_status)
        self.session.language_changed.connect(lambda _lang: self.update_status())
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.update_status)
        self._age_timer.start()
        self._retranslate_chrome()

    def _after_first_paint(self) -> None:
        self.ensure_chrome()
        row = self.rail.currentRow()
        if row < 0:  # the Search page
            self.rail.setCurrentRow(0)
        else:  # the rail took the focus (and row 0) while the window showed
            self._rail_changed(row)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._first_paint_seen:
            self._first_paint_seen = True
            QTimer.singleShot(0, self, self._after_first_paint)  # cancelled with self

    # ------------------------------------------------------------------ views
    def view(self, key: str) -> QWidget:
        """The rail page `key`, created on first use (lazy: start-up stays light)."""
        widget = self._views.get(key)
        if widget is None:
            widget = self._make_view(key)
            self._views[key] = widget
            self.pages.addWidget(widget)
        return widget

    def _make_view(self, key: str) -> QWidget:
        if key == "search":
            from registry_desktop.search_view import SearchView

            view = SearchView(self.session, self.pages)
            view.open_person.connect(self.open_person)
            view.print_cases.connect(self.print_flow.print_case_sheets)
            return view
        if key == "mywork":
            from registry_desktop.my_work import MyWorkView

            work = MyWorkView(self.session, self.pages)
            work.open_person.connect(lambda pid: self.open_person(pid, None))
            work.print_cases.connect(self.print_flow.print_case_sheets)
            return work
        if key == "outbox":
            from registry_desktop.outbox_view import OutboxView

            outbox = OutboxView(self.session, self.pages)
            outbox.go_to_field.connect(self.go_to_record)
            return outbox
        if key == "help":
            from registry_desktop.help_view import HelpView

            return HelpView(self.pages)
        return PlaceholderView(key, self.pages)

    @property
    def search_view(self) -> Any:
        if self.rail.currentRow() < 0:
            self.rail.setCurrentRow(0)
        return self.view("search")

    def show_page(self, key: str) -> None:
        row = NAV_KEYS.index(key)
        if self.rail.currentRow() != row:
            self.rail.setCurrentRow(row)
        else:
            self._rail_changed(row)

    def _rail_changed(self, row: int) -> None:
        if not 0 <= row < len(NAV_KEYS):
            return
        if self._shown_once and not self._first_paint_seen:
            return  # shown, not yet painted: the page is built after the first paint
        key = NAV_KEYS[row]
        widget = self.view(key)
        self.pages.setCurrentWidget(widget)
        self.tabs.setCurrentIndex(0)
        self.tabs.setTabText(0, self.rail.item(row).text())
        if key == "mywork" and self.session.active:
            widget.refresh()  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ records
    def _find_tab(self, test: Any) -> QWidget | None:
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if test(widget):
                self.tabs.setCurrentIndex(index)
                return widget
        return None

    def _add_tab(self, widget: QWidget, title: str) -> QWidget:
        index = self.tabs.addTab(widget, title)
        self.tabs.setCurrentIndex(index)
        return widget

    def open_person(self, person_id: str, seed: Any = None) -> Any:
        found = self._find_tab(
            lambda w: getattr(w, "person_id", None) == person_id and hasattr(w, "dossier")
        )
        if found is not None:
            return found
        from registry_desktop.person_card import PersonCard

        card = PersonCard(self.session, person_id, seed if isinstance(seed, dict) else None)
        card.print_requested.connect(self.print_requested)
        card.loaded.connect(lambda _state, c=card: self._retitle(c))
        card.form_requested.connect(self.open_plan)
        card.case_requested.connect(self.open_case)
        card.act_requested.connect(self.open_act)
        return self._add_tab(card, card.title())

    def open_case(self, case_id: str) -> Any:
        """The case view of `case_id` (one tab per case)."""
        key = f"case:{case_id}"
        found = self._find_tab(lambda w: getattr(w, "key", None) == key)
        if found is not None:
            return found
        from registry_desktop.case_view import CaseView

        view = CaseView(self.session, case_id)
        view.loaded.connect(lambda _state, v=view: self._retitle(v))
        view.form_requested.connect(self.open_plan)
        view.act_requested.connect(lambda coll, rec, v=view: self.open_act(coll, rec, v.case))
        view.person_requested.connect(lambda pid: self.open_person(pid, None))
        view.queued.connect(lambda _ids: self._refresh_records())
        return self._add_tab(view, view.title())

    def open_act(self, collection: str, record: Any, case: Any = None) -> Any:
        """A signed or served act: its read-only output form with Amend and Annul."""
        key = f"act:{collection}:{record.get('id')}"
        found = self._find_tab(lambda w: getattr(w, "key", None) == key)
        if found is not None:
            return found
        from registry_desktop.case_view import ActView

        view = ActView(self.session, collection, record, case)
        view.form_requested.connect(self.open_plan)
        view.queued.connect(lambda _ids: self._refresh_records())
        return self._add_tab(view, view.title())

    def open_plan(self, plan: Any) -> Any:
        """Open the form of a CommandPlan (registry_desktop.case_commands) in a tab: the
        act with its context and pre-filled values; saving queues the plan's ops."""
        try:
            from registry_desktop.formdefs import load_form
            from registry_desktop.formkit.form_tab import FormTab
        except ImportError:
            self.statusBar().showMessage(self.tr("The forms are not available."), 8000)
            return None
        if plan.record is not None:
            key = f"form:{plan.form}:{plan.record_id}"
            found = self._find_tab(lambda w: getattr(w, "key", None) == key)
            if found is not None:
                return found
        form = load_form(plan.form)
        tab = FormTab(
            form, self.session, record=plan.record, context=plan.context, readonly=plan.readonly
        )
        widget = tab.form_widget
        plan.record_id = widget.record_id
        if plan.prefill:
            widget.set_values(plan.prefill, mark_clean=True)  # typed data makes it dirty
        tab.plan = plan  # type: ignore[attr-defined]
        if not widget.readonly:
            if form.collection == "persons" and widget.is_new:
                self._add_duplicate_guard(tab)  # runs first; "new person" goes on
            if plan.build_ops is not None:
                widget.add_save_guard(lambda values, _go, t=tab: self._save_plan(t, values))
        tab.saved.connect(self._record_saved)
        tab.closed.connect(lambda t=tab: self._close_widget(t))
        self._add_tab(tab, tab.title())
        if plan.focus:
            widget.focus_field(plan.focus)
        return tab

    def _save_plan(self, tab: Any, values: dict[str, Any]) -> None:
        """The save guard of a command's form: check the lifecycle action, then queue the
        act and the actions in order (instead of the form's plain save)."""
        from registry_desktop.case_view import queue_ops

        plan = tab.plan
        widget = tab.form_widget
        problems = plan.check(values)
        if problems:
            lang = self.session.language
            for problem in problems:
                key = plan.field_for(problem.field)
                if key not in widget.cells:
                    key = plan.focus or next(iter(widget.cells))
                label = widget.message_label(key)
                label.setText("✖ " + problem.message(lang))
                label.setStyleSheet("color: #a00000;")
                label.show()
                widget.focus_field(key)
            return
        changed = None if widget.is_new else widget.changed_fields()
        ops = plan.ops(values, self.session.user or {}, changed=changed)

        def done(_op_ids: list[str]) -> None:
            widget.saved.emit(plan.collection or "", {**values, "id": plan.record_id})

        def failed(exc: BaseException) -> None:
            widget.save_failed.emit(error_text(exc, self.session.language))

        queue_ops(self.session, ops, done, failed, owner=tab)

    def _add_duplicate_guard(self, tab: Any) -> None:
        try:
            from registry_desktop.formkit.duplicate_check import duplicate_guard
        except ImportError:
            return
        guard = duplicate_guard(
            self.session, tab.form_widget, on_open=lambda pid: self.open_person(pid, None)
        )
        tab.duplicate_guard = guard
        tab.form_widget.add_save_guard(guard)
        outcome = guard.outcome
        outcome.open_person.connect(lambda _pid, _p, t=tab: self._close_widget(t))

    def _record_saved(self, collection: str, view: dict[str, Any]) -> None:
        """A form saved: refresh the cards and case views that show the record."""
        self._refresh_records()
        if collection == "persons" and view.get("id"):
            self.open_person(str(view["id"]), view)

    def _refresh_records(self) -> None:
        for widget in self.record_tabs():
            if hasattr(widget, "dossier") and hasattr(widget, "load"):
                widget.load()  # type: ignore[attr-defined]
            elif getattr(widget, "key", "").startswith("case:"):
                widget.load_local()  # type: ignore[attr-defined]

    def open_record_form(self, collection: str, record_id: str, field: str = "") -> None:
        """The form of a record (from the local cache) at `field`; a case action's field
        that the case form does not have opens the case view instead."""
        from registry_desktop import case_commands as cc

        session = self.session
        user = dict(session.user or {})

        def read(store: Any) -> Any:
            if store is None:
                return None
            record = store.get(collection, record_id)
            if record is None:
                return None
            case = None
            if record.get("case_id"):
                case = store.get("cases", str(record["case_id"]))
            return record, case

        def fetch() -> Any:
            api = session.api
            record = api.get(collection, record_id)
            case = api.get("cases", str(record["case_id"])) if record.get("case_id") else None
            return record, case

        def missing(_exc: BaseException | None = None) -> None:
            self.statusBar().showMessage(self.tr("The record is not in the local cache."), 8000)

        def opened(found: Any) -> None:
            if not found:
                if session.online and session.api is not None:  # not cached yet: ask
                    session.tasks.run_net(fetch, show, missing)
                else:
                    missing()
                return
            show(found)

        def show(found: Any) -> None:
            record, case = found
            form = _form_name(collection)
            if form is None:
                return
            if collection == "cases" and field and not _form_has(form, field):
                self.open_case(record_id)
                return
            plan = cc.new_record_plan(form, collection, user, case=case, record=record)
            tab = self.open_plan(plan)
            if tab is not None and field and _form_has(form, field):
                tab.form_widget.focus_field(field)

        session.tasks.run_db(read, opened, session.handle_error)

    def go_to_record(self, collection: str, record_id: str, field: str) -> None:
        """The outbox's "Go to field": open the record's form at the field."""
        self.open_record_form(collection, record_id, field)

    def _retitle(self, widget: QWidget) -> None:
        index = self.tabs.indexOf(widget)
        if index > 0:
            self.tabs.setTabText(index, widget.title())  # type: ignore[attr-defined]

    def record_tabs(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(1, self.tabs.count())]

    def close_tab(self, index: int) -> None:
        """Close a record tab; a form with typed data asks first (its Cancel)."""
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        cancel = getattr(widget, "cancel", None)
        if hasattr(widget, "form_widget") and callable(cancel):
            cancel()  # emits closed() when it may close; the tab goes in _close_widget
            return
        self._remove_tab(index)

    def _close_widget(self, widget: QWidget) -> None:
        index = self.tabs.indexOf(widget)
        if index > 0:
            self._remove_tab(index)

    def _remove_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def close_record_tabs(self) -> None:
        for index in range(self.tabs.count() - 1, 0, -1):
            self._remove_tab(index)

    def next_tab(self, step: int = 1) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _tab_changed(self, _index: int) -> None:
        """A form tab has its own F1 (field help): the window's F1 steps aside there."""
        if not hasattr(self, "_help_key"):
            return  # still building (the chrome comes after the first paint)
        from PySide6.QtGui import QKeySequence

        widget = self.tabs.currentWidget()
        if hasattr(widget, "help_shortcut"):
            self.act_help.setShortcut(QKeySequence())
        else:
            self.act_help.setShortcut(self._help_key)

    def new_person(self) -> None:
        """The new-person form (with the duplicate check before the save)."""
        found = self._find_tab(
            lambda w: (
                getattr(w, "key", "").startswith("form:person:")
                and getattr(getattr(w, "form_widget", None), "is_new", False)
            )
        )
        if found is not None:
            return
        try:
            from registry_desktop import case_commands as cc

            plan = cc.new_record_plan("person", "persons", dict(self.session.user or {}))
        except (ImportError, FileNotFoundError):
            plan = None
        if plan is None or self.open_plan(plan) is None:
            if self._find_tab(lambda w: getattr(w, "key", None) == "newperson") is None:
                view = PlaceholderView("newperson")
                self._add_tab(view, view.title.text())

    def print_current(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "request_print") and getattr(widget, "dossier", None) is not None:
            widget.request_print()
        else:
            self.statusBar().showMessage(self.tr("Open a record to print it."), 5000)

    def focus_search(self) -> None:
        self.show_page("search")
        self.search_view.focus_box()

    # ------------------------------------------------------------------ menus
    def _action(self, name: str, slot: Any, shortcut: Any = None) -> QAction:
        from PySide6.QtGui import QAction

        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

        Key = QKeySequence  # noqa: N806
        self.act_search = self._action("actSearch", self.focus_search, Key(Key.StandardKey.Find))
        self.act_new_person = self._action("actNewPerson", self.new_person, Key("Ctrl+N"))
        self.act_print = self._action("actPrint", self.print_current, Key(Key.StandardKey.Print))
        self.act_close_tab = self._action("actCloseTab", self.close_current_tab, Key("Ctrl+W"))
        self.act_next_tab = self._action("actNextTab", self.next_tab, Key("Ctrl+Tab"))
        self.act_prev_tab = self._action(
            "actPrevTab", lambda: self.next_tab(-1), Key("Ctrl+Shift+Tab")
        )
        self.act_lock = self._action("actLock", self.lock, Key("Ctrl+L"))
        self.act_logout = self._action("actLogout", self.logout)
        self.act_quit = self._action("actQuit", self.close, Key("Ctrl+Q"))
        self.act_help = self._action(
            "actHelp", lambda: self.show_page("help"), Key(Key.StandardKey.HelpContents)
        )
        if self.act_help.shortcut().isEmpty():
            self.act_help.setShortcut(Key("F1"))
        self._help_key = self.act_help.shortcut()
        self.act_mywork = self._action("actMyWork", lambda: self.show_page("mywork"))
        self.act_outbox = self._action("actOutbox", lambda: self.show_page("outbox"))
        self.act_stats = self._action("actStatistics", lambda: self.show_page("statistics"))
        self.act_reset = self._action("actResetTraining", self.confirm_reset_training)
        self.act_reset.setVisible(self.training)
        self.lang_group = QActionGroup(self)
        self.act_lv = QAction("Latviešu", self.lang_group)
        self.act_lv.setObjectName("actLanguageLv")
        self.act_en = QAction("English", self.lang_group)
        self.act_en.setObjectName("actLanguageEn")
        for action, lang in ((self.act_lv, "lv"), (self.act_en, "en")):
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, lg=lang: self.session.set_language(lg))
        (self.act_en if self.session.language == "en" else self.act_lv).setChecked(True)

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.setObjectName("menuFile")
        for action in (self.act_new_person, self.act_print, self.act_close_tab):
            self.menu_file.addAction(action)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_lock)
        self.menu_file.addAction(self.act_logout)
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_view.setObjectName("menuView")
        for action in (self.act_search, self.act_mywork, self.act_outbox, self.act_stats):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_next_tab)
        self.menu_view.addAction(self.act_prev_tab)
        self.menu_language = bar.addMenu("")
        self.menu_language.setObjectName("menuLanguage")
        self.menu_language.addAction(self.act_lv)
        self.menu_language.addAction(self.act_en)
        self.menu_training = bar.addMenu("")
        self.menu_training.setObjectName("menuTraining")
        self.menu_training.addAction(self.act_reset)
        self.menu_training.menuAction().setVisible(self.training)
        self.menu_help = bar.addMenu("")
        self.menu_help.setObjectName("menuHelp")
        self.menu_help.addAction(self.act_help)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_server = QLabel(self)
        self.status_server.setObjectName("statusServer")
        self.status_officer = QLabel(self)
        self.status_officer.setObjectName("statusOfficer")
        self.status_connection = QLabel(self)
        self.status_connection.setObjectName("statusConnection")
        self.status_outbox = QLabel(self)
        self.status_outbox.setObjectName("statusOutbox")
        self.status_age = QLabel(self)
        self.status_age.setObjectName("statusCacheAge")
        self.status_sync = QLabel(self)
        self.status_sync.setObjectName("statusLastSync")
        for label in (self.status_server, self.status_officer, self.status_connection,
                      self.status_outbox, self.status_sync, self.status_age):  # fmt: skip
            bar.addPermanentWidget(label)

    def update_status(self) -> None:
        s = self.session
        if s.training or self.training:
            self.status_server.setText("⚠ MĀCĪBU VIDE / TRAINING")
            self.status_server.setStyleSheet("background: #f28c28; color: black; padding: 0 4px;")
        else:
            self.status_server.setText(
                self.tr("Server: %1").replace("%1", s.profile.display if s.profile else "—")
            )
            self.status_server.setStyleSheet("")
        self.status_officer.setText(
            self.tr("Officer: %1").replace("%1", s.officer if s.active else "—")
        )
        if s.active and s.online:
            self.status_connection.setText("● " + self.tr("Online"))
            self.status_connection.setStyleSheet("color: #1b6e20;")
        else:
            self.status_connection.setText("○ " + self.tr("Offline"))
            self.status_connection.setStyleSheet("color: #a00000;")
        problems = s.conflicts + s.rejected + s.blocked
        self.status_outbox.setText(
            ("⚠ " if problems else "")
            + self.tr("Outbox: %1 waiting, %2 conflicts, %3 rejected")
            .replace("%1", str(s.pending_ops))
            .replace("%2", str(s.conflicts))
            .replace("%3", str(s.rejected + s.blocked))
            + (" · " + self.tr("sync paused") if s.sync_paused else "")
        )
        self.status_outbox.setStyleSheet("color: #a00000;" if problems else "")
        self.status_sync.setText(
            self.tr("Last sync: %1").replace("%1", format_age(s.last_sync_at))
            if s.active and s.engine_running else ""
        )  # fmt: skip
        if s.active:
            age = self.tr("Cached data: %1").replace("%1", format_age(s.cache_age))
            if s.reference_age is not None:
                age += "; " + self.tr("reference lists: %1").replace(
                    "%1", format_age(s.reference_age)
                )
            self.status_age.setText(age)
        else:
            self.status_age.setText("")

    # ------------------------------------------------------------------ training
    def enable_training(self) -> None:
        """Switch this window to training: the banner, the Training menu, the title."""
        self.training = True
        if self.banner is None:
            self.banner = TrainingBanner(self.centralWidget())
            layout = self.centralWidget().layout()
            layout.insertWidget(0, self.banner)  # type: ignore[attr-defined]
        self.act_reset.setVisible(True)
        self.menu_training.menuAction().setVisible(True)
        self.retranslate()

    def confirm_reset_training(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("resetTrainingConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Reset training data"))
        box.setText(
            self.tr("Restore the training registry to its seeded state? Every change made during this training is removed and the open records are closed.")
        )  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.reset_training_requested.emit()

    # ------------------------------------------------------------------ lock
    def lock(self) -> None:
        if self.locked or not self.session.active:
            return
        self.locked = True
        self.lock_page.set_officer(self.session.officer)
        self.lock_page.password.clear()
        self.lock_page.message.clear()
        self.stack.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.lock_page.password.setFocus()

    def _unlock(self, password: str) -> None:
        session = self.session
        profile = session.profile
        if profile is None:
            return
        username = session.username
        self.lock_page.button.setEnabled(False)

        def check() -> Any:
            from registry_desktop.session import verifier_folder
            from sync.credentials import OfflineVerifier

            return OfflineVerifier(verifier_folder()).check(profile.name, username, password)

        def ok(_user: Any) -> None:
            self.lock_page.button.setEnabled(True)
            self.unlock()

        def failed(exc: BaseException) -> None:
            self.lock_page.button.setEnabled(True)
            self.lock_page.password.selectAll()
            self.lock_page.message.setText("⚠ " + error_text(exc, session.language))

        session.tasks.run_net(check, ok, failed, owner=self)

    def unlock(self) -> None:
        self.locked = False
        self.lock_page.password.clear()
        self.stack.setCurrentWidget(self.work)
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self.unlocked.emit()

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setWindowTitle(
            ("MĀCĪBU VIDE — " if self.training else "")
            + self.tr("Register of Returned Foreigners and Entry Bans")
        )
        names = {
            "search": self.tr("Search"),
            "mywork": self.tr("My work"),
            "outbox": self.tr("Outbox"),
            "statistics": self.tr("Statistics"),
            "help": self.tr("Help"),
        }
        for row, key in enumerate(NAV_KEYS):
            self.rail.item(row).setText(names[key])
        self.rail.setAccessibleName(self.tr("Navigation"))
        self.tabs.setAccessibleName(self.tr("Open records"))
        row = max(0, self.rail.currentRow())
        self.tabs.setTabText(0, names[NAV_KEYS[row]])
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if hasattr(widget, "title") and callable(widget.title):
                self.tabs.setTabText(index, widget.title())
            elif isinstance(widget, PlaceholderView):
                self.tabs.setTabText(index, widget.title.text())
        if self.chrome_ready:
            self._retranslate_chrome()

    def _retranslate_chrome(self) -> None:
        from PySide6.QtCore import Qt

        for row in range(self.rail.count()):
            item = self.rail.item(row)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
        self.lock_page.retranslate()
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_training.setTitle(self.tr("&Training"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_search.setText(self.tr("&Search"))
        self.act_new_person.setText(self.tr("&New person"))
        self.act_print.setText(self.tr("&Print…"))
        self.act_close_tab.setText(self.tr("&Close tab"))
        self.act_next_tab.setText(self.tr("Next tab"))
        self.act_prev_tab.setText(self.tr("Previous tab"))
        self.act_lock.setText(self.tr("&Lock"))
        self.act_logout.setText(self.tr("Log &out"))
        self.act_quit.setText(self.tr("E&xit"))
        self.act_help.setText(self.tr("&Help"))
        self.act_mywork.setText(self.tr("&My work"))
        self.act_outbox.setText(self.tr("&Outbox"))
        self.act_stats.setText(self.tr("S&tatistics"))
        self.act_reset.setText(self.tr("&Reset training data…"))
        self.update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.chrome_ready:
                (self.act_en if self.session.language == "en" else self.act_lv).setChecked(True)
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # A window shown but never painted (minimised at start) still gets its chrome.
            QTimer.singleShot(1000, self, self._unpainted_fallback)
            self.shown.emit()

    def _unpainted_fallback(self) -> None:
        if not self._first_paint_seen:
            self._first_paint_seen = True
            self._after_first_paint()

    # ------------------------------------------------------------------ leaving
    def confirm_unsynced(self, logout: bool) -> bool:
        """Warn before leaving with ops the registry has not answered; True = go on.

        The ops stay in this officer's local store and are sent at the next login."""
        count = self.session.unsynced if self.session.active else 0
        if count <= 0:
            return True
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("unsyncedWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Log out") if logout else self.tr("Exit"))
        box.setText(
            self.tr("%1 changes are not yet in the registry. They stay saved on this computer for %2 and are sent the next time %2 logs in here; no other officer sees or sends them. Continue?")
            .replace("%1", str(count)).replace("%2", self.session.officer)
        )  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def logout(self) -> None:
        if not self.session.active or not self.confirm_unsynced(logout=True):
            return
        self.close_record_tabs()
        self.session.end()
        self.logout_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.confirm_unsynced(logout=False):
            event.accept()
        else:
            event.ignore()
