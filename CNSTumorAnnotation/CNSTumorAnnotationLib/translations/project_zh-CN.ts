<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.project</name>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>an annotation project already exists here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>the first person of a project is its administrator, not a {role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>administrator {id} needs a licence or staff number (one human, one identity)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>this database already holds an annotation project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no dataset {dataset_id!r} in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person id {person_id!r} already exists in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person {person_id} needs a licence or staff number (one human, one identity)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>language must be one of {LANGUAGES}, not {language!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>person {person_id} needs a name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-PPL-3: the {what} already belongs to person {taken}; one human has one identity in a project (change their role instead of adding a second one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no person {person_id!r} in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: only an administrator may {what}; {actor} is a {role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: {actor} may not change their own role; another administrator must</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-FLOW-1: the project's last administrator keeps the role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>{actor} may not choose the language of {person_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>phase must be production or calibration, not {phase!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-DATA-1: dataset {dataset_id} has no recorded ethics approval; case {case_id} may not be used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-DATA-1: dataset {dataset_id} is not de-identified; case {case_id} may not be used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no case {case_id!r} in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: grade {grade} given, but the QC report's confirmed grades are {details}; the report decides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: case {case_id} has quality grade {grade}; only 2 or 3 may be annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>R-QC-2: excluding case {case_id} needs a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>verifying de-identification needs the DICOM folder and its key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>{kind} id {value!r} must be letters, digits, '.', '_' or '-' (it names folders)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>ethics approval date {value!r} is not YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/annotation_project.py" />
            <source>no annotation project database here (neither project.sqlite nor project.database)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>a password needs at least {MIN_PASSWORD_LENGTH} characters (R-FLOW-1: the audit log is only as good as the sign-in behind it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>unknown person or wrong password for {person_id!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>a token lives 1 to 366 days, not {days}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>no token {token_id} in this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>unknown or revoked token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>the token expired at {row}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>the token belongs to {id}, not {person_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>who is acting? give --actor with a password, or a token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/auth.py" />
            <source>{person_id} is not authenticated: give --password-file, CNSTUMOR_PASSWORD or a token (R-FLOW-1: no step without a signed-in person)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/case_bridge.py" />
            <source>R-FMT-2: {path_name} no longer matches the checksum its case folder recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>this project is already on PostgreSQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>no SQLite project database here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>source and target are at different schema versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>refusing to copy a broken project: {describe}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>the copied audit chain does not verify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>circular foreign keys between {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>copy of {table} has {theirs} rows, the source {mine}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/copy.py" />
            <source>the copied audit log differs from the source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>R-FLOW-1: case {case_id} is {state}; '{action}' is not allowed from there (allowed: {allowed})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/lifecycle.py" />
            <source>R-FLOW-1: the lifecycle table has no '{action}' from {state} (allowed: {as_})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>a PostgreSQL project needs psycopg (pip install 'psycopg[binary]==3.3.9')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>not a PostgreSQL URL: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>the database URL carries a password; put it in ~/.pgpass or PGPASSWORD instead (the URL is written into the project folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>the database URL names no database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/postgres.py" />
            <source>cannot connect to the project database: {first}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/qc_gate.py" />
            <source>the QC report holds no series of the annotated sequences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/review_demo.py" />
            <source>the demo needs a new project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>not a self-check report ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: not a self-check report written by `cnstumor selfcheck` ({REPORT_FORMAT})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: the report is not bound to the files of version {number}: it names {checked}, the version holds {recorded} (run the self-check on the saved version)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: version {number} was saved from loose files, so its self-check cannot be re-run; save it from its case folder (save --case-folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: case folder version {source_version} no longer holds the files of project version {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/selfcheck_evidence.py" />
            <source>R-ANN-9: the report's findings ({count_claimed}) differ from a re-run of the self-check on version {number}'s files ({count_actual}): a report counts only as `cnstumor selfcheck` wrote it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>does not hold a postgresql:// URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>no annotation project database here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>could not switch the database to WAL mode ({mode})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>not a usable project database: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/store.py" />
            <source>not a usable project database: {first}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>no annotation version with id {version_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>an annotation version needs at least one file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>two files of one version share a name: {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/versions.py" />
            <source>annotation file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-1: {person_name} is a {role}, not an annotator; case {case_id} can only be assigned to an annotator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-4: {person_name} is not certified for production annotation; the training phase (two teams, excellent agreement) must be passed first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: case {case_id} is approved; version {number} is immutable. Reopen the case: the change becomes a new version that is reviewed again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>not a self-check result: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: this self-check examined a different {name} than version {number} of case {case_id} holds; run the self-check on the saved version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: case {case_id} has no saved annotation version to self-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-ANN-9: case {case_id} cannot be submitted: {what}; submission requires a recorded self-check with no blocking finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>review decision must be approve or return, not {decision!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: {person_name} is a {role}, not a reviewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: {person_name} annotated case {case_id}; a reviewer never reviews their own work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: returning case {case_id} needs at least one comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-PPL-3: only an administrator or a reviewer may reopen approved case {case_id}; {actor} is a {role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>reopening approved case {case_id} needs a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../project/workflow.py" />
            <source>R-FLOW-1: only the assignee ({assignee}) may {what} case {case_id}; {actor} may not</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
