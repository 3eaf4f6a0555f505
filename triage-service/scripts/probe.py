#!/usr/bin/env python3
"""Hostile-input check of the built service jar (review of 2026-12, groups S1-S12), with expected outcomes.

Starts target/triage-service.jar under -Xmx256m on a free loopback port, with a loopback fake FHIR server that
answers at once and one that trickles its answer a byte a second, then checks: the token goes only to the trusted
server (S1); slow FHIR answers are cut off and hold nothing (S2); /health answers within 1 s while one client
(127.0.0.2) holds 200 slow-body connections (S3); hostile bodies get 400 naming the field (S4-S10); the log holds no
client header text, stack trace or token (S11); option errors exit 2 and SIGTERM exits 0 (S12). Prints one line per
failed check, a summary line, and the /health timings under the slow clients; exits 0 when every check passes.

    python3 triage-service/scripts/probe.py [path/to/triage-service.jar]

Needs Java 17, Python 3 and Linux (the whole 127.0.0.0/8 on loopback). Takes one to two minutes.
"""
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "target", "triage-service.jar")
JAVA = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
TOKEN = "probe-SECRET-token-42"
CALL = "/cds-services/buttock-leg-pain-triage"
Q = "http://triage.health/fhir/Questionnaire/buttock-leg-pain-triage"
failures, passed = [], [0]
PER_CLIENT = 256  # so that the slow client of S3 really holds its 200 connections; the bound is checked on its own


def check(name, ok, detail=""):
    if ok:
        passed[0] += 1
    else:
        failures.append(f"FAIL {name}: {detail}"[:400])
        print(failures[-1], flush=True)


def free_port(five_digits=False):
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if not five_digits or port >= 10000:
            return port


def request(port, method, path, body=None, headers=None, timeout=20):
    """(status, body text, seconds)."""
    start = time.time()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body, headers or {})
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace"), time.time() - start
    except (OSError, http.client.HTTPException) as e:
        return None, repr(e), time.time() - start
    finally:
        c.close()


def raw(port, data, timeout=15):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        out = b""
        try:
            while b"\r\n\r\n" not in out or b"}" not in out:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except socket.timeout:
            pass
        return out.decode("latin-1")


class FakeFhir(threading.Thread):
    """Records each request line and Authorization header; answers an empty search, or trickles forever."""

    def __init__(self, trickle, port=0):
        super().__init__(daemon=True)
        self.trickle, self.requests, self.hung_up = trickle, [], 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.start()

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        with conn:
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            lines = head.decode("latin-1").split("\r\n")
            auth = [l for l in lines if l.lower().startswith("authorization:")]
            self.requests.append((lines[0], auth))
            try:
                if not self.trickle:
                    body = b'{"resourceType":"Bundle","type":"searchset"}'
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: "
                                 + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 99999\r\n\r\n")
                for _ in range(120):
                    conn.sendall(b" ")
                    time.sleep(1)
            except OSError:
                self.hung_up += 1


def cds_call(fhir_server, token=TOKEN, patient_id="p1", triage=None, extra=None):
    body = {"hook": "patient-view", "hookInstance": "probe-1",
            "context": {"userId": "Practitioner/probe", "patientId": patient_id}}
    if triage is not None:
        body["prefetch"] = {"triageResponse": triage}
    if fhir_server is not None:
        body["fhirServer"] = fhir_server
        body["fhirAuthorization"] = {"access_token": token, "token_type": "Bearer", "expires_in": 300,
                                     "scope": "patient/*.read", "subject": "cds"}
    body.update(extra or {})
    return json.dumps(body)


def qr(items, **fields):
    r = {"resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": Q,
         "subject": {"reference": "Patient/p1"}, "item": items}
    r.update(fields)
    return {k: v for k, v in r.items() if v is not None}


AGE40 = {"linkId": "age", "answer": [{"valueInteger": 40}]}


def slow_clients(port, n, seconds, stats):
    """n connections from 127.0.0.2 that send POST headers, then one body byte every 2 s; reconnect when closed."""
    end = time.time() + seconds
    head = b"POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"

    def one():
        s = None
        while time.time() < end:
            try:
                if s is None:
                    s = socket.socket()
                    s.bind(("127.0.0.2", 0))
                    s.settimeout(2)
                    s.connect(("127.0.0.1", port))
                    s.sendall(head)
                    stats["connected"] += 1
                data = s.recv(4096)
                if data.startswith(b"HTTP/1.1 408"):
                    stats["408"] += 1
                s.close()
                s = None
                stats["closed"] += 1
                time.sleep(0.5)  # a slow client, not a connection flood
            except socket.timeout:
                try:
                    s.sendall(b" ")
                except OSError:
                    s.close()
                    s = None
                    time.sleep(0.5)
            except OSError:
                if s:
                    s.close()
                s = None
                time.sleep(0.5)
        if s:
            s.close()

    threads = [threading.Thread(target=one, daemon=True) for _ in range(n)]
    for t in threads:
        t.start()
    return threads


