"""`manage.py start` serves the H5P content origin on a second port, with nothing
to configure: the same app, routed to the player and the H5P files only."""

import socket
import urllib.error
import urllib.request

import pytest

from lms.management.commands.start import h5p_origin_serve


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def h5p_port(transactional_db, settings):
    settings.H5P_FILES_URL = ""  # the embedded default
    port = _free_port()
    settings.H5P_LOCAL_PORT = port
    servers = h5p_origin_serve(port)
    yield port
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_second_port_serves_the_player_assets_and_nothing_of_the_platform(
    h5p_port,
):
    base = f"http://127.0.0.1:{h5p_port}"

    status, headers, body = _get(f"{base}/static/content/h5p-player.js")
    assert status == 200
    assert b"H5PStandalone" in body

    for path in ("/", "/admin/", "/belajar/", "/akun/masuk/"):
        status, headers, body = _get(base + path)
        assert status == 404, path
        assert body == b"Tidak ditemukan."
        assert "Set-Cookie" not in headers

    status, _headers, _body = _get(f"{base}/h5p/1/pemutar/?t=bukan-tiket")
    assert status == 404


def test_a_taken_port_is_reported(settings):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            h5p_origin_serve(taken.getsockname()[1])
