from gongkai.web.search.models.entries import KIND_CHOICES, SOURCE_CHOICES, SearchEntry

__all__ = ["KIND_CHOICES", "SOURCE_CHOICES", "SearchEntry"]
