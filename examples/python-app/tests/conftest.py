import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(APP))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mockpg_fixture import MockPg, mockpg_jar  # noqa: E402


@pytest.fixture(scope="session")
def mockpg():
    """One mockpg server for the whole test run, scripted with the app's conversation."""
    server = MockPg(mockpg_jar(), [APP / "mockpg.yaml"])
    yield server
    assert server.stop() == 0, "mockpg did not drain cleanly"


@pytest.fixture(autouse=True)
def fresh_journal(mockpg):
    """Every test starts with an empty journal and the script's own rules."""
    mockpg.reset()
    yield


@pytest.fixture
def conn(mockpg):
    import psycopg

    with psycopg.connect(mockpg.dsn(application_name="orders-tests"), autocommit=True) as connection:
        yield connection
