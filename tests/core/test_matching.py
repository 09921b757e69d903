"""Person matching: transliteration systems, folds, dates, strong identifiers, blocking."""

from __future__ import annotations

from typing import Any

import pytest

from registry_core.matching import (
    BlockingIndex,
    DobAgreement,
    compare_dob,
    jaro_winkler,
    name_forms,
    parse_dob,
    prepare,
    score_pair,
    skeleton,
    transliterate,
    variants,
)
from registry_core.names import fold, search_tokens, transliterate_icao


def P(**fields: Any) -> Any:
    return prepare(fields, record_id=str(fields.pop("rid", "x")))


def test_transliteration_systems_give_the_documented_forms() -> None:
    assert transliterate("Юлия Щеглова", "icao") == "IULIIA SHCHEGLOVA"
    assert transliterate("Юлия Щеглова", "legacy") == "YULIYA SHCHEGLOVA"
    assert transliterate("Андрей Видный", "legacy") == "ANDREY VIDNYY"
    assert transliterate("Андрей Видный", "icao") == "ANDREI VIDNYI"
    assert transliterate("Ян Разъездной", "icao") == "IAN RAZIEEZDNOI"
    assert transliterate("Елена", "legacy") == "YELENA"
    assert transliterate("Олег Гнатюк", "ukrainian") == "OLEH HNATIUK"
    assert transliterate("Юрий Иванов", "latvian") == "JURIJS IVANOVS"
    assert transliterate("Андрей", "latvian") == "ANDREJS"
    assert transliterate("Юлия Щеглова", "latvian") == "JULIJA ŠČEGLOVA"
    assert transliterate("Хведар", "belarusian") == "CHVIEDAR"
    assert variants("IVANOV") == {}
    # the shared search helpers are unchanged
    assert fold("Jūlija Ščeglova") == "JULIJA SCEGLOVA"
    assert transliterate_icao("Щ") == "SHCH"
    assert search_tokens("Müller-Lüdenscheidt") == ["MUELLER", "LUEDENSCHEIDT"]


@pytest.mark.parametrize(
    "spellings",
    [
        ["Юлия Щеглова", "IULIIA SHCHEGLOVA", "YULIYA SHCHEGLOVA", "Jūlija Ščeglova"],
        ["ANDREI VIDNYI", "ANDREY VIDNYY", "Андрей Видный"],
        ["ELENA", "YELENA", "Jeļena", "JELENA"],
        ["KHARITONOV", "HARITONOV"],
        ["TSOI", "COI", "TZOI"],
        ["DMITRII", "DMITRIY", "DMITRIJ", "DMITRYI"],
        ["ALEXANDER", "ALEKSANDER"],
    ],
)
def test_equivalence_folds_bring_spellings_together(spellings: list[str]) -> None:
    skeletons = [{f.skel for f in name_forms(s)} for s in spellings]
    common = set.intersection(*skeletons)
    assert common, skeletons


def test_latvian_endings_match_only_through_the_stem() -> None:
    icao = P(given_names="SERGEI", surname="IVANOV")
    latvian = P(name_reproduction_lv="Sergejs Ivanovs")
    written_lv = P(given_names="Sergejs", surname="Ivanovs")
    res = score_pair(icao, latvian)
    assert "match.surname_latvian" in [r.code for r in res.reasons]
    assert "match.given_latvian" in [r.code for r in res.reasons]
    assert "match.surname_latvian" in [r.code for r in score_pair(icao, written_lv).reasons]
    assert skeleton("IVANOVA") != skeleton("IVANOV")


def test_dates_partial_swapped_and_typo() -> None:
    assert parse_dob("1991-03-14") == parse_dob("19910314") == parse_dob("14.03.1991")
    assert parse_dob("00.00.1980") == parse_dob("1980")
    assert parse_dob("1991-14-03") == parse_dob("1991-03-14")
    assert parse_dob("not a date") is None and parse_dob("") is None
    d = parse_dob
    assert compare_dob(d("1991-03-12"), d("1991-12-03")) == DobAgreement.SWAPPED
    assert compare_dob(d("1991-03-12"), d("1991")) == DobAgreement.PARTIAL_YEAR
    assert compare_dob(d("1991-03-12"), d("1991-03")) == DobAgreement.PARTIAL_MONTH
    assert compare_dob(d("1991-03-12"), d("1991-03-13")) == DobAgreement.TYPO
    assert compare_dob(d("1991-03-12"), d("1991-07-25")) == DobAgreement.YEAR_ONLY
    assert compare_dob(d("1991-03-12"), d("1984-07-25")) == DobAgreement.DIFFERENT
    assert compare_dob(d("1991-03-12"), None) == DobAgreement.UNKNOWN


