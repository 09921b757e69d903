"""Printed documents (issue 6): rendered for cases in every lifecycle state, read back with pypdf.

Dossiers come from `registry_desktop.printing.sample` (fictitious, validated by the record
schemas) and, in one test, from the embedded demo registry over HTTP.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2 as pdfium
import pytest
import segno
from reportlab.lib.pagesizes import A4

from registry_core.records import COLLECTIONS
from registry_core.records.enums import CaseStatus
from registry_desktop.printing import (
    DocumentKind,
    PrintContext,
    PrintedRecord,
    SheetRequest,
    available_documents,
    batch_job,
    case_sheet_job,
    parse_qr_payload,
    qr_payload,
    render_batch,
    render_case_sheet,
    render_decision,
    render_detention_record,
    render_entry_ban_decision,
    render_removal_notice,
    render_submission_proof,
)
from registry_desktop.printing import operative_text as ot
from registry_desktop.printing.page_canvas import MARGIN_X, QR_SIDE
from registry_desktop.printing.resources import resources_dir
from registry_desktop.printing.sample import (
    DETECTION_PLACE,
    FACTS_LV,
    OFFICER,
    case_id_of,
    sample_dossier,
)
from registry_desktop.printing.templates import (
    case_sheet,
    detention_record,
    entry_ban,
    removal_notice,
    return_decision,
)
from registry_desktop.printing.templates.common import PERSON_FIELDS, PERSON_SHORT
from registry_desktop.printing.values import field_kind, fmt_duration, fmt_field

PRINTED_BY = "Inspektore Līga Bērziņa"
PRINTED_AT = datetime(2026, 11, 28, 10, 15)
TRAINING = "MĀCĪBU VIDE — dati nav īsti / TRAINING — data is not real"
PROVISIONAL = "PROVIZORISKS — VĒL NAV REĢISTRĀ / PROVISIONAL — NOT YET IN THE REGISTRY"
FOOTER = "Satur personas datus / Contains personal data"
LATVIAN_LETTERS = "āčēģīķļņšūž"


def make_ctx(**over: Any) -> PrintContext:
    return PrintContext(**{"printed_by": PRINTED_BY, "printed_at": PRINTED_AT, **over})


def flat(text: str) -> str:
    """Whitespace collapsed: a value wrapped over two lines of a cell still matches."""
    return " ".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [flat(page.extract_text()) for page in reader.pages]


def all_documents(
    dossier: Mapping[str, Any], ctx: PrintContext
) -> Iterator[tuple[str, str, bytes]]:
    """(kind, record id, pdf) for every document the dossier allows."""
    related = dossier["related"]
    cid = case_id_of(dossier)
    yield "case_sheet", cid, render_case_sheet(dossier, cid, ctx)
    for d in related["decisions"]:
        yield d["decision_type"], d["id"], render_decision(dossier, d["id"], ctx)
    for b in related["entry-bans"]:
        yield "entry_ban_decision", b["id"], render_entry_ban_decision(dossier, b["id"], ctx)
    for x in related["detentions"]:
        yield "detention_record", x["id"], render_detention_record(dossier, x["id"], ctx)
    for x in related["departures"]:
        if DocumentKind.REMOVAL_NOTICE in available_documents("departures", x):
            yield "removal_notice", x["id"], render_removal_notice(dossier, x["id"], ctx)
    yield "submission_proof", cid, render_submission_proof("cases", related["cases"][0], ctx)


def embedded_fonts(pdf: bytes) -> set[tuple[str, bool]]:
    """(base font name, has an embedded TrueType program) for every font any page uses."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: set[tuple[str, bool]] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    return found


