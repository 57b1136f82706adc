"""Waiting for a condition in a page under the site's CSP.

Playwright's `wait_for_function` polls by evaluating the expression inside the
page, which a CSP without 'unsafe-eval' refuses (the site's CSP, lms.settings).
`page.evaluate` goes through the DevTools protocol, which the CSP does not
govern, so this polls from Python instead. Same arguments: an expression, or a
function with `arg`.
"""

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# How long a browser test waits for anything. Generous: the suite runs a browser
# beside fault tests that start gunicorn, Celery and redis-server on the same two
# cores, where a step that takes a second on its own can take over fifteen. A
# step that never happens still fails, only later.
BROWSER_TIMEOUT_MS = 30000


def wait_for_js(
    page, expression: str, *, arg=None, timeout: float = BROWSER_TIMEOUT_MS
) -> None:
    deadline = time.monotonic() + timeout / 1000
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(
                f"Timeout {timeout} ms waiting for {expression}"
            )
        time.sleep(0.1)