def test_score_and_bilingual_reasons_for_the_issue_example() -> None:
    officer = P(
        given_names="IULIIA", surname="SHCHEGLOVA", date_of_birth="1991-03-12", sex="F",
        citizenship="RUS", document_number="751234567",
    )  # fmt: skip
    other = P(
        given_names_native="Юлия", surname_native="Щеглова", given_names_latin="YULIYA",
        surname_latin="SHCHEGLOVA", date_of_birth="1991-12-03", sex="F",
        document_number="75 1234567",
    )  # fmt: skip
    res = score_pair(officer, other)
    assert res.score > 0.99 and res.is_match
    codes = [r.code for r in res.reasons]
    assert codes[0] == "match.same_passport"  # strongest evidence first
    assert "match.dob_swapped" in codes
    assert "tas pats pases numurs" in res.explain("lv")
    assert "day and month swapped" in res.explain("en")
    translit = score_pair(P(surname="SHCHEGLOVA"), P(surname_native="Щеглова"))
    assert [r.code for r in translit.reasons] == ["match.surname_translit", "match.dob_unknown"]


def test_same_common_name_other_birth_date_is_not_a_match() -> None:
    a = P(given_names="IVAN", surname="IVANOV", date_of_birth="1980-05-01", sex="M")
    b = P(given_names="IVAN", surname="IVANOV", date_of_birth="1975-11-23", sex="M")
    assert score_pair(a, b).score < 0.1


def test_personal_codes_decide_and_different_codes_separate() -> None:
    a = P(given_names="ANNA", surname="BERZINA", personal_code="161175-19997")
    b = P(given_names="ANNA", surname="OZOLA", personal_code="16117519997")
    c = P(given_names="ANNA", surname="BERZINA", personal_code="061193-06460")
    assert score_pair(a, b).score > 0.99
    assert "match.same_personal_code" in [r.code for r in score_pair(a, b).reasons]
    res = score_pair(a, c)
    assert res.score < 0.5 and "match.different_personal_code" in [r.code for r in res.reasons]


def test_patronymic_only_tips_the_balance_and_ethnicity_is_ignored() -> None:
    base = {"given_names": "OLEG", "surname": "PETROV", "date_of_birth": "1970"}
    with_p = score_pair(P(**base, patronymic="IVANOVICH"), P(**base, patronymic="IVANOVICH"))
    without = score_pair(P(**base), P(**base))
    other_p = score_pair(P(**base, patronymic="IVANOVICH"), P(**base, patronymic="SERGEEVICH"))
    assert 0 < with_p.points - without.points <= 0.5
    assert 0 < without.points - other_p.points <= 0.5
    eth = score_pair(P(**base, ethnicity="a"), P(**base, ethnicity="b"))
    assert eth.points == without.points


def test_changed_surname_matches_through_previous_surnames() -> None:
    a = P(given_names="MARIA", surname="KOVALENKO", date_of_birth="1988-02-02")
    b = P(
        given_names="MARIIA", surname="SHEVCHUK", previous_surnames=["Коваленко"],
        date_of_birth="1988-02-02",
    )  # fmt: skip
    res = score_pair(a, b)
    assert res.is_match and "match.surname_previous" in [r.code for r in res.reasons]


def test_blocking_index_finds_variants_and_skips_strangers() -> None:
    index = BlockingIndex()
    people = [
        P(rid="1", given_names="IULIIA", surname="SHCHEGLOVA", date_of_birth="1991-03-12"),
        P(rid="2", given_names="IVAN", surname="PETROV", date_of_birth="1991-03-12"),
        P(rid="3", given_names="OKSANA", surname="BONDARENKO", date_of_birth="1975"),
        P(rid="4", given_names="JULIJA", surname="SCEGLOVA", date_of_birth="1965-01-01"),
    ]
    index.add_many(people)
    query = P(rid="q", name_reproduction_lv="Jūlija Ščeglova", date_of_birth="1991-12-03")
    found = index.lookup(query)
    assert [p.id for p, _ in found][0] == "1"
    assert "2" not in [p.id for p, _ in found] and "3" not in [
        p.id for p in index.candidates(query)
    ]
    # a corrected record replaces the old one; a removed one is gone
    index.upsert(P(rid="1", given_names="IULIIA", surname="SHCHEGLOVA", date_of_birth="1991-03-12", document_number="AB1234567"))  # fmt: skip
    assert (
        index.lookup(P(rid="q2", document_number="AB1234567", surname="X"), min_score=0)[0][0].id
        == "1"
    )
    index.remove("1")
    assert "1" not in [p.id for p, _ in index.lookup(query)] and len(index) == 3
    pairs = list(BlockingIndex().pairs())
    assert pairs == []


def test_jaro_winkler_reference_values() -> None:
    assert jaro_winkler("MARTHA", "MARHTA") == pytest.approx(0.9611, abs=1e-4)
    assert jaro_winkler("DWAYNE", "DUANE") == pytest.approx(0.84, abs=1e-2)
    assert jaro_winkler("", "A") == 0.0
