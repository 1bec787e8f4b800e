"""Reads Prometheus text from stdin with the reference parser (prometheus_client)
and prints its metric families as JSON: [{name, type, samples: [{name, labels, value}]}]
(a NaN value, which JSON cannot hold, as null)."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = [
    {
        "name": family.name,
        "type": family.type,
        "samples": [
            {"name": s.name, "labels": s.labels, "value": None if s.value != s.value else s.value}
            for s in family.samples
        ],
    }
    for family in text_string_to_metric_families(sys.stdin.read())
]
json.dump(families, sys.stdout)
