"""WhatsApp chat parsing: ours vs whatstk and chat-miner, in the same conditions.

Each side parses the same file in a fresh process (cold: its first parse in that process),
building the full message table WITH the message text (ours with ``with_text=True``, which
the importer never asks for; the peers' data frames hold the text). The clock starts after
the parser's imports (pandas included on every side: the peers' parsers import it, ours
builds its table with it but imports it lazily), before the file is read, and stops when
the table is built; one process per run, side and input; the best of 3 runs taking
turns. Inputs: our generator's chat (``BENCH_CHAT_MESSAGES``, default 200,000 messages,
exact count known), and real fixtures of the peers' own repositories (../shared/fixtures)
concatenated to about 100,000 messages; each row gives each side's message count.

The peers are NOT project dependencies: they live in their own virtual environment
``.venv-bench`` (created here on first use: ``python -m venv .venv-bench`` then
``.venv-bench/bin/pip install whatstk chat-miner``). A peer that cannot be installed or
fails gets a row saying so. Target: at least 10x faster than the faster peer, with the
exact message count on the generated chat.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from privacy_audit.sources.whatsapp.chat.parse import parse_chat
from tests.benchmarks.harness import Row
from tests.sources.whatsapp_builders import make_chat, write_chat

ROOT = Path(__file__).resolve().parents[2]
BENCH_VENV = ROOT / ".venv-bench"
PEERS = ("whatstk", "chat-miner")
#: runs of each side on each input, taking turns; the fastest counts
RUNS = int(os.environ.get("BENCH_CHAT_RUNS", "3"))

_PEER_SCRIPT = r"""
import json, logging, os, sys, time, warnings
os.environ["TQDM_DISABLE"] = "1"
logging.disable(logging.CRITICAL)
warnings.filterwarnings("ignore")
path, which = sys.argv[1], sys.argv[2]
try:
    if which == "whatstk":
        from whatstk import WhatsAppChat
        start = time.perf_counter()
        df = WhatsAppChat.from_source(filepath=path).df
    elif which == "chat-miner":
        from chatminer.chatparsers import WhatsAppParser
        start = time.perf_counter()
        parser = WhatsAppParser(path)
        parser.parse_file()
        df = parser.parsed_messages.get_df(as_pandas=True)
    else:
        import pandas  # the peers import it with their parser: not timed for any side
        from privacy_audit.sources.whatsapp.chat.parse import parse_chat
        start = time.perf_counter()
        with open(path, "rb") as handle:
            df = parse_chat(handle.read(), with_text=True).frame
    seconds = time.perf_counter() - start
    text = next(c for c in ("text", "message") if c in df.columns)
    chars = int(df[text].str.len().sum())
    print(json.dumps({"seconds": seconds, "count": len(df), "chars": chars}))
except Exception as exc:
    print(json.dumps({"error": f"{type(exc).__name__}: {exc}"[:200]}))
"""


def ensure_bench_venv() -> tuple[Path | None, str]:
    """The peers' interpreter (creating ``.venv-bench`` if needed), or None and why not."""
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        made = subprocess.run(
            [sys.executable, "-m", "venv", str(BENCH_VENV)], capture_output=True, text=True
        )
        if made.returncode != 0:
            return None, "could not create .venv-bench"
    check = subprocess.run(
        [str(python), "-c", "import whatstk, chatminer"], capture_output=True, text=True
    )
    if check.returncode != 0:
        pip = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "whatstk", "chat-miner"],
            capture_output=True,
            text=True,
        )
        if pip.returncode != 0:
            return None, "pip install whatstk chat-miner failed"
    return python, ""


def run_peer(python: Path, path: Path, which: str) -> dict[str, object]:
    """Time one side on ``path`` in a fresh process (``which`` "ours": our interpreter)."""
    env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [str(python), "-c", _PEER_SCRIPT, str(path), which],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:200]}
    return json.loads(lines[-1])


#: real chats of the peers' repositories, concatenated to about this many messages
REAL_MESSAGES = 100_000
REAL = {
    "whatstk lorem-2000.txt": "whatsapp/lucasrodes__whatstk/chats/whatsapp/lorem-2000.txt",
    "chat-miner test_ddmmyy_24hrs.txt": (
        "whatsapp/joweich__chat-miner/test/whatsapp/test_ddmmyy_24hrs.txt"
    ),
}
TIMED = (
    "a fresh process per side and input, its first parse (cold): from before reading the "
    "file to the full message table with the text built (ours: parse_chat(with_text=True)."
    "frame; whatstk: WhatsAppChat.from_source().df; chat-miner: WhatsAppParser.parse_file() "
    "+ get_df()); imports (pandas included) not timed; wall time, best of 3 runs each, "
    "taking turns"
)


