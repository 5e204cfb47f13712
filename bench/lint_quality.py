"""Print the note linter's quality on the labelled corpus in ``fixtures/notes``.

For every category: how many notes are labelled with it, how many the linter
flags (a finding of that category at warning or above), precision and recall.
Then the figures the issue sets targets for: clean notes without an
error-level finding, interest-only notes flagged for problem solving, polite
timeline notes flagged as pushy, and duplication across loops of notes.
Misses and false alarms are listed by id so the rules can be tuned.

``tests/lint/test_corpus.py`` loads this module and pins the same figures.

Run: ``.venv/bin/python bench/lint_quality.py``
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from followup.debrief import Debrief, Interviewer, load_debrief
from followup.lint import Finding, NoteInput, lint_loop, lint_note, similarity_matrix

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "fixtures" / "notes"
LABELLED = NOTES / "labelled.yaml"
# holdout*.yaml: each written after the rules were tuned on the files before
# it, so its first measurement shows how the rules generalise to new wording.
HOLDOUTS = "holdout*.yaml"
# Blind sets written with one label per note (the fault the writer meant): a finding
# of another category on a faulty note ("sooo" in an informal note is also a
# spelling slip) is neither a hit nor a false alarm. Clean notes are fully scored.
SINGLE_LABEL_SOURCES = frozenset({f"holdout-{n}" for n in range(3, 24)})
LOOPS = NOTES / "loops"
DEBRIEFS = ROOT / "fixtures" / "debriefs"

CATEGORIES = (
    "problem_solving",
    "formality",
    "pushy",
    "spelling",
    "structure",
    "accuracy",
    "generic",
    "duplication",
    "length",
)
FLAGGING = frozenset({"warning", "error"})
# "paraphrased": one idea restated in new words ("close the gap between school and the
# bedside" / "bridge what graduates learn in the classroom and meet at the bedside"),
# beyond a light rewording; caught loops are counted, a miss is not a failure.
LOOP_KINDS = frozenset({"verbatim", "reworded", "paraphrased", "courtesy-only", "distinct"})
_ENTRY_KEYS = frozenset({"id", "categories", "text", "debrief", "to", "note"})
_LOOP_KEYS = frozenset({"duplicated", "kind", "note", "debrief", "to", "flagged_notes"})


@dataclass(frozen=True)
class Entry:
    """One labelled note of ``labelled.yaml``."""

    id: str
    categories: frozenset[str]
    text: str
    note: str
    debrief: str | None = None
    to: str | None = None
    source: str = "labelled"

    @property
    def clean(self) -> bool:
        return not self.categories

    @property
    def single_label(self) -> bool:
        """A note of a blind set labelled with its one main fault: other flags are unscored."""
        return bool(self.categories) and self.source in SINGLE_LABEL_SOURCES

    @property
    def interest_only(self) -> bool:
        return self.clean and self.note.startswith("interest-only")

    @property
    def timeline(self) -> bool:
        return self.clean and self.id.startswith("tl-")


@dataclass(frozen=True)
class Loop:
    """The notes sent to one interview team, with the expected duplication verdict."""

    name: str
    files: tuple[str, ...]
    texts: tuple[str, ...]
    duplicated: bool
    kind: str
    note: str
    debrief: str | None = None
    to: Mapping[str, str] = field(default_factory=dict)
    # Notes that must point at a copied twin; by default every note of a copied loop.
    flagged_notes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EntryResult:
    entry: Entry
    findings: tuple[Finding, ...]

    @property
    def flagged(self) -> frozenset[str]:
        return frozenset(f.category for f in self.findings if f.severity in FLAGGING)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")


@dataclass(frozen=True)
class LoopResult:
    loop: Loop
    findings: tuple[tuple[Finding, ...], ...]
    # similarity_matrix of the loop's notes (the app's heat map).
    similarity: tuple[tuple[float, ...], ...] = ()

    @property
    def max_similarity(self) -> float:
        n = len(self.similarity)
        return max((self.similarity[i][j] for i in range(n) for j in range(n) if i != j), default=0)

    def cross_note(self, index: int) -> tuple[Finding, ...]:
        """Duplication findings at warning or above that point at another note."""
        return tuple(
            f
            for f in self.findings[index]
            if f.category == "duplication" and f.severity in FLAGGING and f.related_note is not None
        )

    @property
    def flagged_files(self) -> frozenset[str]:
        return frozenset(name for i, name in enumerate(self.loop.files) if self.cross_note(i))

    @property
    def any_duplication(self) -> bool:
        return any(
            f.category == "duplication" and f.severity in FLAGGING
            for note in self.findings
            for f in note
        )


@dataclass(frozen=True)
class Score:
    """Precision and recall of one category over the labelled notes."""

    category: str
    labelled: int
    true_positives: tuple[str, ...]
    false_positives: tuple[str, ...]
    misses: tuple[str, ...]

    @property
    def flagged(self) -> int:
        return len(self.true_positives) + len(self.false_positives)

    @property
    def precision(self) -> float | None:
        return len(self.true_positives) / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        return len(self.true_positives) / self.labelled if self.labelled else None


@dataclass(frozen=True, repr=False)
class Report:
    entries: tuple[EntryResult, ...]
    loops: tuple[LoopResult, ...]

    def __repr__(self) -> str:
        # Test failures print their fixtures; the whole corpus would drown the message.
        return f"Report({len(self.entries)} notes, {len(self.loops)} loops)"

    def only(self, source: str) -> Report:
        """The notes of one file (its stem, e.g. ``labelled``), without the loops."""
        return Report(tuple(r for r in self.entries if r.entry.source == source), ())

    def score(self, category: str) -> Score:
        tp, fp, fn = [], [], []
        for r in self.entries:
            labelled = category in r.entry.categories
            flagged = category in r.flagged
            if labelled and flagged:
                tp.append(r.entry.id)
            elif flagged and not r.entry.single_label:
                fp.append(r.entry.id)
            elif labelled:
                fn.append(r.entry.id)
        labelled_count = sum(category in r.entry.categories for r in self.entries)
        return Score(category, labelled_count, tuple(tp), tuple(fp), tuple(fn))

    @property
    def clean(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.entries if r.entry.clean)

    @property
    def clean_with_errors(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.clean if r.errors)

    @property
    def interest_only(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.entries if r.entry.interest_only)

    @property
    def interest_only_flagged(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.interest_only if "problem_solving" in r.flagged)

    @property
    def timeline(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.entries if r.entry.timeline)

    @property
    def timeline_flagged(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.timeline if "pushy" in r.flagged)

    @property
    def copied_loops(self) -> tuple[LoopResult, ...]:
        return tuple(r for r in self.loops if r.loop.duplicated and r.loop.kind != "paraphrased")

    @property
    def paraphrased_loops(self) -> tuple[LoopResult, ...]:
        return tuple(r for r in self.loops if r.loop.kind == "paraphrased")

    @property
    def copied_missed(self) -> tuple[LoopResult, ...]:
        return tuple(r for r in self.copied_loops if not r.flagged_files)

    @property
    def distinct_loops(self) -> tuple[LoopResult, ...]:
        return tuple(r for r in self.loops if not r.loop.duplicated)

    @property
    def distinct_flagged(self) -> tuple[LoopResult, ...]:
        return tuple(r for r in self.distinct_loops if r.any_duplication)


def _str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected text, got {type(value).__name__}")
    return value


def load_entries(path: Path = LABELLED) -> tuple[Entry, ...]:
    """The notes of one labelled file, checked for shape (unknown keys and categories fail)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of entries")
    out = []
    for i, raw in enumerate(data):
        if not isinstance(raw, dict) or set(raw) - _ENTRY_KEYS:
            raise ValueError(f"{path}: entry {i} has unknown keys {set(raw) - _ENTRY_KEYS}")
        cats = raw.get("categories") or []
        unknown = set(cats) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"{path}: {raw.get('id')}: unknown categories {sorted(unknown)}")
        out.append(
            Entry(
                id=_str(raw["id"], f"entry {i}"),
                categories=frozenset(cats),
                text=_str(raw["text"], str(raw["id"])),
                note=_str(raw.get("note", ""), str(raw["id"])),
                debrief=raw.get("debrief"),
                to=raw.get("to"),
                source=path.stem,
            )
        )
    return tuple(out)


