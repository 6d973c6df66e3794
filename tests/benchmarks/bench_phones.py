"""Phone normalisation of 100,000 contacts: ``phones.normalize_evidence`` vs per-row parsing.

Contact lists repeat numbers a lot (the same people in the phone book, on WhatsApp, in
several uploads, written in different ways): the generated column has 100,000 rows drawn
from 15,000 distinct strings (7,500 numbers, each also typed a second way). The baseline
is the naive reference the tests compare against: ``phonenumbers.parse`` +
``is_valid_number`` + ``format_number(E164)`` per row.
Target: at least 5x faster, same result.
"""

from __future__ import annotations

import os
import random

import pandas as pd
import phonenumbers

from privacy_audit import phones
from privacy_audit.model import EvidenceBuilder, SourceInfo
from tests.benchmarks.harness import Row, timed


def _naive(raw: str | None, region: str) -> str | None:
    if raw is None:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def contact_column(rows: int, distinct: int, seed: int = 1) -> list[str | None]:
    """``rows`` phone strings drawn from ``distinct`` ones (IT-heavy mix, some invalid)."""
    rng = random.Random(seed)

    def d(k: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(k))

    shapes = (
        lambda: f"+39 3{rng.randint(20, 49)} {d(3)} {d(4)}",
        lambda: f"3{rng.randint(20, 49)}{d(7)}",
        lambda: f"0039 3{rng.randint(20, 49)}-{d(7)}",
        lambda: f"06 {d(8)}",
        lambda: f"+49 15{rng.randint(1, 9)} {d(8)}",
        lambda: f"+33 6{d(8)}",
        lambda: f"+1 ({rng.randint(201, 989)}) {d(3)}-{d(4)}",
        lambda: d(rng.randint(3, 5)),
        lambda: "+" + d(rng.randint(4, 16)),
    )

    def respell(number: str) -> str:  # the same number typed another way
        compact = number.replace(" ", "").replace("-", "")
        return rng.choice((compact, number.replace(" ", "-"), number))

    numbers = [rng.choice(shapes)() for _ in range(distinct // 2)]
    pool: list[str | None] = [*numbers, *(respell(n) for n in numbers), None]
    return [rng.choice(pool) for _ in range(rows)]


def run() -> list[Row]:
    """One row: ours vs the naive per-row reference on the same column."""
    size = int(os.environ.get("BENCH_PHONES_ROWS", "100000"))
    column = contact_column(size, max(1, size * 15 // 100))

    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("bench", "whatsapp", "account_report", "json", "x"))
    sink.add_frame("contacts", pd.DataFrame({"origin": "whatsapp_contacts", "phone_raw": column}))
    evidence = builder.build()

    def ours() -> pd.Series:
        # normalize_evidence copies the tables it fills: every run starts from raw values
        return phones.normalize_evidence(evidence, "IT").contacts["phone_e164"]

    def naive() -> list[str | None]:
        return [_naive(raw, "IT") for raw in column]

    ours_s, ours_out = timed(ours, 3)
    naive_s, naive_out = timed(naive, 1)
    same = [None if pd.isna(v) else v for v in ours_out] == naive_out
    print(
        f"phones: {size:,} rows; ours {ours_s:.3f} s, naive {naive_s:.3f} s, "
        f"{naive_s / ours_s:.1f}x faster, same result: {same}"
    )
    return [
        Row(
            f"normalise {size:,} contact numbers (E.164), same result: {same}",
            ours_s,
            "s",
            baseline=naive_s,
            baseline_name="per-row phonenumbers",
            target="ratio <= 0.2, same result",
            met=same and naive_s / ours_s >= 5,
        )
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
