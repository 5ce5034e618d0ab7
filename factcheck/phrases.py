"""Reading one number's sentence in a spaCy parse: phrases, subjects, attribution, names.

Part of the spaCy adapter with ``factcheck.referents``: functions over spaCy tokens that return
plain strings and records. Nothing here imports spaCy; tokens come from ``referents.read_chunks``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.model import Referent

Token = Any  # spacy.tokens.Token; kept loose so that nothing of spaCy is imported at run time
Span = Any

NOUNS = frozenset({"NOUN", "PROPN"})
MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
SAY_VERBS = frozenset(
    {"say", "tell", "confirm", "announce", "report", "state", "add", "note", "claim", "warn",
     "estimate", "write", "insist", "caution", "explain", "argue", "reveal", "declare", "predict"}
)  # fmt: skip
# "78 of their own": the counted noun is elided and must come from a parallel phrase.
ELLIPSIS_WORDS = frozenset({"own", "they", "them", "those", "these", "theirs", "ours", "it"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "ccomp", "relcl", "acl", "prep", "pobj", "dobj",
                        "npadvmod", "attr", "advmod", "nummod", "quantmod", "compound", "appos", "amod",
                        "nmod", "oprd", "acomp", "dative", "agent"})  # fmt: skip


EMPTY = Referent(text="", key="")


HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _is_key_word(t: Token) -> bool:
    # spaCy lists "former" as a stop word; adjectives and nouns stay in the key
    return (
        (t.is_alpha or t.pos_ in NOUNS) and not (t.is_stop and t.pos_ not in ("ADJ", "NOUN", "PROPN"))
        and not t.like_num and t.text not in HYPHENS
        and t.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "PART", "PUNCT", "AUX")
    )  # fmt: skip


def referent_key(tokens: Iterable[Token]) -> str:
    """The key words of a referent, lemmatised; a hyphenated word stays one word ("co-worker")."""
    words: list[str] = []
    for run in _hyphen_runs(sorted(tokens, key=lambda t: t.i)):
        if len(run) > 1:
            words.append(hyphenated_lemma(run))
        elif _is_key_word(run[0]):
            words.append(run[0].lemma_.lower())
    return " ".join(words)


def hyphen_run(token: Token) -> list[Token]:
    """The tokens of the hyphenated word ``token`` is part of: spaCy splits "co-workers" into
    "co", "-", "workers" and hangs the halves anywhere; just ``token`` when it stands alone."""
    doc, start, end = token.doc, token.i, token.i
    while start >= 2 and _joins(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 2 < len(doc) and _joins(doc[end], doc[end + 1]):
        end += 2
    run = [doc[i] for i in range(start, end + 1)]
    # "Russia-Ukraine talks", "Dallas-Fort Worth": names joined by a hyphen stay names
    if all(t.pos_ == "PROPN" for t in run[::2]):
        return [token]
    return run


def _whole_word(token: Token, skip: frozenset[int]) -> list[Token]:
    """``token`` with the rest of its hyphenated word, unless a part belongs to a number ("lb-ft")."""
    run = hyphen_run(token)
    return [token] if any(t.i in skip for t in run) else run


def _joins(word: Token, hyphen: Token) -> bool:
    """``word`` is glued by ``hyphen`` to the word after it ("co" "-" "workers")."""
    doc = word.doc
    after = doc[hyphen.i + 1] if hyphen.i + 1 < len(doc) else None
    return (
        hyphen.text in HYPHENS and not word.whitespace_ and not hyphen.whitespace_
        and word.is_alpha and not word.like_num
        and after is not None and after.is_alpha and not after.like_num
    )  # fmt: skip


def _hyphen_runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """``tokens`` grouped into hyphenated words, each whole only when all its parts are chosen."""
    chosen = {t.i for t in tokens}
    runs: list[list[Token]] = []
    for token in tokens:
        run = hyphen_run(token)
        if len(run) > 1 and all(t.i in chosen for t in run):
            if run[0].i == token.i:
                runs.append(run)
        elif token.text not in HYPHENS:
            runs.append([token])
    return runs


def hyphenated_lemma(run: Sequence[Token]) -> str:
    """ "co-workers" → "co-worker", "passers-by" → "passers-by": the last part lemmatised when it
    is the noun ("co-workers"), the word as written otherwise."""
    last = run[-1]
    lowered = [t.lower_ for t in run]
    if last.pos_ in NOUNS and last.lemma_:
        lowered[-1] = last.lemma_.lower()
    return "".join(lowered)


def modifier_tokens(token: Token, keep_poss: bool) -> list[Token]:
    found: list[Token] = []
    for child in token.lefts:
        # "coal-fired plants": the first half of a hyphenated modifier hangs off the second
        hyphenated = token.dep_ == "amod" and child.dep_ == "npadvmod" and child.i + 2 == token.i
        if (
            (child.dep_ in MODIFIERS or hyphenated)
            and not child.like_num
            and child.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
        ):
            if child.dep_ == "poss" and (not keep_poss or child.pos_ == "PRON"):
                continue
            found.extend(modifier_tokens(child, keep_poss))
            found.append(child)
    return found


def phrase_tokens(
    head: Token,
    *,
    with_of: bool = True,
    keep_poss: bool = False,
    skip: frozenset[int] = frozenset(),
    preps: tuple[str, ...] = ("of",),
) -> list[Token]:
    tokens = [*modifier_tokens(head, keep_poss), *_whole_word(head, skip)]
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                # "turnover of 1.23 billion shekels": the number's own phrase is not the referent
                if objects and objects[0].pos_ not in ("PRON", "NUM") and objects[0].i not in skip:
                    the = [c for c in objects[0].lefts if c.dep_ == "det" and c.lower_ == "the"]
                    obj = objects[0]
                    tokens += [
                        child,
                        *the,
                        *modifier_tokens(obj, keep_poss),
                        *_whole_word(obj, skip),
                    ]
                break
    tokens = [t for t in tokens if t.i == head.i or t.i not in skip]
    return sorted(tokens, key=lambda t: t.i)


def render_tokens(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    if tokens:
        doc = tokens[0].doc
        # keep the hyphen of "Russia-Ukraine talks" that no dependency arc reaches
        chosen = {t.i for t in tokens}
        hyphens = [
            doc[i]
            for i in range(tokens[0].i, tokens[-1].i)
            if i not in chosen and doc[i].text in ("-", "–")
        ]
        tokens = sorted([*tokens, *hyphens], key=lambda t: t.i)
    for index, token in enumerate(tokens):
        parts.append(token.text)
        if index + 1 < len(tokens):
            parts.append(" " if token.whitespace_ or tokens[index + 1].i != token.i + 1 else "")
    return "".join(parts).replace(" 's", "'s")


def make_referent(tokens: Sequence[Token], head: Token, resolved_from: str = "") -> Referent:
    run = hyphen_run(head)
    head_word = hyphenated_lemma(run) if len(run) > 1 else head.lemma_.lower()
    return Referent(render_tokens(tokens), referent_key(tokens), head_word, resolved_from)


def clause_subject(token: Token, inside: frozenset[int] = frozenset()) -> Token | None:
    """The subject of the clause ``token`` stands in, climbing through verbs that have none.

    None when the number itself is the subject ("about 25% opposed it"): the clause then
    says nothing about what it counts.
    """
    current = token
    for _ in range(12):
        if current.dep_ in SUBJECT_DEPS and (current.i == token.i or current.i in inside):
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i and child.i not in inside:
                if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                    # "the fund that rose 5%": the fund; "$5.5 million, which works out to $1,100
                    # per square foot": another number is no subject
                    numeric = current.head.like_num or current.head.ent_type_ in NUMERIC_LABELS
                    return None if numeric else current.head
                return child
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return None
        current = current.head
    return None


def top_token(tokens: Sequence[Token]) -> Token:
    """The token of a span whose head lies outside it."""
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[-1]


def of_object(token: Token, prepositions: tuple[str, ...] = ("of",)) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def counted_noun(tokens: Sequence[Token], number: Token) -> tuple[Token | None, bool]:
    """(noun counted, is ellipsis): "6,000 bodies" → bodies; "five of its regions" → regions."""
    for token in (number, top_token(tokens)):
        obj = of_object(token)
        if obj is not None:
            return obj, obj.lower_ in ELLIPSIS_WORDS or obj.pos_ == "PRON"
    top = top_token(tokens)
    if (
        top.dep_ in ("nummod", "amod", "compound", "quantmod")
        and top.head.pos_ in NOUNS
        and top.head.i > top.i
    ):
        return top.head, False
    return None, False


def measured_noun(
    tokens: Sequence[Token], money: bool = False, numbers: frozenset[int] = frozenset()
) -> Token | None:
    """What a measure or share is of: "40 per cent of its volume" → volume; "fund worth $2m" → fund.

    Money also takes "in": "$1 billion in gains" → gains.
    """
    for token in tokens:
        obj = of_object(token, ("of", "in") if money else ("of",))
        if (obj is not None and obj.pos_ == "NOUN") or (
            obj is not None and obj.pos_ == "PROPN" and not money
        ):
            return obj
    top = top_token(tokens)
    head = top.head
    if top.dep_ in ("pobj", "npadvmod", "amod", "compound", "nmod", "nummod") and head.i != top.i:
        if (
            head.pos_ in ("ADJ", "ADP")
            and head.lower_ in ("worth", "of", "at", "valued")
            and head.head.pos_ in NOUNS
        ):
            return head.head
        if head.pos_ in NOUNS and top.dep_ != "pobj" and head.i not in numbers:
            return head  # but "eight or nine euros": "euros" belongs to the next number
    return None


def owner_phrase(token: Token | None) -> str:
    """ "a survey of more than 6,000 employers" → survey: the noun whose of-phrase the number stands in."""
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "of":
        return ""
    owner = token.head.head
    if owner.pos_ != "NOUN" or owner.ent_type_ in NUMERIC_LABELS:
        return ""
    return render_tokens([*modifier_tokens(owner, True), owner])


def nearest_noun(first: Token, inside: frozenset[int]) -> Token | None:
    """The closest noun before the number in its sentence, the head of its phrase: "this year's MSRP is $33,790"."""
    for index in range(first.i - 1, first.sent.start - 1, -1):
        token = first.doc[index]
        if (
            token.i in inside
            or token.pos_ not in NOUNS
            or token.ent_type_ in ("DATE", "TIME", "CARDINAL")
        ):
            continue
        while (
            token.dep_ in ("compound", "amod")
            and token.head.pos_ in NOUNS
            and token.head.i < first.i
        ):
            token = token.head
        return token if token.i not in inside else None
    return None


def subject_phrase(token: Token, inside: frozenset[int]) -> tuple[str, Token | None]:
    subject = clause_subject(token, inside)
    if subject is None or subject.pos_ == "PRON":
        return "", None
    return render_tokens(phrase_tokens(subject, keep_poss=True)), subject


def person_name(span: Span) -> str:
    """A PERSON entity with the title compounds before it: "Kremlin spokesman Dmitry Peskov"."""
    root = span.root
    return render_tokens([*modifier_tokens(root, False), root])


def find_attribution(sentence: Span, last_person: str) -> str:
    for token in sentence:
        if token.lower_ == "according":
            for child in token.subtree:
                if child.dep_ == "pobj":
                    return render_tokens(phrase_tokens(child, with_of=False))
    for token in sentence:
        if token.lemma_ in SAY_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    if child.pos_ == "PRON":
                        return last_person if child.lower_ in ("he", "she") else ""
                    return render_tokens([*modifier_tokens(child, True), child])
    return ""


def sentence_context(sentence: Span) -> tuple[str, ...]:
    words = [
        t.lemma_.lower() for t in sentence if t.pos_ in CONTENT and t.is_alpha and not t.is_stop
    ]
    words += [
        e.text.lower()
        for e in sentence.ents
        if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT")
    ]
    return tuple(dict.fromkeys(words))


def is_name(first: Token, number: Token) -> bool:
    if first.i == 0:
        return False
    previous = first.doc[first.i - 1]
    if previous.pos_ != "PROPN" or not previous.text[:1].isalpha() or previous.lower_ in MONTHS:
        return False
    if previous.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "MONEY", "LOC"):
        return False
    if not first.text[:1].isdigit() and not (
        first.text[:1].isupper() and first.i > first.sent.start + 1
    ):
        return False  # number words only when capitalised inside a name ("the Kick Six")
    if previous.head.i == number.head.i and (
        previous.dep_ in ("nmod", "compound") or number.head.i > number.i
    ):
        return True  # "the iPhone 5 offer", "the Stoxx 600 index": both modify the noun after
    after = first.doc[number.i + 1] if number.i + 1 < len(first.doc) else None
    if (
        after is not None
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
        and after.i == number.i + 1
    ):
        return True  # "iPhone 11 Pro": a number between two parts of a name
    return (
        number.head.i == previous.i
        or previous.head.i == number.i
        or number.dep_ in ("appos", "npadvmod")
    )


STREETS = frozenset(
    {
        "street",
        "road",
        "avenue",
        "lane",
        "boulevard",
        "drive",
        "way",
        "place",
        "square",
        "st",
        "rd",
        "ave",
    }
)


def is_address(number: Token) -> bool:
    """ "575 Wilbraham Road": a street number."""
    doc = number.doc
    index = number.i + 1
    while index < len(doc) and doc[index].pos_ == "PROPN" and index - number.i <= 4:
        if doc[index].lower_.rstrip(".") in STREETS:
            return True
        index += 1
    return False


def is_age(first: Token, last: Token) -> bool:
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.text == "," and first.i > 1:
        before = doc[first.i - 2]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        before is not None and before.ent_type_ == "PERSON" and first.text.isdigit()
        and 0 < int(first.text) < 120 and after is not None
        and (after.text == "," or (after.pos_ in ("VERB", "AUX") and after.text.islower()))
    )  # fmt: skip
    # A headline's title case is no person and verb: "2 Dead, 1 Wounded" holds no age.


def demonym(name: str, known: Iterable[str]) -> str:
    """ "Russia" → "Russian", preferring a demonym the text itself uses ("Chilean", "Argentine")."""
    best = ""
    for candidate in known:
        shared = 0
        for a, b in zip(candidate.lower(), name.lower(), strict=False):
            if a != b:
                break
            shared += 1
        if shared >= 4 and shared >= len(name) - 2 and len(candidate) > len(best):
            best = candidate
    if best:
        return best
    if name.endswith("a"):
        return name + "n"
    return name + "an" if name.endswith("e") else name + "ese"
