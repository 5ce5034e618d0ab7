"""Recasing a shouted headline from the words of its own article."""

from __future__ import annotations

import pytest

from factcheck.truecase import body_casing, is_shouted, restore_casing, truecase_headline

BODY = (
    "Firefighters from Leeds and York fought the blaze for six hours on Sunday. Two crews "
    "stayed overnight, the fire service said. NATO sent no one. Crews said the warehouse "
    "had stood empty since 2019. See https://example.org/warehouse-fire-leeds for pictures."
)


@pytest.mark.parametrize(
    ("headline", "shouted"),
    [
        ("Warehouse Fire Keeps Crews Busy For Six Hours", True),
        ("WAREHOUSE FIRE KEEPS CREWS BUSY", True),
        ("Warehouse fire keeps crews busy for six hours", False),
        ("Fire at 10 am", False),  # too few long words to say
    ],
)
def test_title_case_and_capitals_are_shouted(headline: str, shouted: bool) -> None:
    assert is_shouted(headline) is shouted


def test_body_casing_counts_words_away_from_sentence_starts_and_addresses() -> None:
    forms = body_casing(BODY)
    assert forms["crews"] == 1 and forms["Crews"] == 0  # "Crews said" opens a sentence
    assert forms["fire"] == 1 and forms["Leeds"] == 1
    assert forms["NATO"] == 1  # capitals at a sentence start still say how it is written
    assert forms["warehouse"] == 1  # the web address's slug is not counted


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Warehouse Fire Keeps Crews Busy For Six Hours In Leeds",
            "Warehouse fire keeps crews busy for six hours in Leeds",
        ),
        ("WAREHOUSE FIRE KEEPS LEEDS CREWS BUSY", "Warehouse fire keeps Leeds crews busy"),
        # an acronym in a Title Case headline stays; an unseen word before a name is part of it
        (
            "NATO Silent As Chief Officer Gareth Leeds Speaks",
            "NATO silent as chief officer Gareth Leeds speaks",
        ),
        ("Warehouse fire keeps crews busy", "Warehouse fire keeps crews busy"),
    ],
)
def test_shouted_headlines_are_recased_from_the_body(headline: str, expected: str) -> None:
    recased = truecase_headline(headline, body_casing(BODY))
    assert recased == expected
    assert len(recased) == len(headline)


def test_restore_casing_gives_back_the_headlines_own_words() -> None:
    headline = "2 Workers Shot, 1 Hurt in Ohio"
    assert restore_casing("workers", headline) == "Workers"
    assert restore_casing("hurt near plant", headline) == "Hurt near plant"
