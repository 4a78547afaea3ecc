"""R2: personal data found with its checks; what an agency publishes is not an error."""

from gongkai.review import review_text
from gongkai.review.personal_data import valid_id
from gongkai.rules import Severity

from .fakes import fake_card, fake_id


def kinds(text):
    return [(f.kind, f.severity, f.matched) for f in review_text(text, rules=("R2",))]


def test_identity_number_with_valid_checksum_is_an_error_and_its_name_too():
    number = fake_id()
    found = kinds(f"申请人：王小明，身份证号{number}，要求公开。")
    assert ("身份证号", Severity.ERROR, number) in found
    assert ("姓名", Severity.ERROR, "王小明") in found


def test_identity_number_with_wrong_check_digit_or_date_is_not_flagged():
    number = fake_id()
    wrong_check = number[:17] + ("0" if number[17] != "0" else "1")
    assert not valid_id(wrong_check)
    assert not valid_id("110105194913310021")  # month 13
    assert kinds(f"编号{wrong_check}") == []


def test_mobile_next_to_a_person_is_an_error_office_mobile_a_warning():
    found = kinds("联系人：张三，手机13912345678。")
    assert ("手机号", Severity.ERROR, "13912345678") in found
    assert ("姓名", Severity.ERROR, "张三") in found
    (office,) = kinds("政务公开咨询电话：13912345678。")
    assert office[:2] == ("手机号", Severity.WARNING)


def test_agency_phone_and_hotline_are_at_most_a_hint():
    assert kinds("联系电话：0311-87654321，或拨打12345热线。") == [
        ("固定电话", Severity.INFO, "0311-87654321")
    ]


def test_table_digits_and_counts_are_not_phones_or_cards():
    assert kinds("新收政府信息公开申请数量 0000000 120 3 1390000000000000000 件") == []


def test_bank_card_needs_luhn_and_a_label_or_grouping():
    card = fake_card()
    assert kinds(f"退费至银行卡号{card}。") == [("银行卡号", Severity.ERROR, card)]
    grouped = " ".join(card[i : i + 4] for i in range(0, 16, 4)) + " " + card[16:]
    assert [k[0] for k in kinds(f"卡：{grouped}")] == ["银行卡号"]
    broken = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert kinds(f"银行卡号{broken}") == []


def test_home_address_labelled_or_down_to_the_flat():
    found = kinds("申请人家住江淮市东城区和平路12号3栋2单元501室。")
    assert [(k, s) for k, s, _ in found] == [("住址", Severity.ERROR)]
    (flat,) = kinds("送达至江淮市东城区和平路12号3栋2单元501室")
    assert flat[:2] == ("住址", Severity.WARNING)
    assert kinds("本机关地址：江淮市东城区和平路12号。") == []


def test_masked_forms_keep_no_personal_data():
    from gongkai.review.personal_data import mask

    assert mask("姓名", "王小明") == "王**"
    assert mask("手机号", "13912345678") == "139****5678"
    assert mask("住址", "江淮市东城区和平路12号3栋") == "江淮市东城区***"


def test_name_before_de_is_the_name_alone():
    found = kinds(f"申请人杨海燕的身份证号码为：{fake_id()}。")
    assert ("姓名", Severity.ERROR, "杨海燕") in found
