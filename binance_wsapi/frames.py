"""Client-side WebSocket framing (RFC 6455), just what the client protocol needs.

websocket-client performs the handshake; after it, the I/O thread reads the socket itself in
large chunks and parses every complete frame in each chunk. websocket-client's own reader
makes about three `recv()` calls per small frame and validates UTF-8 in pure Python, which
dominates the cost of a round trip (see PERFORMANCE-NOTES.md); json.loads on bytes still
validates UTF-8, in C.
"""

from __future__ import annotations

import os
import struct
from typing import Any, Optional, Sequence

__all__ = ["FrameReader", "ProtocolError", "encode_frame"]

OP_CONTINUATION = 0x0
OP_TEXT = 0x1
OP_BINARY = 0x2
OP_CLOSE = 0x8
OP_PING = 0x9
OP_PONG = 0xA

_FIN = 0x80
_MASKED = 0x80
_pack_short = struct.Struct("!BBH").pack
_pack_long = struct.Struct("!BBQ").pack
# Frames this large are read into a buffer of their own size (FrameReader._big).
_BIG = 1 << 16


class ProtocolError(Exception):
    """The server broke the WebSocket protocol (or sent a message over the size limit)."""

    #: Set by `ClientProtocol.receive_data`: the events completed ahead of the violation in
    #: the same data. Some may hold requests already taken from the registry, so whoever
    #: catches this must still handle them.
    events: Sequence[Any] = ()


def _mask(key: bytes, data: bytes) -> bytes:
    n = len(data)
    if not n:
        return b""
    # XOR as one big integer: C speed without a compiled extension.
    stream = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(n, "little")


def encode_frame(opcode: int, payload: bytes) -> bytes:
    """One final, masked frame (clients must mask every frame)."""
    n = len(payload)
    if n < 126:
        header = bytes((_FIN | opcode, _MASKED | n))
    elif n < 65536:
        header = _pack_short(_FIN | opcode, _MASKED | 126, n)
    else:
        header = _pack_long(_FIN | opcode, _MASKED | 127, n)
    key = os.urandom(4)
    return header + key + _mask(key, payload)


def close_payload(code: int = 1000, reason: str = "") -> bytes:
    """The payload of a close frame: a status code and a UTF-8 reason."""
    return struct.pack("!H", code) + reason.encode("utf-8")[:123]


class FrameReader:
    """Turns a byte stream into complete messages: ``feed(data) -> [(opcode, payload), ...]``.

    Fragmented messages are reassembled; control frames (ping, pong, close) come out as they
    arrive, even between fragments. A message larger than `max_size` is a ProtocolError.
    """

    __slots__ = (
        "_buf", "_need", "_big", "_big_filled", "_big_b0", "_fragments", "_fragment_opcode", "_fragment_size", "max_size",
    )

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self._buf = bytearray()
        # Bytes the frame at the head of _buf needs in total; 0 = header not parsed yet.
        self._need = 0
        # A large frame's payload, filled in place as its bytes arrive: one copy, where
        # accumulating the frame and then slicing its payload out would make three.
        self._big: Optional[bytearray] = None
        self._big_filled = 0
        self._big_b0 = 0
        self._fragments: Optional[list[bytes]] = None
        self._fragment_opcode = 0
        self._fragment_size = 0

    def feed(self, data: bytes) -> list[tuple[int, bytes]]:
        """Consume `data`; return the messages it completed, in order.

        A payload is bytes, or a bytearray for a frame of `_BIG` bytes or more.
        """
        out: list[tuple[int, bytes]] = []
        big = self._big
        if big is not None:
            filled = self._big_filled
            take = min(len(data), len(big) - filled)
            big[filled : filled + take] = memoryview(data)[:take]
            filled += take
            if filled < len(big):
                self._big_filled = filled
                return out
            self._big = None
            self._deliver(out, self._big_b0, big)  # type: ignore[arg-type]
            data = data[take:]
            if not data:
                return out
        if self._buf:
            self._buf += data
            if len(self._buf) < self._need:
                return []  # still inside a large frame: don't re-parse, just accumulate
            data = bytes(self._buf)
            self._buf.clear()
        pos = 0
        end = len(data)
        need = 0  # total size of an incomplete frame at `pos`, once its header is known
        max_size = self.max_size
        while end - pos >= 2:
            b0 = data[pos]
            b1 = data[pos + 1]
            length = b1 & 0x7F
            head = 2
            if length == 126:
                if end - pos < 4:
                    break
                length = (data[pos + 2] << 8) | data[pos + 3]
                head = 4
            elif length == 127:
                if end - pos < 10:
                    break
                length = int.from_bytes(data[pos + 2 : pos + 10], "big")
                head = 10
            if b1 & _MASKED:
                raise ProtocolError("the server sent a masked frame")
            if b0 & 0x70:
                raise ProtocolError("the server set reserved bits (no extension was negotiated)")
            if length > 125 and b0 & 0x08:
                raise ProtocolError(f"a control frame of {length} bytes (RFC 6455 allows 125)")
            if length > max_size:
                raise ProtocolError(f"frame of {length} bytes exceeds max_message_size={max_size}")
            frame_end = pos + head + length
            if frame_end > end:
                if length >= _BIG:
                    big = bytearray(length)
                    self._big_filled = end - pos - head
                    big[: self._big_filled] = memoryview(data)[pos + head :]
                    self._big, self._big_b0 = big, b0
                    pos = end
                else:
                    need = frame_end - pos
                break
            payload = data[pos + head : frame_end]
            pos = frame_end
            self._deliver(out, b0, payload)
        if pos < end:
            self._buf += data[pos:]
        self._need = need
        return out

    def _deliver(self, out: list[tuple[int, bytes]], b0: int, payload: bytes) -> None:
        opcode = b0 & 0x0F
        if b0 & _FIN and opcode != OP_CONTINUATION and self._fragments is None:
            out.append((opcode, payload))  # the common case: one unfragmented message
        else:
            message = self._fragment(opcode, bool(b0 & _FIN), payload)
            if message is not None:
                out.append(message)

    def _fragment(self, opcode: int, fin: bool, payload: bytes) -> Optional[tuple[int, bytes]]:
        if opcode >= OP_CLOSE:
            if not fin or len(payload) > 125:
                raise ProtocolError("control frames must be final and at most 125 bytes")
            return (opcode, payload)
        if opcode == OP_CONTINUATION:
            if self._fragments is None:
                raise ProtocolError("continuation frame without a message to continue")
        else:
            if self._fragments is not None:
                raise ProtocolError("new data frame while a fragmented message is incomplete")
            self._fragments = []
            self._fragment_opcode = opcode
            self._fragment_size = 0
        self._fragment_size += len(payload)
        if self._fragment_size > self.max_size:
            raise ProtocolError(f"message exceeds max_message_size={self.max_size}")
        self._fragments.append(payload)
        if not fin:
            return None
        message = (self._fragment_opcode, b"".join(self._fragments))
        self._fragments = None
        return message
