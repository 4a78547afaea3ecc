"""Public search over everything published: catalogue items, the register of 规章 and
规范性文件, and annual reports."""
