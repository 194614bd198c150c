"""Journeys per role for the load test (benchmarks/load.py starts the server and runs this).

Each simulated user signs in through the real sign-in form (CSRF token included) and, for
staff, types a real six-digit code from the bench authenticator at the two-factor step; then
repeats its role's journey with a pause to read each page. Weights follow who uses the
service most in a working day: practitioners, then people filling in the checklist, then
managers and commissioners.

LOAD_FIXTURE names the JSON file load.py writes: account details and record ids. With
LOAD_SUMMARY set, the requests made LOAD_MEASURE_AFTER seconds or more after the start (once
every user has signed in) are summed up there: exact percentiles of the steady state, with
signing in counted apart.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import random
import struct
import time
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit

from locust import HttpUser, between, events, task

FIXTURE = json.loads(open(os.environ["LOAD_FIXTURE"]).read()) if os.environ.get("LOAD_FIXTURE") else {}
# Each simulated user signs in as an account of its own: the same authenticator code cannot
# be used twice, and one person's session is not shared between browsers.
NUMBERS = {role: itertools.count(1) for role in ("practitioner", "person", "manager", "commissioner")}


def totp(key_hex: str, at: float | None = None) -> str:
    """RFC 6238, as an authenticator app computes it (30-second steps, six digits)."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


SIGN_IN = {"sign in (form)", "sign in", "two-factor code"}
MEASURED: dict[str, list] = {"times": [], "sign_in_times": [], "errors": [], "sign_in_errors": []}
STARTED = {"at": 0.0, "total": 0}


@events.test_start.add_listener
def _started(**kwargs):
    STARTED["at"] = time.monotonic()


@events.request.add_listener
def _measure(name, response_time, exception, **kwargs):
    signing_in = name in SIGN_IN
    STARTED["total"] += 1
    if exception is not None:
        MEASURED["sign_in_errors" if signing_in else "errors"].append(f"{name}: {exception}")
    elif signing_in:
        MEASURED["sign_in_times"].append(response_time)
    elif time.monotonic() - STARTED["at"] >= float(os.environ.get("LOAD_MEASURE_AFTER", "0")):
        MEASURED["times"].append(response_time)


@events.quitting.add_listener
def _summarise(**kwargs):
    if not os.environ.get("LOAD_SUMMARY"):
        return
    measured_for = time.monotonic() - STARTED["at"] - float(os.environ.get("LOAD_MEASURE_AFTER", "0"))

    def percentile(values, share):
        values = sorted(values)
        return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))] if values else 0.0

    times = MEASURED["times"]
    with open(os.environ["LOAD_SUMMARY"], "w") as handle:
        json.dump({
            "requests": len(times), "all_requests": STARTED["total"], "seconds": measured_for, "rps": len(times) / measured_for if measured_for > 0 else 0.0,
            "p50": percentile(times, 0.50), "p95": percentile(times, 0.95), "p99": percentile(times, 0.99),
            "errors": MEASURED["errors"] + MEASURED["sign_in_errors"],
            "sign_ins": len(MEASURED["sign_in_times"]), "sign_in_p95": percentile(MEASURED["sign_in_times"], 0.95),
        }, handle)


