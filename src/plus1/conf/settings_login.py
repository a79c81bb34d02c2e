# SPDX-License-Identifier: EUPL-1.2
"""Settings for the login of residents and businesses: DigiD and eHerkenning through an
OpenID Connect broker (one per means), and the residents' session time-out.

Imported by plus1.conf.settings; kept apart so that the staff login settings stay separate.
A broker is switched on by giving its issuer; its endpoints come from its discovery
document (``<issuer>/.well-known/openid-configuration``).
"""

from __future__ import annotations

from typing import Any

from plus1.conf.env import env_int, env_secret, env_str


def _broker(prefix: str, label: str, claims: dict[str, tuple[str, str]]) -> dict[str, Any]:
    env = f"PLUS1_{prefix}_OIDC"
    return {
        "label": label,
        "issuer": env_str(
            f"{env}_ISSUER",
            "",
            help=f"Issuer URL of the OpenID Connect broker for {label} (its discovery document "
            f"is read from <issuer>/.well-known/openid-configuration). Empty: no {label} login.",
        ),
        "client_id": env_str(
            f"{env}_CLIENT_ID", "", help=f"Client id of Plus1 at the {label} broker."
        ),
        "client_secret": env_secret(
            f"{env}_CLIENT_SECRET", "", help=f"Client secret of Plus1 at the {label} broker."
        ),
        "scopes": env_str(f"{env}_SCOPES", "openid", help=f"Scopes asked of the {label} broker."),
        "sign_algo": env_str(
            f"{env}_SIGN_ALGO", "RS256", help=f"Algorithm the {label} broker signs ID tokens with."
        ),
        "claims_source": env_str(
            f"{env}_CLAIMS_SOURCE",
            "id_token",
            help=f"Where the {label} claims are read: id_token or userinfo.",
        ),
        "claims": {
            key: env_str(f"{env}_CLAIM_{key.upper()}", default, help=text)
            for key, (default, text) in claims.items()
        },
    }


LOGIN_BROKERS = {
    "digid": _broker(
        "DIGID",
        "DigiD",
        {
            "bsn": ("bsn", "Claim with the resident's BSN (dots reach into nested claims)."),
            "name": ("name", "Claim with the resident's name (optional)."),
            "level": ("acr", "Claim with the DigiD level of assurance."),
            "represented_bsn": (
                "aanvrager.bsn",
                "DigiD Machtigen: claim with the BSN of the resident being represented.",
            ),
            "representative_bsn": (
                "gemachtigde.bsn",
                "DigiD Machtigen: claim with the BSN of the representative (gemachtigde).",
            ),
            "represented_name": ("aanvrager.naam", "DigiD Machtigen: name of the represented."),
        },
    ),
    "eherkenning": _broker(
        "EHERKENNING",
        "eHerkenning",
        {
            "kvk": ("urn:etoegang:core:LegalSubjectID", "Claim with the company's KVK number."),
            "branch": (
                "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr",
                "Claim with the vestigingsnummer, when the login is restricted to one branch.",
            ),
            "name": ("name", "Claim with the company's name (optional)."),
            "level": ("acr", "Claim with the eHerkenning level of assurance."),
            "representative_kvk": (
                "urn:etoegang:1.9:IntermediateEntityID:KvKnr",
                "Ketenmachtiging: claim with the KVK number of the intermediary acting for the company.",
            ),
            "representative_name": (
                "intermediair.naam",
                "Ketenmachtiging: claim with the intermediary's name (optional).",
            ),
        },
    ),
}
LOGIN_BROKER_TIMEOUT = env_int(
    "PLUS1_LOGIN_BROKER_TIMEOUT", 10, help="Seconds to wait for an answer of a login broker."
)
LOGIN_TOKEN_LEEWAY = env_int(
    "PLUS1_LOGIN_TOKEN_LEEWAY",
    60,
    help="Seconds of clock difference allowed when checking a broker's ID token (exp, iat).",
)
RESIDENT_SESSION_IDLE_MINUTES = env_int(
    "PLUS1_RESIDENT_SESSION_IDLE_MINUTES",
    15,
    help="A resident or business is logged out after this many minutes without activity.",
)
RESIDENT_SESSION_WARNING_MINUTES = env_int(
    "PLUS1_RESIDENT_SESSION_WARNING_MINUTES",
    2,
    help="Minutes before the idle time-out that the page offers to stay logged in.",
)
