"""The callback thread: where user code runs, so that it never runs on the I/O thread.

Event handlers and `Future.add_done_callback` functions are queued here by the I/O thread and
run one at a time, in order, on a named daemon thread. The queue is bounded: a stuck handler
must not make the I/O thread buffer without limit. When it is full, the callback is dropped
and logged at ERROR (and counted), so a slow consumer is visible rather than silently lossy.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Any, Callable, Optional, TypeVar

log = logging.getLogger("binance_wsapi")

__all__ = ["CallbackDispatcher", "RequestFuture"]

T = TypeVar("T")
_STOP = object()


class CallbackDispatcher:
    """A bounded queue of callables and the daemon thread that runs them (started on first use)."""

    def __init__(self, name: str, maxsize: int) -> None:
        self.name = name
        self.dropped = 0
        self._queue: queue.Queue[Any] = queue.Queue(maxsize)
        self._lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None
        self._closed = False

    @property
    def thread(self) -> Optional[threading.Thread]:
        return self._thread

    def submit(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Queue ``fn(*args)``; never blocks. False if it was dropped (closed or queue full)."""
        if self._thread is None:
            self._start()
        if self._closed:
            return False
        try:
            self._queue.put_nowait((fn, args))
        except queue.Full:
            self.dropped += 1
            log.error(
                "callback queue full (%d waiting): dropped %s; a handler is too slow or blocked",
                self._queue.maxsize,
                getattr(fn, "__qualname__", fn),
            )
            return False
        return True

    def _start(self) -> None:
        with self._lock:
            if self._thread is None and not self._closed:
                thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                thread.start()
                self._thread = thread

    def _run(self) -> None:
        get = self._queue.get
        while True:
            item = get()
            if item is _STOP:
                return
            fn, args = item
            try:
                fn(*args)
            except Exception:
                log.exception("callback %s raised", getattr(fn, "__qualname__", fn))

    def after_fork_in_child(self) -> None:
        """In a forked child: closed, with fresh state (the parent's thread does not exist here)."""
        self._lock = threading.Lock()
        self._queue = queue.Queue(self._queue.maxsize)
        self._thread = None
        self._closed = True

    def close(self, timeout: Optional[float]) -> bool:
        """Run what is queued, then stop. True if the thread is gone (or was never started)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is None:
            return True
        try:
            self._queue.put(_STOP, timeout=timeout)
        except queue.Full:
            return False
        if thread is threading.current_thread():
            return True  # closed from a callback: the thread ends when that callback returns
        thread.join(timeout)
        return not thread.is_alive()


class RequestFuture(Future[T]):
    """A `concurrent.futures.Future` whose done-callbacks run on the callback thread.

    The I/O thread completes these futures; a plain Future would run the callbacks right
    there, in the middle of reading the socket. `cancel()` succeeds only while the request
    is still waiting for a connection: once sent, it cannot be taken back.
    """

    def __init__(self, dispatcher: CallbackDispatcher) -> None:
        super().__init__()
        self._dispatcher = dispatcher

    def add_done_callback(self, fn: Callable[[Future[T]], object]) -> None:
        if self.done():
            super().add_done_callback(fn)  # already complete: runs now, in the caller's thread
            return
        dispatcher = self._dispatcher
        super().add_done_callback(lambda fut: dispatcher.submit(fn, fut))
