<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.case</name>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>QC report not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>not a readable QC report ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>a QC report needs a 'series' list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>every {sequence} series is excluded or has a blocking QC finding (R-QC-2): it cannot be annotated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {series_uid} named by the QC report is not in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>series {series_uid} cannot be read ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>DICOM folder not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/dicom_import.py" />
            <source>no patient ID in the QC report; pass --patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>not readable JSON ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>expected a JSON object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>unknown sequence {name!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>malformed annotation version record ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>not a {CASE_FORMAT} case (format={get!r})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>malformed case description (missing {error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>volume of {sequence} listed in case.json is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>the case has no annotation version yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>no annotation version {version}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>the case has no {sequence} volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>SimpleITK cannot read it ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>changed since version {version} was saved (SHA-256 mismatch)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>segment {key!r} is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>masks name regions not in the {family} schema: {unknown}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>an annotation version needs an annotator (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>concurrent saves kept taking the next version number; retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>version {version} is already approved and immutable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/folder.py" />
            <source>R-PPL-3: {person_name} annotated version {version}; a reviewer never approves their own work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>a label map must be a 3D single-component image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>a label map must hold integer values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>label map holds negative values (down to {min})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>label value {max} is not a region label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>the label map is empty: no voxel carries a label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>transform file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>SimpleITK cannot read the transform ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>the label map's grid ({describe_grid}) is not the grid of any case volume ({grids}): it may lie in another space (an atlas such as SRI-24). Give --atlas-flair with the FLAIR of its space to register it, --transform FILE, or --transform identity if it is in the scanner's space on another grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>no labelled voxel lands inside the case's FLAIR volume: the label map lies in another space (give --atlas-flair or --transform)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>only {inside:.0%} of the labelled voxels land in the head on the case's FLAIR (at least {MIN_HEAD_FRACTION:.0%} expected): the label map lies in another space or under a wrong transform; nothing was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>atlas FLAIR not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/labelmap_import.py" />
            <source>no labelled voxel lands inside the case's volumes: the label map does not overlap the case (another patient, or another space without --atlas-flair?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>volume not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>expected a 3D volume, got {GetDimension}D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>the case folder path is an existing file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/nifti_import.py" />
            <source>a case already exists here; choose a new folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>the atlas FLAIR has no non-zero (brain) voxels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/registration.py" />
            <source>co-registration needs a FLAIR volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../case/seg_nrrd_reader.py" />
            <source>segmentation: not readable ({strip})</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
