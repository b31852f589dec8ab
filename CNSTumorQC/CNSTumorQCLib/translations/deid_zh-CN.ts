<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.deid</name>
        <message>
            <location filename="../deid/folder.py" />
            <source>the de-identification report would carry identifying text; removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>cannot read the pseudonym key ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>not a {KEY_FILE_FORMAT} key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/identifiers.py" />
            <source>R-DATA-1: --patient {value!r} looks like a person's name ({reason}); file names and exports must not identify the patient: give the patient number or pseudonym (e.g. the CNST-... of cnstumor deid), or --key-file with the pseudonym key that maps it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>the de-identification secret must have at least 16 characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>cannot read the key file: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/keys.py" />
            <source>the given secret differs from the one in the key file; the mappings would clash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>expected a folder of DICOM files, got a file ({kind_of}); nothing written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the input DICOM folder does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>no DICOM file in the folder ({describe}): deid de-identifies DICOM headers; nothing written, no key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the output folder must be outside the input folder (and not contain it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the output folder must be new or empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the pseudonym key file re-identifies patients: write it outside the de-identified output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the key file must not be written inside the input folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the key file path is a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the quarantine holds identifiable objects: put it outside the output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/paths.py" />
            <source>the quarantine must not be inside the input folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>pseudonym key file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>not a readable key file ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>DICOM folder not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>not de-identified: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../deid/verify.py" />
            <source>no DICOM file to verify</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
