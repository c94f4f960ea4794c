"""psycopg with sslmode=require against a mockpg server that has `tls: self-signed`."""
import psycopg
import pytest

from mockpg_fixture import MockPg, mockpg_jar


@pytest.fixture(scope="module")
def tls_script(tmp_path_factory):
    script = tmp_path_factory.mktemp("tls") / "tls.yaml"
    script.write_text("""
server:
  tls: self-signed
rules:
  - id: ping
    match: {sql: SELECT 'pong'}
    respond:
      columns: [{answer: text}]
      rows: [[pong]]
""")
    return script


@pytest.fixture(autouse=True)
def fresh_journal():
    """The TLS tests start servers of their own."""
    yield


def test_sslmode_require_connects_over_tls(tls_script):
    server = MockPg(mockpg_jar(), [tls_script])
    try:
        with psycopg.connect(server.dsn(sslmode="require")) as conn:
            assert conn.execute("SELECT 'pong'").fetchone() == ("pong",)
            assert conn.pgconn.ssl_in_use
        # psycopg wraps the query in BEGIN/COMMIT, answered by mockpg's built-ins
        assert [entry["ruleId"] for entry in server.journal()] == ["builtin", "ping", "builtin"]
    finally:
        assert server.stop() == 0


def test_without_tls_sslmode_require_is_refused(tmp_path):
    script = tmp_path / "plain.yaml"
    script.write_text("rules: []\n")
    server = MockPg(mockpg_jar(), [script])
    try:
        with pytest.raises(psycopg.OperationalError, match="server does not support SSL, but SSL was required"):
            psycopg.connect(server.dsn(sslmode="require"))
    finally:
        assert server.stop() == 0
