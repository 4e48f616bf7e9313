"""What a confidence means: the measured share right, on one scale."""

from reader.extract import calibration
from reader.extract.calibration import DOUBTFUL, TRUSTED, confidence, scaled


def test_the_scale_says_what_a_user_can_trust():
    assert scaled(0.95) == TRUSTED == 0.8  # right 95% of the time: trusted
    assert scaled(0.6) == DOUBTFUL == 0.5  # right 60% of the time: worth a look, not doubtful
    assert scaled(0.3) < DOUBTFUL < scaled(0.7) < TRUSTED < scaled(0.99) <= 1.0


def test_a_known_score_takes_its_measured_share_else_its_rule_s_else_stays_raw():
    table = {"rules": {"quote-cue-after": 0.9}, "scores": {"quote-cue-after|0.90": 0.97}}
    assert confidence("quote-cue-after", 0.9, table) == scaled(0.97)
    assert confidence("quote-cue-after", 0.76, table) == scaled(0.9)
    assert confidence("some-new-rule", 0.42, table) == 0.42


def test_the_shipped_table_is_read_with_the_package():
    # (written by bench/calibrate.py --write; installed as package data)
    assert calibration.TABLE["rules"]["quote-cue-after"] > 0.9
