# SPDX-License-Identifier: EUPL-1.2
"""The fast JSON renderer writes exactly the bytes DRF's own renderer writes."""

import datetime as dt
import uuid
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ErrorDetail
from rest_framework.renderers import JSONRenderer

from plus1.common.renderers import FastJSONRenderer

BODY = {
    "uuid": uuid.UUID("8f2c5f6a-3a43-4bb2-9d1e-0d3f3b3c9a10"),
    "registratiedatum": dt.date(2026, 12, 1),
    "gezet": dt.datetime(2026, 12, 1, 8, 30, 15, 123456, tzinfo=dt.UTC),
    "lokaal": dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    "bedrag": Decimal("12.50"),
    "punt": [5.12, 52.09],
    "tekst": "Verhuizing ë € ’ \u2028 nieuwe regel",
    "fout": [ErrorDetail("Dit veld is verplicht.", code="required")],
    "vertaald": gettext_lazy("Nederlands"),
    "leeg": None,
    "ja": True,
    "genest": {"a": [{"b": 1}], 7: "sleutel als getal"},
}


def test_the_body_is_byte_for_byte_what_drf_writes():
    assert FastJSONRenderer().render(BODY) == JSONRenderer().render(BODY)


def test_nothing_renders_as_an_empty_body_and_an_indent_asked_for_is_kept():
    assert FastJSONRenderer().render(None) == b""
    indented = FastJSONRenderer().render(BODY, "application/json; indent=2", {})
    assert indented == JSONRenderer().render(BODY, "application/json; indent=2", {})
    assert b'\n  "uuid"' in indented
