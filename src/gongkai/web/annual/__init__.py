"""年度报告: generated from the records, approved, submitted, accepted, published, rolled up."""
