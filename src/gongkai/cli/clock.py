"""``gongkai deadline`` and ``gongkai fee``: the statutory clock and the processing fee."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from gongkai.calendar import (
    BEIJING,
    HolidayNotice,
    NoticeError,
    Overrides,
    WorkCalendar,
    cn_date,
    load_notices,
)
from gongkai.cli.app import EXIT_OK, EXIT_UNREADABLE, app, err_console
from gongkai.clock import (
    CHANNEL_LABELS,
    STATUS_LABELS,
    CaseError,
    CaseReadError,
    ClockResult,
    Status,
    compute,
    load_case,
)
from gongkai.fees import FeeError, FeeScheme, quote

_CASE_HELP = (
    'JSON：{"channel": "in_person|registered_post|ordinary_letter|online|fax|reopening", '
    '"events": [{"type": …, "date": "YYYY-MM-DD", …}, …]}'
)


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.datetime.now(BEIJING).date()  # statutory days are Beijing days
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err_console.print(f"[red]--today 不是有效日期[/red] {value!r}（应为 YYYY-MM-DD）")
        raise typer.Exit(EXIT_UNREADABLE) from None


def _calendar(notice_files: list[Path]) -> WorkCalendar | None:
    if not notice_files:
        return None
    notices: list[HolidayNotice] = []
    for path in notice_files:
        try:
            notices.extend(load_notices(path))
        except NoticeError as exc:
            err_console.print(f"[red]无法载入节假日通知[/red] {exc}")
            raise typer.Exit(EXIT_UNREADABLE) from None
    return WorkCalendar(Overrides(tuple(notices)))


def _readable(result: ClockResult) -> list[str]:
    """The result as staff read it: summary, then the timeline, then the rules applied."""
    due = cn_date(result.reply_due, weekday_name=True)
    if result.provisional:
        due += "（暂定）"
    if result.status is Status.DEEMED_WITHDRAWN:
        due = "不再计算（视为放弃申请）"
    elif result.reply_due_projected:
        due += "（最迟；暂停或补正结束后重新确定）"
    status = STATUS_LABELS[result.status]
    if result.withdrawal is not None:
        w = result.withdrawal
        status += f"：自{cn_date(w.as_of)}起，办理结果 {w.outcome}（{w.reason}）"
    lines = [
        f"渠道：{CHANNEL_LABELS[result.channel]}",
        f"收到申请之日：{cn_date(result.received, weekday_name=True)}（{result.received_reason}）",
        f"答复期限：{due}",
        f"状态：{status}",
    ]
    if result.overdue:
        lines.append(f"已超期 {result.overdue_workdays} 个工作日")
    elif result.overdue is False and result.status is not Status.DEEMED_WITHDRAWN:
        lines.append("未超期")
    lines += ["", "办理过程："]
    for step in result.timeline():
        line = step.line()
        if step.due is not None:
            line += f" → 答复期限 {cn_date(step.due)}"
        lines.append(line)
    lines += [f"逾期步骤：{late.text}" for late in result.late_steps]
    if result.unserved:
        names = {e.index: e.label for e in result.case.events}
        waiting = "、".join(f"事件 #{i}（{names[i]}）" for i in result.unserved)
        lines.append(f"待登记送达：{waiting}——对方的期限自送达之日起计算，未登记送达前不起算")
    lines += ["", "计算规则：" + "；".join(result.settings.describe())]
    lines += [f"注意：{warning}" for warning in result.warnings]
    return lines


@app.command("deadline")
def deadline_command(
    case_path: Annotated[Path, typer.Argument(metavar="CASE.json", help=_CASE_HELP)],
    today: Annotated[
        str | None,
        typer.Option(
            "--today", metavar="YYYY-MM-DD", help="计算“是否超期”所依据的日期（默认：北京时间今天）"
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    notices: Annotated[
        list[Path] | None,
        typer.Option(
            "--notices",
            metavar="NOTICE.json|csv",
            help="载入国务院节假日安排通知（可多次使用），用于 chinesecalendar 尚未收录的年份",
        ),
    ] = None,
) -> None:
    """计算依申请公开的法定期限并逐步说明（收到日期、补正、征求意见、收费、延长、节假日和调休）。

    事件类型：submitted、arrived（平常信函到达）、signed_for（挂号信）、confirmed（平常信函、
    互联网、传真）、reopened（渠道 reopening：收到责令重新答复的决定书，可选 period、unit
    workdays|days、decision）、correction_requested（可选 limit_workdays）、
    correction_received、consultation_sent（可选 party、consultee third_party|agency）、
    consultation_answered、fee_notice_sent、fee_paid、extended（workdays，合计至多 20）、
    deferred（until：第三十五条确定的延迟答复期限）、notice_served（notice：被送达的告知书
    事件类型，method：in_person|post|email|online|fax|retained，可选 party）、
    replied（outcome，表三行键）。补正、征求意见和收费的期限自送达之日起计算；
    答复期限届满后才采取的步骤（延长、补正、收费、征求意见、延迟答复）记为逾期步骤，不改变期限。

    退出状态：0 计算完成（超期与否都是 0，超期在输出中标明，JSON 中为 "overdue": true）；
    2 案件文件无法读取或无效（说明事件序号、类型和字段）。
    """
    as_of = _today(today)
    calendar = _calendar(notices or [])
    try:
        case = load_case(case_path)
        result = compute(case, today=as_of, calendar=calendar)
    except CaseReadError as exc:
        err_console.print(f"[red]无法读取[/red] {case_path}：{exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except CaseError as exc:
        err_console.print(f"[red]案件无效[/red] {case_path}：{exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo("\n".join(_readable(result)))
    raise typer.Exit(EXIT_OK)


@app.command("fee")
def fee_command(
    scheme: Annotated[
        str, typer.Option("--scheme", help="收费方式：per-application（按件）或 per-volume（按量）")
    ],
    count: Annotated[
        int | None,
        typer.Option("--count", help="按件：该申请人本自然月向本机关提出的第几件申请（含本件）"),
    ] = None,
    pages: Annotated[int | None, typer.Option("--pages", help="按量：页数")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
) -> None:
    """计算信息处理费（国办函〔2020〕109号，超额累进），并列出各档明细。

    退出状态：0 正常；2 参数无效。
    """
    try:
        chosen = FeeScheme(scheme)
    except ValueError:
        known = "、".join(s.value for s in FeeScheme)
        err_console.print(f"[red]未知的收费方式[/red] {scheme!r}（可用：{known}）")
        raise typer.Exit(EXIT_UNREADABLE) from None
    needed, other = (
        ("--count", pages) if chosen is FeeScheme.PER_APPLICATION else ("--pages", count)
    )
    quantity = count if chosen is FeeScheme.PER_APPLICATION else pages
    if quantity is None or other is not None:
        err_console.print(f"[red]{chosen.value} 方式须且只须给出 {needed}[/red]")
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        fee = quote(chosen, quantity)
    except FeeError as exc:
        err_console.print(f"[red]参数无效[/red] {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    if as_json:
        typer.echo(json.dumps(fee.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo("\n".join([f"依据：{fee.basis}", *fee.text_lines()]))
    raise typer.Exit(EXIT_OK)
