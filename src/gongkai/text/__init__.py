"""Text normalisation shared by label matching, extraction and rules."""

from gongkai.text.normalize import compact, label_key, to_simplified

__all__ = ["compact", "label_key", "to_simplified"]
