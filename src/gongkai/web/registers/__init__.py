"""规章和行政规范性文件登记, and the yearly figures of table 2 (行政许可/处罚/强制/收费)."""
