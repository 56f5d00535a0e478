"""Exports as the tools that open them see them: no cell a spreadsheet would run as a formula."""
import csv
import io

import pytest

from eventwire.export import csv_text, flatten_event, flatten_record, write_events, write_rows

EVIL = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "\tnote", "\rnote"]


def _event(text: str) -> dict:
    actor = {"actor": "ACT", "text": text, "country": "BLR", "sector": "OPP"}
    return {
        "schema": "eventwire/1", "event_id": "M7", "n_sources": 1, "id": "E1", "doc": text,
        "category": "PROTEST", "mode": None, "cameo": "141", "goldstein": -6.5, "quad_class": 3,
        "acled_event_type": "Protests", "source": actor, "target": None, "date": "2020-08-16",
        "date_precision": "day",
        "place": {"name": text, "country": "BLR", "lat": 53.9, "lon": 27.56, "geonameid": 625144, "feature": "city"},
        "modality": "asserted", "sentence": {"start": 0, "end": 10},
        "evidence": {"start": 0, "end": 10, "text": text}, "confidence": 0.8, "dates_reported": [],
        "sources": [{"doc": text, "event": "E1", "date": "2020-08-16", "url": None}],
    }


def _cells(data: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "acled", "gdelt"])
@pytest.mark.parametrize("text", EVIL)
def test_no_exported_cell_starts_like_a_formula(tmp_path, fmt, text):
    out = tmp_path / "events.out"
    assert write_events([_event(text)], fmt, out) == 1
    cells = _cells(out.open(newline="").read(), "\t" if fmt == "gdelt" else ",")
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) and cell != "-6.5" for cell in cells), cells
    if fmt == "gdelt":   # GDELT lines hold no tab or line break: whitespace is collapsed first
        text = " ".join(text.split())
        text = "'" + text if text.startswith(("=", "+", "-", "@")) else text
        assert text in cells
    else:
        assert "'" + text in cells


def test_numbers_stay_numbers():
    cells = _cells(csv_text([_event("Minsk")], flatten_event))
    assert "-6.5" in cells and "27.56" in cells


@pytest.mark.parametrize("text", EVIL)
def test_api_csv_and_record_export_are_safe_too(tmp_path, text):
    assert "'" + text in _cells(csv_text([_event(text)], flatten_event))
    record = {"schema": "eventwire/1", "id": text, "title": text, "text": text}
    write_rows([record], "csv", tmp_path / "r.csv", flatten=flatten_record)
    assert "'" + text in _cells((tmp_path / "r.csv").open(newline="").read())
