"""Local search over 1,000,000 cached persons, beside a raw FTS5 prefix query.

    .venv/bin/python bench/search.py [--persons 1000000] [--queries 400] [--file PATH]

1. Generates (in a child process, so that its memory does not count) N fictitious,
   deterministic persons straight into an encrypted `LocalStore` through
   `cache_records`: Russian/Ukrainian/Belarusian names with their Cyrillic originals,
   ICAO Latin and the Latvian reproduction (diacritics), Latvians with diacritics, and
   other foreigners; dates of birth (some partial), personal codes, foreign ids.
   The file is reused when it exists with the same N (delete it, or --fresh, to rebuild).
2. Times `LocalStore.search` for queries drawn from the cached persons: Latvian
   diacritic spellings, Cyrillic originals, ICAO, older BGN/GOST-style variants, partial
   prefixes, name + (partial) date of birth, document numbers, personal codes; beside
   the raw FTS5 prefix query `SELECT rowid FROM person_fts WHERE person_fts MATCH
   '"TOK"* AND ...' LIMIT 50` of the same folded tokens on the same file and connection
   settings (name queries only: the raw query has no other keys).
3. Reports the process's peak RSS (searching process only).

Goals (issue 3): p95 ≤ 30 ms, p95 ≤ 2 × raw FTS5 p95, peak RSS ≤ 400 MB.
The last line is JSON: p50_ms, p95_ms, raw_fts5_p95_ms, rss_mb.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from registry_core.identifiers.personal_code import legacy_check_digit  # noqa: E402
from registry_core.names import fold  # noqa: E402
from sync.name_variants import _BGN, _transliterate  # noqa: E402
from sync.store import LocalStore  # noqa: E402
from sync.store_schema import make_engine  # noqa: E402

KEY = bytes.fromhex("5f" * 32)  # a benchmark key; the desktop's comes from the keyring
SEED = 20261128

GIVEN_M = "Александр Алексей Андрей Антон Артём Борис Вадим Валерий Василий Виктор Виталий Владимир Геннадий Георгий Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман Руслан Сергей Станислав Степан Тимур Фёдор Юрий Ярослав".split()  # noqa: E501
GIVEN_F = "Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна Зоя Инна Ирина Карина Кристина Ксения Лариса Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина Светлана София Татьяна Ульяна Юлия Яна".split()  # noqa: E501
ROOTS = "Иван Петр Сидор Кузнец Щеглов Жук Смирн Соколов Попов Лебед Козл Новиков Морозов Волков Соловь Васильев Зайц Павлов Семён Голуб Виноград Богдан Воробь Фёдор Михайл Белов Тарас Беляк Комар Орл Киселёв Макар Андре Ковалев Ильин Гусев Титов Кузьмин Кудрявц Баран Кулик Алексе Степан Яковл Сорокин Серге Роман Захар Борис Королёв Герасим Пономар Григорь Лазар Медвед Ершов Никитин Соболев Рябов Поляков Цвет Данилов Жуков Фролов Журавл Николаев Крылов Максим Сидоренк Осипов Белоус Федот Дорофе Егоров Матвеев Бобров Дмитриев Калинин Анисим Петух Антонов Тимофе Никифор Веселов Филипп Марков Большак Суханов Миронов Ширяев Александров Коновал Шестак Казаков Ефимов Денисов Громов Фомин Давыд Мельник Щербак Блинов Колесник Карпов Афанась Власов Маслов Исаков Тихонов Аксён Гаврил Родионов Котов Горбунов Кудряш Быков Зуев Третьяк Савельев Панов Рыбак Суворов Абрам Воронов Мухин Архип Трофим Мартын Емельян Горшков Чернов Овчинник Селезнёв Панфил Копылов Михеев Галкин Назаров Лобанов Лукин Беляков Потап Некрасов Хохлов Жданов Наумов Шилов Воронц Ермаков Дроздов Игнать Савин Логинов Сафонов Капустин Кириллов Моисеев Елисеев Кошелев Костин Горбачёв Орехов Ефремов Исаев Евдоким Калашник Кабанов Носков Юдин Кулагин Лапин Прохоров Нестеров Харитонов Агафонов Муравь Ларионов Федосеев Зимин Пахомов Шубин Игнатов Филатов Крюков Рогов Кулаков Терентьев Молчанов Владимиров Артемьев Гурьев Зиновьев Гришин Кононов Дементьев Ситник Симонов Мишин Фадеев Комиссар Мамонтов Носов Гуляев Шаров Устинов Вишняк Евсеев Лаврентьев Брагин Константинов Корнилов Авдеев Зыков Бирюков Шарапов Никонов Щукин Дьячков Одинцов Сазонов Якушев Красильник Гордеев Самойлов Князев Беспалов Уваров Шашков Бобыл Доронин Белозёр Рожков Самсонов Мясник Лихачёв Буров Сысоев Фомичёв Русаков Стрелков Гущин Тетерин Колобов Субботин Фокин Блохин Селиверстов Пестов Кондратьев Силин Меркушев Лыткин Туров".split()  # noqa: E501
LV_GIVEN = "Jānis Andris Mārtiņš Pēteris Kārlis Edgars Aivars Uldis Raimonds Ģirts Oļegs Ilze Inese Līga Dace Zane Kristīne Anna Laura Ieva Māra Dzintra Agnese Sandra Inga Gunta Baiba Signe Elīna Evita".split()  # noqa: E501
LV_SUR = "Bērziņ Kalniņ Ozoliņ Jansons Liepiņ Krūmiņ Balodis Eglīt Zariņ Pētersons Vītoliņ Kļaviņ Kārkliņ Siliņ Vanags Jēkabsons Lapiņ Ābols Pūriņ Grīnberg Auziņ Līcīt Šmits Ķēniņ Ērgl Žagar Čakste Dūdiņ Rozīt Sproģ".split()  # noqa: E501
OTHER_GIVEN = "AHMED OMAR FATIMA AMINA MOHAMMED ALI HASSAN LEYLA ARMAN NURLAN AIGERIM DILNOZA RUSTAM FARRUKH JAMSHID NGUYEN TUAN LINH PRIYA RAHUL ANIL SAMIR YUSUF ZEYNEP".split()  # noqa: E501
OTHER_SUR = "AHMADI KARIMOV RAHIMOVA TASHKENTOVA NAZAROV ABDULLAEV SULTANOV YILMAZ KAYA DEMIR NGUYEN TRAN PHAM SINGH SHARMA PATEL HOSSAIN RAHMAN ISKANDAROV MIRZAEV".split()  # noqa: E501
SYL = "ка ло ви на ре то му за ни ко ра пе ли ше ба ду го мо се та".split()

LV_REPRO = {"Ж": "Ž", "Ш": "Š", "Щ": "Šč", "Ч": "Č", "Х": "H", "Ц": "C", "Ю": "Ju", "Я": "Ja",
            "Й": "J", "Ё": "Jo", "Ы": "I", "Ь": "", "Ъ": "", "Э": "E", "Е": "E"}  # fmt: skip
_LAT = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "З": "Z", "И": "I", "К": "K",
        "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
        "У": "U", "Ф": "F"}  # fmt: skip


def latvian(word: str, masculine: bool) -> str:
    out = []
    for ch in word:
        up = ch.upper()
        lat = LV_REPRO.get(up, _LAT.get(up, ch))
        out.append(lat if ch.isupper() else lat.lower())
    text = "".join(out)
    if masculine:
        if text.endswith(("ий", "ij", "ij")) or text.lower().endswith("ij"):
            return text + "s"
        if text[-1:].lower() in "bcdfghklmnprstvzščž":
            return text + "s"
        if text.lower().endswith("j"):
            return text + "s"
    return text


def surname_ru(rng: random.Random, female: bool) -> str:
    root = rng.choice(ROOTS)
    if rng.random() < 0.35:  # a long tail of rarer surnames
        root = root + "".join(rng.choice(SYL) for _ in range(rng.randint(1, 2)))
    if root.endswith(("ов", "ев", "ёв", "ин")):
        return root + ("а" if female else "")
    ending = rng.choice(["ов", "ев", "ин", "ский", "енко", "ук"])
    if female:
        ending = {"ов": "ова", "ев": "ева", "ин": "ина", "ский": "ская"}.get(ending, ending)
    return root + ending


def dob(rng: random.Random) -> tuple[str, tuple[int, int, int] | None]:
    y, m, d = rng.randint(1940, 2008), rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    if r < 0.05:
        return f"{y:04d}", None
    if r < 0.12:
        return f"{y:04d}-{m:02d}", None
    return f"{y:04d}-{m:02d}-{d:02d}", (d, m, y)


def make_person(i: int, rng: random.Random) -> dict[str, Any]:
    pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    birth, full = dob(rng)
    kind = rng.random()
    p: dict[str, Any] = {"id": pid, "version": 1, "deleted": False, "date_of_birth": birth}
    female = rng.random() < 0.45
    if kind < 0.65:  # Cyrillic original, ICAO Latin, Latvian reproduction
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        sur = surname_ru(rng, female)
        p.update(
            given_names_latin=fold(given),
            surname_latin=fold(sur),
            given_names_native=given,
            surname_native=sur,
            name_reproduction_lv=f"{latvian(given, not female)} {latvian(sur, not female)}",
            nationalities=[{"country": rng.choice(["RUS", "BLR", "UKR"]), "type": "citizen"}],
        )
        if rng.random() < 0.2:
            p["foreign_id_number"] = f"{rng.randint(10**8, 10**9 - 1)}"
            p["foreign_id_country"] = "RUS"
    elif kind < 0.8:  # Latvians (former residents, dual identities)
        given = rng.choice(LV_GIVEN)
        root = rng.choice(LV_SUR)
        fem = given.endswith(("a", "e"))
        sur = root + ("a" if fem else ("š" if root.endswith(("ņ", "īt")) else "s"))
        if root.endswith(("ņ",)):
            sur = root + ("a" if fem else "š")
        p.update(
            given_names_latin=fold(given),
            surname_latin=fold(sur),
            name_reproduction_lv=f"{given} {sur}",
            nationalities=[{"country": "LVA", "type": "citizen"}],
        )
        if full:
            d, m, y = full
            century = "1" if y < 2000 else "2"
            first = f"{d:02d}{m:02d}{y % 100:02d}{century}{rng.randint(0, 999):03d}"
            p["personal_code"] = f"{first[:6]}-{first[6:]}{legacy_check_digit(first)}"
    else:
        p.update(
            given_names_latin=rng.choice(OTHER_GIVEN),
            surname_latin=rng.choice(OTHER_SUR) + rng.choice(["", "", "OV", "I", "A"]),
            nationalities=[
                {"country": rng.choice(["UZB", "AFG", "IND", "VNM"]), "type": "citizen"}
            ],
        )
    p["sex"] = "F" if female else "M"
    return p


def persons(n: int) -> Iterator[tuple[str, dict[str, Any]]]:
    rng = random.Random(SEED)
    for i in range(n):
        yield ("persons", make_person(i, rng))


def generate(path: Path, n: int) -> None:
    LocalStore.rebuild(path)
    store = LocalStore.open(path, KEY)
    start = time.perf_counter()
    it = persons(n)
    done = 0
    while done < n:
        chunk = [next(it) for _ in range(min(20000, n - done))]
        store.cache_records(chunk)
        done += len(chunk)
        if done % 100000 == 0:
            print(
                f"  generated {done:,} persons in {time.perf_counter() - start:.0f} s", flush=True
            )
    store.optimize()
    store.set_meta("bench_persons", str(n))
    store.close()
    print(f"generated {n:,} persons in {time.perf_counter() - start:.0f} s", flush=True)


# --------------------------------------------------------------------------- queries


def bgn(text: str) -> str:
    return " ".join(_transliterate(w, _BGN, iotated_e="YE") for w in text.split())


def make_queries(n_persons: int, count: int) -> list[tuple[str, str]]:
    """(kind, query) drawn from the persons the generator made (same seed)."""
    rng = random.Random(SEED + 1)
    wanted = set(rng.sample(range(n_persons), min(count * 3, n_persons)))
    picked: list[dict[str, Any]] = []
    for i, (_, p) in enumerate(persons(n_persons)):
        if i in wanted:
            picked.append(p)
    rng.shuffle(picked)
    out: list[tuple[str, str]] = []
    kinds = [
        "latvian_diacritics", "cyrillic", "icao", "bgn_variant", "partial", "name_dob",
        "document", "personal_code",
    ]  # fmt: skip
    for p in picked:
        if len(out) >= count:
            break
        kind = kinds[len(out) % len(kinds)]
        native = f"{p.get('given_names_native') or ''} {p.get('surname_native') or ''}".strip()
        if kind == "latvian_diacritics" and p.get("name_reproduction_lv"):
            out.append((kind, p["name_reproduction_lv"]))
        elif kind == "cyrillic" and native:
            out.append((kind, native))
        elif kind == "icao":
            out.append((kind, f"{p['given_names_latin']} {p['surname_latin']}"))
        elif kind == "bgn_variant" and native:
            out.append((kind, bgn(native)))
        elif kind == "partial":
            out.append((kind, f"{p['surname_latin'][:4].lower()} {p['given_names_latin'][:2]}"))
        elif kind == "name_dob":
            y, *rest = p["date_of_birth"].split("-")
            date = f"{rest[1]}.{rest[0]}.{y}" if len(rest) == 2 else y
            out.append((kind, f"{p.get('name_reproduction_lv') or p['surname_latin']} {date}"))
        elif kind == "document" and p.get("foreign_id_number"):
            out.append((kind, p["foreign_id_number"]))
        elif kind == "personal_code" and p.get("personal_code"):
            out.append((kind, p["personal_code"]))
    return out


def _loadavg() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    path = args.file or Path(tempfile.gettempdir()) / f"bench-search-{args.persons}.db"

    reuse = False
    if path.exists() and not args.fresh:
        try:
            s = LocalStore.open(path, KEY)
            reuse = s.get_meta("bench_persons") == str(args.persons)
            s.close()
        except Exception:
            reuse = False
    if not reuse:
        print(f"generating {args.persons:,} persons into {path} …", flush=True)
        ctx = multiprocessing.get_context("spawn")
        child = ctx.Process(target=generate, args=(path, args.persons))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise SystemExit("generation failed")
    queries = make_queries(args.persons, args.queries)

    store = LocalStore.open(path, KEY)
    count = store.person_count()
    raw_engine = make_engine(path, KEY)  # same driver, key and pragmas, no store logic
    raw = raw_engine.raw_connection()
    from sync.query import parse_query

    def raw_fts(q: str) -> int:
        tokens = parse_query(q).names
        expr = " AND ".join(f'"{t}"*' for t in tokens)
        cur = raw.cursor()
        rows = cur.execute(
            "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 50", (expr,)
        ).fetchall()
        cur.close()
        return len(rows)

    for _, q in queries[:50]:  # warm the page caches the same way for both
        store.search(q)
        if parse_query(q).names:
            raw_fts(q)
    ours: list[float] = []
    raws: list[float] = []
    ours_cpu: list[float] = []  # this thread's CPU time: less disturbed by a shared machine
    raws_cpu: list[float] = []
    by_kind: dict[str, list[float]] = {}
    found = 0
    for kind, q in queries:
        t0, c0 = time.perf_counter(), time.thread_time()
        hits = store.search(q)
        dt = (time.perf_counter() - t0) * 1000
        ours_cpu.append((time.thread_time() - c0) * 1000)
        ours.append(dt)
        by_kind.setdefault(kind, []).append(dt)
        found += bool(hits)
        if parse_query(q).names and not parse_query(q).document_numbers:
            t0, c0 = time.perf_counter(), time.thread_time()
            raw_fts(q)
            raws.append((time.perf_counter() - t0) * 1000)
            raws_cpu.append((time.thread_time() - c0) * 1000)
    raw.close()
    raw_engine.dispose()
    store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    size_mb = path.stat().st_size / 1e6
    print(f"cached persons: {count:,}; file {size_mb:.0f} MB (SQLCipher)")
    print(f"queries: {len(queries)}, with hits: {found}")
    for kind, values in by_kind.items():
        print(
            f"  {kind:20s} n={len(values):3d}  p50 {statistics.median(values):6.2f} ms"
            f"  p95 {pct(values, 0.95):6.2f} ms"
        )
    result = {
        "bench": "search",
        "persons": count,
        "queries": len(queries),
        "p50_ms": round(statistics.median(ours), 2),
        "p95_ms": round(pct(ours, 0.95), 2),
        "raw_fts5_p50_ms": round(statistics.median(raws), 2),
        "raw_fts5_p95_ms": round(pct(raws, 0.95), 2),
        "rss_mb": round(rss_mb, 1),
        "cpu_p95_ms": round(pct(ours_cpu, 0.95), 2),
        "raw_fts5_cpu_p95_ms": round(pct(raws_cpu, 0.95), 2),
        "loadavg": _loadavg(),
    }
    print(
        f"local search p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms (goal ≤ 30 ms, "
        f"≤ 2 × raw); raw FTS5 prefix p95 {result['raw_fts5_p95_ms']} ms; "
        f"peak RSS {result['rss_mb']} MB (goal ≤ 400 MB)"
    )
    print(
        f"CPU time: local search p50 {statistics.median(ours_cpu):.2f} ms, p95 "
        f"{result['cpu_p95_ms']} ms; raw FTS5 p95 {result['raw_fts5_cpu_p95_ms']} ms "
        f"({result['cpu_p95_ms'] / result['raw_fts5_cpu_p95_ms']:.2f}×)"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
