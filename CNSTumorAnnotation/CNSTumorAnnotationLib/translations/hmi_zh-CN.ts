<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>CNSTumorAnnotationLib.hmi</name>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>version {number} is machine-made ({annotator}): R-HMI-1 builds the standard from experts' annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>{count_names} names given for {count_paths} label maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-1: a standard needs at least two different experts, got {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-1: each expert once, got {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>model label map not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/preannotation.py" />
            <source>R-HMI-3: name the model that made the label map (--model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>no label maps ({LABEL_MAP_SUFFIXES}) found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>the case has no machine-made pre-annotation to rank (R-HMI-3: cnstumor hmi preannotate)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/predictions.py" />
            <source>not a folder (expected a case folder or a prediction folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>stopping rule: the correction fraction must lie in (0, 1] and at least one case must be sampled, got {max_correction_fraction}, {min_sampled}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>not readable JSON ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>not a {ROUNDS_FORMAT} record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>{what} lists a case twice: {cleaned}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>R-HMI-4: {inner} cases {stray} are not among the {outer} cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/rounds.py" />
            <source>a round needs the model's name and who records it (R-FLOW-1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>exploration fraction must lie in [0, 1], got {exploration_fraction}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/sampling.py" />
            <source>the budget must be at least one case, got {budget}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>no cases to rank</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../hmi/worklist.py" />
            <source>two sources share a case id: {duplicates}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
