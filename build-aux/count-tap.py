#!/usr/bin/env python3
# count-tap.py — count TAP test cases in meson's testlog.json; print "N passed, M failed".
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = skipped = 0
ok = re.compile(r'^(not )?ok\b(.*)$')
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        test = json.loads(line)
        cases = 0
        test_failed = 0
        for out in (test.get('stdout') or test.get('stdo') or '').splitlines():
            m = ok.match(out)
            if not m:
                continue
            cases += 1
            directive = m.group(2)
            if re.search(r'#\s*skip', directive, re.I):
                skipped += 1
            elif m.group(1) and not re.search(r'#\s*todo', directive, re.I):
                failed += 1
                test_failed += 1
            else:
                passed += 1
        if cases == 0 and test.get('result') == 'OK':
            passed += 1          # a plain exit-code test (validators) is one case
        # a program that crashed, timed out or printed no TAP still counts as one failure
        elif test.get('result') not in ('OK', 'SKIP') and test_failed == 0:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
