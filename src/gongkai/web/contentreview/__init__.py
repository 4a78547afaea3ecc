"""Content review (内容审查) of what an agency publishes: runs, dispositions, the publishing gate."""
