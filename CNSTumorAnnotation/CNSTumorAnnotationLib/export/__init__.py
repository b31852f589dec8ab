"""Export of annotation versions (R-FMT-1..3): NIfTI, .seg.nrrd, DICOM SEG, BraTS and nnU-Net layouts, manifests, batches."""
