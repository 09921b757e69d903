"""A deterministic evaluation set for person matching: fictitious persons with known
duplicates and the variation officers meet (issue 7).

    generate(persons=4000, seed=7) → list of rows (the `dedupe` CSV columns + `cluster`)

Every person is an invented combination of common given names and surnames (Russian,
Ukrainian, Belarusian in Cyrillic; Central Asian, Vietnamese, Indian, Albanian in
Latin). Each person gets a first record and, for about 55 %, one or two more records
made as another office would have typed them:

- the name by another transliteration system (ICAO 9303, the older GOST/BGN passport
  system, the Ukrainian national system, the Latvian reproduction with its endings) or
  in Cyrillic as written;
- typing slips in names (a letter dropped, doubled, swapped or replaced);
- day and month swapped; a year-only or year-month date; a wrong digit; no date;
- no document number, no sex, no citizenship; given names and surname swapped;
- a woman's surname changed (marriage) with nothing else linking the records but the
  given name, date and place of birth or the passport.

The name pools are small, so different persons share common names (and some the same
year of birth): these are the hard negatives. Nothing describes a real person.
"""

from __future__ import annotations

import random
from typing import Any

from registry_core.matching.translit import transliterate

RU_MALE = ["Александр", "Сергей", "Андрей", "Алексей", "Дмитрий", "Иван", "Михаил", "Николай",
           "Юрий", "Олег", "Владимир", "Евгений", "Игорь", "Максим", "Артём", "Виктор",
           "Павел", "Роман", "Денис", "Фёдор", "Илья", "Вячеслав", "Григорий", "Яков"]  # fmt: skip
RU_FEMALE = ["Юлия", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Мария",
             "Анна", "Екатерина", "Людмила", "Оксана", "Галина", "Ксения", "Дарья", "Яна",
             "Валентина", "Алёна", "Надежда", "Юлиана"]  # fmt: skip
RU_SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
               "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
               "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов",
               "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов",
               "Яковлев", "Григорьев", "Романов", "Воробьёв", "Щеглов", "Журавлёв", "Харитонов",
               "Цветков", "Чернышёв", "Шевцов", "Юдин", "Ясинский"]  # fmt: skip
UA_SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
               "Шевчук", "Поліщук", "Гнатюк", "Литвиненко", "Гончаренко", "Мельник",
               "Ковальчук", "Руденко", "Яковенко"]  # fmt: skip
UA_MALE = ["Олег", "Григорій", "Юрій", "Андрій", "Сергій", "Олексій", "Дмитро", "Тарас",
           "Богдан", "Євген", "Віталій", "Іван"]  # fmt: skip
UA_FEMALE = ["Оксана", "Олена", "Ірина", "Юлія", "Наталія", "Галина", "Людмила", "Ганна",
             "Світлана", "Марія"]  # fmt: skip
BY_SURNAMES = ["Ковалёв", "Лукашевич", "Жук", "Кравчук", "Шидловский", "Новик", "Карпович",
               "Мороз", "Козловский", "Янковский"]  # fmt: skip
