"""The one table of printed labels (Latvian, English).

Keys are ``<collection>.<field>`` for record fields (the names forms/*.yaml bind to, so the
form definitions' print hints can later replace entries through `register_labels`) and
``doc.<name>`` for the fixed wording of the documents. Terms follow shared/glossary.md.
"""

from __future__ import annotations

from collections.abc import Mapping

from registry_desktop.printing.context import PrintContext

Pair = tuple[str, str]

_FIELDS: dict[str, Pair] = {
    # persons
    "persons.surname_latin": ("Uzvārds", "Surname"),
    "persons.given_names_latin": ("Vārds (vārdi)", "Given name(s)"),
    "persons.patronymic": ("Tēvvārds", "Patronymic"),
    "persons.surname_native": ("Uzvārds oriģinālrakstībā", "Surname in original script"),
    "persons.given_names_native": ("Vārds oriģinālrakstībā", "Given names in original script"),
    "persons.name_reproduction_lv": ("Vārds latviešu valodā", "Name as reproduced in Latvian"),
    "persons.names_at_birth": ("Vārds dzimšanas brīdī", "Name at birth"),
    "persons.previous_surnames": ("Iepriekšējie uzvārdi", "Previous surnames"),
    "persons.sex": ("Dzimums", "Sex"),
    "persons.date_of_birth": ("Dzimšanas datums", "Date of birth"),
    "persons.country_of_birth": ("Dzimšanas valsts", "Country of birth"),
    "persons.place_of_birth": ("Dzimšanas vieta", "Place of birth"),
    "persons.nationalities": ("Pilsonība", "Nationality"),
    "persons.ethnicity": ("Tautība", "Ethnicity"),
    "persons.personal_code": ("Personas kods", "Personal code"),
    "persons.foreign_id_number": ("Ārvalsts identifikācijas numurs", "Foreign identity number"),
    "persons.marital_status": ("Ģimenes stāvoklis", "Marital status"),
    "persons.special_features": ("Īpašās pazīmes", "Distinguishing marks"),
    "persons.warning_flags": ("Brīdinājuma zīmes", "Warning flags"),
    "persons.vulnerabilities": ("Mazāk aizsargātā persona", "Vulnerable person"),
    "persons.unaccompanied_minor": ("Nepavadīts nepilngadīgais", "Unaccompanied minor"),
    "persons.guardian": ("Aizbildnis vai pārstāvis", "Guardian or representative"),
    "persons.languages": ("Valodas, ko persona saprot", "Languages understood"),
    "persons.other_identities": ("Citas identitātes", "Other identities"),
    "persons.other_identities.surname": ("Uzvārds", "Surname"),
    "persons.other_identities.given_names": ("Vārds (vārdi)", "Given name(s)"),
    "persons.other_identities.date_of_birth": ("Dzimšanas datums", "Date of birth"),
    "persons.other_identities.nationality": ("Pilsonība", "Nationality"),
    "persons.other_identities.source": ("Avots", "Source"),
    # documents
    "documents.doc_type": ("Dokumenta veids", "Document type"),
    "documents.series_and_number": ("Sērija un numurs", "Series and number"),
    "documents.issuing_state": ("Izdevēja valsts", "Issuing state"),
    "documents.issuing_authority": ("Izdevējiestāde", "Issuing authority"),
    "documents.issue_date": ("Izdošanas datums", "Date of issue"),
    "documents.valid_until": ("Derīgs līdz", "Valid until"),
    "documents.doc_status": ("Statuss", "Status"),
    # cases
    "cases.case_no": ("Lietas numurs", "Case number"),
    "cases.status": ("Lietas statuss", "Case status"),
    "cases.case_type": ("Lietas veids", "Case type"),
    "cases.owner_institution": ("Iestāde", "Institution"),
    "cases.owner_unit": ("Struktūrvienība", "Unit"),
    "cases.detection_date": ("Konstatēšanas datums", "Date of detection"),
    "cases.detection_place": ("Konstatēšanas vieta", "Place of detection"),
    "cases.detecting_unit": ("Konstatēja", "Detected by"),
    "cases.illegal_stay_grounds": ("Nelikumīgas uzturēšanās pamats", "Grounds of illegal stay"),
    "cases.legal_basis": ("Tiesiskais pamats", "Legal basis"),
    "cases.responsible_officer": ("Atbildīgā amatpersona", "Responsible officer"),
    "cases.vd_deadline": ("Brīvprātīgas izbraukšanas termiņš", "Voluntary departure deadline"),
    "cases.next_deadline": ("Nākamais termiņš", "Next deadline"),
    # detentions
    "detentions.detained_at": ("Aizturēts", "Detained at"),
    "detentions.detention_reason": ("Aizturēšanas pamats", "Reason for detention"),
    "detentions.reason_text": ("Pamatojums", "Reasons"),
    "detentions.detaining_unit": ("Aizturēja (struktūrvienība)", "Detaining unit"),
    "detentions.detaining_official": ("Aizturēja (amatpersona)", "Detaining official"),
    "detentions.place_of_detention": ("Aizturēšanas vieta", "Place of detention"),
    "detentions.journal_no": ("Reģistrācijas numurs žurnālā", "Journal registration no."),
    "detentions.status": ("Statuss", "Status"),
    "detentions.released_at": ("Atbrīvots", "Released at"),
    "detentions.release_reason": ("Atbrīvošanas iemesls", "Reason for release"),
    "detentions.court_authorisations": ("Tiesas lēmumi", "Court decisions"),
    "detentions.court_authorisations.court": ("Tiesa", "Court"),
    "detentions.court_authorisations.decision_date": ("Lēmuma datums", "Decision date"),
    "detentions.court_authorisations.authorised_until": ("Atļauts līdz", "Authorised until"),
    "detentions.court_authorisations.type": ("Veids", "Type"),
    "detentions.alternative_measures": ("Alternatīvie līdzekļi", "Alternatives to detention"),
    "detentions.alternative_measures.measure": ("Līdzeklis", "Measure"),
    "detentions.alternative_measures.date_from": ("No", "From"),
    "detentions.alternative_measures.date_to": ("Līdz", "To"),
    # decisions
    "decisions.decision_type": ("Lēmuma veids", "Decision type"),
    "decisions.decision_no": ("Lēmuma numurs", "Decision number"),
    "decisions.decision_date": ("Lēmuma datums", "Decision date"),
    "decisions.issuing_institution": ("Iestāde", "Institution"),
    "decisions.issuing_unit": ("Struktūrvienība", "Unit"),
    "decisions.official": ("Lēmuma pieņēmējs", "Decided by"),
    "decisions.official_position": ("Amats", "Position"),
    "decisions.legal_basis": ("Tiesiskais pamats", "Legal basis"),
    "decisions.facts": ("Faktiskie apstākļi un pierādījumi", "Facts and evidence"),
    "decisions.destination_type": ("Galamērķa veids", "Type of destination"),
    "decisions.destination_country": ("Galamērķa valsts", "Country of destination"),
    "decisions.vd_period_days": ("Izbraukšanas termiņš, dienas", "Departure period, days"),
    "decisions.vd_deadline": ("Izbraukt līdz", "Leave by"),
    "decisions.obligations": ("Pienākumi izbraukšanas laikā", "Obligations until departure"),
    "decisions.signed_at": ("Parakstīts", "Signed"),
    "decisions.served_at": ("Izsniegts / paziņots", "Served"),
    "decisions.service_method": ("Paziņošanas veids", "Service method"),
    "decisions.acknowledgment": ("Parakstīšana", "Acknowledgment"),
    "decisions.refusal_note": ("Amatpersonas atzīme", "Official's note"),
    "decisions.person_explanation": ("Personas paskaidrojums", "Person's explanation"),
    "decisions.translation_language": ("Tulkojuma valoda", "Translation language"),
    "decisions.interpreter": ("Tulks", "Interpreter"),
    "decisions.in_force_date": ("Stājas spēkā", "In force from"),
    "decisions.suspended": ("Izpildes atlikšana", "Postponement of enforcement"),
    "decisions.suspension_reason": ("Atlikšanas iemesls", "Reason for postponement"),
    "decisions.sis_return_alert_id": ("SIS atgriešanas brīdinājums", "SIS return alert"),
    "decisions.status": ("Statuss", "Status"),
    # entry bans
    "entry-bans.ban_decision_date": ("Lēmuma datums", "Decision date"),
    "entry-bans.valid_from": ("Spēkā no", "Valid from"),
    "entry-bans.duration": ("Ilgums", "Duration"),
    "entry-bans.valid_until": ("Spēkā līdz", "Valid until"),
    "entry-bans.territorial_scope": ("Teritorija", "Territorial scope"),
    "entry-bans.decision_maker": ("Lēmuma pieņēmējs", "Decision maker"),
    "entry-bans.legal_basis": ("Tiesiskais pamats", "Legal basis"),
    "entry-bans.violation_date": ("Pārkāpuma datums", "Date of violation"),
    "entry-bans.violation_place": ("Pārkāpuma vieta", "Place of violation"),
    "entry-bans.appealable": ("Pārsūdzams", "Appealable"),
    "entry-bans.status": ("Statuss", "Status"),
    "entry-bans.sis_refusal_alert_id": (
        "SIS ieceļošanas atteikuma brīdinājums",
        "SIS refusal alert",
    ),
    "entry-bans.sis_entered_at": ("Ievadīts SIS", "Entered in SIS"),
    # appeals
    "appeals.kind": ("Veids", "Kind"),
    "appeals.filed_date": ("Iesniegts", "Filed"),
    "appeals.received_by": ("Saņēma", "Received by"),
    "appeals.suspensive": ("Aptur izpildi", "Suspensive"),
    "appeals.interim_relief": ("Pagaidu aizsardzība", "Interim relief"),
    "appeals.outcome": ("Rezultāts", "Outcome"),
    "appeals.outcome_date": ("Rezultāta datums", "Date of outcome"),
    # departures
    "departures.exit_type": ("Izceļošanas veids", "Exit type"),
    "departures.exit_at": ("Datums un laiks", "Date and time"),
    "departures.bcp": ("Robežšķērsošanas vieta", "Border crossing point"),
    "departures.foreign_airport": ("Ārvalsts lidosta", "Foreign airport"),
    "departures.transport_mode": ("Transporta veids", "Transport"),
    "departures.destination_country": ("Galamērķa valsts", "Country of destination"),
    "departures.travel_doc_used": ("Ceļošanas dokuments", "Travel document used"),
    "departures.notice_given_at": ("Paziņojums sniegts", "Notice given"),
    "departures.notice_short_reason": ("Saīsināta termiņa iemesls", "Reason for short notice"),
    "departures.escort": ("Pavadība", "Escort"),
    "departures.monitor_body": ("Uzraudzītājs", "Monitor"),
    "departures.aborted_reason": ("Pārtraukta, iemesls", "Aborted, reason"),
    "departures.readmission_agreement": ("Atpakaļuzņemšanas nolīgums", "Readmission agreement"),
    # SIS alerts
    "sis-alerts.alert_type": ("Brīdinājuma veids", "Alert type"),
    "sis-alerts.national_alert_id": ("Brīdinājuma identifikators", "Alert ID"),
    "sis-alerts.entered_at": ("Ievadīts", "Entered"),
    "sis-alerts.status": ("Statuss", "Status"),
    "sis-alerts.deleted_at": ("Dzēsts", "Deleted"),
    "sis-alerts.deletion_reason": ("Dzēšanas iemesls", "Reason for deletion"),
}

