<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Age</name>
    <message>
        <source>never fetched</source>
        <translation>never fetched</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>%1 d ago</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>legal</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mine</translation>
    </message>
    <message>
        <source>registry&apos;s</source>
        <translation>registry&apos;s</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Choose a value for: %1</source>
        <translation>Choose a value for: %1</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>The registry changed %1 %2 while your change waited. Decide field by field which value stays.</source>
        <translation>The registry changed %1 %2 while your change waited. Decide field by field which value stays.</translation>
    </message>
    <message>
        <source>Fields marked § are legal fields: they are never merged automatically.</source>
        <translation>Fields marked § are legal fields: they are never merged automatically.</translation>
    </message>
    <message>
        <source>Keys: M keep mine, R take the registry&apos;s, Shift+M / Shift+R for every field, Up/Down or Tab between fields, Enter apply.</source>
        <translation>Keys: M keep mine, R take the registry&apos;s, Shift+M / Shift+R for every field, Up/Down or Tab between fields, Enter apply.</translation>
    </message>
    <message>
        <source>Clashing fields</source>
        <translation>Clashing fields</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <source>Take the &amp;registry&apos;s</source>
        <translation>Take the &amp;registry&apos;s</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Discard change</source>
        <translation>Discard change</translation>
    </message>
    <message>
        <source>Discard the change to %1 %2? These values are lost and never reach the registry: %3.</source>
        <translation>Discard the change to %1 %2? These values are lost and never reach the registry: %3.</translation>
    </message>
    <message>
        <source>%1 changes that depend on it stay blocked until they are discarded too.</source>
        <translation>%1 changes that depend on it stay blocked until they are discarded too.</translation>
    </message>
    <message>
        <source>The registry records that you discarded it.</source>
        <translation>The registry records that you discarded it.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Discarded by the officer</source>
        <translation>Discarded by the officer</translation>
    </message>
