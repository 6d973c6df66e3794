"""Import of a large synthetic Facebook + Instagram JSON export, against a raw baseline.

The baseline does the least any reader must do with the same export: open the zips with
``zipfile`` and ``orjson.loads`` exactly the members our importers recognised. Measured in
the same run:

- our import (``pipeline.load_evidence``) vs the baseline (target <= 1.3x);
- the same export with ~2 GB of photo/video members vs without (target <= 1.1x): media
  must never be read;
- peak memory of the import of the media-heavy export, in a fresh subprocess (< 400 MB).

``PRIVACY_AUDIT_BENCH_SCALE`` (default 1) scales the row counts and the media size, for a
quick check (e.g. 0.05).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tests.benchmarks.harness import Row

SCALE = float(os.environ.get("PRIVACY_AUDIT_BENCH_SCALE", "1"))
MB = 1024 * 1024
FB_CONTACTS = int(30_000 * SCALE)
FB_LOGINS = int(20_000 * SCALE)
FB_SESSIONS = int(5_000 * SCALE)
FB_OFF_META_APPS = max(1, int(400 * SCALE))  # x 25 events each
IG_CONTACTS = int(20_000 * SCALE)
IG_LOGINS = int(15_000 * SCALE)
MEDIA_BYTES = int(2048 * MB * SCALE)
MEDIA_MEMBER = 16 * MB
BASE_TS = 1_600_000_000


def _phone(i: int) -> str:
    return f"+39 3{(i * 7919) % 10**9:09d}"


def _ip(i: int) -> str:
    return f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"


def _sm(value: str = "", timestamp: int = 0) -> dict[str, Any]:
    return {"href": "", "value": value, "timestamp": timestamp}


def facebook_files() -> dict[str, Any]:
    """The Facebook (2024 layout) JSON members: path -> document."""
    root = "personal_information"
    return {
        f"{root}/profile_information/profile_information.json": {
            "profile_v2": {
                "name": {"full_name": "Bench Mark"},
                "username": "bench.mark",
                "emails": {"emails": ["bench@example.org"]},
                "phone_numbers": [{"phone_number": "+39 333 000 0000"}],
            }
        },
        f"{root}/other_personal_information/your_address_books.json": {
            "address_book_v2": {
                "address_book": [
                    {
                        "name": f"Contact {i}",
                        "details": [{"contact_point": _phone(i)}],
                        "created_timestamp": BASE_TS + i,
                        "updated_timestamp": BASE_TS + i,
                    }
                    for i in range(FB_CONTACTS)
                ]
            }
        },
        "security_and_login_information/logins_and_logouts.json": {
            "account_accesses_v2": [
                {
                    "action": "Log in" if i % 2 else "Log out",
                    "timestamp": BASE_TS + 60 * i,
                    "site": "www.facebook.com",
                    "ip_address": _ip(i % 5000),
                }
                for i in range(FB_LOGINS)
            ]
        },
        "security_and_login_information/where_you're_logged_in.json": {
            "active_sessions_v2": [
                {
                    "created_timestamp": BASE_TS + 3600 * i,
                    "ip_address": _ip(i),
                    "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0",
                    "device": "Linux",
                    "location": "Torino, Italy",
                    "app": "Chrome",
                    "session_type": "web",
                }
                for i in range(FB_SESSIONS)
            ]
        },
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json": {
            "off_facebook_activity_v2": [
                {
                    "name": f"App {a}",
                    "events": [
                        {"id": a * 100 + e, "type": "PURCHASE", "timestamp": BASE_TS + e}
                        for e in range(25)
                    ],
                }
                for a in range(FB_OFF_META_APPS)
            ]
        },
    }


def instagram_files() -> dict[str, Any]:
    """The Instagram (2023 layout) JSON members: path -> document."""
    return {
        "personal_information/personal_information/personal_information.json": {
            "profile_user": [
                {
                    "string_map_data": {
                        "Email": _sm("bench@example.org"),
                        "Phone Number": _sm("+39 333 000 0000"),
                        "Username": _sm("bench.mark"),
                        "Name": _sm("Bench Mark"),
                    }
                }
            ]
        },
        "connections/contacts/synced_contacts.json": {
            "contacts_contact_info": [
                {
                    "title": "",
                    "media_map_data": {},
                    "string_map_data": {
                        "First Name": _sm(f"Friend{i}"),
                        "Last Name": _sm(f"Surname{i}"),
                        "Contact Information": _sm(_phone(i * 3)),
                        "Imported time": _sm(),
                    },
                }
                for i in range(IG_CONTACTS)
            ]
        },
        "security_and_login_information/login_and_account_creation/login_activity.json": {
            "account_history_login_history": [
                {
                    "title": "",
                    "media_map_data": {},
                    "string_map_data": {
                        "Cookie Name": _sm("abc"),
                        "IP Address": _sm(_ip(i % 3000)),
                        "Language Code": _sm("it"),
                        "Time": _sm("", BASE_TS + 90 * i),
                        "User Agent": _sm("Instagram 300.0 Android"),
                    },
                }
                for i in range(IG_LOGINS)
            ]
        },
    }


def _write_export(path: Path, files: dict[str, Any], wrapper: str, media: int) -> Path:
    """One export zip: JSON members deflated, plus ``media`` bytes of stored video members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, document in files.items():
            zf.writestr(f"{wrapper}/{name}", orjson.dumps(document, option=orjson.OPT_INDENT_2))
        chunk = bytes(4 * MB)
        for index in range(media // MEDIA_MEMBER):
            info = zipfile.ZipInfo(f"{wrapper}/media/videos/video_{index:04d}.mp4")
            info.compress_type = zipfile.ZIP_STORED
            with zf.open(info, "w", force_zip64=True) as out:
                for _ in range(MEDIA_MEMBER // len(chunk)):
                    out.write(chunk)
    return path


def write_exports(folder: Path, media: int) -> list[Path]:
    """The Facebook and Instagram export zips (in their own folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    fb = "facebook-bench-2026-01-02-a1b2c3"
    ig = "instagram-bench-2026-01-02-d4e5f6"
    return [
        _write_export(folder / f"{fb}.zip", facebook_files(), fb, media // 2),
        _write_export(folder / f"{ig}.zip", instagram_files(), ig, media - media // 2),
    ]


def ours(paths: list[Path]) -> Any:
    """Our full import."""
    from privacy_audit.pipeline import load_evidence

    return load_evidence(paths, region="IT")


def ours_without_e164(paths: list[Path]) -> Any:
    """Our full import with the E.164 step left out (the pipeline's call to
    ``normalize_evidence`` returns the evidence as read): the import minus that step,
    measured, not computed by subtraction."""
    import privacy_audit.pipeline as pipeline

    real = pipeline.normalize_evidence
    pipeline.normalize_evidence = lambda evidence, region: evidence  # type: ignore[assignment]
    try:
        return ours(paths)
    finally:
        pipeline.normalize_evidence = real


def baseline(members: dict[Path, list[str]]) -> int:
    """Plain zipfile + orjson of exactly ``members``; returns the number of documents."""
    count = 0
    for path, names in members.items():
        with zipfile.ZipFile(path) as zf:
            for name in names:
                orjson.loads(zf.read(name))
                count += 1
    return count


def recognised_members(paths: list[Path], evidence: Any) -> dict[Path, list[str]]:
    """Zip -> the members our importers recognised in it."""
    by_name = {p.name: p for p in paths}
    return {by_name[s.path]: list(s.files_recognized) for s in evidence.sources}


# VmHWM (peak RSS of this process image); ru_maxrss would include the parent's RSS,
# which Linux carries over fork and exec.
_PEAK = """
import sys
from pathlib import Path
{setup}
status = Path("/proc/self/status").read_text().splitlines()
print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024)
"""
_OURS = "from privacy_audit.pipeline import load_evidence\n" \
    "load_evidence([Path(p) for p in sys.argv[1:]], region='IT')"  # fmt: skip
_BASE = (
    "import zipfile, orjson\n"
    "for p in sys.argv[1:]:\n"
    "    with zipfile.ZipFile(p) as zf:\n"
    "        [orjson.loads(zf.read(i)) for i in zf.infolist() if i.filename.endswith('.json')]"
)


def peak_mb(setup: str, paths: list[Path]) -> float:
    """Peak resident memory (MB) of a fresh interpreter running ``setup`` on ``paths``."""
    code = _PEAK.format(setup=setup)
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return float(done.stdout.strip().splitlines()[-1])


def interleaved(funcs: dict[str, Callable[[], Any]], repeat: int = 3) -> dict[str, float]:
    """Best CPU time (seconds) of each function, the runs interleaved.

    CPU time of this process, not wall time: the machine may be shared, and interleaving
    spreads any remaining drift over every measure alike. Nothing here waits on the disk
    for long (media are never read; the JSON members are in the page cache after the
    warm-up), so CPU time is the work done.
    """
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.process_time()
            func()
            best[name] = min(best[name], time.process_time() - start)
    return best


def run() -> list[Row]:
    """Generate the exports, measure, clean up."""
    with tempfile.TemporaryDirectory(prefix="pa-bench-import-") as tmp:
        plain = write_exports(Path(tmp) / "plain", media=0)
        heavy = write_exports(Path(tmp) / "media", media=MEDIA_BYTES)
        evidence = ours(plain)  # warm-up, and the list of recognised members
        rows = sum(len(frame) for frame in evidence.tables.values())
        relevant = recognised_members(plain, evidence)
        relevant_heavy = {heavy[plain.index(path)]: names for path, names in relevant.items()}
        times = interleaved(
            {
                "ours": lambda: ours(plain),
                "no_e164": lambda: ours_without_e164(plain),
                "base": lambda: baseline(relevant),
                "heavy": lambda: ours(heavy),
                "heavy_base": lambda: baseline(relevant_heavy),
            }
        )
        t_ours, t_base, t_no_e164 = times["ours"], times["base"], times["no_e164"]
        from privacy_audit.phones import normalize_evidence

        raw = ours_without_e164(plain)  # the tables as read, before the E.164 step
        t_phones = interleaved({"phones": lambda: normalize_evidence(raw, "IT")})["phones"]
        distinct_numbers = int(evidence.contacts["phone_raw"].nunique())
        t_heavy, t_heavy_base = times["heavy"], times["heavy_base"]
        mem_ours = peak_mb(_OURS, heavy)
        mem_base = peak_mb(_BASE, heavy)
        media_gb = MEDIA_BYTES / (1024 * MB)

    size = f"{rows:,} rows, {sum(map(len, relevant.values()))} JSON files"
    ratio = t_ours / t_base if t_base else float("inf")
    cpu = "CPU time of this process, best of 3 runs interleaved with the baseline's, warm"
    ours_timed = f"ours: pipeline.load_evidence(both zips, region IT), {cpu}"
    base_timed = "baseline: zipfile.ZipFile + orjson.loads of exactly the members we recognised"
    media_ratio = t_heavy / t_ours if t_ours else float("inf")
    return [
        Row(
            f"import FB+IG export ({size}), CPU",
            t_ours,
            "s",
            baseline=t_base,
            baseline_name="zipfile+orjson, same members",
            target="<= 1.3x baseline",
            met=ratio <= 1.3,
            timed=f"{ours_timed}; {base_timed}",
        ),
        Row(
            f"  the E.164 step alone ({distinct_numbers:,} distinct numbers), CPU",
            t_phones,
            "s",
            timed="phones.normalize_evidence(the tables as read, IT), CPU time, best of 3",
        ),
        Row(
            "  import without the E.164 step (measured), CPU",
            t_no_e164,
            "s",
            baseline=t_base,
            baseline_name="zipfile+orjson, same members",
            target="<= 1.3x baseline",
            met=t_no_e164 / t_base <= 1.3 if t_base else False,
            timed=(
                "ours: load_evidence with the pipeline's normalize_evidence call replaced by "
                f"the identity, {cpu}; {base_timed}"
            ),
        ),
        Row(
            f"import with {media_gb:.1f} GB media vs without, CPU",
            t_heavy,
            "s",
            baseline=t_ours,
            baseline_name="same export, no media",
            target="<= 1.1x",
            met=media_ratio <= 1.1,
            timed=f"ours on the media export vs ours on the same export without media, {cpu}",
        ),
        Row(
            f"import with {media_gb:.1f} GB media, CPU",
            t_heavy,
            "s",
            baseline=t_heavy_base,
            baseline_name="zipfile+orjson, same members",
            target="<= 1.3x baseline",
            met=(t_heavy / t_heavy_base if t_heavy_base else float("inf")) <= 1.3,
            timed=f"{ours_timed} (media export); {base_timed} (media export)",
        ),
        Row(
            f"peak memory, import with {media_gb:.1f} GB media",
            mem_ours,
            "MB",
            baseline=mem_base,
            baseline_name="zipfile+orjson process",
            target="< 400 MB",
            met=mem_ours < 400,
            timed=(
                "VmHWM of a fresh interpreter: load_evidence of the media export vs "
                "zipfile+orjson of every .json member"
            ),
        ),
    ]


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