_DOCUMENT: dict[str, Pair] = {
    "doc.register": (
        "Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs",
        "Register of Returned Foreigners and Entry Bans",
    ),
    "doc.case_sheet": ("Lietas kartīte", "Case sheet"),
    "doc.departure_order": ("Izbraukšanas rīkojums", "Departure order"),
    "doc.removal_decision": ("Lēmums par piespiedu izraidīšanu", "Forced-removal decision"),
    "doc.removal_notice": ("Paziņojums par plānoto izraidīšanu", "Notice of planned removal"),
    "doc.entry_ban_decision": ("Lēmums par ieceļošanas aizliegumu", "Entry-ban decision"),
    "doc.detention_record": ("Aizturēšanas protokols", "Detention record"),
    "doc.submission_proof": ("Apliecinājums par iesniegšanu reģistrā", "Proof of submission"),
    # section headings
    "doc.section.case": ("Lieta", "Case"),
    "doc.section.person": ("Persona", "Person"),
    "doc.section.documents": (
        "Personu apliecinoši un ceļošanas dokumenti",
        "Identity and travel documents",
    ),
    "doc.section.detentions": ("Aizturēšana", "Detention"),
    "doc.section.decisions": ("Lēmumi", "Decisions"),
    "doc.section.appeals": ("Apstrīdēšana un pārsūdzība", "Challenges and appeals"),
    "doc.section.entry_bans": ("Ieceļošanas aizliegumi", "Entry bans"),
    "doc.section.departures": ("Izraidīšanas izpilde", "Removal execution"),
    "doc.section.sis_alerts": ("SIS brīdinājumi", "SIS alerts"),
    "doc.section.official": ("Lēmuma pieņēmējs", "Decision maker"),
    "doc.section.facts": ("Faktiskie apstākļi un tiesiskais pamats", "Facts and legal basis"),
    "doc.section.operative": ("Lēmums", "Decision"),
    "doc.section.appeal_info": (
        "Apstrīdēšanas un pārsūdzēšanas kārtība",
        "How to challenge or appeal",
    ),
    "doc.section.signature": ("Paraksts", "Signature"),
    "doc.section.acknowledgment": ("Iepazīšanās apliecinājums", "Acknowledgment"),
    "doc.section.removal": ("Plānotā izraidīšana", "Planned removal"),
    "doc.section.ban_terms": ("Aizlieguma nosacījumi", "Terms of the ban"),
    "doc.section.detention": ("Aizturēšanas apstākļi", "Circumstances of detention"),
    "doc.section.release": ("Atbrīvošana", "Release"),
    "doc.section.submission": ("Iesniegtais ieraksts", "Submitted record"),
    # fixed wording
    "doc.photo": ("Foto", "Photo"),
    "doc.none": ("Nav ierakstu", "No records"),
    "doc.yes": ("Jā", "Yes"),
    "doc.no": ("Nē", "No"),
    "doc.indefinite": ("uz nenoteiktu laiku", "indefinite"),
    "doc.pending_departure": ("izceļošanas dienas", "the day of departure"),
    "doc.restricted": ("Ierobežotas pieejamības informācija", "Restricted information"),
    "doc.court_line": ("tiesas lēmums", "court decision"),
    "doc.date_place": ("Datums un vieta", "Date and place"),
    "doc.person_signature": ("Personas paraksts", "Signature of the person"),
    "doc.official_signature": ("Amatpersonas paraksts", "Signature of the official"),
    "doc.stamp": ("Z. v.", "Stamp"),
    "doc.date_time": ("Datums, laiks", "Date, time"),
    "doc.interpreter_signature": (
        "Tulka vārds, uzvārds, paraksts",
        "Interpreter's name, signature",
    ),
    "doc.language_used": ("Valoda, kurā paziņots", "Language used"),
    "doc.acknowledgment_text": (
        "Ar lēmumu iepazinos, tā saturs man ir saprotams, un lēmuma kopiju saņēmu.",
        "I have read the decision, I understand it, and I have received a copy.",
    ),
    "doc.notice_ack_text": (
        "Ar paziņojumu iepazinos un tā kopiju saņēmu.",
        "I have read the notice and received a copy.",
    ),
    "doc.detention_ack_text": (
        "Ar aizturēšanas protokolu un savām tiesībām iepazinos, protokola kopiju saņēmu.",
        "I have read the detention record and been told my rights; I have received a copy.",
    ),
    "doc.refused_to_sign": (
        "Atteicās parakstīt (amatpersonas atzīme)",
        "Refused to sign (official's note)",
    ),
    "doc.explanation": ("Personas rakstisks paskaidrojums", "The person's written explanation"),
    "doc.registry_number": ("Reģistra numurs", "Registry number"),
    "doc.registry_time": ("Reģistrēšanas laiks", "Registry time"),
    "doc.submitted_by": ("Iesniedza", "Submitted by"),
    "doc.submitted_what": ("Iesniegtais", "What was submitted"),
    "doc.record_id": ("Ieraksta identifikators", "Record ID"),
    "doc.record_version": ("Versija", "Version"),
    "doc.not_assigned": ("nav piešķirts", "not assigned"),
    "doc.submission_text": (
        "Apliecinām, ka norādītais ieraksts ir saņemts un reģistrēts reģistrā.",
        "We confirm that the record below has been received and registered in the registry.",
    ),
    "doc.case_ref": ("Lieta", "Case"),
    "doc.decision_ref": ("Lēmums", "Decision"),
    "doc.notice_rules": (
        "Paziņojumu sniedz ne vēlāk kā 12 stundas pirms izraidīšanas sākuma vai, norādot "
        "iemeslu, ne vēlāk kā 1 stundu pirms tās.",
        "The notice is given at least 12 hours before the removal starts or, with a stated "
        "reason, at least 1 hour before it.",
    ),
    # page furniture (the glossary fixes these words)
    "doc.personal_data": ("Satur personas datus", "Contains personal data"),
    "doc.printed_by": ("Izdrukāja", "Printed by"),
    "doc.printed_at": ("Izdrukāts", "Printed at"),
    "doc.page": ("Lapa", "Page"),
    "doc.record": ("Ieraksts", "Record"),
    "doc.training": ("MĀCĪBU VIDE — dati nav īsti", "TRAINING — data is not real"),
    "doc.training_short": ("MĀCĪBU VIDE", "TRAINING"),
    "doc.provisional": ("PROVIZORISKS — VĒL NAV REĢISTRĀ", "PROVISIONAL — NOT YET IN THE REGISTRY"),
    "doc.provisional_short": ("PROVIZORISKS", "PROVISIONAL"),
}

_LABELS: dict[str, Pair] = {**_FIELDS, **_DOCUMENT}


def register_labels(labels: Mapping[str, Pair]) -> None:
    """Replace or add labels, e.g. from the print hints of forms/*.yaml."""
    _LABELS.update(labels)


def pair(key: str) -> Pair:
    """(Latvian, English) for `key`; a missing key is a template bug and fails loudly."""
    return _LABELS[key]


def both(key: str) -> str:
    """Always bilingual ("Satur personas datus / Contains personal data")."""
    lv, en = _LABELS[key]
    return f"{lv} / {en}"


def text(key: str, ctx: PrintContext) -> str:
    """Latvian, or "Latvian / English" when the caller asked for bilingual labels."""
    lv, en = _LABELS[key]
    return f"{lv} / {en}" if ctx.bilingual_labels else lv


def field(collection: str, name: str, ctx: PrintContext) -> str:
    return text(f"{collection}.{name}", ctx)
