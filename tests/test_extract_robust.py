"""Bad input: the extractor never raises, returns real substrings, and finishes on huge texts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import CHUNK_CHARS, chunks, clip, extract

NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789 ,.-–/:%$€£½aeimnoprstuy\n")) | st.characters(),
    max_size=200,
)


@pytest.mark.spacy
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=NEWSY, published=st.sampled_from(["", "2025-07-23", "not a date"]))
def test_never_raises_and_spans_are_real(nlp, text: str, published: str) -> None:  # type: ignore[no-untyped-def]
    for claim in extract(text, published, nlp=nlp):
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence in text


@pytest.mark.spacy
def test_empty_text_has_no_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    assert extract("", nlp=nlp) == []
    assert extract("   \n\n ", nlp=nlp) == []


@pytest.mark.spacy
def test_only_digits(nlp) -> None:  # type: ignore[no-untyped-def]
    assert extract("7" * 200_000, nlp=nlp) == []  # a run of digits is no quantity


@pytest.mark.spacy
def test_five_megabyte_single_line(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "the river ran on and on " * 210_000 + "and 12 boats sank."
    assert len(text) > 5_000_000
    claims = extract(text, nlp=nlp)
    assert [(c.text, c.referent.text) for c in claims] == [("12", "boats")]


@pytest.mark.spacy
def test_hundred_thousand_numbers(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = extract(" ".join(str(n) for n in range(100_000)), nlp=nlp)
    assert claims and all(c.text == str(int(c.quantity.value or 0)) for c in claims)


def test_chunks_cover_long_lines_within_the_limit() -> None:
    text = "word " * 5_000 + "\nshort line\n"
    pieces = list(chunks(text))
    assert all(end - start <= CHUNK_CHARS for start, end in pieces)
    assert "".join(text[s:e] for s, e in pieces).split() == text.split()


@pytest.mark.spacy
def test_lone_surrogates_do_not_reach_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "About 12 boats \ud800 sank."
    assert [(c.text, c.referent.text) for c in extract(text, nlp=nlp)] == [("About 12", "boats")]


def test_clip_leaves_out_excluded_spans_and_blank_parts() -> None:
    text = "Alpha beta.icon closeicon\n  \nGamma 3."
    icon = text.index("icon")
    blank = text.index("\n  \n")
    excluded = [(icon, icon + len("icon closeicon")), (blank, blank + 1)]
    assert list(clip(text, 0, len(text), excluded)) == [(0, icon), (blank + 1, len(text))]
    assert list(clip(text, icon, icon + 4, excluded)) == []
