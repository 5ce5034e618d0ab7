"""Internal consistency: one source contradicting itself."""

from __future__ import annotations

from builders import WEEKDAY, claim, clock

from factcheck.consistency import check_source
from factcheck.model import Kind, Status

SENTENCE = "The talks open at 7 pm Moscow time (11 pm Hanoi time) on Wednesday."


def test_parenthetical_clock_times_for_one_instant_hold() -> None:
    moscow = clock(SENTENCE, "7 pm Moscow time", 960)
    hanoi = clock(SENTENCE, "11 pm Hanoi time", 960)
    assert check_source(0, [hanoi, moscow]) == ()


def test_parenthetical_clock_times_an_hour_apart_conflict() -> None:
    sentence = SENTENCE.replace("11 pm", "10 pm")
    moscow = clock(sentence, "7 pm Moscow time", 960, detail="7 pm Moscow time (UTC+3) = 16:00 UTC")
    hanoi = clock(sentence, "10 pm Hanoi time", 900, detail="10 pm Hanoi time (UTC+7) = 15:00 UTC")
    (finding,) = check_source(1, [moscow, hanoi])
    assert finding.status is Status.CONFLICT and finding.internal
    assert [c.source for c in finding.claims] == [1, 1]
    assert finding.explanation == (
        "one moment given twice: 7 pm Moscow time (UTC+3) = 16:00 UTC; "
        "10 pm Hanoi time (UTC+7) = 15:00 UTC: 60 minutes apart"
    )


def test_clock_times_in_separate_sentences_are_not_compared() -> None:
    first = clock("Talks open at 7 pm Moscow time.", "7 pm Moscow time", 960)
    second = clock("Dinner is at 10 pm Hanoi time.", "10 pm Hanoi time", 900, sentence_start=40)
    assert check_source(0, [first, second]) == ()


def test_weekday_beside_a_date_that_does_not_fit() -> None:
    sentence = "The vote is on Tuesday, July 23, 2025, officials said."
    weekday = claim(sentence, "Tuesday", Kind.DATE, 2, unit=WEEKDAY, normalized="")
    date = claim(sentence, "July 23, 2025", Kind.DATE, normalized="2025-07-23")
    (finding,) = check_source(0, [weekday, date])
    assert finding.internal and finding.status is Status.CONFLICT
    assert finding.explanation == (
        "a weekday that does not fit its date: Tuesday; July 23, 2025 = 2025-07-23, a Wednesday: "
        "cannot both be true"
    )
    fitting = claim(
        sentence.replace("Tuesday", "Wednesday"),
        "Wednesday",
        Kind.DATE,
        3,
        unit=WEEKDAY,
        normalized="",
    )
    assert check_source(0, [fitting, date]) == ()


def test_a_date_claim_that_spells_a_wrong_weekday() -> None:
    sentence = "It happened on Tuesday, July 23, 2025."
    date = claim(sentence, "Tuesday, July 23, 2025", Kind.DATE, normalized="2025-07-23")
    (finding,) = check_source(0, [date])
    assert finding.explanation.endswith("which is a Wednesday")
