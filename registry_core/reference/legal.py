"""Legal classifiers: legal bases, decision types, grounds and reasons (domain.md §7.4–7.9)."""

from __future__ import annotations

from registry_core.records.enums import DecisionType
from registry_core.reference.model import ExtraValue, ReferenceItem, Row, make_items

IMMIGRATION_LAW = "Imigrācijas likums"
RETURN_DIRECTIVE = "Direktīva 2008/115/EK (Atgriešanas direktīva)"
SCHENGEN_BORDERS_CODE = "Regula (ES) 2016/399 (Šengenas Robežu kodekss)"
SIS_RETURN_REGULATION = "Regula (ES) 2018/1860"
SIS_BORDER_REGULATION = "Regula (ES) 2018/1861"


def _basis(
    act: str,
    section: str,
    part: str | None,
    confirmed: bool,
    clause: str | None = None,
) -> dict[str, ExtraValue]:
    return {
        "act": act,
        "section": section,
        "part": part,
        "clause": clause,
        "confirmed": confirmed,
    }


# Code: act prefix (IL Immigration Law, RD Return Directive, SBC Schengen Borders Code,
# SIS-<regulation>) + section (article for EU acts) + part. `confirmed` follows the
# [C]/[B] tags of domain.md §7.4; [B] entries must be checked on likumi.lv before use.
LEGAL_BASES: tuple[Row, ...] = (
    Row(
        "IL-3-3",
        "Imigrācijas likuma 3. panta 3. daļa (reģistra noteikumi)",
        "Immigration Law, Section 3(3) (regulation of the register)",
        _basis(IMMIGRATION_LAW, "3", "3", True),
    ),
    Row(
        "IL-41",
        "Imigrācijas likuma 41. pants (izbraukšanas rīkojums)",
        "Immigration Law, Section 41 (departure order)",
        _basis(IMMIGRATION_LAW, "41", None, True),
    ),
    Row(
        "IL-42",
        "Imigrācijas likuma 42. pants (brīvprātīgas izbraukšanas termiņš)",
        "Immigration Law, Section 42 (voluntary departure period)",
        _basis(IMMIGRATION_LAW, "42", None, False),
    ),
    Row(
        "IL-46",
        "Imigrācijas likuma 46. pants (piespiedu izraidīšana)",
        "Immigration Law, Section 46 (forced removal)",
        _basis(IMMIGRATION_LAW, "46", None, False),
    ),
    Row(
        "IL-47",
        "Imigrācijas likuma 47. pants (lēmuma apstrīdēšana un pārsūdzēšana)",
        "Immigration Law, Section 47 (challenge and appeal)",
        _basis(IMMIGRATION_LAW, "47", None, False),
    ),
    Row(
        "IL-50.3-2",
        "Imigrācijas likuma 50.3 panta 2. daļa (piespiedu izraidīšanas izpilde)",
        "Immigration Law, Section 50.3(2) (execution of forced removal)",
        _basis(IMMIGRATION_LAW, "50.3", "2", True),
    ),
    Row(
        "IL-50.5-2",
        "Imigrācijas likuma 50.5 panta 2. daļa (izceļošanas dokuments)",
        "Immigration Law, Section 50.5(2) (exit document)",
        _basis(IMMIGRATION_LAW, "50.5", "2", True),
    ),
    Row(
        "IL-51",
        "Imigrācijas likuma 51. pants (aizturēšanas pamats)",
        "Immigration Law, Section 51 (grounds for detention)",
        _basis(IMMIGRATION_LAW, "51", None, True),
    ),
    Row(
        "IL-54",
        "Imigrācijas likuma 54. pants (aizturēšanas termiņi)",
        "Immigration Law, Section 54 (detention periods)",
        _basis(IMMIGRATION_LAW, "54", None, False),
    ),
    Row(
        "IL-59",
        "Imigrācijas likuma 59. pants (aizturēto ārzemnieku izmitināšana)",
        "Immigration Law, Section 59 (accommodation of detained foreigners)",
        _basis(IMMIGRATION_LAW, "59", None, True),
    ),
    Row(
        "IL-59.1",
        "Imigrācijas likuma 59.1 pants (izmitināšanas telpu kārtība)",
        "Immigration Law, Section 59.1 (rules of the detention premises)",
        _basis(IMMIGRATION_LAW, "59.1", None, True),
    ),
    Row(
        "IL-59.2",
        "Imigrācijas likuma 59.2 pants (izmitināšanas telpu kārtība)",
        "Immigration Law, Section 59.2 (rules of the detention premises)",
        _basis(IMMIGRATION_LAW, "59.2", None, True),
    ),
    Row(
        "IL-61",
        "Imigrācijas likuma 61. pants (ieceļošanas aizlieguma saraksts)",
        "Immigration Law, Section 61 (national entry-ban list)",
        _basis(IMMIGRATION_LAW, "61", None, True),
    ),
    Row(
        "IL-61-2",
        "Imigrācijas likuma 61. panta 2. daļa (ārlietu ministra lēmums)",
        "Immigration Law, Section 61(2) (decision of the Minister of Foreign Affairs)",
        _basis(IMMIGRATION_LAW, "61", "2", True),
    ),
    Row(
        "RD-6",
        "Atgriešanas direktīvas 6. pants (atgriešanas lēmums)",
        "Return Directive, Article 6 (return decision)",
        _basis(RETURN_DIRECTIVE, "6", None, True),
    ),
    Row(
        "RD-7",
        "Atgriešanas direktīvas 7. pants (brīvprātīga izceļošana)",
        "Return Directive, Article 7 (voluntary departure)",
        _basis(RETURN_DIRECTIVE, "7", None, True),
    ),
    Row(
        "RD-11",
        "Atgriešanas direktīvas 11. pants (ieceļošanas aizliegums)",
        "Return Directive, Article 11 (entry ban)",
        _basis(RETURN_DIRECTIVE, "11", None, True),
    ),
    Row(
        "RD-15",
        "Atgriešanas direktīvas 15. pants (aizturēšana)",
        "Return Directive, Article 15 (detention)",
        _basis(RETURN_DIRECTIVE, "15", None, True),
    ),
    Row(
        "SBC-14",
        "Šengenas Robežu kodeksa 14. pants (ieceļošanas atteikums)",
        "Schengen Borders Code, Article 14 (refusal of entry)",
        _basis(SCHENGEN_BORDERS_CODE, "14", None, False),
    ),
    Row(
        "SIS-1860-3",
        "Regulas (ES) 2018/1860 3. pants (brīdinājumi par atgriešanu)",
        "Regulation (EU) 2018/1860, Article 3 (return alerts)",
        _basis(SIS_RETURN_REGULATION, "3", None, True),
    ),
    Row(
        "SIS-1861-24",
        "Regulas (ES) 2018/1861 24. pants (brīdinājumi par ieceļošanas un uzturēšanās atteikumu)",
        "Regulation (EU) 2018/1861, Article 24 (alerts for refusal of entry and stay)",
        _basis(SIS_BORDER_REGULATION, "24", None, True),
    ),
)


