"""Our own rule-based coreference: pronouns, titles, role nouns, organisations, unnamed groups.

One pass over the parse in text order keeps a list of recent mentions and resolves, conservatively:

- **titles and roles introduced with a name**: "Mr./Ms." and given names set a person's gender;
  pre-modifiers ("Chinese Foreign Minister Wang Yi") and appositives ("Maria Zakharova, the ministry's
  spokeswoman") record the role the person was introduced with, and the appositive becomes a mention;
- **role nouns** ("the spokesman", "the minister") link to the latest actor introduced with that role;
  an indefinite one ("A spokesman for the U.N. said") or one with no such actor is a new person;
- **organisation nouns** ("the ministry", "the government") link to the latest organisation whose name
  holds that noun, else become a new organisation;
- **unnamed groups** ("Israeli officials" -> group with country ISR; "sources close to the talks" ->
  unknown) become group actors, merged by name and linked by a later bare "the officials";
- **pronouns**: he/she to the nearest salient person of a compatible gender (title, given name, role noun
  or earlier pronouns), preferring subjects; mentions inside quotation marks are no antecedents for a
  pronoun outside them; they/them to groups and organisations; "it" (subject or possessive) to an
  organisation or country of the last two sentences. I/we/you are never resolved here.

Only noun phrases in argument positions (subjects, agents, "according to" objects, appositives) are
considered, which is where speakers and event actors stand. New actors get ids after the existing ones.

Modules: ``resolve`` (the stage and its pass in text order), ``state`` (the resolver: actor table, recent
mentions), ``names`` (surnames, clitics, relatives, split names), ``introductions`` (gender and roles
names come with), ``pronouns``, ``nominals`` (role nouns, groups, epithets), ``organisations``.
"""

from communique.actors.coref.names import (
    merge_clitic_names,
    merge_split_names,
    split_relatives,
    split_shared_surnames,
)
from communique.actors.coref.resolve import resolve_coreference

__all__ = ["merge_clitic_names", "merge_split_names", "resolve_coreference", "split_relatives", "split_shared_surnames"]
