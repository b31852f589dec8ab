<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.export</name>
        <message>
            <location filename="../export/brats.py" />
            <source>unknown BraTS version {version!r}; choose 2021 or 2023</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>unknown export format(s) {unknown}; choose from {FORMATS} or all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>the case has no annotation version to export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>no annotation version {version} (versions: {known})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>R-PPL-3: annotation version {version} is not approved by a reviewer ({source}) and --approved-only was given ({hint})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>R-PPL-3: the review store cannot say whether version {version} is approved ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/case_export.py" />
            <source>case folder not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dataset_grid.py" />
            <source>{format_name} export needs T1, T1C, T2 and FLAIR; the case lacks {missing}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>R-DATA-1: --deface needs a brain mask, and this case has no skull-stripped atlas registered to it (land reference labels from an atlas with `cnstumor case labels --atlas-flair`); export without --deface only where faces may leave</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>the brain mask is not on the image's grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/deface.py" />
            <source>the brain mask is empty: the atlas does not overlap the image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>only 3D volumes can be written as a DICOM series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>not a readable DICOM file: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>the DICOM series has no images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dicom_sources.py" />
            <source>the DICOM series' slices are duplicated or unevenly spaced (R-DATA-2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/dicomseg.py" />
            <source>R-FMT-2: {count_missing} source DICOM file(s) of {sequence} are missing (first: {missing}); the SEG could not reference its source series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>manifest not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>not a readable manifest: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/manifest.py" />
            <source>not a {MANIFEST_FORMAT} manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>nnU-Net dataset IDs have 3 digits; got {nnunet_dataset_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>unreadable nnU-Net dataset.json ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../export/nnunet.py" />
            <source>this case's {key} ({description}) differ from the data set's ({get}); export it into another nnU-Net data set (--nnunet-id)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
