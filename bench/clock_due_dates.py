"""The statutory clock's speed: 1,000,000 reply due dates, target under 10 s on one core.

The platform computes the clock for every case on list pages and in reminders, so a due
date must cost microseconds. Cases are a realistic mix (every channel, a new handling
ordered by a review among them; receipts from 2019 to 2027 — the last year provisional —
and about one case in six with a correction or a consultation, each with its service
recorded, or an extension), drawn from a pool of 20,000 distinct cases;
the clock caches nothing per case, so every call computes. The target is checked on CPU
time of this process (the machine may be shared); wall time is printed too. Exits 1 when
the target is missed.

    .venv/bin/python bench/clock_due_dates.py [N]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from typing import Any

from gongkai.calendar import default_calendar
from gongkai.clock import RECEIPT_RULES, Case, Channel, Event, EventType, compute

TARGET_SECONDS = 10.0
DEFAULT_COUNT = 1_000_000
POOL = 20_000


def _case(rng: random.Random) -> Case:
    channel = rng.choice(list(Channel))
    received = dt.date(2019, 6, 1) + dt.timedelta(days=rng.randrange(8 * 365))
    day = dt.timedelta(days=1)
    events: list[Event] = []

    def add(kind: EventType, on: dt.date, **fields: Any) -> None:
        events.append(Event(kind, on, index=len(events), **fields))

    receipt = RECEIPT_RULES[channel].event
    if channel is Channel.REOPENING:  # the decision's service; some set their own period
        add(receipt, received, period=rng.choice((None, None, 15)))
    else:
        if receipt is not EventType.SUBMITTED:
            add(EventType.SUBMITTED, received - 2 * day)
        if channel is Channel.ORDINARY_LETTER:
            add(EventType.ARRIVED, received)
        add(receipt, received)
    later = received + rng.randrange(2, 6) * day
    kind = rng.randrange(12)
    if kind == 0:
        add(EventType.CORRECTION_REQUESTED, later)
        add(
            EventType.NOTICE_SERVED,
            later + day,
            notice=EventType.CORRECTION_REQUESTED,
            method="post",
        )
        add(EventType.CORRECTION_RECEIVED, later + 5 * day)
    elif kind == 1:
        add(EventType.CONSULTATION_SENT, later)
        add(EventType.NOTICE_SERVED, later, notice=EventType.CONSULTATION_SENT, method="email")
        add(EventType.CONSULTATION_ANSWERED, later + 9 * day)
    elif kind == 2:
        add(EventType.EXTENDED, later + 10 * day, workdays=20)
    if rng.randrange(4) == 0:
        add(EventType.REPLIED, later + 12 * day, outcome="granted")
    return Case(channel, tuple(events))


def main(count: int) -> int:
    rng = random.Random(20191515)
    pool = [_case(rng) for _ in range(POOL)]
    calendar = default_calendar()
    today = dt.date(2026, 12, 1)
    for case in pool[:1000]:  # warm the calendar's index over every year used
        compute(case, today=today, calendar=calendar)
    cpu, wall = time.process_time(), time.perf_counter()
    provisional = 0
    for i in range(count):
        result = compute(pool[i % POOL], today=today, calendar=calendar)
        provisional += result.provisional
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rate = count / cpu if cpu else float("inf")
    print(
        f"clock: {count:,} reply due dates in {cpu:.2f} s CPU ({wall:.2f} s wall), "
        f"{rate:,.0f} per second, {1e6 * cpu / count:.2f} µs each; "
        f"{provisional:,} provisional; target < {TARGET_SECONDS * count / DEFAULT_COUNT:.1f} s"
    )
    if cpu > TARGET_SECONDS * count / DEFAULT_COUNT:
        print("FAILED: slower than the target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT))
