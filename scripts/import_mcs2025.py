#!/usr/bin/env python3
"""Convert the project's USGS MCS 2025 extracts into the knowledge base's CSV tables.

Run from the repository root with the shared data folder as argument:

    python3 scripts/import_mcs2025.py ../shared/data

It rewrites knowledge/content/tables/{production,import_reliance,import_sources,lists}.csv.
Only figures and names are carried over; no prose. Country names are mapped to the ids of
knowledge/content/tables/countries.csv, which it extends with any new country (the curated
columns of existing rows are kept). The figures are copied as printed by USGS; ranks and
shares are never written here: the knowledge package computes them.
"""
import csv
import os
import re
import sys

EDITION = "USGS Mineral Commodity Summaries 2025"
URL = "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-{}.pdf"
OUT = "knowledge/content/tables"

# chapter -> (mineral id, measure prefix)
CHAPTERS = {
    "magnesium-metal": ("magnesium", "metal_"),
    "magnesium-compounds": ("magnesium", "magnesite_"),
    "platinum-group": ("platinum-group-metals", ""),
    "lime": None,  # not a record of this knowledge base
    "salt": None,
    "soda-ash": None,
    "mercury": None,
    "thallium": None,
    "thorium": None,
}

# (chapter, measure) -> unit, where the table column differs from the chapter's "Data in" line.
UNITS = {
    ("iron-ore", "mine_production_iron_content"): "thousand metric tons, iron content",
    ("iron-ore", "reserves_crude_ore"): "million metric tons, crude ore",
    ("iron-ore", "reserves_iron_content"): "million metric tons, iron content",
    ("molybdenum", "reserves"): "thousand metric tons, molybdenum content",
    ("vanadium", "reserves"): "thousand metric tons, vanadium content",
    ("chromium", "mine_production"): "thousand metric tons, marketable chromite ore (gross weight)",
    ("chromium", "reserves"): "thousand metric tons, shipping-grade chromite ore",
    ("manganese", "mine_production"): "thousand metric tons, manganese content",
    ("manganese", "reserves"): "thousand metric tons, manganese content",
    ("magnesium-compounds", "mine_production"): "thousand metric tons, magnesite (gross weight)",
    ("magnesium-compounds", "reserves"): "thousand metric tons, magnesite (gross weight)",
    ("potash", "reserves_recoverable_ore"): "thousand metric tons, recoverable ore",
    ("strontium", "mine_production"): "metric tons, celestite (gross weight)",
    ("strontium", "reserves"): "metric tons, celestite (gross weight)",
    ("arsenic", "production_arsenic_trioxide"): "metric tons, arsenic trioxide (gross weight)",
    ("arsenic", "refinery_capacity_arsenic_trioxide"): "metric tons, arsenic trioxide (gross weight)",
}
CHAPTER_UNITS = {
    "magnesium-compounds": "thousand metric tons, magnesite (gross weight)",
    "platinum-group": "kilograms, platinum-group-metal content",
    "potash": "thousand metric tons, K2O equivalent",
    "rare-earths": "metric tons, rare-earth-oxide (REO) equivalent",
}

COUNTRY_FIX = {
    "World total": "world", "World total (rounded)": "world",
    "Other countries": "other", "Other": "other",
    "Korea, North": "north-korea", "Korea, Republic of": "south-korea", "Republic of Korea": "south-korea",
    "Congo (Kinshasa)": "congo-kinshasa", "Côte d’Ivoire": "cote-divoire",
}
COUNTRY_QUALIFIER = re.compile(r"^(?P<name>[^,(]+?)\s*(?:,\s*(?P<q1>.+)|\((?P<q2>.+)\))$")
QUALIFIER_FIX = {"crude or": "crude ore", "ulexit": "ulexite", "datolite or": "datolite ore"}


def slug(name):
    s = name.lower().replace("’", "").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


DISPLAY = {"north-korea": "North Korea", "south-korea": "South Korea", "congo-kinshasa": "Congo (Kinshasa)"}


