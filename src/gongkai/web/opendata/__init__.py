"""Open government data: each year's bulk files of the published annual reports."""
