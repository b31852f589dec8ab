<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.cli</name>
        <message>
            <location filename="../cli/agreement.py" />
            <source>--region must look like NAME=1,2,4, got {text!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>{region:&gt;14}: Dice mean {summary:.3f} (min {summary2:.3f}), HD95 max {summary3:.2f} mm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>wrote {path} and agreement.html</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>compare two or more label maps of one case (Dice, HD95, NSD, lesion-wise, STAPLE)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>label maps on one voxel grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/agreement.py" />
            <source>NAME=labels, e.g. whole_tumor=1,2,4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>Annotate CNS-tumor MRI as the Chinese radiologists' expert consensus prescribes (Int J Med Radiol 2021;44(4):378-384): QC, label schemas, self-check, review, export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>language of messages, findings and reports: en or zh (default: the CNSTUMOR_LANG environment variable, else en)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: error: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: error: {offending_name}: a file or folder name in the input is not valid UTF-8; rename it (reports and manifests are UTF-8)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor {command}: interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>{replace}: the name {printable} is not valid UTF-8; rename the file or folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/app.py" />
            <source>cnstumor: {variable}={value} is not a language cnstumor speaks (en, zh); using English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>build a case folder (volumes, registration, labels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>NIfTI volumes or a QC-checked DICOM study -&gt; case folder (R-FMT-3, R-ANN-8)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>new case folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>{sequence} volume (NIfTI)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>qc_report.json of the study (cnstumor qc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the DICOM folder the QC report describes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>patient number or pseudonym used in file names (R-FMT-3); a person's name is refused (R-DATA-1) unless --key-file maps it to its pseudonym</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the pseudonym key of cnstumor deid: an original name or ID given to --patient is replaced by its pseudonym</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>R-SCOPE-1 family</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>glioma|pcnsl|metastasis|meningioma|hemangiopericytoma (sets the family); another diagnosis (e.g. ependymoma) with --family, recorded with a note (R-SCOPE-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>sellar|pineal|cerebellopontine_angle|bone_invading|skull_crossing|other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>skip co-registration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>import a label map as a new machine-made version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>brats2021|brats2023|brats-men|cnstumor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>FLAIR of the label map's space (e.g. an atlas such as SRI-24): registered to the case's FLAIR and the labels follow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>ITK transform file mapping the case's FLAIR points into the label map's space, or 'identity' for a map in the scanner's space on another grid; without it (or --atlas-flair) a map on no case volume's grid is refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>approve a case-folder version outside a project (R-PPL-1, R-PPL-3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>Mark an annotation version approved: its files become read-only. The reviewer must be listed in the people file as a qualified reviewer (R-PPL-1) and must not be the version's annotator (R-PPL-3). Inside an annotation project, review there instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the reviewer's id in the people file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>JSON: {"people": [{"id", "name", "role", "years_experience", "title"}, ...]}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>default: the latest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>write CASE_DIR/index.html linking QC, versions, self-check, review, export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the annotation project reviewing the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>the export folder of the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case index: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case {case_id}: version {version} approved by {reviewer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>DICOM import takes --qc-report and --dicom, and no volume options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>--patient is required with NIfTI volumes (R-FMT-3 file names)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>case {case_id} ({family}) written to {root}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>  note: {note}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/case.py" />
            <source>  {name} -&gt; FLAIR: Mattes MI {quality:.3f} -&gt; {quality2:.3f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>resolve self-check findings without Slicer: fill skipped slices, remove specks (a new version, R-ANN-7/9)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>Apply the annotator's decision on the self-check findings of an annotation version and save the result as a NEW version (parent: the corrected one; nothing is overwritten). Lesions are named as the self-check names them: 'whole_tumor #3'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>who decided the correction (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>version to correct (latest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-9: fill each lesion's empty interior slice from its neighbouring slices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>R-ANN-7: remove lesions below the self-check's speck limits (10 voxels or 20 mm3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>a small lesion confirmed as real: never removed (repeatable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>limit to this region (repeatable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>say what to correct: --fill-skipped-slices, --remove-specks, --remove-below-mm3 or --remove-below-voxels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/correct.py" />
            <source>saved as version {version}; run `cnstumor selfcheck {case_dir}` again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>{actor_help} (a person id; a token names its holder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>file whose first line is the password ({PASSWORD_ENV})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>file holding a token ({TOKEN_ENV})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>no such credential file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>cannot read the credential file: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>the credential file is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/credentials.py" />
            <source>who is acting? give --actor and a password, or a token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>case folder(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>output folder (created if needed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>{FORMATS} | all (repeat or comma-separate; default: all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>file-name pattern with {patient}, {sequence}, {content} and optionally {case}, {version}, {annotator} (R-FMT-3; default: %(default)s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>write non-ASCII characters of names as uXXXX code points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>refuse a version that no reviewer has approved (R-PPL-3; the default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>also export versions no reviewer has approved (recorded in the manifest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>deface every exported image with Quickshear (R-DATA-1; recorded in the manifest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>write no &lt;case&gt;/preview.html (the exported label maps drawn; ~0.4 s per case)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>annotation project whose review store decides --approved-only (default: the project holding the case folder, else the case folder's own approval flag)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>annotation version to export (default: the latest; not --version, which Slicer owns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>grid of the BraTS and nnU-Net images and labels (default: %(default)s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>nnU-Net dataset ID (3 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>nnU-Net dataset name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>no progress bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>export on this Dask scheduler (tcp://host:8786) instead of this process</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>Dask workers of a local cluster; 1 (default) exports in this process, 0 = one per CPU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>cnstumor export: FAILED {source}: {first_line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>exported {exported} of {count_outcomes} case(s) ({count} unchanged since the last run; {formats}) into {out_dir}; summary: {summary_path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>exporting cases of an annotation project needs --actor (a person of the project): the export is recorded in its audit log (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/export.py" />
            <source>batch_export: error: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>human-machine interactive annotation: gold standard, pre-annotation, sampling, rounds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5: the rounds so far and the stopping check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project or dataset folder holding hmi_rounds.json</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>print the record as JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-1: STAPLE several experts' annotations into the standard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case versions by different experts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>experts' label map files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the experts' names, one per label map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>label convention of --label-maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>atlas FLAIR when the label maps are in an atlas space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>who records the standard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-3: a model's output as a machine-made version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the model's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>the model's version (weights, training round)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>atlas FLAIR when the label map is in an atlas space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-4: rank pre-annotated cases for expert assessment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case folders or folders of model label maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>how many cases the experts assess</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>worklist .json or .csv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>seed of the exploration draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>random share of the budget</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>label convention of label map folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>tumor family of label map folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>self-check case folders without one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5: record one round of pre-annotation and correction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project or dataset folder (hmi_rounds.json lives there)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>who records the round</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case ids the model pre-annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>case ids the experts assessed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>a worklist JSON: its cases are the sampled ones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>sampled cases that needed correction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>corrected cases added to the standard set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project threshold: stop below this corrected share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>project rule: assess at least this many cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-1: version {version} saved as {annotator!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>  {key:24} empty for every expert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>  {key:24} {region} voxels; {perf}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>record: {record_path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-3: version {version} by {annotator!r} (machine-made)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>worklist: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>not a worklist JSON ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>name the sampled cases (--sampled) or their --worklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/hmi.py" />
            <source>R-HMI-5 round {entry} recorded: {verdict} ({entry2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>annotation project: people, cases, review, audit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the project's name (default: the folder's)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's person id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's staff number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the administrator's new password, first line ({PASSWORD_ENV})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>a PostgreSQL database for the project (postgresql://user@host:port/db; the password goes in ~/.pgpass or PGPASSWORD, never in the URL)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>an empty PostgreSQL database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>also write a self-contained HTML report here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>print JSON instead of a table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>calibration batch JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>record the outcome for the team members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>people (R-PPL-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>years of clinical or imaging experience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>one of {ts} (or 主治医师 ...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>licence or staff number (one human, one identity)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>wizard language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the new person's first password (first line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>datasets (R-DATA-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>where the case came from (recorded in the audit log)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the case's de-identified DICOM folder, verified (R-DATA-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the case has no DICOM to verify (e.g. NIfTI from a public archive); recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the pseudonym key that de-identified --dicom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>for exclude / reopen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>pass_qc: the case's qc_report.json with radiologist-confirmed grades (R-QC-2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>an annotation file of the version (repeatable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>a case folder (case.json) whose version to record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case-folder version number (default: the latest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>label schema version of loose files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>selfcheck.json</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the same as --actor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>REGION[@SLICE]: TEXT, or plain TEXT (repeatable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>the first administrator needs a password: --password-file or {PASSWORD_ENV}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>created annotation project {project_dir} ({where}, cases/); administrator {admin}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>added {role} {person_name} ({label}, {years_experience} years)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>recorded dataset {id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>registered case {case} (imported)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>pass_qc needs --qc-report: the grades a radiologist confirmed in the QC report are recorded, never a grade typed here (R-QC-2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: {state}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case} assigned to {to}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>--schema-version is required with loose annotation files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>give annotation files (--file) or --case-folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: saved version {number} ({count_files} files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: self-check {passed}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>case {case}: submitted for review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>{status}: {counts}; review queue {count_status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project.py" />
            <source>not a calibration batch: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>updated years of experience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>updated title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>whose password (default: the actor's own)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>sign-in tokens for scripts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>whose token (default: the actor's own)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>write the token to this file instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>{id} is now {role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>give the new password with --new-password-file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>password of {id} set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>token {id} for {person} written to {out}, expires {expires_at}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/project_people.py" />
            <source>token {id} revoked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>self-check an annotation (R-ANN-2/3/4/7/8/9, region hierarchy R-SEG-1..7)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>Check an annotation version of a case folder: required regions, region hierarchy, lesion inventory and specks, skipped and missed slices, CSF-like voxels, original axial geometry. Writes CASE_DIR/selfcheck.json; exit status 1 on a blocking error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>annotation version (default: latest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-ANN-4: the tumor shows no definite enhancement; an empty enhancing region is not an error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-SEG-7: a meningeal tumor without peritumoral edema; an empty edema region is not an error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>a checklist item the annotator confirmed (repeatable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>R-ANN-1: the annotator reviewed every sequence and slice before drawing this version (what the wizard's first step records; needs --by)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>who confirms (recorded in the report)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>a confirmation needs --by: who confirms it is recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>report: {path}; with pictures: {page}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/selfcheck.py" />
            <source>unreadable wizard session record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>annotate and review in a browser (trame-slicer), signed in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>annotation project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>create a project with the bundled case when DIR has none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>with --demo: skip the co-registration (faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>demo project created; passwords in {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/serve.py" />
            <source>cnstumor serve: http://{host}:{port}/ (project {project})</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
