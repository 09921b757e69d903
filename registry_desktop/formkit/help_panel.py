"""The help side panel of a form (F1): what a field means, its rules, an example.

`FormTab` creates one `HelpPanel` on the right of the form and calls
`show_field(form, key, lang)` when F1 is pressed on a field (`key` may name a column of a
table as "legal_basis.act", or carry a row index as a problem path "legal_basis.0.act"),
`show_form(form, lang)` for the form's help page (summary, how-tos, typical errors, the
fields). Links on the page move between the field pages and the form page. The texts
come from the form definitions through `registry_desktop.manual.content`, the same source
as the user manual.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from registry_desktop.formdefs import FormDef
from registry_desktop.manual.content import (
    field_help_html,
    form_help_html,
    manual_texts,
    norm_lang,
)


class HelpPanel(QWidget):
    """Signals:
    shown(str): a page was shown: the field key, "" for the form's help page.
    """

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "lv") -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self._lang = norm_lang(lang)
        self._form: FormDef | None = None
        self._key: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpPanelBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._link)
        layout.addWidget(self.browser)
        self._render()

    # ------------------------------------------------------------------ API
    @property
    def current_key(self) -> str | None:
        """The field shown ("" = the form's help page, None = nothing yet)."""
        return self._key

    @property
    def form(self) -> FormDef | None:
        return self._form

    @property
    def language(self) -> str:
        return self._lang

    def show_field(self, form: FormDef, key: str, lang: str | None = None) -> None:
        """The help of field `key` of `form`; the form's page if the form has no such field."""
        self._form = form
        self._lang = norm_lang(lang or self._lang)
        self._key = key
        self._render()
        self.shown.emit(self._key or "")

    def show_form(self, form: FormDef, lang: str | None = None) -> None:
        self.show_field(form, "", lang)

    def set_language(self, lang: str) -> None:
        """Show the same page in `lang` ("lv" or "en")."""
        lang = norm_lang(lang)
        if lang != self._lang:
            self._lang = lang
            self._render()

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    # ------------------------------------------------------------------ inside
    def _render(self) -> None:
        texts = manual_texts()
        self.browser.setAccessibleName(texts.label("help", self._lang))
        form = self._form
        if form is None:
            html = f"<p>{texts.label('field_help_hint', self._lang)}</p>"
        elif self._key:
            try:
                html = field_help_html(form, self._key, self._lang)
            except KeyError:  # a key the definition does not know: the form's page
                self._key = ""
                html = form_help_html(form, self._lang)
        else:
            html = form_help_html(form, self._lang)
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(0)

    def _link(self, url: QUrl) -> None:
        if self._form is None:
            return
        target = url.toString()
        if target.startswith("field:"):
            self.show_field(self._form, target.removeprefix("field:"), self._lang)
        elif target.startswith("form:"):
            self.show_form(self._form, self._lang)
