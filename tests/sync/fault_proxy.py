"""A loopback HTTP fault proxy for the sync tests (issue 4, item 6, second point).

It sits between `ApiClient` and the registry and, while `faults` is on, does one of
these to each request (chosen at random, reproducibly from `seed`):

- `pass`: forward it untouched;
- `drop_request`: forward half of the request, then drop both connections (the
  registry never sees a whole request);
- `drop_response`: forward the request, read the whole answer, drop the connection
  without a byte back (the registry applied it; the client does not know);
- `delay`: wait `delay` seconds, then forward (longer than the client's timeout, so
  the client gives up while the registry goes on);
- `gateway`: answer 502 or 503 itself;
- `truncate`: forward, then send the headers and half of the body, and drop.

One request per client connection: every answer is sent with `Connection: close`, so a
fault hits one request, never a connection that the client would reuse later.
Threads, no asyncio: the tests are synchronous and this stays small.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter

MODES = ("pass", "drop_request", "drop_response", "delay", "gateway", "truncate")


def _read_message(sock: socket.socket) -> tuple[bytes, bytes] | None:
    """One HTTP message (head, body) with a Content-Length body; None on EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head, body


def _with_close(head: bytes) -> bytes:
    lines = [
        line
        for line in head.split(b"\r\n")
        if line.split(b":", 1)[0].strip().lower() not in (b"connection", b"keep-alive")
    ]
    return b"\r\n".join([*lines, b"Connection: close"])


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 0,
        delay: float = 1.5,
        weights: dict[str, int] | None = None,
    ) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.delay = delay
        self.faults = False
        self.weights = weights or {
            "pass": 3,
            "drop_request": 1,
            "drop_response": 2,
            "delay": 1,
            "gateway": 1,
            "truncate": 2,
        }
        self.seen: Counter[str] = Counter()
        self._deck: list[str] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port: int = self._sock.getsockname()[1]
        self._stopped = False
        self._thread = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped = True
        self._sock.close()

    def _mode(self) -> str:
        if not self.faults:
            return "pass"
        with self._lock:
            if not self._deck:  # a shuffled deck: every fault comes up in every round
                self._deck = [n for n, w in self.weights.items() for _ in range(int(w))]
                self._rng.shuffle(self._deck)
            mode = self._deck.pop()
            self.seen[mode] += 1
            return mode

    def _accept(self) -> None:
        while not self._stopped:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        try:
            request = _read_message(client)
            if request is None:
                return
            head, body = request
            mode = self._mode()
            if mode == "gateway":
                code = self._rng.choice((b"502 Bad Gateway", b"503 Service Unavailable"))
                client.sendall(
                    b"HTTP/1.1 " + code + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                return
            if mode == "delay":
                time.sleep(self.delay)
            upstream = socket.create_connection(self.upstream, timeout=30)
            raw = _with_close(head) + b"\r\n\r\n" + body
            if mode == "drop_request":
                upstream.sendall(raw[: max(1, len(raw) // 2)])
                return
            upstream.sendall(raw)
            answer = _read_message(upstream)
            if answer is None or mode == "drop_response":
                return
            a_head, a_body = answer
            out = _with_close(a_head) + b"\r\n\r\n"
            if mode == "truncate":
                client.sendall(out + a_body[: len(a_body) // 2])
                return
            client.sendall(out + a_body)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                if s is not None:
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    s.close()