def legal_basis_items() -> list[ReferenceItem]:
    return make_items(LEGAL_BASES)


def decision_type_items() -> list[ReferenceItem]:
    """§7.5; the two return decisions use the `DecisionType` enum values as codes."""
    rows = (
        Row(
            DecisionType.DEPARTURE_ORDER.value,
            "Izbraukšanas rīkojums",
            "Departure order",
            {"return_decision": True},
        ),
        Row(
            DecisionType.REMOVAL_DECISION.value,
            "Lēmums par piespiedu izraidīšanu",
            "Forced-removal decision",
            {"return_decision": True},
        ),
        Row(
            "entry_ban_with_return",
            "Ieceļošanas aizliegums kopā ar atgriešanas lēmumu",
            "Entry ban with a return decision",
        ),
        Row(
            "list_inclusion",
            "Lēmums par iekļaušanu to ārzemnieku sarakstā, kuriem ieceļošana Latvijas Republikā aizliegta",
            "Inclusion in the national list of foreigners banned from entry",
        ),
        Row(
            "list_exclusion",
            "Lēmums par izslēgšanu no to ārzemnieku saraksta, kuriem ieceļošana Latvijas Republikā aizliegta",
            "Exclusion from the national list of foreigners banned from entry",
        ),
        Row(
            "detention_vrs",
            "VRS amatpersonas lēmums par aizturēšanu",
            "Detention decision of a VRS official",
        ),
        Row("detention_court", "Tiesas lēmums par aizturēšanu", "Court decision on detention"),
        Row(
            "detention_extension",
            "Tiesas lēmums par aizturēšanas termiņa pagarināšanu",
            "Court decision extending detention",
        ),
        Row(
            "alternative_measure",
            "Lēmums par alternatīvo līdzekli (uzraudzības pasākumu)",
            "Decision on an alternative (supervision) measure",
        ),
        Row(
            "vd_extension",
            "Lēmums par brīvprātīgas izbraukšanas termiņa pagarināšanu",
            "Extension of the voluntary departure period",
        ),
        Row(
            "removal_postponement",
            "Lēmums par izraidīšanas izpildes atlikšanu",
            "Postponement of removal",
        ),
        Row(
            "challenge_decision",
            "Iestādes vadītāja lēmums par apstrīdēto lēmumu",
            "Decision on a challenge (head of the institution)",
        ),
        Row("court_judgment", "Tiesas spriedums", "Court judgment"),
        Row(
            "border_refusal",
            "Lēmums par ieceļošanas atteikumu uz robežas (ŠRK V pielikuma B daļa)",
            "Refusal of entry at the border (SBC Annex V Part B)",
        ),
    )
    return make_items(rows)


