<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.dicom</name>
        <message>
            <location filename="../dicom/header.py" />
            <source>not a DICOM file (no DICM preamble, no DICOM data set)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>folder cannot be read ({strerror}); not indexed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the DICOM folder does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>expected a folder of DICOM files, got a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the folder contains no files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/index.py" />
            <source>the folder contains no readable MR DICOM images ({describe})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/stack_image.py" />
            <source>pixel data cannot be decoded ({name}: {error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/stack_image.py" />
            <source>expected a 2D grey-level image, got shape {shape}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>the staging folder must be new or empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>a DICOM file of the selected study is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/staging.py" />
            <source>the selected study has no files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/writer.py" />
            <source>only a scalar 3D volume can be written as a DICOM MR series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dicom/writer.py" />
            <source>voxel values do not fit 16-bit pixels</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
