# SPDX-License-Identifier: EUPL-1.2
"""Test helper: a webhook receiver on 127.0.0.1 to deliver notifications to."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any


class Receiver:
    """A webhook receiver on 127.0.0.1 that refuses (503) while `down` is set."""

    def __init__(self) -> None:
        self.down = False
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.keys: list[str] = []  # the Idempotency-Key of each received notification
        self.content_types: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.down:
                    self.send_response(503)
                else:
                    receiver.received.append((self.headers["Authorization"], json.loads(body)))
                    receiver.keys.append(self.headers.get("Idempotency-Key", ""))
                    receiver.content_types.append(self.headers.get("Content-Type", ""))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/callback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def queued_notifications() -> list[dict[str, Any]]:
    """Run the consumers of every pending event (not the webhooks themselves) and return
    the ZGW notifications queued for subscribers so far, oldest first."""
    from plus1.events.models import OutboxMessage
    from plus1.events.notifications import TOPIC, WEBHOOK
    from plus1.events.services import outbox_deliver

    pending = OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING).exclude(
        consumer=WEBHOOK
    )
    for message_id in pending.order_by("pk").values_list("pk", flat=True):
        outbox_deliver(message_id=message_id)
    rows = OutboxMessage.objects.filter(topic=TOPIC).order_by("pk")
    return [row.payload["bericht"] for row in rows]