OTHER = {
    "UZB": (["AZIZ", "BEKZOD", "RUSTAM", "SHERZOD", "ULUGBEK", "DILSHOD", "JAMSHID"],
            ["GULNARA", "DILNOZA", "NODIRA", "MADINA", "ZARINA"],
            ["KARIMOV", "YUSUPOV", "RAKHIMOV", "TOSHMATOV", "ABDULLAEV", "NAZAROV", "ERGASHEV"]),
    "VNM": (["VAN MINH", "VAN HUNG", "DUC ANH", "QUANG HUY", "THANH TUNG"],
            ["THI LAN", "THI HOA", "THI MAI", "NGOC ANH", "THU TRANG"],
            ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG"]),
    "IND": (["RAHUL", "AMIT", "VIKRAM", "SANJAY", "ARJUN", "RAJESH"],
            ["PRIYA", "ANJALI", "SUNITA", "KAVITA", "NEHA"],
            ["SHARMA", "SINGH", "KUMAR", "PATEL", "GUPTA", "REDDY", "VERMA"]),
    "ALB": (["ARBEN", "BESNIK", "DRITAN", "ERION", "GENTI", "ILIR"],
            ["ANJEZA", "BLERTA", "ELONA", "MIRELA", "XHENI"],
            ["HOXHA", "SHEHU", "KRASNIQI", "BERISHA", "GASHI", "DOKA", "LLESHI"]),
}  # fmt: skip
PLACES = {"RUS": ["Pskov", "Moskva", "Sankt-Peterburg", "Smolensk", "Novgorod", "Tver"],
          "UKR": ["Kyiv", "Lviv", "Kharkiv", "Odesa", "Dnipro"],
          "BLR": ["Minsk", "Vitebsk", "Grodno", "Polotsk"],
          "UZB": ["Tashkent", "Samarkand", "Bukhara"], "VNM": ["Hanoi", "Hai Phong"],
          "IND": ["Delhi", "Mumbai", "Pune"], "ALB": ["Tirana", "Durres", "Shkoder"]}  # fmt: skip
NAT_WEIGHTS = [("RUS", 40), ("UKR", 18), ("BLR", 8), ("UZB", 10), ("VNM", 8), ("IND", 8),
               ("ALB", 8)]  # fmt: skip


def _feminine(surname: str, nat: str) -> str:
    if nat == "UKR" and surname.endswith(("енко", "ук", "ик", "юк", "ник")):
        return surname
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ёв", "ев", "ин")):
        return surname + "а"
    return surname


def _base(rng: random.Random, n: int) -> dict[str, Any]:
    nat = rng.choices([c for c, _ in NAT_WEIGHTS], [w for _, w in NAT_WEIGHTS])[0]
    sex = rng.choice("MF")
    if nat in ("RUS", "UKR", "BLR"):
        if nat == "UKR":
            given = rng.choice(UA_MALE if sex == "M" else UA_FEMALE)
            surname = rng.choice(UA_SURNAMES + RU_SURNAMES[:10])
        else:
            given = rng.choice(RU_MALE if sex == "M" else RU_FEMALE)
            surname = rng.choice(
                BY_SURNAMES if nat == "BLR" and rng.random() < 0.6 else RU_SURNAMES
            )
        if sex == "F":
            surname = _feminine(surname, nat)
        cyr = True
    else:
        males, females, surnames = OTHER[nat]
        given, surname, cyr = (
            rng.choice(males if sex == "M" else females),
            rng.choice(surnames),
            False,
        )
    year = rng.randint(1950, 2006)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    passport = f"{rng.choice('ABCKMNPT')}{rng.choice('ABCKMNPT')}{rng.randint(1000000, 9999999)}"
    return {
        "n": n, "nat": nat, "sex": sex, "given": given, "surname": surname, "cyr": cyr,
        "dob": (year, month, day), "passport": passport if rng.random() < 0.85 else "",
        "place": rng.choice(PLACES[nat]),
        "code": _lv_code(rng, year, month, day) if rng.random() < 0.06 else "",
    }  # fmt: skip


def _lv_code(rng: random.Random, year: int, month: int, day: int) -> str:
    century = {18: 0, 19: 1, 20: 2}[year // 100]
    digits = f"{day:02d}{month:02d}{year % 100:02d}{century}{rng.randint(0, 999):03d}"
    weights = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return f"{digits[:6]}-{digits[6:]}{(1101 - total) % 11 % 10}"


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.3:
        return word[:i] + word[i + 1 :]
    if kind < 0.55:
        return word[:i] + word[i] + word[i:]
    if kind < 0.8:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    letters = "АЕИОНРСТ" if any("\u0400" <= c <= "\u04ff" for c in word) else "AEIONRST"
    return word[:i] + rng.choice(letters) + word[i + 1 :]


def _render(rng: random.Random, p: dict[str, Any], first: bool) -> dict[str, str]:
    given, surname = p["given"], p["surname"]
    if p["cyr"]:
        systems = ["icao", "legacy", "latvian", "cyrillic"] + (
            ["ukrainian"] if p["nat"] == "UKR" else []
        )
        system = "icao" if first and rng.random() < 0.6 else rng.choice(systems)
        if system != "cyrillic":
            given, surname = transliterate(given, system), transliterate(surname, system)
    year, month, day = p["dob"]
    dob = f"{year:04d}-{month:02d}-{day:02d}"
    row = {"given_names": given, "surname": surname, "sex": p["sex"], "citizenship": p["nat"],
           "document_number": p["passport"], "personal_code": p["code"],
           "place_of_birth": p["place"]}  # fmt: skip
    if not first:
        r = rng.random
        if r() < 0.15:
            row["surname"] = _typo(rng, row["surname"])
        if r() < 0.10:
            row["given_names"] = _typo(rng, row["given_names"])
        if r() < 0.10 and day <= 12 and day != month:
            dob = f"{year:04d}-{day:02d}-{month:02d}"
        elif r() < 0.08:
            dob = f"{year:04d}"
        elif r() < 0.05:
            dob = f"{year:04d}-{month:02d}"
        elif r() < 0.05:
            dob = f"{year:04d}-{month:02d}-{min(28, day + rng.choice((-1, 1)) * 1) or 1:02d}"
        elif r() < 0.03:
            dob = ""
        if r() < 0.5:
            row["document_number"] = ""
        if r() < 0.1:
            row["sex"] = ""
        if r() < 0.1:
            row["citizenship"] = ""
        if r() < 0.4:
            row["place_of_birth"] = ""
        if r() < 0.03:
            row["given_names"], row["surname"] = row["surname"], row["given_names"]
        if p["sex"] == "F" and r() < 0.05:  # married: another surname, nothing else says so
            other = _base(rng, -1)
            row["surname"] = other["surname"] if not other["cyr"] else transliterate(
                _feminine(other["surname"], other["nat"]), "icao")  # fmt: skip
        if r() < 0.2:
            row["personal_code"] = ""
        if r() < 0.05 and row["document_number"]:
            row["document_number"] = _typo(rng, row["document_number"])
    if rng.random() < 0.1:
        row["surname"] = row["surname"].lower().title()
    row["date_of_birth"] = dob.replace("-", "") if rng.random() < 0.1 and len(dob) == 10 else dob
    return row


def generate(persons: int = 4000, seed: int = 7) -> list[dict[str, str]]:
    """Rows with the `dedupe` columns plus `cluster` (same value = same person)."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for n in range(persons):
        base = _base(rng, n)
        copies = rng.choices((1, 2, 3), (45, 45, 10))[0]
        for k in range(copies):
            row = _render(rng, base, first=k == 0)
            row["cluster"] = str(n)
            rows.append(row)
    rng.shuffle(rows)
    for i, row in enumerate(rows):
        row["id"] = f"r{i:06d}"
    return rows


def true_pairs(rows: list[dict[str, str]]) -> set[tuple[str, str]]:
    by_cluster: dict[str, list[str]] = {}
    for row in rows:
        by_cluster.setdefault(row["cluster"], []).append(row["id"])
    pairs: set[tuple[str, str]] = set()
    for ids in by_cluster.values():
        ids.sort()
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs.add((a, b))
    return pairs
