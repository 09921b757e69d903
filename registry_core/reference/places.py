"""Places and bodies: border crossing points, units, detention places and courts
(domain.md §7.6, §7.7, §4.5)."""

from __future__ import annotations

from datetime import date

from registry_core.reference.model import ExtraValue, ReferenceItem, Row, make_items

# --- border crossing points (§7.6) ------------------------------------------------------

VEHICLES_ONLY_SINCE = "2025-03-19"  # Pāternieki, Grebņeva, Terehova [C S38]


def _bcp(
    kind: str,
    neighbour: str | None,
    *,
    neighbour_bcp: str | None = None,
    status: str = "operating",
    confirmed: bool = True,
    vehicles_only_since: str | None = None,
) -> dict[str, ExtraValue]:
    extra: dict[str, ExtraValue] = {
        "kind": kind,
        "neighbour": neighbour,
        "neighbour_bcp": neighbour_bcp,
        "status": status,
    }
    if vehicles_only_since:
        extra["vehicles_only_since"] = vehicles_only_since
    if not confirmed:
        extra["confirmed"] = False
    return extra


# `neighbour` is the ISO alpha-3 code of the neighbouring state of a land BCP.
BCPS: tuple[Row, ...] = (
    Row(
        "TEREHOVA",
        "Terehova",
        "Terehova",
        _bcp("road", "RUS", neighbour_bcp="Burachki", vehicles_only_since=VEHICLES_ONLY_SINCE),
    ),
    Row(
        "GREBNEVA",
        "Grebņeva",
        "Grebņeva",
        _bcp("road", "RUS", neighbour_bcp="Ubylinka", vehicles_only_since=VEHICLES_ONLY_SINCE),
    ),
    Row(
        "VIENTULI",
        "Vientuļi",
        "Vientuļi",
        _bcp("road", "RUS", neighbour_bcp="Ludonka", status="suspended"),
        valid_to=date(2023, 10, 16),
    ),
    Row(
        "PEDEDZE",
        "Pededze",
        "Pededze",
        _bcp("road", "RUS", status="suspended"),
        valid_to=date(2023, 10, 16),
    ),
    Row(
        "PATERNIEKI",
        "Pāternieki",
        "Pāternieki",
        _bcp(
            "road",
            "BLR",
            neighbour_bcp="Grigorovshchina",
            vehicles_only_since=VEHICLES_ONLY_SINCE,
        ),
    ),
    Row(
        "SILENE",
        "Silene",
        "Silene",
        _bcp("road", "BLR", neighbour_bcp="Urbany", status="suspended"),
        valid_to=date(2023, 9, 19),
    ),
    Row("ZILUPE", "Zilupe (dzelzceļš)", "Zilupe (rail)", _bcp("rail", "RUS", confirmed=False)),
    Row("INDRA", "Indra (dzelzceļš)", "Indra (rail)", _bcp("rail", "BLR", confirmed=False)),
    Row(
        "KARSAVA",
        "Kārsava (dzelzceļš)",
        "Kārsava (rail)",
        _bcp("rail", "RUS", confirmed=False),
    ),
    Row("RIX", 'Lidosta "Rīga"', "Riga Airport", _bcp("air", None)),
    Row("RIGA_PORT", "Rīgas osta", "Port of Riga", _bcp("sea", None)),
    Row("VENTSPILS_PORT", "Ventspils osta", "Port of Ventspils", _bcp("sea", None)),
    Row(
        "LIEPAJA_PORT",
        "Liepājas osta",
        "Port of Liepāja",
        _bcp("sea", None, confirmed=False),
    ),
    Row("SKULTE_PORT", "Skultes osta", "Port of Skulte", _bcp("sea", None, confirmed=False)),
    Row(
        "MERSRAGS_PORT",
        "Mērsraga osta",
        "Port of Mērsrags",
        _bcp("sea", None, confirmed=False),
    ),
    Row(
        "SALACGRIVA_PORT",
        "Salacgrīvas osta",
        "Port of Salacgrīva",
        _bcp("sea", None, confirmed=False),
    ),
    Row("ROJA_PORT", "Rojas osta", "Port of Roja", _bcp("sea", None, confirmed=False)),
    Row(
        "PAVILOSTA_PORT",
        "Pāvilostas osta",
        "Port of Pāvilosta",
        _bcp("sea", None, confirmed=False),
    ),
    Row("ENGURE_PORT", "Engures osta", "Port of Engure", _bcp("sea", None, confirmed=False)),
)


def bcp_items() -> list[ReferenceItem]:
    return make_items(BCPS)


# --- institutions and units (§7.7) ------------------------------------------------------


