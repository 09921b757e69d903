"""Reference lists: contract names, seed-data integrity, country and unit specifics."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from enum import StrEnum

import pycountry
import pytest
from pydantic import BaseModel, ValidationError

import registry_core.records
from registry_core.records import enums
from registry_core.reference import (
    REFERENCE_LISTS,
    ReferenceItem,
    UnknownReferenceList,
    all_seed_items,
    find_item,
    item_codes,
    label,
    latvian_sort_key,
    seed_items,
)
from registry_core.reference.countries import LV_SAME_AS_EN

# Names other parts of the system (record `ref` metadata, server, forms) rely on.
CONTRACT_NAMES = {
    "country", "nationality_type", "sex", "document_status", "case_type", "case_status",
    "detention_status", "decision_status", "destination_type", "service_method",
    "acknowledgment", "territorial_scope", "ban_decision_maker", "entry_ban_status",
    "appeal_kind", "appeal_outcome", "interim_relief", "exit_type", "transport_mode",
    "travel_doc_used", "payer_type", "recovery_status", "readmission_agreement",
    "sis_alert_type", "sis_alert_status", "task_status", "institution", "role",
    "document_type", "legal_basis", "decision_type", "bcp", "unit", "detention_place",
    "detention_reason", "release_reason", "alternative_measure", "illegal_stay_reason",
    "refusal_reason", "return_type", "vulnerability", "warning_flag", "language",
    "marital_status", "obligation", "cost_item", "court", "task_kind",
}  # fmt: skip

# Lists whose labels may legitimately be identical in both languages (proper names).
PROPER_NAME_LISTS = {"country", "bcp"}

ICAO_SPECIALS = {
    "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "RKS", "XOM", "EUE",
    "XXA", "XXB", "XXC", "XXX", "UTO",
}  # fmt: skip

LATVIAN_LETTERS = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[ReferenceItem]]:
    return all_seed_items()


def by_code(items: list[ReferenceItem]) -> dict[str, ReferenceItem]:
    return {item.code: item for item in items}


# --- the registry --------------------------------------------------------------------


def test_contract_names_present() -> None:
    missing = CONTRACT_NAMES - set(REFERENCE_LISTS)
    assert not missing


def test_list_definitions_have_both_labels() -> None:
    for name, definition in REFERENCE_LISTS.items():
        assert definition.name == name
        assert definition.label_lv.strip() and definition.label_en.strip(), name


def test_every_list_non_empty_with_labels(seeds: dict[str, list[ReferenceItem]]) -> None:
    assert set(seeds) == set(REFERENCE_LISTS)
    for name, items in seeds.items():
        assert items, name
        for item in items:
            assert item.label_lv.strip(), (name, item.code)
            assert item.label_en.strip(), (name, item.code)


def test_codes_and_sort_unique_per_list(seeds: dict[str, list[ReferenceItem]]) -> None:
    for name, items in seeds.items():
        codes = [item.code for item in items]
        assert len(codes) == len(set(codes)), name
        sorts = [item.sort for item in items]
        assert len(sorts) == len(set(sorts)), name
        assert sorts == sorted(sorts), name
        assert item_codes(name) == frozenset(codes)


def test_labels_are_translated(seeds: dict[str, list[ReferenceItem]]) -> None:
    for name, items in seeds.items():
        if name in PROPER_NAME_LISTS:
            continue
        for item in items:
            assert item.label_lv != item.label_en, (name, item.code)


def test_latvian_labels_use_diacritics(seeds: dict[str, list[ReferenceItem]]) -> None:
    # Every list long enough to need Latvian words shows Latvian letters somewhere; a
    # list typed without diacritics ("Aizturets") would fail here.
    for name, items in seeds.items():
        text = "".join(item.label_lv for item in items)
        assert LATVIAN_LETTERS & set(text), name


def test_seed_data_deterministic() -> None:
    first = all_seed_items()
    second = all_seed_items()
    assert first == second
    assert [i.model_dump() for i in first["country"]] == [i.model_dump() for i in second["country"]]


def test_seed_items_are_fresh_copies() -> None:
    items = seed_items("bcp")
    items[0].extra["status"] = "tampered"
    items.clear()
    assert seed_items("bcp")[0].extra["status"] != "tampered"
    found = find_item("bcp", "TEREHOVA")
    assert found is not None
    found.extra["status"] = "tampered"
    assert find_item("bcp", "TEREHOVA") == by_code(seed_items("bcp"))["TEREHOVA"]


def test_unknown_list() -> None:
    with pytest.raises(UnknownReferenceList):
        seed_items("no_such_list")
    with pytest.raises(KeyError):
        item_codes("no_such_list")


def test_label_helper() -> None:
    assert label("sex", "F") == "Sieviete"
    assert label("sex", "F", "en") == "Female"
    assert label("sex", "Q") == "Q"
    assert find_item("sex", "Q") is None


# --- enums ---------------------------------------------------------------------------


def _enum_classes() -> list[type[StrEnum]]:
    return [
        obj
        for _, obj in inspect.getmembers(enums, inspect.isclass)
        if issubclass(obj, StrEnum) and obj is not StrEnum and obj.__module__ == enums.__name__
    ]


ENUM_TO_LIST: dict[type[StrEnum], str] = {
    definition.enum: name for name, definition in REFERENCE_LISTS.items() if definition.enum
}
ENUM_TO_LIST[enums.DecisionType] = "decision_type"


@pytest.mark.parametrize("enum_cls", _enum_classes(), ids=lambda cls: cls.__name__)
def test_every_enum_member_has_an_item(enum_cls: type[StrEnum]) -> None:
    assert enum_cls in ENUM_TO_LIST, f"{enum_cls.__name__} has no reference list"
    codes = item_codes(ENUM_TO_LIST[enum_cls])
    missing = {member.value for member in enum_cls} - codes
    assert not missing


def test_enum_backed_lists_are_closed(seeds: dict[str, list[ReferenceItem]]) -> None:
    for name, definition in REFERENCE_LISTS.items():
        if definition.enum is None:
            assert not definition.closed
            continue
        assert definition.closed
        assert [i.code for i in seeds[name]] == [m.value for m in definition.enum]


def test_glossary_terms() -> None:
    decision = by_code(seed_items("decision_type"))
    assert decision["departure_order"].label_lv == "Izbraukšanas rīkojums"
    assert decision["removal_decision"].label_lv == "Lēmums par piespiedu izraidīšanu"
    assert decision["departure_order"].extra["return_decision"] is True
    assert label("appeal_kind", "challenge").startswith("Apstrīdēšana")
    assert label("acknowledgment", "refused_to_sign") == "Atteicās parakstīt"
    assert label("acknowledgment", "refused_to_sign", "en") == "Refused to sign"
    assert label("case_status", "VD_ORDERED") == "Izdots izbraukšanas rīkojums"
    assert label("case_status", "ABSCONDED") == "Atrašanās vieta nezināma"
    assert label("interim_relief", "granted", "en") == "Granted"
    assert (
        by_code(seed_items("ban_decision_maker"))["foreign_minister"].extra["appealable"] is False
    )


# --- countries -----------------------------------------------------------------------


def test_country_list_iso_and_icao() -> None:
    items = seed_items("country")
    iso = [i for i in items if not i.extra["icao_special"]]
    specials = {i.code for i in items if i.extra["icao_special"]}
    assert len(iso) >= 249
    assert {i.code for i in iso} == {c.alpha_3 for c in pycountry.countries}
    assert specials == ICAO_SPECIALS
    assert "D" not in item_codes("country")
    for item in items:
        assert len(item.code) == 3 and item.code.isalpha() and item.code.isupper()


def test_country_labels_and_mappings() -> None:
    country = by_code(seed_items("country"))
    assert country["RUS"].label_lv == "Krievijas Federācija"
    assert country["UZB"].label_lv == "Uzbekistāna"
    assert country["UKR"].label_lv == "Ukraina"
    assert country["RUS"].label_en == "Russian Federation"
    assert country["TUR"].label_lv == "Turcija"
    assert country["CZE"].label_lv == "Čehija"
    assert country["MKD"].label_lv == "Ziemeļmaķedonija"
    assert country["GRC"].extra["eurostat"] == "EL"
    assert country["GBR"].extra["eurostat"] == "UK"
    assert country["DEU"].extra["eurostat"] == "DE"
    assert country["XXA"].extra["eurostat"] == "STLS"
    assert country["XXX"].extra["eurostat"] == "UNK"
    assert country["DEU"].extra["alpha2"] == "DE"
    assert country["DEU"].extra["eu_eea"] is True
    assert country["NOR"].extra["eu_eea"] is True
    assert country["CHE"].extra["eu_eea"] is True
    assert country["LVA"].extra["eu_eea"] is True
    assert country["RUS"].extra["eu_eea"] is False
    assert country["GBR"].extra["eu_eea"] is False
    assert country["XXA"].extra["icao_special"] is True
    assert country["RUS"].extra["icao_special"] is False
    eu_eea = {code for code, item in country.items() if item.extra["eu_eea"]}
    assert len(eu_eea) == 27 + 3 + 1


def test_country_latvian_names_are_translated() -> None:
    for item in seed_items("country"):
        if item.extra["icao_special"]:
            continue
        iso = pycountry.countries.get(alpha_3=item.code)
        assert iso is not None
        assert item.extra["alpha2"] == iso.alpha_2
        if item.label_lv in (iso.name, getattr(iso, "common_name", None)):
            assert item.code in LV_SAME_AS_EN, f"{item.code}: Latvian name missing"


def test_countries_sorted_in_latvian_order() -> None:
    iso = [i.label_lv for i in seed_items("country") if not i.extra["icao_special"]]
    assert iso == sorted(iso, key=latvian_sort_key)
    position = {label: n for n, label in enumerate(iso)}
    assert position["Ālandu salas"] < position["Albānija"]  # ā sorts with a
    assert position["Čīle"] > position["Bulgārija"]
    assert position["Šveice"] > position["Somija"]
    assert position["Ēģipte"] < position["Francija"]


def test_latvian_sort_key() -> None:
    words = ["Zviedrija", "Čehija", "Ēģipte", "Dānija", "Šveice", "Somija", "Cipra", "Ēdene"]
    assert sorted(words, key=latvian_sort_key) == [
        "Cipra", "Čehija", "Dānija", "Ēdene", "Ēģipte", "Somija", "Šveice", "Zviedrija",
    ]  # fmt: skip


# --- other lists ---------------------------------------------------------------------


def test_languages_resolve_in_iso_639() -> None:
    items = seed_items("language")
    assert 55 <= len(items) <= 90
    for item in items:
        language = pycountry.languages.get(alpha_3=str(item.extra["iso639_3"]))
        assert language is not None, item.code
        if len(item.code) == 2:
            assert getattr(language, "alpha_2", None) == item.code
            assert item.extra["iso639_1"] == item.code
        else:
            assert item.code == item.extra["iso639_3"]
    codes = item_codes("language")
    assert {"lv", "ru", "uk", "en", "uz", "ar"} <= codes


def test_units() -> None:
    unit = by_code(seed_items("unit"))
    expected = {
        "VRS-GP": "VRS", "VRS-RIP": "VRS", "VRS-LUP": "VRS", "VRS-DAP": "VRS",
        "VRS-VIP": "VRS", "VRS-VEN": "VRS", "VRS-ASOP": "VRS", "VRS-AAIC-DAU": "VRS",
        "VRS-AAIC-MUC": "VRS", "VRS-LIEPNA": "VRS", "VRS-KOL": "VRS",
        "PMLP-PSKN": "PMLP", "PMLP-RZK": "PMLP", "PMLP-CENTRAL": "PMLP",
    }  # fmt: skip
    for code, institution in expected.items():
        assert code in unit, code
        assert unit[code].extra["institution"] == institution, code
    assert unit["VRS-GP"].label_lv == "Galvenā pārvalde"
    assert unit["VRS-KOL"].label_lv == "Valsts robežsardzes koledža"
    assert unit["VRS-KOL"].extra["city"] == "Rēzekne"
    assert unit["PMLP-PSKN"].label_lv == "Personu statusa kontroles nodaļa"
    assert unit["PMLP-PSKN"].extra["city"] == "Rīga"
    assert unit["PMLP-RZK"].extra["city"] == "Rēzekne"
    assert unit["VRS-AAIC-DAU"].label_lv == 'AĀIC "Daugavpils"'
    institutions = {item.extra["institution"] for item in unit.values()}
    assert institutions == {"PMLP", "VRS", "OTHER"}
    pmlp = [c for c, i in unit.items() if i.extra["institution"] == "PMLP"]
    assert len(pmlp) > 3
    for code in ("IEM", "AM-KD", "SAB", "VP", "VDD", "TIESIBSARGS", "IOM", "ARJT", "AT"):
        assert unit[code].extra["institution"] == "OTHER", code
    for item in unit.values():
        parent = item.extra.get("parent")
        assert parent is None or parent in unit


def test_bcp_statuses() -> None:
    bcp = by_code(seed_items("bcp"))
    assert {i.extra["kind"] for i in bcp.values()} == {"road", "rail", "air", "sea"}
    assert {i.extra["status"] for i in bcp.values()} <= {"operating", "suspended"}
    for code in ("TEREHOVA", "GREBNEVA", "PATERNIEKI", "RIX", "RIGA_PORT", "VENTSPILS_PORT"):
        assert bcp[code].extra["status"] == "operating", code
        assert bcp[code].valid_to is None
    assert bcp["VIENTULI"].extra["status"] == "suspended"
    assert bcp["VIENTULI"].valid_to == date(2023, 10, 16)
    assert bcp["PEDEDZE"].valid_to == date(2023, 10, 16)
    assert bcp["SILENE"].extra["status"] == "suspended"
    assert bcp["SILENE"].valid_to == date(2023, 9, 19)
    for item in bcp.values():
        assert (item.extra["status"] == "suspended") == (item.valid_to is not None)
    assert not bcp["SILENE"].is_valid_on(date(2023, 9, 19))
    assert bcp["SILENE"].is_valid_on(date(2023, 9, 18))
    assert bcp["TEREHOVA"].extra["neighbour"] == "RUS"
    assert bcp["PATERNIEKI"].extra["neighbour"] == "BLR"
    assert bcp["RIX"].extra["kind"] == "air"
    assert bcp["RIX"].extra["neighbour"] is None
    assert bcp["LIEPAJA_PORT"].extra["confirmed"] is False  # [B] in domain.md §7.6
    neighbours = {i.extra["neighbour"] for i in bcp.values()} - {None}
    assert neighbours <= item_codes("country")


def test_detention_places() -> None:
    place = by_code(seed_items("detention_place"))
    assert place["AAIC-DAU"].extra["capacity"] == 84
    assert place["AAIC-MUC"].extra["capacity"] == 84
    assert {"PRISON", "OTHER"} <= set(place)
    units = item_codes("unit")
    holding = [i for i in place.values() if i.extra["kind"] == "vrs_holding"]
    assert len(holding) >= 4
    for item in place.values():
        assert item.extra["unit"] is None or item.extra["unit"] in units


def test_legal_bases() -> None:
    basis = by_code(seed_items("legal_basis"))
    for code in ("IL-41", "IL-50.3-2", "IL-51", "IL-61-2", "RD-7"):
        assert code in basis, code
    for item in basis.values():
        assert set(item.extra) == {"act", "section", "part", "clause", "confirmed"}
        assert isinstance(item.extra["confirmed"], bool)
        assert item.extra["act"] and item.extra["section"]
    assert basis["IL-61-2"].extra["act"] == "Imigrācijas likums"
    assert basis["IL-61-2"].extra["section"] == "61"
    assert basis["IL-61-2"].extra["part"] == "2"
    assert basis["IL-50.3-2"].extra["section"] == "50.3"
    assert basis["IL-41"].extra["confirmed"] is True
    assert basis["IL-42"].extra["confirmed"] is False  # [B]
    assert basis["SBC-14"].extra["confirmed"] is False  # [B]


def test_document_types() -> None:
    doc = by_code(seed_items("document_type"))
    expected = {
        "P", "PD", "PS", "ID", "ALIEN_PASSPORT", "REFUGEE_TD", "STATELESS_TD", "SEAMAN_BOOK",
        "RESIDENCE_PERMIT", "EMBASSY_RETURN_CERT", "EU_RETURN_TD", "LV_EXIT_DOC",
        "BIRTH_CERT", "OTHER",
    }  # fmt: skip
    assert expected <= set(doc)
    assert all("mrz_code" in item.extra for item in doc.values())
    assert doc["PD"].extra["mrz_code"] == "PD"
    assert doc["LV_EXIT_DOC"].label_lv.startswith("Izceļošanas dokuments")


def test_refusal_reasons() -> None:
    reason = seed_items("refusal_reason")
    assert [i.code for i in reason] == list("ABCDEFGHIJ")
    assert all(i.extra["confirmed"] is False for i in reason)  # letters are [B]


def test_task_kinds() -> None:
    from registry_core.lifecycle import TaskKind

    # every task the lifecycle creates has a labelled kind, plus the manual ones
    expected = {k.value for k in TaskKind} | {"detention_review", "vd_deadline", "other"}
    assert item_codes("task_kind") == expected
    task = by_code(seed_items("task_kind"))
    assert task["send_to_vrs"].extra["due_working_days"] == 1
    assert task["inform_pmlp"].extra["due_working_days"] == 3


def test_small_lists() -> None:
    assert {"minor", "unaccompanied_minor", "pregnant", "violence_victim"} <= item_codes(
        "vulnerability"
    )
    assert item_codes("warning_flag") == {
        "armed", "violent", "escaped", "suicide_risk", "public_health_threat",
        "terrorism_related",
    }  # fmt: skip
    assert {"removed", "maximum_reached", "alternative_measure", "court_order", "asylum", "escaped",
            "other"} == item_codes("release_reason")  # fmt: skip
    assert {"reporting", "stay_at_address", "surrender_document", "financial_guarantee"} == (
        item_codes("obligation")
    )
    assert item_codes("cost_item") == {"ticket", "escort", "document", "detention", "other"}
    assert {"ARJT", "AAT", "AT"} <= item_codes("court")
    assert label("court", "ARJT") == "Administratīvā rajona tiesa"
    assert by_code(seed_items("nationality_type"))["stateless"].extra["eurostat"] == "STLS"


def test_record_refs_name_existing_lists() -> None:
    """Every `ref` in the record schemas points at a list defined here."""
    refs: set[str] = set()
    package = registry_core.records
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, BaseModel):
                continue
            for field in cls.model_fields.values():
                extra = field.json_schema_extra
                if isinstance(extra, dict) and isinstance(extra.get("ref"), str):
                    refs.add(str(extra["ref"]))
    assert refs - set(REFERENCE_LISTS) == set()


# --- the model -----------------------------------------------------------------------


def test_reference_item_validation() -> None:
    item = ReferenceItem(code="X1", label_lv="Cits", label_en="Other")
    assert item.extra == {} and item.valid_from is None and item.sort == 0
    assert item.is_valid_on(date(2000, 1, 1))
    with pytest.raises(ValidationError):
        item.code = "Y"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ReferenceItem(code="has space", label_lv="a", label_en="a")
    with pytest.raises(ValidationError):
        ReferenceItem(code="X", label_lv="", label_en="a")
    with pytest.raises(ValidationError):
        ReferenceItem(
            code="X",
            label_lv="a",
            label_en="b",
            valid_from=date(2024, 1, 2),
            valid_to=date(2024, 1, 1),
        )
    with pytest.raises(ValidationError):
        ReferenceItem.model_validate(
            {"code": "X", "label_lv": "a", "label_en": "b", "extra": {"k": [1]}}
        )
    dated = ReferenceItem(
        code="X", label_lv="a", label_en="b", valid_from=date(2024, 1, 1), extra={"b": True}
    )
    assert dated.extra["b"] is True
    assert not dated.is_valid_on(date(2023, 12, 31))
    assert dated.is_valid_on(date(2024, 1, 1))
    assert dated.label("en") == "b" and dated.label() == "a"


def test_every_release_reason_of_the_lifecycle_is_labelled() -> None:
    from registry_core.lifecycle import ReleaseReason

    assert {r.value for r in ReleaseReason} <= item_codes("release_reason")
