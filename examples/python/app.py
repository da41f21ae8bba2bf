"""A small Python program wired with the official sentry_sdk.

    SENTRY_DSN=http://key@127.0.0.1:8000/1 python3 examples/python/app.py

Sends an error (legacy /store/ endpoint in sentry-python 1.x), a message, a
transaction with child spans, an application-mode session (start/end) and,
through the SDK's own transport, a cron check-in and a user report.

sentry-python 1.9.10 (Debian bookworm's python3-sentry-sdk) has no
`sentry_sdk.crons` and no `capture_user_feedback`: newer 1.x releases build a
`check_in` / `user_report` item and hand it to the transport, so this program
does the same with the SDK's Envelope/Item classes. An SDK that has those
functions is called through them instead.

The last stdout line is a JSON summary (ids, and the HTTP status of every
request the transport made) for the end-to-end tests.
"""

import json
import os
import sys
import time
import uuid

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
release = os.environ.get("SENTRY_RELEASE", "example-python@1.0.0")
environment = os.environ.get("SENTRY_ENVIRONMENT", "production")

sentry_sdk.init(
    dsn=dsn,
    release=release,
    environment=environment,
    server_name="example-host",
    traces_sample_rate=1.0,
    send_default_pii=False,
    transport=RecordingTransport,
)

sentry_sdk.set_user({"id": "user-42", "username": "jane"})
sentry_sdk.set_tag("tenant", "acme")
sentry_sdk.set_extra("cart_items", 3)
sentry_sdk.add_breadcrumb(category="auth", message="user signed in", level="info")

hub = sentry_sdk.Hub.current
hub.start_session(session_mode="application")


def charge_credit_card(amount):
    card = None
    return card.charge(amount)


try:
    charge_credit_card(42)
except AttributeError:
    error_id = sentry_sdk.capture_exception()

message_id = sentry_sdk.capture_message("Nightly export finished with warnings", level="warning")

with sentry_sdk.start_transaction(op="task", name="process-order"):
    with sentry_sdk.start_span(op="db.query", description="SELECT * FROM orders"):
        time.sleep(0.005)
    with sentry_sdk.start_span(op="function", description="render receipt"):
        time.sleep(0.005)

hub.end_session()


def send_item(item_type, payload, event_id=None):
    headers = {"event_id": event_id} if event_id else {}
    envelope = Envelope(headers=headers, items=[Item(payload=PayloadRef(json=payload), type=item_type)])
    hub.client.transport.capture_envelope(envelope)


check_in_id = uuid.uuid4().hex
crons = getattr(sentry_sdk, "crons", None)
if crons is not None and hasattr(crons, "capture_checkin"):
    crons.capture_checkin(monitor_slug="nightly-export", check_in_id=check_in_id, status="ok", duration=1.5)
else:
    send_item(
        "check_in",
        {
            "check_in_id": check_in_id,
            "monitor_slug": "nightly-export",
            "status": "ok",
            "duration": 1.5,
            "release": release,
            "environment": environment,
        },
    )

feedback = {"event_id": error_id, "name": "Jane Doe", "email": "jane@example.com", "comments": "The checkout button does nothing"}
if hasattr(sentry_sdk, "capture_user_feedback"):
    sentry_sdk.capture_user_feedback(feedback)
else:
    send_item("user_report", feedback, event_id=error_id)

sentry_sdk.flush(timeout=5)
hub.client.close(timeout=5)
print(
    json.dumps(
        {
            "sdkVersion": sentry_sdk.VERSION,
            "errorId": error_id,
            "messageId": message_id,
            "checkInId": check_in_id,
            "statuses": statuses,
        }
    )
)
