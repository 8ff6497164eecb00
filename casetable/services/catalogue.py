"""Catalogues and method templates: seeding from seed_data and lookups."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from casetable import seed_data
from casetable.extensions import db
from casetable.models import CatalogueItem, MethodTemplate, User
from casetable.services import audit
from casetable.services.errors import DomainError

CATALOGUE_KINDS = ("service", "theme", "target_group", "right")


def seed_catalogues() -> None:
    """Insert the catalogues and built-in templates that are missing (idempotent)."""
    existing = {(i.kind, i.slug) for i in db.session.scalars(select(CatalogueItem))}
    for kind, rows in seed_data.CATALOGUES.items():
        for position, (slug, nl, en) in enumerate(rows):
            if (kind, slug) not in existing:
                db.session.add(
                    CatalogueItem(kind=kind, slug=slug, label_nl=nl, label_en=en, position=position)
                )
    have = set(db.session.scalars(select(MethodTemplate.slug)))
    for method in seed_data.METHODS:
        if method["slug"] not in have:
            db.session.add(MethodTemplate(builtin=True, **method))
    db.session.commit()


def catalogue(kind: str, *, active_only: bool = True) -> list[CatalogueItem]:
    """The entries of one catalogue in display order."""
    query = select(CatalogueItem).where(CatalogueItem.kind == kind)
    if active_only:
        query = query.where(CatalogueItem.active.is_(True))
    return list(db.session.scalars(query.order_by(CatalogueItem.position, CatalogueItem.id)))


def catalogue_slugs(kind: str) -> set[str]:
    return {item.slug for item in catalogue(kind)}


def labels(kind: str, lang: str = "nl") -> dict[str, str]:
    """slug -> label, including inactive entries (old tables still refer to them)."""
    return {item.slug: item.label(lang) for item in catalogue(kind, active_only=False)}


def methods(*, active_only: bool = True) -> list[MethodTemplate]:
    query = select(MethodTemplate).order_by(MethodTemplate.builtin.desc(), MethodTemplate.id)
    if active_only:
        query = query.where(MethodTemplate.active.is_(True))
    return list(db.session.scalars(query))


def add_catalogue_item(actor: User, kind: str, label_nl: str, label_en: str) -> CatalogueItem:
    """An administrator adds an entry to a catalogue."""
    label_nl, label_en = (label_nl or "").strip(), (label_en or "").strip() or label_nl
    if kind not in CATALOGUE_KINDS or not label_nl or len(label_nl) > 160:
        raise DomainError("invalid")
    slug = re.sub(r"[^a-z0-9]+", "-", label_nl.lower()).strip("-")[:60] or "item"
    if db.session.scalar(
        select(CatalogueItem).where(CatalogueItem.kind == kind, CatalogueItem.slug == slug)
    ):
        raise DomainError("invalid")
    item = CatalogueItem(
        kind=kind,
        slug=slug,
        label_nl=label_nl,
        label_en=label_en[:160],
        position=len(catalogue(kind, active_only=False)),
    )
    db.session.add(item)
    audit.record("catalogue_add", actor, kind=kind, slug=slug)
    db.session.commit()
    return item


def set_catalogue_item_active(actor: User, item_id: int, active: bool) -> None:
    """Retire or restore an entry (entries are never deleted: old tables refer to them)."""
    item = db.session.get(CatalogueItem, item_id)
    if item is None:
        raise DomainError("invalid")
    item.active = active
    audit.record("catalogue_active", actor, kind=item.kind, slug=item.slug, active=active)
    db.session.commit()


PHASE_FLAGS = ("silent", "bringer_listens", "voting", "rights_checklist", "notes")


def add_method(
    actor: User, name_nl: str, description: str, phases: list[dict[str, Any]]
) -> MethodTemplate:
    """An administrator writes a method template: a name and a list of phases."""
    name_nl = (name_nl or "").strip()
    if not name_nl or len(name_nl) > 120 or not phases or len(phases) > 20:
        raise DomainError("invalid")
    clean: list[dict[str, Any]] = []
    for i, phase in enumerate(phases):
        name = str(phase.get("name_nl", "")).strip()[:120]
        kinds = [k for k in phase.get("kinds", []) if k in seed_data.KINDS]
        minutes = phase.get("minutes", 10)
        if not name or not isinstance(minutes, int) or not 0 <= minutes <= 240:
            raise DomainError("invalid")
        clean.append(
            {
                "key": f"fase-{i + 1}",
                "name_nl": name,
                "name_en": str(phase.get("name_en") or name)[:120],
                "goal_nl": str(phase.get("goal_nl", ""))[:500],
                "prompt_nl": str(phase.get("prompt_nl", ""))[:1000],
                "minutes": minutes,
                "kinds": kinds,
                **{flag: bool(phase.get(flag)) for flag in PHASE_FLAGS},
            }
        )
    slug = re.sub(r"[^a-z0-9]+", "-", name_nl.lower()).strip("-")[:50] or "methode"
    while db.session.scalar(select(MethodTemplate).where(MethodTemplate.slug == slug)):
        slug += "-x"
    method = MethodTemplate(
        slug=slug,
        name_nl=name_nl,
        name_en=name_nl,
        description_nl=(description or "")[:2000],
        phases=clean,
    )
    db.session.add(method)
    audit.record("method_add", actor, slug=slug)
    db.session.commit()
    return method
