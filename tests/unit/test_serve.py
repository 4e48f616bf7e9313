"""`newsreader serve`'s own rules: which annotator a URL may name, and the command each tab runs."""

import shlex
import sys

from reader.tui.serve import annotator_from, app_command


def test_a_url_names_an_annotator_only_with_a_plain_name():
    assert annotator_from("alice") == "alice" and annotator_from("Anna%20Lee") == "Anna Lee"
    assert annotator_from("o.brien@desk-2") == "o.brien@desk-2"
    for bad in ("", None, "<script>", "a;rm -rf ~", "x" * 41, "../../etc", "%0Aname"):
        assert annotator_from(bad) is None, bad


def test_each_tab_runs_this_python_on_this_store_as_its_annotator(tmp_path):
    store = tmp_path / "my store"
    words = shlex.split(app_command(store, "Anna Lee"))
    assert words == [sys.executable, "-m", "reader", "--store", str(store), "--annotator", "Anna Lee"]
    assert shlex.split(app_command(store, None))[-2:] == ["--store", str(store)]


def test_behind_a_proxy_the_page_connects_to_the_address_browsers_reach(tmp_path):
    from reader.tui.serve import make_server

    server = make_server(tmp_path, "localhost", 8000, None, False, "https://news.example.org/")
    assert server.public_url == "https://news.example.org" and server.host == "localhost"
    assert make_server(tmp_path, "localhost", 8123, None, False).public_url == "http://localhost:8123"
