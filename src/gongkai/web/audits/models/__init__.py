"""Models of the audits app; each module holds one concern."""
