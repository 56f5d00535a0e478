"""The GDELT and ACLED tables (issue 21): read back as their users' tools read them."""
import json
import re

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.document import Document
from eventwire.export import (GDELT_COLUMNS, _tsv_field, acled_fatalities, acled_row, gdelt_adm1_code,
                              gdelt_row)
from eventwire.events.acled import sub_event_type
from eventwire.pipeline import extract
from eventwire.readers import iter_documents
from eventwire.ingest import ingest
from eventwire.store import open_store
from eventwire.store.db import merged_casualties

from conftest import SAMPLE

# The GDELT 2.0 Event Codebook's columns, as published (V2.0, 2015), in order.
PUBLISHED_GDELT = (
    "GlobalEventID Day MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions "
    "NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()

INT = re.compile(r"-?\d+")
FLOAT = re.compile(r"-?\d+(\.\d+)?")
CAMEO = re.compile(r"\d{2,4}")
ACTOR_CODE = re.compile(r"[A-Z]{3}([A-Z]{3})*")


def _column_type(name):
    if name in ("GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
                "NumSources", "NumArticles", "DATEADDED") or name.endswith("Geo_Type"):
        return INT
    if name in ("FractionDate", "GoldsteinScale", "AvgTone") or name.endswith(("_Lat", "_Long")):
        return FLOAT
    if name in ("EventCode", "EventBaseCode", "EventRootCode"):
        return CAMEO
    if re.fullmatch(r"Actor[12](Code|CountryCode|Type1Code)", name) or name.endswith("Geo_CountryCode"):
        return ACTOR_CODE
    return None


# A report whose sides run across a paragraph break and hold a tab.
PARAGRAPHS = Document(
    id="paragraphs", date=__import__("datetime").date(2019, 5, 20), url="https://example.org/p",
    text=("Russian jets bombed rebels in Idlib on Tuesday, killing at least 12 people.\n\n"
          "The motion was backed by 8 independent MPs\n\nTrudeau attacked the Conservatives in "
          "Ottawa on Monday.\tPolice in Nairobi fired tear gas at protesters on Friday."))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exports")
    src = tmp / "six.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:6]
    lines.append(json.dumps({"id": PARAGRAPHS.id, "text": PARAGRAPHS.text, "date": "2019-05-20",
                             "url": PARAGRAPHS.url}))
    src.write_text("\n".join(lines) + "\n")
    db = tmp / "x.duckdb"
    with open_store(db) as store:
        ingest(store, iter_documents([src]))
    return db


def _export(db, tmp_path, *args):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--modality", "any", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_our_columns_are_the_published_ones():
    assert GDELT_COLUMNS == PUBLISHED_GDELT and len(GDELT_COLUMNS) == 61


def test_gdelt_export_reads_with_the_published_columns(store_path, tmp_path):
    text = _export(store_path, tmp_path, "--format", "gdelt")
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) > 5
    for line in lines[:-1]:           # a strict line-based reader: one row a line, 61 fields
        fields = line.split("\t")
        assert len(fields) == 61, line
        row = dict(zip(PUBLISHED_GDELT, fields))
        assert '"' not in line or all(not f.startswith('"') or not f.endswith('"') for f in fields)
        for name, value in row.items():
            pattern = _column_type(name)
            if value and pattern is not None:
                assert pattern.fullmatch(value), (name, value)
        assert row["GlobalEventID"] and row["EventCode"] and row["QuadClass"] in "1234"
        assert row["IsRootEvent"] in ("0", "1")
    assert not lines[0].startswith("GlobalEventID")


def test_gdelt_header_only_when_asked(store_path, tmp_path):
    text = _export(store_path, tmp_path, "--format", "gdelt", "--header")
    assert text.split("\n")[0].split("\t") == PUBLISHED_GDELT


