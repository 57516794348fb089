#!/usr/bin/env python3
"""netlog_check.py NETLOG.json - exit 3 when the page made a network request.

Exit 0: no request by the page.  Exit 3: at least one (each printed).  Exit
2: the log could not be read or is not a Chromium net log - a broken check,
which must never pass for "caught a request" (render.sh's canary requires 3).

Reads a Chromium --log-net-log file.  Chromium itself phones home (update
checks, account probes) even with --disable-background-networking; those
requests carry the initiator "not an origin".  Requests made on behalf of
the page carry the page's origin ("null" for file://) and a file:// network
isolation key.  Every such request for anything but file:, data: or about:
is a network request by the report, and fails the check.
"""
import json
import sys

LOCAL = ("file:", "data:", "about:", "blob:")


def page_requests(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log.get("events", []):
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params") or {}
        url = params.get("url", "")
        if not url or url.startswith(LOCAL):
            continue
        if params.get("initiator") == "not an origin":
            continue  # the browser's own background traffic
        found.append(url)
    return found


def main():
    if len(sys.argv) != 2:
        print("usage: netlog_check.py NETLOG.json", file=sys.stderr)
        return 2
    try:
        urls = page_requests(sys.argv[1])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        print(f"netlog_check: {sys.argv[1]}: not a readable Chromium net log: {e}", file=sys.stderr)
        return 2
    for url in urls:
        print("network request by the page: " + url)
    return 3 if urls else 0


if __name__ == "__main__":
    sys.exit(main())
