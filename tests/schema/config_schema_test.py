#!/usr/bin/env python3
"""config/kiosk.schema.json against the fixtures the C checker is tested with.

- config/kiosk.json (if present) and tests/data/config/good_*.json must pass;
- each broken fixture in SCHEMA_REJECTS (the C checker rejects it for a
  reason a schema can express) must fail;
- every bad_*.json must be listed in SCHEMA_REJECTS or C_ONLY, so a new
  fixture gets a decision.
Usage: config_schema_test.py REPO_ROOT. Exit 77 (skipped) without jsonschema.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema module not installed: skipped")
    sys.exit(77)

# Rejected by the C checker for a reason the schema expresses too.
SCHEMA_REJECTS = {
    "bad_not_object": "top level is not an object",
    "bad_types": "wrong types",
    "bad_missing": "required fields",
    "bad_color": "#RRGGBB pattern",
    "bad_hours": "HH:MM-HH:MM pattern, at most 4 ranges",
    "bad_dates": "YYYY-MM-DD pattern (2026-13-01, 2026/12/29)",
    "bad_call_url": "https, no userinfo, {session} at most once, no other {...}",
    "bad_default_text": "empty texts",
    "bad_ranges": "minimum/maximum, rotation enum",
    "bad_ids": "id pattern, PIN pattern",
    "bad_counts": "minItems",
    "bad_launcher": "launcher placeholders, host patterns",
    "bad_languages": "uniqueItems, language code pattern",
    "bad_hosts_needed": "allowed_hosts required when a municipality has a call",
    "bad_contact": "phone pattern (full-width digits, letters, too short)",
    "bad_unknown_keys": "additionalProperties: false (unknown keys are errors in the C checker too)",
    "bad_clerk_typos": "additionalProperties: false catches `hous`; the C checker also names the hours character",
}
# Only the C checker can tell (not JSON-Schema-expressible, or not JSON at all).
C_ONLY = {
    "bad_empty": "not JSON",
    "bad_bom": "bytes before the JSON",
    "bad_not_utf8": "encoding",
    "bad_duplicate_key": "duplicate keys vanish when parsed",
    "bad_duplicate_ids": "uniqueness of a field across array items",
    "bad_service_munis": "reference to ids elsewhere in the file",
    "bad_default_language": "must be one of the languages listed",
    "bad_files": "files on disk",
    "bad_paths": "where a relative path leads (.. out of its folder)",
    "bad_summary": "warnings only: a summary missing a listed language, too wide for a card",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    schema = load(root / "config" / "kiosk.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = root / "tests" / "data" / "config"
    failures = 0
    good = sorted(data.glob("good_*.json"))
    shipped = root / "config" / "kiosk.json"
    if shipped.exists():
        good.append(shipped)
    for path in good:
        errors = list(validator.iter_errors(load(path)))
        for e in errors:
            print(f"{path}: schema rejects a good file: {e.json_path}: {e.message}")
        failures += bool(errors)
    for path in sorted(data.glob("bad_*.json")):
        name = path.stem
        if name.startswith("bad_syntax_") or name in C_ONLY:
            continue
        if name not in SCHEMA_REJECTS:
            print(f"{path}: not classified in SCHEMA_REJECTS or C_ONLY")
            failures += 1
            continue
        if validator.is_valid(load(path)):
            print(f"{path}: schema accepts it, but should reject it ({SCHEMA_REJECTS[name]})")
            failures += 1
    for name in list(SCHEMA_REJECTS) + list(C_ONLY):
        if not (data / f"{name}.json").exists():
            print(f"{name}.json: listed but missing")
            failures += 1
    print(f"config schema: {len(good)} good files, {len(SCHEMA_REJECTS)} broken ones checked, "
          f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
