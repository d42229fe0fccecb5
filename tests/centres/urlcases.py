from tests.centres.urlcases_register import CASES as REGISTER_CASES

CASES = {**REGISTER_CASES}
