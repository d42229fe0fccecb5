"""Logins: one district officer per district, one provincial officer per province, and
head office. All share the demo password, hashed once (the set is for local use)."""

from django.contrib.auth.hashers import make_password

from cdfmc.accounts.models import Role, User
from cdfmc.demo import DEMO_PASSWORD
from cdfmc.geo.models import Province
from cdfmc.national import names
from cdfmc.national.context import Context
from cdfmc.national.plan import BANGKOK

HEAD_OFFICE = 3


def generate(ctx: Context) -> None:
    password = make_password(DEMO_PASSWORD)
    for code in sorted(ctx.district_names):
        user = _user(ctx, f"d{code}", Role.DISTRICT, password, province=code[:2], district=code)
        user.position = "นักวิชาการพัฒนาชุมชน"
        ctx.district_users[code] = user.pk
    provinces = Province.objects.exclude(code=BANGKOK).order_by("code")
    for code in provinces.values_list("code", flat=True):
        user = _user(ctx, f"p{code}", Role.PROVINCE, password, province=code)
        user.position = "นักวิชาการพัฒนาชุมชน สำนักงานพัฒนาชุมชนจังหวัด"
        ctx.province_users[code] = user.pk
    for number in range(1, HEAD_OFFICE + 1):
        user = _user(ctx, f"ho{number}", Role.HEAD_OFFICE, password)
        user.position = "สำนักพัฒนาทุนและองค์กรการเงินชุมชน"
        ctx.head_office_users.append(user.pk)
    ctx.writer.flush()


def _user(ctx, username, role, password, province=None, district=None) -> User:
    rng = ctx.plan.rng("user", username)
    female = rng.random() < 0.55
    return ctx.writer.add(
        User(
            username=username,
            password=password,
            role=role,
            province_id=province,
            district_id=district,
            first_name=names.first_name(rng, female=female),
            last_name=names.last_name(rng),
            phone=names.phone(rng),
        )
    )
