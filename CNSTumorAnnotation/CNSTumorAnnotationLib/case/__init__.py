"""The case folder: native volumes, case.json and numbered annotation versions; building one from NIfTI or QC-checked DICOM, co-registration, label-map import."""
