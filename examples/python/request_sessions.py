"""A WSGI app wired with the official sentry_sdk, served in-process.

    SENTRY_DSN=http://key@127.0.0.1:8000/1 python3 examples/python/request_sessions.py

SentryWsgiMiddleware tracks one *request-mode* session per request; the SDK
aggregates them per minute and sends a `sessions` item (`aggregates` with
`exited`, `errored`, `crashed` counts) when it flushes, as a Python web service
does in production. Requests go through the middleware directly (wsgiref's test
environ), so no port is needed.

Requests: REQUESTS_OK successful ones, REQUESTS_HANDLED that capture a handled
exception (errored), REQUESTS_CRASH that raise out of the app (crashed).

The last stdout line is a JSON summary (the requests made, every item the
transport sent, and the HTTP status of each of its requests) for the end-to-end
tests.
"""

import json
import os
import sys
from wsgiref.util import setup_testing_defaults

import sentry_sdk
from sentry_sdk.integrations.wsgi import SentryWsgiMiddleware
from sentry_sdk.transport import HttpTransport

statuses = []


sent = []


class RecordingTransport(HttpTransport):
    """The SDK's HTTP transport; also records what it sends and the status of each response."""

    def capture_envelope(self, envelope):
        for item in envelope.items:
            payload = item.payload.json
            if payload is None and item.payload.bytes is not None:
                payload = json.loads(item.payload.bytes)
            sent.append({"type": item.headers.get("type"), "payload": payload})
        super().capture_envelope(envelope)

    def _update_rate_limits(self, response):
        statuses.append(response.status)
        super()._update_rate_limits(response)


dsn = os.environ.get("SENTRY_DSN")
if not dsn:
    print("SENTRY_DSN is required", file=sys.stderr)
    sys.exit(2)

sentry_sdk.init(
    dsn=dsn,
    release=os.environ.get("SENTRY_RELEASE", "example-python-web@1.0.0"),
    environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
    transport=RecordingTransport,
)


def app(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/crash":
        raise RuntimeError("the report generator blew up")
    if path == "/handled":
        try:
            {}["missing"]
        except KeyError:
            sentry_sdk.capture_exception()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


wrapped = SentryWsgiMiddleware(app)
counts = {
    "/": int(os.environ.get("REQUESTS_OK", "5")),
    "/handled": int(os.environ.get("REQUESTS_HANDLED", "2")),
    "/crash": int(os.environ.get("REQUESTS_CRASH", "1")),
}
for path, n in counts.items():
    for _ in range(n):
        environ = {"PATH_INFO": path}
        setup_testing_defaults(environ)
        try:
            body = wrapped(environ, lambda status, headers: None)
            b"".join(body)
        except RuntimeError:
            pass

sentry_sdk.flush(timeout=10)
print(json.dumps({"sdkVersion": sentry_sdk.VERSION, "requests": counts, "sent": sent, "statuses": statuses}, default=str))
