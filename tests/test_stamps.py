"""Publication stamps are not facts of the story."""

from __future__ import annotations

from builders import clock

from factcheck.stamps import drop_stamps


def test_a_line_of_dates_and_times_is_a_stamp() -> None:
    stamp = "POSTED: 09:12 GMT, 3 May 2024 | EDITED: 18:40 GMT"
    posted = clock(stamp, "09:12 GMT", 552)
    edited = clock(stamp, "18:40 GMT", 1120)
    assert drop_stamps([posted, edited]) == ()


def test_a_sentence_with_a_time_is_kept() -> None:
    sentence = "The ferry left the harbour at 09:12 GMT."
    left = clock(sentence, "09:12 GMT", 552, key="ferry leave")
    assert drop_stamps([left]) == (left,)
