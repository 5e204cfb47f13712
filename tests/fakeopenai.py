"""A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions protocol.

The real ``openai`` and ``langchain-openai`` clients talk to it. Each request
takes the next scripted ``Reply`` (a reply scripted with ``match`` waits for a
request whose body contains that text), or else the server's default: a
plausible note written from the request's own prompt. A reply can add latency,
return an HTTP error with ``Retry-After``, send malformed JSON, drop the
connection, or cut a ``stream=true`` response short.

    with FakeOpenAIServer(latency=0.4) as server:
        server.script(Reply(status=429, retry_after="1"), match="Tom Okafor")
        ChatOpenAI(base_url=server.base_url, api_key="k", ...)
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeOpenAIServer", "Recorded", "Reply", "default_responder", "free_port"]


@dataclass(frozen=True)
class Reply:
    """One scripted answer (or fault) for one request."""

    content: str | None = None  # None: the server's default responder writes it
    latency: float | None = None  # seconds before answering; None: the server default
    status: int = 200
    retry_after: str | None = None
    malformed: bool = False  # 200 with a body that is not JSON
    drop: bool = False  # close the connection without answering
    cut_after: int | None = None  # streams: close after this many chunks, without [DONE]


@dataclass(frozen=True)
class Recorded:
    """A request as the server received it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def user_prompt(self) -> str:
        return next(
            (str(m["content"]) for m in self.body.get("messages", []) if m["role"] == "user"), ""
        )

    @property
    def system_prompt(self) -> str:
        return next(
            (str(m["content"]) for m in self.body.get("messages", []) if m["role"] == "system"),
            "",
        )


def free_port() -> int:
    """A port nothing listens on (for connection-refused tests)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the default responder: a clean, person-specific note from the prompt -------

_OPENINGS = [
    "Thank you for taking the time to talk with me about {topic}.",
    "Thank you for our conversation about {topic}, which I greatly enjoyed.",
    "Thank you for discussing {topic} with me; it was a real pleasure.",
    "Thank you for the exchange about {topic}, the highlight of my visit.",
    "Thank you for sharing your perspective on {topic}.",
    "Thank you for telling me about {topic}; it gave me a vivid picture of the team.",
    "Thank you for the thoughtful discussion of {topic}.",
    "Thank you for what you told me regarding {topic}, which stays with me.",
]
_MIDDLES = [
    "I believe my background fits the role well: {positive}.",
    "One strength I would bring is this: {positive}.",
    "I would gladly put my experience to work for your group, namely {positive}.",
    "The part of my record most relevant here is {positive}.",
    "It seems to me the team would benefit from {positive}.",
    "My own history speaks to this, with {positive}.",
    "You may find it useful that I offer {positive}.",
    "What I can contribute starts with {positive}.",
]
_CLOSINGS = [
    "I am very interested in the {role} position, and I look forward to the next step.",
    "My enthusiasm for joining {company} grew, and I look forward to hearing about next steps.",
    "I would be delighted to contribute to {company}, and I hope we can meet again soon.",
    "The {role} role is the work I want, and I look forward to hearing from you about next steps.",
    "Joining {company} would mean a great deal to me; I look forward to the next stage.",
    "I remain keen on the {role} opportunity and would welcome the next conversation.",
    "Working alongside your team at {company} appeals to me; I look forward to the next step.",
    "I hope to continue our conversation about the {role} position at the next stage.",
]
_PADS_A = [
    "The care with which the interview was organised left a strong impression on me.",
    "Everyone I met was generous with their time, which I noticed and valued.",
    "Hearing how the work is shared across the team helped me picture the job in detail.",
    "I left the building with a better understanding of the position.",
    "Seeing the work up close made the opportunity feel concrete.",
    "The conversation was candid and engaging from start to finish.",
    "Learning about the daily rhythm of the group made the prospect more attractive.",
    "It was encouraging to see how much thought goes into the way the team works.",
]
_PADS_B = [
    "I came away with a clear sense of how the team works day to day, and it suits me.",
    "The visit confirmed how much I would like to be part of this group and its work.",
    "That picture was encouraging and useful as I think about the months ahead.",
    "I also have a real appreciation for the openness of our discussion.",
    "It answered several questions I had before arriving, and raised good new ones.",
    "It gave me a much fuller picture of what the first months in the position would involve.",
    "I valued the frankness of your answers to my questions about the work.",
    "I appreciated the chance to ask about it and to hear your candid view.",
]


def _field(prompt: str, label: str) -> str:
    m = re.search(rf"^{re.escape(label)}: (.+)$", prompt, re.MULTILINE)
    return m.group(1).strip() if m else ""


def _first_item(prompt: str, heading: str) -> str:
    m = re.search(rf"^{re.escape(heading)}[^\n]*\n- (.+)$", prompt, re.MULTILINE)
    item = m.group(1).strip() if m else ""
    return "" if item == "(none recorded)" else item


class _People:
    """Gives each distinct recipient its own phrasings, whatever the request order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}

    def index(self, name: str) -> int:
        with self._lock:
            return self._seen.setdefault(name, len(self._seen))


