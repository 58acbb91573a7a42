"""Loaded at start-up by every Python process of a test that must not use the network.

Internet sockets cannot connect or send, and host names cannot be looked up; every
attempt is written to $NO_NETWORK_LOG (the test then asserts it stayed empty, so a
library that quietly catches the error is still caught).
"""

import os
import socket
import traceback

_LOG = os.environ.get("NO_NETWORK_LOG", "")
_INTERNET = {socket.AF_INET, socket.AF_INET6}


def _refuse(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{what}\n{''.join(traceback.format_stack(limit=8))}\n")
    raise OSError(f"network access blocked by the test: {what}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def connect(self, address):  # type: ignore[no-untyped-def]
    if self.family in _INTERNET:
        _refuse(f"connect {address!r}")
    return _connect(self, address)


def connect_ex(self, address):  # type: ignore[no-untyped-def]
    if self.family in _INTERNET:
        _refuse(f"connect_ex {address!r}")
    return _connect_ex(self, address)


def sendto(self, *args):  # type: ignore[no-untyped-def]
    if self.family in _INTERNET:
        _refuse(f"sendto {args[-1]!r}")
    return _sendto(self, *args)


def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    _refuse(f"getaddrinfo {host!r}")


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
socket.getaddrinfo = getaddrinfo
