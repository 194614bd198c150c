"""A local HTTP server speaking the GOV.UK Notify API (v2) shape, for testing the Notify path.

It checks what Notify checks that matters to us: the bearer JWT made from the API key
(HS256, `iss` = the service id, signed with the key's secret, `iat` recent), the template id,
the recipient field and the personalisation the template needs; it answers 201 with the
documented response JSON and records every request. `fail_next(n, status)` makes the next n
requests fail with 500 (server error) or 429 (rate limit), as Notify does, to test retries.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest

PERSONALISATION = ("subject", "body", "link")
ERRORS = {
    400: "BadRequestError",
    403: "AuthError",
    429: "RateLimitError",
    500: "Exception",
}


class NotifyServer:
    def __init__(self) -> None:
        self.service_id = str(uuid.uuid4())
        self.secret = str(uuid.uuid4())
        self.api_key = f"coproduction_test-{self.service_id}-{self.secret}"
        self.templates = {"email": str(uuid.uuid4()), "sms": str(uuid.uuid4()), "letter": str(uuid.uuid4())}
        self.requests: list[dict] = []
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self.httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def fail_next(self, count: int, *, status: int = 500) -> None:
        with self._lock:
            self._failures = [status] * count

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()
            self._failures = []

    def sent(self, kind: str) -> list[dict]:
        """Requests Notify accepted for "email", "sms" or "letter"."""
        return [request for request in self.requests if request["kind"] == kind and request["status"] == 201]

    # -- the API --------------------------------------------------------------------------

    def _check_token(self, header: str) -> str | None:
        if not header.startswith("Bearer "):
            return "Unauthorized: authentication token must be provided"
        try:
            claims = jwt.decode(header[7:], self.secret, algorithms=["HS256"], options={"verify_iat": False})
        except jwt.InvalidTokenError:
            return "Invalid token: signature, api token not found"
        if claims.get("iss") != self.service_id:
            return "Invalid token: service not found"
        if abs(time.time() - int(claims.get("iat", 0))) > 30:
            return "Error: Your system clock must be accurate to within 30 seconds"
        return None

    def handle(self, kind: str, headers, payload: dict) -> tuple[int, dict]:
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure:
            message = "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds" if failure == 429 else "Internal server error"
            return failure, {"status_code": failure, "errors": [{"error": ERRORS.get(failure, "Exception"), "message": message}]}
        problem = self._check_token(headers.get("Authorization", ""))
        if problem:
            return 403, {"status_code": 403, "errors": [{"error": "AuthError", "message": problem}]}
        if payload.get("template_id") != self.templates.get(kind):
            return 400, {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Template not found"}]}
        personalisation = payload.get("personalisation") or {}
        missing = [name for name in PERSONALISATION if name not in personalisation]
        if kind == "email" and not payload.get("email_address"):
            missing.append("email_address")
        if kind == "sms" and not payload.get("phone_number"):
            missing.append("phone_number")
        if kind == "letter":
            lines = [name for name in personalisation if name.startswith("address_line_")]
            if len(lines) < 3:
                return 400, {"status_code": 400, "errors": [{"error": "ValidationError", "message": "Address must be at least 3 lines"}]}
        if missing:
            return 400, {"status_code": 400, "errors": [{"error": "BadRequestError", "message": f"Missing personalisation: {', '.join(missing)}"}]}
        notification_id = str(uuid.uuid4())
        body = f"{personalisation['body']}\n\n{personalisation['link']}"
        response = {
            "id": notification_id,
            "reference": payload.get("reference"),
            "uri": f"{self.base_url}/v2/notifications/{notification_id}",
            "template": {"id": payload["template_id"], "version": 1, "uri": f"{self.base_url}/services/{self.service_id}/templates/{payload['template_id']}"},
        }
        if kind == "email":
            response["content"] = {"subject": personalisation["subject"], "body": body, "from_email": "council@notifications.service.gov.uk", "one_click_unsubscribe_url": None}
        elif kind == "sms":
            response["content"] = {"body": body, "from_number": "GOVUK"}
        else:
            response["content"] = {"subject": personalisation["subject"], "body": body}
            response["scheduled_for"] = None
        return 201, response


def _handler_for(server: NotifyServer):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            kind = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms", "/v2/notifications/letter": "letter"}.get(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            try:
                payload = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                payload = None
            if kind is None:
                status, body = 404, {"result": "error", "message": "The requested URL was not found on the server."}
            elif payload is None:
                status, body = 400, {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Invalid JSON supplied in POST data"}]}
            else:
                status, body = server.handle(kind, self.headers, payload)
            server.requests.append({"kind": kind, "path": self.path, "json": payload, "status": status, "headers": dict(self.headers)})
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):  # noqa: A002
            pass  # keep test output quiet

    return Handler


@pytest.fixture(scope="session")
def _notify_server():
    server = NotifyServer()
    server.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(server))
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def notify_server(_notify_server, settings):
    """GOV.UK Notify configured for this test, pointing at the local server."""
    settings.NOTIFY_API_KEY = _notify_server.api_key
    settings.NOTIFY_BASE_URL = _notify_server.base_url
    settings.NOTIFY_TEMPLATE_EMAIL = _notify_server.templates["email"]
    settings.NOTIFY_TEMPLATE_SMS = _notify_server.templates["sms"]
    settings.NOTIFY_TEMPLATE_LETTER = _notify_server.templates["letter"]
    _notify_server.clear()
    yield _notify_server
    _notify_server.clear()