def _inputs(folder: Path, size: int) -> list[tuple[str, Path, int | None]]:
    """(label, file, true message count or None) of every input."""
    chat = make_chat(size, lang="it", seed=7)
    inputs: list[tuple[str, Path, int | None]] = [
        (f"generated {size:,}-msg chat", write_chat(chat, folder), chat.truth.messages)
    ]
    # ../shared beside the clone (or beside the folder of a git worktree)
    fixtures = next(
        (p / "shared" / "fixtures" for p in ROOT.parents if (p / "shared" / "fixtures").is_dir()),
        ROOT.parent / "shared" / "fixtures",
    )
    for label, relative in REAL.items():
        source = fixtures / relative
        if not source.exists():
            continue
        data = source.read_bytes().rstrip(b"\n") + b"\n"
        one = len(parse_chat(data).frame)
        copies = max(1, REAL_MESSAGES // max(1, one))
        path = folder / f"real-{source.name}"
        path.write_bytes(data * copies)
        inputs.append((f"{label} x {copies:,}", path, None))
    return inputs


def _best(results: list[dict[str, object]]) -> dict[str, object]:
    """The fastest of one side's runs (its error when a run failed)."""
    failed = [r for r in results if "seconds" not in r]
    return failed[0] if failed else min(results, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]


def _best_runs(
    python: Path | None, why: str, path: Path
) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    """Ours and each peer on ``path``, :data:`RUNS` times taking turns (so every side
    meets the same machine), the fastest run of each; a side that fails runs once."""
    runs: dict[str, list[dict[str, object]]] = {side: [] for side in ("ours", *PEERS)}
    for _ in range(RUNS):
        for side in ("ours", *PEERS):
            if side != "ours" and python is None:
                continue
            if runs[side] and "seconds" not in runs[side][-1]:
                continue
            interpreter = Path(sys.executable) if side == "ours" else python
            assert interpreter is not None
            runs[side].append(run_peer(interpreter, path, side))
    peers = {peer: _best(runs[peer]) if python is not None else {"error": why} for peer in PEERS}
    return _best(runs["ours"]), peers


def run() -> list[Row]:
    """Each input parsed by ours and both peers, each in a fresh process; a row per peer."""
    size = int(os.environ.get("BENCH_CHAT_MESSAGES", "200000"))
    python, why = ensure_bench_venv()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path, truth in _inputs(Path(tmp), size):
            ours, peers = _best_runs(python, why, path)
            if "seconds" not in ours:
                rows.append(Row(f"{label}: ours failed: {ours['error']}", float("nan"), "s"))
                continue
            ours_s = float(ours["seconds"])  # type: ignore[arg-type]
            exact = truth is None or ours["count"] == truth
            times = [float(r["seconds"]) for r in peers.values() if "seconds" in r]  # type: ignore[arg-type]
            fastest = min(times) if times else None
            truth_text = f" (true count {truth:,})" if truth is not None else ""
            print(f"chat {label}: ours {ours_s:.3f} s, {ours['count']:,} messages{truth_text}")
            for peer, result in peers.items():
                if "seconds" not in result:
                    print(f"  {peer}: not run ({result['error']})")
                    rows.append(
                        Row(
                            f"{label}: ours {ours['count']:,} messages{truth_text}; "
                            f"{peer} failed: {result['error']}",
                            ours_s,
                            "s",
                            timed=TIMED,
                        )
                    )
                    continue
                seconds = float(result["seconds"])  # type: ignore[arg-type]
                print(f"  {peer}: {seconds:.3f} s, {result['count']:,} messages")
                rows.append(
                    Row(
                        f"{label}: messages ours {ours['count']:,}, {peer} "
                        f"{result['count']:,}{truth_text}",
                        ours_s,
                        "s",
                        baseline=seconds,
                        baseline_name=peer,
                        target="ratio <= 0.1 vs faster peer, exact count",
                        met=exact and fastest is not None and fastest / ours_s >= 10,
                        timed=TIMED,
                    )
                )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
