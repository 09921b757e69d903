<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv_LV" sourcelanguage="en_GB">
<context>
    <name>Age</name>
    <message>
        <source>never fetched</source>
        <translation>nekad nav ielādēti</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>tikko</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>pirms %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>pirms %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>pirms %1 d</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Field</source>
        <translation>Lauks</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Iepriekš</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mans</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Reģistrā</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Paliek</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>juridisks</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mans</translation>
    </message>
    <message>
        <source>registry&apos;s</source>
        <translation>reģistra</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>nav izvēlēts</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Choose a value for: %1</source>
        <translation>Izvēlieties vērtību laukiem: %1</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikts</translation>
    </message>
    <message>
        <source>The registry changed %1 %2 while your change waited. Decide field by field which value stays.</source>
        <translation>Kamēr jūsu izmaiņa gaidīja, reģistrā mainīts %1 %2. Izlemiet katram laukam, kura vērtība paliek.</translation>
    </message>
    <message>
        <source>Fields marked § are legal fields: they are never merged automatically.</source>
        <translation>Ar § atzīmētie lauki ir juridiski: tos nekad neapvieno automātiski.</translation>
    </message>
    <message>
        <source>Keys: M keep mine, R take the registry&apos;s, Shift+M / Shift+R for every field, Up/Down or Tab between fields, Enter apply.</source>
        <translation>Taustiņi: M — paturēt manu, R — ņemt reģistra, Shift+M / Shift+R — visiem laukiem, bultas vai Tab — starp laukiem, Enter — piemērot.</translation>
    </message>
    <message>
        <source>Clashing fields</source>
        <translation>Konfliktējošie lauki</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Paturēt &amp;manu</translation>
    </message>
    <message>
        <source>Take the &amp;registry&apos;s</source>
        <translation>Ņemt &amp;reģistra</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Piemērot</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Discard change</source>
        <translation>Atmest izmaiņu</translation>
    </message>
    <message>
        <source>Discard the change to %1 %2? These values are lost and never reach the registry: %3.</source>
        <translation>Atmest izmaiņu ierakstā %1 %2? Šīs vērtības zudīs un reģistrā nenonāks: %3.</translation>
    </message>
    <message>
        <source>%1 changes that depend on it stay blocked until they are discarded too.</source>
        <translation>%1 no tās atkarīgās izmaiņas paliks bloķētas, līdz arī tās tiks atmestas.</translation>
    </message>
    <message>
        <source>The registry records that you discarded it.</source>
        <translation>Reģistrs piereģistrēs, ka jūs to atmetāt.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Iemesls:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Iemesls</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Atmest</translation>
    </message>
    <message>
        <source>Discarded by the officer</source>
        <translation>Amatpersona atmeta</translation>
    </message>
