"""Security: Rasa's HTTP API is off by default and needs a token when switched on; no secrets in the repo."""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from bot.ops.serve import DEFAULT_MODEL, REPO_ROOT, free_port, start_rasa_server, write_endpoints


def request(url: str, method: str = "GET", body: bytes = b"", timeout: float = 30.0) -> int:
    req = urllib.request.Request(url, data=body if method in ("POST", "PUT") else None, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# --------------------------------------------------------------------------- HTTP API off by default
API_ENDPOINTS = [
    ("GET", "/status"),
    ("GET", "/version"),
    ("GET", "/domain"),
    ("GET", "/conversations/someone/tracker"),
    ("POST", "/conversations/someone/messages"),
    ("POST", "/model/parse"),
    ("PUT", "/model"),
    ("POST", "/model/train"),
]


@pytest.mark.http
@pytest.mark.parametrize("method,path", API_ENDPOINTS, ids=[f"{m} {p}" for m, p in API_ENDPOINTS])
def test_http_api_is_off_by_default(bot_url, method, path):
    status = request(bot_url + path, method, b"{}")
    assert status in (404, 405), f"{method} {path} answered {status}: the HTTP API must be off"


@pytest.mark.http
def test_only_the_channels_answer_by_default(bot_url):
    assert request(bot_url + "/") == 200
    assert request(bot_url + "/webhooks/rest/") == 200


# --------------------------------------------------------------------------- HTTP API on: token required
@pytest.fixture(scope="module")
def api_server():
    """A separate Rasa with --enable-api and a token, as an operator would switch it on."""
    model = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))
    if not model.exists():
        pytest.fail(f"no trained model at {model}: run 'make train'")
    workdir = Path(tempfile.mkdtemp(prefix="npo-api-"))
    token = secrets.token_urlsafe(16)
    port = free_port()
    endpoints = write_endpoints(workdir / "endpoints.yml", f"http://127.0.0.1:{free_port()}/webhook",
                                workdir / "trackers.db")
    process = start_rasa_server(port, endpoints, workdir, model,
                                # (joined with "=": a token may start with "-", which argparse takes for an option)
                                extra_args=["--enable-api", f"--auth-token={token}"])
    try:
        yield f"http://127.0.0.1:{port}", token
    finally:
        process.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.mark.http
@pytest.mark.parametrize("method,path", API_ENDPOINTS, ids=[f"{m} {p}" for m, p in API_ENDPOINTS])
def test_enabled_api_refuses_requests_without_token(api_server, method, path):
    url, _ = api_server
    status = request(url + path, method, b"{}")
    # /version is public in Rasa (it reveals only the version numbers).
    if path == "/version":
        assert status == 200
    else:
        assert status == 401, f"{method} {path} without token answered {status}"


@pytest.mark.http
def test_enabled_api_refuses_a_wrong_token(api_server):
    url, _ = api_server
    assert request(url + "/status?token=wrong") == 401
    assert request(url + "/conversations/someone/tracker?token=wrong") == 401


@pytest.mark.http
def test_enabled_api_accepts_the_token(api_server):
    url, token = api_server
    assert request(f"{url}/status?token={token}") == 200


# --------------------------------------------------------------------------- no secrets in the repository
SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "URL with password": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s@'\"$]{3,}@[^\s'\"]+"),
    "Rasa auth token on a command line": re.compile(r"--(?:auth-token|jwt-secret)[ =]+[\"']?(?!\$)[A-Za-z0-9_-]{6,}"),
}
SECRET_KEYS = re.compile(r"(password|passwd|secret|token|api[_-]?key|private[_-]?key)", re.IGNORECASE)
FORBIDDEN_FILES = re.compile(r"(^|/)(\.env|secrets\.env|id_rsa|id_ed25519|.*\.pem|.*\.key|.*\.sqlite|.*\.db)$")


def tracked_files():
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    return [REPO_ROOT / name for name in out.decode().split("\0") if name]


def test_no_secret_files_are_tracked():
    offenders = [str(p.relative_to(REPO_ROOT)) for p in tracked_files()
                 if FORBIDDEN_FILES.search(str(p.relative_to(REPO_ROOT)))]
    assert offenders == []


def test_no_secrets_in_tracked_files():
    findings = []
    for path in tracked_files():
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for kind, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                findings.append(f"{path.relative_to(REPO_ROOT)}: {kind}: {match.group(0)[:40]}")
    assert findings == []


def _literal_secrets(node, trail=()):
    """(key path, value) for every secret-looking key whose value is a literal, not ${ENV_VAR}."""
    if isinstance(node, dict):
        for key, value in node.items():
            if SECRET_KEYS.search(str(key)) and isinstance(value, (str, int)) and value != "" \
                    and not re.fullmatch(r"\$\{[A-Z0-9_]+\}", str(value)):
                yield ".".join(map(str, trail + (key,))), value
            yield from _literal_secrets(value, trail + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _literal_secrets(value, trail + (index,))


def test_config_files_take_secrets_from_the_environment():
    findings = []
    for path in tracked_files():
        if path.suffix not in (".yml", ".yaml") or not path.is_file():
            continue
        if not (path.name.startswith(("endpoints", "credentials")) or path.parent.name == "deploy"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        findings += [f"{path.relative_to(REPO_ROOT)}: {key}" for key, _ in _literal_secrets(data)]
    assert findings == []


def test_nothing_enables_the_http_api_by_default():
    offenders = []
    for path in tracked_files():
        relative = path.relative_to(REPO_ROOT)
        if relative.parts[0] in ("tests",) or path.suffix in (".md",) or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        if re.search(r"(?<![\w(])--enable-api\b(?! ?\))", code) or re.search(r"\benable_api\s*=\s*True", code):
            offenders.append(str(relative))
    assert offenders == []