def main():
    if not os.path.isfile(JAR):
        print(f"probe.py: {JAR} not found; build it first: mvn -q -B -DskipTests package", file=sys.stderr)
        return 2
    started = time.time()

    # S12: option errors are usage errors (exit 2, no stack trace); an empty --fhir-server is refused (S1)
    for args, option in ((["--port", "70000"], "--port"), (["--request-timeout", "0"], "--request-timeout"),
                         (["--fhir-server", ""], "--fhir-server"), (["--max-request-bytes", "10"], "--max-request")):
        p = subprocess.run([JAVA, "-Xmx256m", "-jar", JAR] + args, capture_output=True, text=True, timeout=120)
        check(f"S12 {' '.join(args)!r} exit 2", p.returncode == 2, f"exit {p.returncode}: {p.stderr[:200]}")
        check(f"S12 {' '.join(args)!r} names the option, no stack trace",
              option in p.stderr and "Exception" not in p.stderr and "\tat " not in p.stderr, p.stderr[:300])

    ok_fhir = FakeFhir(trickle=False, port=free_port(five_digits=True))
    slow_fhir = FakeFhir(trickle=True)
    prefix = str(ok_fhir.port)[:4]
    slow_base = f"http://127.0.0.1:{slow_fhir.port}/fhir"
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="triage-service-probe-", suffix=".log", delete=False)
    service = subprocess.Popen([JAVA, "-Xmx256m", "-jar", JAR, "--port", str(port),
                                "--fhir-server", f"http://127.0.0.1:{prefix}", "--fhir-server", slow_base,
                                "--fhir-timeout", "4", "--max-connections-per-client", str(PER_CLIENT)],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            if request(port, "GET", "/health", timeout=2)[0] == 200:
                break
            if service.poll() is not None:
                break
            time.sleep(0.5)
        status = request(port, "GET", "/health")[0]
        check("service starts under -Xmx256m", status == 200, open(log.name).read()[-500:])
        if status != 200:
            return 1
        probe(port, ok_fhir, slow_fhir, prefix, slow_base)
    finally:
        service.terminate()  # SIGTERM
        try:
            code = service.wait(60)
        except subprocess.TimeoutExpired:
            service.kill()
            code = "none (killed after 60 s)"
        check("S12 SIGTERM: graceful stop, exit 0", code == 0, f"exit {code}")
    text = open(log.name, encoding="utf-8", errors="replace").read()
    check("S12 the log says stopped", "stopped" in text, text[-300:])
    check("S11 no client header text in the log", "<script" not in text and "evil.example" not in text,
          [l for l in text.splitlines() if "script" in l or "evil" in l][:3])
    check("S11 no stack trace in the log", "\tat " not in text and "Exception in thread" not in text,
          [l for l in text.splitlines() if "Exception" in l][:3])
    check("S8/S11 the token is never logged", TOKEN not in text and "SECRET" not in text, "token in log")
    check("S11 a request Jetty refuses gets a log line", "refused before routing: 400" in text, "no refusal line")
    os.unlink(log.name)
    print(f"probe.py: {passed[0]} of {passed[0] + len(failures)} checks pass ({time.time() - started:.0f} s)")
    return 0 if not failures else 1


def probe(port, ok_fhir, slow_fhir, prefix, slow_base):
    # S1: the token goes only to a trusted origin and path
    for url in (f"http://127.0.0.1:{ok_fhir.port}/fhir", f"http://127.0.0.1:{prefix}@127.0.0.1:{ok_fhir.port}/",
                f"http://localhost@127.0.0.1:{ok_fhir.port}/", "http://localhost.invalid/fhir",
                slow_base + "/../admin", slow_base + "?x=", slow_base + "#", slow_base + "x",
                slow_base + "/%2e%2e/admin"):
        status, body, _ = request(port, "POST", CALL, cds_call(url))
        check(f"S1 {url} is not trusted (412)", status == 412 and "not one this service is configured" in body,
              f"{status} {body[:150]}")
    time.sleep(0.5)
    check("S1 no connection reached the untrusted server", ok_fhir.requests == [], ok_fhir.requests[:2])
    check("S1 no untrusted path reached the trusted server", slow_fhir.requests == [], slow_fhir.requests[:2])

    # S8: a token with a line break is refused without quoting it
    status, body, _ = request(port, "POST", CALL, cds_call(slow_base, token=TOKEN + "\r\nX: y"))
    check("S8 token with CR LF: 400 without the token", status == 400 and TOKEN not in body, f"{status} {body}")

    # S2: four trickling fetches (twice the worker threads) are cut off at 4 s; other requests are answered meanwhile
    for _ in range(3):  # warm up the assessment first, so that its time below is not the JVM's first-use cost
        request(port, "POST", "/assess?nextQuestions=false", '{"age": 40}')
    results = []
    threads = [threading.Thread(target=lambda: results.append(request(port, "POST", CALL, cds_call(slow_base))))
               for _ in range(4)]
    for t in threads:
        t.start()
    for _ in range(100):
        if len(slow_fhir.requests) >= 4:
            break
        time.sleep(0.05)
    status, body, took = request(port, "POST", "/assess?nextQuestions=false", '{"age": 40}')
    check("S2 /assess answers while four fetches trickle", status == 200 and took < 2
          and all(t.is_alive() for t in threads), f"{status} {took:.2f}s (before the fetches ended)")
    for t in threads:
        t.join(30)
    check("S2 each trickled fetch: 412 at its 4 s deadline",
          len(results) == 4 and all(r[0] == 412 and "did not answer in full within 4000 ms" in r[1] and r[2] < 7
                                    for r in results), [(r[0], r[1][:80], round(r[2], 1)) for r in results])
    for _ in range(50):
        if slow_fhir.hung_up >= 4:
            break
        time.sleep(0.1)
    check("S2 the service closed each trickling connection", slow_fhir.hung_up >= 4, f"{slow_fhir.hung_up} of 4")
    check("S2 the token went to the trusted server only",
          all(auth == [f"Authorization: Bearer {TOKEN}"] for _, auth in slow_fhir.requests), slow_fhir.requests[:1])

    # S4-S10: hostile bodies
    overlong = cds_call(None, triage=qr([AGE40, {"linkId": "\x01addle_numbness", "answer": [{"valueBoolean": True}]}]))
    overlong = overlong.encode().replace(b"\\u0001", b"\xc1\xb3")
    cases = [
        ("S4 overlong UTF-8 's' in a linkId", overlong, 400, "not valid UTF-8"),
        ("S5 data-absent answer", cds_call(None, triage=qr([AGE40, {"linkId": "fever", "answer": [{"_valueBoolean": {
            "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                           "valueCode": "asked-declined"}]}}]}])), 200, '"cards":[{'),
        ("S6 no subject", cds_call(None, triage=qr([AGE40], subject=None)), 400, "has no subject reference"),
        ("S6 subject by identifier only", cds_call(None, triage=qr([AGE40], subject={"identifier": {"value": "x"}})),
         400, "has no subject reference"),
        ("S6 subject on another server", cds_call(None, triage=qr(
            [AGE40], subject={"reference": "https://other-ehr.example/fhir/Patient/p1"})), 400, "is about"),
        ("S6 in-progress response: not assessed", cds_call(None, triage=qr([AGE40], status="in-progress")), 200,
         "Triage could not run: the questionnaire is not finished"),
        ("S6 questionnaire '#anything'", cds_call(None, triage=qr([AGE40], questionnaire="#anything")), 400,
         "questionnaire must be"),
        ("S6 patientId with a path", cds_call(None, patient_id="../Practitioner/x", triage=None), 400,
         "context.patientId must be a FHIR id"),
        ("S6 patientId with a line break", cds_call(None, patient_id="p1\n", triage=None), 400,
         "context.patientId must be a FHIR id"),
        ("S9 valueInteger as a string", cds_call(None, triage=qr([{"linkId": "age", "answer": [
            {"valueInteger": "+40"}]}])), 400, "must be a JSON whole number"),
        ("S9 valueBoolean as a string", cds_call(None, triage=qr([AGE40, {"linkId": "saddle_numbness", "answer": [
            {"valueBoolean": "true"}]}])), 400, "must be a JSON true or false"),
        ("S10 NaN in plain words", b'{"a":NaN}', 400, "'NaN' is not a JSON value"),
        ("S10 prefetch not an object", cds_call(None, extra={"prefetch": "x"}), 400, "prefetch must be an object"),
    ]
    for name, body, want, text in cases:
        status, answer, _ = request(port, "POST", CALL, body, {"Content-Type": "application/json"})
        check(name, status == want and text in answer and "Exception" not in answer
              and "JsonReadFeature" not in answer, f"{status} {answer[:200]}")
    nq = {"resourceType": "Parameters", "parameter": [{"name": "questionnaire-response", "resource": {
        "resourceType": "QuestionnaireResponse", "status": "in-progress", "text": {
            "status": "generated", "div": '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>'}}}]}
    status, answer, _ = request(port, "POST", "/fhir/Questionnaire/$next-question", json.dumps(nq))
    check("S9 a narrative with a script: 400, not echoed", status == 400 and "alert" not in answer,
          f"{status} {answer[:200]}")
    status, answer, _ = request(port, "POST", "/fhir/Questionnaire/$next-question", "\ufeff{}".encode())
    check("S4 a byte order mark: 400 without a raw U+FEFF", status == 400 and "\ufeff" not in answer,
          f"{status} {answer[:200]}")
    answer = raw(port, b"POST /assess HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
    check("S10 a malformed chunk: 400, not 413", answer.startswith("HTTP/1.1 400"), answer[:200])
    answer = raw(port, b"POST /assess HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"0\r\n\r\n")
    check("framing: Content-Length with chunked: 400", answer.startswith("HTTP/1.1 400"), answer[:200])
    answer = raw(port, b"POST /assess HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
    check("framing: a negative Content-Length: 400", answer.startswith("HTTP/1.1 400"), answer[:200])
    status, answer, _ = request(port, "POST", "/assess", b" " * (1024 * 1024 + 1))
    check("framing: one byte over 1 MiB: 413", status == 413, f"{status} {answer[:100]}")

    # S7: card links never come from the client's headers
    incomplete = cds_call(None, triage=qr([AGE40]))
    status, answer, _ = request(port, "POST", CALL, incomplete, {
        "Forwarded": 'proto=javascript;host="evil.example"', "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "data"})
    check("S7 no link built from Forwarded or X-Forwarded-*", status == 200 and "evil" not in answer
          and "javascript:" not in answer, f"{status} {answer[:200]}")
    # S11: header text a client sends never reaches the log
    request(port, "GET", "/health", headers={"X-Forwarded-Host": "<script>alert(1)</script>"})
    raw(port, b"GET /health HTTP/1.1\r\nHost: <script>alert(1)</script>\r\n\r\n")

    # S3: one client (127.0.0.2) holds 200 slow-body connections; /health from another address within 1 s
    stats = {"connected": 0, "closed": 0, "408": 0}
    attack = slow_clients(port, 200, 20, stats)
    time.sleep(2)
    timings, assess = [], []
    end = time.time() + 15
    while time.time() < end:
        status, _, took = request(port, "GET", "/health", timeout=15)
        timings.append(took if status == 200 else 99.0)
        if len(timings) % 4 == 0:
            status, _, took = request(port, "POST", "/assess?nextQuestions=false", '{"age": 40}', timeout=15)
            assess.append(took if status == 200 else 99.0)
        time.sleep(0.25)
    for t in attack:
        t.join(10)
    timings.sort()
    print(f"S3 under 200 slow-body connections from one client: /health n={len(timings)} "
          f"p50={timings[len(timings) // 2]:.3f}s max={timings[-1]:.3f}s; /assess max={max(assess):.3f}s; "
          f"attacker {stats}")
    check("S3 /health answers within 1 s throughout", timings[-1] < 1.0, f"max {timings[-1]:.2f}s")
    check("S3 /assess answers throughout (within 2 s)", max(assess) < 2.0, f"max {max(assess):.2f}s")
    check("S3 each slow body is cut off with 408 at the deadline", stats["408"] >= 150, stats)

    # S3/S14: connections beyond the bound for one address are closed at once
    held, closed = [], 0
    for _ in range(PER_CLIENT + 40):
        s = socket.socket()
        s.bind(("127.0.0.3", 0))
        s.settimeout(3)
        try:
            s.connect(("127.0.0.1", port))
            held.append(s)
        except OSError:
            closed += 1
            s.close()
    for s in held:
        s.settimeout(0.05)
        try:
            if s.recv(1) == b"":
                closed += 1
        except socket.timeout:
            pass
        except OSError:
            closed += 1
    for s in held:
        s.close()
    check(f"S14 connections beyond {PER_CLIENT} from one address are closed", closed == 40, f"{closed} closed")


if __name__ == "__main__":
    sys.exit(main())
