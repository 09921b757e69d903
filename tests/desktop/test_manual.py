"""`registry-desktop --manual FILE`: the user manual from the form definitions, run as the
officer would run it (a real subprocess, no display, no login), read back with pypdf."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from registry_desktop.formdefs import FormDef, all_forms
from registry_desktop.manual.content import all_labels

ROOT = Path(__file__).resolve().parents[2]
LATVIAN_LETTERS = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def run_desktop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # no Qt platform at all: the manual needs none
    return subprocess.run(
        [sys.executable, "-m", "registry_desktop", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("manual")


@pytest.fixture(scope="module")
def forms() -> list[FormDef]:
    return list(all_forms().values())


@pytest.fixture(scope="module")
def manual_lv(out_dir: Path) -> Iterator[tuple[str, subprocess.CompletedProcess[str]]]:
    result = run_desktop("--manual", "rokasgramata.pdf", cwd=out_dir)
    assert result.returncode == 0, result.stderr
    yield pdf_text(out_dir / "rokasgramata.pdf"), result


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) > 1
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    return "\n".join(page.extract_text() for page in reader.pages)


def test_latvian_pdf_has_every_form_and_every_field(
    manual_lv: tuple[str, subprocess.CompletedProcess[str]], out_dir: Path, forms: list[FormDef]
) -> None:
    raw, result = manual_lv
    text = norm(raw)
    written = (out_dir / "rokasgramata.pdf").resolve()
    assert str(written) in result.stdout
    assert "ierakstīta" in result.stdout
    assert len(PdfReader(written).pages) > len(forms)  # title, contents, a chapter per form
    for expected in (
        "Lietotāja rokasgrāmata",
        "Saturs",
        "Darbs ar tastatūru",
        "Terminu vārdnīca",
        "Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs",
    ):
        assert expected in text, expected
    for form in forms:
        assert norm(form.title.lv) in text, form.name
        assert norm(form.summary.lv) in text, form.name
        for howto in form.howto:
            assert norm(howto.title.lv) in text
        for error in form.typical_errors:
            assert norm(error.fix.lv) in text
    missing = [label for label in all_labels(forms, "lv") if norm(label) not in text]
    assert not missing
    # The Latvian letters survive the PDF (DejaVu embedded, ToUnicode map right).
    assert set("āčēģīķļņšūž") <= set(raw)
    for word in ("Īsinājumtaustiņi", "Dzēšanas iemesls", "Brīdinājuma veids", "Klasifikators"):
        assert word in text, word


def test_keyboard_chapter_and_chapter_order(
    manual_lv: tuple[str, subprocess.CompletedProcess[str]], forms: list[FormDef]
) -> None:
    text = norm(manual_lv[0])
    for expected in (
        "Enter",
        "F1",
        "Ctrl+S",
        "Esc",
        "dd.mm.gggg",
        "MRZ",
        "Dublikātu pārbaude",
        "izsūtne",
        "konflikts",
    ):
        assert expected in text, expected
    # Chapters follow forms/index.yaml (searched after the table of contents).
    body = text[text.index("Pārvietošanās formā Enter") :]
    positions = [body.index(norm(form.summary.lv)) for form in forms]
    assert positions == sorted(positions)


def test_english_pdf(out_dir: Path, forms: list[FormDef]) -> None:
    result = run_desktop("--manual", "manual-en.pdf", "--lang", "en", cwd=out_dir)
    assert result.returncode == 0, result.stderr
    assert "User manual written:" in result.stdout
    text = norm(pdf_text(out_dir / "manual-en.pdf"))
    for expected in (
        "User manual",
        "Contents",
        "Working with the keyboard",
        "Glossary",
        "Register of Returned Foreigners and Entry Bans",
        "Typical errors and what to do",
    ):
        assert expected in text, expected
    for form in forms:
        assert norm(form.title.en) in text, form.name
    missing = [label for label in all_labels(forms, "en") if norm(label) not in text]
    assert not missing
    assert "Lietotāja rokasgrāmata" not in text


def test_html_manual_is_one_file_with_an_anchor_per_chapter(
    out_dir: Path, forms: list[FormDef]
) -> None:
    result = run_desktop("--manual", "manual.html", cwd=out_dir)
    assert result.returncode == 0, result.stderr
    page = (out_dir / "manual.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="lv">' in page
    assert "<link" not in page and " src=" not in page  # self-contained
    text = norm(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    for form in forms:
        assert f'id="form-{form.name}"' in page
        assert f'href="#form-{form.name}"' in page  # listed in the contents
        assert norm(form.title.lv) in text
    for anchor in ("keyboard", "glossary"):
        assert f'id="{anchor}"' in page
    missing = [label for label in all_labels(forms, "lv") if norm(label) not in text]
    assert not missing
    assert "Īsinājumtaustiņi" in text


def test_unwritable_path_is_a_clear_bilingual_error(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    blocker = folder / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker / "manual.pdf", folder):  # inside a file; a folder itself
        result = run_desktop("--manual", str(target), cwd=folder)
        assert result.returncode != 0
        assert "Kļūda" in result.stderr and "Error" in result.stderr
        assert "rokasgrāmatu nevar ierakstīt" in result.stderr
        assert "cannot write the manual" in result.stderr
        assert str(target) in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
    assert list(folder.iterdir()) == [blocker]  # nothing half-written left behind


def test_manual_needs_no_qt() -> None:
    code = (
        "import sys\n"
        "from registry_desktop.manual import render_manual\n"
        "data = render_manual('en', html=True)\n"
        "assert b'<html' in data\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
