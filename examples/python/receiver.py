"""A crmd webhook receiver with Python's standard library only.

It verifies each delivery's Standard Webhooks signature over the raw body
(before parsing it), refuses stale or replayed ones, and prints every event
it accepts as one JSON line. Run it, then register http://localhost:PORT/hook
as a webhook (crmd started with CRMD_WEBHOOK_ALLOW_PRIVATE=1):

    WEBHOOK_SECRET=whsec_... PORT=9000 python3 receiver.py
"""

import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["WEBHOOK_SECRET"]
KEY = base64.b64decode(SECRET.removeprefix("whsec_"))
TOLERANCE_SECONDS = 5 * 60
seen_ids = set()


def verified(headers, body: bytes) -> bool:
    """True when one of the `v1,` signatures matches and the timestamp is recent."""
    event_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    if not event_id or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    signed = f"{event_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
    # After a secret rotation there are two signatures, space-separated. Only
    # `v1,` ones are HMAC-SHA256: an entry of another version is skipped.
    return any(
        version == "v1" and hmac.compare_digest(signature.encode(), expected.encode())
        for version, _, signature in (
            entry.partition(",") for entry in headers.get("webhook-signature", "").split()
        )
    )


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        if not verified(self.headers, body):
            self.send_response(400)
            self.end_headers()
            return
        event = json.loads(body)
        # Deliveries are at least once: the same webhook-id may come again.
        if event["id"] not in seen_ids:
            seen_ids.add(event["id"])
            line = {"received": event["event_type"], "id": event["id"], "data": event["data"]}
            line["traceparent"] = self.headers.get("traceparent")
            print(json.dumps(line), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass  # stdout carries one JSON line per event only


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "9000"))), Receiver)
    print(json.dumps({"listening": server.server_address[1]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