class FormParser(HTMLParser):
    """The fields of each POST form on a page, as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": [], "radios": {}, "textareas": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind == "radio":
                self._form["radios"].setdefault(name, []).append((attrs.get("value", "on"), "checked" in attrs))
            elif kind == "checkbox":
                if "checked" in attrs:
                    self._form["fields"].append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._form["fields"].append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None]
        elif tag == "option" and self._select is not None:
            if self._select[1] is None or "selected" in attrs:
                self._select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._form["textareas"].append(self._textarea[0])
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self._form["fields"].append((self._select[0], self._select[1] or ""))
            self._select = None
        elif tag == "form":
            self._form = None


def forms_on(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def own_form(page, need: str = "") -> dict | None:
    """The page's own form (posting back to the page), not sign-out or a list's add form."""
    here = urlsplit(page.url).path
    for form in forms_on(page.text):
        if form["action"] and urlsplit(urljoin(page.url, form["action"])).path != here:
            continue
        if need and not form[need]:
            continue
        return form
    return None


class BehindTlsProxy(DefaultCookiePolicy):
    """The server sits behind a TLS-terminating proxy (X-Forwarded-Proto: https), so its
    cookies are Secure; this plain connection stands where the proxy would, so they are kept
    as ordinary cookies and sent back (each request is sent with a copy of the jar, so the
    flag is dropped as a cookie is stored, not when it is sent)."""

    def set_ok(self, cookie, request):
        cookie.secure = False
        return super().set_ok(cookie, request)


class Journey(HttpUser):
    abstract = True
    wait_time = between(1, 4)  # reading the page before the next click
    role = ""

    def on_start(self):
        self.client.cookies.set_policy(BehindTlsProxy())
        self.client.headers.update({"X-Forwarded-Proto": "https"})
        self.email = self.account()
        self.sign_in()

    def account(self) -> str:
        return f"{self.role}{next(NUMBERS[self.role])}@bench.example"

    def origin(self) -> dict:
        parts = urlsplit(self.host)
        return {"Origin": f"https://{parts.netloc}", "Referer": f"https://{parts.netloc}/"}

    def submit(self, page, form: dict, changes: dict | None = None, name: str | None = None, expect: str = ""):
        """POST a parsed form, with `changes`; a failure unless the answer ends at `expect`."""
        data = dict(form["fields"])
        for radio, options in form["radios"].items():
            checked = [value for value, on in options if on]
            data[radio] = checked[0] if checked else options[0][0]
        data.update(changes or {})
        action = urljoin(page.url, form["action"]) if form["action"] else page.url
        path = urlsplit(action).path
        with self.client.post(path, data=data, headers=self.origin(), name=name or path, catch_response=True) as response:
            if response.status_code != 200 or (expect and expect not in urlsplit(response.url).path):
                response.failure(f"ended at {urlsplit(response.url).path} with {response.status_code}")
                return None
            return response

    def page(self, path: str, name: str | None = None):
        with self.client.get(path, name=name or path, catch_response=True) as response:
            if response.status_code != 200 or "/accounts/login/" in response.url or "/two-factor/" in response.url:
                response.failure(f"ended at {urlsplit(response.url).path} with {response.status_code}")
                return None
            return response

    def sign_in(self):
        page = self.client.get("/accounts/login/", name="sign in (form)")
        form = own_form(page)
        data = dict(form["fields"])
        data.update(username=self.email, password=FIXTURE["password"])
        with self.client.post("/accounts/login/", data=data, headers=self.origin(), name="sign in", catch_response=True) as response:
            if "/accounts/login/" in response.url:
                response.failure("not signed in")
                return
        if "/two-factor/" in response.url:
            form = own_form(response)
            data = dict(form["fields"])
            data["token"] = totp(FIXTURE["totp_key"])
            path = urlsplit(response.url).path + (f"?{urlsplit(response.url).query}" if urlsplit(response.url).query else "")
            with self.client.post(path, data=data, headers=self.origin(), name="two-factor code", catch_response=True) as verified:
                if "/two-factor/" in verified.url:
                    verified.failure("two-factor code refused")


class Practitioner(Journey):
    """Opens the caseload, a person's plan, and saves a section of the draft."""

    weight = 6
    role = "practitioner"

    def on_start(self):
        super().on_start()
        self.person_id = FIXTURE["practitioners"].get(self.email)

    @task(3)
    def caseload_and_plan(self):
        self.page("/people/", name="caseload")
        if self.person_id:
            self.page(f"/people/{self.person_id}/", name="person page")
            self.page(f"/people/{self.person_id}/plan/", name="plan")

    @task(2)
    def save_section(self):
        if not self.person_id:
            return
        self.page(f"/people/{self.person_id}/plan/", name="plan")
        section = self.page(f"/people/{self.person_id}/plan/sections/goals/", name="plan section (form)")
        if section is None:
            return
        form = own_form(section, need="textareas")
        if form is None:
            section.failure("no section form")
            return
        text = f"To get back to my allotment by spring (updated {time.strftime('%H:%M:%S')})"
        self.submit(section, form, {form["textareas"][0]: text}, name="plan section (save)", expect="/plan/")


class Person(Journey):
    """Fills in the checklist about their own planning, every statement, and sends it."""

    weight = 3
    role = "person"

    @task
    def rate_checklist(self):
        self.page("/home/", name="home")
        start = self.page("/checklist/start/", name="checklist start")
        if start is None:
            return
        form = own_form(start)
        if form is None:
            start.failure("no start form")
            return
        filled = self.submit(start, form, name="checklist start (post)")
        if filled is None:
            return
        form = own_form(filled, need="radios")
        if form is None:
            filled.failure("no statements to rate")
            return
        answers = {name: random.choice([v for v, _ in options]) for name, options in form["radios"].items()}
        check = self.submit(filled, form, answers, name="checklist answers (post)", expect="/check/")
        if check is None:
            return
        send = own_form(check)
        if send is None:
            check.failure("no send form")
            return
        self.submit(check, send, name="checklist send (post)", expect="/sent/")


class Manager(Journey):
    """Opens the team dashboard."""

    weight = 1
    role = "manager"

    @task
    def dashboard(self):
        self.page("/home/", name="home")
        self.page("/checklist/dashboard/", name="team dashboard")


class Commissioner(Journey):
    """Opens the programme and its participatory budgeting results."""

    weight = 1
    role = "commissioner"

    @task
    def programme_and_results(self):
        programme, round_ = FIXTURE["programme"]["programme_id"], FIXTURE["programme"]["round_id"]
        self.page(f"/commissioning/programmes/{programme}/", name="programme")
        self.page(f"/commissioning/programmes/{programme}/budgeting/{round_}/results/", name="PB results")
