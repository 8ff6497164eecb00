"""Load benchmark: casetable against a bare Flask-SocketIO broadcast server, same load, same run.

    .venv/bin/python benchmarks/load.py                       # every scenario, every async mode
    .venv/bin/python benchmarks/load.py --scenario steady --modes eventlet --json out.json

For each async mode it starts (on 127.0.0.1 only) the bare reference server
(benchmarks/reference_server.py) and casetable itself (`python wsgi.py`, fresh SQLite in a temp
folder, real scrubber, real auth: a facilitator made with the CLI logs in over HTTP, creates and
opens tables with the CSRF tokens of the pages, and participants join with the codes through
/j/<code> and a websocket Socket.IO connection, as a browser does). Separate client processes
(benchmarks/_loadclient.py) drive both with the same load and time every post from send to each
screen of the table (sender and facilitator included).

Scenarios: steady (20 tables x 12 x 0.2 posts/s), burst (15 write silently in 20 tables, all
facilitators reveal at once), many (200 tables x 12 x 0.02 posts/s), sweep (raise the rate until
p99 > 250 ms or anything is lost). "lost" counts deliveries that had not arrived when the
drain window (--drain, 5 s) after a stage closed. Every loop is bounded; the run stops by itself.

The app runs with its join/contribution rate limits raised (one IP makes every join; the sweep
posts faster than the per-participant abuse limit of 20 a minute): see app_env().
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import re
import secrets
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"
MODES = ("eventlet", "gevent", "threading")
SCENARIOS = ("steady", "burst", "many", "sweep")
UA = "casetable-loadclient/1"
PASSWORD = "bench-" + secrets.token_hex(8)
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SWEEP_LEVELS = (50, 100, 150, 200, 250, 300, 400, 500, 650, 800, 1000, 1200, 1500)
NICE = 0  # --nice: scheduling priority of every process the benchmark starts


def _prioritise() -> None:
    """Runs in each child before exec: on a shared machine, --nice -10 keeps other tenants'
    processes from starving the servers under test (both servers and clients alike)."""
    if NICE:
        os.setpriority(os.PRIO_PROCESS, 0, NICE)


# ---------------------------------------------------------------- servers
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as resp:
            if resp.status < 500:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


class ProcStats:
    """CPU seconds and peak RSS of a server process, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def cpu(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sched(self) -> tuple[float, float]:
        """Seconds on CPU and seconds runnable but waiting, summed over the server's threads."""
        run = wait = 0
        for stat in Path(f"/proc/{self.pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError):
                fields = stat.read_text().split()
                run, wait = run + int(fields[0]), wait + int(fields[1])
        return run / 1e9, wait / 1e9

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            with contextlib.suppress(OSError):
                self.peak_rss = max(self.peak_rss, self.rss_mb())

    def stop(self) -> None:
        self._stop.set()


@dataclass
class Server:
    kind: str  # "app" or "reference"
    mode: str
    url: str
    proc: subprocess.Popen[bytes]
    tmp: Path
    stats: ProcStats = field(init=False)
    fac_email: str = ""

    def __post_init__(self) -> None:
        self.stats = ProcStats(self.proc.pid)

    def stop(self) -> None:
        self.stats.stop()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        shutil.rmtree(self.tmp, ignore_errors=True)


def base_env(mode: str, compression: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASETABLE_", "SOCKETIO_"))}
    env.pop("DATABASE_URL", None)
    env["SOCKETIO_ASYNC_MODE"] = mode
    env["PYTHONUNBUFFERED"] = "1"
    if compression:
        env["SOCKETIO_WEBSOCKET_COMPRESSION"] = "1"
        env["CASETABLE_SOCKETIO_WEBSOCKET_COMPRESSION"] = "true"
    return env


def app_env(mode: str, tmp: Path, port: int, compression: bool) -> dict[str, str]:
    env = base_env(mode, compression)
    env.update(
        CASETABLE_INSTANCE_PATH=str(tmp / "instance"),
        DATABASE_URL=f"sqlite:///{tmp / 'bench.db'}",
        CASETABLE_SECRET_KEY=secrets.token_urlsafe(48),
        HOST=HOST,
        PORT=str(port),
        # One loopback IP makes every join and login; the sweep posts faster than the abuse
        # limit of 20 contributions a minute per participant.
        CASETABLE_RATELIMIT_JOIN="100000 per minute",
        CASETABLE_RATELIMIT_JOIN_PER_TABLE="100000 per minute",
        CASETABLE_RATELIMIT_LOGIN="1000 per minute",
        CASETABLE_CONTRIBUTION_RATE="[100000, 60]",
    )
    return env


def start_app(mode: str, compression: bool) -> Server:
    tmp = Path(tempfile.mkdtemp(prefix="casetable-bench-"))
    port = free_port()
    env = app_env(mode, tmp, port, compression)
    cli = [str(Path(PY).parent / "casetable")]
    email = "gespreksleider@bench.example"
    for args in (
        ["create-network", "--name", "Bench", "--province", "West-Vlaanderen"],
        [
            "create-user", "--email", email, "--role", "facilitator",
            "--network", "Bench", "--password", PASSWORD,
        ],
    ):
        subprocess.run(cli + args, env=env, cwd=tmp, check=True, capture_output=True, timeout=120)
    proc = subprocess.Popen(
        [PY, str(ROOT / "wsgi.py")], env=env, cwd=tmp, stdout=subprocess.DEVNULL,
        preexec_fn=_prioritise,
        stderr=open(tmp / "server.log", "wb"),  # noqa: SIM115 (closed with the process)
    )
    server = Server("app", mode, f"http://{HOST}:{port}", proc, tmp, fac_email=email)
    try:
        wait_http(server.url + "/login", proc)
    except Exception:
        print((tmp / "server.log").read_text()[-3000:], file=sys.stderr)
        server.stop()
        raise
    return server


def start_reference(mode: str, compression: bool) -> Server:
    tmp = Path(tempfile.mkdtemp(prefix="casetable-ref-"))
    port = free_port()
    proc = subprocess.Popen(
        [PY, str(ROOT / "benchmarks" / "reference_server.py"), "--port", str(port)],
        env=base_env(mode, compression), cwd=tmp, stdout=subprocess.DEVNULL,
        preexec_fn=_prioritise,
        stderr=open(tmp / "server.log", "wb"),  # noqa: SIM115
    )
    server = Server("reference", mode, f"http://{HOST}:{port}", proc, tmp)
    wait_http(server.url + "/", proc)
    return server


# ---------------------------------------------------------------- facilitator over HTTP
class Browser:
    """The facilitator's browser: one session cookie, CSRF tokens read from the pages."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http, self.base, self.cookie = http, base, ""

    async def request(self, method: str, path: str, data: dict[str, str] | None = None) -> Any:
        headers = {"Cookie": f"session={self.cookie}"} if self.cookie else {}
        async with self.http.request(
            method, self.base + path, data=data, headers=headers, allow_redirects=False
        ) as resp:
            if "session" in resp.cookies:
                self.cookie = resp.cookies["session"].value
            return resp.status, resp.headers.get("Location", ""), await resp.text()

    async def form(self, page: str, action: str, fields: dict[str, str]) -> tuple[int, str, str]:
        _, _, html = await self.request("GET", page)
        token = CSRF.search(html)
        if not token:
            raise RuntimeError(f"no CSRF token on {page}")
        return await self.request("POST", action, {"csrf_token": token.group(1), **fields})


async def open_tables(server: Server, count: int) -> tuple[list[dict[str, str]], str]:
    """Log in, create and open `count` tables the way the facilitator's browser does."""
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.DummyCookieJar(), headers={"User-Agent": UA}
    ) as http:
        browser = Browser(http, server.url)
        status, _, _ = await browser.form(
            "/login", "/login", {"email": server.fac_email, "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError("facilitator login failed")
        _, _, html = await browser.request("GET", "/tables/new")
        network = re.search(r'name="network"[^>]*>\s*<option[^>]*value="(\d+)"', html)
        if not network:
            raise RuntimeError("no network on /tables/new")
        rooms = []
        for i in range(count):  # bounded by --tables
            status, location, _ = await browser.form(
                "/tables/new", "/tables/new",
                {
                    "title": f"Gezin met huurachterstal {i + 1}",
                    "network": network.group(1),
                    "method": "anonieme-casustafel",
                    "date": dt.date.today().isoformat(),
                    "attribution": "alias",
                },
            )
            public_id = location.rstrip("/").rsplit("/", 1)[-1]
            if status != 302 or not public_id:
                raise RuntimeError(f"create table: {status}")
            await browser.form(f"/t/{public_id}", f"/t/{public_id}/open", {})
            _, _, console = await browser.request("GET", f"/t/{public_id}")
            code = re.search(r"/j/([0-9A-Z]+)", console)
            if not code:
                raise RuntimeError("no join code on the console")
            rooms.append({"table": public_id, "code": code.group(1)})
        return rooms, browser.cookie


# ---------------------------------------------------------------- client processes
class Clients:
    """The client processes driving one server; each owns whole rooms."""

    def __init__(self, count: int) -> None:
        self.procs = [
            subprocess.Popen(
                [PY, str(ROOT / "benchmarks" / "_loadclient.py")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                preexec_fn=_prioritise,
            )
            for _ in range(count)
        ]

    def ask(self, commands: list[dict[str, Any]], timeout: float) -> list[dict[str, Any]]:
        for proc, cmd in zip(self.procs, commands, strict=True):
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(cmd) + "\n")
            proc.stdin.flush()
        out: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        for proc in self.procs:
            assert proc.stdout is not None
            ready, _, _ = select.select([proc.stdout], [], [], max(0, deadline - time.monotonic()))
            line = proc.stdout.readline() if ready else ""
            if not line:
                raise RuntimeError("a client process did not answer")
            reply = json.loads(line)
            if "error" in reply:
                raise RuntimeError(f"client: {reply['error']}")
            out.append(reply)
        return out

    def close(self) -> None:
        for proc in self.procs:
            with contextlib.suppress(OSError, ValueError):
                assert proc.stdin is not None
                proc.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                proc.stdin.close()
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


# ---------------------------------------------------------------- figures
def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


def merge(
    replies: list[dict[str, Any]], server: Server, cpu_s: float, wall: float, waited_s: float = 0
) -> dict:
    lat = [x for r in replies for x in r["latencies_ms"]]
    ack = [x for r in replies for x in r["ack_ms"]]
    duration = max(r["duration_s"] for r in replies)
    delivered = sum(r["delivered"] for r in replies)
    return {
        "posts": sum(r["posts"] for r in replies),
        "posts_per_s": round(sum(r["posts"] for r in replies) / max(duration, 1e-9), 1),
        "p50_ms": round(pct(lat, 50), 1),
        "p95_ms": round(pct(lat, 95), 1),
        "p99_ms": round(pct(lat, 99), 1),
        "max_ms": round(max(lat), 1) if lat else float("nan"),
        "mean_ms": round(statistics.fmean(lat), 1) if lat else float("nan"),
        "ack_p99_ms": round(pct(ack, 99), 1),
        "deliveries_per_s": round(delivered / max(duration, 1e-9), 1),
        "delivered": delivered,
        "lost": sum(r["lost"] for r in replies),
        "duplicates": sum(r["duplicates"] for r in replies),
        "rejected": sum(r["rejected"] for r in replies),
        "disconnects": sum(r["disconnects"] for r in replies),
        "server_cpu_pct": round(100 * cpu_s / max(wall, 1e-9), 1),
        "server_cpu_ms_per_post": round(
            1000 * cpu_s / max(sum(r["posts"] for r in replies), 1), 2
        ),
        "server_rss_mb": round(server.stats.peak_rss, 1),
        # Time the server was runnable but another process had the CPU (shared machine).
        "server_cpu_wait_pct": round(100 * waited_s / max(wall, 1e-9), 1),
        "client_cpu_pct": round(100 * sum(r["client_cpu_s"] for r in replies) / max(wall, 1e-9), 1),
    }


# ---------------------------------------------------------------- scenarios
@dataclass
class Load:
    tables: int
    participants: int
    rate: float
    duration: float
    phase: int = 2


def run_scenario(kind: str, mode: str, scenario: str, args: argparse.Namespace) -> list[dict]:
    """Start one server, seat everyone, run the scenario's stages; returns one row per stage."""
    load = {
        "steady": Load(args.tables, args.participants, args.rate, args.duration),
        "burst": Load(args.tables, args.burst_participants, 0, 0, phase=3),
        "many": Load(args.many_tables, args.participants, args.many_rate, args.duration),
        "sweep": Load(args.tables, args.participants, 0, args.sweep_step),
    }[scenario]
    server = (start_app if kind == "app" else start_reference)(mode, args.compression)
    clients: Clients | None = None
    try:
        if kind == "app":
            rooms, fac_cookie = asyncio.run(open_tables(server, load.tables))
        else:
            rooms, fac_cookie = [{"table": f"room{i}"} for i in range(load.tables)], ""
        for room in rooms:
            room["fac_cookie"] = fac_cookie
        nproc = max(1, min(args.client_procs, load.tables))
        clients = Clients(nproc)
        t0 = time.monotonic()
        ready = clients.ask(
            [
                {
                    "cmd": "setup", "url": server.url, "kind": kind, "proc_id": i,
                    "rooms": rooms[i::nproc], "participants": load.participants,
                    "text_length": args.text_length, "phase": load.phase, "seed": args.seed,
                    "compression": args.compression,
                }
                for i in range(nproc)
            ],
            timeout=600,
        )
        screens = sum(r["screens"] for r in ready)
        print(f"    {kind:9} {mode:9} {scenario}: {screens} screens seated in "
              f"{time.monotonic() - t0:.1f} s", flush=True)
        rows = []
        if scenario == "burst":
            levels: list[float] = [0]
        elif scenario == "sweep":
            levels = [lv for lv in SWEEP_LEVELS if lv <= args.sweep_max]
        else:
            levels = [load.rate * load.tables * load.participants]
        for total in levels:  # bounded list of stages
            start = time.monotonic() + 0.5
            cpu0, wall0, (_, wait0) = server.stats.cpu(), time.monotonic(), server.stats.sched()
            if scenario == "burst":
                # Silent writing spread over 8 s; every facilitator reveals at the same moment
                # (12 s in), or as soon as its screens' posts are all acked if that is later.
                cmds = [{"cmd": "burst", "posts": args.burst_posts, "start": start,
                         "reveal_at": start + 12.0, "spread": 8.0, "drain": args.drain}
                        for _ in range(nproc)]
            else:
                per = total / (load.tables * load.participants)
                cmds = [{"cmd": "steady", "rate": per, "duration": load.duration,
                         "start": start, "drain": args.drain} for _ in range(nproc)]
            replies = clients.ask(cmds, timeout=load.duration + 120)
            wall, waited = time.monotonic() - wall0, server.stats.sched()[1] - wait0
            row = merge(replies, server, server.stats.cpu() - cpu0, wall, waited)
            row.update(kind=kind, mode=mode, scenario=scenario, screens=screens,
                       target_posts_per_s=total)
            rows.append(row)
            if scenario == "sweep":
                print(f"      {kind:9} {total:6.0f} posts/s: p99 {row['p99_ms']} ms, "
                      f"lost {row['lost']}, server CPU {row['server_cpu_pct']}%", flush=True)
                if row["p99_ms"] > 250 or row["lost"] or row["duplicates"]:
                    break
        return rows
    except Exception:
        log = server.tmp / "server.log"
        if log.exists():
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        if clients is not None:
            clients.close()
        server.stop()


def sweep_summary(rows: list[dict]) -> dict:
    ok = [r for r in rows if r["p99_ms"] <= 250 and not r["lost"] and not r["duplicates"]]
    best = ok[-1] if ok else rows[0]
    return {**best, "sustained_posts_per_s": best["target_posts_per_s"] if ok else 0}


# ---------------------------------------------------------------- report
COLUMNS = (
    ("posts/s", "posts_per_s"), ("p50", "p50_ms"), ("p95", "p95_ms"), ("p99", "p99_ms"),
    ("max", "max_ms"), ("deliv/s", "deliveries_per_s"), ("lost", "lost"), ("dup", "duplicates"),
    ("srvCPU%", "server_cpu_pct"), ("ms/post", "server_cpu_ms_per_post"),
    ("RSS MB", "server_rss_mb"), ("cliCPU%", "client_cpu_pct"), ("waitCPU%", "server_cpu_wait_pct"),
)


def print_pair(scenario: str, mode: str, app: dict, ref: dict) -> None:
    head = f"  {'':10}" + "".join(f"{name:>9}" for name, _ in COLUMNS)
    print(f"\n== {scenario} / {mode} ==")
    print(head)
    for label, row in (("app", app), ("reference", ref)):
        print(f"  {label:10}" + "".join(f"{row.get(key, ''):>9}" for _, key in COLUMNS))
    ratios = []
    for name, key in COLUMNS[1:6] + COLUMNS[8:9] + COLUMNS[10:11]:
        a, r = app.get(key), ref.get(key)
        if isinstance(a, int | float) and isinstance(r, int | float) and r:
            ratios.append(f"{name} x{a / r:.2f}")
    print("  app/ref:   " + ", ".join(ratios))
    if scenario == "sweep":
        print(f"  sustained (p99 <= 250 ms, nothing lost): app {app['sustained_posts_per_s']} "
              f"posts/s, reference {ref['sustained_posts_per_s']} posts/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", default="all", choices=(*SCENARIOS, "all"))
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--tables", type=int, default=20)
    parser.add_argument("--participants", type=int, default=12)
    parser.add_argument("--rate", type=float, default=0.2, help="posts/s per participant")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per stage")
    parser.add_argument("--text-length", type=int, default=220)
    parser.add_argument("--many-tables", type=int, default=200)
    parser.add_argument("--many-rate", type=float, default=0.02)
    parser.add_argument("--burst-participants", type=int, default=15)
    parser.add_argument("--burst-posts", type=int, default=1, help="silent posts each")
    parser.add_argument("--sweep-step", type=float, default=6.0, help="seconds per sweep level")
    parser.add_argument("--sweep-max", type=float, default=1500)
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--compression", action="store_true", help="permessage-deflate on")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drain", type=float, default=5.0,
                        help="seconds to wait after a stage; later deliveries count as lost")
    parser.add_argument("--nice", type=int, default=0,
                        help="priority of the started processes (-10 on a shared machine, root)")
    parser.add_argument("--json", dest="json_path", default=None)
    args = parser.parse_args(argv)
    global NICE
    NICE = args.nice
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks
    scenarios = SCENARIOS if args.scenario == "all" else (args.scenario,)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    results: list[dict] = []
    for scenario in scenarios:
        for mode in modes:
            print(f"-- {scenario} / {mode}", flush=True)
            pair = {}
            for kind in ("reference", "app"):
                try:
                    rows = run_scenario(kind, mode, scenario, args)
                except RuntimeError as err:  # report it and go on with the next pair
                    print(f"  {kind} {mode} {scenario} FAILED: {err}", flush=True)
                    pair = {}
                    break
                pair[kind] = sweep_summary(rows) if scenario == "sweep" else rows[0]
                if scenario == "sweep":
                    pair[kind]["levels"] = [
                        {k: r[k] for k in ("target_posts_per_s", "p99_ms", "lost")} for r in rows
                    ]
            if len(pair) == 2:
                print_pair(scenario, mode, pair["app"], pair["reference"])
                results.append({"scenario": scenario, "mode": mode, **pair})
    if args.json_path and results:
        keys = ("p50_ms", "p95_ms", "p99_ms", "max_ms", "deliveries_per_s", "lost",
                "duplicates", "server_rss_mb", "server_cpu_pct", "client_cpu_pct", "posts_per_s",
                "server_cpu_wait_pct")
        first = results[0]
        doc = {
            "scenario": first["scenario"], "mode": first["mode"],
            "app": {k: first["app"][k] for k in keys},
            "reference": {k: first["reference"][k] for k in keys},
            "ratios": {k: round(first["app"][k] / first["reference"][k], 2)
                       for k in ("p50_ms", "p99_ms", "server_rss_mb") if first["reference"][k]},
            "runs": [
                {**r, "app": {k: v for k, v in r["app"].items() if k != "latencies_ms"},
                 "reference": {k: v for k, v in r["reference"].items()}}
                for r in results
            ],
            "args": vars(args),
        }
        Path(args.json_path).write_text(json.dumps(doc, indent=2, default=str))
        print(f"\nfigures written to {args.json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