def _unit(
    institution: str,
    city: str | None,
    *,
    parent: str | None = None,
    confirmed: bool = True,
) -> dict[str, ExtraValue]:
    extra: dict[str, ExtraValue] = {"institution": institution, "city": city}
    if parent:
        extra["parent"] = parent
    if not confirmed:
        extra["confirmed"] = False
    return extra


UNITS: tuple[Row, ...] = (
    # VRS [C S19, S38, S41]
    Row("VRS-GP", "Galvenā pārvalde", "Main Board", _unit("VRS", "Rīga")),
    Row("VRS-RIP", "Rīgas pārvalde", "Riga Board", _unit("VRS", "Rīga")),
    Row(
        "VRS-RIP-VIDZ",
        "Rīgas pārvaldes Vidzemes 2. kategorijas dienests",
        "Riga Board, Vidzeme 2nd-category service",
        _unit("VRS", None, parent="VRS-RIP"),
    ),
    Row("VRS-LUP", "Ludzas pārvalde", "Ludza Board", _unit("VRS", "Ludza")),
    Row("VRS-DAP", "Daugavpils pārvalde", "Daugavpils Board", _unit("VRS", "Daugavpils")),
    Row("VRS-VIP", "Viļakas pārvalde", "Viļaka Board", _unit("VRS", "Viļaka")),
    Row(
        "VRS-VIP-VIL",
        "Viļakas pārvaldes Viļakas 2. kategorijas dienests",
        "Viļaka Board, Viļaka 2nd-category service",
        _unit("VRS", "Viļaka", parent="VRS-VIP"),
    ),
    Row("VRS-VEN", "Ventspils nodaļa", "Ventspils Division", _unit("VRS", "Ventspils")),
    Row(
        "VRS-ASOP",
        "Aviācijas un speciālo operāciju pārvalde",
        "Aviation and Special Operations Board",
        _unit("VRS", "Rīga"),
    ),
    Row(
        "VRS-AAIC-DAU",
        'AĀIC "Daugavpils"',
        'Detention centre for foreigners "Daugavpils"',
        _unit("VRS", "Daugavpils"),
    ),
    Row(
        "VRS-AAIC-MUC",
        'AĀIC "Mucenieki"',
        'Detention centre for foreigners "Mucenieki"',
        _unit("VRS", "Mucenieki"),
    ),
    Row(
        "VRS-LIEPNA",
        'Patvēruma meklētāju izmitināšanas centrs "Liepna"',
        'Accommodation centre for asylum seekers "Liepna"',
        _unit("VRS", "Liepna"),
    ),
    Row(
        "VRS-KOL",
        "Valsts robežsardzes koledža",
        "State Border Guard College",
        _unit("VRS", "Rēzekne"),
    ),
    # PMLP: PSKN [C S20]; territorial divisions [B]
    Row(
        "PMLP-CENTRAL",
        "PMLP centrālais aparāts",
        "PMLP central office",
        _unit("PMLP", "Rīga"),
    ),
    Row(
        "PMLP-PSKN",
        "Personu statusa kontroles nodaļa",
        "Person Status Control Division",
        _unit("PMLP", "Rīga"),
    ),
    Row(
        "PMLP-RZK",
        "Latgales reģionālā nodaļa",
        "Latgale Regional Division",
        _unit("PMLP", "Rēzekne", confirmed=False),
    ),
    Row(
        "PMLP-KUR",
        "Kurzemes reģionālā nodaļa",
        "Kurzeme Regional Division",
        _unit("PMLP", "Liepāja", confirmed=False),
    ),
    Row(
        "PMLP-ZEM",
        "Zemgales reģionālā nodaļa",
        "Zemgale Regional Division",
        _unit("PMLP", "Jelgava", confirmed=False),
    ),
    Row(
        "PMLP-VID",
        "Vidzemes reģionālā nodaļa",
        "Vidzeme Regional Division",
        _unit("PMLP", "Valmiera", confirmed=False),
    ),
    # Other bodies [C S4, S10, S11 / B]
    Row("IEM", "Iekšlietu ministrija", "Ministry of the Interior", _unit("OTHER", "Rīga")),
    Row("AM", "Ārlietu ministrija", "Ministry of Foreign Affairs", _unit("OTHER", "Rīga")),
    Row(
        "AM-KD",
        "Ārlietu ministrijas Konsulārais departaments",
        "Consular Department, Ministry of Foreign Affairs",
        _unit("OTHER", "Rīga", parent="AM"),
    ),
    Row(
        "SAB",
        "Satversmes aizsardzības birojs",
        "Constitution Protection Bureau",
        _unit("OTHER", "Rīga"),
    ),
    Row("VP", "Valsts policija", "State Police", _unit("OTHER", "Rīga")),
    Row(
        "VDD",
        "Valsts drošības dienests",
        "State Security Service",
        _unit("OTHER", "Rīga", confirmed=False),
    ),
    Row(
        "PROK",
        "Ģenerālprokuratūra",
        "Prosecutor General's Office",
        _unit("OTHER", "Rīga"),
    ),
    Row(
        "ARJT",
        "Administratīvā rajona tiesa",
        "Administrative District Court",
        _unit("OTHER", "Rīga"),
    ),
    Row(
        "AAT",
        "Administratīvā apgabaltiesa",
        "Administrative Regional Court",
        _unit("OTHER", "Rīga"),
    ),
    Row("AT", "Augstākā tiesa", "Supreme Court", _unit("OTHER", "Rīga")),
    Row(
        "TIESIBSARGS",
        "Tiesībsarga birojs",
        "Ombudsman's Office",
        _unit("OTHER", "Rīga", confirmed=False),
    ),
    Row(
        "IOM",
        "Starptautiskās Migrācijas organizācijas (SMO) birojs Latvijā",
        "International Organization for Migration (IOM), office in Latvia",
        _unit("OTHER", "Rīga", confirmed=False),
    ),
)


