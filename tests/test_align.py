"""Alignment with hand-built claims: referents decide, equal values only help."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from builders import UTC, claim, clock, document

from factcheck.align import (
    STRONG_REFERENT,
    _Candidate,
    _is_plausible_conflict,
    _Rivals,
    align,
    collapse,
)
from factcheck.check import check_claims
from factcheck.compare import Verdict
from factcheck.model import Bound, Kind, Status, Unit
from factcheck.options import Options
from factcheck.similarity import sentence_years

A_SENTENCE = (
    "The sides also traded the dead, with the army handing over more than 6,000 bodies of "
    "northern soldiers and receiving 78 bodies of southern soldiers."
)
B_SENTENCE = (
    "The sides also swapped remains, with the army returning more than 6,000 bodies of northern "
    "service members while receiving 78 of its own."
)


def source_a(big: str = "more than 6,000", small: str = "78") -> list:
    sentence = A_SENTENCE.replace("more than 6,000", big).replace("78", small)
    return [
        _count(sentence, big, "body northern soldier"),
        _count(sentence, small, "body southern soldier"),
    ]


def source_b(big: str = "more than 6,000", small: str = "78") -> list:
    sentence = B_SENTENCE.replace("more than 6,000", "\x00").replace("78", small)
    sentence = sentence.replace("\x00", big)
    return [
        _count(sentence, big, "body northern service member"),
        _count(sentence, small, "body southern soldier"),
    ]


def _count(sentence: str, surface: str, key: str):  # type: ignore[no-untyped-def]
    bound = Bound.MORE_THAN if surface.startswith("more than") else Bound.EXACT
    value = float(surface.removeprefix("more than ").replace(",", ""))
    return claim(sentence, surface, Kind.COUNT, value, key=key, head="body", bound=bound)


def statuses(report) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return sorted(
        (str(f.status), tuple(f"{c.source}:{c.claim.text}" for c in f.claims))
        for f in report.findings
    )


DOCS = (document("a.txt"), document("b.txt"))


def test_same_referents_agree_across_rewording() -> None:
    report = check_claims(DOCS, [source_a(), source_b()])
    assert statuses(report) == [
        ("agree", ("0:78", "1:78")),
        ("agree", ("0:more than 6,000", "1:more than 6,000")),
    ]


def test_swapped_numbers_pair_by_referent_not_by_value() -> None:
    # "780" and "600" trade places in B: each referent now conflicts. (With values
    # 77 times apart, as in the seed pair's 78 and 6,000, a conflict needs more evidence than
    # these short hand-made sentences give; tests/test_check_pairs.py covers that case.)
    a = source_a(big="600", small="780")
    b = source_b(big="780", small="600")
    report = check_claims(DOCS, [a, b])
    assert statuses(report) == [
        ("conflict", ("0:600", "1:780")),
        ("conflict", ("0:780", "1:600")),
    ]


def test_equal_values_alone_do_not_make_a_conflict_pair() -> None:
    a = claim("The museum holds 40 paintings by the master.", "40", value=40, key="painting master")
    b = claim("Police arrested 12 protesters near the bridge.", "12", value=12, key="protester")
    report = check_claims(DOCS, [[a], [b]])
    assert [f.status for f in report.findings] == [Status.SINGLE, Status.SINGLE]


def test_one_claim_pairs_with_at_most_one_claim_of_another_source() -> None:
    a = claim("The fire destroyed 12 homes in the valley.", "12", value=12, key="home")
    b1 = claim("Flames destroyed 12 homes, officials said.", "12", value=12, key="home")
    b2 = claim("Another 14 homes were destroyed in the valley.", "14", value=14, key="home")
    report = check_claims(DOCS, [[a], [b1, b2]])
    assert statuses(report) == [("agree", ("0:12", "1:12")), ("only_in_one_source", ("1:14",))]


def test_repeated_mentions_in_one_source_collapse_into_alternates() -> None:
    title = claim("Fire destroys 12 homes", "12", value=12, key="home")
    body = claim(
        "The fire destroyed 12 homes in the valley.", "12", value=12, key="home", sentence_start=30
    )
    clusters = collapse(0, [body, title])
    assert len(clusters) == 1 and set(clusters[0].claims) == {title, body}
    other = claim("Flames destroyed 12 homes, officials said.", "12", value=12, key="home")
    report = check_claims(DOCS, [[title, body], [other]])
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.status is Status.AGREE
    assert sorted(c.alternate for c in finding.claims) == [False, False, True]


def test_parenthetical_clock_times_are_one_moment() -> None:
    sentence = "Talks begin at 7 pm Moscow time (11 pm Hanoi time)."
    moscow = clock(sentence, "7 pm Moscow time", 960)
    hanoi = clock(sentence, "11 pm Hanoi time", 960)
    assert len(collapse(0, [moscow, hanoi])) == 1


def test_three_sources_form_one_group_per_referent() -> None:
    texts = [
        "Officials said 31 fire trucks were sent to the warehouse.",
        "The warehouse blaze drew 31 fire trucks, officials said.",
        "Some 31 fire trucks fought the warehouse blaze.",
    ]
    claims = [[claim(t, "31", value=31, key="fire truck", head="truck")] for t in texts]
    groups = align(claims)
    assert len(groups) == 1 and [c.source for c in groups[0]] == [0, 1, 2]
    report = check_claims([document(p) for p in "abc"], claims)
    assert [f.status for f in report.findings] == [Status.AGREE]


def test_three_sources_with_one_dissenter_conflict() -> None:
    texts = [
        "Officials said 31 fire trucks were sent to the warehouse.",
        "The warehouse blaze drew 31 fire trucks, officials said.",
        "Officials said 13 fire trucks were sent to the warehouse.",
    ]
    values = [31, 31, 13]
    claims = [
        [claim(t, str(v), value=v, key="fire truck", head="truck")]
        for t, v in zip(texts, values, strict=True)
    ]
    report = check_claims([document(p) for p in "abc"], claims)
    assert [f.status for f in report.findings] == [Status.CONFLICT]
    assert sorted(c.source for c in report.findings[0].claims) == [0, 1, 2]


def test_ignored_kinds_are_left_out() -> None:
    a = clock("They meet at 16:00 GMT.", "16:00 GMT", 960, key="meeting")
    b = clock("The meeting is at 17:00 GMT.", "17:00 GMT", 1020, key="meeting")
    assert a.quantity.unit == UTC
    options = Options(ignore_kinds=frozenset({Kind.TIME}))
    assert check_claims(DOCS, [[a], [b]], options).findings == ()


def test_rivals_leave_out_claims_with_a_clearly_better_partner() -> None:
    evidence = np.array(
        [
            [0.9, 0.5, 0.0],  # row 0 fits column 0 best
            [0.5, 0.6, 0.55],  # row 1: column 0 is row 0's, so its rivals are columns 1 and 2
        ]
    )
    rivals = _Rivals(evidence)
    assert rivals.best(1, 1) == 0.55
    assert rivals.best(1, 2) == 0.6
    assert rivals.best(0, 0) == 0.5


def test_a_near_miss_needs_the_referent_but_not_overlapping_sentences() -> None:
    # "now has 2,129 points heading into Saturday" vs "ended the night with 2,029 points":
    # one fact reported wrongly shares the referent but seldom the rest of the sentence.
    near = _Candidate(0.45, Verdict.CONFLICT, sentence=0.05, ratio=1.05)
    far = _Candidate(0.45, Verdict.CONFLICT, sentence=0.05, ratio=1.5)
    assert _is_plausible_conflict(near, rival=0.0)
    assert not _is_plausible_conflict(far, rival=0.0)


def test_a_near_miss_needs_a_smaller_lead_over_its_rivals() -> None:
    # "8-1" vs "9-1" beside the same team's "3-0": the close values say which pair it is.
    near = _Candidate(0.45, Verdict.CONFLICT, sentence=0.3, ratio=1.1)
    far = _Candidate(0.45, Verdict.CONFLICT, sentence=0.3, ratio=1.3)
    assert _is_plausible_conflict(near, rival=0.38)
    assert not _is_plausible_conflict(far, rival=0.38)


YEARS = Unit("year", "time", "second", "a")


def test_the_other_half_of_a_list_beside_an_agreeing_value_conflicts() -> None:
    sa = "Rescuers found two hikers, 71 and 39 years old, near the ridge."
    sb = "The hikers, who are 64 and 39, were flown to hospital on Sunday."
    a = [
        claim(sa, "71", Kind.AGE, 71, unit=YEARS, key="hiker"),
        claim(sa, "39 years old", Kind.AGE, 39, unit=YEARS, key="hiker"),
    ]
    b = [
        claim(sb, "64", Kind.AGE, 64, unit=YEARS, key="hospital"),
        claim(sb, "39", Kind.AGE, 39, unit=YEARS, key="hospital"),
    ]
    assert statuses(check_claims(DOCS, [a, b])) == [
        ("agree", ("0:39 years old", "1:39")),
        ("conflict", ("0:71", "1:64")),
    ]


def test_a_value_outside_the_list_gets_no_list_bonus() -> None:
    # Same sentences, but B's other number is not listed beside the agreeing age.
    sa = "Rescuers found two hikers, 71 and 39 years old, near the ridge."
    sb = "The hikers, who are 39, were flown 64 miles to hospital on Sunday."
    a = [
        claim(sa, "71", Kind.AGE, 71, unit=YEARS, key="hiker"),
        claim(sa, "39 years old", Kind.AGE, 39, unit=YEARS, key="hiker"),
    ]
    b = [
        claim(sb, "64", Kind.AGE, 64, unit=YEARS, key="hospital"),
        claim(sb, "39", Kind.AGE, 39, unit=YEARS, key="hospital"),
    ]
    assert statuses(check_claims(DOCS, [a, b])) == [
        ("agree", ("0:39 years old", "1:39")),
        ("only_in_one_source", ("0:71",)),
        ("only_in_one_source", ("1:64",)),
    ]


def test_returned_and_moved_back_are_one_event() -> None:
    # Two outlets date one move differently: "returned ... 10 weeks ago" vs "moved back ...
    # around six weeks ago"; the shared event word is what ties the durations together.
    weeks = Unit("week", "time", "second", "wk")
    sa = "She returned to her home town 10 weeks ago after a spell in Leeds."
    sb = "She moved back to Ashby around six weeks ago after a spell in York."
    a = claim(sa, "10 weeks", Kind.DURATION, 10, unit=weeks)
    b = claim(sb, "around six weeks", Kind.DURATION, 6, unit=weeks, bound=Bound.APPROXIMATELY)
    assert statuses(check_claims(DOCS, [[a], [b]])) == [
        ("conflict", ("0:10 weeks", "1:around six weeks"))
    ]


def test_a_near_miss_in_a_parallel_sentence_needs_less_evidence() -> None:
    # "a rookie record for a season with 4,051 yards" vs "... with 4,183 passing yards": the
    # referents were read differently, the sentences and the close values say it is one fact.
    parallel = _Candidate(0.2, Verdict.CONFLICT, sentence=0.35, ratio=1.03)
    assert _is_plausible_conflict(parallel, rival=0.0)
    apart = _Candidate(0.2, Verdict.CONFLICT, sentence=0.2, ratio=1.03)
    assert not _is_plausible_conflict(apart, rival=0.0)
    far = _Candidate(0.2, Verdict.CONFLICT, sentence=0.35, ratio=1.5)
    assert not _is_plausible_conflict(far, rival=0.0)


def test_a_headline_needs_a_strong_referent_not_overlapping_sentences() -> None:
    # "2 workers dead, 1 hurt in plant shooting" vs "... killing three workers on the dock".
    headline = _Candidate(
        0.45, Verdict.CONFLICT, sentence=0.05, ratio=1.5, referent=STRONG_REFERENT, headline=True
    )
    assert _is_plausible_conflict(headline, rival=0.0)
    body = _Candidate(
        0.45, Verdict.CONFLICT, sentence=0.05, ratio=1.5, referent=STRONG_REFERENT, headline=False
    )
    assert not _is_plausible_conflict(body, rival=0.0)
    weak = _Candidate(0.45, Verdict.CONFLICT, sentence=0.05, ratio=1.5, referent=0.3, headline=True)
    assert not _is_plausible_conflict(weak, rival=0.0)
    # It still needs its lead over rivals.
    assert not _is_plausible_conflict(headline, rival=0.4)


def test_one_picked_out_of_a_group_does_not_count_the_group() -> None:
    # "one of the injured miners is in hospital" says nothing about how many were injured.
    one = claim(
        "Officials said one of the injured miners is still in hospital.",
        "one",
        value=1,
        key="injured miner",
    )
    two = claim("The blast injured two miners at the pit.", "two", value=2, key="injured miner")
    assert statuses(check_claims(DOCS, [[one], [two]])) == [("conflict", ("0:one", "1:two"))]
    picked = replace(one, singles_out=True)
    assert statuses(check_claims(DOCS, [[picked], [two]])) == [
        ("only_in_one_source", ("0:one",)),
        ("only_in_one_source", ("1:two",)),
    ]


def test_a_headline_figure_the_body_states_once_is_that_figure() -> None:
    title = replace(
        claim("Carmaker to cut 3,500 jobs", "3,500", value=3500, key="job"), headline=True
    )
    body = claim(
        "It would shed 3,500 positions by 2027.", "3,500", value=3500, key="position",
        sentence_start=30,
    )  # fmt: skip
    assert [len(c.claims) for c in collapse(0, [title, body])] == [2]
    # ... but not when the body gives that figure twice, nor for a small count.
    again = claim(
        "Another 3,500 contractors go too.", "3,500", value=3500, key="contractor",
        sentence_start=80,
    )  # fmt: skip
    assert [len(c.claims) for c in collapse(0, [title, body, again])] == [1, 1, 1]
    small_title = replace(claim("2 dead in crash", "2", value=2, key="dead"), headline=True)
    small_body = claim(
        "Police said two drivers were hurt.", "two", value=2, key="driver", sentence_start=20
    )
    assert [len(c.claims) for c in collapse(0, [small_title, small_body])] == [1, 1]


@pytest.mark.parametrize(
    ("sentence", "surface", "years"),
    [
        ("The deadliest since 2007, when 519 died, and in 1998.", "519", {"2007", "1998"}),
        ("The 2013 model costs $1,999.", "$1,999", {"2013"}),
        ("In mid-2019 sales fell 6%.", "6%", {"2019"}),
        ("It killed 1900 people and hurt 300.", "300", set()),  # a count, not a year
        ("Sales rose in 2019.", "2019", set()),  # the claim's own year is not its context
    ],
)
def test_sentence_years_are_the_dated_years_beside_the_claim(
    sentence: str, surface: str, years: set[str]
) -> None:
    assert sentence_years(claim(sentence, surface)) == years