def load_corpus() -> tuple[Entry, ...]:
    """The labelled notes and every held-out file, ids unique across all of them."""
    entries = load_entries(LABELLED)
    for path in sorted(NOTES.glob(HOLDOUTS)):
        entries += load_entries(path)
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate ids across the labelled files")
    return entries


def load_loops(root: Path = LOOPS) -> tuple[Loop, ...]:
    """Every ``loops/<name>/`` folder: its ``*.txt`` notes and ``expected.yaml``."""
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        if set(expected) - _LOOP_KEYS or expected.get("kind") not in LOOP_KINDS:
            raise ValueError(f"{folder}/expected.yaml: unknown keys or kind")
        files = sorted(folder.glob("*.txt"))
        names = tuple(p.name for p in files)
        duplicated = bool(expected["duplicated"])
        flagged = frozenset(expected.get("flagged_notes") or (names if duplicated else ()))
        out.append(
            Loop(
                name=folder.name,
                files=names,
                texts=tuple(p.read_text(encoding="utf-8") for p in files),
                duplicated=duplicated,
                kind=expected["kind"],
                note=expected.get("note", ""),
                debrief=expected.get("debrief"),
                to=dict(expected.get("to") or {}),
                flagged_notes=flagged,
            )
        )
    return tuple(out)


