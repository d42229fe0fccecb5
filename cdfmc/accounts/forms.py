from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cdfmc.accounts.lockout import address_blocked, client_ip
from cdfmc.formfields import ThaiFormMixin


class LoginForm(ThaiFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ใส่ผิดครบ 5 ครั้งจะถูกระงับการเข้าใช้ชั่วคราว)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน"),
        "address_blocked": _(
            "มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องนี้หลายครั้ง (หลายชื่อผู้ใช้) กรุณารอ 30 นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ"
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["password"].label = _("รหัสผ่าน")

    def clean(self):
        # Before any password is checked: an address trying many usernames waits.
        if self.request is not None and address_blocked(client_ip(self.request)):
            raise ValidationError(self.error_messages["address_blocked"], code="address_blocked")
        return super().clean()