</context>
<context>
    <name>DocumentChooser</name>
    <message>
        <source>Case sheet</source>
        <translation>Lietas lapa</translation>
    </message>
    <message>
        <source>Departure order</source>
        <translation>Lēmums par atgriešanu</translation>
    </message>
    <message>
        <source>Forced-removal decision</source>
        <translation>Izraidīšanas rīkojums</translation>
    </message>
    <message>
        <source>Notice of planned removal</source>
        <translation>Paziņojums par plānoto izraidīšanu</translation>
    </message>
    <message>
        <source>Entry-ban decision</source>
        <translation>Lēmums par ieceļošanas aizliegumu</translation>
    </message>
    <message>
        <source>Detention record</source>
        <translation>Aizturēšanas protokols</translation>
    </message>
    <message>
        <source>Proof of submission</source>
        <translation>Apliecinājums par iesniegšanu</translation>
    </message>
    <message>
        <source>Case sheets</source>
        <translation>Lietu lapas</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drukāt</translation>
    </message>
    <message>
        <source>&amp;Document to print:</source>
        <translation>&amp;Drukājamais dokuments:</translation>
    </message>
    <message>
        <source>Document to print</source>
        <translation>Drukājamais dokuments</translation>
    </message>
    <message>
        <source>Field labels also in &amp;English</source>
        <translation>Lauku nosaukumi arī &amp;angliski</translation>
    </message>
    <message>
        <source>Field labels also in English</source>
        <translation>Lauku nosaukumi arī angliski</translation>
    </message>
    <message>
        <source>&amp;Operative part repeated in:</source>
        <translation>&amp;Rezolutīvā daļa atkārtota:</translation>
    </message>
    <message>
        <source>Operative part repeated in</source>
        <translation>Rezolutīvā daļa atkārtota</translation>
    </message>
    <message>
        <source>No translation</source>
        <translation>Bez tulkojuma</translation>
    </message>
    <message>
        <source>English</source>
        <translation>angliski</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>krieviski</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Given names (Latin)</source>
        <translation>Vārds(-i) latīņu burtiem</translation>
    </message>
    <message>
        <source>Surname (Latin)</source>
        <translation>Uzvārds latīņu burtiem</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Tēvvārds</translation>
    </message>
    <message>
        <source>Given names (original script)</source>
        <translation>Vārds(-i) oriģinālrakstībā</translation>
    </message>
    <message>
        <source>Surname (original script)</source>
        <translation>Uzvārds oriģinālrakstībā</translation>
    </message>
    <message>
        <source>Name as reproduced in Latvian</source>
        <translation>Vārds un uzvārds latviešu valodā</translation>
    </message>
    <message>
        <source>Names at birth</source>
        <translation>Vārdi dzimšanas brīdī</translation>
    </message>
    <message>
        <source>Previous surnames</source>
        <translation>Iepriekšējie uzvārdi</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Dzimums</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Pilsonība</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Tautība</translation>
    </message>
    <message>
        <source>Country of birth</source>
        <translation>Dzimšanas valsts</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Dzimšanas vieta</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dzimšanas datums</translation>
    </message>
    <message>
        <source>Personal code</source>
        <translation>Personas kods</translation>
    </message>
    <message>
        <source>Foreign identity number</source>
        <translation>Ārvalsts identifikācijas numurs</translation>
    </message>
    <message>
        <source>Issuing country of the foreign number</source>
        <translation>Ārvalsts numura izdevēja valsts</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Ģimenes stāvoklis</translation>
    </message>
    <message>
        <source>Special features</source>
        <translation>Īpašas pazīmes</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Brīdinājumi</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Mazāk aizsargātas personas pazīmes</translation>
    </message>
    <message>
        <source>Unaccompanied minor</source>
        <translation>Nepavadīts nepilngadīgais</translation>
    </message>
    <message>
        <source>Guardian or representative</source>
        <translation>Aizbildnis vai pārstāvis</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Valodas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Piezīmes</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vārds(-i)</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Avots</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumenta veids</translation>
    </message>
    <message>
        <source>Series and number</source>
        <translation>Sērija un numurs</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Izdošanas datums</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Derīgs līdz</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Izdevēja valsts</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>Izdevējiestāde</translation>
    </message>
    <message>
        <source>MRZ</source>
        <translation>MRZ</translation>
    </message>
    <message>
        <source>Document status</source>
        <translation>Dokumenta statuss</translation>
    </message>
    <message>
        <source>Address type</source>
        <translation>Adreses veids</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Pilsēta</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Novads</translation>
    </message>
    <message>
        <source>Parish</source>
        <translation>Pagasts</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Ciems</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Iela</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Māja</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Korpuss</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Dzīvoklis</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Pasta indekss</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adrese</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Valsts</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Derīgs no</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Derīgs līdz</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Lietas numurs</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Iestāde</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Lietas veids</translation>
    </message>
    <message>
        <source>Detection date</source>
        <translation>Konstatēšanas datums</translation>
    </message>
    <message>
        <source>Place of detection</source>
        <translation>Konstatēšanas vieta</translation>
    </message>
    <message>
        <source>Detecting unit</source>
        <translation>Konstatējusī struktūrvienība</translation>
    </message>
    <message>
        <source>Grounds of the illegal stay</source>
        <translation>Nelikumīgas uzturēšanās pamats</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Tiesiskais pamats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuss</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Atbildīgā amatpersona</translation>
    </message>
    <message>
        <source>Voluntary departure deadline</source>
        <translation>Brīvprātīgas izbraukšanas termiņš</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Nākamais termiņš</translation>
    </message>
    <message>
        <source>Detained at</source>
        <translation>Aizturēts</translation>
    </message>
    <message>
        <source>Reason for detention</source>
        <translation>Aizturēšanas iemesls</translation>
    </message>
    <message>
        <source>Reason (text)</source>
        <translation>Iemesls (teksts)</translation>
    </message>
    <message>
        <source>Detaining unit</source>
        <translation>Aizturējusī struktūrvienība</translation>
    </message>
    <message>
        <source>Detaining official</source>
        <translation>Aizturējusī amatpersona</translation>
    </message>
    <message>
        <source>Place of detention</source>
        <translation>Aizturēšanas vieta</translation>
    </message>
    <message>
        <source>Journal number</source>
        <translation>Žurnāla numurs</translation>
    </message>
    <message>
        <source>Court authorisations</source>
        <translation>Tiesas atļaujas</translation>
    </message>
    <message>
        <source>Alternatives to detention</source>
        <translation>Alternatīvie līdzekļi</translation>
    </message>
    <message>
        <source>Released at</source>
        <translation>Atbrīvots</translation>
    </message>
    <message>
        <source>Release reason</source>
        <translation>Atbrīvošanas iemesls</translation>
    </message>
    <message>
        <source>Decision type</source>
        <translation>Lēmuma veids</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Lēmuma numurs</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Lēmuma datums</translation>
    </message>
    <message>
        <source>Issuing institution</source>
        <translation>Izdevēja iestāde</translation>
    </message>
    <message>
        <source>Issuing unit</source>
        <translation>Izdevēja struktūrvienība</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Pieņēma</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Fakti</translation>
    </message>
    <message>
        <source>Destination type</source>
        <translation>Galamērķa veids</translation>
    </message>
    <message>
        <source>Destination country</source>
        <translation>Galamērķa valsts</translation>
    </message>
    <message>
        <source>Voluntary departure period (days)</source>
        <translation>Brīvprātīgas izbraukšanas termiņš (dienas)</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>Pienākumi</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Parakstīts</translation>
    </message>
    <message>
        <source>Served at</source>
        <translation>Paziņots</translation>
    </message>
    <message>
        <source>Service method</source>
        <translation>Paziņošanas veids</translation>
    </message>
    <message>
        <source>Acknowledgment</source>
        <translation>Apliecinājums</translation>
    </message>
    <message>
        <source>Refusal note</source>
        <translation>Atzīme par atteikumu</translation>
    </message>
    <message>
        <source>Explanation of the person</source>
        <translation>Personas paskaidrojums</translation>
    </message>
    <message>
        <source>Translation language</source>
        <translation>Tulkojuma valoda</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tulks</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Stājas spēkā</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Apturēts</translation>
    </message>
    <message>
        <source>Suspension reason</source>
        <translation>Apturēšanas iemesls</translation>
    </message>
    <message>
        <source>Reason for annulment</source>
        <translation>Atcelšanas iemesls</translation>
    </message>
    <message>
        <source>Ban decision date</source>
        <translation>Aizlieguma lēmuma datums</translation>
    </message>
    <message>
        <source>Starts on departure</source>
        <translation>Sākas ar izceļošanu</translation>
    </message>
    <message>
        <source>Duration (years)</source>
        <translation>Ilgums (gadi)</translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation>Ilgums (mēneši)</translation>
    </message>
    <message>
        <source>Indefinite</source>
        <translation>Uz nenoteiktu laiku</translation>
    </message>
    <message>
        <source>Territorial scope</source>
        <translation>Teritoriālā darbība</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Lēmuma pieņēmējs</translation>
    </message>
    <message>
        <source>Date of the violation</source>
        <translation>Pārkāpuma datums</translation>
    </message>
    <message>
        <source>Place of the violation</source>
        <translation>Pārkāpuma vieta</translation>
    </message>
    <message>
        <source>Appealable</source>
        <translation>Pārsūdzams</translation>
    </message>
    <message>
        <source>Reasons restricted</source>
        <translation>Pamatojums ierobežotas pieejamības</translation>
    </message>
    <message>
        <source>Entered in SIS</source>
        <translation>Ievadīts SIS</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Iesniegts</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Saņēma</translation>
    </message>
    <message>
        <source>Suspensive</source>
        <translation>Aptur izpildi</translation>
    </message>
    <message>
        <source>Interim relief</source>
        <translation>Pagaidu aizsardzība</translation>
    </message>
    <message>
        <source>Interim relief date</source>
        <translation>Pagaidu aizsardzības datums</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Iznākums</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>Iznākuma datums</translation>
    </message>
    <message>
        <source>Exit type</source>
        <translation>Izceļošanas veids</translation>
    </message>
    <message>
        <source>Exit at</source>
        <translation>Izceļoja</translation>
    </message>
    <message>
        <source>Border crossing point</source>
        <translation>Robežšķērsošanas vieta</translation>
    </message>
    <message>
        <source>Foreign airport</source>
        <translation>Ārvalsts lidosta</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transports</translation>
    </message>
    <message>
        <source>Travel document used</source>
        <translation>Izmantotais ceļošanas dokuments</translation>
    </message>
    <message>
        <source>Notice of planned removal given at</source>
        <translation>Paziņojums par plānoto izraidīšanu sniegts</translation>
    </message>
    <message>
        <source>Reason for short notice</source>
        <translation>Īsa paziņojuma iemesls</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>Konvojs</translation>
    </message>
    <message>
        <source>Monitor present</source>
        <translation>Piedalījās uzraugs</translation>
    </message>
    <message>
        <source>Monitoring body</source>
        <translation>Uzraudzības iestāde</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Pārtraukts</translation>
    </message>
    <message>
        <source>Reason for abort</source>
        <translation>Pārtraukšanas iemesls</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Izdevumi</translation>
    </message>
    <message>
        <source>Readmission agreement</source>
        <translation>Atpakaļuzņemšanas līgums</translation>
    </message>
    <message>
        <source>Assisted</source>
        <translation>Ar atbalstu</translation>
    </message>
    <message>
        <source>Alert type</source>
        <translation>Brīdinājuma veids</translation>
    </message>
    <message>
        <source>National alert ID</source>
        <translation>Nacionālais brīdinājuma ID</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>Ievadīts</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>Dzēsts</translation>
    </message>
    <message>
        <source>Deletion reason</source>
        <translation>Dzēšanas iemesls</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>To unit</source>
        <translation>Struktūrvienībai</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Nosaukums</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Termiņš</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Izpildīts</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versija</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Mainīts</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Mainīja</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Izveidots</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Izveidoja</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>jā</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nē</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <source>Help</source>
        <translation>Palīdzība</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Meklēšana</translation>
    </message>
    <message>
        <source>Type into the one search box: a name in any script or spelling (Latvian letters, Cyrillic, transliterations), a date of birth — full (12.03.1990) or partial (1990, 03.1990) —, a document number, a personal code, or paste the machine-readable zone (MRZ) of a document.</source>
        <translation>Rakstiet vienā meklēšanas laukā: vārdu jebkurā rakstībā (latviešu burtiem, kirilicā, transliterētu), dzimšanas datumu — pilnu (12.03.1990) vai daļēju (1990, 03.1990) —, dokumenta numuru, personas kodu vai ielīmējiet dokumenta mašīnlasāmo zonu (MRZ).</translation>
    </message>
    <message>
        <source>Results from the local cache appear at once; when the registry can be reached its results are merged in. Each result shows where it came from (◆ registry, ◇ local cache) and how old the data is.</source>
        <translation>Rezultāti no lokālās kešatmiņas parādās uzreiz; ja reģistrs ir sasniedzams, tā rezultāti tiek pievienoti. Katrs rezultāts rāda, no kurienes tas iegūts (◆ reģistrs, ◇ lokālā kešatmiņa) un cik veci ir dati.</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Darbs bezsaistē</translation>
    </message>
    <message>
        <source>When the registry cannot be reached, an officer who has logged in on this computer before can choose “Work offline” at login and work with the local data. The status bar shows ○ Offline and the age of the data.</source>
        <translation>Ja reģistrs nav sasniedzams, amatpersona, kas šajā datorā jau ir pieteikusies, pieteikšanās logā var izvēlēties “Strādāt bezsaistē” un strādāt ar lokālajiem datiem. Statusa joslā redzams ○ Bezsaistē un datu vecums.</translation>
    </message>
    <message>
        <source>Locking</source>
        <translation>Bloķēšana</translation>
    </message>
    <message>
        <source>After a time without input the session locks; enter your password to continue. Your open records stay open.</source>
        <translation>Pēc bezdarbības laika sesija tiek bloķēta; lai turpinātu, ievadiet paroli. Atvērtie ieraksti paliek atvērti.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Mācības</translation>
    </message>
    <message>
        <source>In the training environment (orange MĀCĪBU VIDE banner) all data is fictitious. Training ▸ Reset training data restores the initial state.</source>
        <translation>Mācību vidē (oranžā josla MĀCĪBU VIDE) visi dati ir izdomāti. Mācības ▸ Atjaunot mācību datus atjauno sākotnējo stāvokli.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked</source>
        <translation>Bloķēts</translation>
    </message>
    <message>
        <source>The session of %1 was locked after a time without input. Enter the password to continue; your open records are kept.</source>
        <translation>Lietotāja %1 sesija bloķēta pēc bezdarbības laika. Lai turpinātu, ievadiet paroli; atvērtie ieraksti ir saglabāti.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Parole:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Atbloķēt</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Connecting to the registry…</source>
        <translation>Savienojas ar reģistru…</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password cannot be remembered.</source>
        <translation>Šim datoram nav paroļu glabātuves: paroli nevar atcerēties.</translation>
    </message>
    <message>
        <source>Training environment (fictitious data)</source>
        <translation>Mācību vide (izdomāti dati)</translation>
    </message>
    <message>
        <source>Log in — Register of Returned Foreigners and Entry Bans</source>
        <translation>Pieteikšanās — Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs</translation>
    </message>
    <message>
        <source>Your session has expired. Enter your password to continue; your open records stay open.</source>
        <translation>Jūsu sesija ir beigusies. Lai turpinātu, ievadiet paroli; atvērtie ieraksti paliek atvērti.</translation>
    </message>
    <message>
        <source>Log in with your registry account.</source>
        <translation>Piesakieties ar savu reģistra kontu.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveris</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Lietotājvārds</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Parole</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Atcerēties mani šajā datorā</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Pieteikties</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>Strādāt &amp;bezsaistē</translation>
    </message>
    <message>
        <source>Re&amp;build the local cache</source>
        <translation>&amp;Izveidot lokālo kešatmiņu no jauna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atcelt</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveris</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Lietotājvārds</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Atcerēties mani šajā datorā</translation>
    </message>
    <message>
        <source>No registry server is configured.</source>
        <translation>Nav norādīts neviens reģistra serveris.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Ievadiet lietotājvārdu un paroli.</translation>
    </message>
    <message>
        <source>Unlocking the local data…</source>
        <translation>Atbloķē lokālos datus…</translation>
    </message>
    <message>
        <source>Opening the local data…</source>
        <translation>Atver lokālos datus…</translation>
    </message>
    <message>
        <source>Rebuilding the local cache…</source>
        <translation>Izveido lokālo kešatmiņu no jauna…</translation>
    </message>
    <message>
        <source>If you have logged in on this computer before, choose “Work offline” to open your local data; your changes will wait in the outbox.</source>
        <translation>Ja šajā datorā jau esat pieteicies, izvēlieties “Strādāt bezsaistē”, lai atvērtu lokālos datus; jūsu izmaiņas gaidīs izsūtnē.</translation>
    </message>
    <message>
        <source>Choose “Rebuild the local cache” to start a new cache; nothing waiting in the outbox is removed without asking.</source>
        <translation>Izvēlieties “Izveidot lokālo kešatmiņu no jauna”, lai sāktu jaunu kešatmiņu; nekas no izsūtnes netiek dzēsts bez jautāšanas.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a record to print it.</source>
        <translation>Atveriet ierakstu, lai to izdrukātu.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveris: %1</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Amatpersona: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Tiešsaistē</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Bezsaistē</translation>
    </message>
    <message>
        <source>Cached data: %1</source>
        <translation>Lokālie dati: %1</translation>
    </message>
    <message>
        <source>Reset training data</source>
        <translation>Atjaunot mācību datus</translation>
    </message>
    <message>
        <source>Restore the training registry to its seeded state? Every change made during this training is removed and the open records are closed.</source>
        <translation>Atjaunot mācību reģistra sākotnējo stāvokli? Visas šo mācību laikā veiktās izmaiņas tiks dzēstas, un atvērtie ieraksti tiks aizvērti.</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Meklēt</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Mans darbs</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Izsūtne</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistika</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Palīdzība</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigācija</translation>
    </message>
    <message>
        <source>Open records</source>
        <translation>Atvērtie ieraksti</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fails</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Skats</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Valoda</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Mācības</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Palīdzība</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Meklēt</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Jauna persona</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drukāt…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Aizvērt cilni</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Nākamā cilne</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Iepriekšējā cilne</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloķēt</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Iziet</translation>
    </message>
    <message>
        <source>&amp;My work</source>
        <translation>&amp;Mans darbs</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Izsūtne</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>S&amp;tatistika</translation>
    </message>
    <message>
        <source>&amp;Reset training data…</source>
        <translation>&amp;Atjaunot mācību datus…</translation>
    </message>
    <message>
        <source>The record is not in the local cache.</source>
        <translation>Ieraksts nav lokālajā kešatmiņā.</translation>
    </message>
    <message>
        <source>The forms are not available.</source>
        <translation>Formas nav pieejamas.</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 conflicts, %3 rejected</source>
        <translation>Izsūtne: %1 gaida, %2 konflikti, %3 noraidīti</translation>
    </message>
    <message>
        <source>sync paused</source>
        <translation>sinhronizācija apturēta</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Pēdējā sinhronizācija: %1</translation>
    </message>
    <message>
        <source>reference lists: %1</source>
        <translation>klasifikatori: %1</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Iziet no sesijas</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Iziet no sesijas</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Beigt darbu</translation>
    </message>
    <message>
        <source>%1 changes are not yet in the registry. They stay saved on this computer for %2 and are sent the next time %2 logs in here; no other officer sees or sends them. Continue?</source>
        <translation>%1 izmaiņas vēl nav reģistrā. Tās paliek saglabātas šajā datorā lietotājam %2 un tiks nosūtītas, kad %2 šeit nākamreiz pieslēgsies; citas amatpersonas tās neredz un nesūta. Turpināt?</translation>
    </message>
