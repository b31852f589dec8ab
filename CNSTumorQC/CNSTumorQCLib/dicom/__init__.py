"""Reading DICOM: the fast header walk, image planes, series and stacks, b-values, pixels of a stack, the MR-series writer."""
