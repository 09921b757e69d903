"""Help (F1): how to search, the keyboard shortcuts, working offline, training."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget


class HelpView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpView")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser)
        self.retranslate()

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Help"))
        rows = [
            ("Ctrl+F", self.tr("Search")),
            ("Ctrl+N", self.tr("New person")),
            ("Ctrl+P", self.tr("Print the open record")),
            ("Ctrl+W", self.tr("Close the record tab")),
            ("Ctrl+Tab", self.tr("Next record tab")),
            ("Ctrl+L", self.tr("Lock the session")),
            ("F1", self.tr("Help")),
        ]
        shortcuts = "".join(f"<tr><td><b>{key}</b></td><td>{text}</td></tr>" for key, text in rows)
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
            ("h3", self.tr("Keyboard shortcuts")),
            ("table", shortcuts),
            ("h3", self.tr("Training")),
            (
                "p",
                self.tr(
                    "In the training environment (orange MĀCĪBU VIDE banner) all data is fictitious. Training ▸ Reset training data restores the initial state."
                ),
            ),
        ]
        html = "".join(
            f'<table cellpadding="4">{text}</table>' if tag == "table" else f"<{tag}>{text}</{tag}>"
            for tag, text in parts
        )
        self.browser.setHtml(html)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
