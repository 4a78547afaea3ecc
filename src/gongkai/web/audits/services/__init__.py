"""The only writers of the audits app's records."""
