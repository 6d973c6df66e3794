"""WhatsApp chat parsing: our single-pass parser vs whatstk and chat-miner, same chat.

The peers are NOT project dependencies: they live in their own virtual environment
``.venv-bench`` (created here on first use: ``python -m venv .venv-bench`` then
``.venv-bench/bin/pip install whatstk chat-miner``) and run in a subprocess. A peer that
cannot be installed or fails gets a row saying so.

Size: ``BENCH_CHAT_MESSAGES`` (default 200,000). Target: at least 10x faster than the
faster peer, with the exact message count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from privacy_audit.sources.whatsapp.chat.parse import parse_chat
from tests.benchmarks.harness import Row, timed
from tests.sources.whatsapp_builders import make_chat, write_chat

ROOT = Path(__file__).resolve().parents[2]
BENCH_VENV = ROOT / ".venv-bench"
PEERS = ("whatstk", "chat-miner")

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
        count = len(WhatsAppChat.from_source(filepath=path).df)
    else:
        from chatminer.chatparsers import WhatsAppParser
        start = time.perf_counter()
        parser = WhatsAppParser(path)
        parser.parse_file()
        count = len(parser.parsed_messages.get_df(as_pandas=True))
    print(json.dumps({"seconds": time.perf_counter() - start, "count": count}))
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
    """Time one peer on ``path`` in the bench venv (a fresh process each time)."""
    env = {**os.environ, "TQDM_DISABLE": "1"}
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


def run() -> list[Row]:
    """Parse the same generated chat with ours and both peers; one row per peer."""
    size = int(os.environ.get("BENCH_CHAT_MESSAGES", "200000"))
    chat = make_chat(size, lang="it", seed=7)
    with tempfile.TemporaryDirectory() as folder:
        path = write_chat(chat, Path(folder))
        data = path.read_bytes()
        ours, parsed = timed(lambda: parse_chat(path.read_bytes(), chat_name=chat.name), 3)
        exact = parsed.messages == chat.truth.messages
        python, why = ensure_bench_venv()
        results: dict[str, dict[str, object]] = {}
        for peer in PEERS:
            results[peer] = {"error": why} if python is None else run_peer(python, path, peer)
    print(
        f"chat: {size:,} messages, {len(data) / 1e6:.1f} MB; ours {ours:.3f} s, "
        f"{parsed.messages:,} messages (truth {chat.truth.messages:,})"
    )
    times = [float(r["seconds"]) for r in results.values() if "seconds" in r]  # type: ignore[arg-type]
    fastest = min(times) if times else None
    rows = []
    for peer, result in results.items():
        if "seconds" in result:
            seconds = float(result["seconds"])  # type: ignore[arg-type]
            print(
                f"{peer}: {seconds:.3f} s, {result['count']:,} messages, "
                f"{seconds / ours:.1f}x our time"
            )
            met = exact and fastest is not None and fastest / ours >= 10
            rows.append(
                Row(
                    f"parse {size:,}-msg chat; messages: ours {parsed.messages:,}, "
                    f"{peer} {result['count']:,}",
                    ours,
                    "s",
                    baseline=seconds,
                    baseline_name=peer,
                    target="ratio <= 0.1 vs faster peer, exact count",
                    met=met,
                )
            )
        else:
            print(f"{peer}: not run ({result['error']})")
            rows.append(
                Row(
                    f"parse {size:,}-msg chat; {peer} not run: {result['error']}",
                    ours,
                    "s",
                    target="exact count",
                    met=exact,
                )
            )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
