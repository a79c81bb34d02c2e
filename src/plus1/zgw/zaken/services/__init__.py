# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the Zaken API: each write a client can make is one function here that
opens the transaction (durable: nothing else may be running around it) and writes the domain
rows (through plus1.cases and plus1.documents services), audit and outbox together. The
domain services put their events in the outbox; plus1.zgw.notifications turns them into
the ZGW notifications."""
