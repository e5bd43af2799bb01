"""Write a synthetic knowledge base of N works in goalmap's real schema and layout.

    python benchmarks/generate.py OUT_DIR --works 10000 [--seed 6]

The result looks like the survey's knowledge base grown large, and lints clean:
- ``levels/``: the five goal levels (instructions, preferences, values and the
  two sub-levels of values), so ``goalmap show values`` works on it;
- ``works/``: one file per work, with BibTeX-style ids, authors, arXiv ids,
  URLs and typed links (about one work in three has a code or data link);
- ``resources/``: one resource per ten works, each introduced by a work,
  tied to goal levels, some based on an earlier resource (cross references),
  with facts;
- ``schemes/synthetic.yaml``: one default scheme whose tree is two
  perspectives x three levels x leaf categories of about fifty citations each;
  every work is cited once, some citations name resources, some have
  parenthetical sub-citations (``includes``);
- ``tables/``, ``algorithms/``, ``challenges/``: a table whose rows refer to
  resources, and list files whose entries cite works and relate to each other.

Deterministic: the same N and seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SYLLABLES = ["ka", "ro", "min", "te", "sa", "lu", "ven", "do", "ri", "mo", "nax", "pe",
             "zu", "hal", "bi", "cor", "ne", "tha", "vi", "gor"]
FIRST = ["Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jun",
         "Kofi", "Lena", "Marta", "Nils", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tara"]
TOPICS = ["alignment", "instructions", "preferences", "values", "feedback", "reward models",
          "red teaming", "harmlessness", "moral judgement", "social norms", "helpfulness",
          "honesty", "safety evaluation", "value questionnaires", "constitutions"]
VENUES = ["arXiv preprint", "NeurIPS", "ICLR", "ICML", "ACL", "EMNLP", "NAACL", "AAAI", "FAccT"]
KINDS = ["dataset", "benchmark", "model", "method", "framework"]
LINK_TYPES = ["code", "data", "project", "blog"]
LEVELS = [
    ("instructions", "Human Instructions", 1, None),
    ("preferences", "Human Preferences", 2, None),
    ("values", "Human Values", 3, None),
    ("value-principles", "Value Principles", 1, "values"),
    ("basic-values", "Basic Values", 2, "values"),
]
TOP_LEVELS = ["instructions", "preferences", "values"]
PER_LEAF = 50  # citations per leaf category


def word(i: int, width: int = 3) -> str:
    """A pronounceable, unique lower-case word for ``i`` (base-20 syllables)."""
    out = []
    for _ in range(width):
        out.append(SYLLABLES[i % 20])
        i //= 20
    while i:
        out.append(SYLLABLES[i % 20])
        i //= 20
    return "".join(out)


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def work_file(i: int, rng: random.Random) -> tuple[str, str]:
    year = 2016 + i % 8
    surname = word(rng.randrange(400), 2).capitalize()
    key = word(i)
    work_id = f"{surname.lower()}{year}{key}"
    topic = TOPICS[i % len(TOPICS)]
    arxiv = f"{year % 100:02d}{i % 12 + 1:02d}.{i:05d}"
    authors = [f"{rng.choice(FIRST)} {surname}"] + [
        f"{rng.choice(FIRST)} {word(rng.randrange(400), 2).capitalize()}"
        for _ in range(rng.randrange(1, 4))]
    lines = [
        f"id: {work_id}",
        f"type: {'preprint' if i % 3 else 'inproceedings'}",
        f"title: {q(f'{key.capitalize()}: learning {topic} from synthetic work {i}')}",
        f"authors: [{', '.join(authors)}]",
        f"et_al: {'true' if len(authors) > 2 else 'false'}",
        f"year: {year}",
        f"venue: {VENUES[i % len(VENUES)]}",
        f'arxiv: "{arxiv}"',
        f"url: https://arxiv.org/abs/{arxiv}",
    ]
    if i % 3 == 0:
        kind = LINK_TYPES[(i // 3) % len(LINK_TYPES)]
        lines += ["links:", f"  - {{type: {kind}, url: https://example.org/{kind}/{key}}}"]
    lines.append(f"summary: >-\n  A generated work on {topic}, number {i}, used to time goalmap "
                 "on a large knowledge base.")
    return work_id, "\n".join(lines) + "\n"


def resource_file(j: int, work_id: str, rng: random.Random) -> tuple[str, str]:
    rid = f"res-{word(j)}"
    level = TOP_LEVELS[j % 3]
    lines = [
        f"id: {rid}",
        f"name: {word(j).capitalize()}-{j}",
        f"kind: {KINDS[j % len(KINDS)]}",
        f"introduced_by: [{work_id}]",
        f"levels: [{level}]",
        f"description: A generated {KINDS[j % len(KINDS)]} for {TOPICS[j % len(TOPICS)]}.",
        f"url: https://example.org/resources/{rid}",
        "facts:",
        f"  - {{key: size, value: {rng.randrange(100, 100000)}, text: generated, source: synthetic}}",
    ]
    if j >= 4 and j % 4 == 0:
        lines.append(f"based_on: [res-{word(rng.randrange(j))}]")
    return rid, "\n".join(lines) + "\n"


def generate(out: Path, n: int, seed: int = 6) -> dict:
    """Write a taxonomy of ``n`` works to ``out`` (replaced if it exists); return counts."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for level_id, name, order, parent in LEVELS:
        write(out / "levels" / f"{level_id}.yaml",
              f"id: {level_id}\nname: {name}\norder: {order}\n"
              + (f"parent: {parent}\n" if parent else "")
              + f"definition: The synthetic goal level {name}.\n")

    works = []
    for i in range(n):
        work_id, text = work_file(i, rng)
        works.append(work_id)
        write(out / "works" / f"{work_id}.yaml", text)

    resources = []  # (resource id, level)
    for j in range(max(1, n // 10)):
        rid, text = resource_file(j, works[j * 10 % n], rng)
        resources.append(rid)
        write(out / "resources" / f"{rid}.yaml", text)

    # The scheme: perspectives -> levels -> leaves; work i goes to leaf i // PER_LEAF.
    leaves = max(1, -(-n // PER_LEAF))
    cat = ["id: synthetic", "name: Synthetic taxonomy", "default: true",
           "source: benchmarks/generate.py", "categories:"]
    for p, persp in enumerate(("definition", "evaluation")):
        cat += [f"  - {{id: syn-{persp}, label: {persp.capitalize()}, perspective: {persp}, "
                f"order: {p + 1}}}"]
        for li, level in enumerate(TOP_LEVELS):
            cat += [f"  - {{id: syn-{persp}-{level}, label: {level.capitalize()}, "
                    f"parent: syn-{persp}, perspective: {persp}, level: {level}, "
                    f"order: {li + 1}}}"]
    for leaf in range(leaves):
        persp = ("definition", "evaluation")[leaf % 2]
        level = TOP_LEVELS[(leaf // 2) % 3]
        cat += [f"  - id: syn-leaf-{leaf}", f"    label: Topic {word(leaf).capitalize()}",
                f"    parent: syn-{persp}-{level}", f"    perspective: {persp}",
                f"    level: {level}", f"    order: {leaf}", "    citations:"]
        for i in range(leaf * PER_LEAF, min(n, (leaf + 1) * PER_LEAF)):
            extra = ""
            if i % 10 == 0 and i // 10 < len(resources):
                extra = f", resources: [{resources[i // 10]}]"
            if i % 25 == 7 and i >= 1:
                extra += f", includes: [{{label: Earlier {i}, works: [{works[i - 1]}]}}]"
            cat.append(f"      - {{label: {q(word(i).capitalize())}, works: [{works[i]}]{extra}}}")
    write(out / "schemes" / "synthetic.yaml", "\n".join(cat) + "\n")

    rows = "\n".join(f"  - {{label: {q(word(j).capitalize())}, ref: {resources[j]}, "
                     f"cells: {{size: \"{j}\"}}}}" for j in range(min(50, len(resources))))
    write(out / "tables" / "table1.yaml",
          "id: table1\nname: Table 1\norder: 1\ncolumns: [{key: size, label: Size}]\n"
          f"rows:\n{rows}\n")
    algs = []
    for a in range(10):
        cited = ", ".join(works[(a * 97 + k) % n] for k in range(3))
        algs.append(f"- id: alg-{word(a)}\n  name: Algorithm {word(a).capitalize()}\n"
                    f"  order: {a}\n  description: A generated alignment algorithm.\n"
                    + (f"  parent: alg-{word(0)}\n" if a else "")
                    + f"  works: [{cited}]\n")
    write(out / "algorithms" / "algorithms.yaml", "".join(algs))
    chals = []
    for c in range(10):
        related = f"alg-{word(c)}, {TOP_LEVELS[c % 3]}" + (f", ch-{word(c - 1)}" if c else "")
        chals.append(f"- id: ch-{word(c)}\n  name: Challenge {word(c).capitalize()}\n"
                     f"  order: {c}\n  description: A generated open challenge.\n"
                     f"  works: [{works[(c * 131) % n]}]\n  related: [{related}]\n")
    write(out / "challenges" / "challenges.yaml", "".join(chals))
    return {"works": n, "resources": len(resources), "leaf_categories": leaves,
            "files": n + len(resources) + len(LEVELS) + 4}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--works", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    counts = generate(args.out, args.works, args.seed)
    print(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
