from gongkai.web.catalogue.models.items import (
    VALIDITY_CHOICES,
    CatalogueColumn,
    DisclosureItem,
)

__all__ = ["VALIDITY_CHOICES", "CatalogueColumn", "DisclosureItem"]
