"""Other open classifiers: documents, return types, person attributes, costs and tasks
(domain.md §7.3, §7.9, §4.1, §4.9, §4.10)."""

from __future__ import annotations

from registry_core.reference.model import ReferenceItem, Row, make_items


def document_type_items() -> list[ReferenceItem]:
    """§7.3. `mrz_code` is the ICAO 9303 document code the document carries in its MRZ
    (None where it has no MRZ or the code varies by issuer)."""
    rows = (
        Row("P", "Pase", "Passport", {"mrz_code": "P"}),
        Row("PD", "Diplomātiskā pase", "Diplomatic passport", {"mrz_code": "PD"}),
        Row("PS", "Dienesta pase", "Service passport", {"mrz_code": "PS"}),
        Row("PE", "Pagaidu (ārkārtas) pase", "Emergency passport", {"mrz_code": "PE"}),
        Row("ID", "Personas apliecība (ID karte)", "National identity card", {"mrz_code": "I"}),
        Row(
            "ALIEN_PASSPORT",
            "Ārzemnieka pase (piem., Igaunijas izsniegta)",
            "Alien's passport (e.g. issued by Estonia)",
            {"mrz_code": "P"},
        ),
        Row(
            "REFUGEE_TD",
            "Bēgļa ceļošanas dokuments (1951. gada konvencija)",
            "Refugee travel document (1951 Convention)",
            {"mrz_code": "P"},
        ),
        Row(
            "STATELESS_TD",
            "Bezvalstnieka ceļošanas dokuments (1954. gada konvencija)",
            "Stateless person's travel document (1954 Convention)",
            {"mrz_code": "P"},
        ),
        Row("SEAMAN_BOOK", "Jūrnieka grāmatiņa", "Seaman's book", {"mrz_code": None}),
        Row(
            "RESIDENCE_PERMIT",
            "Uzturēšanās atļauja",
            "Residence permit",
            {"mrz_code": None},
        ),
        Row(
            "EMBASSY_RETURN_CERT",
            "Vēstniecības izsniegta atgriešanās apliecība",
            "Return certificate issued by an embassy",
            {"mrz_code": None},
        ),
        Row(
            "EU_RETURN_TD",
            "Eiropas ceļošanas dokuments atgriešanai (Regula (ES) 2016/1953)",
            "European travel document for return (Regulation (EU) 2016/1953)",
            {"mrz_code": None},
        ),
        Row(
            "LV_EXIT_DOC",
            "Izceļošanas dokuments (Latvija)",
            "Exit document (Latvia)",
            {"mrz_code": None},
        ),
        Row("BIRTH_CERT", "Dzimšanas apliecība", "Birth certificate", {"mrz_code": None}),
        Row(
            "OTHER", "Cits vai nezināms dokuments", "Other or unknown document", {"mrz_code": None}
        ),
    )
    return make_items(rows)


def return_type_items() -> list[ReferenceItem]:
    """§7.9 return types; `enforced`/`assisted` give the Eurostat return breakdowns."""
    rows = (
        Row(
            "voluntary",
            "Brīvprātīga atgriešanās",
            "Voluntary return",
            {"enforced": False, "assisted": False},
        ),
        Row(
            "assisted_voluntary",
            "Atbalstīta brīvprātīgā atgriešanās (SMO)",
            "Assisted voluntary return (IOM)",
            {"enforced": False, "assisted": True},
        ),
        Row(
            "forced_unescorted",
            "Piespiedu izraidīšana bez pavadības",
            "Forced removal, unescorted",
            {"enforced": True, "assisted": False},
        ),
        Row(
            "forced_escorted",
            "Piespiedu izraidīšana ar pavadību",
            "Forced removal, escorted",
            {"enforced": True, "assisted": False},
        ),
        Row(
            "readmission",
            "Nodošana saskaņā ar atpakaļuzņemšanas nolīgumu",
            "Readmission handover",
            {"enforced": True, "assisted": False},
        ),
    )
    return make_items(rows)


def vulnerability_items() -> list[ReferenceItem]:
    """Less-protected persons of Cabinet Reg. 454 (§2.4) and unaccompanied minors."""
    rows = (
        Row("minor", "Nepilngadīgais", "Minor"),
        Row("unaccompanied_minor", "Nepavadīts nepilngadīgais", "Unaccompanied minor"),
        Row("disabled", "Persona ar invaliditāti", "Person with a disability"),
        Row(
            "pension_age",
            "Persona, kas sasniegusi Latvijā noteikto vecuma pensijas vecumu",
            "Person of Latvian old-age pension age",
        ),
        Row("pregnant", "Grūtniece", "Pregnant woman"),
        Row(
            "single_parent",
            "Vientuļais vecāks ar nepilngadīgiem bērniem",
            "Single parent with minor children",
        ),
        Row(
            "violence_victim",
            "Persona, kas cietusi no smagas psiholoģiskas, fiziskas vai seksuālas vardarbības",
            "Victim of serious psychological, physical or sexual violence",
        ),
    )
    return make_items(rows)