def country_id(raw):
    """Returns (id, display name, qualifier) for a printed country label."""
    raw = raw.strip()
    if raw in COUNTRY_FIX:
        return COUNTRY_FIX[raw], raw, ""
    m = COUNTRY_QUALIFIER.match(raw)
    if m and m.group("name") not in ("Korea",):
        q = (m.group("q1") or m.group("q2") or "").strip()
        q = QUALIFIER_FIX.get(q, q)
        name = m.group("name").strip()
        return COUNTRY_FIX.get(name, slug(name)), name, q
    return slug(raw), raw, ""


def unit_of(chapter, measure, unit_note, chapter_unit):
    if (chapter, measure) in UNITS:
        return UNITS[(chapter, measure)]
    if chapter in CHAPTER_UNITS:
        return CHAPTER_UNITS[chapter]
    u = unit_note or chapter_unit.get(chapter, "")
    u = re.sub(r"^Data in\s+", "", u)
    u = re.sub(r",?\s*unless otherwise specified.*$", "", u)
    u = re.sub(r"(tons|content),\d+", r"\1,", u)  # glued footnote digits
    u = re.sub(r"\s+", " ", u).strip().rstrip(",")
    return u


def value_token(printed, numeric):
    p = printed.strip()
    if p in ("—", "-"):
        return "0", ""
    if p in ("NA",):
        return "NA", ""
    if p == "W":
        return "W", ""
    if p == "(5)":
        return "NA", "included in the world total"
    if p in ("Large", "Small"):
        return p.lower(), ""
    if p.startswith(">"):
        return ">" + p[1:].replace(",", ""), ""
    if p.startswith("e"):
        return p[1:].replace(",", ""), ""
    if numeric:
        v = float(numeric)
        return (str(int(v)) if v == int(v) else str(v)), ""
    return None, ""


