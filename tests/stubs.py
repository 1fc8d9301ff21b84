"""A scripted loopback HTTP server standing in for OpenAI and Reducto.

Each test queues replies (status, JSON body, optional delay) and reads back
the requests the real client libraries sent. It binds to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    delay: float = 0.0
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class StubServer:
    replies: dict[str, deque[Reply]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    # Answers requests that have no scripted reply (e.g. by the schema asked for).
    responder: Any = None

    def reply(self, path: str, *replies: Reply) -> None:
        self.replies.setdefault(path, deque()).extend(replies)

    def requests_to(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]


@contextmanager
def stub_server(*, keep_alive: bool = False) -> Iterator[StubServer]:
    """A loopback server answering scripted replies. ``keep_alive``: HTTP/1.1 persistent connections, as real
    providers keep them (the default HTTP/1.0 closes each, which hid a pooled connection's reuse: blind probe r59b)."""
    stub = StubServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

        def log_message(self, *args: Any) -> None:
            return None

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            stub.requests.append(Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            queue = stub.replies.get(self.path)
            if queue:
                reply = queue.popleft()
            elif stub.responder is not None:
                reply = stub.responder(self.path, body)
            else:
                reply = Reply(404, {"error": "no scripted reply"})
            if reply.delay:
                time.sleep(reply.delay)
            payload = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()


def chat_completion(content: Any, *, finish_reason: str = "stop", refusal: str | None = None) -> dict[str, Any]:
    """The minimal /v1/chat/completions answer langchain-openai accepts."""
    message: dict[str, Any] = {
        "role": "assistant",
        "content": content if isinstance(content, str) or content is None else json.dumps(content),
    }
    if refusal is not None:
        message["refusal"] = refusal
        message["content"] = None
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


OPENAI_ANSWERS: dict[str, Any] = {
    "ConsistencyJudgement": {"consistent": True, "concerns": []},
    "AffordabilityCommentary": {"commentary": "The ratio is within the agency's limits."},
    "ReportDraft": {"justification": "Identity and income verified; affordable."},
    "Translation": {"text": "Identidade e rendimentos verificados; comportável."},
}


def healthy_openai(path: str, body: bytes) -> Reply:
    """Answer any structured-output request with a valid object of the asked schema."""
    name = json.loads(body)["response_format"]["json_schema"]["name"]
    return Reply(body=chat_completion(OPENAI_ANSWERS[name]))


def broken_openai(path: str, body: bytes) -> Reply:
    return Reply(status=500, body={"error": {"message": "stub outage", "type": "server_error"}})


def refusing_openai(path: str, body: bytes) -> Reply:
    """A wrong key: not an outage, so nothing waits for it to pass."""
    return Reply(status=401, body={"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
