# SPDX-License-Identifier: EUPL-1.2
"""Celery task: the daily open-data build (scheduled in conf/celery.py)."""

from celery import shared_task

from plus1.opendata.build import opendata_build


@shared_task(name="plus1.opendata.build", ignore_result=True)
def build_opendata() -> str:
    return str(opendata_build().folder)
