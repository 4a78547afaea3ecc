"""行政复议和行政诉讼登记: reconsideration and litigation about disclosure (table 4)."""
