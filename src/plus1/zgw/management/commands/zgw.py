# SPDX-License-Identifier: EUPL-1.2
"""`plus1 zgw applicatie`: wire an API client in one step, or list them without secrets."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.services import Actor
from plus1.zgw.autorisaties.services import applicatie_configure, applicaties_overview

COMPONENTS = ("zrc", "ztc", "drc", "brc", "ac", "nrc")


class Command(BaseCommand):
    help = (
        "ZGW tools. `zgw applicatie --client-id ID --secret S (--alle-autorisaties | "
        "--component zrc --scopes zaken.lezen,zaken.aanmaken --zaaktype URL "
        "--max-vertrouwelijkheid openbaar)` registers or updates an API client with its "
        "autorisaties in one step (audited); `zgw applicatie --list` shows every client "
        "without secrets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["applicatie"])
        parser.add_argument("--list", action="store_true", help="show the clients (no secrets)")
        parser.add_argument("--json", action="store_true", help="with --list: as JSON")
        parser.add_argument("--client-id", default="")
        parser.add_argument("--secret", default="")
        parser.add_argument("--label", default="", help="name of the applicatie")
        parser.add_argument("--alle-autorisaties", action="store_true")
        parser.add_argument("--component", choices=COMPONENTS, default="")
        parser.add_argument("--scopes", default="", help="comma separated")
        parser.add_argument("--zaaktype", action="append", default=[], metavar="URL")
        parser.add_argument("--informatieobjecttype", action="append", default=[], metavar="URL")
        parser.add_argument("--besluittype", action="append", default=[], metavar="URL")
        parser.add_argument("--max-vertrouwelijkheid", default="", metavar="NIVEAU")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list(as_json=options["json"])
            return
        alle = options["alle_autorisaties"]
        component = options["component"]
        if alle == bool(component):
            raise CommandError("Geef óf --alle-autorisaties óf --component (met --scopes).")
        if not options["client_id"] or not options["secret"]:
            raise CommandError("--client-id en --secret zijn verplicht.")
        autorisaties = [] if alle else _autorisaties(options)
        try:
            applicatie, created = applicatie_configure(
                actor=Actor.system("plus1 zgw applicatie"),
                client_id=options["client_id"],
                secret=options["secret"],
                label=options["label"],
                heeft_alle_autorisaties=alle,
                component=component,
                autorisaties=autorisaties,
            )
        except ValidationError as exc:
            lines = [f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items()]
            raise CommandError("Niets vastgelegd.\n" + "\n".join(lines)) from exc
        verb = "geregistreerd" if created else "bijgewerkt"
        rights = "alle autorisaties" if alle else f"{len(autorisaties)} autorisatie(s) {component}"
        self.stdout.write(f"Client {options['client_id']} {verb} ({applicatie.label}): {rights}.")

    def _list(self, *, as_json: bool) -> None:
        rows = applicaties_overview()
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for row in rows:
            rights = "alle autorisaties" if row["heeftAlleAutorisaties"] else ""
            self.stdout.write(f"{row['label']}  [{', '.join(row['clientIds'])}]  {rights}")
            for a in row["autorisaties"]:
                target = a["zaaktype"] or a["informatieobjecttype"] or a["besluittype"]
                level = a["max_vertrouwelijkheidaanduiding"]
                self.stdout.write(
                    f"    {a['component']}: {', '.join(a['scopes'])}"
                    + (f"  {target}" if target else "")
                    + (f"  tot {level}" if level else "")
                )


def _autorisaties(options: dict[str, Any]) -> list[dict[str, Any]]:
    scopes = [scope.strip() for scope in options["scopes"].split(",") if scope.strip()]
    if not scopes:
        raise CommandError("Geef --scopes bij --component.")
    level = options["max_vertrouwelijkheid"]
    types = [("zaaktype", url) for url in options["zaaktype"]]
    types += [("informatieobjecttype", url) for url in options["informatieobjecttype"]]
    types += [("besluittype", url) for url in options["besluittype"]]
    if not types:
        return [{"scopes": scopes, "max_vertrouwelijkheidaanduiding": level}]
    return [
        {"scopes": scopes, field: url, "max_vertrouwelijkheidaanduiding": level}
        for field, url in types
    ]
