<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.cli</name>
        <message>
            <location filename="../cli/deid.py" />
            <source>write a de-identified copy of a DICOM folder (PS3.15 Annex E, R-DATA-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>De-identify every DICOM object under IN into OUT (a new or empty folder): Annex E basic profile, deterministic UIDs, per-patient pseudonym and date shift, markers, and a post-check that no identifying string remains. The pseudonym key file is written outside OUT.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>DICOM folder to read (never modified); several: one study each, run as a batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>new or empty folder for the copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>pseudonym key (secret, originals, date shifts); reused when it exists; never inside OUT (default: OUT.deid-key.json beside OUT)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>project secret for UIDs, pseudonyms and date shifts (default: ${SECRET_ENV}, else the key file's, else a new random one); visible in process lists, prefer the variable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>copy quarantined objects here (outside OUT)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>one folder: processes to use (default: up to 4); a batch: Dask workers of the local cluster, 1 = in this process (default: CPU count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>exit 1 when any file could not be released (an error or warning: unreadable, broken .dcm, quarantined)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>a batch keeps one key file per study in OUT.deid-keys/; --key-file is for one folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/deid.py" />
            <source>de-identified {get} of {get2} files ({get3} quarantined, {get4} withheld, {get5} not DICOM) -&gt; {path}; key: {key_file}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>check a DICOM folder against the consensus: sequences, geometry, integrity, quality grade</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>Index DICOM_DIR (headers only), identify each series (T1, T1C, T2, FLAIR, DWI, ADC, other), check the consensus acquisition rules (R-ACQ-1..7) and DICOM integrity (R-DATA-2), suggest an image-quality grade (R-QC-1), and write OUT/qc_report.json, OUT/qc_report.csv and OUT/qc_report.html. Run it on the original files, before de-identification.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder of DICOM files (never modified); several: one study each, run as a batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder for the reports (outside DICOM_DIR)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>exit 1 when a study is not fit to annotate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>one folder: processes reading headers; a batch: Dask workers of the local cluster, 1 = in this process (default: CPU count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>skip the image-quality grade (faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>skip the thumbnails in the HTML report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>record a radiologist's confirmed grade and/or sequence for a series (R-QC-2, R-ACQ-*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>Record the confirmed grade (1, 2 or 3) and/or the confirmed sequence of one series in OUT/qc_report.json and rewrite the reports. Grade 1 excludes the series and needs --reason. --sequence confirms or corrects the identification; the acquisition rules are checked again for the confirmed sequence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>folder holding qc_report.json</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>the series' number (as in the report: 'Series 3'), description or instance UID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>the sequence this series is (confirms or corrects the identification)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>run the batch on this Dask scheduler (tcp://host:8786) instead of a local cluster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>no progress bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>cnstumor {what}: FAILED {source}: {first}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{what}: {count} done, {count2} unchanged, {count3} failed of {count_outcomes} studies; summary: {summary_path} and {csv_path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>cnstumor qc: error: {where}: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>report: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>{count_series} series in {count_studies} studies, {errors} error findings; {files_indexed} of {files_seen} files indexed; report: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>qc-confirm needs a GRADE, a --sequence, or both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>sequence {sequence} confirmed for {name} by {reviewer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../cli/qc.py" />
            <source>grade {grade} confirmed for {name} by {reviewer}{excluded}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