def warning_flag_items() -> list[ReferenceItem]:
    """SIS warning markers (data item (i) of Reg. (EU) 2018/1861 Art. 20(2))."""
    rows = (
        Row("armed", "Bruņots", "Armed"),
        Row("violent", "Vardarbīgs", "Violent"),
        Row("escaped", "Aizbēdzis vai izbēdzis", "Absconded or escaped"),
        Row("suicide_risk", "Pašnāvības risks", "Suicide risk"),
        Row("public_health_threat", "Drauds sabiedrības veselībai", "Threat to public health"),
        Row("terrorism_related", "Saistīts ar terorismu", "Involved in terrorism-related activity"),
    )
    return make_items(rows)


def marital_status_items() -> list[ReferenceItem]:
    rows = (
        Row("single", "Neprecējies / neprecējusies", "Single (never married)"),
        Row("married", "Precējies / precējusies", "Married"),
        Row("registered_partnership", "Reģistrēta partnerība", "Registered partnership"),
        Row("separated", "Dzīvo šķirti", "Separated"),
        Row("divorced", "Šķīries / šķīrusies", "Divorced"),
        Row("widowed", "Atraitnis / atraitne", "Widowed"),
        Row("unknown", "Nav zināms", "Unknown"),
    )
    return make_items(rows)


def cost_item_items() -> list[ReferenceItem]:
    """Removal cost lines (§4.9)."""
    rows = (
        Row("ticket", "Biļete", "Ticket"),
        Row("escort", "Pavadīšanas izdevumi", "Escort"),
        Row("document", "Ceļošanas dokumenta izdevumi", "Travel document"),
        Row("detention", "Aizturēšanas (izmitināšanas) izdevumi", "Detention"),
        Row("other", "Citi izdevumi", "Other"),
    )
    return make_items(rows)


def task_kind_items() -> list[ReferenceItem]:
    """Deadlines and follow-ups on a case (§2.2, §4.10, §5.2, §5.5)."""
    rows = (
        Row(
            "send_to_vrs",
            "Nosūtīt lēmumu VRS izpildei",
            "Send the decision to VRS for execution",
            {"due_working_days": 1},
        ),
        Row(
            "inform_pmlp",
            "Informēt PMLP par VRS pieņemto lēmumu",
            "Inform PMLP of the VRS decision",
            {"due_working_days": 3},
        ),
        Row(
            "inform_pmlp_execution",
            "Informēt PMLP par lēmuma izpildi",
            "Inform PMLP that the decision was executed",
            {"due_working_days": None},
        ),
        Row(
            "inform_prison",
            "Rakstiski informēt ieslodzījuma vietu",
            "Inform the prison in writing",
            {"due_working_days": 1},
        ),
        # Codes as registry_core.lifecycle.TaskKind names them (the lifecycle creates these).
        Row(
            "sis_enter_return_alert",
            "Ievadīt SIS brīdinājumu par atgriešanu",
            "Enter the SIS return alert",
            {"due_working_days": 1},
        ),
        Row(
            "sis_update_return_alert",
            "Atjaunināt SIS brīdinājumu par atgriešanu",
            "Update the SIS return alert",
            {"due_working_days": 1},
        ),
        Row(
            "sis_delete_return_alert",
            "Dzēst SIS brīdinājumu par atgriešanu",
            "Delete the SIS return alert",
            {"due_working_days": 1},
        ),
        Row(
            "sis_enter_refusal_alert",
            "Ievadīt SIS brīdinājumu par ieceļošanas atteikumu",
            "Enter the SIS refusal-of-entry alert",
            {"due_working_days": 1},
        ),
        Row(
            "detention_review",
            "Aizturēšanas pārskatīšana (beidzas tiesas atļauja)",
            "Detention review (court authorisation expires)",
            {"due_working_days": None},
        ),
        Row(
            "vd_deadline",
            "Brīvprātīgas izbraukšanas termiņš",
            "Voluntary departure deadline",
            {"due_working_days": None},
        ),
        Row("other", "Cits uzdevums", "Other task", {"due_working_days": None}),
    )
    return make_items(rows)