def main(data):
    countries = {}  # id -> row
    cpath = os.path.join(OUT, "countries.csv")
    if os.path.exists(cpath):
        for r in csv.DictReader(open(cpath, encoding="utf-8")):
            countries[r["id"]] = r

    def see(cid, name):
        if cid in ("world", "other"):
            return
        countries.setdefault(cid, {"id": cid, "name": DISPLAY.get(cid, name), "name_es": "", "aliases": ""})

    chapter_unit = {}
    rows = list(csv.DictReader(open(os.path.join(data, "usgs_mcs2025_world_production_reserves.csv"), encoding="utf-8")))
    for r in rows:
        if r["unit_note"]:
            chapter_unit.setdefault(r["commodity"], r["unit_note"])

    out = []
    for r in rows:
        ch = r["commodity"]
        mineral, prefix = CHAPTERS.get(ch, (ch, "")) if CHAPTERS.get(ch, (ch, "")) else (None, None)
        if mineral is None:
            continue
        if r["value"].strip() == "XX":
            continue  # "not applicable" in USGS tables: no figure to carry
        cid, name, qual = country_id(r["country"])
        see(cid, name)
        val, note = value_token(r["value"], r["value_numeric"])
        if val is None:
            sys.exit(f"unparsed value {r['value']!r} in {r}")
        est = "yes" if (r["estimated"] == "yes" or r["value"].strip().startswith("e")) else ""
        notes = [n for n in (note,) if n]
        if r["note"].startswith("corrected"):
            notes.append("corrected for a footnote digit merged into the number in the text copy")
        out.append({
            "mineral": mineral, "country": cid, "measure": prefix + r["measure"], "year": r["year"],
            "value": val, "estimated": est, "unit": unit_of(ch, r["measure"], r["unit_note"], chapter_unit),
            "form": qual, "secondary": "", "source_url": URL.format(ch), "edition": EDITION, "note": "; ".join(notes),
        })

    # Zirconium: the project's extract leaves the zirconium-hafnium table out; these rows are
    # transcribed by hand from the chapter text (footnote digits removed). The columns sum to
    # the printed world totals (1,444 vs 1,440 and 1,495 vs 1,500). Reserves are left out:
    # the text copy glues footnote digits to them and no total checks them.
    zr = [("United States", 100, 100), ("Australia", 500, 500), ("China", 100, 100), ("Indonesia", 95, 95),
          ("Kenya", 20, 20), ("Madagascar", 34, 30), ("Mozambique", 144, 160), ("Senegal", 48, 60),
          ("Sierra Leone", 28, 20), ("South Africa", 289, 300), ("Other countries", 86, 110),
          ("World total (rounded)", 1440, 1500)]
    for name, v23, v24 in zr:
        cid, cname, _ = country_id(name)
        see(cid, cname)
        for year, v in (("2023", v23), ("2024", v24)):
            out.append({"mineral": "zirconium", "country": cid, "measure": "mine_production", "year": year,
                        "value": str(v), "estimated": "yes", "unit": "thousand metric tons, zirconium mineral concentrates (gross weight)",
                        "form": "", "secondary": "", "source_url": URL.format("zirconium-hafnium"), "edition": EDITION,
                        "note": "transcribed by hand from the chapter text"})

    # Fluorspar: quoted second-hand (the primary chapter is not in the shared data).
    for r in csv.DictReader(open(os.path.join(data, "fluorspar_mcs2025_secondary.csv"), encoding="utf-8")):
        if r["measure"] not in ("mine_production", "reserves"):
            continue
        cid, name, _ = country_id(r["country"])
        see(cid, name)
        year = r["year"].rstrip("e")
        out.append({
            "mineral": "fluorspar", "country": cid, "measure": r["measure"], "year": year,
            "value": r["value"], "estimated": "yes" if r["year"].endswith("e") else "",
            "unit": r["unit"], "form": "", "secondary": "yes", "source_url": URL.format("fluorspar"),
            "edition": EDITION, "note": "figure quoted second-hand; primary chapter not yet checked",
        })

    fields = ["mineral", "country", "measure", "year", "value", "estimated", "unit", "form", "secondary", "source_url", "edition", "note"]
    write(os.path.join(OUT, "production.csv"), fields, out)

    # Net import reliance and import sources.
    salient = list(csv.DictReader(open(os.path.join(data, "usgs_mcs2025_us_salient.csv"), encoding="utf-8")))
    rel, src = [], []
    seen_products = {}
    for r in salient:
        ch = r["commodity"]
        target = CHAPTERS.get(ch, (ch, ""))
        if target is None:
            continue
        mineral = target[0]
        if r["item"] == "net_import_reliance_pct":
            product = ""
            if ":" in r["label"]:
                product = re.sub(r"\d+$", "", r["label"].split(":", 1)[1]).strip()
            if ch == "titanium":
                product = ["sponge metal", "TiO2 pigment"][seen_products.get(ch, 0)]
            if ch.startswith("magnesium-"):
                product = ch.split("-", 1)[1]
            seen_products[ch] = seen_products.get(ch, 0) + 1
            years = ["2020", "2021", "2022", "2023", "2024e"]
            for y, v in zip(years, r["values"].split()):
                rel.append({"mineral": mineral, "product": product.lower() if product != "TiO2 pigment" else product,
                            "year": y.rstrip("e"), "value": v, "estimated": "yes" if y.endswith("e") else "",
                            "source_url": URL.format(ch), "edition": EDITION})
        elif r["item"] == "import_sources":
            text = r["values"]
            for seg in re.split(r"(?<=%)\.\s+", text):
                label = ""
                m = re.match(r"^([^%;]*?):\d*\s+(.*)$", seg)
                if m:
                    label, seg = re.sub(r"\d+$", "", m.group(1)).strip(), m.group(2)
                if ch.startswith("magnesium-") and not label:
                    label = ch.split("-", 1)[1]
                for name, share in re.findall(r"(?:and\s+)?([A-Z][A-Za-z ()’'\.\-]*?|other),?\d*\s+([<>]?\d+(?:\.\d+)?)%", seg):
                    if re.match(r"^(Of|The|Refined) ", name.strip()):
                        continue  # prose after the list, not a country
                    cid, cname, _ = country_id(name.strip())
                    if name.strip() == "other":
                        cid = "other"
                    see(cid, cname)
                    target_mineral = mineral
                    if ch == "zirconium-hafnium":
                        target_mineral = "hafnium" if label.lower().startswith("hafnium") else "zirconium"
                    src.append({"mineral": target_mineral, "product": label, "country": cid, "share_pct": share,
                                "period": "2020-2023", "source_url": URL.format(ch), "edition": EDITION})
    # Fluorspar's U.S. figures, quoted second-hand like its production table.
    second = EDITION + " (figures quoted second-hand; primary chapter not yet checked)"
    for r in csv.DictReader(open(os.path.join(data, "fluorspar_mcs2025_secondary.csv"), encoding="utf-8")):
        if r["measure"] == "net_import_reliance_pct":
            for y in ["2020", "2021", "2022", "2023", "2024"]:
                rel.append({"mineral": "fluorspar", "product": "", "year": y, "value": r["value"],
                            "estimated": "yes" if y == "2024" else "", "source_url": URL.format("fluorspar"), "edition": second})
        elif r["measure"].startswith("import_sources"):
            for part in r["value"].split(";"):
                name, share = part.strip().rsplit(" ", 1)
                cid, cname, _ = country_id(name)
                see(cid, cname)
                src.append({"mineral": "fluorspar", "product": "", "country": cid, "share_pct": share.rstrip("%"),
                            "period": "2020-2023", "source_url": URL.format("fluorspar"), "edition": second})
    write(os.path.join(OUT, "import_reliance.csv"), ["mineral", "product", "year", "value", "estimated", "source_url", "edition"], rel)
    write(os.path.join(OUT, "import_sources.csv"), ["mineral", "product", "country", "share_pct", "period", "source_url", "edition"], src)

    # U.S. end-use shares, read off the chapters' "Domestic Production and Use" sentences
    # (the project's extract keeps them as prose). Use labels are short category names.
    END_USES = {
        "aluminum": ("", [("transportation", 36), ("packaging", 23), ("building", 14), ("electrical", 9),
                          ("consumer durables", 8), ("machinery", 8), ("other", 2)]),
        "antimony": ("", [("metal products, including antimonial lead and ammunition", 40), ("flame retardants", 39),
                          ("nonmetal products, including ceramics, glass and rubber", 21)]),
        "arsenic": ("", [("herbicides, insecticides and wood preservatives", 84), ("semiconductors", 5), ("metallurgy", 3), ("other", 8)]),
        "beryllium": ("shares of sales revenue", [("industrial components", 20), ("aerospace and defense", 19),
                      ("automotive electronics", 11), ("telecommunications infrastructure", 8), ("consumer electronics", 6),
                      ("energy", 6), ("semiconductors", 2), ("other", 28)]),
        "cobalt": ("estimated", [("superalloys, mainly for aircraft gas turbines", 51), ("chemical applications", 25),
                   ("other metallic applications", 15), ("cemented carbides", 9)]),
        "copper": ("per the Copper Development Association, as reported by USGS", [("building construction", 42),
                   ("electrical and electronic products", 23), ("transportation equipment", 18),
                   ("consumer and general products", 10), ("industrial machinery and equipment", 7)]),
        "gallium": ("", [("integrated circuits", 79), ("optoelectronic devices", 20), ("research and development", 1)]),
        "magnesium": ("primary magnesium metal", [("castings", 65), ("aluminum-base alloys", 22),
                      ("desulfurization of iron and steel", 6), ("other", 7)]),
        "rhenium": ("estimated", [("superalloys", 80), ("petroleum-reforming catalysts", 15)]),
        "silver": ("estimated", [("physical investment (bars)", 30), ("electrical and electronics", 29), ("coins and medals", 12),
                   ("photovoltaics", 12), ("jewelry and silverware", 6), ("brazing and solder", 4),
                   ("other industrial uses and photography", 7)]),
        "tin": ("", [("tinplate", 23), ("chemicals", 22), ("solder", 11), ("alloys", 10),
                     ("babbitt, brass and bronze, and tinning", 6), ("bar tin", 2), ("other", 26)]),
        "tungsten": ("estimated; the chapter gives only the leading use", [("cemented carbides", 60)]),
    }
    chapter_of = {"magnesium": "magnesium-metal"}
    uses = []
    for mineral, (note, rows) in END_USES.items():
        for use, share in rows:
            uses.append({"mineral": mineral, "use": use, "share_pct": share, "year": "2024",
                         "estimated": "yes" if note.startswith("estimated") else "",
                         "source_url": URL.format(chapter_of.get(mineral, mineral)), "edition": EDITION, "note": note})
    write(os.path.join(OUT, "end_uses.csv"), ["mineral", "use", "share_pct", "year", "estimated", "source_url", "edition", "note"], uses)

    # Critical-mineral lists.
    lists = []
    LIST_IDS = {"USGS_2025_final": "usgs-2025", "USGS_2022_final": "usgs-2022",
                "EU_CRMA_Annex_I_strategic": "eu-crma-strategic", "EU_CRMA_Annex_II_critical": "eu-crma-critical"}
    EU_MAP = {
        "bauxite/alumina/aluminium": ["aluminum"], "boron (metallurgy grade)": ["boron"],
        "lithium (battery grade)": ["lithium"], "magnesium metal": ["magnesium"],
        "manganese (battery grade)": ["manganese"], "natural graphite (battery grade)": ["graphite"],
        "natural graphite": ["graphite"], "nickel (battery grade)": ["nickel"],
        "platinum group metals": ["platinum-group-metals"], "silicon metal": ["silicon"],
        "titanium metal": ["titanium"], "baryte": ["barite"], "coking coal": ["metallurgical-coal"],
        "heavy rare earth elements": ["dysprosium", "erbium", "europium", "gadolinium", "holmium", "lutetium", "terbium", "thulium", "ytterbium", "yttrium"],
        "light rare earth elements": ["cerium", "lanthanum", "neodymium", "praseodymium", "samarium"],
        "phosphate rock": ["phosphate"], "phosphorus": ["phosphate"],
        "feldspar": [""], "helium": [""],
    }
    for r in csv.DictReader(open(os.path.join(data, "critical_minerals_lists.csv"), encoding="utf-8")):
        lid = LIST_IDS[r["list"]]
        item = r["item"]
        if lid.startswith("eu"):
            if item.startswith("rare earth elements for permanent magnets"):
                ids = ["neodymium", "praseodymium", "terbium", "dysprosium", "gadolinium", "samarium", "cerium"]
            else:
                ids = EU_MAP.get(item, [slug(item)])
            url, ed = "https://eur-lex.europa.eu/eli/reg/2024/1252/oj", "Regulation (EU) 2024/1252 (Critical Raw Materials Act), " + ("Annex I" if "strategic" in lid else "Annex II")
        else:
            ids = [slug(item)]
            if lid == "usgs-2025":
                url, ed = "https://www.essentialminerals.org/newsroom/final-2025-critical-minerals-list", "USGS final 2025 List of Critical Minerals (Federal Register, 2025-11-07), as quoted by the Essential Minerals Association"
            else:
                url, ed = "https://regulations.justia.com/regulations/fedreg/2022/02/24/2022-04027.html", "USGS 2022 Final List of Critical Minerals (87 FR 10381, 2022-02-24)"
        for mid in ids:
            lists.append({"list": lid, "item": item, "mineral": mid, "source_url": url, "edition": ed})
    write(os.path.join(OUT, "lists.csv"), ["list", "item", "mineral", "source_url", "edition"], lists)

    write(cpath, ["id", "name", "name_es", "aliases"], sorted(countries.values(), key=lambda r: r["id"]))


def write(path, fields, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