def test_gdelt_geo_and_root_event(store_path, tmp_path):
    rows = [dict(zip(PUBLISHED_GDELT, line.split("\t")))
            for line in _export(store_path, tmp_path, "--format", "gdelt").splitlines()]
    idlib = next(r for r in rows if r["ActionGeo_FullName"].startswith("Idlib"))
    assert idlib["Actor1Geo_Type"] == "1" and idlib["Actor1Geo_CountryCode"] == "RUS"
    assert idlib["Actor1Geo_FullName"] == "Russia" and idlib["Actor1Geo_ADM1Code"] == "RS"
    assert idlib["ActionGeo_ADM1Code"] == "SY12"      # GeoNames' (FIPS) code of Idlib province
    assert idlib["ActionGeo_CountryCode"] == "SYR" and idlib["ActionGeo_FeatureID"]
    assert idlib["IsRootEvent"] == "1"
    ottawa = [r for r in rows if r["ActionGeo_FullName"].startswith("Ottawa")]
    assert ottawa and all(r["IsRootEvent"] == "0" for r in ottawa)
    assert ottawa[0]["ActionGeo_Type"] == "4" and ottawa[0]["ActionGeo_FullName"] == "Ottawa, Ontario, Canada"
    assert ottawa[0]["ActionGeo_ADM1Code"] == "CA08"


@pytest.mark.parametrize("place, code", [
    ({"name": "Russia", "country": "RUS", "feature": "country"}, "RS"),
    ({"name": "Ahvaz", "country": "IRN", "feature": "city", "admin1": "Khūzestān"}, "IR15"),
    ({"name": "Ahvaz", "country": "IRN", "feature": "city", "admin1": "Khuzestan"}, "IR15"),   # folded
    ({"name": "Houston", "country": "USA", "feature": "city", "admin1": "Texas"}, "USTX"),
    ({"name": "Texas", "country": "USA", "feature": "admin1", "admin1": "Texas"}, "USTX"),
    ({"name": "Pristina", "country": "XKX", "feature": "country"}, "KV"),
    ({"name": "Mediterranean Sea", "country": None, "feature": "other"}, None),   # no country
    ({"name": "Somewhere", "country": "IRN", "feature": "city", "admin1": None}, None),   # no unit
    ({"name": "Somewhere", "country": "IRN", "feature": "city", "admin1": "Texas"}, None),  # not Iran's
    ({"name": "Nowhere", "country": "ZZZ", "feature": "country"}, None),
])
def test_gdelt_adm1_code_from_the_places_first_level_unit(place, code):
    assert gdelt_adm1_code(place) == code


def test_acled_export_fills_the_region_from_the_country(store_path, tmp_path):
    import csv
    import io

    from eventwire.events.acled import load_acled

    rows = list(csv.DictReader(io.StringIO(_export(store_path, tmp_path, "--format", "acled"))))
    assert rows and all(r["region"] for r in rows if r["country"])
    idlib = next(r for r in rows if r["location"] == "Idlib")
    assert idlib["region"] == "Middle East" and idlib["admin1"] == "Idlib"
    regions = load_acled().regions
    assert all(r["region"] == regions[r["event_id_cnty"][:3]] for r in rows if r["country"])


@pytest.mark.parametrize("country, region", [
    ("SYR", "Middle East"), ("TUR", "Middle East"), ("SDN", "Northern Africa"), ("SSD", "Eastern Africa"),
    ("MEX", "Central America"), ("KAZ", "Caucasus and Central Asia"), ("AFG", "South Asia"),
    ("UKR", "Europe"), ("XKX", "Europe"), ("COD", "Middle Africa"), ("HTI", "Caribbean"),
    ("ZZZ", None), (None, None),
])
def test_acled_region_of_the_country(country, region):
    row = acled_row(_merged(place={"name": "P", "country": country, "feature": "city"}, source={"text": "x"}))
    assert row["region"] == region


def test_every_gazetteer_country_has_an_acled_region():
    import gzip
    from importlib import resources

    from eventwire.events.acled import load_acled

    with resources.files("eventwire").joinpath("places/data/gazetteer.tsv.gz").open("rb") as raw:
        countries = {f[3] for f in (line.split("\t") for line in gzip.open(raw, "rt", encoding="utf-8"))
                     if f[2] == "country"}
    assert countries and not countries - set(load_acled().regions)


