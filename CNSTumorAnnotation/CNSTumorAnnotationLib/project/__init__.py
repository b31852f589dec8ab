"""The annotation project (R-PPL-*, R-FLOW-1): store, people, lifecycle, workflow, versions, audit log, status."""
