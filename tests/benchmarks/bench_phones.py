"""Phone normalisation: the import's own numbers, and 40,000 distinct numbers, vs phonenumbers.

1. The contact numbers of the import benchmark's export (Facebook address book and
   Instagram synced contacts: 50,000 rows, 40,000 distinct): ``phones.normalize_evidence``
   against ``phonenumbers.parse`` + ``is_valid_number`` + ``format_number(E164)`` run once
   per distinct string and mapped back to the rows (the reference gets the same sharing
   ours does). Target: at least 5x faster, same result.

2. 40,000 *distinct* numbers (no repeats, so sharing parses cannot help: this times the
   E.164 fast path itself), written the ways people write them in many regions
   (``+``/``00``/national prefix, spaces, dashes, dots, brackets; about 10% invalid):
   ``phones.normalize_many`` with the default region IT against ``phonenumbers.parse``
   + ``is_valid_number`` + ``format_number(E164)`` once per number, both with their
   metadata loaded (best of 3 vs 1 run). Target (issue 15): at least 10x faster,
   identical result. A second row shows the first run of a process, which also
   compiles the metadata patterns of every region the numbers fall in (~190 here,
   as random ``+`` digits reach nearly every country code; an export has a few).
"""

from __future__ import annotations

import os
import random
import re

import pandas as pd
import phonenumbers

from privacy_audit import phones, phones_fast
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


def distinct_numbers(count: int, seed: int = 2) -> list[str]:
    """``count`` distinct written numbers of many regions and spellings."""
    rng = random.Random(seed)

    def d(k: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(k))

    shapes = (
        lambda: f"+39 3{rng.randint(20, 49)} {d(3)} {d(4)}",
        lambda: f"3{rng.randint(20, 49)}{d(7)}",
        lambda: f"0039 3{rng.randint(20, 49)}-{d(7)}",
        lambda: f"06 {d(8)}",
        lambda: f"02-{d(7)}",
        lambda: f"+39 0{rng.randint(10, 99)} {d(6)}",
        lambda: f"+49 15{rng.randint(1, 9)} {d(8)}",
        lambda: f"+49 (0)30 {d(8)}",
        lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
        lambda: f"+34 6{d(8)}",
        lambda: f"+44 7{rng.randint(400, 999)} {d(6)}",
        lambda: f"+44 20 {d(4)} {d(4)}",
        lambda: f"+1 ({rng.randint(201, 989)}) {d(3)}-{d(4)}",
        lambda: f"+1.{rng.randint(201, 989)}.{d(3)}.{d(4)}",
        lambda: f"+54 9 11 {d(4)}-{d(4)}",
        lambda: f"+52 1 55 {d(4)} {d(4)}",
        lambda: f"+52 55 {d(4)} {d(4)}",
        lambda: f"+55 11 9{d(4)}-{d(4)}",
        lambda: f"+91 9{d(4)} {d(5)}",
        lambda: f"+7 9{d(2)} {d(3)}-{d(2)}-{d(2)}",
        lambda: f"+41 7{rng.randint(5, 9)} {d(3)} {d(2)} {d(2)}",
        lambda: "+" + d(rng.randint(6, 15)),
        lambda: d(rng.randint(5, 12)),
    )
    seen: set[str] = set()
    while len(seen) < count:
        seen.add(rng.choice(shapes)())
    return sorted(seen)


