<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib</name>
        <message>
            <location filename="../batch.py" />
            <source>study input not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../batch.py" />
            <source>no Dask scheduler answers: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../batch.py" />
            <source>two studies of the batch share a key: {keys}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>no readable DICOM file in this study</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>output exists and is not an earlier de-identified copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../batch_tasks.py" />
            <source>nothing could be released from this study ({counts})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../consensus.py" />
            <source>no consensus rule {rule_id!r}; known: {RULE_IDS}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a readable image ({first_line})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what} not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: named .gz but not gzip-compressed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a NRRD file (no NRRD magic)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {bad} voxel(s) are NaN or infinite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: unsupported dimensions {size}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {voxels} voxels {size} exceed the limit of {MAX_VOXELS}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: voxel spacing {spacing} is not finite and positive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: origin or orientation is not finite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: decompresses to more than {MAX_STREAM_BYTES} bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: corrupt or truncated gzip stream ({first_line})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: a DICOM file, not NIfTI (named {path_name})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: too short for a NIfTI header ({size} bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: not a NIfTI file (no NIfTI-1 header)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI header has invalid dimensions {dims}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI voxel spacing {spatial} is not finite and positive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI datatype {datatype} is not supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: NIfTI voxel offset {vox_offset} is invalid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: {voxels} voxels exceed the limit of {MAX_VOXELS}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../image_io.py" />
            <source>{what}: truncated: the header promises {expected} bytes, the file holds {size}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../paths.py" />
            <source>{what} {text!r} cannot name a file or folder: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the {what} is an existing file, not a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the {what} cannot be created ({strerror})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../paths.py" />
            <source>the shared test data folder is missing; set {SHARED_DATA_ENV} to the folder that holds dcm_qa_xa30/, tcga-lgg_TCGA-FG-6692_brainlesion/ ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed: image-quality grading was switched off (--no-grade)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>grade not computed ({name}: {error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>suggested grade 1 (not diagnostic): a radiologist confirms; a confirmed grade 1 excludes the series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>metal or susceptibility artifact: {total:.1f} mL of signal void next to bright pile-up, {core:.1f} mL of it over the brain; a radiologist confirms the grade: 1 for a removable metal artifact (remove the metal and rescan), 2 when soft tissue and bone remain distinguishable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>no thumbnail: pixels could not be read ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>the output folder must not be inside the DICOM folder (the input is never modified)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../qc.py" />
            <source>the output folder is an existing file, not a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../requirements.py" />
            <source>cannot read the requirements ({strerror})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../requirements.py" />
            <source>line {number} is not a requirement: {raw!r}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
