"""A taxonomy copy seeded with ten different defects: one run reports all ten, each at its line."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.lint.conftest import write_tree

DEFECTS = {
    # yaml-syntax
    "works/broken2020x.yaml": "id: broken2020x\ntitle: [unclosed\nyear: 2020\n",
    # duplicate-key (line 9)
    "works/jiang2021delphi.yaml": '''
        id: jiang2021delphi
        title: "Can Machines Learn Morality? The Delphi Experiment"
        authors: [Liwei Jiang, Jena D Hwang]
        et_al: true
        year: 2021
        arxiv: "2110.07574"
        url: https://arxiv.org/abs/2110.07574
        aliases: [Delphi]
        year: 2022
    ''',
    # schema: unknown key (line 4)
    "works/ouyang2022training.yaml": '''
        id: ouyang2022training
        type: inproceedings
        title: Training language models to follow instructions with human feedback
        auhtors: [Long Ouyang, Jeff Wu]
        year: 2022
        arxiv: "2203.02155"
        url: https://arxiv.org/abs/2203.02155
    ''',
    # arxiv-year (line 5): a 2023 arXiv id on a 2022 work
    "works/bai2022constitutional.yaml": '''
        id: bai2022constitutional
        title: "Constitutional AI: Harmlessness from AI Feedback"
        authors: [Yuntao Bai, Saurav Kadavath]
        et_al: true
        year: 2022
        arxiv: "2312.08073"
        url: https://arxiv.org/abs/2212.08073
    ''',
    # url-format (line 4): a tracking parameter
    "resources/constitutional-ai.yaml": '''
        id: constitutional-ai
        name: Constitutional AI
        kind: method
        url: https://www.anthropic.com/constitution?utm_source=twitter
        introduced_by: [bai2022constitutional]
        levels: [values]
    ''',
    # arxiv-format (line 4)
    "works/chung2022scaling.yaml": '''
        id: chung2022scaling
        title: Scaling instruction-finetuned language models
        year: 2022
        arxiv: "2210.1141"
        url: https://arxiv.org/abs/2210.11416
    ''',
    # author-format (line 3)
    "works/touvron2023llama.yaml": '''
        id: touvron2023llama
        title: "LLaMA: Open and Efficient Foundation Language Models"
        authors: [Hugo Touvronet]
        year: 2023
        arxiv: "2302.13971"
        url: https://arxiv.org/abs/2302.13971
    ''',
    # title-case (line 2)
    "works/zeng2022glm.yaml": '''
        id: zeng2022glm
        title: "Glm-130b: An open bilingual pre-trained model"
        year: 2022
        arxiv: "2210.02414"
        url: https://arxiv.org/abs/2210.02414
    ''',
    # duplicate-work (line 4): the arXiv id of jiang2021delphi
    "works/jiang2021can.yaml": '''
        id: jiang2021can
        title: Delphi, again
        year: 2021
        arxiv: "2110.07574v2"
        url: https://arxiv.org/abs/2110.07574
    ''',
    # doi-format (line 4)
    "works/smith2020example.yaml": '''
        id: smith2020example
        title: An example
        year: 2020
        doi: https://doi.org/10.1000/xyz
        url: https://example.org/
    ''',
}

EXPECTED = {
    ("yaml-syntax", "works/broken2020x.yaml", 3),
    ("duplicate-key", "works/jiang2021delphi.yaml", 9),
    ("schema", "works/ouyang2022training.yaml", 4),
    ("arxiv-year", "works/bai2022constitutional.yaml", 5),
    ("url-format", "resources/constitutional-ai.yaml", 4),
    ("arxiv-format", "works/chung2022scaling.yaml", 4),
    ("author-format", "works/touvron2023llama.yaml", 3),
    ("title-case", "works/zeng2022glm.yaml", 2),
    ("duplicate-work", "works/jiang2021can.yaml", 4),
    ("doi-format", "works/smith2020example.yaml", 4),
}


def test_ten_defects_in_one_run(tmp_path):
    root = write_tree(tmp_path / "taxonomy", DEFECTS)
    proc = subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(root), "lint",
                           "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    found = {(p["rule"], p["file"].removeprefix("taxonomy/"), p["line"])
             for p in json.loads(proc.stdout)}
    missing = EXPECTED - found
    assert not missing, f"not reported: {sorted(missing)}\nall: {sorted(found)}"
    assert len({rule for rule, _, _ in EXPECTED}) == 10
