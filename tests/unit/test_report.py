"""What an ingest says it did: counted in the singular and the plural alike by the CLI and the app."""

from reader.report import counts, named_duplicates, summary_line
from reader.summary import IngestReport


def test_one_is_singular_and_more_are_plural():
    one = IngestReport(new=["a"], duplicates=[("/in/copy.txt", "/store/a.txt")], reanchored=1, orphaned=1)
    assert summary_line(one) == ("2 files: 1 new, 0 updated, 0 unchanged, 1 duplicate of a file already in the "
                                 "store, 0 refused; 1 annotation re-attached; 1 annotation kept without their claim")
    two = IngestReport(new=["a"], duplicates=[("b", "a"), ("c", "a")], reanchored=2)
    assert summary_line(two) == ("3 files: 1 new, 0 updated, 0 unchanged, 2 duplicates of files already in the "
                                 "store, 0 refused; 2 annotations re-attached")
    assert summary_line(IngestReport(new=["a"])) == "1 file: 1 new, 0 updated, 0 unchanged, 0 refused"
    assert counts(IngestReport()) == "0 new, 0 updated, 0 unchanged"


def test_the_first_duplicates_are_named_with_the_file_they_copy():
    dups = [("/in/b.txt", "/s/a.txt"), ("/in/c.txt", "/s/x.txt"), ("/in/d.txt", "/s/a.txt"), ("/in/e.txt", "/s/a.txt")]
    assert named_duplicates(dups[:1]) == "b.txt has the same text as a.txt"
    assert named_duplicates(dups[:2]) == "b.txt has the same text as a.txt, c.txt as x.txt"
    assert named_duplicates(dups) == "b.txt has the same text as a.txt, c.txt as x.txt, and 2 more"
