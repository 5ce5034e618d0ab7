"""Headline casing for the parser: "2 Workers Shot, 1 Hurt in Ohio" read as "2 workers shot, 1 hurt in Ohio".

spaCy's English pipeline learnt from sentence-case text; in a Title Case or ALL CAPS headline it
takes most words for proper nouns and finds no counted noun. The document's own body says how
each word is normally written (truecasing from the document: "workers" occurs in lower case,
"Ohio" does not), so the headline is recased word by word before it is parsed. The result has
the same length as the headline, so every character offset still points into the original.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A headline is shouted or title-cased when this share of its words of 4+ letters is capitalised.
_CAPITALISED_SHARE = 0.7
_MIN_LONG_WORDS = 2
_LOOK_BACK = 12
_ADDRESS = re.compile(r"\S*(?:://|www\.)\S*")


def is_shouted(headline: str) -> bool:
    """True for a Title Case or ALL CAPS headline, False for sentence case."""
    long_words = [w for w in _WORD.findall(headline) if len(w) >= 4]
    if len(long_words) < _MIN_LONG_WORDS:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= _CAPITALISED_SHARE


def body_casing(body: str) -> Counter[str]:
    """How often each written form of a word occurs in ``body`` away from a sentence start
    (web addresses left out: their slugs are in lower case whatever they spell)."""
    forms: Counter[str] = Counter()
    text = _ADDRESS.sub(lambda m: " " * len(m.group()), body)
    for match in _WORD.finditer(text):
        word = match.group()
        if word[1:].islower() and _opens_sentence(text, match.start()):
            continue  # a sentence start capitalises any word ("NATO said" still says NATO)
        forms[word] += 1
    return forms


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - _LOOK_BACK) : at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def truecase_headline(headline: str, forms: Counter[str]) -> str:
    """``headline`` in sentence case, each word in the form ``forms`` has most often, when the
    headline is shouted; unchanged otherwise, and unchanged where a recasing would change length."""
    if not is_shouted(headline):
        return headline
    # imported here: spaCy takes a second to import, and is loaded only when text is parsed
    from spacy.lang.en.stop_words import STOP_WORDS

    all_caps = headline.upper() == headline
    words = list(_WORD.finditer(headline))
    # None where the body never has the word away from a sentence start
    known = [_known_form(m.group(), forms, all_caps) for m in words]
    parts: list[str] = []
    last = 0
    for index, match in enumerate(words):
        word = match.group()
        chosen = known[index]
        if chosen is None:
            # Most words of a headline are common words ("Shot", "Hurt") and its names are
            # nearly always in the body too; an unseen word just before a name is part of it
            # ("Yvonne" of "Yvonne Hiller"), unless it is a function word ("Against Jaguars").
            before_name = (
                not all_caps  # "KEEPS LEEDS": in capitals any word may stand before a name
                and index + 1 < len(words)
                and _is_name(known[index + 1])
                and headline[match.end() : words[index + 1].start()] in (" ", ". ")
                and word.lower() not in STOP_WORDS
            )
            chosen = word if before_name else word.lower()
        if chosen == word.lower() and not headline[: match.start()].strip(" \t\"'“‘("):
            chosen = word[:1].upper() + word[1:].lower()  # the first word keeps its capital
        if len(chosen) != len(word):
            chosen = word
        parts += [headline[last : match.start()], chosen]
        last = match.end()
    parts.append(headline[last:])
    return "".join(parts)


def _known_form(word: str, forms: Counter[str], all_caps: bool) -> str | None:
    if not all_caps and len(word) > 1 and word.isupper():
        return word  # in a Title Case headline a word in capitals is an acronym ("NATO Sends")
    lower, capitalised = word.lower(), word[:1].upper() + word[1:].lower()
    candidates = [(forms[form], form) for form in (lower, capitalised, word) if forms[form]]
    return max(candidates)[1] if candidates else None


def _is_name(form: str | None) -> bool:
    return form is not None and form[:1].isupper()


def restore_casing(text: str, headline: str) -> str:
    """``text`` (words the parser read from a recased ``headline``) as the headline writes them."""
    written = {m.group().lower(): m.group() for m in _WORD.finditer(headline)}
    return _WORD.sub(lambda m: written.get(m.group().lower(), m.group()), text)
