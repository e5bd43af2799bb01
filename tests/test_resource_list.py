"""Every arXiv id of the authors' resource list belongs to exactly one work, with its links.

The resource list (the survey authors' README) repeats works across sections;
the knowledge base records each once.  For every entry that names an arXiv
paper, the work with that id must carry the entry's Code, Data and Project
links (normalised: no tracking parameters, no fragment, no trailing slash).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from conftest import ROOT, TAXONOMY
from goalmap.loader import load

RESOURCES = ROOT.parent / "shared" / "reference" / "alignment-goal-survey-resources.md"
ENTRY = re.compile(r"^\s*\d+\.\s+\*\*(?P<title>.+?)\*\*(?P<rest>.*)$")
LINK = re.compile(r"\[\[(?P<kind>[A-Za-z]+)\]\((?P<url>[^)\s]+)\)\]")
ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(?P<id>\d{4}\.\d{4,5})")
TRACKING = re.compile(r"^(utm_.*|fbclid|trk|mc_cid|mc_eid)$")


def normal(url: str) -> str:
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k)])
    path = re.sub(r"/tree/(main|master)/?$", "", parts.path).rstrip("/")
    return urlunsplit(("https", parts.netloc.lower().removeprefix("www."), path, query, ""))


def entries():
    if not RESOURCES.exists():
        pytest.skip(f"needs ../shared/ beside the checkout: the authors' resource list "
                    f"{RESOURCES} is missing")
    out = []
    for n, line in enumerate(RESOURCES.read_text(encoding="utf-8").splitlines(), 1):
        m = ENTRY.match(line)
        if not m:
            continue
        links = [(lk["kind"].lower(), lk["url"]) for lk in LINK.finditer(m["rest"])]
        ids = {a["id"] for kind, url in links if kind == "paper" for a in ARXIV.finditer(url)}
        out.append((n, m["title"], ids, links))
    return out


@pytest.fixture(scope="module")
def kb():
    return load(TAXONOMY, use_cache=False)


def by_arxiv(kb):
    index: dict[str, list[str]] = {}
    for wid, work in kb.works.items():
        if work.arxiv:
            index.setdefault(re.sub(r"v\d+$", "", work.arxiv), []).append(wid)
    return index


def test_every_arxiv_id_of_the_list_is_exactly_one_work(kb):
    index = by_arxiv(kb)
    listed = sorted({i for _, _, ids, _ in entries() for i in ids})
    assert len(listed) > 50
    missing = [i for i in listed if i not in index]
    twice = {i: index[i] for i in listed if len(index.get(i, [])) > 1}
    assert not missing, f"arXiv ids of the resource list with no work: {missing}"
    assert not twice, f"arXiv ids recorded under more than one work: {twice}"


def test_no_arxiv_id_is_recorded_twice(kb):
    assert {i: w for i, w in by_arxiv(kb).items() if len(w) > 1} == {}


def test_works_carry_the_lists_code_data_and_project_links(kb):
    index = by_arxiv(kb)
    missing, checked = [], 0
    for line, title, ids, links in entries():
        for arxiv in ids:
            for wid in index.get(arxiv, []):
                work = kb.works[wid]
                have = {normal(lk.url) for lk in work.links}
                for kind, url in links:
                    if kind in ("code", "data", "project", "checkpoint"):
                        checked += 1
                        if normal(url) not in have:
                            missing.append(f"line {line} ({title[:40]}): {kind} {url} not on {wid}")
    assert checked > 80  # the list has over a hundred such links; most are on arXiv papers
    assert not missing, "\n".join(missing)