@pytest.mark.parametrize("event, expected", [
    ({"category": "ASSAULT", "cameo": "195", "mode": "aerial", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "warplanes bombed"}}, "Air/drone strike"),
    ({"category": "ASSAULT", "cameo": "190", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "drones struck"}}, "Air/drone strike"),
    ({"category": "ASSAULT", "cameo": "194", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "shelled"}}, "Shelling/artillery/missile attack"),
    ({"category": "ASSAULT", "cameo": "1831", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "blew himself up"}}, "Suicide bomb"),
    ({"category": "ASSAULT", "cameo": "183", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "a roadside bomb exploded"}}, "Remote explosive/landmine/IED"),
    ({"category": "ASSAULT", "cameo": "183", "acled_event_type": "Explosions/Remote violence",
      "evidence": {"text": "hurled a grenade"}}, "Grenade"),
    ({"category": "ASSAULT", "cameo": "190", "acled_event_type": "Battles",
      "evidence": {"text": "clashed"}}, "Armed clash"),
    ({"category": "ASSAULT", "cameo": "190", "acled_event_type": "Battles", "source": {"sector": "MIL"},
      "evidence": {"text": "recaptured the town"}}, "Government regains territory"),
    ({"category": "ASSAULT", "cameo": "181", "mode": "abduct", "acled_event_type": "Violence against civilians",
      "evidence": {"text": "kidnapped"}}, "Abduction/forced disappearance"),
    ({"category": "ASSAULT", "cameo": "1821", "acled_event_type": "Violence against civilians",
      "evidence": {"text": "raped"}}, "Sexual violence"),
    ({"category": "ASSAULT", "cameo": "190", "acled_event_type": "Violence against civilians",
      "evidence": {"text": "attacked villagers"}}, "Attack"),
    ({"category": "PROTEST", "cameo": "141", "mode": "demo", "acled_event_type": "Protests",
      "evidence": {"text": "marched"}}, "Peaceful protest"),
    ({"category": "PROTEST", "cameo": "141", "mode": "demo", "acled_event_type": "Protests",
      "evidence": {"text": "rallied"}, "sentence": {"text": "Police fired tear gas to disperse them."}},
     "Protest with intervention"),
    ({"category": "ASSAULT", "cameo": "175", "acled_event_type": "Protests",
      "evidence": {"text": "opened fire on protesters"}}, "Excessive force against protesters"),
    ({"category": "PROTEST", "cameo": "145", "mode": "riot", "acled_event_type": "Riots",
      "evidence": {"text": "rioted"}}, "Violent demonstration"),
    ({"category": "ASSAULT", "cameo": "182", "mode": "beat", "acled_event_type": "Riots",
      "evidence": {"text": "a mob lynched"}}, "Mob violence"),
    ({"category": "COERCE", "cameo": "173", "mode": "arrest", "acled_event_type": "Strategic developments",
      "evidence": {"text": "arrested"}}, "Arrests"),
    ({"category": "AGREE", "cameo": "057", "acled_event_type": "Strategic developments",
      "evidence": {"text": "agreed to a ceasefire"}}, "Agreement"),
    ({"category": "COERCE", "cameo": "1711", "mode": "seize", "acled_event_type": "Strategic developments",
      "evidence": {"text": "seized a weapons cache"}}, "Disrupted weapons use"),
    ({"category": "COERCE", "cameo": "171", "mode": "seize", "acled_event_type": "Strategic developments",
      "evidence": {"text": "looted shops"}}, "Looting/property destruction"),
    ({"category": "RETREAT", "cameo": "0874", "mode": "withdraw", "acled_event_type": "Strategic developments",
      "evidence": {"text": "handed over the town"}}, "Non-violent transfer of territory"),
    ({"category": "MOBILIZE", "cameo": "154", "acled_event_type": "Strategic developments",
      "evidence": {"text": "set up a base"}}, "Headquarters or base established"),
    ({"category": "MOBILIZE", "cameo": "154", "acled_event_type": "Strategic developments",
      "evidence": {"text": "deployed troops"}}, "Change to group/activity"),
    ({"category": "CONSULT", "cameo": "040", "acled_event_type": None, "evidence": {"text": "met"}}, None),
])
def test_acled_sub_event_types(event, expected):
    assert sub_event_type(event) == expected


