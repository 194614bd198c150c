"""What django-axes may write to the log: never the typed email or the address."""

import hashlib


def axes_client_str(username, ip_address, user_agent, path_info, request) -> str:
    # A short one-way fingerprint still lets an operator see that failures repeat.
    digest = hashlib.sha256(f"{username}|{ip_address}".encode()).hexdigest()[:12]
    return f"client {digest}"
