"""Compose the labelled data set: ``python -m netral.triage.classify.corpus.build``.

Each frame is filled several times with different slot values and wrapped in its register's
opening and closing; output is deterministic (a fixed seed) and sorted. The split is by
frame, not by example: every frame's examples land wholly in train or wholly in test, so a
test sentence never shares its wording with a training one beyond the slot vocabulary every
label shares. Per label the frames are ordered by a hash of their text and about a quarter go
to test.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from netral.triage.classify.corpus.frames_a import FRAMES_A
from netral.triage.classify.corpus.frames_b import FRAMES_B
from netral.triage.classify.corpus.frames_c import FRAMES_C
from netral.triage.classify.corpus.frames_none import FRAMES_NONE
from netral.triage.classify.corpus.slots import fill, wrap

SEED = 20241127
TEST_SHARE = 0.25
# Examples per frame: about 45-60 per label whatever the number of frames.
PER_LABEL = 60
OUTPUT = Path(__file__).resolve().parents[2] / "data" / "labelled.jsonl"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str
    split: str
    register: str
    provenance: str


def all_frames() -> dict[str, list[tuple[str, str]]]:
    frames: dict[str, list[tuple[str, str]]] = {**FRAMES_A, **FRAMES_B, "none": FRAMES_NONE}
    return {label: own + FRAMES_C.get(label, []) for label, own in frames.items()}


def _frame_key(label: str, text: str) -> str:
    return hashlib.sha256(f"{label}\n{text}".encode()).hexdigest()


def _test_frames(label: str, frames: list[tuple[str, str]]) -> set[int]:
    """About a quarter of a label's frames, chosen by hash, spread over registers where the
    label has several frames of one register."""
    order = sorted(range(len(frames)), key=lambda i: _frame_key(label, frames[i][1]))
    wanted = max(2, round(len(frames) * TEST_SHARE))
    chosen: list[int] = []
    registers: set[str] = set()
    for i in order:  # first one of each register, then whatever the hash order gives
        if frames[i][0] not in registers and len(chosen) < wanted:
            chosen.append(i)
            registers.add(frames[i][0])
    for i in order:
        if len(chosen) >= wanted:
            break
        if i not in chosen:
            chosen.append(i)
    return set(chosen)


def examples_build() -> list[Example]:
    rng = random.Random(SEED)  # noqa: S311 -- reproducible data, not secrecy
    out: list[Example] = []
    seen: set[str] = set()
    for label, frames in sorted(all_frames().items()):
        test = _test_frames(label, frames)
        per_frame = -(-PER_LABEL // len(frames))
        for index, (register, frame) in enumerate(frames):
            made = 0
            for _attempt in range(per_frame * 5):
                if made == per_frame:
                    break
                values = fill(rng, register)
                text = wrap(rng, register, frame.format(**values), values)
                if text in seen:
                    continue
                seen.add(text)
                made += 1
                out.append(
                    Example(
                        id=f"{label}-{index:02d}-{made}",
                        text=text,
                        label=label,
                        split="test" if index in test else "train",
                        register=register,
                        provenance=f"frame:{label}/{index:02d}",
                    )
                )
    return sorted(out, key=lambda e: e.id)


def main() -> None:
    rows = examples_build()
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
    print(f"{len(rows)} examples -> {OUTPUT}")


if __name__ == "__main__":
    main()
