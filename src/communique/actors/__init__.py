"""Actors: mentions found, grouped by alias, resolved by our own coreference, and coded.

Stages, in order: ``mentions.group_entities`` (named mentions from the parse and the gazetteers, grouped by
alias), ``coref.resolve_coreference`` (pronouns, role nouns, groups), ``coding.code_actors`` (country,
sector and role as of the article's date). Helpers other stages use: ``coding.code_phrase``,
``coding.role_sector`` and ``coding.code_actor_at`` (an actor as of an event's date); the data look-ups
are in ``gazetteer``; ``table.ActorTable`` owns actor ids while a stage builds actors.
"""

from communique.actors.coding import code_actor_at, code_actors, code_phrase, role_sector
from communique.actors.coref import resolve_coreference
from communique.actors.extract import extract_actors
from communique.actors.mentions import group_entities
from communique.actors.table import ActorTable

__all__ = [
    "ActorTable",
    "code_actor_at", "code_actors", "code_phrase", "extract_actors", "group_entities", "resolve_coreference", "role_sector"]
