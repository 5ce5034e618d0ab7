"""The model-free pipeline, dismissals and the exit status."""

from __future__ import annotations

import dataclasses

from builders import claim, clock, document

from factcheck.check import (
    EXIT_CONFLICT,
    EXIT_ERROR,
    EXIT_OK,
    apply_dismissals,
    check_claims,
    exit_code,
)
from factcheck.model import Report, Status
from factcheck.options import Options

DOCS = (document("a.txt"), document("b.txt"))


def conflicting_report() -> Report:
    a = clock("The summit opens at 16:00 GMT in Geneva.", "16:00 GMT", 960, key="summit open")
    b = clock("The Geneva summit opens at 17:00 GMT.", "17:00 GMT", 1020, key="summit open")
    return check_claims(DOCS, [[a], [b]])


def test_exit_codes() -> None:
    report = conflicting_report()
    assert [f.status for f in report.findings] == [Status.CONFLICT]
    assert exit_code(report) == EXIT_CONFLICT == 1
    assert exit_code(report, Options(fail_on="never")) == EXIT_OK == 0
    agreeing = check_claims(DOCS, [[claim("12 homes burned", "12", value=12, key="home")]] * 2)
    assert exit_code(agreeing) == EXIT_OK
    assert exit_code(dataclasses.replace(agreeing, sources=DOCS[:1])) == EXIT_ERROR == 2


def test_dismissed_conflicts_leave_the_exit_status() -> None:
    report = conflicting_report()
    (conflict,) = report.findings
    dismissed = apply_dismissals(report, frozenset({conflict.id, "000000000000"}))
    assert dismissed.dismissed == (conflict.id,)
    assert exit_code(dismissed) == EXIT_OK


def test_conflicts_come_first() -> None:
    a = [
        claim("Fire destroyed 12 homes.", "12", value=12, key="home"),
        clock("It began at 16:00 GMT.", "16:00 GMT", 960, key="fire begin", sentence_start=30),
    ]
    b = [
        claim("The blaze destroyed 12 homes.", "12", value=12, key="home"),
        clock("It began at 18:00 GMT.", "18:00 GMT", 1080, key="fire begin", sentence_start=30),
    ]
    report = check_claims(DOCS, [a, b])
    assert [f.status for f in report.findings] == [Status.CONFLICT, Status.AGREE]
