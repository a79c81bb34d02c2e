# SPDX-License-Identifier: EUPL-1.2
"""Who a broker says logged in: the claims read into one identity, or a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plus1.common.bsn import is_valid_bsn
from plus1.identity.assurance import Level, level_from_claim
from plus1.identity.login.brokers import Broker


class LoginRefused(Exception):
    """The broker's answer cannot be trusted or names nobody; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Subject:
    """A resident (by BSN) or a business (by KVK number)."""

    kind: str
    identifier: str
    name: str = ""


@dataclass(frozen=True)
class BrokerIdentity:
    """The party the login is for, and who acts for them when it is not them."""

    broker: str
    subject: Subject
    level: Level
    branch: str = ""
    representative: Subject | None = None


def claim(claims: dict[str, Any], path: str) -> str:
    """A claim by name, or by a dotted path into nested claims; "" when absent."""
    if not path:
        return ""
    value: Any = claims.get(path)
    if value is None and "." in path:
        value = claims
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return str(value).strip() if value not in (None, "") else ""


def identity_from_claims(broker: Broker, claims: dict[str, Any]) -> BrokerIdentity:
    names = broker.claims
    level = level_from_claim(claims.get(names.get("level", "acr")))
    if broker.name == "eherkenning":
        return _business(broker, claims, names, level)
    return _resident(broker, claims, names, level)


def _resident(
    broker: Broker, claims: dict[str, Any], names: dict[str, str], level: Level
) -> BrokerIdentity:
    represented = claim(claims, names.get("represented_bsn", ""))
    if represented:  # DigiD Machtigen: the gemachtigde logged in for someone else
        acting = claim(claims, names.get("representative_bsn", "")) or claim(claims, names["bsn"])
        _check_bsn(represented)
        _check_bsn(acting)
        return BrokerIdentity(
            broker=broker.name,
            subject=Subject(
                "resident", represented, claim(claims, names.get("represented_name", ""))
            ),
            level=level,
            representative=Subject("resident", acting, claim(claims, names.get("name", ""))),
        )
    bsn = claim(claims, names["bsn"])
    _check_bsn(bsn)
    return BrokerIdentity(
        broker=broker.name,
        subject=Subject("resident", bsn, claim(claims, names.get("name", ""))),
        level=level,
    )


def _business(
    broker: Broker, claims: dict[str, Any], names: dict[str, str], level: Level
) -> BrokerIdentity:
    kvk = claim(claims, names["kvk"])
    _check_kvk(kvk)
    branch = claim(claims, names.get("branch", ""))
    if branch and not (branch.isdigit() and len(branch) == 12):
        raise LoginRefused("branch")
    intermediary = claim(claims, names.get("representative_kvk", ""))
    if intermediary:
        _check_kvk(intermediary)
    return BrokerIdentity(
        broker=broker.name,
        subject=Subject("business", kvk, claim(claims, names.get("name", ""))),
        level=level,
        branch=branch,
        representative=Subject(
            "business", intermediary, claim(claims, names.get("representative_name", ""))
        )
        if intermediary
        else None,
    )


def _check_bsn(value: str) -> None:
    if not value:
        raise LoginRefused("no_bsn")
    if not is_valid_bsn(value):
        raise LoginRefused("bad_bsn")


def _check_kvk(value: str) -> None:
    if not value:
        raise LoginRefused("no_kvk")
    if not (value.isdigit() and len(value) == 8):
        raise LoginRefused("bad_kvk")
