"""Tracking numbers and access codes.

The tracking number names the submission (it is printed on the receipt and may be read out
on the phone); the access code proves that whoever asks is the applicant. The code is
HMAC-SHA256(SECRET_KEY, form token): the token is random and known only to the browser that
was served the form, so the code is as unguessable as the token, and a form sent twice (double
click, reload) gets the *same* code back instead of a second application. The database keeps
only a hash of the token and a password hash of the code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import unicodedata

from django.conf import settings

# Crockford-style: no 0/O, 1/I/L, U — easy to read out and to type.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4  # 12 symbols ≈ 59 bits
TRACKING_RANDOM_LENGTH = 6
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def new_form_token() -> str:
    return secrets.token_hex(16)


def is_form_token(value: str) -> bool:
    return bool(TOKEN_PATTERN.match(value))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_tracking_number(day: dt.date) -> str:
    """``YYYYMMDD-XXXXXX``: the day of submission and six random symbols."""
    tail = "".join(secrets.choice(ALPHABET) for _ in range(TRACKING_RANDOM_LENGTH))
    return f"{day:%Y%m%d}-{tail}"


def access_code(token: str) -> str:
    """The access code belonging to a form token, grouped ``XXXX-XXXX-XXXX``."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"portal-access:" + token.encode(), hashlib.sha256
    ).digest()
    value = int.from_bytes(digest, "big")
    symbols = []
    for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH):
        value, index = divmod(value, len(ALPHABET))
        symbols.append(ALPHABET[index])
    groups = [
        "".join(symbols[i : i + CODE_GROUP_LENGTH])
        for i in range(0, len(symbols), CODE_GROUP_LENGTH)
    ]
    return "-".join(groups)


def normalise(text: str) -> str:
    """What the applicant typed, as stored: upper case, no spaces, full-width folded."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(c for c in folded if not c.isspace()).replace("—", "-").replace("－", "-")


def normalise_code(text: str) -> str:
    """Codes compare without their separators (people type them with or without)."""
    return normalise(text).replace("-", "")
