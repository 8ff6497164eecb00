"""One load-client process for benchmarks/load.py: many Socket.IO screens on one asyncio loop.

The driver starts a few of these, each owning whole rooms (so send and receive times come from
one clock), and talks to them over stdin/stdout in JSON lines:

    driver -> {"cmd": "setup", ...}          client joins everyone, replies {"ready": ...}
    driver -> {"cmd": "steady", "rate", "duration", "start"}   replies the stage's figures
    driver -> {"cmd": "burst", "posts", "reveal_at"}           replies the reveal's figures
    driver -> {"cmd": "quit"}

A participant of the app joins as a browser does: GET /j/<code> (CSRF token and cookie), POST
the join form, then a websocket Socket.IO connection with that cookie and a `join` event. The
bare reference server gets the same Socket.IO traffic without the HTTP steps.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import re
import resource
import sys
import time
from typing import Any

import aiohttp
import socketio

UA = "casetable-loadclient/1"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

# Realistic Dutch case-table questions with identifiers in them (names, streets, dates, numbers),
# so the app's scrubber has real work to do; joined and cut to the requested length.
SENTENCES = [
    "Weet iemand of mevrouw Sandra Peeters uit de Kerkstraat 14 in Roeselare al een leefloon "
    "heeft aangevraagd bij het OCMW?",
    "Haar zoon Kevin (geboren op 12/03/2011) zit op school in Izegem en krijgt daar extra zorg.",
    "Heeft de huisarts, dokter Vandenberghe, al contact gehad met het CAW over de huurachterstal?",
    "De verhuurder dreigt met een uithuiszetting tegen 1 maart; is er al een dossier bij het "
    "vredegerecht?",
    "Kan de schuldbemiddelaar van het OCMW Kortrijk bekijken of een collectieve schuldenregeling "
    "mogelijk is?",
    "Meneer Jan De Smet belde me vorige week vanuit de Stationsstraat 3 in Menen; hij klinkt "
    "erg eenzaam.",
    "Is er een verhoogde tegemoetkoming aangevraagd via het ziekenfonds voor het gezin?",
    "Welke rol speelt de oudste dochter Lotte in de zorg voor haar grootmoeder in Wevelgem?",
    "Hun rijksregisternummer 85.07.30-033.28 staat nog op de oude aanvraag van het Huis van "
    "het Kind.",
    "Wat vindt het gezin zelf het meest dringende: de schulden, de woning of de opvoeding?",
    "Je kan mij bereiken op 0470 12 34 56 als het CLB nog vragen heeft over de schoolkosten.",
    "Heeft iemand zicht op de wachtlijst van het sociaal verhuurkantoor in Ieper?",
]


def dutch_text(rng: random.Random, length: int) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(rng.choice(SENTENCES))
    text = " ".join(parts)
    return text[:length].rsplit(" ", 1)[0] if len(text) > length else text


class Screen:
    """One browser tab at a table: a participant or the facilitator's console."""

    def __init__(self, room: Room, index: int, cookie: str | None, facilitator: bool) -> None:
        self.room = room
        self.index = index
        self.cookie = cookie
        self.facilitator = facilitator
        # Its own aiohttp session: engine.io moves the Cookie header into the session's cookie
        # jar before the websocket request, so a shared session would mix up the cookies.
        # A browser offers permessage-deflate; aiohttp only when asked (--compression).
        extra = {"compress": 15} if room.proc.cfg.get("compression") else {}
        self.sio = socketio.AsyncClient(
            reconnection=False, handle_sigint=False, request_timeout=30,
            websocket_extra_options=extra,
        )
        self.sio.on("contribution", self._on_contribution)
        self.sio.on("contributions", self._on_contributions)
        self.sio.on("disconnect", self._on_disconnect)

    async def connect(self) -> None:
        headers = {"User-Agent": UA}
        if self.cookie:
            headers["Cookie"] = f"session={self.cookie}"
        for attempt in range(4):  # a busy 2-core box can miss a handshake; bounded retries
            try:
                await self.sio.connect(
                    self.room.proc.url, headers=headers, transports=["websocket"], wait_timeout=30
                )
                break
            except socketio.exceptions.ConnectionError:
                if attempt == 3:
                    raise
                self.room.proc.connect_retries += 1
                await asyncio.sleep(0.5 * (attempt + 1))
        reply = await self.sio.call("join", {"table": self.room.table}, timeout=60)
        if not reply.get("ok"):
            raise RuntimeError(f"join refused: {reply}")

    def _on_contribution(self, data: dict[str, Any]) -> None:
        self.room.proc.delivered(self, data.get("client_id"), None)

    def _on_contributions(self, items: list[dict[str, Any]], *_state: Any) -> None:
        now = time.monotonic()
        for item in items:
            self.room.proc.delivered(self, item.get("client_id"), now)

    def _on_disconnect(self, *_args: Any) -> None:
        self.room.proc.disconnects += 1