def expected_values(kind: str, dossier: Mapping[str, Any], record_id: str) -> list[str]:
    """Every filled field the template promises to print, formatted as printed."""
    related = dossier["related"]
    person = dossier["person"]

    def filled(collection: str, record: Mapping[str, Any], names: Sequence[str]) -> list[str]:
        model_values = []
        for name in names:
            if field_kind(COLLECTIONS[collection].model, name)[0] == "bool" and not record.get(
                name
            ):
                continue
            value = fmt_field(collection, name, record)
            if value:
                model_values.append(value)
        return model_values

    if kind == "case_sheet":
        case = next(c for c in related["cases"] if c["id"] == record_id)
        values = [case["case_no"], fmt_field("cases", "status", case)]
        values += filled("cases", case, case_sheet.CASE_FIELDS)
        values += filled("persons", person, PERSON_FIELDS)
        for collection, columns in (
            ("documents", case_sheet.DOCUMENT_COLUMNS),
            ("detentions", case_sheet.DETENTION_COLUMNS),
            ("decisions", case_sheet.DECISION_COLUMNS),
            ("appeals", case_sheet.APPEAL_COLUMNS),
            ("entry-bans", case_sheet.BAN_COLUMNS),
            ("departures", case_sheet.DEPARTURE_COLUMNS),
            ("sis-alerts", case_sheet.SIS_COLUMNS),
        ):
            for record in related[collection]:
                for key, _, compute in columns:
                    values.append(
                        compute(record) if compute else fmt_field(collection, key, record)
                    )
        return [v for v in values if v]
    if kind in ("departure_order", "removal_decision"):
        d = next(x for x in related["decisions"] if x["id"] == record_id)
        values = filled(
            "decisions",
            d,
            (*return_decision.OFFICIAL_FIELDS, *return_decision.STATUS_FIELDS, "legal_basis"),
        )
        values += filled("persons", person, PERSON_SHORT) + [d["facts"]]
        if d.get("decision_no"):
            values.append(d["decision_no"])
        if d.get("refusal_note"):
            values.append(d["refusal_note"])
        return values
    if kind == "entry_ban_decision":
        b = next(x for x in related["entry-bans"] if x["id"] == record_id)
        return filled("entry-bans", b, entry_ban.BAN_FIELDS) + filled(
            "persons", person, PERSON_SHORT
        )
    if kind == "detention_record":
        x = next(r for r in related["detentions"] if r["id"] == record_id)
        fields = (*detention_record.DETENTION_FIELDS, *detention_record.RELEASE_FIELDS)
        return filled("detentions", x, fields) + [x["reason_text"]]
    if kind == "removal_notice":
        x = next(r for r in related["departures"] if r["id"] == record_id)
        return filled("departures", x, removal_notice.DEPARTURE_FIELDS) + filled(
            "persons", person, PERSON_SHORT
        )
    if kind == "submission_proof":
        case = related["cases"][0]
        return [case["case_no"], case["updated_by"], "Lietas", str(case["version"])]
    raise AssertionError(kind)


# --- every document, every state --------------------------------------------------------


@pytest.mark.parametrize("status", list(CaseStatus), ids=str)
def test_every_document_in_every_state(status: CaseStatus) -> None:
    dossier = sample_dossier(status, index=list(CaseStatus).index(status))
    documents = list(all_documents(dossier, make_ctx()))
    kinds = {kind for kind, _, _ in documents}
    assert {"case_sheet", "submission_proof"} <= kinds
    for kind, record_id, pdf in documents:
        pages = pages_text(pdf)
        text = " ".join(pages)
        for value in expected_values(kind, dossier, record_id):
            assert flat(value) in text, f"{kind}: {value!r} missing"
        for number, page in enumerate(pages, 1):
            assert FOOTER in page
            assert f"Izdrukāja / Printed by: {PRINTED_BY}" in page
            assert "Izdrukāts / Printed at: 28.11.2026 10:15" in page
            assert f"Lapa / Page: {number} / {len(pages)}" in page
        assert "MĀCĪBU VIDE" not in text and "PROVIZORISKS" not in text
        assert embedded_fonts(pdf) <= {("DejaVuSans", True), ("DejaVuSans-Bold", True)}


