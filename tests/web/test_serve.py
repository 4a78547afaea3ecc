"""``make run``'s entry point, ``gongkai web serve``, runs a real task queue next to the web
server: within a minute of start the handler sees reminders of overdue cases and the head
the extension waiting for approval, and a portal submission leaves a mail in the file
outbox. The server and the huey consumer are real processes on the test database, driven
over HTTP; stopping the command stops both."""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from gongkai.web.accounts.models import User
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Notification
from tests.web.conftest import PASSWORD, Tree, make_user
from tests.web.portal.conftest import FORM

pytestmark = pytest.mark.django_db(transaction=True)

T = TypeVar("T")
# seconds: reminders must be there within a minute of the platform answering (the start a
# user sees; on a loaded machine two Django processes may take a while to boot)
START_LIMIT = 60
BOOT_LIMIT = 120
MAIL_LIMIT = 45  # the consumer polls an idle queue at most every 10 s


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = urllib.parse.quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(what: str, check: Callable[[], T | None], limit: float) -> T:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"{what}: nothing after {limit:.0f} s")


class Browser:
    """A cookie-keeping HTTP client with Django's CSRF token handling."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return str(response.read().decode())

    def post(self, path: str, data: dict[str, str]) -> str:
        csrf = next(c.value for c in self.cookies if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf or ""}).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        with self.opener.open(request, timeout=30) as response:
            return str(response.read().decode())

    def login(self, username: str) -> None:
        self.cookies.clear()
        self.get("/accounts/login/")
        self.post("/accounts/login/", {"username": username, "password": PASSWORD})


def _up(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/favicon.ico", timeout=2):
            return True
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def demo(tree: Tree) -> dict[str, Any]:
    """Overdue cases of a handler, a pending extension for the head; accounts whose
    passwords the server (default hashers) can check."""
    handler = make_user("jingban", "handler", tree.city)
    head = make_user("fuze", "head", tree.city)
    admin = make_user("guanli", "admin", None)
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "servetestsalt", iterations=1000)
    User.objects.filter(pk__in=[handler.pk, head.pk, admin.pk]).update(password=hashed)
    User.objects.filter(pk=handler.pk).update(email="jingban@lc.example.gov.cn")
    cases = []
    for n in range(3):  # received in March 2025: long overdue today
        case = case_services.register(
            tree.city,
            handler,
            channel="in_person",
            submitted_on=dt.date(2025, 3, 3),
            applicant_type="natural_person",
            applicant_name=f"申请人{n}",
            id_type="id_card",
            id_number=f"11010519491231{n:03d}X",
            description="2024年临川市老旧小区改造项目的招标文件",
            form_wanted="electronic",
            delivery_wanted="email",
        )
        case_services.assign(case, handler, handler, version=case.version)
        case.refresh_from_db()
        cases.append(case)
    first = cases[0]
    case_services.request_extension(
        first, handler, version=first.version, workdays=10, reason="需要调取档案"
    )
    return {"tree": tree, "cases": cases}


@pytest.fixture
def served(demo: dict[str, Any], tmp_path: Path) -> Iterator[tuple[str, Path, float]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_EMAIL")}
    env |= {
        "DATABASE_URL": _database_url(),
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_HUEY_IMMEDIATE": "0",
        "GONGKAI_DEBUG": "1",
    }
    env.pop("GONGKAI_REDIS_URL", None)
    # the README's way: .venv/bin/gongkai web serve (what `make run` ends with)
    command = [str(Path(sys.executable).with_name("gongkai")), "web", "serve", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "--noreload", "--skip-checks"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def up() -> bool:
        if server.poll() is not None:
            raise AssertionError(f"serve exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        return _up(base)

    try:
        base = f"http://127.0.0.1:{port}"
        _wait("web server up", up, BOOT_LIMIT)
        yield base, tmp_path, time.monotonic()
    finally:
        children = _children(server.pid)
        server.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise
    assert len(children) == 2, "serve runs the web server and the queue consumer"
    assert not _alive(children[0]) and not _alive(children[1]), "Ctrl-C stops both"


def test_serve_runs_reminders_and_mail_through_the_queue(
    served: tuple[str, Path, float], demo: dict[str, Any]
) -> None:
    base, data, started = served
    cases = demo["cases"]
    _wait(
        "reminders after start",
        lambda: Notification.objects.filter(kind="overdue").count() >= 3,
        START_LIMIT - (time.monotonic() - started),
    )
    browser = Browser(base)
    browser.login("jingban")
    page = browser.get("/cases/notifications/")
    for case in cases:
        assert f"{case.number}：已超过答复期限" in page
    browser.login("fuze")
    assert f"{cases[0].number}：延期答复申请待审批" in browser.get("/cases/notifications/")
    reminder = _wait(
        "reminder mail to the handler",
        lambda: [p for p in (data / "mail").glob("*.eml") if "jingban@" in p.read_text()],
        MAIL_LIMIT,
    )
    assert reminder

    # A portal submission: the applicant and the agency's staff are mailed.
    visitor = Browser(base)
    agency = demo["tree"].city
    form = visitor.get(f"/portal/agencies/{agency.pk}/apply/")
    token = re.search(r'name="token" value="([^"]+)"', form)
    assert token is not None
    page = visitor.post(f"/portal/agencies/{agency.pk}/apply/", {**FORM, "token": token[1]})
    tracking = re.search(r"\d{8}-[0-9A-Z]{6}", page)
    assert tracking is not None, "the submitted page shows the tracking number"

    def mails_about_it() -> list[str]:
        texts = [p.read_text() for p in (data / "mail").glob("*.eml")]
        return [t for t in texts if tracking[0] in t]

    mails = _wait(
        "mails for the submission",
        lambda: m if len(m := mails_about_it()) >= 2 else None,
        MAIL_LIMIT,
    )
    recipients = {re.search(r"^To: (.+)$", t, re.M)[1] for t in mails}  # type: ignore[index]
    assert recipients == {FORM["email"], "jingban@lc.example.gov.cn"}
    browser.login("guanli")
    outbox = browser.get("/mail/")
    assert "您的政府信息公开申请已提交" in outbox and tracking[0] in outbox
