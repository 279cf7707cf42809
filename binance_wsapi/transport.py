"""Byte I/O on one connected socket, safe for one reading thread and one writing thread at once.

A connection's I/O thread reads while caller threads write, on the same socket. For a plain
TCP socket that is fine: the kernel serialises the two directions. For TLS it is not: one
OpenSSL ``SSL`` object must never be used by two threads at once, and CPython's `SSLSocket`
adds no lock (python/cpython#77271). Reading and writing it concurrently makes `recv()`
return ``b""`` on a healthy connection (a disconnect that never happened), corrupts records,
and can crash the process. So `TlsTransport` runs every SSL call (read, write, close) under
one lock, on a non-blocking socket: a call never waits while holding the lock, and the
waiting for readiness (`poll`) happens outside it.

`PlainTransport` reads with a blocking `recv()` (one system call per read, no poll first)
and writes with ``MSG_DONTWAIT`` where the platform has it, so a writer never blocks on a
peer that stopped reading; it waits for room outside any lock, up to `write_timeout`.

Neither ever closes the socket from a thread other than the reader's (`close()`): another
thread only shuts it down, which wakes the reader without freeing the file descriptor that
the reader may be about to poll. `TlsTransport` shuts down the TCP socket underneath the TLS
layer (`SSLSocket.shutdown` would drop the TLS layer first, letting a concurrent write go out
in clear text), and refuses every write once closed.
"""

from __future__ import annotations

import os
import select
import socket
import ssl
import threading
import time
from typing import Any, Callable, Mapping, Optional, Union
from urllib.parse import urlsplit

import websocket

__all__ = ["Dialer", "PlainTransport", "TlsTransport", "Transport", "transport_for"]

RECV_SIZE = 1 << 16
_Buffer = Union[bytes, memoryview]

if hasattr(select, "poll"):
    _POLLIN, _POLLOUT = select.POLLIN, select.POLLOUT

    def _waiter(fd: int) -> Callable[[int, Optional[float]], bool]:
        """A function ``wait(events, timeout) -> ready`` for one file descriptor."""
        pollers: dict[int, Any] = {}

        def wait(events: int, timeout: Optional[float]) -> bool:
            poller = pollers.get(events)
            if poller is None:
                poller = pollers[events] = select.poll()
                poller.register(fd, events)
            # Errors and hang-ups count as ready: the next read or write reports them.
            ms = None if timeout is None else max(0, min(int(timeout * 1000) + 1, 2**31 - 1))
            return bool(poller.poll(ms))

        return wait

else:  # pragma: no cover - Windows
    _POLLIN, _POLLOUT = 1, 4

    def _waiter(fd: int) -> Callable[[int, Optional[float]], bool]:
        def wait(events: int, timeout: Optional[float]) -> bool:
            r, w = ([fd], []) if events == _POLLIN else ([], [fd])
            ready = select.select(r, w, [fd], None if timeout is None else max(0.0, timeout))
            return any(ready)

        return wait


_DONTWAIT = getattr(socket, "MSG_DONTWAIT", 0)


class WriteStalled(socket.timeout):
    """A write made no progress for `write_timeout` seconds: the peer stopped reading."""


class TransportClosed(OSError):
    """The transport was closed; nothing more is read or written on it."""


class Transport:
    """The interface: `recv` (reader thread), `send` (one writer at a time), `shutdown` (any
    thread), `close` (reader thread, last)."""

    def __init__(self, sock: socket.socket, write_timeout: float) -> None:
        self.sock = sock
        self.write_timeout = write_timeout
        self._shut = False

    def recv(self) -> bytes:
        """The next bytes from the peer; b"" at its end (or once shut down)."""
        raise NotImplementedError

    def wait_readable(self, timeout: Optional[float]) -> bool:
        """Wait up to `timeout` for something to read (`read_nowait`); False if none came.

        Nothing is consumed, so an interrupt here (KeyboardInterrupt) loses nothing.
        """
        raise NotImplementedError

    def read_nowait(self) -> Optional[bytes]:
        """The bytes available now; None if there are none yet; b"" at the peer's end."""
        raise NotImplementedError

    def send(self, data: _Buffer, timeout: Optional[float] = None) -> None:
        """Write all of `data`; OSError (WriteStalled, TransportClosed...) if that fails."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop all traffic both ways and wake a blocked reader or writer. Any thread."""
        self._shut = True
        try:
            socket.socket.shutdown(self.sock, socket.SHUT_RDWR)  # the TCP socket, not the TLS layer
        except OSError:
            pass

    def close(self) -> None:
        """Release the socket. Only the reader thread calls this, after its last read."""
        raise NotImplementedError

    def _stalled(self, timeout: float) -> WriteStalled:
        return WriteStalled(f"no write progress for {timeout:g} s: the server stopped reading")