def test_states_print_the_acts_they_hold() -> None:
    """The sample factory must really cover the documents (or the test above proves little)."""
    kinds: set[str] = set()
    for status in CaseStatus:
        dossier = sample_dossier(status)
        kinds |= {kind for kind, _, _ in all_documents(dossier, make_ctx())}
    assert kinds == {
        "case_sheet",
        "departure_order",
        "removal_decision",
        "entry_ban_decision",
        "detention_record",
        "removal_notice",
        "submission_proof",
    }


def test_latvian_text_is_extracted_exactly() -> None:
    dossier = sample_dossier(CaseStatus.VD_ORDERED)
    decision = dossier["related"]["decisions"][0]
    text = " ".join(pages_text(render_decision(dossier, decision["id"], make_ctx())))
    assert flat(FACTS_LV) in text
    assert set(LATVIAN_LETTERS) <= set(text)
    assert "Izbraukšanas rīkojums" in text
    assert "21 dienas laikā" in text  # Latvian: numerals ending in 1 take the singular
    sheet = " ".join(pages_text(render_case_sheet(dossier, case_id_of(dossier), make_ctx())))
    assert flat(DETECTION_PLACE) in sheet
    assert OFFICER in sheet
    assert "Jūlija Ščeglova" in sheet and "Щеглова" in sheet


# --- marks, numbering, fonts, QR ---------------------------------------------------------


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("provisional", [False, True])
def test_watermarks_exactly_when_asked(training: bool, provisional: bool) -> None:
    dossier = sample_dossier(CaseStatus.REMOVED, detentions=25)
    pdf = render_case_sheet(
        dossier, case_id_of(dossier), make_ctx(training=training, provisional=provisional)
    )
    pages = pages_text(pdf)
    assert len(pages) >= 2
    for page in pages:
        assert (TRAINING in page) is training
        assert ("MĀCĪBU VIDE" in page) is training
        assert (PROVISIONAL in page) is provisional
        assert ("PROVIZORISKS" in page) is provisional


def test_batch_numbers_each_sheet_and_marks_only_unsynced_ones() -> None:
    dossiers = [
        sample_dossier(CaseStatus.REMOVED, 0, detentions=25),
        sample_dossier(CaseStatus.DETECTED, 1),
        sample_dossier(CaseStatus.VD_ORDERED, 2),
    ]
    requests = [
        SheetRequest(d, case_id_of(d), provisional=(i == 1)) for i, d in enumerate(dossiers)
    ]
    progress: list[tuple[int, int]] = []
    pdf = render_batch(
        requests, make_ctx(), progress=lambda done, total: progress.append((done, total))
    )
    pages = pages_text(pdf)
    assert progress == [(1, 3), (2, 3), (3, 3)]
    first = [p for p in pages if dossiers[0]["related"]["cases"][0]["id"] in p]
    assert len(first) >= 2 and all(f"/ {len(first)}" in p for p in first)
    sheets = [[p for p in pages if d["related"]["cases"][0]["id"] in p] for d in dossiers]
    assert sum(len(s) for s in sheets) == len(pages)
    for index, sheet in enumerate(sheets):
        assert sheet[0].count(dossiers[index]["related"]["cases"][0]["case_no"]) >= 1
        for number, page in enumerate(sheet, 1):
            assert f"Lapa / Page: {number} / {len(sheet)}" in page
            assert (PROVISIONAL in page) is (index == 1)


def test_multi_page_sheet_numbering() -> None:
    dossier = sample_dossier(CaseStatus.REMOVED, detentions=60)
    pages = pages_text(render_case_sheet(dossier, case_id_of(dossier), make_ctx()))
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert f"Lapa / Page: {number} / {len(pages)}" in page
    # The table header repeats on every page the detention table runs over.
    assert sum("Aizturēšanas vieta" in p for p in pages) >= 2