</context>
<context>
    <name>MrzField</name>
    <message>
        <source>MRZ (machine-readable zone)</source>
        <translation>MRZ (mašīnlasāmā zona)</translation>
    </message>
</context>
<context>
    <name>MyWorkModel</name>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termiņš</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Atlikušas dienas</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Lietas numurs</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Temats</translation>
    </message>
    <message>
        <source>Case deadline</source>
        <translation>Lietas termiņš</translation>
    </message>
    <message>
        <source>Task from the other institution</source>
        <translation>Otras iestādes uzdevums</translation>
    </message>
    <message>
        <source>overdue by %1 d</source>
        <translation>nokavēts par %1 d</translation>
    </message>
    <message>
        <source>today</source>
        <translation>šodien</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message>
        <source>Reading the local cache…</source>
        <translation>Lasa lokālo kešatmiņu…</translation>
    </message>
    <message>
        <source>Nothing due for your unit in the local cache.</source>
        <translation>Lokālajā kešatmiņā jūsu struktūrvienībai nav termiņu.</translation>
    </message>
    <message>
        <source>%1 items for unit %2, from the local cache.</source>
        <translation>%1 ieraksti struktūrvienībai %2 no lokālās kešatmiņas.</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Mans darbs</translation>
    </message>
    <message>
        <source>Print case &amp;sheets</source>
        <translation>Drukāt lietu &amp;lapas</translation>
    </message>
    <message>
        <source>Print case sheets</source>
        <translation>Drukāt lietu lapas</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>pending</source>
        <translation>gaida</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sūta</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>pieņemts</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>konflikts</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>noraidīts</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloķēts</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stāvoklis</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ieraksts</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lauks</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Mēģinājumi</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Pēdējā kļūda</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saglabāts</translation>
    </message>
    <message>
        <source>new</source>
        <translation>jauns</translation>
    </message>
    <message>
        <source>change</source>
        <translation>izmaiņa</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>dzēšana</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Resume s&amp;ync</source>
        <translation>Atsākt s&amp;inhronizāciju</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>&amp;Apturēt sinhronizāciju</translation>
    </message>
    <message>
        <source>Reading the outbox…</source>
        <translation>Nolasa izsūtni…</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change is in the registry.</source>
        <translation>Nekas negaida: visas izmaiņas ir reģistrā.</translation>
    </message>
    <message>
        <source>%1 changes in the outbox, %2 need your attention.</source>
        <translation>Izsūtnē %1 izmaiņas, %2 prasa jūsu uzmanību.</translation>
    </message>
    <message>
        <source>Shown: %1 (all that need attention, the first waiting, the latest sent).</source>
        <translation>Parādīti: %1 (visi, kam vajadzīga uzmanība, pirmie gaidošie, pēdējie nosūtītie).</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Izsūtne</translation>
    </message>
    <message>
        <source>Resolve &amp;conflict</source>
        <translation>Risināt &amp;konfliktu</translation>
    </message>
    <message>
        <source>&amp;Go to field</source>
        <translation>&amp;Uz lauku</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Sūtīt vēlreiz</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>A&amp;tmest…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sinhronizēt &amp;tagad</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Drukāt</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Atjaunot</translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation>Dzimšanas datums: %1</translation>
    </message>
    <message>
        <source>Nationality: %1</source>
        <translation>Pilsonība: %1</translation>
    </message>
    <message>
        <source>From the registry, %1.</source>
        <translation>No reģistra, %1.</translation>
    </message>
    <message>
        <source>Local copy (%1). Not refreshed from the registry.</source>
        <translation>Lokālā kopija (%1). Nav atjaunota no reģistra.</translation>
    </message>
    <message>
        <source>This person&apos;s card is not in the local cache. Connect to the registry to open it.</source>
        <translation>Šīs personas kartītes nav lokālajā kešatmiņā. Lai to atvērtu, pieslēdzieties reģistram.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ielādē…</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Nav reģistrēts.</translation>
    </message>
    <message>
        <source>Next deadline %1 — overdue by %2 days</source>
        <translation>Nākamais termiņš %1 — nokavēts par %2 dienām</translation>
    </message>
    <message>
        <source>Next deadline %1 — today</source>
        <translation>Nākamais termiņš %1 — šodien</translation>
    </message>
    <message>
        <source>Next deadline %1 — %2 days left</source>
        <translation>Nākamais termiņš %1 — atlikušas %2 dienas</translation>
    </message>
    <message>
        <source>The history is read from the registry when online.</source>
        <translation>Vēsture tiek nolasīta no reģistra tiešsaistē.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3 · %4</source>
        <translation>Versija %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Mainīts: %1</translation>
    </message>
    <message>
        <source>part</source>
        <translation>daļa</translation>
    </message>
    <message>
        <source>clause</source>
        <translation>punkts</translation>
    </message>
    <message>
        <source>created</source>
        <translation>izveidots</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>mainīts</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>dzēsts</translation>
    </message>
    <message>
        <source>action</source>
        <translation>darbība</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>apvienots</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>Outbox</source>
        <translation>Izsūtne</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistika</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Jauna persona</translation>
    </message>
    <message>
        <source>Changes waiting for the registry will be listed here. There are none: nothing is waiting.</source>
        <translation>Šeit būs izmaiņas, kas gaida nosūtīšanu uz reģistru. Pašlaik nekas negaida.</translation>
    </message>
    <message>
        <source>Statistics will be available in a later version.</source>
        <translation>Statistika būs pieejama nākamajā versijā.</translation>
    </message>
    <message>
        <source>The form for a new person will be available in a later version. Search first: the person may already be registered.</source>
        <translation>Jaunas personas veidlapa būs pieejama nākamajā versijā. Vispirms meklējiet: persona jau var būt reģistrēta.</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>Open a record to print it.</source>
        <translation>Atveriet ierakstu, lai to drukātu.</translation>
    </message>
    <message>
        <source>There are no cases in the list to print.</source>
        <translation>Sarakstā nav lietu, ko drukāt.</translation>
    </message>
    <message>
        <source>The cases of the list are not in the local cache.</source>
        <translation>Saraksta lietas nav lokālajā kešatmiņā.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Drukas priekšskatījums — %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Drukas priekšskatījums</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Sagatavo dokumentu…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuss</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Gaita</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Iepriekšējā lapa</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nākamā lapa</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Lapa</translation>
    </message>
    <message>
        <source>Page count</source>
        <translation>Lapu skaits</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Mērogs</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drukāt…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drukāt</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Saglabāt kā PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Saglabāt kā PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Aizvērt</translation>
    </message>
    <message>
        <source>Page image</source>
        <translation>Lapas attēls</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Priekšskatījums</translation>
    </message>
    <message>
        <source>Preparing the document… %1 of %2</source>
        <translation>Sagatavo dokumentu… %1 no %2</translation>
    </message>
    <message>
        <source>Ready: %1 pages</source>
        <translation>Gatavs: %1 lapas</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>no %1</translation>
    </message>
    <message>
        <source>The document could not be prepared: %1</source>
        <translation>Dokumentu nevarēja sagatavot: %1</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumenti (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Source</source>
        <translation>Avots</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vārds(-i)</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Oriģinālrakstībā</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dzimšanas datums</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Pilsonība</translation>
    </message>
    <message>
        <source>Personal code / document</source>
        <translation>Personas kods / dokuments</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>Datu vecums</translation>
    </message>
    <message>
        <source>Fetched: %1</source>
        <translation>Ielādēts: %1</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Reģistrs</translation>
    </message>
    <message>
        <source>Local cache</source>
        <translation>Lokālā kešatmiņa</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Searching…</source>
        <translation>Meklē…</translation>
    </message>
    <message>
        <source>%1 found in the local cache; asking the registry…</source>
        <translation>Lokālajā kešatmiņā atrasti %1; vaicā reģistram…</translation>
    </message>
    <message>
        <source>Offline: %1 found in the local cache.</source>
        <translation>Bezsaistē: lokālajā kešatmiņā atrasti %1.</translation>
    </message>
    <message>
        <source>%1 found (%2 from the registry, %3 only in the local cache).</source>
        <translation>Atrasti %1 (%2 no reģistra, %3 tikai lokālajā kešatmiņā).</translation>
    </message>
    <message>
        <source>%1 found in the local cache only. %2</source>
        <translation>Atrasti %1 tikai lokālajā kešatmiņā. %2</translation>
    </message>
    <message>
        <source>MRZ read: document %1, %2 %3, born %4.</source>
        <translation>Nolasīta MRZ: dokuments %1, %2 %3, dzimis(-usi) %4.</translation>
    </message>
    <message>
        <source>Collecting the cases of the selected persons…</source>
        <translation>Apkopo atlasīto personu lietas…</translation>
    </message>
    <message>
        <source>%1 case sheets go to the print preview.</source>
        <translation>%1 lietu lapas tiek nosūtītas uz drukas priekšskatījumu.</translation>
    </message>
    <message>
        <source>The selected persons have no cases to print.</source>
        <translation>Atlasītajām personām nav drukājamu lietu.</translation>
    </message>
    <message>
        <source>Name in any script or spelling, date of birth (e.g. 1990 or 12.03.1990), document number, personal code, or paste a machine-readable zone (MRZ).</source>
        <translation>Vārds jebkurā rakstībā, dzimšanas datums (piem., 1990 vai 12.03.1990), dokumenta numurs, personas kods vai ielīmēta mašīnlasāmā zona (MRZ).</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Meklēt:</translation>
    </message>
    <message>
        <source>Name, date of birth, document, personal code or MRZ</source>
        <translation>Vārds, dzimšanas datums, dokuments, personas kods vai MRZ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Meklēt</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Meklēšanas rezultāti</translation>
    </message>
    <message>
        <source>Print case s&amp;heets</source>
        <translation>Drukāt lietu &amp;lapas</translation>
    </message>
    <message>
        <source>Print the case sheets of the selected persons</source>
        <translation>Drukāt atlasīto personu lietu lapas</translation>
    </message>
    <message>
        <source>Print the case sheets of the selected persons (Ctrl+Shift+P)</source>
        <translation>Drukāt atlasīto personu lietu lapas (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Identity</source>
        <translation>Identitāte</translation>
    </message>
    <message>
        <source>Other identities</source>
        <translation>Citas identitātes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenti</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adreses</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Lietas</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Lēmumi</translation>
    </message>
    <message>
        <source>Entry bans</source>
        <translation>Ieceļošanas aizliegumi</translation>
    </message>
    <message>
        <source>Detentions</source>
        <translation>Aizturēšanas</translation>
    </message>
    <message>
        <source>Challenges and appeals</source>
        <translation>Apstrīdēšanas un pārsūdzības</translation>
    </message>
    <message>
        <source>Departures and removals</source>
        <translation>Izceļošanas un izraidīšanas</translation>
    </message>
    <message>
        <source>SIS alerts</source>
        <translation>SIS brīdinājumi</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Uzdevumi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Vēsture</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Preparing the training registry… / Sagatavo mācību reģistru…</source>
        <translation>Sagatavo mācību reģistru… / Preparing the training registry…</translation>
    </message>
    <message>
        <source>Restoring the training data…</source>
        <translation>Atjauno mācību datus…</translation>
    </message>
    <message>
        <source>The training data has been restored.</source>
        <translation>Mācību dati ir atjaunoti.</translation>
    </message>
    <message>
        <source>The training registry failed: %1</source>
        <translation>Mācību reģistra kļūda: %1</translation>
    </message>
</context>
</TS>
