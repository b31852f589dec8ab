<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorQCLib.quality</name>
        <message>
            <location filename="../quality/adc.py" />
            <source>ADC map values (median {median:g}) fit no ADC unit (10^-6 mm2/s, 10^-3 mm2/s or mm2/s): check the rescale slope / intercept or the series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/adc.py" />
            <source>ADC map stored in {unit}: median tissue value {median_e3_mm2_s:.2f} x 10^-3 mm2/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>{what} {key!r}; give a series number, description or UID from: {choices}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>grade must be 1, 2 or 3, got {grade!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a confirmed grade needs the name of the person who confirms it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a grade 1 (non-diagnostic) series is excluded with a reason: give one (R-QC-2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>unknown sequence {value!r}: one of {known}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>a confirmed sequence needs the name of the person who confirms it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>no series {series_instance_uid} in the QC report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/confirmation.py" />
            <source>changing the sequence from {sequence} to {confirmed} needs a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image quality needs a scalar image, got {GetNumberOfComponentsPerPixel} components per voxel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image quality needs a 3D image, got {GetDimension}D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image too small for quality metrics: size {GetSize}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/head_mask.py" />
            <source>image is constant or holds non-finite values: nothing to grade</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count_blank} blank slice(s) inside the volume (every pixel = {shown}): pixel data lost in export or transfer; re-export the series from the scanner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count_blank_ends} empty slice(s) at the ends of the volume (padding)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>{count_pairs} slice(s) duplicated at another position (identical pixels): the anatomy of that position is missing; re-export the series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>slice intensity jumps far from both neighbours (slice {listed}): a corrupted or mis-scaled slice; a radiologist confirms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../quality/pixel_findings.py" />
            <source>pixel data identical to {names}: a copy, not a separate acquisition; a person decides which series is genuine</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
