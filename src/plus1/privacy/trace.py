# SPDX-License-Identifier: EUPL-1.2
"""W3C Trace Context: take over an incoming `traceparent`, or start a new trace.

The current trace lives in a context variable, so services write it into the data trail
without views passing it around. `outgoing_traceparent()` gives the header for calls we make.
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")


@dataclass(frozen=True)
class TraceContext:
    trace_id: str
    span_id: str  # the span of this request (the parent of the trail records it writes)
    parent_span_id: str = ""  # the caller's span, from an incoming traceparent


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


def parse_traceparent(value: str | None) -> tuple[str, str] | None:
    """(trace id, parent span id) of a valid version-00 header; None otherwise."""
    match = TRACEPARENT.match((value or "").strip().lower())
    if not match or set(match[1]) == {"0"} or set(match[2]) == {"0"}:
        return None
    return match[1], match[2]


_current: ContextVar[TraceContext | None] = ContextVar("plus1_trace", default=None)


def current_trace() -> TraceContext:
    """The request's trace; outside a request (commands, workers) a fresh one."""
    trace = _current.get()
    if trace is None:
        trace = TraceContext(trace_id=new_trace_id(), span_id=new_span_id())
        _current.set(trace)
    return trace


def start_trace(traceparent: str | None = None) -> Any:
    parsed = parse_traceparent(traceparent)
    if parsed:
        trace = TraceContext(trace_id=parsed[0], span_id=new_span_id(), parent_span_id=parsed[1])
    else:
        trace = TraceContext(trace_id=new_trace_id(), span_id=new_span_id())
    return _current.set(trace)


def outgoing_traceparent() -> str:
    """The header value to send with an outgoing call, so the callee continues our trace."""
    trace = current_trace()
    return f"00-{trace.trace_id}-{trace.span_id}-01"


class TraceContextMiddleware:
    """Every request runs inside a trace; the response tells the caller which one."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        token = start_trace(request.headers.get("traceparent"))
        try:
            response = self.get_response(request)
            trace = current_trace()
            response["traceresponse"] = f"00-{trace.trace_id}-{trace.span_id}-01"
            return response
        finally:
            _current.reset(token)