def _merged(**kw):
    base = {"event_id": "M7", "category": "ASSAULT", "cameo": "195", "mode": "aerial",
            "acled_event_type": "Explosions/Remote violence", "date": "2019-05-14", "date_precision": "day",
            "source": {"text": "Russian jets", "country": "RUS", "sector": "MIL"},
            "target": {"text": "rebels", "country": "SYR", "sector": "REB"},
            "place": {"name": "Idlib", "country": "SYR", "lat": 35.9, "lon": 36.6, "feature": "city",
                      "admin1": "Idlib"},
            "evidence": {"text": "jets bombed"}, "sources": [{"doc": "a", "date": "2019-05-15", "url": None}]}
    base.update(kw)
    return base


@pytest.mark.parametrize("side, place, geo", [
    # no place for a side: type 0 and the other seven fields empty, as GDELT's own files write it
    ("Actor1Geo", None, ["0", "", "", "", "", "", "", ""]),
    ("Actor2Geo", None, ["0", "", "", "", "", "", "", ""]),
    ("Actor1Geo", {"name": "Russia", "country": "RUS", "feature": "country", "lat": 61.5, "lon": 105.3},
     ["1", "Russia", "RUS", "RS", "", "61.5", "105.3", ""]),
])
def test_gdelt_geo_type_0_where_a_side_has_no_place(side, place, geo):
    actor = "source" if side == "Actor1Geo" else "target"
    event = _merged()
    event[actor] = {**event[actor], "place": place}
    row = gdelt_row(event)
    assert [_tsv_field(row[f"{side}_{c}"]) for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code",
                                                     "Lat", "Long", "FeatureID")] == geo


@pytest.mark.parametrize("src, tgt, place_country, event_type, inter1, inter2, interaction", [
    (("SYR", "MIL"), ("SYR", "REB"), "SYR", "Battles", 1, 2, 12),
    (("RUS", "MIL"), ("SYR", "REB"), "SYR", "Battles", 8, 2, 28),
    (("KEN", "OPP"), None, "KEN", "Protests", 6, None, 60),
    (("KEN", "COP"), ("KEN", "OPP"), "KEN", "Protests", 1, 6, 16),
    (("NGA", "UAF"), ("NGA", "CVL"), "NGA", "Violence against civilians", 3, 7, 37),
    (("IND", None), ("IND", "CVL"), "IND", "Riots", 5, 7, 57),
    # protesters are civilians by sector; named as the crowd, they are protesters or rioters
    (("KEN", "COP"), ("KEN", "CVL", "the protesters"), "KEN", "Protests", 1, 6, 16),
    (("IND", "COP"), ("IND", "CVL", "rioters"), "IND", "Riots", 1, 5, 15),
])
def test_acled_inter_codes(src, tgt, place_country, event_type, inter1, inter2, interaction):
    event = _merged(acled_event_type=event_type,
                    source={"text": "x", "country": src[0], "sector": src[1]},
                    target={"text": tgt[2] if tgt and len(tgt) > 2 else "y", "country": tgt[0],
                            "sector": tgt[1]} if tgt else None,
                    place={"name": "P", "country": place_country, "feature": "city"})
    row = acled_row(event)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)