</context>
<context>
    <name>DocumentChooser</name>
    <message>
        <source>Case sheet</source>
        <translation>Case sheet</translation>
    </message>
    <message>
        <source>Departure order</source>
        <translation>Departure order</translation>
    </message>
    <message>
        <source>Forced-removal decision</source>
        <translation>Forced-removal decision</translation>
    </message>
    <message>
        <source>Notice of planned removal</source>
        <translation>Notice of planned removal</translation>
    </message>
    <message>
        <source>Entry-ban decision</source>
        <translation>Entry-ban decision</translation>
    </message>
    <message>
        <source>Detention record</source>
        <translation>Detention record</translation>
    </message>
    <message>
        <source>Proof of submission</source>
        <translation>Proof of submission</translation>
    </message>
    <message>
        <source>Case sheets</source>
        <translation>Case sheets</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>&amp;Document to print:</source>
        <translation>&amp;Document to print:</translation>
    </message>
    <message>
        <source>Document to print</source>
        <translation>Document to print</translation>
    </message>
    <message>
        <source>Field labels also in &amp;English</source>
        <translation>Field labels also in &amp;English</translation>
    </message>
    <message>
        <source>Field labels also in English</source>
        <translation>Field labels also in English</translation>
    </message>
    <message>
        <source>&amp;Operative part repeated in:</source>
        <translation>&amp;Operative part repeated in:</translation>
    </message>
    <message>
        <source>Operative part repeated in</source>
        <translation>Operative part repeated in</translation>
    </message>
    <message>
        <source>No translation</source>
        <translation>No translation</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russian</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Given names (Latin)</source>
        <translation>Given names (Latin)</translation>
    </message>
    <message>
        <source>Surname (Latin)</source>
        <translation>Surname (Latin)</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Patronymic</translation>
    </message>
    <message>
        <source>Given names (original script)</source>
        <translation>Given names (original script)</translation>
    </message>
    <message>
        <source>Surname (original script)</source>
        <translation>Surname (original script)</translation>
    </message>
    <message>
        <source>Name as reproduced in Latvian</source>
        <translation>Name as reproduced in Latvian</translation>
    </message>
    <message>
        <source>Names at birth</source>
        <translation>Names at birth</translation>
    </message>
    <message>
        <source>Previous surnames</source>
        <translation>Previous surnames</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Country of birth</source>
        <translation>Country of birth</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Personal code</source>
        <translation>Personal code</translation>
    </message>
    <message>
        <source>Foreign identity number</source>
        <translation>Foreign identity number</translation>
    </message>
    <message>
        <source>Issuing country of the foreign number</source>
        <translation>Issuing country of the foreign number</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Special features</source>
        <translation>Special features</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Vulnerabilities</translation>
    </message>
    <message>
        <source>Unaccompanied minor</source>
        <translation>Unaccompanied minor</translation>
    </message>
    <message>
        <source>Guardian or representative</source>
        <translation>Guardian or representative</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Series and number</source>
        <translation>Series and number</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>MRZ</source>
        <translation>MRZ</translation>
    </message>
    <message>
        <source>Document status</source>
        <translation>Document status</translation>
    </message>
    <message>
        <source>Address type</source>
        <translation>Address type</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Parish</source>
        <translation>Parish</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>House</source>
        <translation>House</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>Detection date</source>
        <translation>Detection date</translation>
    </message>
    <message>
        <source>Place of detection</source>
        <translation>Place of detection</translation>
    </message>
    <message>
        <source>Detecting unit</source>
        <translation>Detecting unit</translation>
    </message>
    <message>
        <source>Grounds of the illegal stay</source>
        <translation>Grounds of the illegal stay</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Voluntary departure deadline</source>
        <translation>Voluntary departure deadline</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>Detained at</source>
        <translation>Detained at</translation>
    </message>
    <message>
        <source>Reason for detention</source>
        <translation>Reason for detention</translation>
    </message>
    <message>
        <source>Reason (text)</source>
        <translation>Reason (text)</translation>
    </message>
    <message>
        <source>Detaining unit</source>
        <translation>Detaining unit</translation>
    </message>
    <message>
        <source>Detaining official</source>
        <translation>Detaining official</translation>
    </message>
    <message>
        <source>Place of detention</source>
        <translation>Place of detention</translation>
    </message>
    <message>
        <source>Journal number</source>
        <translation>Journal number</translation>
    </message>
    <message>
        <source>Court authorisations</source>
        <translation>Court authorisations</translation>
    </message>
    <message>
        <source>Alternatives to detention</source>
        <translation>Alternatives to detention</translation>
    </message>
    <message>
        <source>Released at</source>
        <translation>Released at</translation>
    </message>
    <message>
        <source>Release reason</source>
        <translation>Release reason</translation>
    </message>
    <message>
        <source>Decision type</source>
        <translation>Decision type</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Issuing institution</source>
        <translation>Issuing institution</translation>
    </message>
    <message>
        <source>Issuing unit</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>Destination type</source>
        <translation>Destination type</translation>
    </message>
    <message>
        <source>Destination country</source>
        <translation>Destination country</translation>
    </message>
    <message>
        <source>Voluntary departure period (days)</source>
        <translation>Voluntary departure period (days)</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Served at</source>
        <translation>Served at</translation>
    </message>
    <message>
        <source>Service method</source>
        <translation>Service method</translation>
    </message>
    <message>
        <source>Acknowledgment</source>
        <translation>Acknowledgment</translation>
    </message>
    <message>
        <source>Refusal note</source>
        <translation>Refusal note</translation>
    </message>
    <message>
        <source>Explanation of the person</source>
        <translation>Explanation of the person</translation>
    </message>
    <message>
        <source>Translation language</source>
        <translation>Translation language</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Suspension reason</source>
        <translation>Suspension reason</translation>
    </message>
    <message>
        <source>Reason for annulment</source>
        <translation>Reason for annulment</translation>
    </message>
    <message>
        <source>Ban decision date</source>
        <translation>Ban decision date</translation>
    </message>
    <message>
        <source>Starts on departure</source>
        <translation>Starts on departure</translation>
    </message>
    <message>
        <source>Duration (years)</source>
        <translation>Duration (years)</translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation>Duration (months)</translation>
    </message>
    <message>
        <source>Indefinite</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <source>Territorial scope</source>
        <translation>Territorial scope</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Date of the violation</source>
        <translation>Date of the violation</translation>
    </message>
    <message>
        <source>Place of the violation</source>
        <translation>Place of the violation</translation>
    </message>
    <message>
        <source>Appealable</source>
        <translation>Appealable</translation>
    </message>
    <message>
        <source>Reasons restricted</source>
        <translation>Reasons restricted</translation>
    </message>
    <message>
        <source>Entered in SIS</source>
        <translation>Entered in SIS</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Suspensive</source>
        <translation>Suspensive</translation>
    </message>
    <message>
        <source>Interim relief</source>
        <translation>Interim relief</translation>
    </message>
    <message>
        <source>Interim relief date</source>
        <translation>Interim relief date</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <source>Exit type</source>
        <translation>Exit type</translation>
    </message>
    <message>
        <source>Exit at</source>
        <translation>Exit at</translation>
    </message>
    <message>
        <source>Border crossing point</source>
        <translation>Border crossing point</translation>
    </message>
    <message>
        <source>Foreign airport</source>
        <translation>Foreign airport</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Travel document used</source>
        <translation>Travel document used</translation>
    </message>
    <message>
        <source>Notice of planned removal given at</source>
        <translation>Notice of planned removal given at</translation>
    </message>
    <message>
        <source>Reason for short notice</source>
        <translation>Reason for short notice</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>Escort</translation>
    </message>
    <message>
        <source>Monitor present</source>
        <translation>Monitor present</translation>
    </message>
    <message>
        <source>Monitoring body</source>
        <translation>Monitoring body</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Aborted</translation>
    </message>
    <message>
        <source>Reason for abort</source>
        <translation>Reason for abort</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Readmission agreement</source>
        <translation>Readmission agreement</translation>
    </message>
    <message>
        <source>Assisted</source>
        <translation>Assisted</translation>
    </message>
    <message>
        <source>Alert type</source>
        <translation>Alert type</translation>
    </message>
    <message>
        <source>National alert ID</source>
        <translation>National alert ID</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>Deletion reason</source>
        <translation>Deletion reason</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>To unit</source>
        <translation>To unit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Created at</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Register of Returned Foreigners and Entry Bans</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Searching</translation>
    </message>
    <message>
        <source>Type into the one search box: a name in any script or spelling (Latvian letters, Cyrillic, transliterations), a date of birth — full (12.03.1990) or partial (1990, 03.1990) —, a document number, a personal code, or paste the machine-readable zone (MRZ) of a document.</source>
        <translation>Type into the one search box: a name in any script or spelling (Latvian letters, Cyrillic, transliterations), a date of birth — full (12.03.1990) or partial (1990, 03.1990) —, a document number, a personal code, or paste the machine-readable zone (MRZ) of a document.</translation>
    </message>
    <message>
        <source>Results from the local cache appear at once; when the registry can be reached its results are merged in. Each result shows where it came from (◆ registry, ◇ local cache) and how old the data is.</source>
        <translation>Results from the local cache appear at once; when the registry can be reached its results are merged in. Each result shows where it came from (◆ registry, ◇ local cache) and how old the data is.</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Working offline</translation>
    </message>
    <message>
        <source>When the registry cannot be reached, an officer who has logged in on this computer before can choose “Work offline” at login and work with the local data. The status bar shows ○ Offline and the age of the data.</source>
        <translation>When the registry cannot be reached, an officer who has logged in on this computer before can choose “Work offline” at login and work with the local data. The status bar shows ○ Offline and the age of the data.</translation>
    </message>
    <message>
        <source>Locking</source>
        <translation>Locking</translation>
    </message>
    <message>
        <source>After a time without input the session locks; enter your password to continue. Your open records stay open.</source>
        <translation>After a time without input the session locks; enter your password to continue. Your open records stay open.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>In the training environment (orange MĀCĪBU VIDE banner) all data is fictitious. Training ▸ Reset training data restores the initial state.</source>
        <translation>In the training environment (orange MĀCĪBU VIDE banner) all data is fictitious. Training ▸ Reset training data restores the initial state.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The session of %1 was locked after a time without input. Enter the password to continue; your open records are kept.</source>
        <translation>The session of %1 was locked after a time without input. Enter the password to continue; your open records are kept.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Connecting to the registry…</source>
        <translation>Connecting to the registry…</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password cannot be remembered.</source>
        <translation>This computer has no keyring: the password cannot be remembered.</translation>
    </message>
    <message>
        <source>Training environment (fictitious data)</source>
        <translation>Training environment (fictitious data)</translation>
    </message>
    <message>
        <source>Log in — Register of Returned Foreigners and Entry Bans</source>
        <translation>Log in — Register of Returned Foreigners and Entry Bans</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Register of Returned Foreigners and Entry Bans</translation>
    </message>
    <message>
        <source>Your session has expired. Enter your password to continue; your open records stay open.</source>
        <translation>Your session has expired. Enter your password to continue; your open records stay open.</translation>
    </message>
    <message>
        <source>Log in with your registry account.</source>
        <translation>Log in with your registry account.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Remember me on this computer</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>Work &amp;offline</translation>
    </message>
    <message>
        <source>Re&amp;build the local cache</source>
        <translation>Re&amp;build the local cache</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>No registry server is configured.</source>
        <translation>No registry server is configured.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Unlocking the local data…</source>
        <translation>Unlocking the local data…</translation>
    </message>
    <message>
        <source>Opening the local data…</source>
        <translation>Opening the local data…</translation>
    </message>
    <message>
        <source>Rebuilding the local cache…</source>
        <translation>Rebuilding the local cache…</translation>
    </message>
    <message>
        <source>If you have logged in on this computer before, choose “Work offline” to open your local data; your changes will wait in the outbox.</source>
        <translation>If you have logged in on this computer before, choose “Work offline” to open your local data; your changes will wait in the outbox.</translation>
    </message>
    <message>
        <source>Choose “Rebuild the local cache” to start a new cache; nothing waiting in the outbox is removed without asking.</source>
        <translation>Choose “Rebuild the local cache” to start a new cache; nothing waiting in the outbox is removed without asking.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a record to print it.</source>
        <translation>Open a record to print it.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Cached data: %1</source>
        <translation>Cached data: %1</translation>
    </message>
    <message>
        <source>Reset training data</source>
        <translation>Reset training data</translation>
    </message>
    <message>
        <source>Restore the training registry to its seeded state? Every change made during this training is removed and the open records are closed.</source>
        <translation>Restore the training registry to its seeded state? Every change made during this training is removed and the open records are closed.</translation>
    </message>
    <message>
        <source>Register of Returned Foreigners and Entry Bans</source>
        <translation>Register of Returned Foreigners and Entry Bans</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Open records</source>
        <translation>Open records</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Close tab</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Next tab</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Previous tab</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;My work</source>
        <translation>&amp;My work</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Outbox</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>S&amp;tatistics</translation>
    </message>
    <message>
        <source>&amp;Reset training data…</source>
        <translation>&amp;Reset training data…</translation>
    </message>
    <message>
        <source>The record is not in the local cache.</source>
        <translation>The record is not in the local cache.</translation>
    </message>
    <message>
        <source>The forms are not available.</source>
        <translation>The forms are not available.</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 conflicts, %3 rejected</source>
        <translation>Outbox: %1 waiting, %2 conflicts, %3 rejected</translation>
    </message>
    <message>
        <source>sync paused</source>
        <translation>sync paused</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>reference lists: %1</source>
        <translation>reference lists: %1</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>%1 changes are not yet in the registry. They stay saved on this computer for %2 and are sent the next time %2 logs in here; no other officer sees or sends them. Continue?</source>
        <translation>%1 changes are not yet in the registry. They stay saved on this computer for %2 and are sent the next time %2 logs in here; no other officer sees or sends them. Continue?</translation>
    </message>
