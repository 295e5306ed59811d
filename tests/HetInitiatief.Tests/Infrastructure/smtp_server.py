"""A real SMTP server for the mail tests (aiosmtpd, from Debian's python3-aiosmtpd).

It insists on STARTTLS and on signing in (AUTH LOGIN or PLAIN) with the one user and password it is given, as a
mail provider's submission port does. Each message it accepts is written to the folder as <n>.eml, with <n>.json
beside it saying whether the session used TLS and who signed in. A recipient listed in the folder's reject.txt is
refused with a permanent 550, so a test can make a mail fail for good and later let it through.

Usage: smtp_server.py PORT FOLDER CERT KEY USER PASSWORD. Prints "ready" once it accepts connections and runs until
it is killed or its standard input closes.
"""
import json
import os
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, folder, cert, key, user, password = sys.argv[1:7]
os.makedirs(folder, exist_ok=True)
lock = threading.Lock()


def rejected():
    try:
        with open(os.path.join(folder, "reject.txt"), encoding="utf-8") as f:
            return {line.strip().lower() for line in f if line.strip()}
    except FileNotFoundError:
        return set()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in rejected():
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with lock:
            number = len([n for n in os.listdir(folder) if n.endswith(".eml")]) + 1
            name = os.path.join(folder, f"{number:05d}")
            with open(name + ".json", "w", encoding="utf-8") as f:
                signed_in = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
                json.dump({"tls": session.ssl is not None, "authenticated": bool(session.authenticated),
                           "user": signed_in, "recipients": envelope.rcpt_tos}, f)
            # Written under a temporary name and renamed, so a test never reads half a message.
            with open(name + ".tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.replace(name + ".tmp", name + ".eml")
        return "250 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (mechanism in ("LOGIN", "PLAIN") and isinstance(auth_data, LoginPassword)
          and auth_data.login == user.encode() and auth_data.password == password.encode())
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Handler(), hostname="127.0.0.1", port=int(port), tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