@pytest.mark.parametrize("casualties, fatalities", [
    ({"killed": {"count": 12, "qualifier": "at least", "text": "at least 12"}}, 12),
    ({"killed": {"count": None, "qualifier": "vague", "text": "several"}}, 10),
    ({"killed": None, "injured": {"count": 4}}, 0),
    (None, 0),
])
def test_acled_fatalities(casualties, fatalities):
    assert acled_fatalities(_merged(casualties=casualties)) == fatalities
    assert acled_row(_merged(casualties=casualties))["fatalities"] == fatalities


@pytest.mark.parametrize("date, precision, event_date, time_precision", [
    ("2019-05-14", "day", "2019-05-14", 1),
    ("2019-05", "month", "2019-05-01", 3),
    (None, None, "2019-05-15", 3),
])
def test_acled_dates_and_precisions(date, precision, event_date, time_precision):
    row = acled_row(_merged(date=date, date_precision=precision))
    assert (row["event_date"], row["time_precision"]) == (event_date, time_precision)
    assert row["geo_precision"] == 1 and row["admin1"] == "Idlib"
    assert row["sub_event_type"] == "Air/drone strike" and row["disorder_type"] == "Political violence"


def test_merged_casualties_take_the_latest_report_and_keep_all():
    reports = [
        {"doc": "b", "event": "E1", "date": "2019-05-15",
         "casualties": {"killed": {"count": 40, "qualifier": "at least", "text": "at least 40"}, "injured": None}},
        {"doc": "a", "event": "E2", "date": "2019-05-14",
         "casualties": {"killed": {"count": 12, "qualifier": "exact", "text": "12"},
                        "injured": {"count": 30, "qualifier": "exact", "text": "30"}}},
        {"doc": "c", "event": "E1", "date": "2019-05-16", "casualties": {"killed": None, "injured": None}},
    ]
    latest, history = merged_casualties(reports)
    assert latest["killed"]["count"] == 40 and latest["killed"]["doc"] == "b"
    assert latest["injured"]["count"] == 30 and latest["injured"]["doc"] == "a"
    assert [h["doc"] for h in history] == ["a", "b", "c"]


def test_store_and_api_carry_casualties(store_path):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    items = TestClient(create_app(store_path), base_url="http://localhost").get("/api/events", params={"limit": 1000}).json()["items"]
    idlib = [e for e in items if (e.get("place") or {}).get("name") == "Idlib"]
    assert idlib and idlib[0]["casualties"]["killed"]["count"] == 12
    assert idlib[0]["casualties"]["killed"]["qualifier"] == "at least"
    assert idlib[0]["casualties_reported"][0]["doc"] == "paragraphs"
    assert all("casualties" in e for e in items)


def test_record_casualty_spans_keep_the_offset_contract():
    record = extract(PARAGRAPHS.text, date="2019-05-20")
    assert not record.misplaced_spans()
    assert any(e.casualties and e.casualties.killed for e in record.events)


@pytest.mark.parametrize("date, sources, day, monthyear, year, fraction", [
    ("2019-05-14", [{"doc": "a", "date": "2019-05-15"}], "20190514", "201905", "2019", "2019.3671"),
    ("2019-05", [{"doc": "a", "date": "2019-05-15"}], "20190500", "201905", "2019", ""),
    # a year alone: the unknown month is 00 in MonthYear as in Day, so no integer column is empty
    ("2019", [{"doc": "a", "date": "2019-05-15"}], "20190000", "201900", "2019", ""),
    # the text does not date the event: GDELT dates it by the earliest report, as GDELT does
    (None, [{"doc": "b", "date": "2019-06-02"}, {"doc": "a", "date": "2019-05-15T08:00:00"}],
     "20190515", "201905", "2019", "2019.3699"),
    (None, [{"doc": "a", "date": None}], "", "", "", ""),   # no dated report: nothing to give
    (None, [], "", "", "", ""),
])
def test_gdelt_day_of_an_undated_event_is_its_first_report(date, sources, day, monthyear, year, fraction):
    row = gdelt_row(_merged(date=date, sources=sources))
    assert [_tsv_field(row[c]) for c in GDELT_COLUMNS[1:5]] == [day, monthyear, year, fraction]