class PlainTransport(Transport):
    """A TCP socket: blocking reads; writes that never block inside a system call."""

    def __init__(self, sock: socket.socket, write_timeout: float) -> None:
        super().__init__(sock, write_timeout)
        # Blocking without a timeout: a read is one recv() call, no poll() before it. The
        # reader is woken by data, by the peer, or by shutdown().
        sock.settimeout(None)
        self._read_wait = _waiter(sock.fileno())
        self._wait = _waiter(sock.fileno())
        # Writes and close() exclude each other, so a write never reaches a file descriptor
        # number that close() has just freed for reuse.
        self._lock = threading.Lock()
        self._closed = False
        if not _DONTWAIT:  # pragma: no cover - Windows: no per-call flag, so no blocking at all
            sock.setblocking(False)

    def recv(self) -> bytes:
        while True:
            try:
                return self.sock.recv(RECV_SIZE)
            except BlockingIOError:  # pragma: no cover - only a non-blocking socket (Windows)
                self._read_wait(_POLLIN, None)

    def wait_readable(self, timeout: Optional[float]) -> bool:
        return self._read_wait(_POLLIN, timeout)

    def read_nowait(self) -> Optional[bytes]:
        try:
            return self.sock.recv(RECV_SIZE, _DONTWAIT)
        except BlockingIOError:
            return None

    def send(self, data: _Buffer, timeout: Optional[float] = None) -> None:
        sock = self.sock
        view = memoryview(data)
        deadline = 0.0
        while True:
            with self._lock:
                if self._closed or self._shut:
                    raise TransportClosed("the connection is closed")
                try:
                    sent = sock.send(view, _DONTWAIT)
                except BlockingIOError:
                    sent = 0
            if sent == len(view):
                return
            view = view[sent:]
            if sent or not deadline:  # progress restarts the stall clock
                deadline = time.monotonic() + (self.write_timeout if timeout is None else timeout)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._wait(_POLLOUT, remaining):
                raise self._stalled(self.write_timeout if timeout is None else timeout)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self.sock.close()


class TlsTransport(Transport):
    """A TLS socket: every SSL call under one lock, never blocking while holding it."""

    def __init__(self, sock: ssl.SSLSocket, write_timeout: float) -> None:
        super().__init__(sock, write_timeout)
        sock.setblocking(False)
        #: The one lock of an SSL object: held for each read, write and close, never while
        #: waiting for the socket to be ready.
        self.ssl_lock = threading.Lock()
        self._closed = False
        self._read_wait = _waiter(sock.fileno())
        self._write_wait = _waiter(sock.fileno())
        # Data decrypted by the handshake may already be buffered: read before polling.
        self._poll_first = False
        # What the last read_nowait() needs the socket to be ready for (a TLS read can need
        # a write first).
        self._read_events = _POLLIN

    def recv(self) -> bytes:
        sock: Any = self.sock
        lock = self.ssl_lock
        wait = self._read_wait
        if self._poll_first:
            wait(self._read_events, None)
        while True:
            with lock:
                if self._closed:
                    raise TransportClosed("the connection is closed")
                try:
                    data: bytes = sock.recv(RECV_SIZE)
                except ssl.SSLWantReadError:
                    events = _POLLIN
                except ssl.SSLWantWriteError:
                    events = _POLLOUT
                else:
                    # Whole records may be decrypted and buffered inside OpenSSL, where
                    # poll() cannot see them: read those before waiting on the socket.
                    self._poll_first, self._read_events = not sock.pending(), _POLLIN
                    return data
            if self._shut:
                return b""
            wait(events, None)

    def wait_readable(self, timeout: Optional[float]) -> bool:
        if not self._poll_first:
            return True  # decrypted data may be waiting inside OpenSSL, where poll() cannot see it
        return self._read_wait(self._read_events, timeout)

    def read_nowait(self) -> Optional[bytes]:
        sock: Any = self.sock
        with self.ssl_lock:
            if self._closed:
                raise TransportClosed("the connection is closed")
            try:
                data: bytes = sock.recv(RECV_SIZE)
            except ssl.SSLWantReadError:
                self._poll_first, self._read_events = True, _POLLIN
            except ssl.SSLWantWriteError:
                self._poll_first, self._read_events = True, _POLLOUT
            else:
                self._poll_first, self._read_events = not sock.pending(), _POLLIN
                return data
        return b"" if self._shut else None

    def send(self, data: _Buffer, timeout: Optional[float] = None) -> None:
        sock: Any = self.sock
        lock = self.ssl_lock
        view = memoryview(data)
        limit = self.write_timeout if timeout is None else timeout
        deadline = 0.0
        while True:
            with lock:
                if self._closed or self._shut:
                    raise TransportClosed("the connection is closed")
                try:
                    # SSL_write without partial writes: all of it, or "want" and nothing
                    # more to report; OpenSSL then expects the same bytes again.
                    sent = sock.send(view)
                    events = 0
                except ssl.SSLWantWriteError:
                    sent, events = 0, _POLLOUT
                except ssl.SSLWantReadError:
                    sent, events = 0, _POLLIN
            if sent == len(view):
                return
            if sent:
                view = view[sent:]
            if sent or not deadline:
                deadline = time.monotonic() + limit
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._write_wait(events or _POLLOUT, remaining):
                raise self._stalled(limit)

    def close(self) -> None:
        with self.ssl_lock:
            self._closed = True
            self.sock.close()


