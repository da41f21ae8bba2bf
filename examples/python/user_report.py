"""A legacy user report from the official sentry_sdk (docs/feedback.md).

    SENTRY_DSN=http://key@127.0.0.1:8000/1 python3 examples/python/user_report.py

Captures an error, then sends the user's report about it. sentry-python 1.9.10 (Debian
bookworm's python3-sentry-sdk) has no `capture_user_feedback`; later 1.x releases build a
`user_report` envelope item and hand it to the transport, so this program does the same with
the SDK's Envelope/Item classes. An SDK that has the function is called through it instead.

The last stdout line is a JSON summary (the error's id, the HTTP status of every request).
"""

import json
import os
import sys

import sentry_sdk
from sentry_sdk.envelope import Envelope, Item, PayloadRef
from sentry_sdk.transport import HttpTransport

statuses = []


class RecordingTransport(HttpTransport):
    """The SDK's HTTP transport; only observes the status of each response."""

    def _update_rate_limits(self, response):
        statuses.append(response.status)
        super()._update_rate_limits(response)


dsn = os.environ.get("SENTRY_DSN")
if not dsn:
    print("SENTRY_DSN is required", file=sys.stderr)
    sys.exit(2)

sentry_sdk.init(dsn=dsn, release="billing@2.0.0", environment="production", transport=RecordingTransport)
sentry_sdk.set_user({"id": "user-7", "email": "ann@shop.test"})

try:
    {}["missing"]
except KeyError:
    error_id = sentry_sdk.capture_exception()

report = {"event_id": error_id, "name": "Ann", "email": "ann@example.com", "comments": os.environ.get("COMMENTS", "The invoice page is blank")}
if hasattr(sentry_sdk, "capture_user_feedback"):
    sentry_sdk.capture_user_feedback(report)
else:
    envelope = Envelope(headers={"event_id": error_id}, items=[Item(payload=PayloadRef(json=report), type="user_report")])
    sentry_sdk.Hub.current.client.transport.capture_envelope(envelope)

sentry_sdk.flush(timeout=5)
print(json.dumps({"errorId": error_id, "statuses": statuses, "sdk": sentry_sdk.VERSION}))
