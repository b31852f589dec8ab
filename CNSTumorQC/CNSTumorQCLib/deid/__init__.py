"""De-identification (R-DATA-1): PS3.15 Annex E policy, pseudonym keys, screening, the folder run and its post-check."""
