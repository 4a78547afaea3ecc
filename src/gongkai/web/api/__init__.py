"""The open-data JSON API (/api/v1/) and the staff's integration tokens."""
