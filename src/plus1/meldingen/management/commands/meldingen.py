# SPDX-License-Identifier: EUPL-1.2
"""`plus1 meldingen evaluate-classifier`: how well the category suggestions do on held-out data."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from plus1.meldingen.categories import category_name
from plus1.meldingen.classification import evaluate


class Command(BaseCommand):
    help = "Tools for public-space reports (meldingen openbare ruimte)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        evaluator = sub.add_parser(
            "evaluate-classifier", help="Print the accuracy on the held-out reports."
        )
        evaluator.add_argument("--fouten", action="store_true", help="Also list every mistake.")
        evaluator.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "evaluate-classifier":
            self._evaluate(show_mistakes=options["fouten"], as_json=options["json"])

    def _evaluate(self, *, show_mistakes: bool, as_json: bool) -> None:
        result = evaluate()
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Juist op de apart gehouden meldingen: {result['accuracy']:.1%} "
            f"({result['n_test']} getest, {result['n_train']} om van te leren); "
            f"juiste categorie bij de eerste drie: {result['top3_accuracy']:.1%}"
        )
        for slug, row in result["per_category"].items():
            name = f"{category_name(slug)} ({slug})"
            self.stdout.write(f"  {name:<52} {row['accuracy']:6.1%}  van {row['n_test']}")
        if show_mistakes:
            self.stdout.write("Fout voorspeld:")
            for mistake in result["mistakes"]:
                self.stdout.write(
                    f"  [{mistake['verwacht']} -> {mistake['voorspeld']}] {mistake['tekst']}"
                )