@cache
def debrief(name: str) -> Debrief:
    return load_debrief(DEBRIEFS / name)


def recipient(debrief_name: str | None, to: str | None) -> Interviewer | None:
    """The interviewer named ``to`` in the debrief; a typo in the corpus is an error."""
    if debrief_name is None or to is None:
        return None
    for person in debrief(debrief_name).interviewers:
        if person.name == to:
            return person
    raise ValueError(f"{debrief_name}: nobody called {to!r}")


def run_entries(entries: Sequence[Entry]) -> tuple[EntryResult, ...]:
    results = []
    for e in entries:
        findings = lint_note(
            e.text,
            debrief=debrief(e.debrief) if e.debrief else None,
            recipient=recipient(e.debrief, e.to),
        )
        results.append(EntryResult(e, tuple(findings)))
    return tuple(results)


def run_loops(loops: Sequence[Loop]) -> tuple[LoopResult, ...]:
    results = []
    for loop in loops:
        notes = [
            NoteInput(text=text, label=name, recipient=recipient(loop.debrief, loop.to.get(name)))
            for name, text in zip(loop.files, loop.texts, strict=True)
        ]
        found = lint_loop(notes, debrief=debrief(loop.debrief) if loop.debrief else None)
        matrix = tuple(tuple(row) for row in similarity_matrix(list(loop.texts)))
        results.append(LoopResult(loop, tuple(tuple(f) for f in found), matrix))
    return tuple(results)


def evaluate() -> Report:
    return Report(run_entries(load_corpus()), run_loops(load_loops()))


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else f"{part}/0"


def _excerpt(text: str, f: Finding) -> str:
    snippet = " ".join(text[f.start : f.end].split())
    if len(snippet) > 60:
        snippet = snippet[:57] + "..."
    return f"{f.rule} [{f.severity}] {snippet!r}"


