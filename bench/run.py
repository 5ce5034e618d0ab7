"""`make bench`: accuracy against ../shared/bench (when present) and speed, beside bare quantulum3.

Writes predictions to bench/out/ (git-ignored), scores them with ../shared/bench/score.py and
prints one table per data set, then sentences per second after warm-up and cold-start times.
Then the reconciliation part (bench/reconcile.py): conflict recall and precision and agreement
recall on ../shared/bench/reconcile-dev, the cold `factcheck check` of the seed pair beside
bare quantulum3's and bare spaCy's cold parse of the same two texts, and warm pairs per second.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import reconcile  # noqa: E402
from newsquant import predictions, quantulum_prediction  # noqa: E402

from factcheck.extract import extract_documents  # noqa: E402
from factcheck.model import Document  # noqa: E402
from factcheck.nlp import load_model  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
SEEDS = ROOT.parent / "shared" / "seeds"
COLD_RUNS = 5
OUT = ROOT / "bench" / "out"
DATASETS = (("newsquant", "newsquant-dev.jsonl"), ("measeval", "measeval-dev.jsonl"))
ROWS = ("detection (span overlap)", "value", "value+unit", "value+change", "unit (matched span)",
        "referent (tokF1>=0.5)", "value+referent (tokF1>=0.5)")  # fmt: skip
CQE = {"value": 90.5, "value+unit": 82.0, "value+change": 85.4, "referent (tokF1>=0.5)": 77.7}


def load(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def documents(records: list[dict[str, Any]]) -> list[Document]:
    return [Document(path=str(r["id"]), text=r["text"]) for r in records]


def ours(records: list[dict[str, Any]], measeval: bool) -> list[dict[str, Any]]:
    claims = extract_documents(documents(records), load_model())
    out = []
    for record, found in zip(records, claims, strict=True):
        predicted = [p for c in found for p in predictions(c, record["text"], measeval=measeval)]
        out.append({"id": record["id"], "quantities": predicted})
    return out


def quantulum(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from quantulum3 import parser

    out = []
    for record in records:
        try:
            found = parser.parse(record["text"])
        except Exception:  # quantulum3 raises on some inputs; count it as finding nothing
            found = []
        out.append({"id": record["id"], "quantities": [quantulum_prediction(q) for q in found]})
    return out


def score(gold: Path, predictions: list[dict[str, Any]], name: str) -> dict[str, Any]:
    pred_path = OUT / f"{name}.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    json_path = OUT / f"{name}.score.json"
    subprocess.run(
        [sys.executable, str(BENCH / "score.py"), "--gold", str(gold), "--pred", str(pred_path),
         "--mode", "span", "--json", str(json_path), "--pairs", str(OUT / f"{name}.pairs.csv")],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    table: dict[str, Any] = json.loads(json_path.read_text())["results"]["span"]["table"]
    return table


def print_table(title: str, systems: dict[str, dict[str, Any]]) -> None:
    names = list(systems)
    print(f"\n{title} (micro F1, %; span-overlap matching)")
    print(f"  {'row':30}" + "".join(f"{n:>14}" for n in names) + f"{'CQE (README)':>14}")
    for row in ROWS:
        cells = []
        for name in names:
            cell = systems[name].get(row)
            cells.append(f"{cell['F1']:>14.1f}" if cell else f"{'—':>14}")
        cqe = CQE.get(row)
        print(
            f"  {row:30}"
            + "".join(cells)
            + (f"{cqe:>14.1f}" if cqe and "newsquant" in title else f"{'':>14}")
        )


def speed(records: list[dict[str, Any]]) -> float:
    """Sentences per second after one warm-up pass over the same sentences."""
    nlp = load_model()
    docs = documents(records)
    extract_documents(docs[:20], nlp)
    started = time.perf_counter()
    extract_documents(docs, nlp)
    return len(docs) / (time.perf_counter() - started)


def quantulum_speed(records: list[dict[str, Any]]) -> float:
    from quantulum3 import parser

    parser.parse(records[0]["text"])
    started = time.perf_counter()
    for record in records:
        with contextlib.suppress(Exception):  # quantulum3 raises on some inputs
            parser.parse(record["text"])
    return len(records) / (time.perf_counter() - started)


def cold_start(code: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(code, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    example = [str(ROOT / "fixtures" / "example" / n) for n in ("outlet_a.txt", "outlet_b.txt")]
    factcheck = str(Path(sys.executable).parent / "factcheck")
    if not BENCH.is_dir():
        print(f"{BENCH} is absent: accuracy skipped (the bench data stays outside the repo)")
    else:
        for name, filename in DATASETS:
            gold = BENCH / filename
            records = load(gold)
            systems = {
                "factcheck": score(gold, ours(records, name == "measeval"), f"{name}-factcheck"),
                "quantulum3": score(gold, quantulum(records), f"{name}-quantulum3"),
            }
            print_table(f"{name}-dev: {len(records)} records", systems)
        news = load(BENCH / "newsquant-dev.jsonl")
        sentences = news + news  # about 400 sentences, as in the README's speed figures
        print(f"\nspeed on {len(sentences)} news sentences, one process:")
        print(f"  factcheck extract:  {speed(sentences):6.0f} sentences/s after warm-up")
        print(f"  bare quantulum3:    {quantulum_speed(sentences):6.0f} sentences/s after warm-up")
    print("cold start (fresh process):")
    print(
        f"  factcheck extract on the example pair: {cold_start([factcheck, 'extract', *example]):.2f} s"
    )
    quantulum_code = "from quantulum3 import parser; parser.parse('12 miles')"
    print(
        f"  quantulum3 first parse:                {cold_start([sys.executable, '-c', quantulum_code]):.2f} s"
    )
    reconciliation()
    return 0


# Bare libraries on the same two texts, each in a fresh process: what a cold check is measured
# against (quantulum3 builds its tables on first use; spaCy pays for loading its model).
BARE_QUANTULUM = (
    "import sys; from pathlib import Path; a, b = (Path(p).read_text(encoding='utf-8')"
    " for p in sys.argv[1:]); from quantulum3 import parser; parser.parse(a); parser.parse(b)"
)
BARE_SPACY = (
    "import sys; from pathlib import Path; a, b = (Path(p).read_text(encoding='utf-8')"
    " for p in sys.argv[1:]); from factcheck.nlp import load_model; nlp = load_model();"
    " nlp(a); nlp(b)"
)


def cold_median(code: list[str], runs: int = COLD_RUNS) -> float:
    """Median wall time of ``runs`` fresh processes running ``code``."""
    return statistics.median(cold_start(code) for _ in range(runs))


def reconciliation() -> None:
    """The reconcile bench: accuracy on reconcile-dev, then the check's cold and warm speed."""
    print("\nreconciliation (bench/reconcile.py):")
    figures = reconcile.run(ROOT)
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(seeds) < 2:
        print(f"{SEEDS} is absent: cold-start comparison on the seed pair skipped")
        return
    pair = [str(seeds[0]), str(seeds[1])]
    quantulum_cold = cold_median([sys.executable, "-c", BARE_QUANTULUM, *pair])
    spacy_cold = cold_median([sys.executable, "-c", BARE_SPACY, *pair])
    check_cold = figures["check_speed"].get("cold_seed_pair_seconds")
    print(f"cold start on the seed pair (median of {COLD_RUNS} fresh processes):")
    if check_cold is not None:
        print(f"  factcheck check:                {check_cold:.2f} s")
    print(f"  bare quantulum3 parse of both:  {quantulum_cold:.2f} s")
    print(f"  bare spaCy load + parse of both: {spacy_cold:.2f} s")
    if check_cold is not None:
        print(f"  check / bare quantulum3:        {check_cold / quantulum_cold:.2f} (target <= 1)")
    warm = figures["check_speed"]
    if "ratio_to_spacy" in warm:
        print(
            f"warm: {warm['pairs_per_second']:.2f} pairs/s; check time / bare spaCy parse time"
            f" = {warm['ratio_to_spacy']:.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    sys.exit(main())
