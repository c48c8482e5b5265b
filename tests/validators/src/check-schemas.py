"""Runs check-jsonschema for several (builtin schema, files) groups read as JSON from stdin, in one
interpreter: importing check-jsonschema takes most of a run's time. Prints one JSON list with each
group's exit code and JSON report."""

import contextlib
import io
import json
import sys

from check_jsonschema import main

results = []
for schema, files in json.load(sys.stdin):
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        args = ["--builtin-schema", schema, "--output-format", "json", "--color", "never", *files]
        code = main.main(args, standalone_mode=False)
    results.append({"schema": schema, "code": code, "report": report.getvalue()})
json.dump(results, sys.stdout)