def describe_entry(result: EntryResult, category: str | None = None) -> str:
    """``id (labels): the findings of interest``, for miss lists."""
    text = result.entry.text
    shown = [
        f
        for f in result.findings
        if f.severity in FLAGGING and (category is None or f.category == category)
    ]
    labels = ",".join(sorted(result.entry.categories)) or "clean"
    found = "; ".join(_excerpt(text, f) for f in shown) or "no finding"
    return f"{result.entry.id} ({labels}): {found}"


def describe_loop(result: LoopResult) -> str:
    parts = []
    for i, name in enumerate(result.loop.files):
        dup = [f for f in result.findings[i] if f.category == "duplication"]
        parts.append(f"{name}: {len(dup)} duplication finding(s)")
    return f"{result.loop.name} ({result.loop.kind}): " + ", ".join(parts)


def format_table(report: Report, title: str) -> list[str]:
    """One row per category: labelled, flagged, TP, FP, FN, precision, recall."""
    lines = [
        f"{title}: {len(report.entries)} notes",
        f"{'category':<16}{'labelled':>9}{'flagged':>9}{'TP':>5}{'FP':>5}{'FN':>5}"
        f"{'precision':>11}{'recall':>8}",
    ]
    for cat in CATEGORIES:
        s = report.score(cat)
        lines.append(
            f"{cat:<16}{s.labelled:>9}{s.flagged:>9}{len(s.true_positives):>5}"
            f"{len(s.false_positives):>5}{len(s.misses):>5}{_pct(s.precision):>11}"
            f"{_pct(s.recall):>8}"
        )
    return lines


def format_report(report: Report) -> str:
    by_id = {r.entry.id: r for r in report.entries}
    lines = format_table(report, "all labelled notes")
    for source in dict.fromkeys(r.entry.source for r in report.entries):
        lines += ["", *format_table(report.only(source), f"{source}.yaml")]
    copied = report.copied_loops
    lines += [
        "",
        f"loops: {len(report.loops)}",
        "clean notes without an error-level finding: "
        + _ratio(len(report.clean) - len(report.clean_with_errors), len(report.clean)),
        "interest-only notes flagged for problem_solving: "
        + _ratio(len(report.interest_only_flagged), len(report.interest_only)),
        "polite timeline notes flagged pushy: "
        + _ratio(len(report.timeline_flagged), len(report.timeline)),
        "copied loops caught (verbatim/reworded): "
        + _ratio(len(copied) - len(report.copied_missed), len(copied)),
        "paraphrased loops caught (not required): "
        + _ratio(
            sum(1 for r in report.paraphrased_loops if r.flagged_files),
            len(report.paraphrased_loops),
        ),
        "courtesy-only/distinct loops flagged: "
        + _ratio(len(report.distinct_flagged), len(report.distinct_loops)),
        "copied notes pointing at their twin: "
        + _ratio(
            sum(len(r.flagged_files & r.loop.flagged_notes) for r in copied),
            sum(len(r.loop.flagged_notes) for r in copied),
        ),
    ]
    lines += ["", "highest pair similarity per loop (similarity_matrix):"]
    lines += [
        f"  {r.loop.name:<32}{r.loop.kind:<15}{r.max_similarity:.2f}"
        for r in sorted(report.loops, key=lambda r: r.max_similarity)
    ]
    problems: list[str] = []
    for cat in CATEGORIES:
        s = report.score(cat)
        problems += [f"  missed {cat}: " + describe_entry(by_id[i]) for i in s.misses]
        problems += [f"  false {cat}: " + describe_entry(by_id[i], cat) for i in s.false_positives]
    problems += ["  error on a clean note: " + describe_entry(r) for r in report.clean_with_errors]
    problems += ["  copied loop missed: " + describe_loop(r) for r in report.copied_missed]
    problems += ["  clean loop flagged: " + describe_loop(r) for r in report.distinct_flagged]
    if problems:
        lines += ["", "misses and false alarms:", *problems]
    return "\n".join(lines)


def main() -> int:
    print(format_report(evaluate()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
