#!/usr/bin/env python3
"""Writes N mixed GS1 inputs, one a line, for the `zhiyou gs1 check` benchmark.

Deterministic (fixed seed): the same N always gives the same file. About 55 % are valid;
the rest carry one realistic mistake each (check digit, date, length, character set, unknown
AI, missing or forbidden association, key qualifier order, scheme, no AI at all). Forms:
bracketed `(01)…`, raw scanner data with GS (0x1D) separators and an optional symbology
identifier, and GS1 Digital Link URIs. About 5 % of the lines also carry a country code
(AI 422 beside a GTIN, 4307 beside an SSCC), listed or not; those come from a second random
stream, so the other lines are the same as before code lists were checked.

Usage: gs1_inputs.py N > inputs.txt
"""
import random
import sys

GS = "\x1d"
CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
SAFE = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-"
STEMS = ["https://id.gs1.org", "https://example.com", "http://nb.example.cn/dl",
         "https://brand.example.com/some/path"]


def check_digit(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        total += int(c) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def key(rng, n):
    body = "".join(rng.choice("0123456789") for _ in range(n - 1))
    return body + check_digit(body)


def date(rng):
    return "%02d%02d%02d" % (rng.randint(0, 49), rng.randint(1, 12), rng.randint(0, 28))


def text(rng, lo, hi, alphabet=SAFE):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def trade_item(rng):
    """A valid list of (ai, value) for a trade item, key first."""
    ais = [("01", key(rng, 14))]
    if rng.random() < 0.7:
        ais.append(("10", text(rng, 1, 20, SAFE if rng.random() < 0.8 else CSET82)))
    if rng.random() < 0.6:
        ais.append(("21", text(rng, 1, 20)))
    if rng.random() < 0.5:
        ais.append(("17", date(rng)))
    if rng.random() < 0.2:
        ais.append(("11", date(rng)))
    if rng.random() < 0.15:
        ais.append(("310%d" % rng.randint(0, 5), "%06d" % rng.randint(0, 999999)))
    if rng.random() < 0.1:
        ais.append(("30", str(rng.randint(1, 99999999))))
    return ais


def logistic(rng):
    if rng.random() < 0.5:
        return [("00", key(rng, 18))] + ([("400", text(rng, 1, 30))] if rng.random() < 0.5 else [])
    return [("00", key(rng, 18)), ("02", key(rng, 14)), ("37", str(rng.randint(1, 9999)))]


def other_keys(rng):
    choice = rng.randrange(4)
    if choice == 0:
        return [("414", key(rng, 13))] + ([("254", text(rng, 1, 20))] if rng.random() < 0.5 else [])
    if choice == 1:
        return [("8004", key(rng, 13)[:4] + text(rng, 1, 20))]
    if choice == 2:
        return [("253", key(rng, 13) + text(rng, 0, 17))]
    return [("8003", "0" + key(rng, 13) + text(rng, 0, 16))]


def valid_data(rng):
    r = rng.random()
    return trade_item(rng) if r < 0.75 else logistic(rng) if r < 0.9 else other_keys(rng)


COUNTRIES = ["156", "276", "840", "392", "999", "000", "158", "901"]
ALPHA2 = ["CN", "DE", "US", "JP", "ZZ", "EU", "cn", "UK"]


def with_country(rng, ais):
    """Adds a country code (valid or not) to a GTIN's or an SSCC's data."""
    if ais and ais[0][0] == "01":
        return ais + [("422", rng.choice(COUNTRIES))]
    if ais and ais[0][0] == "00":
        return ais + [("4307", rng.choice(ALPHA2))]
    return ais


def spoil(rng, ais):
    """One realistic mistake; returns the spoiled list."""
    ais = list(ais)
    kind = rng.randrange(8)
    i = rng.randrange(len(ais))
    ai, value = ais[i]
    if kind == 0 and ai in ("01", "00", "02", "414"):  # wrong check digit
        ais[i] = (ai, value[:-1] + str((int(value[-1]) + rng.randint(1, 9)) % 10))
    elif kind == 1:  # a bad date
        ais.append(("17", "%02d%02d%02d" % (rng.randint(0, 99), rng.choice([0, 13, 19]), 1)))
    elif kind == 2:  # too long
        ais[i] = (ai, value + "1234567890123456789012345678901")
    elif kind == 3 and not ai.startswith("31"):  # a character outside the set
        ais[i] = (ai, value[:-1] + rng.choice(" #~^é"))
    elif kind == 4:  # an AI GS1 has not defined
        ais.append((rng.choice(["23", "40", "9010", "7299", "4320"]), "1234"))
    elif kind == 5:  # a requisite missing: a lot without its GTIN
        ais = [(a, v) for a, v in ais if a not in ("01", "02", "8006", "8026")] + [("10", "LOT1")]
    elif kind == 6:  # a forbidden pair
        ais.append(("02", key(rng, 14)))
    else:  # a numeric value with a letter
        ais[i] = (ai, value[:-1] + "X") if value.isdigit() else (ai, value)
        if value.isdigit() is False:
            ais[i] = ("01", "1234567890123X")
    return ais


def predefined(ai):
    return ai[:2] in ("00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17",
                      "18", "19", "20", "31", "32", "33", "34", "35", "36", "41")


def bracketed(ais):
    return "".join("(%s)%s" % (a, v.replace("(", "\\(")) for a, v in ais)


def raw(rng, ais):
    out = rng.choice(["", "", "]d2", "]Q3", "]C1", GS])
    for n, (a, v) in enumerate(ais):
        out += a + v
        if n + 1 < len(ais) and not predefined(a):
            out += GS
    return out


def pct(v, query):
    out = []
    for ch in v:
        if ch.isalnum() and ch.isascii() or ch in "-._~":
            out.append(ch)
        else:
            out.append("%%%02X" % ord(ch))
    return "".join(out)


QUALS = {"01": ["22", "10", "21"], "414": ["254"], "00": [], "8004": [], "253": [], "8003": []}


def uri(rng, ais):
    stem = rng.choice(STEMS)
    k, kv = ais[0]
    quals = QUALS.get(k, [])
    path = [(a, v) for a, v in ais[1:] if a in quals]
    query = [(a, v) for a, v in ais[1:] if a not in quals]
    if rng.random() < 0.03 and len(path) > 1:
        path.reverse()  # qualifiers out of order
    s = stem + "/%s/%s" % (k, pct(kv, False))
    s += "".join("/%s/%s" % (a, pct(v, False)) for a, v in path)
    params = ["%s=%s" % (a, pct(v, True)) for a, v in query]
    if rng.random() < 0.1:
        params.append("linkType=gs1:pip")
    if params:
        s += "?" + "&".join(params)
    if rng.random() < 0.02:
        s = rng.choice(["ftp", "urn", "mailto"]) + s[s.index(":"):]
    return s


def noise(rng):
    return rng.choice(["hello world", "ABC123", "条码 6901234567892", "GTIN: 09506000134352",
                       "{\"01\":\"09506000134352\"}", "(01)", "()", "(1)23", "]X0123"])


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    rng = random.Random(20261122)
    countries = random.Random(3166)
    out = sys.stdout
    lines = []
    for _ in range(n):
        r = rng.random()
        if r < 0.01:
            lines.append(noise(rng))
            continue
        ais = valid_data(rng)
        if rng.random() < 0.45:
            ais = spoil(rng, ais)
        if not ais:
            ais = [("10", "X")]
        if countries.random() < 0.05:
            ais = with_country(countries, ais)
        form = rng.random()
        if form < 0.4:
            lines.append(bracketed(ais))
        elif form < 0.7:
            lines.append(raw(rng, ais))
        else:
            lines.append(uri(rng, ais))
        if len(lines) >= 10000:
            out.write("\n".join(lines) + "\n")
            lines = []
    if lines:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
