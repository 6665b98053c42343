"""Arabic names of the codes the explorer shows: entity types, relation types (PLOVER), modalities.

The page shows the Arabic name; the code stays in the tooltip (``title``) and in the API's JSON."""
from __future__ import annotations

ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "GPE": "كيان سياسي", "NAT": "نسبة", "MISC": "أخرى"}
MODALITIES = {"asserted": "مؤكد", "reported": "منقول", "hedged": "متحفظ", "negated": "منفي", "possible": "محتمل"}
# The relation ontology of docs/relations.md (PLOVER-like), and «co» for actors named in the same articles.
RELATION_TYPES = {
    "AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "تأييد", "COOPERATE": "تعاون", "AID": "مساعدة",
    "REQUEST": "مطالبة", "ACCUSE": "اتهام", "REJECT": "رفض", "THREATEN": "تهديد", "PROTEST": "احتجاج",
    "MOBILIZE": "تعبئة", "SANCTION": "عقوبات", "COERCE": "إكراه", "ASSAULT": "اعتداء", "FIGHT": "قتال",
    "co": "ذكر مشترك",
}


def relation_label(code: str) -> str:
    """The Arabic name of a relation type (the code itself when the table has none)."""
    return RELATION_TYPES.get(code, code)


def validate() -> list[str]:
    """Problems of the tables (empty when sound): every name Arabic, every code written once."""
    problems = []
    for table in (ENTITY_TYPES, MODALITIES, RELATION_TYPES):
        for code, name in table.items():
            if not name or not all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in name):
                problems.append(f"{code}: the name {name!r} is not Arabic")
    codes = [c.upper() for c in RELATION_TYPES]
    problems += [f"{c}: written twice" for c in set(codes) if codes.count(c) > 1]
    return problems
