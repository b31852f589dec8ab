<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.mrml</name>
        <message>
            <location filename="../mrml/io.py" />
            <source>file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>not a volume file (expected one of {VOLUME_SUFFIXES})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>the volume could not be read (corrupt or unsupported file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>the label map could not be read (corrupt or unsupported file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>label array shape {shape} does not match the reference volume {expected}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>label map {GetName!r} could not be imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>segmentation {GetName!r} could not be exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>node {GetName!r} has no storage format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>only segmentations can be written as .seg.nrrd</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>segmentation file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>not a readable segmentation (.seg.nrrd expected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/scene_annotation.py" />
            <source>no segmentation for {reference_sequence} in the scene (region {key}); load the case first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/scene_annotation.py" />
            <source>a saved annotation needs the annotator's name (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>empty oriented image: no voxels to convert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>the {family} schema has no region on {sequence}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>could not set the voxels of segment {segment_id!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/terminology.py" />
            <source>Slicer's terminology logic could not load it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../mrml/vtk_messages.py" />
            <source>VTK {kind}: {line} (full text: {log_path})</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
