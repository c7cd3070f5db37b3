"""Who is who in constructions that put a party in the wrong slot (issue 9, second pass).

Each function answers one question about the parse that the argument rules of ``verbs``,
``subjects`` and ``build`` ask before trusting a phrase's position:

- ``pronoun_fits``: can a pronoun doer stand for the reporting party? ("The minister said they had
  shelled the market": "they" is not the minister.)
- ``headline_patient``: is the subject of an object-less participle the victim? ("34 soldiers killed
  in an attack": the soldiers are the target.)
- ``headline_predicate``: is a participle the predicate of a verbless headline?
- ``named_place``: is a place only part of a name or a thing's location? ("the Jeddah declaration",
  "violence in Haiti", "its embassy in Beirut", "its Beirut strike": the place is no party.)
- ``outside_attribution``: does an "according to" inside a relative clause attribute the main
  clause? ("The militia shelled the village, which, according to local sources, killed six": no.)
- ``claimed_subject``: is a copula's subject a clause of saying? ("what activists claim was a
  massacre": the activists did nothing.)
- ``own_warning``: does a warning announce the warner's own answer? ("warned it would respond")
- ``returned_from``: who gave back those returned from a party? ("Twelve prisoners were returned to
  Ruritania from Freedonia": Freedonia released them.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data, syntax
from communique.actors.gazetteer import gazetteer
from communique.claims import cues
from communique.events.patterns import match, participant_sectors, weapons

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.records import Quote

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
NONPERSON_PRONOUNS = frozenset({"it", "they", "them"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
WH_PRONOUNS = frozenset({"what", "which", "that", "whatever", "who", "whoever"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
LOCATION_PREPS = ("in", "at", "near", "inside", "outside")
PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
FINAL_PUNCT = frozenset({".", "!", "?", '"', "'", "”", "’"})


def pronoun_fits(heads: list[Token], actor_type: str, plural: bool = False, official: bool = False) -> bool:
    """Whether the pronoun doers ``heads`` can refer to a reporting party of ``actor_type``
    (``plural``: the party was named by a plural noun, "officials"; ``official``: a person who
    speaks for a state, whose "it" is that state: "The foreign minister said it would expel ...").

    A first person speaks of the speaker's side; "he"/"she" is a person; "it" and "they" are a
    country, an organisation or a group, never one person. "The minister said they had bombed the
    hospital", '"It fired on the crowd," the activist said', "It was a crime to bomb the hospital, the
    minister said", "what the rebels claim was an attack": no doer named; "The army said it had
    shelled the positions", "Police say they arrested the suspects", "The president said he had
    ordered the strike": the reporter.
    """
    for h in heads:
        low = h.lower_
        if low in WH_PRONOUNS:
            return False  # "what activists claim was a massacre": the claimant did not do it
        if low in PERSON_PRONOUNS and actor_type != "person":
            return False
        if low in NONPERSON_PRONOUNS and actor_type == "person" and not plural and not (official and low == "it"):
            return False
        if low == "it" and expletive_it(h):
            return False
    return True


def expletive_it(h: Token) -> bool:
    """"It" as the dummy subject of a copula with an extraposed clause: "It was a crime to bomb ..."."""
    head = h.head
    return h.dep_ == "nsubj" and head.lemma_ == "be" and bool(syntax.children(head, ("xcomp", "ccomp", "csubj")))


def headline_patient(v: Token) -> bool:
    """An object-less participle of a verb that needs an object, with no auxiliary, whose subject is
    what it was done to: a headline or a reduced passive.

    "34 soldiers killed in an attack on a base", "Two journalists wounded in shelling near the front",
    "Five activists detained after a rally": the subject is the recipient, no doer is named (a by-phrase
    names it: "Three villagers abducted by gunmen"). Also the clause of a headline's verb of saying
    ("Armenia says soldiers killed and detained by Azerbaijani forces": both participles).
    """
    if v.tag_ not in ("VBD", "VBN") or v.lemma_.lower() not in data.words("events.patient_verbs"):
        return False
    if syntax.children(v, ("dobj", "ccomp", "aux", "auxpass", "dative", "attr", "oprd", "prt")):
        return False
    if not all(victims(s) for s in syntax.subjects(v, ("nsubj",))):
        return False  # "prices shot up": no one the violence is done to
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and syntax.children(c, ("dobj",)) for c in v.children):
        return False  # "troops shot and killed three": the object is shared
    if v.dep_ == "conj" and v.head.tag_ in ("VBD", "VBN") and headline_patient(v.head):
        return True  # "soldiers killed and detained by ...": the first participle's reading
    if v.dep_ == "ccomp" and syntax.subjects(v, ("nsubj",)) and reported_in_headline(v):
        return True  # "Armenia says soldiers killed in border clash", "Police claim three gunmen shot dead"
    if v.dep_ not in ("ROOT", "acl") or not syntax.subjects(v, ("nsubj",)) and v.dep_ == "ROOT":
        return False
    has_pp = bool(syntax.children(v, ("prep", "agent")))
    last = v.sent[-1]
    return has_pp or last.text not in FINAL_PUNCT


def reported_in_headline(v: Token) -> bool:
    """``v`` is the clause of a verb of saying in a headline ("X says ...", "X claims ..."): the
    article's first line, or a line with no final full stop and no quotation; and no at/on/against
    phrase makes the subject a doer ("the attackers shot at them, he said")."""
    if v.head.lemma_.lower() not in data.words("events.headline_say_verbs") or syntax.prep_objects(v, ("at", "on", "against")):
        return False
    sent = v.sent
    return sent.start == 0 or (sent[-1].text not in FINAL_PUNCT and not any(t.is_quote for t in sent))


def combat_opponents(v: Token) -> list[Token]:
    """Those killed or wounded in a fight "with" a side were hit by that side: the with-phrase of a
    combat noun in the in/during-phrase of a passive harm verb is the doer, not a victim.

    "19 cartel members killed in a shootout with troops" -> troops; "Three soldiers were wounded in
    clashes with militants near the border" -> militants; "Two guards have been killed during a
    firefight with smugglers" -> smugglers.
    """
    if not (syntax.is_passive(v) or headline_patient(v)) or syntax.passive_agents(v):
        return []
    fights = [n for n in syntax.prep_objects(v, ("in", "during")) if n.lemma_.lower() in data.words("events.place_situations")]
    if not fights:
        return []
    return [o for n in [*fights, v] for o in syntax.prep_objects(n, ("with",))]  # also hung on the verb


def victims(s: Token) -> bool:
    """A subject that can be the victim of violence: people, counted or named, or a participant noun."""
    counted = any(c.dep_ == "nummod" or c.like_num for c in s.children) or s.like_num
    return counted or s.ent_type_ in ("PERSON", "NORP") or participant_sectors().get(s.lemma_.lower()) is not None


def headline_predicate(v: Token) -> bool:
    """A participle hung on the noun root of a sentence with no finite verb is its predicate.

    "Five policemen killed in a bombing at a checkpoint.", "Twelve villagers abducted by gunmen",
    "Two journalists wounded in shelling near the front line".
    """
    if v.dep_ != "acl" or v.tag_ != "VBN" or v.head.dep_ != "ROOT" or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if v.lemma_.lower() not in data.words("events.patient_verbs"):
        return False  # "Families of the hostages protested outside ...": an active verb the tagger took for a participle
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in v.sent)


def named_place(h: Token) -> bool:
    """A place that only names or locates a thing is no party to the event done with the thing.

    "the Jeddah declaration", "its Beirut strike" (a town as modifier of a thing; a country before a
    noun owns or does it: "US mediation", "US assertions"), "condemned the violence in Haiti",
    "deplored the war in the north of Ruritania" (a place in an in/at-phrase of a situation acted
    on; not "the parties to the conflict in Iraq", who are Iraq's), "its embassy in Beirut" (of a
    thing its doer owns): the place is not the recipient. A place acted on itself ("shelled
    Kharkiv", "strikes on Beirut") or helped ("aid in Somalia", "Gaza aid") is.
    """
    place = gazetteer().lookup(h.text)
    if h.ent_type_ not in PLACE_ENTS and place is None:
        return False
    if h.dep_ in ("compound", "nmod", "amod"):
        country = place
        owner = country is not None and country.kind in ("country", "demonym")
        return thing(h.head) and not helps(h.head) and not owner  # "US mediation", "US assertions": the US's
    if h.dep_ == "pobj" and h.head.lower_ in LOCATION_PREPS:
        n = h.head.head
        acted_on = n.dep_ in ("dobj", "nsubjpass")
        situation = n.lemma_.lower() in data.words("events.situation_nouns") and acted_on
        return thing(n) and (situation or own(n))
    return False


def location_modifier(c: Token, h: Token) -> bool:
    """A place name before an event noun says where it happened, not who did it or to whom.

    Before a situation noun (``events.place_situations``) any place: "the Libya fighting", "the
    Darfur clashes", "Gaza violence", "Syria's war" (a possessor only when the noun has no in/on/
    against/with phrase of its own: "Russia's war in Ukraine" is Russia's). Before any other event
    noun a town or region, not a country: "the Kharkiv strike", "a Beirut blast", "the Mogadishu
    bombing". Countries and nationalities keep the doer slot: "US strikes on militias", "Israeli
    strikes", "Russian shelling"; so does a capital as possessor ("Moscow's offensive").
    """
    if c.dep_ not in ("compound", "nmod", "poss", "npadvmod") or c.i > h.i:
        return False
    name = " ".join(t.text for t in c.subtree if t.dep_ in ("compound", "nmod") or t is c)
    place = gazetteer().lookup(name) or gazetteer().lookup(c.text) or gazetteer().city(name) or gazetteer().city(c.text)
    if c.ent_type_ not in PLACE_ENTS and place is None or place is not None and place.kind == "demonym":
        return False
    if h.lemma_.lower() in data.words("events.place_situations"):  # any place
        return c.dep_ != "poss" or not syntax.prep_objects(h, ("in", "on", "against", "with"))
    lemma = h.lemma_.lower()
    event_noun = match(h) is not None or lemma in weapons("attack") or lemma in data.words("events.violent_causes")
    state = place is not None and (place.kind == "country" or place.kind == "capital" and c.dep_ == "poss")
    return event_noun and not state  # "Washington's lifting of sanctions": the capital is the government


def place_of(h: Token, words: set[int]) -> bool:
    """``h`` is a place in an in/at-phrase hung on one of the event's ``words`` (trigger, anchor):
    where the event happened ("met in Geneva", "the negotiations in Mexico City", "was arrested in
    Texas")."""
    if h.dep_ != "pobj" or h.head.lower_ not in ("in", "at") or h.head.head.i not in words:
        return False
    g = gazetteer()
    return h.ent_type_ in PLACE_ENTS or g.lookup(h.text) is not None or g.city(h.text) is not None


def party(h: Token) -> bool:
    """A phrase naming people or a party, not a place: "Zambada", "the rebels", "two activists"."""
    if h.ent_type_ in PLACE_ENTS:
        return False
    return h.ent_type_ in ("PERSON", "NORP", "ORG") or participant_sectors().get(h.lemma_.lower()) is not None


def headline_place(v: Token, subj: Token) -> bool:
    """A place right before a bare "-ing" situation word with no auxiliary is a headline's noun
    compound, not a subject: the place says where.

    "Tripoli fighting eases after truce", "Gaza fighting rages on", "Sudan fighting spreads to
    Darfur"; not "Russia fighting Ukraine" (a party as object: the headline dropped "is").
    """
    if v.tag_ != "VBG" or v.lemma_.lower() not in data.words("events.place_situations") or subj.i != v.i - 1:
        return False
    if syntax.children(v, ("aux", "auxpass")):
        return False
    g = gazetteer()
    if subj.ent_type_ not in PLACE_ENTS and g.lookup(subj.text) is None and g.city(subj.text) is None:
        return False
    return not any(party(o) or g.lookup(o.text) is not None for o in syntax.direct_objects(v))


def site_of(n: Token) -> bool:
    """An event noun in the of-phrase of a site noun that is a copula's attribute happened at the
    copula's subject, which is no party to it.

    "Jaffna was the site of repeated fighting", "The border town became the scene of heavy clashes",
    "The valley has remained the theatre of bitter fighting".
    """
    if n.dep_ != "pobj" or n.head.lower_ != "of":
        return False
    site = n.head.head
    return site.dep_ in ("attr", "oprd") and site.lemma_.lower() in data.words("events.site_nouns")


def own(n: Token) -> bool:
    """The thing is its doer's own: "its embassy", "their office" (not "a boys' school")."""
    return any(p.lower_ in OWN_POSSESSIVES for p in syntax.possessors(n, pronouns=True))


def helps(n: Token) -> bool:
    """An aid noun: the place it goes to is its recipient ("Gaza aid", "assistance in Somalia")."""
    p = match(n)
    return p is not None and p.cameo.startswith("07")


def thing(n: Token) -> bool:
    """A common noun that names no participant: "declaration", "violence", "embassy", "strike"."""
    return n.pos_ == "NOUN" and participant_sectors().get(n.lemma_.lower()) is None and n.ent_type_ == ""


def owned_place(h: Token) -> bool:
    """A place in an in/at-phrase of a thing the doer owns says nothing of the doer's country.

    "Freedonia closed its embassy in Beirut", "Ruritania moved its consulate in Lagos", "the
    ministry shut their office at the border post", "Freedonia deployed its troops in Mali" (the
    in-phrase hung on the verb of an owned object).
    """
    if h.dep_ != "pobj" or h.head.lower_ not in LOCATION_PREPS:
        return False
    gov = h.head.head
    if gov.pos_ == "VERB":  # "closed its consulate | in Mombasa": the phrase hung on the verb
        return any(own(o) for o in syntax.direct_objects(gov))
    return gov.pos_ == "NOUN" and own(gov)


def returned_from(v: Token) -> list[Token]:
    """Whoever those returned "from" a party were held by gave them back: the from-phrase of a
    passive return names the releaser when it is a party, not a place of detention.

    "Twelve prisoners were returned to Ruritania from Freedonia" -> Freedonia; "The bodies were
    repatriated from Freedonia", "Two sailors were handed back from the rebels' side"; not "released
    from prison".
    """
    if v.lemma_.lower() not in data.words("events.return_verbs"):
        return []
    heads = syntax.prep_objects(v, ("from",))
    for prt in syntax.children(v, ("prt",)):
        heads += syntax.prep_objects(prt, ("from",))
    return [h for h in heads if h.ent_type_ in PARTY_ENTS and match(h) is None]


def outside_attribution(quote: Quote, trigger: Token) -> bool:
    """An "according to X" inside a relative or adverbial clause attributes that clause only: an event
    outside it is not on X's word.

    "The militia shelled the village, which, according to local sources, killed six people": the
    shelling is asserted, the killing reported; "Troops fired on the crowd after, according to
    witnesses, stones were thrown"; "The army, which according to the ministry lost ten men, retreated";
    not "Troops shelled the town and killed two, according to witnesses" (all on the witnesses' word).
    """
    if not quote.provenance.endswith("according_to") or quote.cue is None:
        return False
    span = trigger.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None:
        return False
    acc = span[0]
    clause = acc.head
    if clause.dep_ not in ("relcl", "acl", "advcl", "conj") or clause.pos_ not in ("VERB", "AUX") or acc.i > clause.i:
        return False  # a sentence-final "according to" hung on the last clause attributes them all
    return trigger.i not in {t.i for t in clause.subtree}


def claimed_subject(copula: Token) -> bool:
    """A copula whose subject is a clause of saying ("what X claim/call/describe") names no doer of
    its attribute: the claimant only calls it so.

    "what activists claim was a massacre", "what the ministry described as an attack was a border
    skirmish", "what the rebels call an offensive is ...".
    """
    return any(c.lemma_.lower() in cues() or c.lemma_.lower() in ("call", "describe", "term", "dub") for c in syntax.children(copula, ("csubj",)))


def own_warning(v: Token) -> bool:
    """A warning that announces the warner's own hostile answer is a threat even without an event
    verb: a that-clause whose subject is the warner ("it", "they", "we") with "would/will", or a
    warning of retaliation, a response or consequences.

    "The army warned that it would respond with force", "Moscow warned of retaliation if the
    missiles were deployed", "The ministry warned of a strong response"; not "Aid groups warned of
    a famine", nor "Analysts warned that prices would rise".
    """
    for c in syntax.children(v, ("ccomp",)):
        own = any(s.lower_ in ("it", "they", "we", "i") for s in syntax.subjects(c, ("nsubj",)))
        if own and any(a.lower_ in ("would", "will", "'ll", "'d") for a in syntax.children(c, ("aux",))):
            return True
    objects = syntax.prep_objects(v, ("of", "against"))
    return any(o.lemma_.lower() in data.words("events.warning_objects") for o in objects)
