"""Starts the mockpg standalone server for a test session and talks to its admin API.

Nothing here is specific to the order service: copy it into any Python project's tests.
"""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path


class MockPg:
    """A running `java -jar mockpg.jar` process with its PostgreSQL and admin ports."""

    def __init__(self, jar: Path, scripts: list, extra_args: tuple = ()):
        self._workdir = tempfile.TemporaryDirectory(prefix="mockpg-")
        port_file = Path(self._workdir.name) / "port"
        self._stdout = open(Path(self._workdir.name) / "stdout", "w+")
        self._stderr = open(Path(self._workdir.name) / "stderr", "w+")
        command = ["java", "-jar", str(jar), "--port", "0", "--port-file", str(port_file), "--admin-port", "0"]
        for script in scripts:
            command += ["--script", str(script)]
        command += list(extra_args)
        self.process = subprocess.Popen(command, stdout=self._stdout, stderr=self._stderr)
        deadline = time.monotonic() + 60
        while not port_file.exists() or "mockpg admin on" not in self._read(self._stdout):
            if self.process.poll() is not None:
                raise RuntimeError(f"mockpg exited with {self.process.returncode}:\n{self._read(self._stderr)}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("mockpg did not start within 60 s")
            time.sleep(0.05)
        self.port = int(port_file.read_text().strip())
        self.admin_url = re.search(r"mockpg admin on (http://\S+)", self._read(self._stdout)).group(1)

    @staticmethod
    def _read(stream) -> str:
        stream.flush()
        with open(stream.name) as f:
            return f.read()

    def dsn(self, **options) -> str:
        base = f"host=127.0.0.1 port={self.port} dbname=shop user=app password=secret"
        return " ".join([base] + [f"{key}={value}" for key, value in options.items()])

    # --- admin API (docs/ci.md, "Admin HTTP API") ---
    def _request(self, method: str, path: str, body: bytes = None):
        request = urllib.request.Request(self.admin_url + path, data=body, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                payload = response.read()
                return response.status, json.loads(payload) if payload else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def journal(self, rule: str = None) -> list:
        return self._request("GET", "/journal" + (f"?rule={rule}" if rule else ""))[1]

    def unmatched(self) -> list:
        return self._request("GET", "/journal/unmatched")[1]

    def rules(self) -> list:
        return self._request("GET", "/rules")[1]

    def add_rules(self, yaml_text: str):
        return self._request("POST", "/rules", yaml_text.encode())

    def reset(self) -> None:
        status, _ = self._request("POST", "/reset")
        assert status == 204, status

    def notify(self, channel: str, payload: str) -> None:
        body = json.dumps({"channel": channel, "payload": payload}).encode()
        status, _ = self._request("POST", "/notify", body)
        assert status == 204, status

    def stop(self) -> int:
        """SIGTERM, as a CI job's cleanup would; returns the exit status (0 after a clean drain)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._stdout.close()
        self._stderr.close()
        self._workdir.cleanup()
        return self.process.returncode


def mockpg_jar() -> Path:
    """MOCKPG_JAR, else the jar built in this repository."""
    configured = os.environ.get("MOCKPG_JAR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "mockpg-core" / "target" / "mockpg.jar"
