"""Help (the rail's last page): getting started, keyboard use and every form's help page.

Left, the topics: "Getting started and shortcuts" (searching, offline work, locking,
training, then the keyboard chapter of the user manual with every shortcut) and one
topic per form in the order of the manual (`forms/index.yaml`). Right, the page of the
chosen topic; on a form's page the field names are links to each field's help (the same
page F1 shows in the form). Latvian or English, following the session's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from registry_desktop.formdefs import FormDef, form_names, load_form
from registry_desktop.manual.content import (
    field_help_html,
    form_help_html,
    keyboard_html,
    manual_texts,
    norm_lang,
)

GENERAL = "general"
_KEY_ROLE = Qt.ItemDataRole.UserRole


def _load_forms() -> dict[str, FormDef]:
    """Every form that loads; a broken definition must not take the Help page down."""
    forms: dict[str, FormDef] = {}
    try:
        names = form_names()
    except Exception:
        return forms
    for name in names:
        try:
            forms[name] = load_form(name)
        except Exception:  # reported by the definitions' tests, not here
            continue
    return forms


class HelpView(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, session: Any = None, lang: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpView")
        self.session = session
        self._lang = norm_lang(lang) if lang else None
        self._rendered: tuple[str, str, str] | None = None  # (lang, topic, field) on screen
        self._field = ""
        self._pending_field = ""  # the field show_topic() asked for, applied on the switch
        self.forms = _load_forms()
        layout = QHBoxLayout(self)
        self.topics = QListWidget(self)
        self.topics.setObjectName("helpTopics")
        self.topics.setMaximumWidth(280)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._link)
        layout.addWidget(self.topics)
        layout.addWidget(self.browser, 1)
        for key in (GENERAL, *self.forms):
            item = QListWidgetItem(self.topics)
            item.setData(_KEY_ROLE, key)
        self.topics.currentItemChanged.connect(self._topic_changed)
        self.topics.setCurrentRow(0)
        self.retranslate()

    # ------------------------------------------------------------------ API
    def language(self) -> str:
        """The explicit language, else the session's (own or the main window's), else lv."""
        if self._lang:
            return self._lang
        session = self.session
        widget: Any = self.parentWidget()
        while session is None and widget is not None:
            session = getattr(widget, "session", None)
            widget = widget.parentWidget()
        return norm_lang(getattr(session, "language", None))

    def set_language(self, lang: str) -> None:
        self._lang = norm_lang(lang)
        self.retranslate()

    def topic_keys(self) -> list[str]:
        return [self.topics.item(i).data(_KEY_ROLE) for i in range(self.topics.count())]

    @property
    def current_topic(self) -> str:
        item = self.topics.currentItem()
        return str(item.data(_KEY_ROLE)) if item is not None else GENERAL

    def show_topic(self, key: str, field: str = "") -> None:
        """Show topic `key` ("general" or a form name); with `field`, that field's help."""
        keys = self.topic_keys()
        if key not in keys:
            key = GENERAL
        row = keys.index(key)
        if self.topics.currentRow() != row:
            self._pending_field = field
            self.topics.setCurrentRow(row)  # renders through _topic_changed
        else:
            self._field = field
            self._render(force=True)

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    # ------------------------------------------------------------------ rendering
    def retranslate(self) -> None:
        lang = self.language()
        texts = manual_texts()
        self.browser.setAccessibleName(self.tr("Help"))
        self.topics.setAccessibleName(texts.label("topics", lang))
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            key = item.data(_KEY_ROLE)
            form = self.forms.get(key)
            item.setText(form.title.get(lang) if form else texts.label("general", lang))
        self._render(force=True)

    def _topic_changed(self, _current: Any = None, _previous: Any = None) -> None:
        self._field, self._pending_field = self._pending_field, ""
        self._render(force=True)

    def _render(self, force: bool = False) -> None:
        lang, topic = self.language(), self.current_topic
        state = (lang, topic, self._field)
        if not force and state == self._rendered:
            return
        form = self.forms.get(topic)
        if form is None:
            html = self._general_html(lang)
        elif self._field:
            try:
                html = field_help_html(form, self._field, lang)
            except KeyError:
                self._field = ""
                html = form_help_html(form, lang)
        else:
            html = form_help_html(form, lang)
        self.browser.setHtml(html)
        self._rendered = (lang, topic, self._field)

    def _general_html(self, lang: str) -> str:
        parts = [
            ("h2", self.tr("Register of Returned Foreigners and Entry Bans")),
            ("h3", self.tr("Searching")),
            (
                "p",
                self.tr(
                    "Type into the one search box: a name in any script or spelling (Latvian letters, Cyrillic, transliterations), a date of birth — full (12.03.1990) or partial (1990, 03.1990) —, a document number, a personal code, or paste the machine-readable zone (MRZ) of a document."
                ),
            ),
            (
                "p",
                self.tr(
                    "Results from the local cache appear at once; when the registry can be reached its results are merged in. Each result shows where it came from (◆ registry, ◇ local cache) and how old the data is."
                ),
            ),
            ("h3", self.tr("Working offline")),
            (
                "p",
                self.tr(
                    "When the registry cannot be reached, an officer who has logged in on this computer before can choose “Work offline” at login and work with the local data. The status bar shows ○ Offline and the age of the data."
                ),
            ),
            ("h3", self.tr("Locking")),
            (
                "p",
                self.tr(
                    "After a time without input the session locks; enter your password to continue. Your open records stay open."
                ),
            ),
            ("h3", self.tr("Training")),
            (
                "p",
                self.tr(
                    "In the training environment (orange MĀCĪBU VIDE banner) all data is fictitious. Training ▸ Reset training data restores the initial state."
                ),
            ),
        ]
        html = "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)
        title = manual_texts().text("keyboard", "title").get(lang)
        return f"{html}<h2>{title}</h2>{keyboard_html(lang)}"

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("field:"):
            self._field = target.removeprefix("field:")
        elif target.startswith("form:"):
            self._field = ""
        else:
            return
        self._render(force=True)

    # ------------------------------------------------------------------ events
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._rendered and self._rendered[0] != self.language():
            self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