</context>
<context>
    <name>MrzField</name>
    <message>
        <source>MRZ (machine-readable zone)</source>
        <translation>MRZ (machine-readable zone)</translation>
    </message>
</context>
<context>
    <name>MyWorkModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Case deadline</source>
        <translation>Case deadline</translation>
    </message>
    <message>
        <source>Task from the other institution</source>
        <translation>Task from the other institution</translation>
    </message>
    <message>
        <source>overdue by %1 d</source>
        <translation>overdue by %1 d</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
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
        <translation>Reading the local cache…</translation>
    </message>
    <message>
        <source>Nothing due for your unit in the local cache.</source>
        <translation>Nothing due for your unit in the local cache.</translation>
    </message>
    <message>
        <source>%1 items for unit %2, from the local cache.</source>
        <translation>%1 items for unit %2, from the local cache.</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>Print case &amp;sheets</source>
        <translation>Print case &amp;sheets</translation>
    </message>
    <message>
        <source>Print case sheets</source>
        <translation>Print case sheets</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>change</source>
        <translation>change</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>removal</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Resume s&amp;ync</source>
        <translation>Resume s&amp;ync</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>&amp;Pause sync</translation>
    </message>
    <message>
        <source>Reading the outbox…</source>
        <translation>Reading the outbox…</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change is in the registry.</source>
        <translation>Nothing is waiting: every change is in the registry.</translation>
    </message>
    <message>
        <source>%1 changes in the outbox, %2 need your attention.</source>
        <translation>%1 changes in the outbox, %2 need your attention.</translation>
    </message>
    <message>
        <source>Shown: %1 (all that need attention, the first waiting, the latest sent).</source>
        <translation>Shown: %1 (all that need attention, the first waiting, the latest sent).</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Resolve &amp;conflict</source>
        <translation>Resolve &amp;conflict</translation>
    </message>
    <message>
        <source>&amp;Go to field</source>
        <translation>&amp;Go to field</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Resend</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Discard…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <source>Nationality: %1</source>
        <translation>Nationality: %1</translation>
    </message>
    <message>
        <source>From the registry, %1.</source>
        <translation>From the registry, %1.</translation>
    </message>
    <message>
        <source>Local copy (%1). Not refreshed from the registry.</source>
        <translation>Local copy (%1). Not refreshed from the registry.</translation>
    </message>
    <message>
        <source>This person&apos;s card is not in the local cache. Connect to the registry to open it.</source>
        <translation>This person&apos;s card is not in the local cache. Connect to the registry to open it.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>Next deadline %1 — overdue by %2 days</source>
        <translation>Next deadline %1 — overdue by %2 days</translation>
    </message>
    <message>
        <source>Next deadline %1 — today</source>
        <translation>Next deadline %1 — today</translation>
    </message>
    <message>
        <source>Next deadline %1 — %2 days left</source>
        <translation>Next deadline %1 — %2 days left</translation>
    </message>
    <message>
        <source>The history is read from the registry when online.</source>
        <translation>The history is read from the registry when online.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3 · %4</source>
        <translation>Version %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Changed: %1</translation>
    </message>
    <message>
        <source>part</source>
        <translation>part</translation>
    </message>
    <message>
        <source>clause</source>
        <translation>clause</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>action</source>
        <translation>action</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>merged</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Changes waiting for the registry will be listed here. There are none: nothing is waiting.</source>
        <translation>Changes waiting for the registry will be listed here. There are none: nothing is waiting.</translation>
    </message>
    <message>
        <source>Statistics will be available in a later version.</source>
        <translation>Statistics will be available in a later version.</translation>
    </message>
    <message>
        <source>The form for a new person will be available in a later version. Search first: the person may already be registered.</source>
        <translation>The form for a new person will be available in a later version. Search first: the person may already be registered.</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>Open a record to print it.</source>
        <translation>Open a record to print it.</translation>
    </message>
    <message>
        <source>There are no cases in the list to print.</source>
        <translation>There are no cases in the list to print.</translation>
    </message>
    <message>
        <source>The cases of the list are not in the local cache.</source>
        <translation>The cases of the list are not in the local cache.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Page count</source>
        <translation>Page count</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Page image</source>
        <translation>Page image</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Preparing the document… %1 of %2</source>
        <translation>Preparing the document… %1 of %2</translation>
    </message>
    <message>
        <source>Ready: %1 pages</source>
        <translation>Ready: %1 pages</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <source>The document could not be prepared: %1</source>
        <translation>The document could not be prepared: %1</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Original script</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Personal code / document</source>
        <translation>Personal code / document</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>Data age</translation>
    </message>
    <message>
        <source>Fetched: %1</source>
        <translation>Fetched: %1</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Local cache</source>
        <translation>Local cache</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 found in the local cache; asking the registry…</source>
        <translation>%1 found in the local cache; asking the registry…</translation>
    </message>
    <message>
        <source>Offline: %1 found in the local cache.</source>
        <translation>Offline: %1 found in the local cache.</translation>
    </message>
    <message>
        <source>%1 found (%2 from the registry, %3 only in the local cache).</source>
        <translation>%1 found (%2 from the registry, %3 only in the local cache).</translation>
    </message>
    <message>
        <source>%1 found in the local cache only. %2</source>
        <translation>%1 found in the local cache only. %2</translation>
    </message>
    <message>
        <source>MRZ read: document %1, %2 %3, born %4.</source>
        <translation>MRZ read: document %1, %2 %3, born %4.</translation>
    </message>
    <message>
        <source>Collecting the cases of the selected persons…</source>
        <translation>Collecting the cases of the selected persons…</translation>
    </message>
    <message>
        <source>%1 case sheets go to the print preview.</source>
        <translation>%1 case sheets go to the print preview.</translation>
    </message>
    <message>
        <source>The selected persons have no cases to print.</source>
        <translation>The selected persons have no cases to print.</translation>
    </message>
    <message>
        <source>Name in any script or spelling, date of birth (e.g. 1990 or 12.03.1990), document number, personal code, or paste a machine-readable zone (MRZ).</source>
        <translation>Name in any script or spelling, date of birth (e.g. 1990 or 12.03.1990), document number, personal code, or paste a machine-readable zone (MRZ).</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Name, date of birth, document, personal code or MRZ</source>
        <translation>Name, date of birth, document, personal code or MRZ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Print case s&amp;heets</source>
        <translation>Print case s&amp;heets</translation>
    </message>
    <message>
        <source>Print the case sheets of the selected persons</source>
        <translation>Print the case sheets of the selected persons</translation>
    </message>
    <message>
        <source>Print the case sheets of the selected persons (Ctrl+Shift+P)</source>
        <translation>Print the case sheets of the selected persons (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Other identities</source>
        <translation>Other identities</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Entry bans</source>
        <translation>Entry bans</translation>
    </message>
    <message>
        <source>Detentions</source>
        <translation>Detentions</translation>
    </message>
    <message>
        <source>Challenges and appeals</source>
        <translation>Challenges and appeals</translation>
    </message>
    <message>
        <source>Departures and removals</source>
        <translation>Departures and removals</translation>
    </message>
    <message>
        <source>SIS alerts</source>
        <translation>SIS alerts</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Preparing the training registry… / Sagatavo mācību reģistru…</source>
        <translation>Preparing the training registry… / Sagatavo mācību reģistru…</translation>
    </message>
    <message>
        <source>Restoring the training data…</source>
        <translation>Restoring the training data…</translation>
    </message>
    <message>
        <source>The training data has been restored.</source>
        <translation>The training data has been restored.</translation>
    </message>
    <message>
        <source>The training registry failed: %1</source>
        <translation>The training registry failed: %1</translation>
    </message>
</context>
</TS>
