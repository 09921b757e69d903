"""Labels for the closed value sets of `registry_core.records.enums`.

Each enum is also served as a reference list so that the UI, the printed documents and
the statistics show the same Latvian and English words. Codes are the enum values; the
order is the enum's declaration order. Terms follow shared/glossary.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from registry_core.records import enums as e
from registry_core.reference.model import ExtraValue, ReferenceItem, Row, make_items

LabelRow = tuple[str, str] | tuple[str, str, Mapping[str, ExtraValue]]


class EnumList:
    """One enum-backed list: its name, its labels and the labels of every member."""

    def __init__(
        self,
        name: str,
        label_lv: str,
        label_en: str,
        enum: type[StrEnum],
        labels: Mapping[StrEnum, LabelRow],
    ) -> None:
        self.name = name
        self.label_lv = label_lv
        self.label_en = label_en
        self.enum = enum
        self.labels = labels

    def items(self) -> list[ReferenceItem]:
        rows: list[Row] = []
        for member in self.enum:
            entry = self.labels.get(member)
            if entry is None:
                raise LookupError(
                    f"reference list {self.name!r}: no labels for {self.enum.__name__}.{member.name}"
                )
            extra = entry[2] if len(entry) == 3 else None
            rows.append(Row(member.value, entry[0], entry[1], extra))
        unknown = set(self.labels) - set(self.enum)
        if unknown:
            raise LookupError(f"reference list {self.name!r}: labels for non-members {unknown}")
        return make_items(rows)

    @property
    def factory(self) -> Callable[[], list[ReferenceItem]]:
        return self.items


UNCONFIRMED: Mapping[str, ExtraValue] = {"confirmed": False}

ENUM_LISTS: tuple[EnumList, ...] = (
    EnumList(
        "institution",
        "Iestāde",
        "Institution",
        e.Institution,
        {
            e.Institution.PMLP: (
                "Pilsonības un migrācijas lietu pārvalde (PMLP)",
                "Office of Citizenship and Migration Affairs (PMLP)",
                {"short": "PMLP"},
            ),
            e.Institution.VRS: (
                "Valsts robežsardze (VRS)",
                "State Border Guard (VRS)",
                {"short": "VRS"},
            ),
        },
    ),
    EnumList(
        "role",
        "Lietotāja loma",
        "User role",
        e.Role,
        {
            e.Role.VRS_OFFICER: (
                "VRS imigrācijas kontroles amatpersona",
                "VRS immigration control officer",
                {"institution": "VRS"},
            ),
            e.Role.VRS_DECISION_OFFICIAL: (
                "VRS pilnvarotā amatpersona (lēmumu pieņēmējs)",
                "VRS authorised decision official",
                {"institution": "VRS"},
            ),
            e.Role.VRS_REMOVAL_OFFICER: (
                "VRS izraidīšanas un pavadīšanas amatpersona",
                "VRS removal and escort officer",
                {"institution": "VRS"},
            ),
            e.Role.DETENTION_STAFF: (
                "Aizturēto ārzemnieku izmitināšanas centra darbinieks",
                "Detention centre staff",
                {"institution": "VRS"},
            ),
            e.Role.PMLP_OFFICER: (
                "PMLP amatpersona (PSKN / teritoriālā nodaļa)",
                "PMLP desk officer (PSKN / territorial division)",
                {"institution": "PMLP"},
            ),
            e.Role.PMLP_DECISION_OFFICIAL: (
                "PMLP pilnvarotā amatpersona vai vadītājs",
                "PMLP authorised official or head",
                {"institution": "PMLP"},
            ),
            e.Role.BAN_LIST_ADMIN: (
                "Ieceļošanas aizliegumu saraksta administrators",
                "Entry-ban list administrator",
                {"institution": "PMLP"},
            ),
            e.Role.STATISTICS_ANALYST: (
                "Statistikas analītiķis",
                "Statistics analyst",
                {"institution": None},
            ),
            e.Role.TRAINER: (
                "Pasniedzējs (tikai mācību vidē)",
                "Trainer (training environment only)",
                {"institution": None},
            ),
            e.Role.READ_ONLY: (
                "Tikai lasīšanas tiesības",
                "Read-only consumer",
                {"institution": None},
            ),
            e.Role.ADMINISTRATOR: ("Administrators", "Administrator", {"institution": "PMLP"}),
        },
    ),
    EnumList(
        "sex",
        "Dzimums",
        "Sex",
        e.Sex,
        {
            e.Sex.MALE: ("Vīrietis", "Male", {"eurostat": "M"}),
            e.Sex.FEMALE: ("Sieviete", "Female", {"eurostat": "F"}),
            e.Sex.OTHER: ("Nenoteikts (X)", "Unspecified (X)", {"eurostat": "UNK"}),
            e.Sex.UNKNOWN: ("Nav zināms", "Unknown", {"eurostat": "UNK"}),
        },
    ),
    EnumList(
        "nationality_type",
        "Valstiskās piederības veids",
        "Nationality type",
        e.NationalityType,
        {
            e.NationalityType.CITIZEN: ("Pilsonis", "Citizen", {"eurostat": None}),
            e.NationalityType.STATELESS: (
                "Bezvalstnieks",
                "Stateless person",
                {"eurostat": "STLS"},
            ),
            e.NationalityType.REFUGEE: ("Bēglis", "Refugee", {"eurostat": None}),
            e.NationalityType.NON_CITIZEN_OTHER_STATE: (
                "Citas valsts nepilsonis",
                "Non-citizen of another state",
                {"eurostat": "RNC"},
            ),
            e.NationalityType.UNKNOWN: ("Nav zināms", "Unknown", {"eurostat": "UNK"}),
        },
    ),
    EnumList(
        "document_status",
        "Dokumenta statuss",
        "Document status",
        e.DocumentStatus,
        {
            e.DocumentStatus.PRESENTED: ("Uzrādīts", "Presented"),
            e.DocumentStatus.SEIZED: ("Izņemts (glabājas VRS)", "Seized (held by VRS)"),
            e.DocumentStatus.RETURNED: ("Atdots īpašniekam", "Returned to the holder"),
            e.DocumentStatus.LOST: ("Nozaudēts", "Lost"),
            e.DocumentStatus.STOLEN: ("Nozagts", "Stolen"),
            e.DocumentStatus.FORGED: ("Viltots", "Forged or falsified"),
            e.DocumentStatus.EXPIRED: ("Derīguma termiņš beidzies", "Expired"),
        },
    ),
    EnumList(
        "address_type",
        "Adreses veids",
        "Address type",
        e.AddressType,
        {
            e.AddressType.LATVIA: ("Adrese Latvijā", "Address in Latvia"),
            e.AddressType.ABROAD: ("Adrese ārvalstīs", "Address abroad"),
        },
    ),
    EnumList(
        "case_type",
        "Lietas veids",
        "Case type",
        e.CaseType,
        {
            e.CaseType.RETURN: ("Atgriešanas lieta", "Return case"),
            e.CaseType.ENTRY_BAN_ONLY: (
                "Tikai ieceļošanas aizliegums (Imigrācijas likuma 61. pants)",
                "Entry ban only (Immigration Law Section 61 list)",
            ),
            e.CaseType.BORDER_REFUSAL: (
                "Ieceļošanas atteikums uz robežas",
                "Refusal of entry at the border",
            ),
        },
    ),
    EnumList(
        "case_status",
        "Lietas statuss",
        "Case status",
        e.CaseStatus,
        {
            e.CaseStatus.DETECTED: ("Konstatēts", "Detected"),
            e.CaseStatus.DETAINED: ("Aizturēts", "Detained"),
            e.CaseStatus.DECISION_PENDING: ("Lēmums gatavošanā", "Decision pending"),
            e.CaseStatus.VD_ORDERED: (
                "Izdots izbraukšanas rīkojums",
                "Departure order served",
            ),
            e.CaseStatus.REMOVAL_ORDERED: (
                "Pieņemts lēmums par piespiedu izraidīšanu",
                "Forced-removal decision taken",
            ),
            e.CaseStatus.CHALLENGED: ("Apstrīdēts", "Challenged"),
            e.CaseStatus.APPEALED: ("Pārsūdzēts tiesā", "Appealed to court"),
            e.CaseStatus.POSTPONED: ("Izpilde atlikta", "Enforcement postponed"),
            e.CaseStatus.REMOVAL_PREPARATION: (
                "Izraidīšanas sagatavošana",
                "Removal preparation",
            ),
            e.CaseStatus.DEPARTED_VOLUNTARILY: ("Izceļojis labprātīgi", "Departed voluntarily"),
            e.CaseStatus.REMOVED: ("Izraidīts", "Removed"),
            e.CaseStatus.ABSCONDED: (
                "Atrašanās vieta nezināma",
                "Whereabouts unknown (absconded)",
            ),
            e.CaseStatus.CANCELLED: ("Atcelts", "Cancelled"),
            e.CaseStatus.CLOSED: ("Slēgts", "Closed"),
        },
    ),
    EnumList(
        "detention_status",
        "Aizturēšanas statuss",
        "Detention status",
        e.DetentionStatus,
        {
            e.DetentionStatus.DETAINED_VRS: (
                "Aizturēts ar VRS amatpersonas lēmumu",
                "Detained by a VRS official (initial period)",
            ),
            e.DetentionStatus.DETAINED_COURT: (
                "Aizturēšana ar tiesas lēmumu",
                "Detention authorised by a court",
            ),
            e.DetentionStatus.EXTENDED: ("Aizturēšana pagarināta", "Detention extended"),
            e.DetentionStatus.RELEASED: ("Atbrīvots", "Released"),
        },
    ),
    EnumList(
        "court_decision_type",
        "Tiesas lēmuma veids (aizturēšana)",
        "Court decision type (detention)",
        e.CourtDecisionType,
        {
            e.CourtDecisionType.INITIAL: (
                "Atļauja aizturēt (sākotnējā)",
                "Initial authorisation of detention",
            ),
            e.CourtDecisionType.EXTENSION: (
                "Aizturēšanas termiņa pagarināšana",
                "Extension of detention",
            ),
        },
    ),
    EnumList(
        "decision_status",
        "Lēmuma statuss",
        "Decision status",
        e.DecisionStatus,
        {
            e.DecisionStatus.DRAFT: ("Projekts", "Draft"),
            e.DecisionStatus.SIGNED: ("Parakstīts", "Signed"),
            e.DecisionStatus.SERVED: ("Paziņots", "Served"),
            e.DecisionStatus.IN_FORCE: ("Stājies spēkā", "In force"),
            e.DecisionStatus.SUSPENDED: ("Izpilde apturēta", "Enforcement suspended"),
            e.DecisionStatus.EXECUTED: ("Izpildīts", "Executed"),
            e.DecisionStatus.AMENDED: ("Grozīts", "Amended"),
            e.DecisionStatus.ANNULLED: ("Atcelts", "Annulled"),
        },
    ),
    EnumList(
        "destination_type",
        "Galamērķa veids",
        "Destination type",
        e.DestinationType,
        {
            e.DestinationType.CITIZENSHIP: ("Pilsonības valsts", "Country of citizenship"),
            e.DestinationType.TRANSIT_COUNTRY: (
                "Tranzīta valsts (trešā valsts, caur kuru ieceļojis)",
                "Transit country (third country of entry)",
            ),
            e.DestinationType.OTHER_ADMITTING: (
                "Cita trešā valsts, kas ārzemnieku uzņem",
                "Other third country that admits the person",
            ),
        },
    ),
    EnumList(
        "service_method",
        "Paziņošanas veids",
        "Method of service",
        e.ServiceMethod,
        {
            e.ServiceMethod.IN_PERSON: ("Personīgi", "In person"),
            e.ServiceMethod.POST: ("Pa pastu", "By post"),
            e.ServiceMethod.ELECTRONIC: ("Elektroniski", "Electronically"),
        },
    ),
    EnumList(
        "acknowledgment",
        "Iepazīšanās apliecinājums",
        "Acknowledgment",
        e.Acknowledgment,
        {
            e.Acknowledgment.SIGNED: ("Parakstījās", "Signed"),
            e.Acknowledgment.REFUSED_TO_SIGN: ("Atteicās parakstīt", "Refused to sign"),
            e.Acknowledgment.NOT_YET: ("Vēl nav parakstījies", "Not yet signed"),
        },
    ),
    EnumList(
        "territorial_scope",
        "Aizlieguma teritoriālā darbība",
        "Territorial scope of the ban",
        e.TerritorialScope,
        {
            e.TerritorialScope.LV: ("Tikai Latvija", "Latvia only"),
            e.TerritorialScope.LV_SCHENGEN: (
                "Latvija un Šengenas zona",
                "Latvia and the Schengen area",
            ),
        },
    ),
    EnumList(
        "ban_decision_maker",
        "Ieceļošanas aizlieguma lēmuma pieņēmējs",
        "Entry-ban decision maker",
        e.BanDecisionMaker,
        {
            e.BanDecisionMaker.INTERIOR_MINISTER: (
                "Iekšlietu ministrs",
                "Minister of the Interior",
                {"appealable": True},
            ),
            e.BanDecisionMaker.FOREIGN_MINISTER: (
                "Ārlietu ministrs",
                "Minister of Foreign Affairs",
                {"appealable": False},
            ),
            e.BanDecisionMaker.MFA_CONSULAR: (
                "ĀM Konsulārā departamenta direktors vai diplomātiskā vai konsulārā amatpersona",
                "Director of the MFA Consular Department or a diplomatic or consular official",
                {"appealable": True},
            ),
            e.BanDecisionMaker.PMLP_HEAD: (
                "PMLP priekšnieks vai pilnvarota amatpersona",
                "Head of PMLP or an authorised official",
                {"appealable": True},
            ),
            e.BanDecisionMaker.VRS_HEAD: (
                "VRS priekšnieks vai pilnvarota amatpersona",
                "Chief of VRS or an authorised official",
                {"appealable": True},
            ),
        },
    ),
    EnumList(
        "entry_ban_status",
        "Ieceļošanas aizlieguma statuss",
        "Entry-ban status",
        e.EntryBanStatus,
        {
            e.EntryBanStatus.IMPOSED: (
                "Piemērots (termiņš sāksies pēc izceļošanas)",
                "Imposed (starts on departure)",
            ),
            e.EntryBanStatus.ACTIVE: ("Spēkā", "Active"),
            e.EntryBanStatus.SUSPENDED: ("Apturēts", "Suspended"),
            e.EntryBanStatus.ANNULLED: ("Atcelts", "Annulled or withdrawn"),
            e.EntryBanStatus.EXPIRED: ("Termiņš beidzies", "Expired"),
            e.EntryBanStatus.REMOVED_FROM_LIST: ("Izslēgts no saraksta", "Removed from the list"),
        },
    ),
    EnumList(
        "appeal_kind",
        "Apstrīdēšanas vai pārsūdzības veids",
        "Challenge or appeal kind",
        e.AppealKind,
        {
            e.AppealKind.CHALLENGE: (
                "Apstrīdēšana iestādes vadītājam",
                "Challenge to the head of the institution",
                {"suspensive": True},
            ),
            e.AppealKind.DISTRICT_COURT: (
                "Pārsūdzība Administratīvajā rajona tiesā",
                "Appeal to the Administrative District Court",
                {"suspensive": False},
            ),
            e.AppealKind.HIGHER_COURT: (
                "Pārsūdzība augstākas instances tiesā (apelācija, kasācija)",
                "Appeal to a higher court (appeal, cassation)",
                {"suspensive": False},
            ),
            e.AppealKind.COURT_MINISTER_LIST: (
                "Pārsūdzība tiesā (iekšlietu ministra lēmums par iekļaušanu sarakstā)",
                "Court appeal (Interior Minister's list decision)",
                {"suspensive": False},
            ),
        },
    ),
    EnumList(
        "appeal_outcome",
        "Apstrīdēšanas vai pārsūdzības iznākums",
        "Challenge or appeal outcome",
        e.AppealOutcome,
        {
            e.AppealOutcome.UPHELD: ("Atstāts negrozīts", "Upheld"),
            e.AppealOutcome.ANNULLED: ("Atcelts", "Annulled"),
            e.AppealOutcome.AMENDED: ("Grozīts", "Amended"),
            e.AppealOutcome.WITHDRAWN: ("Atsaukts", "Withdrawn"),
        },
    ),
    EnumList(
        "interim_relief",
        "Pagaidu aizsardzība",
        "Interim relief",
        e.InterimRelief,
        {
            e.InterimRelief.GRANTED: ("Piemērota", "Granted"),
            e.InterimRelief.REFUSED: ("Atteikta", "Refused"),
        },
    ),
    EnumList(
        "exit_type",
        "Izceļošanas veids",
        "Exit type",
        e.ExitType,
        {
            e.ExitType.VOLUNTARY: (
                "Brīvprātīga izceļošana (ar saviem līdzekļiem)",
                "Voluntary departure (own means)",
                {"enforced": False, "assisted": False},
            ),
            e.ExitType.ASSISTED_VOLUNTARY: (
                "Atbalstīta brīvprātīgā atgriešanās (SMO)",
                "Assisted voluntary return (IOM)",
                {"enforced": False, "assisted": True},
            ),
            e.ExitType.FORCED_UNESCORTED: (
                "Piespiedu izraidīšana bez pavadības",
                "Forced removal, unescorted",
                {"enforced": True, "assisted": False},
            ),
            e.ExitType.FORCED_ESCORTED: (
                "Piespiedu izraidīšana ar pavadību",
                "Forced removal, escorted",
                {"enforced": True, "assisted": False},
            ),
            e.ExitType.READMISSION: (
                "Nodošana saskaņā ar atpakaļuzņemšanas nolīgumu",
                "Readmission handover",
                {"enforced": True, "assisted": False},
            ),
            e.ExitType.FRONTEX_OPERATION: (
                "Frontex kopīgā (čartera) operācija",
                "Frontex joint (charter) operation",
                {"enforced": True, "assisted": False},
            ),
        },
    ),
    EnumList(
        "transport_mode",
        "Transporta veids",
        "Transport mode",
        e.TransportMode,
        {
            e.TransportMode.AIR: ("Gaisa transports", "Air", {"eurostat_border": "AIR"}),
            e.TransportMode.ROAD: (
                "Sauszemes transports — autoceļš",
                "Land — road",
                {"eurostat_border": "LAND"},
            ),
            e.TransportMode.RAIL: (
                "Sauszemes transports — dzelzceļš",
                "Land — rail",
                {"eurostat_border": "LAND"},
            ),
            e.TransportMode.SEA: ("Jūras transports", "Sea", {"eurostat_border": "SEA"}),
        },
    ),
    EnumList(
        "travel_doc_used",
        "Izmantotais ceļošanas dokuments",
        "Travel document used",
        e.TravelDocUsed,
        {
            e.TravelDocUsed.NATIONAL_PASSPORT: ("Nacionālā pase", "National passport"),
            e.TravelDocUsed.EMBASSY_DOCUMENT: (
                "Vēstniecības vai konsulāta izsniegts ceļošanas dokuments",
                "Travel document issued by an embassy or consulate",
            ),
            e.TravelDocUsed.EU_TRAVEL_DOCUMENT: (
                "Eiropas ceļošanas dokuments atgriešanai (Regula (ES) 2016/1953)",
                "European travel document for return (Regulation (EU) 2016/1953)",
            ),
            e.TravelDocUsed.LV_EXIT_DOCUMENT: (
                "Latvijas izceļošanas dokuments",
                "Latvian exit document",
            ),
        },
    ),
    EnumList(
        "payer_type",
        "Izdevumu segšanas pienākums",
        "Payer of costs",
        e.PayerType,
        {
            # Removal-cost liability is background knowledge in domain.md §2.4 [B].
            e.PayerType.FOREIGNER: ("Ārzemnieks", "Foreigner", UNCONFIRMED),
            e.PayerType.INVITER: ("Ielūdzējs vai galvotājs", "Inviter or sponsor", UNCONFIRMED),
            e.PayerType.CARRIER: ("Pārvadātājs", "Carrier", UNCONFIRMED),
            e.PayerType.EMPLOYER: ("Darba devējs", "Employer", UNCONFIRMED),
            e.PayerType.STATE: ("Valsts (VRS budžets)", "State (VRS budget)", UNCONFIRMED),
        },
    ),
    EnumList(
        "recovery_status",
        "Izdevumu piedziņas statuss",
        "Cost recovery status",
        e.RecoveryStatus,
        {
            e.RecoveryStatus.NOT_DUE: ("Nav piedzenams", "Not due"),
            e.RecoveryStatus.OUTSTANDING: ("Nav atmaksāts", "Outstanding"),
            e.RecoveryStatus.RECOVERED: ("Piedzīts", "Recovered"),
            e.RecoveryStatus.WRITTEN_OFF: ("Norakstīts", "Written off"),
        },
    ),
    EnumList(
        "readmission_agreement",
        "Atpakaļuzņemšanas nolīgums",
        "Readmission agreement",
        e.ReadmissionAgreement,
        {
            # Eurostat migr_eirt_agr breakdown is [B] in domain.md §3.4.
            e.ReadmissionAgreement.EU: (
                "ES atpakaļuzņemšanas nolīgums",
                "EU readmission agreement",
                UNCONFIRMED,
            ),
            e.ReadmissionAgreement.BILATERAL: (
                "Divpusējs nolīgums",
                "Bilateral agreement",
                UNCONFIRMED,
            ),
            e.ReadmissionAgreement.NONE: ("Bez nolīguma", "No agreement", UNCONFIRMED),
        },
    ),
    EnumList(
        "sis_alert_type",
        "SIS brīdinājuma veids",
        "SIS alert type",
        e.SisAlertType,
        {
            e.SisAlertType.RETURN: (
                "Brīdinājums par atgriešanu (Regula (ES) 2018/1860)",
                "Return alert (Regulation (EU) 2018/1860)",
            ),
            e.SisAlertType.REFUSAL: (
                "Brīdinājums par ieceļošanas un uzturēšanās atteikumu (Regula (ES) 2018/1861)",
                "Alert for refusal of entry and stay (Regulation (EU) 2018/1861)",
            ),
        },
    ),
    EnumList(
        "sis_alert_status",
        "SIS brīdinājuma statuss",
        "SIS alert status",
        e.SisAlertStatus,
        {
            e.SisAlertStatus.ENTERED: ("Ievadīts", "Entered"),
            e.SisAlertStatus.DELETED: ("Dzēsts", "Deleted"),
        },
    ),
    EnumList(
        "task_status",
        "Uzdevuma statuss",
        "Task status",
        e.TaskStatus,
        {
            e.TaskStatus.OPEN: ("Atvērts", "Open"),
            e.TaskStatus.DONE: ("Izpildīts", "Done"),
            e.TaskStatus.CANCELLED: ("Atcelts", "Cancelled"),
        },
    ),
)
