# SPDX-License-Identifier: EUPL-1.2
"""The WSGI application of the development server (`plus1 demo`, runserver): no production
checks, because the demo is meant to run with demo settings. Never serve this in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
application = get_wsgi_application()
