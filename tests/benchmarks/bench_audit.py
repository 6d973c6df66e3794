"""Cross-reference + findings time, separately from import (target: 1 s per 50,000 contacts
uploaded to Facebook, Messenger or Instagram, never less than 1 s).

Two inputs, measured in the same run:

- a synthetic Evidence built directly with ``EvidenceBuilder.add_frame``: 50,000 contacts
  uploaded to Facebook and Instagram, 15,000 WhatsApp contacts (half of them also
  uploaded), 2,000 friends, 40,000 logins, 10,000 off-Meta events, 200,000 messages;
- the demo persona "giulia" at ``BENCH_AUDIT_DEMO_SCALE`` (default 100: tens of thousands
  of contacts), written with ``demo.write_persona`` and imported with the pipeline; the
  import time is reported on its own row, the audit time on another.

``crossref`` is :func:`privacy_audit.analysis.crossref.crossref`; ``findings`` is
:func:`privacy_audit.analysis.rules.evaluate` on its tables; ``run_audit`` adds score,
cards and letters.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from privacy_audit.analysis import crossref as xr
from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.rulekit import RuleContext
from privacy_audit.analysis.rules import evaluate
from privacy_audit.i18n import translator
from privacy_audit.model import Evidence, EvidenceBuilder, SourceInfo
from tests.benchmarks.harness import Row, timed

TARGET_S = 1.0
CONTACTS = 50_000
DEMO_SCALE = int(os.environ.get("BENCH_AUDIT_DEMO_SCALE", "100"))


def _phones(start: int, n: int) -> np.ndarray:
    return np.char.add("+39347", np.char.zfill((np.arange(start, start + n)).astype(str), 7))


def synthetic_evidence(contacts: int = CONTACTS) -> Evidence:
    """A big Evidence built with add_frame (no importer involved)."""
    rng = np.random.default_rng(7)
    b = EvidenceBuilder()
    fb = b.source(SourceInfo("fb.zip", "facebook", "dyi", "json", "facebook-2024"))
    ig = b.source(SourceInfo("ig.zip", "instagram", "dyi", "json", "instagram-2023"))
    wa = b.source(SourceInfo("wa.zip", "whatsapp", "account_report", "json", "whatsapp-report"))
    chat = b.source(SourceInfo("chat.txt", "whatsapp", "chat", "txt", "whatsapp-chat-android"))
    me = "+393470000001"
    for sink in (fb, ig, wa):
        sink.add("identifiers", kind="phone", value=me, raw=me, valid=True)
    n_fb = contacts * 3 // 5
    names = np.char.add("Persona ", np.arange(contacts).astype(str))
    times = pd.to_datetime(1_500_000_000 + rng.integers(0, 3e8, contacts), unit="s", utc=True)
    phones = _phones(1000, contacts)
    fb.add_frame(
        "contacts",
        pd.DataFrame(
            {
                "origin": "address_book",
                "name": names[:n_fb],
                "phone_e164": phones[:n_fb],
                "created_at": times[:n_fb],
                "source_file": "your_address_books.json",
            }
        ),
    )
    ig.add_frame(
        "contacts",
        pd.DataFrame(
            {
                "origin": "synced_contacts",
                "name": names[n_fb:],
                "phone_e164": phones[n_fb:],
                "created_at": times[n_fb:],
                "source_file": "synced_contacts.json",
            }
        ),
    )
    fb.add_frame("contacts", pd.DataFrame({"origin": "friends", "name": names[:2000]}))
    wa_numbers = np.concatenate([phones[: 7500 * contacts // CONTACTS], _phones(900_000, 7500)])
    wa.add_frame(
        "contacts", pd.DataFrame({"origin": "whatsapp_contacts", "phone_e164": wa_numbers})
    )
    ips = np.char.add("10.0.", rng.integers(0, 200, 40_000).astype(str))
    for sink, n in ((fb, 25_000), (ig, 15_000)):
        sink.add_frame(
            "activity",
            pd.DataFrame(
                {
                    "kind": "login",
                    "ip": ips[:n],
                    "device": rng.choice(["Pixel 8", "iPhone 15", "Desktop"], n),
                    "timestamp": pd.to_datetime(
                        1_600_000_000 + np.arange(n) * 600, unit="s", utc=True
                    ),
                }
            ),
        )
    apps = np.char.add("Shop ", rng.integers(0, 400, 10_000).astype(str))
    fb.add_frame(
        "off_platform",
        pd.DataFrame(
            {
                "app": apps,
                "event": "VIEW",
                "timestamp": pd.to_datetime(1_700_000_000 + np.arange(10_000), unit="s", utc=True),
            }
        ),
    )
    fb.add_frame(
        "advertisers",
        pd.DataFrame(
            {
                "name": np.char.add("Shop ", np.arange(0, 600, 3).astype(str)),
                "relation": "uploaded_list",
            }
        ),
    )
    n_msg = 200_000
    chats = np.char.add("Group ", rng.integers(0, 20, n_msg).astype(str))
    chat.add_frame(
        "messages",
        pd.DataFrame(
            {
                "chat": chats,
                "is_group": True,
                "sender": np.char.add("Member ", rng.integers(0, 400, n_msg).astype(str)),
                "sender_phone_e164": _phones(500_000, 400)[rng.integers(0, 400, n_msg)],
                "timestamp": pd.to_datetime(
                    1_650_000_000 + np.arange(n_msg) * 60, unit="s", utc=True
                ),
                "kind": "text",
            }
        ),
    )
    wa.add("settings", key="last_seen", value="everyone")
    wa.add("settings", key="two_step_verification", value="off")
    return b.build()


def uploaded_contacts(evidence: Evidence) -> int:
    """Contacts uploaded to Facebook, Messenger or Instagram (address books, synced)."""
    contacts = evidence.contacts
    mask = contacts["service"].isin(xr.UPLOAD_SERVICES) & contacts["origin"].isin(xr.UPLOAD_ORIGINS)
    return int(mask.sum())


#: what the audit rows time
TIMED = "wall time, best of 3, same process, warm (the Evidence already in memory)"


def _measure(evidence: Evidence, label: str) -> list[Row]:
    """Rows for one Evidence; the target scales with its uploaded contacts (1 s per 50,000)."""
    tr = translator("en")
    uploaded = uploaded_contacts(evidence)
    limit = TARGET_S * max(1.0, uploaded / CONTACTS)
    label = f"{label}, {uploaded:,} uploaded contacts"
    cross_s, tables = timed(lambda: xr.crossref(evidence))
    ctx = RuleContext(evidence=evidence, tables=tables, tr=tr, services=evidence.services())
    rules_s, found = timed(lambda: evaluate(ctx))
    total_s, _ = timed(lambda: run_audit(evidence, lang="en"))
    return [
        Row(f"crossref, {label}", cross_s, "s", timed=f"crossref.crossref(evidence), {TIMED}"),
        Row(
            f"findings ({len(found)}), {label}",
            rules_s,
            "s",
            timed=f"rules.evaluate(context) on the crossref tables, {TIMED}",
        ),
        Row(
            f"crossref + findings, {label}",
            cross_s + rules_s,
            "s",
            target=f"< {limit:.2g} s (1 s per 50k uploaded contacts)",
            met=cross_s + rules_s < limit,
            timed="the sum of the two rows above (each measured on its own)",
        ),
        Row(
            f"run_audit (with score, cards, letters), {label}",
            total_s,
            "s",
            timed=f"analysis.audit.run_audit(evidence, en), {TIMED}",
        ),
    ]


def _demo_rows() -> list[Row]:
    from privacy_audit import demo
    from privacy_audit.pipeline import load_evidence

    with tempfile.TemporaryDirectory() as tmp:
        paths = demo.write_persona("giulia", Path(tmp), scale=DEMO_SCALE)
        import_s, evidence = timed(lambda: load_evidence(paths), repeat=1)
    n = len(evidence.contacts)
    rows = [
        Row(
            f"import demo giulia scale {DEMO_SCALE} ({n:,} contacts)",
            import_s,
            "s",
            timed="pipeline.load_evidence(the persona's files), wall time, 1 run",
        )
    ]
    return rows + _measure(evidence, f"demo scale {DEMO_SCALE}")


def run() -> list[Row]:
    """The benchmark rows."""
    evidence = synthetic_evidence()
    rows = _measure(evidence, f"{len(evidence.contacts):,} contacts synthetic")
    if DEMO_SCALE > 0:
        rows.extend(_demo_rows())
    return rows