def _distinct_rows() -> list[Row]:
    """40,000 distinct numbers: the fast path against phonenumbers per number."""
    size = int(os.environ.get("BENCH_PHONES_DISTINCT", "40000"))
    numbers = distinct_numbers(size)

    def ours() -> list[str | None]:
        return phones.normalize_many(numbers, "IT")

    def ours_cold() -> list[str | None]:
        re.purge()  # the patterns compiled again too, not served by re's cache
        phones_fast.clear_compiled()
        return phones.normalize_many(numbers, "IT")

    def naive() -> list[str | None]:
        return [_naive(raw, "IT") for raw in numbers]

    cold_s, _ = timed(ours_cold, 1)
    ours_s, ours_out = timed(ours, 3)
    naive_s, naive_out = timed(naive, 1)  # after ours: phonenumbers' metadata loaded too
    same = ours_out == naive_out
    ratio = naive_s / ours_s
    print(
        f"phones: {size:,} distinct numbers; ours {ours_s:.3f} s (first run, compiling "
        f"the metadata: {cold_s:.3f} s), phonenumbers {naive_s:.3f} s, {ratio:.1f}x faster, "
        f"identical: {same}"
    )
    return [
        Row(
            f"E.164 of {size:,} distinct numbers, identical: {same}",
            ours_s,
            "s",
            baseline=naive_s,
            baseline_name="phonenumbers per distinct number",
            target="ratio <= 0.1 (>= 10x faster), identical",
            met=same and ratio >= 10,
            timed=(
                "ours: phones.normalize_many(numbers, IT), best of 3; reference: phonenumbers "
                "parse + is_valid_number + format_number(E164) per number, 1 run after ours "
                "(metadata loaded); wall time, same process"
            ),
        ),
        Row(
            "the same, first run of the process (compiling the metadata of every region seen)",
            cold_s,
            "s",
            baseline=naive_s,
            baseline_name="phonenumbers per distinct number",
            timed=(
                "ours: normalize_many after re.purge() and clearing our compiled metadata, "
                "1 run; reference as above"
            ),
        ),
    ]


def run() -> list[Row]:
    """Ours vs phonenumbers: a contact column with repeats, and distinct numbers."""
    return [*_column_rows(), *_distinct_rows()]


def import_workload() -> list[str]:
    """The contact numbers of the import benchmark's export, as written there: the Facebook
    address book's and the Instagram synced contacts' (tens of thousands distinct)."""
    from tests.benchmarks import bench_import

    fb = bench_import.facebook_files()
    book = next(v for k, v in fb.items() if k.endswith("your_address_books.json"))
    numbers = [
        d["contact_point"] for c in book["address_book_v2"]["address_book"] for d in c["details"]
    ]
    ig = bench_import.instagram_files()["connections/contacts/synced_contacts.json"]
    numbers += [
        c["string_map_data"]["Contact Information"]["value"] for c in ig["contacts_contact_info"]
    ]
    return numbers


def _column_rows() -> list[Row]:
    """The import's own numbers: ours vs phonenumbers once per distinct string, mapped back."""
    column = import_workload()
    distinct = len(set(column))

    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("bench", "facebook", "dyi", "json", "x"))
    sink.add_frame("contacts", pd.DataFrame({"origin": "address_book", "phone_raw": column}))
    evidence = builder.build()

    def ours() -> pd.Series:
        # normalize_evidence copies the tables it fills: every run starts from raw values
        return phones.normalize_evidence(evidence, "IT").contacts["phone_e164"]

    def reference() -> list[str | None]:
        once = {raw: _naive(raw, "IT") for raw in dict.fromkeys(column)}  # each string once
        return [once[raw] for raw in column]

    ours_s, ours_out = timed(ours, 3)
    ref_s, ref_out = timed(reference, 3)
    same = [None if pd.isna(v) else v for v in ours_out] == ref_out
    print(
        f"phones: {len(column):,} numbers of the import ({distinct:,} distinct); ours "
        f"{ours_s:.3f} s, phonenumbers once per distinct string {ref_s:.3f} s, "
        f"{ref_s / ours_s:.1f}x, same result: {same}"
    )
    return [
        Row(
            f"E.164 of the import benchmark's {len(column):,} contact numbers "
            f"({distinct:,} distinct), same result: {same}",
            ours_s,
            "s",
            baseline=ref_s,
            baseline_name="phonenumbers once per distinct string",
            target="ratio <= 0.2, same result",
            met=same and ref_s / ours_s >= 5,
            timed=(
                "ours: phones.normalize_evidence(contacts table, IT); reference: "
                "phonenumbers.parse + is_valid_number + format_number(E164) once per distinct "
                "string, then mapped to every row; wall time, best of 3 each, same process, warm"
            ),
        )
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
