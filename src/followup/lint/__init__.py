"""The note linter: what coaches warn about in a follow-up note, and nothing else.

Rules live one family per module (duplication, problem_solving, formality,
spelling, pushy, structure, accuracy, generic); their metadata, word lists
and patterns live in ``data/*.yaml``.
"""

from followup.lint.config import LintConfig, load_lint_config, parse_lint_config
from followup.lint.duplication import (
    CorpusDuplicate,
    Occurrence,
    find_corpus_duplicates,
    similarity_matrix,
)
from followup.lint.finding import SEVERITY_RANK, Category, Finding, RuleInfo, Severity
from followup.lint.registry import rules
from followup.lint.runner import NoteInput, lint_loop, lint_note, match_recipient

__all__ = [
    "SEVERITY_RANK",
    "Category",
    "CorpusDuplicate",
    "Finding",
    "LintConfig",
    "NoteInput",
    "Occurrence",
    "RuleInfo",
    "Severity",
    "find_corpus_duplicates",
    "lint_loop",
    "lint_note",
    "load_lint_config",
    "match_recipient",
    "parse_lint_config",
    "rules",
    "similarity_matrix",
]
