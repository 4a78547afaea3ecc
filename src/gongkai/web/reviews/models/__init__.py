from gongkai.web.reviews.models.review import (
    KIND_CHOICES,
    RESULT_CHOICES,
    DisclosureReview,
)

__all__ = ["KIND_CHOICES", "RESULT_CHOICES", "DisclosureReview"]
