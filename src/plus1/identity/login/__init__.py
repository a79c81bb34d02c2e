# SPDX-License-Identifier: EUPL-1.2
"""Login of residents (DigiD) and businesses (eHerkenning) through OpenID Connect brokers."""