def default_responder(people: _People) -> Callable[[Recorded], str]:
    def respond(request: Recorded) -> str:
        system, user = request.system_prompt, request.user_prompt
        if "three alternative" in user:
            return (
                "1. My years of daily reporting mean I can learn a new floor quickly.\n"
                "2. I have spent six years close to the numbers that drive daily operations.\n"
                "3. Running reports for a busy carrier taught me to work near the front line."
            )
        if "judge its tone" in system:
            return (
                "The note reads as formal and warm, which suits the expected tone; "
                "nothing in it needs changing."
            )
        salutation = _field(user, "Salutation to use") or "Dear Hiring Manager,"
        address = salutation.removeprefix("Dear ").rstrip(",")
        name = _field(user, "Candidate")
        i = people.index(_field(user, "Recipient") or address)
        topic = _first_item(user, "Topics discussed") or "the work of your team"
        positive = _first_item(user, "Why this person would want") or "steady, careful work"
        company = _field(user, "Company") or "your company"
        role = _field(user, "Role applied for") or "open"
        values = {"topic": topic.rstrip("."), "positive": positive.rstrip("."), "role": role}
        values["company"] = company
        body = " ".join(
            [
                _OPENINGS[i % len(_OPENINGS)].format(**values),
                _PADS_A[i % len(_PADS_A)],
                _MIDDLES[i % len(_MIDDLES)].format(**values),
                _PADS_B[i % len(_PADS_B)],
                _CLOSINGS[i % len(_CLOSINGS)].format(**values),
            ]
        )
        return f"Subject: Thank you, {address}\n\n{salutation}\n\n{body}\n\nKind regards,\n{name}\n"

    return respond


# -- the server -----------------------------------------------------------------


@dataclass
class _State:
    latency: float
    responder: Callable[[Recorded], str]
    lock: threading.Lock = field(default_factory=threading.Lock)
    queue: list[tuple[str | None, Reply]] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)
    in_flight: int = 0
    max_in_flight: int = 0

    def take(self, raw: str) -> Reply | None:
        with self.lock:
            for i, (match, reply) in enumerate(self.queue):
                if match is None or match in raw:
                    del self.queue[i]
                    return reply
        return None


def _chunks(text: str) -> Iterator[str]:
    yield from re.findall(r"\S+\s*|\s+", text)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm
    # and delayed ACKs add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read ``server.requests`` instead."""

    def do_POST(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8")
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            body = {}
        request = Recorded(self.path, dict(self.headers.items()), body)
        with state.lock:
            state.requests.append(request)
        reply = state.take(raw) or Reply()
        latency = state.latency if reply.latency is None else reply.latency
        with state.lock:
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
        try:
            if latency and state.closing.wait(latency):
                return
            # The client may have given up (a timeout test): nothing left to answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(request, reply, state)
        finally:
            with state.lock:
                state.in_flight -= 1

    def _answer(self, request: Recorded, reply: Reply, state: _State) -> None:
        if reply.drop:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if reply.status != 200:
            message = f"fake error {reply.status}"
            if reply.status == 401:
                # Like OpenAI, echo (part of) the key back: callers must not repeat it.
                auth = {k.lower(): v for k, v in request.headers.items()}.get("authorization", "")
                key = auth.removeprefix("Bearer ")
                message = f"Incorrect API key provided: {key}"
            payload = json.dumps({"error": {"message": message, "type": "server_error"}}).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            if reply.retry_after is not None:
                self.send_header("Retry-After", reply.retry_after)
            self.end_headers()
            self.wfile.write(payload)
            return
        text = reply.content if reply.content is not None else state.responder(request)
        if request.body.get("stream"):
            self._stream(request, text, reply.cut_after)
            return
        if reply.malformed:
            payload = b'{"id": "chatcmpl-fake", "choices": [{"message": {"content": "Dear'
        else:
            payload = json.dumps(_completion(request, text)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _stream(self, request: Recorded, text: str, cut_after: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        model = request.body.get("model", "fake")

        def send(data: str) -> None:
            event = f"data: {data}\n\n".encode()
            self.wfile.write(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            self.wfile.flush()

        for n, piece in enumerate(_chunks(text)):
            if cut_after is not None and n >= cut_after:
                # No terminating chunk: the client sees an incomplete body.
                self.close_connection = True
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            delta = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
            send(json.dumps(_chunk(model, [delta])))
        send(json.dumps(_chunk(model, [{"index": 0, "delta": {}, "finish_reason": "stop"}])))
        send("[DONE]")
        self.wfile.write(b"0\r\n\r\n")


def _completion(request: Recorded, text: str) -> dict[str, Any]:
    prompt_words = sum(len(str(m.get("content", "")).split()) for m in request.body["messages"])
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.body.get("model", "fake"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_words,
            "completion_tokens": len(text.split()),
            "total_tokens": prompt_words + len(text.split()),
        },
    }


def _chunk(model: str, choices: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": choices,
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, state: _State) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: clients dropping idle keep-alive connections is normal here."""


class FakeOpenAIServer:
    """Context manager: a chat-completions server on a free local port."""

    def __init__(
        self, latency: float = 0.0, responder: Callable[[Recorded], str] | None = None
    ) -> None:
        self._state = _State(latency, responder or default_responder(_People()))
        self._server = _Server(self._state)
        # A short poll keeps shutdown (and so each test's teardown) quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def requests(self) -> list[Recorded]:
        with self._state.lock:
            return list(self._state.requests)

    def script(self, *replies: Reply, match: str | None = None) -> None:
        """Queue ``replies`` for the next requests (containing ``match``, if given)."""
        with self._state.lock:
            self._state.queue.extend((match, r) for r in replies)

    @property
    def max_in_flight(self) -> int:
        """The most requests the server was answering at one moment."""
        with self._state.lock:
            return self._state.max_in_flight

    def pending(self) -> int:
        with self._state.lock:
            return len(self._state.queue)

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._state.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
