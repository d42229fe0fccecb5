import pytest

from cdfmc.collation import thai_sort_key
from cdfmc.geo.models import District

pytestmark = pytest.mark.django_db

DICTIONARY_ORDER = [
    "กา",
    "เก",
    "แก",
    "ขา",
    "โข",
    "ท่าบ่อ",
    "เฝ้าไร่",
    "โพธิ์ตาก",
    "โพนพิสัย",
    "เมืองหนองคาย",
    "รัตนวาปี",
    "ศรีเชียงใหม่",
    "สระใคร",
    "สังคม",
]


def test_leading_vowels_sort_by_their_consonant():
    assert sorted(reversed(DICTIONARY_ORDER), key=thai_sort_key) == DICTIONARY_ORDER


def test_tone_marks_only_break_ties():
    assert sorted(["ก้า", "กา", "ก่า"], key=thai_sort_key)[0] == "กา"
    assert sorted(["ขา", "ก้า"], key=thai_sort_key) == ["ก้า", "ขา"]


def test_database_orders_nong_khai_districts_like_a_dictionary():
    names = list(District.objects.filter(province="43").values_list("name_th", flat=True))
    assert names == sorted(names, key=thai_sort_key)
    assert names.index("เฝ้าไร่") < names.index("โพธิ์ตาก") < names.index("เมืองหนองคาย")
    assert names.index("ท่าบ่อ") < names.index("เฝ้าไร่")