def illegal_stay_reason_items() -> list[ReferenceItem]:
    """§7.8 grounds of illegal stay."""
    rows = (
        Row(
            "visa_overstay", "Pārsniegts vīzā atļautais uzturēšanās laiks", "Visa period overstayed"
        ),
        Row(
            "visa_free_overstay",
            "Pārsniegts bezvīzu uzturēšanās laiks (90 dienas 180 dienu periodā)",
            "Visa-free period overstayed (90 days in any 180)",
        ),
        Row(
            "no_visa_or_permit",
            "Nav derīgas vīzas vai uzturēšanās atļaujas",
            "No valid visa or residence permit",
        ),
        Row(
            "illegal_border_crossing",
            "Nelikumīga valsts robežas šķērsošana",
            "Illegal border crossing",
        ),
        Row(
            "permit_annulled_or_expired",
            "Uzturēšanās atļauja anulēta vai beidzies tās derīguma termiņš",
            "Residence permit annulled or expired",
        ),
        Row("asylum_rejected", "Patvēruma pieteikums noraidīts", "Asylum application rejected"),
        Row(
            "security_threat",
            "Drauds valsts drošībai vai sabiedriskajai kārtībai",
            "Threat to national security or public order",
        ),
        Row(
            "unauthorised_work",
            "Nodarbinātība bez tiesībām strādāt",
            "Work without a right to work",
        ),
        Row("false_documents", "Viltoti vai nepatiesi dokumenti", "False documents"),
        Row("other", "Cits pamats", "Other ground"),
    )
    return make_items(rows)


def refusal_reason_items() -> list[ReferenceItem]:
    """SBC Annex V Part B reasons A–J; the letters are [B] in domain.md §7.8."""
    letters = (
        ("A", "Nav derīga ceļošanas dokumenta", "No valid travel document"),
        (
            "B",
            "Viltots, pakaļdarināts vai falsificēts ceļošanas dokuments",
            "False, counterfeit or forged travel document",
        ),
        ("C", "Nav derīgas vīzas vai uzturēšanās atļaujas", "No valid visa or residence permit"),
        (
            "D",
            "Viltota, pakaļdarināta vai falsificēta vīza vai uzturēšanās atļauja",
            "False, counterfeit or forged visa or residence permit",
        ),
        (
            "E",
            "Nav dokumentu, kas pamato uzturēšanās mērķi un apstākļus",
            "No documents justifying the purpose and conditions of stay",
        ),
        (
            "F",
            "Jau uzturējies 90 dienas pēdējo 180 dienu laikā",
            "Has already stayed 90 days in the last 180",
        ),
        ("G", "Nav pietiekamu iztikas līdzekļu", "Insufficient means of subsistence"),
        (
            "H",
            "Ievadīts brīdinājums par ieceļošanas atteikumu (SIS vai valsts reģistrā)",
            "Alert for refusal of entry (SIS or national register)",
        ),
        (
            "I",
            "Drauds sabiedriskajai kārtībai, iekšējai drošībai, sabiedrības veselībai "
            "vai starptautiskajām attiecībām",
            "Threat to public policy, internal security, public health or international relations",
        ),
        (
            "J",
            "Nav derīgas ETIAS ceļošanas atļaujas",
            "No valid ETIAS travel authorisation",
        ),
    )
    return make_items(
        Row(code, lv, en, {"letter": code, "confirmed": False}) for code, lv, en in letters
    )


