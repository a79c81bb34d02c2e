# SPDX-License-Identifier: EUPL-1.2
import logging

from plus1.common.bsn import scrub


class ScrubBsnFilter(logging.Filter):
    """Removes BSN-like numbers from every log line, arguments included."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        return True
