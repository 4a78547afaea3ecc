from gongkai.web.opendata.models.bulk import BulkFile, BulkYear

__all__ = ["BulkFile", "BulkYear"]