def test_fonts_are_embedded_dejavu() -> None:
    dossier = sample_dossier(CaseStatus.REMOVED)
    pdf = render_case_sheet(dossier, case_id_of(dossier), make_ctx(training=True, provisional=True))
    assert embedded_fonts(pdf) == {("DejaVuSans", True), ("DejaVuSans-Bold", True)}


def test_embedded_fonts_keep_the_names_and_leave_out_the_licence_text() -> None:
    import struct

    from registry_desktop.printing.fonts import short_name_table

    dossier = sample_dossier(CaseStatus.REMOVED)
    pdf = render_case_sheet(dossier, case_id_of(dossier), make_ctx())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    files = [
        f.get_object()["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        for f in fonts.values()
    ]
    assert len(files) == 2
    for data in files:
        assert b"Bitstream" in data  # the copyright notice (name id 0) stays
        assert b"Permission is hereby granted" not in data  # the licence (id 13) does not
    # The table itself: the kept records, their strings intact.
    full = (resources_dir() / "fonts" / "DejaVuSans.ttf").read_bytes()
    tables = {
        full[12 + 16 * i : 16 + 16 * i]: struct.unpack(">II", full[20 + 16 * i : 28 + 16 * i])
        for i in range(struct.unpack(">H", full[4:6])[0])
    }
    offset, length = tables[b"name"]
    name = full[offset : offset + length]
    short = short_name_table(name)
    _, count, storage = struct.unpack(">HHH", short[:6])
    ids = [struct.unpack(">6H", short[6 + 12 * i : 18 + 12 * i])[3] for i in range(count)]
    assert ids and set(ids) <= set(range(7)) and len(short) < len(name) // 10
    assert "DejaVu Sans".encode("utf-16-be") in short[storage:]


def test_grid_text_is_what_reportlabs_text_object_writes() -> None:
    """TextGrid writes its text operators itself: the same bytes as PDFTextObject."""
    from reportlab.pdfgen.canvas import Canvas

    from registry_desktop.printing import fonts, grid, layout

    st = layout.styles()
    lines = [
        ("label", "Uzvārds / Surname"),
        ("value", "ŠČEGLOVA Jūlija — Щеглова Юлия (1991-03-14)"),
        ("value", ""),
        ("th", "Aizturēšanas vieta"),
        # More distinct characters than one 256-glyph subset holds: a second subset.
        ("cell", "".join(chr(c) for c in range(0x410, 0x450)) + LATVIAN_LETTERS.upper()),
        ("cell", "".join(chr(c) for c in range(0x21, 0x7F)) + "ĀČĒĢĪĶĻŅŠŪŽ"),
        ("cell", "".join(chr(c) for c in range(0xC0, 0x17F))),
        ("label", "Ω ≤ € ‰ № ¶ ÷"),
    ]

    def ours(canv: Canvas) -> None:
        run = grid._TextRun(canv)
        for i, (style, text) in enumerate(lines):
            run.style(st[style])
            run.origin(10 + i, 800 - 12 * i)
            run.line(text)
        run.draw()

    def reportlabs(canv: Canvas) -> None:
        text = canv.beginText()
        current = None
        for i, (style, line) in enumerate(lines):
            s = st[style]
            if (s.font, s.size, s.leading, s.color) != current:
                text.setFont(s.font, s.size, s.leading)
                text.setFillColor(s.color)
                current = (s.font, s.size, s.leading, s.color)
            text.setTextOrigin(10 + i, 800 - 12 * i)
            text.textLine(line)
        canv.drawText(text)

    fonts.register_fonts()
    codes = []
    for draw in (ours, reportlabs):
        canv = Canvas(io.BytesIO())
        draw(canv)
        codes.append(canv._code[-1])
    assert codes[0] == codes[1]
    assert "/F1+1 " in codes[0] or "/F2+1 " in codes[0]  # the second subset was used


def test_fonts_load_from_the_bundle_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    assert (resources_dir() / "fonts" / "LICENSE").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def _qr_matrix_on_page(pdf: bytes, page: int, size: int) -> list[list[bool]]:
    """Read the QR modules back from the rendered page (sampled at module centres)."""
    scale = 6.0
    bitmap = pdfium.PdfDocument(pdf)[page].render(scale=scale, grayscale=True)
    image = bitmap.to_pil()
    width, height = A4
    left = (width - MARGIN_X - QR_SIDE) * scale
    top = (height - 9 * 72 / 25.4 - QR_SIDE) * scale
    module = QR_SIDE * scale / size
    return [
        [
            image.getpixel((int(left + (x + 0.5) * module), int(top + (y + 0.5) * module))) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_qr_code_holds_record_id_and_version() -> None:
    dossier = sample_dossier(CaseStatus.REMOVED, detentions=25)
    case = dossier["related"]["cases"][0]
    record = PrintedRecord("cases", case["id"], case["version"])
    payload = qr_payload(record)
    assert parse_qr_payload(payload) == record
    assert payload == f"cases/{case['id']}@7"
    pdf = render_case_sheet(dossier, case_id_of(dossier), make_ctx(training=True))
    expected = [
        [bool(v) for v in row] for row in segno.make(payload, error="m", micro=False).matrix
    ]
    for page in range(len(pdfium.PdfDocument(pdf))):
        assert _qr_matrix_on_page(pdf, page, len(expected)) == expected


# --- languages ---------------------------------------------------------------------------


def test_bilingual_labels_only_when_asked() -> None:
    dossier = sample_dossier(CaseStatus.REMOVED)
    plain = " ".join(pages_text(render_case_sheet(dossier, case_id_of(dossier), make_ctx())))
    both = " ".join(
        pages_text(render_case_sheet(dossier, case_id_of(dossier), make_ctx(bilingual_labels=True)))
    )
    assert "Uzvārds" in plain and "Surname" not in plain
    assert "Lietas kartīte" in plain and "Case sheet" not in plain
    assert "Uzvārds / Surname" in both and "Lietas kartīte / Case sheet" in both


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        ("ru", "Обязать лицо IULIIA SHCHEGLOVA"),
        ("en", "IULIIA SHCHEGLOVA (date of birth 10.01.1980) is ordered to leave"),
    ],
)
def test_operative_part_side_by_side(translation: str, expected: str) -> None:
    dossier = sample_dossier(CaseStatus.VD_ORDERED)
    decision = dossier["related"]["decisions"][0]
    text = " ".join(
        pages_text(
            render_decision(dossier, decision["id"], make_ctx(operative_translation=translation))
        )
    )
    assert "Uzdot personai IULIIA SHCHEGLOVA" in text
    assert expected in text
    plain = " ".join(pages_text(render_decision(dossier, decision["id"], make_ctx())))
    assert "Обязать" not in plain and "is ordered to leave" not in plain


def test_removal_decision_translation_names_the_destination() -> None:
    dossier = sample_dossier(CaseStatus.REMOVAL_ORDERED, 1)  # UZB national
    decision = dossier["related"]["decisions"][0]
    text = " ".join(
        pages_text(render_decision(dossier, decision["id"], make_ctx(operative_translation="ru")))
    )
    assert "Принудительно выдворить лицо RUSTAM KHOLMATOV" in text
    assert "Страна назначения: Узбекистан" in text
    assert "Apstrīdēšana aptur lēmuma izpildi." in text
    assert "сроком на 3 года, считая со дня выезда" in text
    ban = dossier["related"]["entry-bans"][0]
    ban_text = " ".join(pages_text(render_entry_ban_decision(dossier, ban["id"], make_ctx())))
    assert "Ilgums 3 gadi" in ban_text and "Spēkā no izceļošanas dienas" in ban_text


def test_unknown_translation_is_refused() -> None:
    with pytest.raises(ValueError):
        make_ctx(operative_translation="de")


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: ot.days_within(1, "lv"), "1 dienas laikā"),
        (lambda: ot.days_within(11, "lv"), "11 dienu laikā"),
        (lambda: ot.days_within(14, "lv"), "14 dienu laikā"),
        (lambda: ot.days_within(7, "lv", working=True), "7 darbdienu laikā"),
        (lambda: ot.days_within(21, "ru"), "в течение 21 дня"),
        (lambda: ot.days_within(3, "ru", working=True), "в течение 3 рабочих дней"),
        (lambda: ot.days_within(1, "en"), "within 1 day"),
        (lambda: ot.ban_duration(1, None, "lv"), "uz 1 gadu"),
        (lambda: ot.ban_duration(3, 6, "lv"), "uz 3 gadiem un 6 mēnešiem"),
        (lambda: ot.ban_duration(1, None, "ru"), "сроком на 1 год"),
        (lambda: ot.ban_duration(3, None, "ru"), "сроком на 3 года"),
        (lambda: ot.ban_duration(5, 2, "ru"), "сроком на 5 лет и 2 месяца"),
        (lambda: ot.ban_duration(2, 1, "en"), "for 2 years and 1 month"),
        (lambda: fmt_duration(1, None), "1 gads"),
        (lambda: fmt_duration(11, None), "11 gadi"),
        (lambda: fmt_duration(21, 1), "21 gads 1 mēnesis"),
        (lambda: fmt_duration(3, 6), "3 gadi 6 mēneši"),
    ],
)
def test_number_agreement(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


# --- other documents ---------------------------------------------------------------------


def test_refused_signature_is_printed_on_the_decision() -> None:
    dossier = sample_dossier(CaseStatus.REMOVAL_ORDERED, 1)  # odd index: refused to sign
    decision = dossier["related"]["decisions"][0]
    text = " ".join(pages_text(render_decision(dossier, decision["id"], make_ctx())))
    assert "Atteicās parakstīt (amatpersonas atzīme)" in text
    assert decision["refusal_note"] in text


def test_submission_proof_states_number_time_who_what() -> None:
    dossier = sample_dossier(CaseStatus.DETECTED)
    case = dossier["related"]["cases"][0]
    text = " ".join(pages_text(render_submission_proof("cases", case, make_ctx())))
    assert f"Reģistra numurs {case['case_no']}" in text
    assert "Reģistrēšanas laiks 01.09.2026 11:30" in text  # 08:30 UTC is 11:30 in Riga
    assert f"Iesniedza {case['updated_by']}" in text
    assert "Iesniegtais Lietas" in text


def test_a_decision_type_without_a_form_is_refused() -> None:
    dossier = sample_dossier(CaseStatus.VD_ORDERED)
    dossier["related"]["decisions"][0]["decision_type"] = "border_refusal"
    with pytest.raises(ValueError, match="border_refusal"):
        render_decision(dossier, dossier["related"]["decisions"][0]["id"], make_ctx())


def test_print_job_lists_the_records_for_the_audit() -> None:
    dossiers = [sample_dossier(CaseStatus.REMOVED, i) for i in range(3)]
    job = batch_job([SheetRequest(d, case_id_of(d)) for d in dossiers], make_ctx())
    assert job.kind is DocumentKind.CASE_SHEET_BATCH
    assert [r.id for r in job.records] == [case_id_of(d) for d in dossiers]
    assert all(r.collection == "cases" and r.version == 7 for r in job.records)
    single = case_sheet_job(dossiers[0], case_id_of(dossiers[0]), make_ctx())
    assert single.title == "Lietas kartīte"


# --- demo data from the real registry ----------------------------------------------------


def test_demo_dossiers_from_the_registry_print(registry: Any) -> None:
    """Dossiers as the API answers them (demo data) print with their values in place."""
    import requests

    session = requests.Session()
    login = session.post(
        f"{registry.base_url}/auth/login",
        json={"username": registry.trainer, "password": registry.trainer_password},
        timeout=10,
    )
    login.raise_for_status()
    session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    hits = session.get(
        f"{registry.base_url}/persons/search", params={"q": "A", "limit": 40}, timeout=10
    ).json()["results"]
    printed: set[str] = set()
    statuses: set[str] = set()
    for hit in hits:
        dossier = session.get(f"{registry.base_url}/persons/{hit['id']}/dossier", timeout=10).json()
        for case in dossier["related"].get("cases", []):
            statuses.add(case["status"])
            pages = pages_text(render_case_sheet(dossier, case["id"], make_ctx(training=True)))
            text = " ".join(pages)
            assert case["case_no"] in text and flat(dossier["person"]["surname_latin"]) in text
            assert all(TRAINING in p for p in pages)
            printed.add("case_sheet")
        for decision in dossier["related"].get("decisions", []):
            if decision["decision_type"] in return_decision.TITLES:
                text = " ".join(pages_text(render_decision(dossier, decision["id"], make_ctx())))
                assert flat(decision["facts"]) in text
                printed.add(decision["decision_type"])
        for ban in dossier["related"].get("entry-bans", []):
            render_entry_ban_decision(dossier, ban["id"], make_ctx())
            printed.add("entry_ban_decision")
    assert "case_sheet" in printed and len(statuses) >= 3


# --- preview -----------------------------------------------------------------------------


def test_preview_renders_pages_prints_and_saves(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from registry_desktop.printing.preview import PrintAuditEvent, PrintPreviewDialog

    dossiers = [sample_dossier(CaseStatus.REMOVED, i, detentions=25) for i in range(3)]
    job = batch_job([SheetRequest(d, case_id_of(d)) for d in dossiers], make_ctx(training=True))
    dialog = PrintPreviewDialog(job)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=30_000) as blocker:
        dialog.show()
    pages = blocker.args[0]
    assert pages == dialog.page_count == len(pages_text(dialog.pdf or b""))
    assert pages >= 6
    pixmap = dialog.page_label.pixmap()
    assert pixmap is not None and pixmap.width() > 500 and pixmap.height() > pixmap.width()
    image = dialog.page_image(0, 254)  # 10 pixels per millimetre
    banner = image.pixelColor(200, 70)  # 20 mm from the left, 7 mm from the top: the band
    assert banner.red() > 200 and banner.blue() < 100  # the orange training banner
    dialog.next_button.click()
    assert dialog.current_page == 1 and dialog.page_spin.value() == 2
    for widget in dialog.findChildren(object):
        if (
            hasattr(widget, "accessibleName")
            and hasattr(widget, "isWidgetType")
            and widget.isWidgetType()
            and widget.objectName().startswith("printPreview")
        ):
            assert widget.accessibleName()

    events: list[PrintAuditEvent] = []
    dialog.printed.connect(events.append)
    target = tmp_path / "sheets.pdf"
    dialog.save_pdf(target)
    assert target.read_bytes() == dialog.pdf
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == pages
    assert [e.action for e in events] == ["save_pdf", "print"]
    assert events[0].records == job.records and events[0].printed_by == PRINTED_BY
    assert (
        events[0].kind is DocumentKind.CASE_SHEET_BATCH
        and events[0].training
        and events[0].pages == pages
    )
    dialog.close()


def test_preview_reports_a_failed_render(qtbot: Any) -> None:
    from registry_desktop.printing.jobs import PrintJob
    from registry_desktop.printing.preview import PrintPreviewDialog

    def broken() -> list[Any]:
        raise ValueError("nav datu")

    job = PrintJob(DocumentKind.CASE_SHEET, make_ctx(), (), broken)
    dialog = PrintPreviewDialog(job)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "nav datu" in dialog.status_label.text(), timeout=10_000)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.close()
