<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.mrml</name>
        <message>
            <location filename="../mrml/io.py" />
            <source>file not found</source>
            <translation>未找到文件</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>not a volume file (expected one of {suffixes})</source>
            <translation>不是容积文件（应为 {suffixes} 之一）</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>segmentation</source>
            <translation>分割</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>volume</source>
            <translation>容积</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>the volume could not be read (corrupt or unsupported file)</source>
            <translation>无法读取该容积（文件损坏或格式不受支持）</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>the label map could not be read (corrupt or unsupported file)</source>
            <translation>无法读取该标签图（文件损坏或格式不受支持）</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>label array shape {shape} does not match the reference volume {expected}</source>
            <translation>标签数组形状 {shape} 与参考容积 {expected} 不符</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>label map {name!r} could not be imported</source>
            <translation>无法导入标签图 {name!r}</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>segmentation {name!r} could not be exported</source>
            <translation>无法导出分割 {name!r}</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>node {name!r} has no storage format</source>
            <translation>节点 {name!r} 没有存储格式</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>only segmentations can be written as .seg.nrrd</source>
            <translation>只有分割可以写为 .seg.nrrd</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>{path}: MRML could not write {name!r}</source>
            <translation>{path}：MRML 无法写入 {name!r}</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>segmentation file not found</source>
            <translation>未找到分割文件</translation>
        </message>
        <message>
            <location filename="../mrml/io.py" />
            <source>not a readable segmentation (.seg.nrrd expected)</source>
            <translation>不是可读取的分割（应为 .seg.nrrd）</translation>
        </message>
        <message>
            <location filename="../mrml/scene_annotation.py" />
            <source>no segmentation for {reference_sequence} in the scene (region {key}); load the case first</source>
            <translation>场景中没有 {reference_sequence} 的分割（区域 {key}）；请先加载病例</translation>
        </message>
        <message>
            <location filename="../mrml/scene_annotation.py" />
            <source>a saved annotation needs the annotator's name (R-FLOW-1)</source>
            <translation>保存标注需要标注者姓名（R-FLOW-1）</translation>
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>empty oriented image: no voxels to convert</source>
            <translation>定向图像为空：没有可转换的体素</translation>
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>the {family} schema has no region on {sequence}</source>
            <translation>{family} 标注方案在 {sequence} 上没有区域</translation>
        </message>
        <message>
            <location filename="../mrml/segmentation.py" />
            <source>could not set the voxels of segment {segment_id!r}</source>
            <translation>无法设置分割段 {segment_id!r} 的体素</translation>
        </message>
        <message>
            <location filename="../mrml/terminology.py" />
            <source>Slicer's terminology logic could not load it</source>
            <translation>Slicer 的术语模块无法加载</translation>
        </message>
        <message>
            <location filename="../mrml/vtk_messages.py" />
            <source>VTK {kind}: {line} (full text: {log_path})</source>
            <translation>VTK {kind}：{line}（全文见：{log_path}）</translation>
        </message>
    </context>
</TS>
