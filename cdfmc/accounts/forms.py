from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import ThaiFormMixin


class LoginForm(ThaiFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ใส่ผิดครบ 5 ครั้งจะถูกระงับการเข้าใช้ชั่วคราว)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["password"].label = _("รหัสผ่าน")
