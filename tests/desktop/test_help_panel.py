"""F1 help panel and the Help page: every field's meaning in Latvian and English, every
form's how-tos and typical errors (real widgets, pytest-qt)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from registry_desktop.formdefs import FieldDef, FormDef, all_forms, load_form
from registry_desktop.formkit.help_panel import HelpPanel
from registry_desktop.help_view import GENERAL, HelpView
from registry_desktop.manual.content import field_facts, required_of

LANGS = ("lv", "en")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def columns_of(form: FormDef) -> list[tuple[FieldDef, FieldDef]]:
    return [(f, c) for f in form.fields() for c in f.columns]


@pytest.fixture
def panel(qtbot: Any) -> HelpPanel:
    widget = HelpPanel()
    qtbot.addWidget(widget)
    return widget


def test_field_meaning_rules_example_in_latvian_and_english(panel: HelpPanel) -> None:
    form = load_form("sis_alert")
    fd = form.field("entered_at")
    assert fd.rules and fd.example
    assert panel.objectName() == "helpPanel"
    assert panel.current_key is None
    assert "F1" in panel.plain_text()  # the hint before any field was asked for
    panel.show_field(form, "entered_at", "lv")
    text = norm(panel.plain_text())
    assert panel.current_key == "entered_at"
    for expected in (
        fd.label.lv,
        f"Nozīme: {fd.help.lv}",
        f"Noteikumi: {fd.rules.lv}",
        f"Piemērs: {fd.example}",
        "Aizpildīšana: obligāts lauks",  # the model requires entered_at
        "dd.mm.gggg",
        f"{form.title.lv} › {form.sections[0].title.lv}",
    ):
        assert norm(expected) in text, expected
    assert fd.label.en not in text
    panel.set_language("en")
    text = norm(panel.plain_text())
    for expected in (
        fd.label.en,
        f"Meaning: {fd.help.en}",
        f"Rules: {fd.rules.en}",
        "Required: required field",
        "dd.mm.yyyy",
    ):
        assert norm(expected) in text, expected
    assert fd.label.lv not in text
    assert panel.current_key == "entered_at"
    assert panel.browser.accessibleName() == "Help"


def test_reference_list_optional_and_conditional_field(panel: HelpPanel) -> None:
    form = load_form("sis_alert")
    panel.show_field(form, "alert_type", "lv")
    text = norm(panel.plain_text())
    assert "Klasifikators: " in text and "(sis_alert_type)" in text
    assert "rakstiet kodu vai nosaukuma sākumu" in text  # how to use the type-ahead
    # A field of the "Deletion" section shows only for a deleted alert.
    panel.show_field(form, "deletion_reason", "en")
    assert "Shown: when “Status” is “Deleted”" in norm(panel.plain_text())
    # Optional: a field neither the definition nor the model requires.
    owner, optional = next(
        (f, fd)
        for f in all_forms().values()
        for fd in f.fields()
        if required_of(f.model, fd) is False
    )
    panel.show_field(owner, optional.key, "en")
    assert "Required: optional" in norm(panel.plain_text())
    panel.set_language("lv")
    assert "Aizpildīšana: nav obligāts" in norm(panel.plain_text())


@pytest.mark.parametrize("lang", LANGS)
def test_every_field_of_every_form_has_its_help(panel: HelpPanel, lang: str) -> None:
    for form in all_forms().values():
        for fd in form.fields():
            panel.show_field(form, fd.key, lang)
            text = norm(panel.plain_text())
            assert panel.current_key == fd.key
            assert norm(fd.label.get(lang)) in text, (form.name, fd.key)
            assert fd.help.get(lang), f"{form.name}.{fd.key}: no help in {lang}"
            assert norm(fd.help.get(lang)) in text, (form.name, fd.key)
            if fd.rules:
                assert norm(fd.rules.get(lang)) in text
            if fd.example:
                assert norm(fd.example) in text
            for column in fd.columns:  # the table's page lists its columns with their help
                assert norm(column.label.get(lang)) in text
                assert norm(column.help.get(lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_columns_of_tables_and_groups_have_their_own_page(panel: HelpPanel, lang: str) -> None:
    pairs = [(form, f, c) for form in all_forms().values() for f, c in columns_of(form)]
    if not pairs:
        pytest.skip("no form with a table or group field yet")
    for form, table, column in pairs:
        key = f"{table.key}.{column.key}"
        panel.show_field(form, key, lang)
        text = norm(panel.plain_text())
        assert panel.current_key == key
        assert norm(column.label.get(lang)) in text
        assert norm(column.help.get(lang)) in text
        assert norm(table.label.get(lang)) in text  # "part of the field …"
        # A problem path with a row index shows the same page.
        assert field_facts(form, f"{table.key}.0.{column.key}", lang).label == column.label.get(
            lang
        )


@pytest.mark.parametrize("lang", LANGS)
def test_form_page_shows_summary_howtos_and_typical_errors(panel: HelpPanel, lang: str) -> None:
    for form in all_forms().values():
        panel.show_form(form, lang)
        text = norm(panel.plain_text())
        assert panel.current_key == ""
        assert norm(form.title.get(lang)) in text
        assert norm(form.summary.get(lang)) in text
        assert form.howto and form.typical_errors, form.name
        for howto in form.howto:
            assert norm(howto.title.get(lang)) in text
            assert norm(howto.text.get(lang)) in text
        for error in form.typical_errors:
            assert norm(error.problem.get(lang)) in text
            assert norm(error.fix.get(lang)) in text
        for section in form.sections:
            assert norm(section.title.get(lang)) in text
        heading = "Biežākās kļūdas un ko darīt" if lang == "lv" else "Typical errors and what to do"
        assert heading in text


def test_links_move_between_the_form_page_and_field_pages(panel: HelpPanel, qtbot: Any) -> None:
    form = load_form("sis_alert")
    panel.show_form(form, "en")
    with qtbot.waitSignal(panel.shown) as blocker:
        panel.browser.anchorClicked.emit(QUrl("field:status"))
    assert blocker.args == ["status"]
    assert panel.current_key == "status"
    assert norm(form.field("status").help.en) in norm(panel.plain_text())
    panel.browser.anchorClicked.emit(QUrl("form:"))
    assert panel.current_key == ""
    assert norm(form.howto[0].title.en) in norm(panel.plain_text())
    # A key the form does not have falls back to the form's page instead of failing.
    panel.show_field(form, "no_such_field", "lv")
    assert panel.current_key == ""
    assert norm(form.howto[0].title.lv) in norm(panel.plain_text())


# ---------------------------------------------------------------------- the Help page
def test_help_page_lists_every_form_and_the_shortcuts(qtbot: Any) -> None:
    view = HelpView(lang="lv")
    qtbot.addWidget(view)
    forms = all_forms()
    assert view.objectName() == "helpView"
    assert view.browser.objectName() == "helpBrowser"
    assert view.topic_keys() == [GENERAL, *forms]
    titles = [view.topics.item(i).text() for i in range(view.topics.count())]
    assert titles[1:] == [f.title.get("lv") for f in forms.values()]
    general = norm(view.plain_text())
    for expected in ("Darbs ar tastatūru", "Īsinājumtaustiņi", "Ctrl+S", "F1", "Ctrl+F", "Esc"):
        assert expected in general, expected
    sis = forms["sis_alert"]
    view.topics.setCurrentRow(titles.index(sis.title.get("lv")))
    assert view.current_topic == "sis_alert"
    text = norm(view.plain_text())
    assert norm(sis.howto[0].title.lv) in text
    assert norm(sis.typical_errors[0].fix.lv) in text
    assert sis.field("deletion_reason").label.lv in text
    view.browser.anchorClicked.emit(QUrl("field:deletion_reason"))
    assert norm(sis.field("deletion_reason").help.lv) in norm(view.plain_text())
    view.set_language("en")
    assert view.topics.item(1).text() == next(iter(forms.values())).title.get("en")
    # The same page, in English.
    assert norm(sis.field("deletion_reason").help.en) in norm(view.plain_text())
    view.topics.setCurrentRow(0)
    assert "Working with the keyboard" in view.plain_text()
    view.show_topic("sis_alert", "status")
    assert norm(sis.field("status").help.en) in norm(view.plain_text())
    view.browser.anchorClicked.emit(QUrl("form:"))
    assert norm(sis.summary.en) in norm(view.plain_text())


def test_help_page_follows_the_main_windows_session_language(qtbot: Any) -> None:
    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.session = type("S", (), {"language": "en"})()

    window = Window()
    qtbot.addWidget(window)
    view = HelpView(window)
    assert view.language() == "en"
    assert "Getting started and shortcuts" == view.topics.item(0).text()
    window.session.language = "lv"
    view.retranslate()
    assert view.topics.item(0).text() == "Darba sākums un īsinājumtaustiņi"
    assert "Darbs ar tastatūru" in view.plain_text()
