"""The hostile-input probe of 2026-11 as a repeatable check of the built jar (run it through hostile.sh).

Every run uses -Xmx256m, so a run that needs more memory fails its check. Each check states its expected outcome:
the exit code, which cases are assessed, and a phrase of each error. The P-numbers are the problem groups of the probe.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

JAR = sys.argv[1]
JAVA = ["java", "-Xmx256m", "-jar", JAR]
WORK = tempfile.mkdtemp(prefix="hostile-")
RESULTS = []
GOOD1 = '{"id": "before", "age": 40, "findings": {"buttock_pain": true}}'
GOOD2 = '{"id": "after", "age": 41, "findings": {"buttock_pain": true}}'
UNSAFE = set(range(0, 32)) - {10} | set(range(0x7F, 0xA0)) | set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) \
    | set(range(0x2066, 0x206A)) | {0x2028, 0x2029, 0xFEFF}


def check(name, ok, detail=""):
    RESULTS.append((name, bool(ok)))
    if not ok:
        print(f"FAIL {name}: {detail}"[:2000], flush=True)


def path(*parts):
    return os.path.join(WORK, *parts)


def write(name, content):
    p = path(name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def run(args, stdin=b"", timeout=180):
    """Runs the jar with args; stdin is bytes or a file path. Returns (rc, out, err, seconds)."""
    started = time.time()
    source = open(stdin, "rb") if isinstance(stdin, str) else None
    try:
        if source is not None:
            p = subprocess.run(JAVA + args, stdin=source, capture_output=True, timeout=timeout, cwd=WORK)
        else:
            p = subprocess.run(JAVA + args, input=stdin, capture_output=True, timeout=timeout, cwd=WORK)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), \
            time.time() - started
    except subprocess.TimeoutExpired:
        return 124, "", "timeout", time.time() - started
    finally:
        if isinstance(stdin, str):
            source.close()


def shell(command, timeout=180):
    """Runs a bash command with $TRIAGE set to the java command. Returns (rc, out, err, seconds)."""
    started = time.time()
    env = dict(os.environ, TRIAGE=" ".join(JAVA))
    try:
        p = subprocess.run(["bash", "-c", command], capture_output=True, timeout=timeout, cwd=WORK, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), \
            time.time() - started
    except subprocess.TimeoutExpired:
        return 124, "", "timeout", time.time() - started


def clean(name, out, err):
    """No stack trace, no raw control character, no internal error."""
    raw = [c for c in out + err if ord(c) in UNSAFE]
    check(name + " (no raw control character)", not raw, repr(raw[:5]))
    check(name + " (no stack trace)", "\tat " not in err and "Exception in thread" not in err
          and "internal error" not in err and "OutOfMemoryError" not in err, err[-500:])


def lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# --- case-level inputs: [before, HOSTILE, after] in one file each, all files in one batch (P1-P4, P9-P11, P15) ----

OK = "ok"


def case(phrase):
    return ("case", phrase)


def whole(phrase):
    return ("file", phrase)


CASES = {
    "c_age_0": ('{"age": 0}', OK),
    "c_age_1000digits": ('{"age": ' + "9" * 1000 + "}", case("age is out of range, was 99999")),
    "c_age_1001digits": ('{"age": ' + "9" * 1001 + "}", case("age is out of range: a number of more than 1000 digits")),
    "c_age_120": ('{"age": 120}', OK),
    "c_age_121": ('{"age": 121}', case("age must be between 0 and 120, was 121")),
    "c_age_1_5": ('{"age": 1.5}', case("age must be a whole number, was 1.5")),
    "c_age_1e400": ('{"age": 1e400}', case("age must be a whole number, was 1e400")),
    "c_age_2p31": ('{"age": 2147483648}', case("age is out of range, was 2147483648")),
    "c_age_2p32p34": ('{"age": 4294967330}', case("age is out of range, was 4294967330")),
    "c_age_34_0": ('{"age": 34.0}', case("age must be a whole number, was 34.0")),
    "c_age_array": ('{"age": [34]}', case("age must be a whole number, was an array")),
    "c_age_big": ('{"age": 99999999999999999999999}', case("age is out of range")),
    "c_age_exp": ('{"age": 3.4e1}', case("was 3.4e1")),
    "c_age_m1": ('{"age": -1}', case("age must be between 0 and 120, was -1")),
    "c_age_missing": ('{"sex": "female"}', case("age is required")),
    "c_age_neg0": ('{"age": -0}', OK),
    "c_age_neg0f": ('{"age": -0.0}', case("age must be a whole number, was -0.0")),
    "c_age_null": ('{"age": null}', case("age is required")),
    "c_age_obj": ('{"age": {"v": 34}}', case("was an object")),
    "c_age_str": ('{"age": "34"}', case("age must be a whole number, was '34'")),
    "c_age_true": ('{"age": true}', case("age must be a whole number, was true")),
    "c_age_twice": ('{"age": 34, "age": 35}', case("duplicate field 'age'")),
    "c_ansi_in_sex": ('{"age": 34, "sex": "\\u001b[31mred"}', case("was '\\u001B[31mred'")),
    "c_ansi_in_unknown_code": ('{"age": 34, "findings": {"\\u001b[2J\\u001b]0;x\\u0007": true}}',
                               case("unknown finding code '\\u001B[2J\\u001B]0;x\\u0007'")),
    "c_ansi_in_unknown_field": ('{"age": 34, "\\u001b[31mred": 1}', case("unknown field '\\u001B[31mred'")),
    "c_case_is_array": ("[1]", case("expected a case object, found an array")),
    "c_case_is_null": ("null", case("expected a case object, found null")),
    "c_case_is_number": ("7", case("expected a case object, found a number")),
    "c_case_is_string": ('"x"', case("expected a case object, found a string")),
    "c_code_1000": ('{"age": 34, "findings": {"' + "k" * 1000 + '": true}}', case("unknown finding code 'kkk")),
    "c_code_camel": ('{"age": 34, "findings": {"saddleNumbness": true}}', case("did you mean 'saddle_numbness'")),
    "c_code_conflict": ('{"age": 34, "findings": {"fever": true, "fever": false}}', case("duplicate field 'findings.fever'")),
    "c_code_fullwidth": ('{"age": 34, "findings": {"\uff46\uff45\uff56\uff45\uff52": true}}',
                         case("FULLWIDTH LATIN SMALL LETTER F, which is not ASCII")),
    "c_code_homoglyph": ('{"age": 34, "findings": {"f\u0435ver": true}}',
                         case("(did you mean 'fever'?) (it holds U+0435 CYRILLIC SMALL LETTER IE, which is not ASCII)")),
    "c_code_hyphen": ('{"age": 34, "findings": {"saddle-numbness": true}}', case("did you mean 'saddle_numbness'")),
    "c_code_space": ('{"age": 34, "findings": {" fever": true}}', case("did you mean 'fever'")),
    "c_code_trailing_space": ('{"age": 34, "findings": {"fever ": true}}', case("did you mean 'fever'")),
    "c_code_upper": ('{"age": 34, "findings": {"FEVER": true}}', case("did you mean 'fever'")),
    "c_code_zwsp": ('{"age": 34, "findings": {"fe\\u200bver": true}}', case("ZERO WIDTH SPACE")),
    "c_deep_99": ('{"age": 34, "extra": ' + "[" * 95 + "]" * 95 + "}", case("unknown field 'extra'")),
    "c_deep_in_case": ('{"age": 34, "x": {"y": {"z": 1}}}', case("unknown field 'x'")),
    "c_dur_huge": ('{"age": 34, "durationDays": 2147483647}',
                   case("durationDays must not be longer than the person has lived (at most 12810 days at age 34)")),
    "c_dur_neg": ('{"age": 34, "durationDays": -1}', case("durationDays must be 0 or more, was -1")),
    "c_dur_overflow": ('{"age": 34, "durationDays": 2147483648}', case("durationDays is out of range")),
    "c_finding_1": ('{"age": 34, "findings": {"fever": 1}}', case("findings.fever must be true or false, was 1")),
    "c_finding_null": ('{"age": 34, "findings": {"fever": null}}', case("leave it out when it was not asked")),
    "c_finding_strtrue": ('{"age": 34, "findings": {"fever": "true"}}', case("was 'true'")),
    "c_finding_yes": ('{"age": 34, "findings": {"fever": "yes"}}', case("was 'yes'")),
    "c_findings_array": ('{"age": 34, "findings": ["fever"]}', case("findings must be an object")),
    "c_findings_array_obj": ('{"age": 34, "findings": [{"fever": true}]}', case("findings must be an object")),
    "c_findings_nested": ('{"age": 34, "findings": {"fever": {"x": true}}}', case("was an object")),
    "c_findings_string": ('{"age": 34, "findings": "fever"}', case("was 'fever'")),
    "c_findings_twice": ('{"age": 34, "findings": {}, "findings": {}}', case("duplicate field 'findings'")),
    "c_id_1000": ('{"id": "' + "i" * 1000 + '", "age": 34}', OK),
    "c_id_1001": ('{"id": "' + "i" * 1001 + '", "age": 34}', case("id is too long: more than 1000 characters")),
    "c_id_ansi": ('{"id": "\\u001b[2J\\u001b]0;x\\u0007", "age": 34}', OK),
    "c_id_bidi": ('{"id": "a\\u202eb", "age": 34}', OK),
    "c_id_c1_csi": ('{"id": "a\\u009b31mb", "age": 34}', OK),
    "c_id_del": ('{"id": "a\\u007fb", "age": 34}', OK),
    "c_id_empty": ('{"id": "", "age": 34}', OK),
    "c_id_html": ('{"id": "<script>alert(1)</script>", "age": 34}', OK),
    "c_id_lone_surrogate": ('{"id": "x\\ud800y", "age": 34}', case("half of a surrogate pair")),
    "c_id_ls": ('{"id": "a\\u2028b", "age": 34}', OK),
    "c_id_newline": ('{"id": "a\\nb", "age": 34}', OK),
    "c_id_number": ('{"id": 42, "age": 34}', case("id must be a string, was 42")),
    "c_id_tab": ('{"id": "a\\tb", "age": 34}', OK),
    "c_key_1001": ('{"age": 34, "' + "k" * 1001 + '": 1}', case("a field name is too long")),
    "c_many_entries": ('{"age": 34, "findings": {' + ", ".join(f'"c{i}": true' for i in range(101)) + "}}",
                       case("findings has more than 100 entries")),
    "c_newline_in_sex": ('{"age": 34, "sex": "fe\\nmale"}', case("was 'fe\\u000Amale'")),
    "c_nulls_everywhere": ('{"id": null, "age": 34, "sex": null, "pregnant": null, "durationDays": null, '
                           '"painScore": null, "findings": null}', OK),
    "c_pain_11": ('{"age": 34, "painScore": 11}', case("painScore must be between 0 and 10, was 11")),
    "c_pain_frac": ('{"age": 34, "painScore": 7.5}', case("painScore must be a whole number, was 7.5")),
    "c_pain_m1": ('{"age": 34, "painScore": -1}', case("painScore must be between 0 and 10, was -1")),
    "c_preg_age120": ('{"age": 120, "sex": "female", "pregnant": true}', case("pregnant must not be true at age 120")),
    "c_preg_age5": ('{"age": 5, "pregnant": true}', case("pregnant must not be true at age 5")),
    "c_preg_male": ('{"age": 34, "sex": "male", "pregnant": true}', case("pregnant must not be true when sex is male")),
    "c_preg_nosex": ('{"age": 34, "pregnant": true}', OK),  # declined: sex not given is not implausible
    "c_preg_str": ('{"age": 34, "pregnant": "yes"}', case("pregnant must be true or false, was 'yes'")),
    "c_sex_f": ('{"age": 34, "sex": "f"}', case("was 'f' (did you mean 'female'?)")),
    "c_sex_unknown": ('{"age": 34, "sex": "woman"}', case("was 'woman'")),
    "c_sex_upper": ('{"age": 34, "sex": "Female"}', case("was 'Female' (did you mean 'female'?)")),
    "c_unknown_code": ('{"age": 34, "findings": {"feverr": true}}', case("did you mean 'fever'")),
    "c_unknown_field": ('{"age": 34, "name": "x"}', case("unknown field 'name'")),
    "c_unknown_field_typo": ('{"age": 34, "durationDay": 3}', case("did you mean 'durationDays'")),
    "x_101_fields": ('{"age": 34, ' + ", ".join(f'"f{i}": 1' for i in range(101)) + "}", case("more than 100 entries")),
    "x_above_10ffff": (b'{"id": "\xf4\x90\x80\x80", "age": 34}', whole("not valid UTF-8 at byte offset")),
    "x_bool_sex": ('{"age": 34, "sex": true}', case("sex must be a string, was true")),
    "x_cesu_surrogate": (b'{"id": "\xed\xa0\x80", "age": 34}', whole("not valid UTF-8 at byte offset")),
    "x_deep_longkeys": ("".join('{"' + "k" * 9990 + '": ' for _ in range(100)) + "1" + "}" * 100,
                        whole("nested too deeply")),
    "x_emoji_id_600": ('{"id": "' + "\U0001F600" * 600 + '", "age": 34}', OK),
    "x_escaped_key": ('{"\\u0061ge": 34}', OK),
    "x_findings_100_dupes": ('{"age": 34, "findings": {' + ", ".join(['"fever": true'] * 100) + "}}",
                             case("duplicate field 'findings.fever'")),
    "x_findings_empty": ('{"age": 34, "findings": {}}', OK),
    "x_hex": ('{"age": 0x22}', whole("malformed JSON")),
    "x_leading_zero": ('{"age": 034}', whole("Leading zeroes not allowed")),
    "x_neg_int_pain": ('{"age": 34, "painScore": -0}', OK),
    "x_overlong_code": (b'{"age": 34, "findings": {"\xc1\xa6ever": true}}', whole("not valid UTF-8 at byte offset")),
    "x_overlong_quote": (b'{"id": "a\xc0\xa2, "age": 34}', whole("not valid UTF-8 at byte offset")),
    "x_plus": ('{"age": +34}', whole("a number must not start with '+' in JSON")),
    "x_pregnant_false_male": ('{"age": 34, "sex": "male", "pregnant": false}', OK),
    "x_same_prefix_long_keys": ('{"age": 34, "' + "k" * 1001 + '": 1, "' + "k" * 1002 + '": 2}',
                                case("a field name is too long")),
    "x_upper_E": ('{"age": 1E2}', case("age must be a whole number, was 1E2")),
}


def case_level():
    files = {}
    for name, (hostile, _) in CASES.items():
        middle = hostile if isinstance(hostile, bytes) else hostile.encode("utf-8")
        files[name] = write("cases/" + name + ".json", b"[" + GOOD1.encode() + b", " + middle + b", "
                            + GOOD2.encode() + b"]")
    rc, out, err, seconds = run(["assess", "--json", "--no-next-questions"] + list(files.values()))
    check("case batch exit code 1 (some rejected, the rest assessed)", rc == 1, f"rc {rc} {err[-300:]}")
    clean("case batch", out, err)
    by_input = {}
    for line in lines(out):
        by_input[line["input"]] = line
    for name, (_, expected) in CASES.items():
        f = files[name]
        got = {k: v for k, v in by_input.items() if k == f or k.startswith(f + "[")}
        if expected == OK:
            check(name, len(got) == 3 and all("error" not in v for v in got.values()), json.dumps(got)[:600])
        elif expected[0] == "case":
            check(name, len(got) == 3 and "error" not in got.get(f + "[0]", {"error": 1})
                  and "error" not in got.get(f + "[2]", {"error": 1})
                  and expected[1] in got.get(f + "[1]", {}).get("error", ""), json.dumps(got)[:600])
        else:
            check(name, len(got) == 1 and expected[1] in got.get(f, {}).get("error", ""), json.dumps(got)[:600])
    rejected = sum(1 for _, e in CASES.values() if e != OK)
    rc, out, err, seconds = run(["assess", "--report"] + list(files.values()))
    check("case batch as a report: one NOT ASSESSED per bad case", rc == 1 and sum(
        1 for line in out.splitlines() if line.startswith("NOT ASSESSED")) == rejected, f"rc {rc}")
    clean("case batch as a report", out, err)


# --- file-level inputs, each between two good files, in one batch (P1, P9, P10, notes) -----------------------------

def file_level():
    files = {
        "big50m": (b"[" + GOOD1.encode() + b" " * (50 << 20) + b"]", whole("larger than the limit of 4 MiB")),
        "big5m": (b"[" + GOOD1.encode() + b" " * (5 << 20) + b"]", whole("larger than the limit of 4 MiB")),
        "exact4m": (GOOD1.encode() + b" " * ((4 << 20) - len(GOOD1)), OK),
        "exact4m_plus1": (GOOD1.encode() + b" " * ((4 << 20) - len(GOOD1) + 1), whole("larger than the limit")),
        "f_bad_utf8_id": (b'{"id": "\xff", "age": 34}', whole("not valid UTF-8 at byte offset 8")),
        "f_bad_utf8_overlong": (b'{"id": "\xc0\xaf", "age": 34}', whole("not valid UTF-8 at byte offset 8")),
        "f_bom": (b"\xef\xbb\xbf" + GOOD1.encode(), OK),
        "f_bom_only": (b"\xef\xbb\xbf", whole("the file is empty")),
        "f_comments": ('{"id": "x", // c\n "age": 34}', whole("comments are not allowed in JSON")),
        "f_empty": (b"", whole("the file is empty")),
        "f_empty_array": ("[]", whole("the file holds an empty array")),
        "f_empty_object": ("{}", whole("age is required")),
        "f_inf": ('{"age": Infinity}', whole("'Infinity' is not a JSON value")),
        "f_latin1": ('{"id": "caf\xe9", "age": 34}'.encode("latin-1"), whole("not valid UTF-8")),
        "f_nan": ('{"age": NaN}', whole("'NaN' is not a JSON value")),
        "f_neg_inf": ('{"age": -Infinity}', whole("is not a JSON value")),
        "f_nul_between_tokens": (b'{"id": "x",\x00 "age": 34}', whole("malformed JSON")),
        "f_nul_file": (b"\x00" * 64, whole(": ")),
        "f_nul_in_id": (b'{"id": "a\x00b", "age": 34}', whole("malformed JSON")),
        "f_single_quotes": ("{'age': 34}", whole("malformed JSON")),
        "f_stray_brace": (GOOD1 + "}", whole("unexpected content after the case")),
        "f_top_null": ("null", whole("found null")),
        "f_top_number": ("7", whole("found a number")),
        "f_top_string": ('"x"', whole("found a string")),
        "f_trailing_comma": ('{"age": 34,}', whole("malformed JSON")),
        "f_trunc": ('{"age": 34, "findings": {"fever": fa', whole("malformed JSON")),
        "f_trunc_arr": ("[" + GOOD1 + ', {"age": 3', whole("malformed JSON")),
        "f_two_objects": (GOOD1 + GOOD2, whole("unexpected content after the case")),
        "f_two_objects_nl": (GOOD1 + "\n" + GOOD2, whole("unexpected content after the case at line 2")),
        "f_utf16be_nobom": (GOOD1.encode("utf-16-be"), OK),
        "f_utf16le_bom": (b"\xff\xfe" + GOOD1.encode("utf-16-le"), OK),
        "f_utf32": (GOOD1.encode("utf-32-be"), OK),
        "f_ws": (" \n\t ", whole("the file is empty")),
        "deep10k_arr": ("[" * 10000 + "]" * 10000, whole("nested too deeply")),
        "deep10k_in_case": ('{"age": 34, "findings": ' + "[" * 10000 + "]" * 10000 + "}", whole("nested too deeply")),
        "deep1m": ("[" * 1000000, whole("nested too deeply")),
        "deep_obj_10k": ('{"a": ' * 10000 + "1" + "}" * 10000, whole("nested too deeply")),
        "longfields_4m": ("[" + ", ".join('{"age": 34, "' + "f%04d" % i + "x" * 995 + '": 1}' for i in range(4064))
                          + "]", ("count", 4064)),
        "longcodes_4m": ("[" + ", ".join('{"age": 34, "findings": {"' + "c%04d" % i + "y" * 995 + '": true}}'
                                         for i in range(3900)) + "]", ("count", 3900)),
    }
    args, names = [], {}
    good1, good2 = write("files/good1.json", GOOD1), write("files/good2.json", GOOD2)
    for name, (content, expected) in files.items():
        f = write("files/" + name + ".json", content)
        names[f] = (name, expected)
        args += [good1, f]
    for device, expected in [("/dev/null", whole("the file is empty")), ("/dev/zero", whole("larger than the limit")),
                             ("/dev/urandom", whole("larger than the limit")), ("/proc/self/mem", whole("cannot be read"))]:
        names[device] = (device, expected)
        args += [good1, device]
    args.append(good2)
    rc, out, err, seconds = run(["assess", "--json", "--no-next-questions"] + args)
    check("file batch exit code 1", rc == 1, f"rc {rc} {err[-300:]}")
    clean("file batch", out, err)
    got = lines(out)
    check("file batch: every good file assessed", sum(1 for line in got if line["input"] in (good1, good2)
                                                      and "error" not in line) == len(names) + 1)
    for f, (name, expected) in names.items():
        mine = [line for line in got if line["input"] == f or line["input"].startswith(f + "[")]
        if expected == OK:
            check(name, mine and all("error" not in line for line in mine), json.dumps(mine)[:600])
        elif expected[0] == "count":  # P1: at most 100 errors and a count, P12: cheap suggestions
            check(name + " (first 100 errors and a count)", len(mine) == 101 and f"{expected[1] - 100} more cases of this input"
                  in mine[-1].get("error", ""), json.dumps(mine[-1:])[:600])
        else:
            check(name, len(mine) == 1 and expected[1] in mine[0].get("error", ""), json.dumps(mine)[:600])
    check("file batch within 120 s (long unknown codes cost no Levenshtein flood, P12)", seconds < 120, f"{seconds:.0f} s")


# --- single runs ---------------------------------------------------------------------------------------------------

def expect(name, result, rc, out_has=(), err_has=(), out_lacks=(), err_lacks=()):
    code, out, err, seconds = result
    check(name, code == rc and all(s in out for s in out_has) and all(s in err for s in err_has)
          and not any(s in out for s in out_lacks) and not any(s in err for s in err_lacks),
          f"rc {code} (expected {rc}) {seconds:.1f} s\n--- out: {out[:400]!r}\n--- err: {err[:600]!r}")
    clean(name, out, err)
    return result


def memory_and_batches():
    ones = write("big/ones.json", "[" + ",".join(["1"] * 2097151) + "]")
    good1, good2 = write("big/good1.json", GOOD1), write("big/good2.json", GOOD2)
    r = expect("ones_4m_x256_batch (P1: 2M rejections in 256 MiB, the next file assessed)",
               run(["assess", "--json", "--no-next-questions", good1, ones, good2]), 1,
               out_has=['"input":"' + good2 + '"', "2097051 more cases of this input could not be assessed"],
               err_has=["2097151 of 2097153 cases could not be assessed"])
    check("ones_4m_x256_batch output bounded (102 lines)", len(r[1].splitlines()) == 103, str(len(r[1].splitlines())))
    expect("ones_4m one line per case", run(["assess", ones]), 1, out_has=["2097051 more cases"])
    deep = os.path.join("long", *(["d" * 200] * 15))
    os.makedirs(path(deep))
    longpath = path(deep, "ones.json")
    shutil.copy(ones, longpath)
    expect("longpath_ones (P1: a 3,000-character path)", run(["assess", "--json", "--no-next-questions", longpath]), 1,
           out_has=["2097051 more cases"])
    empties = write("big/empties.json", "[" + ",".join(["{}"] * 1398100) + "]")
    expect("empties_4m_x256 (P1)", run(["assess", "--json", "--no-next-questions", empties, good2]), 1,
           out_has=["1398000 more cases", '"input":"' + good2 + '"'])
    valid = write("big/cases100k.json", "[" + ",".join('{"id":"c%d","age":%d}' % (i, i % 100)
                                                       for i in range(100000)) + "]")
    expect("cases100k_x256 (100,000 valid cases in 256 MiB)", run(["assess", "--json", "--no-next-questions", valid],
                                                                   timeout=600), 0, out_has=['"id":"c99999"'])
    r = expect("stdout_pipe_head (P16: a closed pipe stops the batch at once, exit 4)", shell(
        '$TRIAGE assess --json --no-next-questions big/cases100k.json | head -c 100 >/dev/null; '
        'echo "rc=${PIPESTATUS[0]}" >&2'), 0, err_has=["rc=4", "cannot write to standard output"])
    check("stdout_pipe_head stops within 20 s", r[3] < 20, f"{r[3]:.1f} s")


def outputs_and_paths():
    good1, good2 = write("p/good1.json", GOOD1), write("p/good2.json", GOOD2)
    expect("stdout_full (P6: disk full is exit 4 with a message)",
           shell(f"$TRIAGE assess --json {good1} {good2} > /dev/full"), 4,
           err_has=["cannot write to standard output"])
    expect("stdout_closed (P6)", shell(f"$TRIAGE assess --json {good1} >&-"), 4, err_has=["cannot write"])
    expect("interview > /dev/full (P6)", shell("printf '34\\nq\\n' | $TRIAGE interview > /dev/full"), 4,
           err_has=["cannot write to standard output"])
    expect("empty_path (P8)", run(["assess", ""]), 2, err_has=["a PATH is empty"])
    expect("blank_path (P8)", run(["assess", " "]), 2, err_has=["a PATH is empty"])
    expect("nonexist", run(["assess", "/nonexistent/x.json", good1]), 2, err_has=["no such file or folder"])
    expect("nonexist_esc (P4: usage errors escaped)", run(["assess", "/no\x1b]0;pwned\x07\x1b[2Jx.json"]), 2,
           err_has=["/no\\u001B]0;pwned\\u0007\\u001B[2Jx.json"])
    expect("unknown_opt_esc (P4)", run(["assess", "--jsn\x1b[2J", good1]), 2, err_has=["\\u001B[2J"])
    expect("no_args", run(["assess"]), 2, err_has=["Missing required parameter"])
    expect("no_cmd", run([]), 2, err_has=["missing command"])
    expect("unknown_opt", run(["assess", "--jsn", good1]), 2, err_has=["Unknown option"])
    expect("policy_bad", run(["assess", "--bilateral-policy", "maybe", good1]), 2, err_has=["expected one of"])
    expect("policy_upper", run(["assess", "--bilateral-policy", "URGENT", good1]), 0)
    os.makedirs(path("dir_empty"))
    expect("dir_empty", run(["assess", "dir_empty"]), 2, err_has=["holds no .json case file"])
    write("dir_nonjson/a.txt", "x")
    expect("dir_nonjson", run(["assess", "dir_nonjson"]), 2, err_has=["holds no .json case file"])
    write("dir_loop/good.json", GOOD1)
    for n in ("a", "b"):
        os.symlink("loop_" + n + ".json", path("dir_loop", "loop_" + n + ".json"))
    os.symlink("loop_y.json", path("dir_loop", "loop_x.json"))
    os.symlink("loop_x.json", path("dir_loop", "loop_y.json"))
    expect("dir_loop (P7: every skipped entry named, exit 1)", run(["assess", "--json", "dir_loop"]), 1,
           out_has=["loop_a.json: a loop of symbolic links", "loop_x.json: a loop of symbolic links"])
    expect("loop_direct (P7)", run(["assess", "dir_loop/loop_a.json"]), 2, err_has=["a loop of symbolic links"])
    write("dir_mixed/good.json", GOOD1)
    write("dir_mixed/UPPER.JSON", GOOD2)
    write("dir_mixed/empty.json", "")
    os.makedirs(path("dir_mixed/subdir.json"))
    os.mkfifo(path("dir_mixed/fifo.json"))
    os.symlink("/nonexistent/x.json", path("dir_mixed/dangling.json"))
    os.symlink("/dev/zero", path("dir_mixed/zero.json"))
    write("dir_mixed/esc\x1b[31m.json", "{\"age\": 300}")
    write("dir_mixed/new\nline.json", GOOD2)
    expect("dir_mixed (P7, P4)", run(["assess", "--json", "--no-next-questions", "dir_mixed"], timeout=60), 1,
           out_has=["subdir.json: a folder, not a case file", "fifo.json: not a regular file",
                    "dangling.json: a symbolic link to a file that does not exist", "zero.json: not a regular file",
                    "esc\\\\u001B[31m.json: age must be between", "UPPER.JSON", "new\\nline.json"])
    expect("dir_mixed_report (P7, P4)", run(["assess", "dir_mixed"], timeout=60), 1,
           out_has=["esc\\u001B[31m.json", "new\\u000Aline.json"])
    os.mkfifo(path("fifo_direct.json"))
    expect("fifo_direct with a writer (a pipe named on the command line is read, as for <(...))",
           shell(f"(cat {good1} > fifo_direct.json &); $TRIAGE assess --json fifo_direct.json", timeout=60), 0,
           out_has=['"id":"before"'])
    expect("stdin_good", run(["assess", "--json", "-"], stdin=GOOD1.encode()), 0, out_has=['"id":"before"'])
    expect("stdin_empty", run(["assess", "--json", "-"]), 1, out_has=["the file is empty"])
    expect("stdin_zero", run(["assess", "--json", "-"], stdin="/dev/zero"), 1, out_has=["larger than the limit"])
    big = write("p/big50m.json", b" " * (50 << 20))
    expect("stdin_big50m", run(["assess", "--json", "-"], stdin=big), 1, out_has=["larger than the limit"])
    expect("stdin_dir", shell("$TRIAGE assess --json - < dir_empty"), 1, out_has=["cannot be read"])
    expect("stdin_twice", run(["assess", "-", "-"]), 2, err_has=["can be read only once"])
    expect("stdin_closed (declined: the JVM reads its own modules file as fd 0; the error is still honest)",
           shell(f"$TRIAGE assess --json - {good2} <&-"), 1, out_has=['"id":"after"'])
    if os.geteuid() == 0 and shutil.which("setpriv"):
        write("dir_perm/a_good.json", GOOD1)
        denied = write("dir_perm/b_denied\x1b]0;pwned\x07.json", GOOD2)
        os.chmod(denied, 0)
        os.makedirs(path("dir_noaccess"))
        os.chmod(path("dir_noaccess"), 0)
        os.chmod(WORK, 0o755)
        nobody = f"setpriv --reuid=65534 --regid=65534 --clear-groups {' '.join(JAVA)}"
        expect("perm_report (P4, P10: the reason, escaped)", shell(f"{nobody} assess dir_perm"), 1,
               out_has=["cannot be read: permission denied", "b_denied\\u001B]0;pwned\\u0007.json"])
        expect("perm_noaccess (P10)", shell(f"{nobody} assess dir_noaccess"), 2,
               err_has=["cannot list folder dir_noaccess: permission denied"])


def rules():
    good = write("r/good.json", GOOD1)
    head = "package t;\nimport health.triage.*;\nimport health.triage.facts.*;\n"
    write("rules_loop/loop.drl", head + 'rule "Self-care"\n @id(T-01) @source("t")\nwhen\nthen\n'
          '  insert( new Urgency( Disposition.SELF_CARE ) );\nend\n'
          'rule "Each urgency again"\n @id(T-02) @source("t")\nwhen\n  Urgency()\nthen\n'
          '  insert( new Urgency( Disposition.SELF_CARE ) );\nend\n')
    expect("rules_loop (P17: a looping rule is stopped and named, exit 3)",
           run(["assess", "--json", "--rules", "rules_loop", good], timeout=60), 3,
           err_has=["the rule base loops", "rule T-02"])
    write("rules_stage/stage.drl", head + 'rule "Self-care"\n @id(T-01) @source("t")\nwhen\nthen\n'
          '  insert( new Urgency( Disposition.SELF_CARE ) );\nend\n'
          'rule "Fever"\n @id(T-02) @source("t")\n ruleflow-group "findings"\nwhen\n'
          '  Answer( finding == Finding.FEVER, present )\nthen\n  insert( new Urgency( Disposition.URGENT ) );\nend\n')
    expect("rules_stage (P17: a rule in no stage is a build error)",
           run(["assess", "--rules", "rules_stage", good]), 3, err_has=['in ruleflow-group "findings", which is not a stage'])
    write("rules_syntax/bad.drl", head + 'rule "x"\nwhen\n  Answer( finding == \nthen\nend\n')
    expect("rules_syntax", run(["assess", "--rules", "rules_syntax", good]), 3, err_has=["the rule base cannot be used"])
    expect("rules_none", run(["assess", "--rules", "/nonexistent", good]), 2, err_has=["does not exist"])
    expect("rules_devnull", run(["assess", "--rules", "/dev/null", good]), 2, err_has=["is not a folder"])


def rulebook():
    write("rb/cases/good.json", GOOD1)
    write("rb/cases/hostile.json", json.dumps({"id": "ces\n\n# FAKE HEADING: all cases SELF_CARE\n\n"
                                               "[click me](javascript:alert(3))<script>\x1b[2J", "age": 45,
                                               "findings": {"saddle_numbness": True}}))
    expect("rb_md (P4: ids are literal Markdown)", run(["rulebook", "--cases", "rb/cases"]), 0,
           out_lacks=["\n# FAKE", "[click me](javascript", "<script>"], out_has=["\\# FAKE HEADING"])
    expect("rb_html (P4)", run(["rulebook", "--format", "html", "--cases", "rb/cases"]), 0,
           out_lacks=["<script>"], out_has=["\\u001B[2J"])
    os.makedirs(path("rb/fifo"))
    os.mkfifo(path("rb/fifo/fifo.json"))
    expect("rb_fifo (P5: no hang; the entry named)", run(["rulebook", "--cases", "rb/fifo", "-o", "rb/f.md"],
                                                          timeout=60), 1, err_has=["fifo.json: not a regular file"])
    os.makedirs(path("rb/zero"))
    os.symlink("/dev/zero", path("rb/zero/zero.json"))
    expect("rb_zero (P5)", run(["rulebook", "--cases", "rb/zero", "-o", "rb/z.md"], timeout=60), 1,
           err_has=["zero.json: not a regular file"])
    os.makedirs(path("rb/dir/sub.json"))
    expect("rb_dir (P5: the entry is named, not the output)", run(["rulebook", "--cases", "rb/dir", "-o", "rb/d.md"]), 1,
           err_has=["sub.json: a folder, not a case file"], err_lacks=["cannot write"])
    write("rb/big/big.json", b"[" + GOOD1.encode() + b" " * (50 << 20) + b"]")
    expect("rb_big (P5: read bounded, named)", run(["rulebook", "--cases", "rb/big", "-o", "rb/b.md"]), 1,
           err_has=["big.json: the file is larger than the limit"])


def interview():
    def iv(name, stdin, rc, **kw):
        return expect(name, run(["interview"], stdin=stdin, timeout=120), rc, **kw)

    iv("i_devzero (P2: no OOM, no report)", "/dev/zero", 1, err_has=["control byte 0x00"], out_lacks=["DISPOSITION"])
    iv("i_devurandom (P3: no made-up report)", "/dev/urandom", 1, err_has=["stopped without an assessment"],
       out_lacks=["DISPOSITION"])
    expect("interview_closed_stdin (P3)", shell("$TRIAGE interview <&-"), 1, err_has=["stopped without an assessment"],
           out_lacks=["DISPOSITION"])
    iv("i_urandom2m (P3)", os.urandom(2 << 20), 1, out_lacks=["DISPOSITION"])
    iv("i_many_invalid (P3: 10 tries)", b"34\n" + b"maybe\n" * 2000000, 1,
       err_has=["the same question was asked 10 times in a row"], out_lacks=["DISPOSITION"])
    iv("i_million_x_age (P2)", b"x" * 1000000 + b"\n", 1, err_has=["a line of more than 65536 bytes"])
    iv("i_ansi (P4: BEL is not typed; nothing raw echoed)", b"\x1b]0;pwned\x07\x1b[2J\n34\n", 1,
       err_has=["control byte 0x07"])
    iv("i_ansi_echo (P4)", "\x1b[2J\x1b[31mred\u202e\nq\n".encode(), 1, out_has=["\\u001B[2J\\u001B[31mred\\u202E"])
    iv("i_nul", b"3\x004\n", 1, err_has=["control byte 0x00"])
    iv("i_bad_utf8 (P9)", b"\xc1\xa6\n", 1, err_has=["not valid UTF-8 at byte offset 0"])
    iv("i_c1 (answer with C1 controls is not understood, shown escaped)", "\u009b34\nq\n".encode(), 1,
       out_has=["\\u009B34"])
    iv("i_eof0", b"", 1, out_has=["before the age was given"])
    iv("i_eof_after_age (P10: the age is kept)", b"34\n", 0, out_has=["age 34", "stopped after 0 screens"])
    iv("i_eof_after_sex (P10)", b"34\nf\n", 0, out_has=["age 34, female", "stopped after 0 screens"])
    iv("i_eof_after_preg (P10)", b"34\nf\nn\n", 0, out_has=["not pregnant", "stopped after 0 screens"])
    iv("i_q_age", b"q\n", 1, out_has=["before the age was given"])
    iv("i_age_arabic_digits (P15: any script's digits, age and duration)", "\u0663\u0664\n\n\u0661\u0660\nq\n".encode(), 0,
       out_has=["age 34", "symptoms for 10 days"])
    iv("i_dur_huge_weeks (P15)", b"34\n\n999999w\nq\n", 0,
       out_has=["must not be longer than the person has lived", "duration not given"])
    # a list screen is answered by the numbers ticked: tick the first item of the first list (the emergency screen)
    iv("i_all_yes", b"34\n\n10\n" + b"1\n" * 60, 0, out_has=["EMERGENCY"])
    existing = write("iv/existing.json", '{"age": 50}')
    expect("i_save_overwrite (P13)", run(["interview", "--save", existing], stdin=b"34\n"), 2,
           err_has=["already exists"])
    check("i_save_overwrite keeps the file", open(existing).read() == '{"age": 50}')
    expect("i_save_nodir (P10)", run(["interview", "--save", "/nonexistent/x.json"], stdin=b"34\nq\n"), 1,
           err_has=["cannot write /nonexistent/x.json: no such file or folder"])
    expect("i_save_esc (P4)", run(["interview", "--save", "/nonexistent/\x1b]0;pwned\x07.json"], stdin=b"34\nq\n"), 1,
           err_has=["\\u001B]0;pwned\\u0007.json"])
    expect("i_save_devfull", run(["interview", "--save", "/dev/full"], stdin=b"34\nq\n"), 2, err_has=["already exists"])
    expect("i_stdin_dir", shell("$TRIAGE interview < dir_empty"), 1, err_has=["standard input cannot be read"])


def logging():
    secret = write("log/secret.json", '[{"id": "s", "age": 77, "durationDays": 333, "painScore": 9, '
                                      '"findings": {"night_sweats": true}}]')
    expect("log_default (no case content in the default logs)", run(["assess", "--json", "--no-next-questions", secret]),
           0, err_lacks=["77", "night_sweats"])
    config = write("log/trace.xml", '<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender">'
                                    '<target>System.err</target><encoder><pattern>%msg%n</pattern></encoder>'
                                    '</appender><root level="TRACE"><appender-ref ref="E"/></root></configuration>')
    p = subprocess.run(["java", "-Xmx256m", "-Dlogback.debug=true", "-jar", JAR, "assess", "--json",
                        "--no-next-questions", secret], capture_output=True, cwd=WORK, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    check("log_logback_debug: stdout is JSON Lines only", p.returncode == 0 and all(
        line.startswith("{") for line in out.splitlines() if line), out[:300])
    p = subprocess.run(["java", "-Xmx256m", "-Dlogback.configurationFile=" + config, "-jar", JAR, "assess", "--json",
                        "--no-next-questions", secret], capture_output=True, cwd=WORK, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    check("log_root_trace (P14: facts never show answers)", p.returncode == 0 and "age=77" not in err
          and "present=true" not in err and "durationDays=333" not in err, f"{len(err)} chars")


def main():
    print(f"hostile.sh: {JAR}, every run with -Xmx256m, scratch folder {WORK}", flush=True)
    try:
        for part in (case_level, file_level, memory_and_batches, outputs_and_paths, rules, rulebook, interview, logging):
            started = time.time()
            part()
            print(f"  {part.__name__}: {time.time() - started:.0f} s", flush=True)
    finally:
        for root, dirs, _ in os.walk(WORK):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(WORK, ignore_errors=True)
    failed = [name for name, ok in RESULTS if not ok]
    print(f"hostile.sh: {len(RESULTS) - len(failed)} of {len(RESULTS)} checks passed"
          + ("" if not failed else f"; {len(failed)} failed: " + ", ".join(failed[:10])))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