class Room:
    """A table: its facilitator (screen 0) and its participants."""

    def __init__(self, proc: LoadProcess, spec: dict[str, Any]) -> None:
        self.proc = proc
        self.table: str = spec["table"]
        self.code: str | None = spec.get("code")
        self.fac_cookie: str | None = spec.get("fac_cookie")
        self.screens: list[Screen] = []
        self.reveal_sent: float = 0.0


class LoadProcess:
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg
        self.url: str = cfg["url"]
        self.kind: str = cfg["kind"]  # "app" or "reference"
        self.proc_id: int = cfg["proc_id"]
        self.rng = random.Random(cfg.get("seed", 7) + self.proc_id)
        self.http: aiohttp.ClientSession | None = None
        self.rooms: list[Room] = []
        self.n = 0
        self.connect_retries = 0
        self._reset()

    def _reset(self) -> None:
        self.sent: dict[str, tuple[float, Room]] = {}
        self.seen: dict[str, int] = {}  # client id -> bitmask of screens that got it
        self.latencies: list[float] = []
        self.duplicates = 0
        self.unknown = 0
        self.rejected: list[str] = []
        self.acked = 0
        self.ack_latencies: list[float] = []
        self.disconnects = getattr(self, "disconnects", 0)

    # ----- receiving -----
    def delivered(self, screen: Screen, client_id: Any, reveal_at: float | None) -> None:
        now = time.monotonic()
        entry = self.sent.get(client_id) if isinstance(client_id, str) else None
        if entry is None:
            self.unknown += 1
            return
        bit = 1 << screen.index
        mask = self.seen.get(client_id, 0)
        if mask & bit:
            self.duplicates += 1
            return
        self.seen[client_id] = mask | bit
        start = screen.room.reveal_sent if reveal_at is not None else entry[0]
        self.latencies.append(now - start)

    # ----- setup -----
    async def setup(self) -> dict[str, Any]:
        t0 = time.monotonic()
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.DummyCookieJar(),
            connector=aiohttp.TCPConnector(limit=0),
            headers={"User-Agent": UA},
        )
        per_room = int(self.cfg["participants"])
        for spec in self.cfg["rooms"]:
            room = Room(self, spec)
            room.screens.append(Screen(room, 0, room.fac_cookie, facilitator=True))
            self.rooms.append(room)
        gate = asyncio.Semaphore(int(self.cfg.get("connect_concurrency", 20)))

        async def seat(room: Room, index: int) -> None:
            async with gate:
                cookie = await self.http_join(room) if self.kind == "app" else None
                screen = Screen(room, index, cookie, facilitator=False)
                await screen.connect()
                room.screens.append(screen)

        async def open_room(room: Room) -> None:
            async with gate:
                await room.screens[0].connect()
                phase = int(self.cfg.get("phase", 2))
                reply = await room.screens[0].sio.call(
                    "phase", {"table": room.table, "action": "goto", "value": phase}, timeout=60
                )
                if not reply.get("ok"):
                    raise RuntimeError(f"phase refused: {reply}")

        await asyncio.gather(*(open_room(r) for r in self.rooms))
        await asyncio.gather(*(seat(r, i + 1) for r in self.rooms for i in range(per_room)))
        for room in self.rooms:
            room.screens[1:] = sorted(room.screens[1:], key=lambda s: s.index)
        return {
            "ready": True,
            "screens": sum(len(r.screens) for r in self.rooms),
            "setup_s": round(time.monotonic() - t0, 2),
            "connect_retries": self.connect_retries,
        }

    async def http_join(self, room: Room) -> str:
        """The browser's join: form page (CSRF token + cookie), then the form post."""
        assert self.http is not None
        url = f"{self.url}/j/{room.code}"
        async with self.http.get(url) as resp:
            html = await resp.text()
            cookie = resp.cookies["session"].value
        match = CSRF.search(html)
        if resp.status != 200 or not match:
            raise RuntimeError(f"join page {resp.status}")
        service = self.rng.choice(["caw", "ocmw", "clb", "kind-en-gezin", "vdab", "ggz", "school"])
        form = {"csrf_token": match.group(1), "service": service, "rules": "y"}
        async with self.http.post(
            url, data=form, headers={"Cookie": f"session={cookie}"}, allow_redirects=False
        ) as resp:
            where = resp.headers.get("Location", "")
            if resp.status != 302 or "/room" not in where or "session" not in resp.cookies:
                raise RuntimeError(f"join post {resp.status}: {(await resp.text())[:300]}")
            return resp.cookies["session"].value

    # ----- posting -----
    def _client_id(self) -> str:
        self.n += 1
        return f"p{self.proc_id:02d}n{self.n:09d}"

    async def post(self, screen: Screen, kind: str, length: int) -> None:
        client_id = self._client_id()
        payload = {
            "table": screen.room.table,
            "client_id": client_id,
            "kind": kind,
            "text": dutch_text(self.rng, length),
        }
        sent = time.monotonic()
        self.sent[client_id] = (sent, screen.room)

        def ack(reply: dict[str, Any] | None = None, *_: Any) -> None:
            if reply and reply.get("ok"):
                self.acked += 1
                self.ack_latencies.append(time.monotonic() - sent)
            else:
                self.rejected.append(str((reply or {}).get("error", reply)))
                self.sent.pop(client_id, None)

        await screen.sio.emit("contribute", payload, callback=ack)

    async def steady(self, cmd: dict[str, Any]) -> dict[str, Any]:
        """Every participant posts `rate` times a second (random phase) for `duration` s."""
        self._reset()
        rate, duration = float(cmd["rate"]), float(cmd["duration"])
        await _sleep_until(cmd["start"])
        ru0, t0 = _cpu(), time.monotonic()
        schedule: list[tuple[float, int, Screen]] = []
        for room in self.rooms:
            for screen in room.screens[1:]:
                t = t0 + self.rng.random() / rate
                while t < t0 + duration:
                    schedule.append((t, id(screen), screen))
                    t += 1 / rate
        schedule.sort(key=lambda item: item[0])
        length = int(self.cfg["text_length"])
        for when, _, screen in schedule:
            delay = when - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            await self.post(screen, "vraag", length)
        await self._drain(float(cmd.get("drain", 3.0)))
        return self._figures(ru0, t0, duration)

    async def burst(self, cmd: dict[str, Any]) -> dict[str, Any]:
        """Silent writing: every participant posts `posts` times, then all facilitators reveal."""
        self._reset()
        await _sleep_until(cmd["start"])
        ru0, t0 = _cpu(), time.monotonic()
        length = int(self.cfg["text_length"])
        writes = [s for r in self.rooms for s in r.screens[1:] for _ in range(int(cmd["posts"]))]
        self.rng.shuffle(writes)
        spread = float(cmd.get("spread", 2.0))
        for i, screen in enumerate(writes):
            delay = t0 + spread * i / max(len(writes), 1) - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            await self.post(screen, "analyse", length)
        # The facilitator reveals once the held count shows everyone's text: wait for the acks
        # (bounded), so the reveal measures the reveal, not a backlog of silent posts.
        ack_deadline = time.monotonic() + float(cmd.get("ack_wait", 30.0))
        while self.acked + len(self.rejected) < len(writes) and time.monotonic() < ack_deadline:
            await asyncio.sleep(0.05)
        await _sleep_until(cmd["reveal_at"])
        for room in self.rooms:
            room.reveal_sent = time.monotonic()
            await room.screens[0].sio.emit("reveal", {"table": room.table})
        await self._drain(float(cmd.get("drain", 3.0)))
        return self._figures(ru0, t0, time.monotonic() - t0)

    def _expected(self) -> int:
        return sum(len(room.screens) for _, room in self.sent.values())

    async def _drain(self, limit: float) -> None:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if len(self.latencies) >= self._expected() and self.acked + len(self.rejected) >= len(
                self.sent
            ) + len(self.rejected):
                break
            await asyncio.sleep(0.05)

    def _figures(self, ru0: float, t0: float, duration: float) -> dict[str, Any]:
        expected = self._expected()
        return {
            "posts": len(self.sent),
            "acked": self.acked,
            "rejected": len(self.rejected),
            "rejected_sample": self.rejected[:3],
            "expected": expected,
            "delivered": len(self.latencies),
            "lost": expected - len(self.latencies),
            "duplicates": self.duplicates,
            "unknown": self.unknown,
            "disconnects": self.disconnects,
            "latencies_ms": [round(x * 1000, 2) for x in self.latencies],
            "ack_ms": [round(x * 1000, 2) for x in self.ack_latencies],
            "duration_s": duration,
            "client_cpu_s": round(_cpu() - ru0, 3),
            "wall_s": round(time.monotonic() - t0, 3),
        }

    async def close(self) -> None:
        for room in self.rooms:
            for screen in room.screens:
                if screen.sio.connected:
                    await screen.sio.disconnect()
        if self.http is not None:
            await self.http.close()


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


async def _sleep_until(when: float) -> None:
    delay = when - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)


async def main() -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    proc: LoadProcess | None = None
    for _ in range(1000):  # bounded: a run has a handful of commands
        line = await reader.readline()
        if not line:
            break
        cmd = json.loads(line)
        try:
            if cmd["cmd"] == "setup":
                proc = LoadProcess(cmd)
                out = await proc.setup()
                # The client is the measuring instrument: a full collection over its thousands
                # of screens stopped its loop for 100+ ms and counted as latency of whichever
                # server was measured. Screens live for the whole run: keep them out of it.
                gc.collect()
                gc.freeze()
            elif cmd["cmd"] in ("steady", "burst") and proc:
                gc.disable()  # no collector pauses inside a stage; bounded garbage, re-enabled
                try:
                    out = await (proc.steady(cmd) if cmd["cmd"] == "steady" else proc.burst(cmd))
                finally:
                    gc.enable()
                    gc.collect()
            else:
                break
        except Exception as err:  # reported to the driver, which stops the run
            out = {"error": f"{type(err).__name__}: {err}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    if proc is not None:
        await proc.close()


if __name__ == "__main__":
    asyncio.run(main())
