"""The consensus, rule by rule: the ID every module, test and report cites, and what it asks.

Source: "Expert consensus on MR images annotation of central nervous system tumors", Chinese
Association of Radiologists, Internet Plus Medical Imaging Group, Int J Med Radiol 2021;44(4):378-384.
The statements below are this project's short reading of each rule (docs/rules.md lists them with
where each is implemented and tested). A rule the software cannot check by itself becomes a checklist
item that a person confirms, and the confirmation is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr

#: Version of this table, stamped into provenance where rules are cited.
CONSENSUS_TABLE_VERSION = "consensus-2021.44.4-1"


@dataclass(frozen=True)
class ConsensusRule:
    """One rule of the consensus: its ID, the section it comes from, and what it asks."""

    id: str
    section: str
    text: str


RULES: tuple[ConsensusRule, ...] = (
    # Scope (section 1)
    ConsensusRule(
        "R-SCOPE-1",
        "1 Scope",
        "Two tumor families: intra-axial (glioma, primary CNS lymphoma, metastasis as examples) and meningeal-origin extra-axial (meningioma, hemangiopericytoma as examples); another tumor of a family is annotated under it with its diagnosis recorded; one family per case.",
    ),
    ConsensusRule(
        "R-SCOPE-2",
        "1 Scope",
        "Out of scope, flagged and not annotated: tumors invading bone or crossing the skull; sellar, pineal and cerebellopontine-angle extra-axial tumors.",
    ),
    # Image acquisition (section 2)
    ConsensusRule(
        "R-QC-1",
        "2 Acquisition",
        "Image-quality grade per series: 1 = not diagnostic (blur, obvious motion, beam-hardening or removable metal artifact), 2 = structures distinguishable with a few artifacts that do not affect diagnosis, 3 = clear soft tissue, good contrast, no artifact.",
    ),
    ConsensusRule(
        "R-QC-2",
        "2 Acquisition",
        "Only grade 2 or 3 series are annotated; grade 1 series are excluded with a reason.",
    ),
    ConsensusRule(
        "R-QC-3",
        "2 Acquisition",
        "Acquisition checks: whole-brain coverage, suitable size and grey levels, good structure/background contrast, no obvious stair-step, wrap-around, motion or device artifact.",
    ),
    ConsensusRule("R-ACQ-1", "2 Acquisition", "T1WI: sagittal or axial, 2D or 3D."),
    ConsensusRule("R-ACQ-2", "2 Acquisition", "T2WI: axial, 2D or 3D."),
    ConsensusRule("R-ACQ-3", "2 Acquisition", "FLAIR: sagittal or axial, 2D or 3D."),
    ConsensusRule(
        "R-ACQ-4",
        "2 Acquisition",
        "DWI with a reconstructed ADC map: axial, 2D, b = 800 or 1000 s/mm2.",
    ),
    ConsensusRule(
        "R-ACQ-5",
        "2 Acquisition",
        "Contrast-enhanced T1WI (after gadolinium): sagittal or axial, 2D or 3D.",
    ),
    ConsensusRule(
        "R-ACQ-6",
        "2 Acquisition",
        "Slice thickness at most 2 mm for 3D and 6 mm for 2D acquisitions; gap between slices at most 2 mm.",
    ),
    ConsensusRule(
        "R-ACQ-7",
        "2 Acquisition",
        "Other sequences are outside the annotation scope: listed, not annotated.",
    ),
    # Data (section 3.1)
    ConsensusRule(
        "R-DATA-1",
        "3.1 Data",
        "Data use needs ethics approval (recorded per dataset) and de-identification before use: no patient-identifying information may leave.",
    ),
    ConsensusRule(
        "R-DATA-2",
        "3.1 Data",
        "Integrity: standard DICOM originals preferred, lossless transfer, zoom and window/level without distortion, no missing or misordered slices.",
    ),
    ConsensusRule(
        "R-DATA-3",
        "3.1 Data",
        "Acquisition parameters and workflow follow clinical norms, and are recorded.",
    ),
    # Tools and formats (section 3.2)
    ConsensusRule(
        "R-FMT-1",
        "3.2 Formats",
        "Annotations are saved in open formats: NIfTI and DICOM (DICOM SEG).",
    ),
    ConsensusRule(
        "R-FMT-2", "3.2 Formats", "Each annotation corresponds one-to-one to its source data."
    ),
    ConsensusRule(
        "R-FMT-3",
        "3.2 Formats",
        "Files are named by patient number + annotated sequence + annotated content.",
    ),
    # People (section 3.3)
    ConsensusRule(
        "R-PPL-1",
        "3.3 People",
        "Annotators have at least 5 years of clinical or imaging experience, reviewers at least 10 (associate chief or chief physician).",
    ),
    ConsensusRule(
        "R-PPL-2",
        "3.3 People",
        "Annotators and reviewers are trained on the same rules, then assessed for inter-annotator consistency.",
    ),
    ConsensusRule(
        "R-PPL-3",
        "3.3 People",
        "Every finished annotation is confirmed by a reviewer; what does not meet the rules is corrected or re-annotated.",
    ),
    ConsensusRule(
        "R-PPL-4",
        "3.3 People",
        "Training phase: two teams annotate the same batch; production starts only when their agreement is excellent or better.",
    ),
    # Intra-axial tumors (section 4)
    ConsensusRule(
        "R-SEG-1",
        "4 Intra-axial",
        "Whole tumor (tumor body plus peritumoral edema), drawn mainly on FLAIR; yellow.",
    ),
    ConsensusRule(
        "R-SEG-2",
        "4 Intra-axial",
        "Tumor body (core, without edema), drawn on T2WI, consulting FLAIR, T1WI and contrast T1WI where body and edema are hard to separate; red.",
    ),
    ConsensusRule(
        "R-SEG-3",
        "4 Intra-axial",
        "Enhancing region, drawn on contrast T1WI by comparison with plain T1WI; purple.",
    ),
    ConsensusRule(
        "R-SEG-4",
        "4 Intra-axial",
        "Non-enhancing region of the tumor body on contrast T1WI (solid non-enhancing tumor, necrosis, cyst, haemorrhage); blue.",
    ),
    ConsensusRule(
        "R-SEG-5",
        "4 Intra-axial",
        "Enhancing and non-enhancing regions may be analysed together as one region (green).",
    ),
    # Meningeal-origin tumors (section 5)
    ConsensusRule(
        "R-SEG-6",
        "5 Meningeal",
        "Same four regions, but the FLAIR region is the edema region only: FLAIR-hyperintense parenchyma excluding the tumor body.",
    ),
    ConsensusRule(
        "R-SEG-7",
        "5 Meningeal",
        "Thickened enhancing meninges (dural tail) belong to the enhancing region, outside the tumor body along the dura; a meningioma without edema leaves the edema region empty, confirmed and recorded.",
    ),
    # Principles and strategy (section 6)
    ConsensusRule(
        "R-ANN-1",
        "6 Principles",
        "Before drawing, review all sequences and slices; confirm location, size, shape and components.",
    ),
    ConsensusRule(
        "R-ANN-2", "6 Principles", "Avoid sulci, ventricles and other normal structures."
    ),
    ConsensusRule("R-ANN-3", "6 Principles", "Do not label leukoaraiosis or lacunes as edema."),
    ConsensusRule(
        "R-ANN-4",
        "6 Principles",
        "Whole tumor and enhancing regions are mandatory, tumor body and non-enhancing regions per study; a tumor without visible enhancement leaves the enhancing region empty, confirmed and recorded, not an error.",
    ),
    ConsensusRule(
        "R-ANN-5",
        "6 Principles",
        "Sharp margins: trace the visible edge slice by slice; threshold-based semi-automatic drawing with manual correction is allowed.",
    ),
    ConsensusRule(
        "R-ANN-6",
        "6 Principles",
        "Blurred margins: adjust window/level, label only tissue that is certainly lesion; threshold then manual removal allowed.",
    ),
    ConsensusRule(
        "R-ANN-7",
        "6 Principles",
        "Multiple lesions: browse all slices first and label every lesion seen.",
    ),
    ConsensusRule(
        "R-ANN-8",
        "6 Principles",
        "Annotate on the original axial images, not on reformatted ones; 2D or 3D and other planes per study.",
    ),
    ConsensusRule(
        "R-ANN-9",
        "6 Principles",
        "Slice by slice; never miss the first and last slice of a tumor; self-check after finishing.",
    ),
    # Human-machine interactive annotation (section 7)
    ConsensusRule(
        "R-HMI-1",
        "7 Human-machine",
        "A small set of typical cases annotated by several experts with cross-validation forms the standard (gold) dataset.",
    ),
    ConsensusRule(
        "R-HMI-2",
        "7 Human-machine",
        "A deep-learning segmentation model is trained on the standard dataset.",
    ),
    ConsensusRule("R-HMI-3", "7 Human-machine", "The model pre-annotates the large dataset."),
    ConsensusRule(
        "R-HMI-4",
        "7 Human-machine",
        "Active learning samples pre-annotated cases for expert assessment; wrong ones are corrected, added to the standard dataset, and the model is retrained.",
    ),
    ConsensusRule(
        "R-HMI-5",
        "7 Human-machine",
        "Iterate until the large dataset meets the experts' requirements.",
    ),
    # Workflow (section 8)
    ConsensusRule(
        "R-FLOW-1",
        "8 Workflow",
        "Collect, de-identify, quality-control and sequence check, annotate, self-check, review (approve or return), export; every step records who, when, what and which version.",
    ),
)

RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)


def rule(rule_id: str) -> ConsensusRule:
    """The rule with this ID; an ``InvalidInputError`` naming the ID when the consensus has none."""
    for candidate in RULES:
        if candidate.id == rule_id:
            return candidate
    raise InvalidInputError(
        tr(
            "no consensus rule {rule_id!r}; known: {known}",
            rule_id=rule_id,
            known=", ".join(RULE_IDS),
        )
    )
