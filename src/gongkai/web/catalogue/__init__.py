"""主动公开目录: proactively disclosed items, their secrecy review and the Art. 26 limit."""