def unit_items() -> list[ReferenceItem]:
    return make_items(UNITS)


# --- detention places (§4.5) -----------------------------------------------------------


def detention_place_items() -> list[ReferenceItem]:
    """VRS temporary holding premises per board, the two AĀIC, prison, other."""
    holding = (
        ("VRS-RIP", "Rīgas pārvaldes", "Riga Board"),
        ("VRS-LUP", "Ludzas pārvaldes", "Ludza Board"),
        ("VRS-DAP", "Daugavpils pārvaldes", "Daugavpils Board"),
        ("VRS-VIP", "Viļakas pārvaldes", "Viļaka Board"),
        ("VRS-ASOP", "Aviācijas un speciālo operāciju pārvaldes", "Aviation and Special Operations Board"),
    )  # fmt: skip
    rows = [
        Row(
            f"HOLD-{unit}",
            f"VRS {board_lv} īslaicīgās turēšanas telpas",
            f"VRS {board_en} temporary holding premises",
            {"kind": "vrs_holding", "unit": unit, "capacity": None},
        )
        for unit, board_lv, board_en in holding
    ]
    rows += [
        Row(
            "AAIC-DAU",
            'AĀIC "Daugavpils"',
            'Detention centre for foreigners "Daugavpils"',
            {"kind": "detention_centre", "unit": "VRS-AAIC-DAU", "capacity": 84},
        ),
        Row(
            "AAIC-MUC",
            'AĀIC "Mucenieki"',
            'Detention centre for foreigners "Mucenieki"',
            {"kind": "detention_centre", "unit": "VRS-AAIC-MUC", "capacity": 84},
        ),
        Row(
            "PRISON",
            "Ieslodzījuma vieta",
            "Prison",
            {"kind": "prison", "unit": None, "capacity": None},
        ),
        Row(
            "OTHER",
            "Cita vieta",
            "Other place",
            {"kind": "other", "unit": None, "capacity": None},
        ),
    ]
    return make_items(rows)


# --- courts ------------------------------------------------------------------------------
# Administrative courts hear appeals against return decisions; courts of general
# jurisdiction (district/city courts) authorise detention beyond the initial VRS period.
# The names of the district courts follow the 2018–2022 court reform [B].


def court_items() -> list[ReferenceItem]:
    rows = (
        Row(
            "ARJT",
            "Administratīvā rajona tiesa",
            "Administrative District Court",
            {"kind": "administrative", "instance": 1},
        ),
        Row(
            "AAT",
            "Administratīvā apgabaltiesa",
            "Administrative Regional Court",
            {"kind": "administrative", "instance": 2},
        ),
        Row("AT", "Augstākā tiesa", "Supreme Court", {"kind": "supreme", "instance": 3}),
        Row(
            "RPT",
            "Rīgas pilsētas tiesa",
            "Riga City Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
        Row(
            "RRT",
            "Rīgas rajona tiesa",
            "Riga District Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
        Row(
            "LRT",
            "Latgales rajona tiesa",
            "Latgale District Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
        Row(
            "VRT",
            "Vidzemes rajona tiesa",
            "Vidzeme District Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
        Row(
            "KRT",
            "Kurzemes rajona tiesa",
            "Kurzeme District Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
        Row(
            "ZRT",
            "Zemgales rajona tiesa",
            "Zemgale District Court",
            {"kind": "district", "instance": 1, "confirmed": False},
        ),
    )
    return make_items(rows)
