"""Events: PLOVER/CAMEO coding on the dependency parse, with actors, recipients, date and status.

Per sentence: ``triggers.find_events`` finds triggers (frame verbs in ``frames``, light verbs with
event nouns in ``lights``, plain verbs in ``verbs``, nominal events in ``nominal``; doers in
``subjects``, recipients in ``recipients``); ``build`` resolves actor and recipient phrases to actor
ids through ``arguments.Participants`` (adding participants such as "Ruritanian troops"), gives the
status (``communique.claims.assess``) and date, and applies the PLOVER future rule (announced
cooperation is AGREE, announced force THREATEN). An event whose actor cannot be resolved is dropped
unless its type may stand without one (ASSAULT, PROTEST, COERCE, RETREAT: "a roadside bomb killed
...", "three hostages were freed"). ``stage.extract_events`` runs it over a document.

Appeals ("urged", "called on/for", "appealed") are REQUESTs, as PLOVER's REQUEST takes "all requests,
demands, and orders" (manual 3.8), coded with CAMEO's appeal root 02 (a demand keeps root 10); what
they ask for has not happened and is no event. An appeal for hostile action is a demand (10); an
armed party calling for a truce expresses intent (AGREE, manual 3.8.2). Not events: what a denied
charge says happened; an attack someone claims responsibility for.
Ranking: the first of coordinated clauses, the main clause, then background clauses.
"""

from communique.events.stage import extract_events

__all__ = ["extract_events"]
