"""A form in a tab of the main window: the form, the list of its problems, the help panel.

Ctrl+S saves, Esc asks before discarding typed data (default: No), F1 shows the focused
field's help in the side panel (again F1 on the same field hides it). Activating a
problem in the list focuses its field. `closed()` asks the main window to close the tab
(after a save or a discard).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from registry_core.messages import register, text
from registry_desktop.formdefs import FormDef
from registry_desktop.formkit.renderer import FormWidget
from registry_desktop.formkit.validation import Problem

register(
    {
        "formkit.save": ("Saglabāt (Ctrl+S)", "Save (Ctrl+S)"),
        "formkit.cancel": ("Atcelt (Esc)", "Cancel (Esc)"),
        "formkit.close": ("Aizvērt (Esc)", "Close (Esc)"),
        "formkit.problems": ("Problēmas ({n})", "Problems ({n})"),
        "formkit.discard_title": ("Atmest ievadīto?", "Discard what you typed?"),
        "formkit.discard_text": (
            "Formā ir nesaglabāti dati. Aizvērt un tos atmest?",
            "The form has unsaved data. Close it and discard them?",
        ),
        "formkit.new": ("Jauns: {title}", "New: {title}"),
        "formkit.help_rules": ("Noteikumi", "Rules"),
        "formkit.help_example": ("Piemērs", "Example"),
    }
)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _FallbackHelp(QTextBrowser):
    """The field's help, rules and example from the definition (until HelpPanel exists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setOpenExternalLinks(False)

    def show_field(self, form: FormDef, key: str, lang: str) -> None:
        try:
            f = form.field(key)
        except KeyError:
            self.show_form(form, lang)
            return
        parts = [f"<h3>{_escape(f.label.get(lang))}</h3>", f"<p>{_escape(f.help.get(lang))}</p>"]
        if f.rules is not None and f.rules.get(lang):
            parts.append(
                f"<p><b>{text('formkit.help_rules', lang)}:</b> {_escape(f.rules.get(lang))}</p>"
            )
        if f.example:
            parts.append(
                f"<p><b>{text('formkit.help_example', lang)}:</b> {_escape(f.example)}</p>"
            )
        self.setHtml("".join(parts))

    def show_form(self, form: FormDef, lang: str) -> None:
        parts = [
            f"<h2>{_escape(form.title.get(lang))}</h2>",
            f"<p>{_escape(form.summary.get(lang))}</p>",
        ]
        for howto in form.howto:
            parts.append(
                f"<h4>{_escape(howto.title.get(lang))}</h4><p>{_escape(howto.text.get(lang))}</p>"
            )
        for err in form.typical_errors:
            parts.append(
                f"<p><b>{_escape(err.problem.get(lang))}</b><br>{_escape(err.fix.get(lang))}</p>"
            )
        self.setHtml("".join(parts))


def make_help_panel(parent: QWidget) -> Any:
    try:
        from registry_desktop.formkit.help_panel import HelpPanel

        panel = HelpPanel(parent)
        panel.setObjectName("helpPanel")
        return panel
    except Exception:
        return _FallbackHelp(parent)


