"""The network side of a URL fetch: which addresses a fetch may reach, and a transport pinned to them.

A host is resolved once (``resolve``); every address it resolves to is checked (``check_address``);
the connection then goes to those checked addresses only (``pinned_transport``), so a second DNS
answer cannot swap in another address. The URL keeps its host name, so the Host header, TLS SNI and
certificate checks use the real name. Every socket operation is clipped to one total deadline.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Collection, Iterable
from typing import Any

import httpcore
import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class Refused(Exception):
    """A target the fetch may not reach; the message is the reason, in one line."""


def address_problem(ip: Address, *, allow_private: bool) -> str | None:
    """Why ``ip`` may not be fetched from, or None when it may.

    Link-local (cloud metadata at 169.254.169.254), multicast, unspecified and reserved addresses are
    always refused; loopback and private ones only unless ``allow_private``.
    """
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_loopback:  # before reserved: ::1 lies in the reserved ::/8
        return None if allow_private else "a loopback address"
    if ip.is_reserved:
        return "a reserved address"
    if allow_private:
        return None
    if ip.is_private or not ip.is_global:
        return "a private address"
    return None


def resolve(host: str, port: int, deadline: float) -> list[Address]:
    """The addresses ``host`` resolves to (one lookup, bounded by the deadline)."""
    if host.rstrip(".").lower() == "localhost" or host.rstrip(".").lower().endswith(".localhost"):
        return [ipaddress.ip_address("127.0.0.1")]
    box: dict[str, Any] = {}

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as e:
            box["error"] = e

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise httpx.ConnectTimeout(f"DNS lookup of {host} did not finish in time")
    if "error" in box:
        raise httpx.ConnectError(f"cannot resolve host {host} ({box['error']})")
    addresses: list[Address] = []
    for info in box["infos"]:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise httpx.ConnectError(f"cannot resolve host {host}")
    return addresses


def checked_addresses(
    url: httpx.URL, deadline: float, *, allow_private: bool, allowed: Collection[Network] = (),
) -> list[Address]:
    """Resolve ``url``'s host and check every address; raise ``Refused`` naming the first bad one.
    Addresses inside ``allowed`` networks pass whatever they are."""
    if url.scheme not in ("http", "https"):
        raise Refused(f"unsupported URL scheme {url.scheme or '(none)'!r} in {url} (http and https only)")
    if not url.host:
        raise Refused(f"no host in {url}")
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = resolve(url.host, port, deadline)
    for ip in addresses:
        if any(ip in net for net in allowed):
            continue
        problem = address_problem(ip, allow_private=allow_private)
        if problem:
            hint = "" if problem not in ("a loopback address", "a private address") else (
                " (set allow_private_fetch to fetch from it)"
            )
            what = f"{url.host}: it resolves to {ip}" if url.host.strip("[]") != str(ip) else url.host
            raise Refused(f"refused {what}, {problem}{hint}")
    return addresses


def _left(deadline: float, timeout: float | None, exc: type[Exception]) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise exc("total fetch deadline passed")
    return left if timeout is None else min(left, timeout)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the fetch's total deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the checked addresses, whatever host name httpcore asks for."""

    def __init__(self, addresses: Iterable[Address], deadline: float) -> None:
        self._addresses = list(addresses)
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for ip in self._addresses:
            left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(str(ip), port, left, local_address, socket_options)
            except httpcore.ConnectError as e:
                error = e
                continue
            return _DeadlineStream(stream, self._deadline)
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self, backend: _PinnedBackend) -> None:
        super().__init__(retries=0)
        # httpx builds its own pool; swap in one with the same TLS settings and the pinned backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=1, network_backend=backend,
        )


def pinned_transport(addresses: Iterable[Address], deadline: float) -> httpx.BaseTransport:
    """An httpx transport that connects only to ``addresses`` and stops at ``deadline``."""
    return _PinnedTransport(_PinnedBackend(addresses, deadline))
