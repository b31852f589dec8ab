"""The demo's DICOM intake: the bundled case written as a Siemens-like DICOM study, then de-identified."""