class FormTab(QWidget):
    """What the main window opens in a tab for a form.

    Signals:
        closed(): the tab should close (after a save or a discard).
        saved(str, dict): forwarded from the form.
    """

    closed = Signal()
    saved = Signal(str, dict)

    def __init__(
        self,
        form: FormDef,
        session: Any | None = None,
        *,
        record: Mapping[str, Any] | None = None,
        context: Mapping[str, Any] | None = None,
        readonly: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.session = session
        self.setObjectName(f"formTab_{form.name}")
        self.form_widget = FormWidget(
            form, session, record=record, context=context, readonly=readonly, parent=None
        )
        self.key = f"form:{form.name}:{self.form_widget.record_id}"
        self._help_key: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(left)
        self.scroll_area.setObjectName("formScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.form_widget)
        left_layout.addWidget(self.scroll_area, 1)
        self.problems_title = QLabel(left)
        self.problems_title.setObjectName("problemsTitle")
        self.problems = QListWidget(left)
        self.problems.setObjectName("problems")
        self.problems.setMaximumHeight(140)
        self.problems.itemActivated.connect(self._activate)
        self.problems.itemClicked.connect(self._activate)
        self.problems_title.setBuddy(self.problems)
        left_layout.addWidget(self.problems_title)
        left_layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(left)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(left)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        left_layout.addLayout(buttons)
        self.help_panel = make_help_panel(self.splitter)
        self.help_panel.hide()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.help_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        outer.addWidget(self.splitter)

        self.form_widget.problems_changed.connect(self._show_problems)
        self.form_widget.help_requested.connect(self.toggle_help)
        self.form_widget.saved.connect(self._saved)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self.cancel)
        self.help_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        self.help_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.help_shortcut.activated.connect(
            lambda: self.form_widget.help_requested.emit(self.form_widget.focused_key())
        )
        if session is not None and hasattr(session, "language_changed"):
            # A bound method: Qt drops the connection when this tab is deleted.
            session.language_changed.connect(self._language_changed)
        self._show_problems([])
        self.retranslate()

    # ------------------------------------------------------------------ texts
    @property
    def lang(self) -> str:
        return self.form_widget.lang

    def title(self) -> str:
        title = self.form.title.get(self.lang)
        return text("formkit.new", self.lang, title=title) if self.form_widget.is_new else title

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.lang
        self.save_button.setText(text("formkit.save", lang))
        self.save_button.setAccessibleName(text("formkit.save", lang))
        closing = "formkit.close" if self.form_widget.readonly else "formkit.cancel"
        self.cancel_button.setText(text(closing, lang))
        self.cancel_button.setAccessibleName(text(closing, lang))
        self.save_button.setVisible(not self.form_widget.readonly)
        self._show_problems(self.form_widget.problems)
        if not self.help_panel.isHidden():
            self._show_help(self._help_key or "")

    # ------------------------------------------------------------------ problems
    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.clear()
        for problem in problems:
            try:
                label = self.form.field(problem.key).label.get(self.lang)
            except KeyError:
                label = problem.key
            mark = "✖" if problem.is_error else "⚠"
            item = QListWidgetItem(f"{mark} {label}: {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, problem.path)
            self.problems.addItem(item)
        title = text("formkit.problems", self.lang, n=len(problems))
        self.problems_title.setText(title)
        self.problems.setAccessibleName(title)
        self.problems.setVisible(bool(problems))
        self.problems_title.setVisible(bool(problems))

    def _activate(self, item: QListWidgetItem) -> None:
        self.form_widget.focus_path(str(item.data(Qt.ItemDataRole.UserRole)))

    # ------------------------------------------------------------------ help
    def toggle_help(self, key: str) -> None:
        if not self.help_panel.isHidden() and key == self._help_key:
            self.help_panel.hide()
            return
        self._show_help(key)
        self.help_panel.show()

    def _show_help(self, key: str) -> None:
        self._help_key = key
        try:
            if key:
                self.help_panel.show_field(self.form, key, self.lang)
            else:
                self.help_panel.show_form(self.form, self.lang)
        except Exception:  # the help must never take the form down
            pass

    # ------------------------------------------------------------------ save / cancel
    def save(self) -> bool:
        return self.form_widget.save()

    def _saved(self, collection: str, view: dict[str, Any]) -> None:
        self.saved.emit(collection, view)
        self.closed.emit()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            text("formkit.discard_title", self.lang),
            text("formkit.discard_text", self.lang),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def cancel(self) -> bool:
        """Close; with typed data only after the officer confirms. True when closing."""
        if self.form_widget.is_dirty() and not self.form_widget.readonly:
            if not self.confirm_discard():
                return False
        self.closed.emit()
        return True
