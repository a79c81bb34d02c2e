# SPDX-License-Identifier: EUPL-1.2
"""The production WSGI application: refuses to load when the production checks fail.

Any WSGI server can load it (`gunicorn plus1.conf.wsgi:application`, uWSGI, mod_wsgi); the
demo's development server uses plus1.conf.wsgi_demo instead.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
application = get_wsgi_application()

from plus1.common.checks import refuse_unsafe_production_settings  # noqa: E402

refuse_unsafe_production_settings()

from plus1.zgw.query_params import read_standard_documents  # noqa: E402

read_standard_documents()