def detention_reason_items() -> list[ReferenceItem]:
    """Circumstances of Immigration Law s.51 [C S15]."""
    basis: dict[str, ExtraValue] = {"section": "51"}
    rows = (
        Row(
            "avoid_removal",
            "Ir pamats uzskatīt, ka ārzemnieks izvairīsies no izraidīšanas",
            "Reason to believe the foreigner will avoid removal",
            basis,
        ),
        Row(
            "hinder_removal",
            "Ārzemnieks kavē izraidīšanas sagatavošanu",
            "The foreigner hinders the preparation of removal",
            basis,
        ),
        Row("absconding_risk", "Pastāv bēgšanas risks", "Risk of absconding", basis),
        Row("hiding_identity", "Slēpj savu identitāti", "Hides their identity", basis),
        Row("false_information", "Sniedzis nepatiesas ziņas", "Gave false information", basis),
        Row(
            "non_cooperation",
            "Citādi atsakās sadarboties",
            "Otherwise refuses to cooperate",
            basis,
        ),
        Row("other", "Cits apstāklis", "Other circumstance"),
    )
    return make_items(rows)


def release_reason_items() -> list[ReferenceItem]:
    """Detention sub-lifecycle release reasons (§5.3)."""
    rows = (
        Row("removed", "Izraidīts", "Removed"),
        Row(
            "maximum_reached",
            "Sasniegts maksimālais aizturēšanas termiņš",
            "Maximum detention period reached",
        ),
        Row(
            "alternative_measure",
            "Piemērots alternatīvais līdzeklis",
            "Alternative measure applied",
        ),
        Row("court_order", "Tiesas lēmums", "Court order"),
        Row("asylum", "Patvēruma procedūra", "Asylum procedure"),
        Row("escaped", "Izbēdzis no aizturēšanas", "Escaped from detention"),
        Row("other", "Cits iemesls", "Other reason"),
    )
    return make_items(rows)


def alternative_measure_items() -> list[ReferenceItem]:
    """Alternatives to detention (§2.5 [B]; financial guarantee [I])."""
    rows = (
        Row(
            "reporting",
            "Regulāra reģistrēšanās VRS",
            "Regular reporting to VRS",
            {"confirmed": False},
        ),
        Row(
            "stay_at_place",
            "Uzturēšanās noteiktā dzīvesvietā",
            "Stay at a specified place",
            {"confirmed": False},
        ),
        Row(
            "surrender_travel_document",
            "Ceļošanas dokumenta nodošana VRS",
            "Surrender of the travel document to VRS",
            {"confirmed": False},
        ),
        Row("financial_guarantee", "Finanšu garantija (drošības nauda)", "Financial guarantee"),
        Row("other", "Cits alternatīvais līdzeklis", "Other measure"),
    )
    return make_items(rows)


def obligation_items() -> list[ReferenceItem]:
    """Obligations during the voluntary departure period (Return Directive Art. 7(3))."""
    rows = (
        Row(
            "reporting",
            "Regulāri ierasties un reģistrēties iestādē",
            "Report regularly to the authorities",
        ),
        Row("stay_at_address", "Uzturēties norādītajā adresē", "Stay at a specified address"),
        Row("surrender_document", "Nodot ceļošanas dokumentu", "Surrender the travel document"),
        Row(
            "financial_guarantee",
            "Iemaksāt finanšu garantiju (drošības naudu)",
            "Deposit a financial guarantee",
        ),
    )
    return make_items(rows)
