# SPDX-License-Identifier: EUPL-1.2
"""DRF's JSON renderer through orjson: the same compact UTF-8 body, produced several times
faster (json.dumps was about a tenth of a Zaken API page of a hundred zaken; decision 32)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from rest_framework.renderers import JSONRenderer

# Datetimes go to DRF's encoder (its "Z" for UTC); keys that are not strings become strings,
# as json.dumps makes them.
OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
SEPARATORS = {"\u2028".encode(): b"\\u2028", "\u2029".encode(): b"\\u2029"}


class FastJSONRenderer(JSONRenderer):
    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)  # asked to indent
        body = orjson.dumps(data, default=self.encoder_class().default, option=OPTIONS)
        for raw, escaped in SEPARATORS.items():  # as DRF does: safe inside a <script>
            if raw in body:
                body = body.replace(raw, escaped)
        return body