class Dialer:
    """One connection attempt (TCP, TLS, WebSocket upgrade) that any thread can abort.

    websocket-client performs the handshake, but on a TCP socket opened here, so that the
    attempt can be cut short at any point after the TCP connect: `abort()` shuts the socket
    down through a duplicate of its file descriptor, which stays valid while the TLS layer
    takes the socket over. Per-operation timeouts alone would let a server that trickles one
    byte a second keep an attempt (and `close()`) waiting forever. Behind a proxy (options
    or environment), websocket-client opens the socket itself and only its timeouts apply.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handle: Optional[socket.socket] = None
        self.aborted = False

    def abort(self) -> None:
        """End the attempt: its next socket operation fails. Any thread, any time."""
        with self._lock:
            self.aborted = True
            if self._handle is not None:
                try:
                    self._handle.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def dial(self, url: str, timeout: float, options: Mapping[str, Any]) -> socket.socket:
        """The connected, upgraded socket (an SSLSocket for wss://); raises what failed."""
        deadline = time.monotonic() + timeout
        parts = urlsplit(url)
        secure = parts.scheme == "wss"
        host = parts.hostname or ""
        if _proxied(options, secure, host):
            ws = websocket.create_connection(url, timeout=timeout, skip_utf8_validation=True, **options)
            assert ws.sock is not None
            return ws.sock
        if self.aborted:
            raise TransportClosed("the connection attempt was aborted")
        sock = socket.create_connection((host, parts.port or (443 if secure else 80)), timeout)
        try:
            self._hold(sock)
            for option in (*_SOCKET_OPTIONS, *options.get("sockopt", ())):
                sock.setsockopt(*option)
            rest = {k: v for k, v in options.items() if k not in ("sockopt", "sslopt", "redirect_limit")}
            if secure:
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sock = _wrap_tls(sock, dict(options.get("sslopt") or {}), host)
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            # No redirects: websocket-client would follow one on a socket of its own, out of
            # reach of abort() and without the TLS options. Binance does not redirect.
            ws = websocket.create_connection(url, socket=sock, skip_utf8_validation=True, redirect_limit=0, **rest)
            assert ws.sock is not None
            return ws.sock
        except BaseException:
            sock.close()
            raise
        finally:
            with self._lock:
                if self._handle is not None:
                    self._handle.close()
                    self._handle = None

    def _hold(self, sock: socket.socket) -> None:
        with self._lock:
            if self.aborted:
                raise TransportClosed("the connection attempt was aborted")
            self._handle = socket.socket(fileno=os.dup(sock.fileno()))


# websocket-client's defaults: no Nagle delay (a request is one small write), and TCP
# keepalive probes after 30 s idle, every 10 s, 3 of them, where the platform has them.
_SOCKET_OPTIONS: tuple[tuple[int, ...], ...] = ((socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),)
if hasattr(socket, "SO_KEEPALIVE"):
    _SOCKET_OPTIONS += ((socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1),)
for _name, _value in (("TCP_KEEPIDLE", 30), ("TCP_KEEPINTVL", 10), ("TCP_KEEPCNT", 3)):
    if hasattr(socket, _name):
        _SOCKET_OPTIONS += ((socket.IPPROTO_TCP, getattr(socket, _name), _value),)


def _proxied(options: Mapping[str, Any], secure: bool, host: str) -> bool:
    if any(key.startswith("http_proxy") or key == "proxy_type" for key in options):
        return True
    import urllib.request  # 8 MB and 30 ms at import: only when a connection is dialled

    proxy = urllib.request.getproxies().get("https" if secure else "http")
    return bool(proxy) and not urllib.request.proxy_bypass(host)


def _wrap_tls(sock: socket.socket, sslopt: dict[str, Any], host: str) -> ssl.SSLSocket:
    """TLS over `sock` exactly as websocket-client would set it up from `sslopt`."""
    try:
        from websocket._http import _ssl_socket  # its sslopt handling, CA bundle variable included
    except ImportError:  # pragma: no cover - a websocket-client that moved it
        context = sslopt.get("context") or ssl.create_default_context(cafile=sslopt.get("ca_certs"))
        return context.wrap_socket(sock, server_hostname=sslopt.get("server_hostname", host))
    return _ssl_socket(sock, sslopt, host)  # type: ignore[no-any-return]


def transport_for(sock: socket.socket, write_timeout: float) -> Transport:
    """The transport for a connected socket: TLS-safe when it is an SSLSocket."""
    if isinstance(sock, ssl.SSLSocket):
        return TlsTransport(sock, write_timeout)
    return PlainTransport(sock, write_timeout)
