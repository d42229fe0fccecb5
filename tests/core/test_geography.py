import geothai
import pytest
from django.core.exceptions import ValidationError

from cdfmc.geo.loading import load_geography
from cdfmc.geo.matching import PlaceMatcher
from cdfmc.geo.models import District, Province, ProvinceGroup, Subdistrict, Village
from tests.factories import FAI_RAI, make_village

pytestmark = pytest.mark.django_db


def test_counts_match_the_dataset():
    assert Province.objects.count() == len(geothai.provinces()) == 77
    assert District.objects.count() == 928
    expected = sum(len(geothai.subdistricts(d.code)) for d in District.objects.all())
    assert Subdistrict.objects.count() == expected
    assert 7300 < expected < 7500


def test_loading_again_changes_nothing():
    before = Subdistrict.objects.count(), District.objects.count()
    counts = load_geography()
    assert (counts["subdistricts"], counts["districts"]) == before
    assert (Subdistrict.objects.count(), District.objects.count()) == before


def test_names_and_codes_are_official():
    district = District.objects.get(code="4315")
    assert (district.name_th, district.name_en, district.province_id) == (
        "เฝ้าไร่",
        "Fao Rai",
        "43",
    )


def test_northeast_group_has_its_five_provinces():
    group = ProvinceGroup.objects.get(name="กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน ๑")
    names = set(group.provinces.values_list("name_th", flat=True))
    assert names == {"เลย", "หนองคาย", "หนองบัวลำภู", "อุดรธานี", "บึงกาฬ"}


def test_village_code_is_subdistrict_and_number():
    village = make_village(subdistrict=FAI_RAI, number=3)
    assert village.code == "43150103"
    assert village.district_code == "4315"


def test_village_number_is_unique_in_subdistrict():
    make_village(subdistrict=FAI_RAI, number=4)
    duplicate = Village(subdistrict_id=FAI_RAI, number=4, name="บ้านซ้ำ")
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "ตำบลนี้มีหมู่ที่นี้อยู่แล้ว" in str(exc.value)


@pytest.mark.parametrize(
    ("typed", "district", "expected"),
    [
        ("วังหลวง", "เฝ้าไร่", "วังหลวง"),
        ("หาดคำ", "เมืองฯ", "หาดคำ"),
        ("แก้งไก่อ", "สังคม", "แก้งไก่"),
        ("ต.พระพุทธบาท", "อ.ศรีเชียงใหม่", "พระพุทธบาท"),
        ("๑พระพุทธบาท", "ศรีเชียงใหม่", "พระพุทธบาท"),
    ],
)
def test_matcher_tolerates_how_officers_write(typed, district, expected):
    match = PlaceMatcher().match(typed, district, "หนองคาย")
    assert match.subdistrict is not None, match.error
    assert match.subdistrict.name_th == expected


def test_matcher_reports_instead_of_guessing():
    match = PlaceMatcher().match("ไม่มีตำบลนี้เลยจริงๆ", "เฝ้าไร่", "หนองคาย")
    assert match.subdistrict is None
    assert "ไม่พบตำบล" in match.error
