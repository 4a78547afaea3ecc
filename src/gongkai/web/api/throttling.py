"""Per-address rate limit for the API (GONGKAI_API_RATE, e.g. "120/m").

The client's address is the one the login throttling uses (``REMOTE_ADDR`` only: a
client can write any X-Forwarded-For). Counts live in the cache, so several web processes
share them only with a shared cache (Redis); with the default local-memory cache each
process counts on its own.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from gongkai.web.accounts.throttling import client_ip


class AddressThrottle(SimpleRateThrottle):
    scope = "gongkai-api"

    def __init__(self) -> None:
        super().__init__(rate=self._rate())

    @staticmethod
    def _rate() -> str:
        return str(getattr(settings, "GONGKAI_API_RATE", "120/m"))

    def get_ident(self, request: HttpRequest) -> str | None:
        return client_ip(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        return f"throttle_{self.scope}_{self.get_ident(request)}"

    def allow_request(self, request: HttpRequest) -> bool:
        # the rate is read per request, so a changed setting applies without a restart
        self.rate = self._rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return bool(super().allow_request(request))
