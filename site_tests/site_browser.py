"""The system Chromium the site tests drive, and a page opened in it."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing but this machine is reachable from the browser: the site must work offline. (Cheaper than
    # Playwright request interception; such requests still show up in Visit.outside.)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


DESKTOP = {"width": 1280, "height": 900}


class Browser:
    """The browser context every visit opens its tab in. Sharing it (and its cache) makes the tests about
    a quarter faster than a fresh context per page. A finished visit's tab is kept for the next one: a
    page loads two to three times faster in a tab that has shown the site before than in a new tab."""

    def __init__(self, browser, site_url):
        self.site_url = site_url
        self.browser_version = browser.version
        self.context = browser.new_context(viewport=DESKTOP)
        self.spare_tabs = []

    def tab(self):
        """A tab for a new visit: a spare one, back at the desktop size and in light mode, or a new one."""
        if not self.spare_tabs:
            return self.context.new_page()
        tab = self.spare_tabs.pop()
        if tab.viewport_size != DESKTOP:
            tab.set_viewport_size(DESKTOP)
        tab.emulate_media(color_scheme="light")
        return tab

    def close(self):
        self.context.close()


def is_local(url, site_url):
    return url.startswith((site_url, "data:", "blob:"))


class Visit:
    """A site page open in its own tab (a new one or a finished visit's), with every error it logged and
    every request it made that tried to leave the site."""

    def __init__(self, browser, path, finish=True):
        """Open site ``path``; with ``finish=False`` wait only until its document is parsed."""
        self.browser = browser
        self.path = path
        self.site_url = browser.site_url
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.navigations: list[str] = []  # every document the tab asked for, redirects included
        self.tab = browser.tab()
        self.listeners = [
            ("request", self._navigation),
            ("console", self._console),
            ("pageerror", lambda exc: self.errors.append(f"page error: {exc}")),
            ("request", lambda r: is_local(r.url, self.site_url) or self.outside.append(r.url)),
            ("requestfailed", self._failed),
            ("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}")),
        ]
        for event, listener in self.listeners:
            self.tab.on(event, listener)
        self.response = self.goto(path, finish)

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def _navigation(self, request):
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self.navigations.append(request.url)

    def problems(self) -> list[str]:
        """The JavaScript errors (console or uncaught), failed requests and requests off the site so far."""
        return self.errors + [f"requested from outside the site (it must work offline): {u}" for u in self.outside]

    def _failed(self, request):
        # ERR_ABORTED: the request was cancelled because the test moved on to another page. A file that
        # is missing shows up as an HTTP 404 response instead; a blocked request outside the site is
        # reported in ``outside``.
        failure = request.failure or ""
        if is_local(request.url, self.site_url) and "ERR_ABORTED" not in failure:
            self.errors.append(f"request failed: {request.url} ({failure})")

    def click_link_to(self, path, wait_until="load"):
        """Click the link in the page's text that leads to site path ``path``, as a reader would, and
        wait for the new page (its load event); AssertionError, naming the page, if there is no such link."""
        target = self.site_url + path
        links = self.tab.locator("article a")
        hrefs = links.evaluate_all("links => links.map(a => a.href.split('#')[0])")
        assert target in hrefs, f"{self.tab.url} has no link to {path}"
        with self.tab.expect_navigation(url=target, wait_until=wait_until) as navigation:
            links.nth(hrefs.index(target)).click()
        self.response = navigation.value

    def goto(self, path, finish=True):
        """Open a site path and wait until the page, its fonts and its math are finished."""
        response = self.tab.goto(self.site_url + path, wait_until="load" if finish else "domcontentloaded")
        if finish:
            self.settle()
        return response

    def settle(self):
        """After the load event: wait for MathJax's typesetting (if MathJax loaded) and the fonts."""
        self.tab.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise.then(() => true)")
        self.tab.evaluate("() => document.fonts.ready.then(() => true)")

    def close(self):
        """Stop listening to the tab and hand it back for the next visit."""
        for event, listener in self.listeners:
            self.tab.remove_listener(event, listener)
        self.browser.spare_tabs.append(self.tab)
