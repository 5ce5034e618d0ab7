from factcheck.model import Bound, Claim, Kind, Quantity, Referent, Unit
from factcheck.records import claim_record
from factcheck.tables import CLAIM_COLUMNS, claims_frame


def make_claim() -> Claim:
    miles = Unit(name="mile", dimension="length", base="metre")
    return Claim(
        start=10,
        end=18,
        text="12 miles",
        kind=Kind.MEASURE,
        quantity=Quantity(12.0, 12.0, 12.0, Bound.EXACT, miles, 19312.128, 19312.128),
        referent=Referent(text="retreat of the glacier", key="retreat glacier", head="retreat"),
        sentence="It retreated 12 miles.",
    )


def test_claim_record_is_flat_and_built_in() -> None:
    record = claim_record(make_claim())
    assert tuple(record) == CLAIM_COLUMNS
    assert record["kind"] == "measure" and type(record["kind"]) is str
    assert record["bound"] == "exact" and type(record["bound"]) is str
    assert record["base_lo"] == 19312.128
    assert record["unit"] == "mile" and record["base_unit"] == "metre"


def test_claims_frame_has_one_row_a_claim() -> None:
    frame = claims_frame([make_claim(), make_claim()])
    assert frame.shape == (2, len(CLAIM_COLUMNS))
    assert list(frame["text"]) == ["12 miles", "12 miles"]
    assert claims_frame([]).shape == (0, len(CLAIM_COLUMNS))
