"""A weekday or a day of the month named without a direction ("on Thursday", "Thursday's summit",
"the 25th") is the coming or the last such day, as the tense, aspect and modality of its clause say.

Every sentence here is our own. Publication dates (and their weekdays):
Friday 22 March 2013, Tuesday 14 May 2024, Sunday 8 September 2019, Wednesday 17 November 2021.
"""

from __future__ import annotations

import pytest

from tests.times.helpers import found

FRI = "2013-03-22"
TUE = "2024-05-14"
SUN = "2019-09-08"
WED = "2021-11-17"

FUTURE = [
    # will, won't, would
    ("The foreign ministers will meet in Geneva on Thursday.", FRI, "Thursday", "2013-03-28"),
    ("Negotiators will return to the table Monday.", TUE, "Monday", "2024-05-20"),
    ("The envoy won't travel to Cairo before Saturday.", WED, "Saturday", "2021-11-20"),
    ("Aides said the president would sign the decree on Friday.", SUN, "Friday", "2019-09-13"),
    # going to
    ("The rebels are going to hand over their weapons on Sunday.", FRI, "Sunday", "2013-03-24"),
    ("The council is going to vote on the budget Wednesday.", SUN, "Wednesday", "2019-09-11"),
    # is to, is set to, is expected to, is due to, plans to
    ("The president is to address parliament on Thursday.", TUE, "Thursday", "2024-05-16"),
    ("The two delegations are to sign the accord on Monday.", WED, "Monday", "2021-11-22"),
    ("The court is set to deliver its verdict on Friday.", SUN, "Friday", "2019-09-13"),
    ("The minister is expected to resign on Wednesday.", FRI, "Wednesday", "2013-03-27"),
    ("The panel is due to publish its findings on Wednesday.", SUN, "Wednesday", "2019-09-11"),
    ("The union plans to strike on Monday.", FRI, "Monday", "2013-03-25"),
    # planned for, scheduled for: the clause's verb or a participle on a noun
    ("The vote is scheduled for Thursday.", TUE, "Thursday", "2024-05-16"),
    ("The final round was planned for Saturday.", WED, "Saturday", "2021-11-20"),
    ("The navy announced drills planned for Friday.", TUE, "Friday", "2024-05-17"),
    ("Officials confirmed talks scheduled for Monday in Doha.", FRI, "Monday", "2013-03-25"),
    ("The army published a map of drills planned on Friday near the coast.", SUN, "Friday", "2019-09-13"),
    # a present passive progressive: being hosted, being held
    ("The summit is being hosted by Qatar on Saturday.", WED, "Saturday", "2021-11-20"),
    # upcoming, next
    ("Investors fretted about the upcoming election on Sunday.", WED, "Sunday", "2021-11-21"),
    ("Lawyers prepared for the next hearing on Tuesday.", SUN, "Tuesday", "2019-09-10"),
    # a present tense that tells a schedule
    ("The vote follows the committee hearing Thursday.", FRI, "Thursday", "2013-03-28"),
    ("Talks resume Monday in Vienna.", TUE, "Monday", "2024-05-20"),
    ("The ferry leaves for the island on Saturday.", WED, "Saturday", "2021-11-20"),
]

PAST = [
    # simple past
    ("The rebels shelled the port on Wednesday.", FRI, "Wednesday", "2013-03-20"),
    ("Border guards detained two journalists Saturday.", TUE, "Saturday", "2024-05-11"),
    # past perfect
    ("The envoy had arrived in Kabul on Monday.", WED, "Monday", "2021-11-15"),
    ("By then the militia had withdrawn from the town on Thursday.", SUN, "Thursday", "2019-09-05"),
    # present perfect
    ("Two soldiers have been killed on Saturday near the border.", SUN, "Saturday", "2019-09-07"),
    ("The central bank has raised its main rate on Thursday.", FRI, "Thursday", "2013-03-21"),
    # a reporting verb in the present reports what was said already
    ("The ministry says Friday that the road is closed.", WED, "Friday", "2021-11-12"),
    # a past participle on a noun: the talks held on Monday
    ("Diplomats praise the talks held on Monday.", FRI, "Monday", "2013-03-18"),
    ("Weapons seized on Sunday are on display in the capital.", WED, "Sunday", "2021-11-14"),
]

SAME_DAY = [
    # the publication day's own weekday in a past clause is that very day (TimeML, as TE3 annotates)
    ("Police arrested the suspect on Tuesday.", TUE, "Tuesday", "2024-05-14"),
    ("Ministers met in Brussels on Sunday.", SUN, "Sunday", "2019-09-08"),
    ("Troops were patrolling the border on Tuesday.", TUE, "Tuesday", "2024-05-14"),
    ("The cabinet has approved the plan on Wednesday.", WED, "Wednesday", "2021-11-17"),
]

PROGRESSIVE = [
    # present progressive: the coming day; past progressive: the last one
    ("The two leaders are meeting Thursday.", FRI, "Thursday", "2013-03-28"),
    ("Protesters are gathering on Sunday outside parliament.", WED, "Sunday", "2021-11-21"),
    ("The two leaders were meeting Thursday when the news broke.", FRI, "Thursday", "2013-03-21"),
    ("Rescuers were still searching the rubble on Monday.", WED, "Monday", "2021-11-15"),
]

POSSESSIVE = [
    # "Thursday's summit": the verb governing the noun, or the noun's own modifier, gives the direction
    ("Thursday's summit will bring together ten leaders.", FRI, "Thursday's", "2013-03-28"),
    ("Thursday's summit ended without a deal.", FRI, "Thursday's", "2013-03-21"),
    ("Opposition leaders criticised Friday's scheduled vote.", TUE, "Friday's", "2024-05-17"),
    ("Monday's planned strike is likely to disrupt flights.", WED, "Monday's", "2021-11-22"),
    ("Diplomats are preparing for Sunday's talks.", WED, "Sunday's", "2021-11-21"),
    ("The result of Sunday's runoff surprised pollsters.", TUE, "Sunday's", "2024-05-12"),
    ("Tuesday's upcoming debate has drawn a record audience.", FRI, "Tuesday's", "2013-03-26"),
]

RELATIVE = [
    # a relative clause gives the direction of the noun it describes
    ("Thursday's summit, which Oman is hosting, aims to ease tensions.", SUN, "Thursday's", "2019-09-12"),
    ("Saturday's rally, which organisers expect to draw thousands, worries the police.", TUE, "Saturday's", "2024-05-18"),
    ("Wednesday's blast, which killed four people, was claimed by no group.", FRI, "Wednesday's", "2013-03-20"),
    ("The treaty, which the ministers signed on Monday, takes effect in June.", FRI, "Monday", "2013-03-18"),
    ("The summit, which opens on Saturday, has been overshadowed by the dispute.", WED, "Saturday", "2021-11-20"),
    ("The convoy that left on Sunday will reach the city soon.", TUE, "Sunday", "2024-05-12"),
]

ORDINAL_DAY = [
    # a day of the month alone: this month's or the next month's, this month's or the last month's
    ("The vote will take place on the 25th.", FRI, "the 25th", "2013-03-25"),
    ("The vote will take place on the 5th.", FRI, "the 5th", "2013-04-05"),
    ("The ceasefire collapsed on the 28th.", FRI, "the 28th", "2013-02-28"),
    ("The ceasefire collapsed on the 12th.", FRI, "the 12th", "2013-03-12"),
]


@pytest.mark.parametrize(("text", "published", "expr", "value"),
                         FUTURE + PAST + SAME_DAY + PROGRESSIVE + POSSESSIVE + RELATIVE + ORDINAL_DAY)
def test_direction_of_a_day_named_without_one(text, published, expr, value):
    assert found(text, published)[expr] == ("DATE", value)


# each direction rule of communique.times.tense with three sentences of its own
RULE_CASES = {
    "since_looks_back": [
        ("Prices have doubled since Monday.", WED, "Monday", "2021-11-15"),
        ("The crossing will stay shut, as it has been since Thursday.", FRI, "Thursday", "2013-03-21"),
        ("No ship has docked since the 9th.", FRI, "the 9th", "2013-03-09"),
    ],
    "scheduled_modifier": [
        ("Voters were worried about the forthcoming referendum on Sunday.", TUE, "Sunday", "2024-05-19"),
        ("The rebels rejected Wednesday's proposed ceasefire.", SUN, "Wednesday's", "2019-09-11"),
        ("The ministry released the route of the march slated for Saturday.", WED, "Saturday", "2021-11-20"),
        # a participle that dates its own act is no schedule
        ("The rebels rejected a truce proposed on Monday.", WED, "Monday", "2021-11-15"),
        ("Both sides ignored a truce proposed in early March.", "2020-01-01", "early March", "2019-03"),
    ],
    "relative_clause": [
        ("Friday's conference, which Norway will host, has already drawn protests.", TUE, "Friday's", "2024-05-17"),
        ("Monday's protests, which are continuing, have spread to the south.", WED, "Monday's", "2021-11-15"),
        ("Sunday's raid, which the army had planned for weeks, is under investigation.", FRI, "Sunday's", "2013-03-17"),
    ],
    "reporting_present": [
        ("The ministry says Friday that the road is closed.", WED, "Friday", "2021-11-12"),
        ("Officials tell reporters on Thursday that the port is open.", TUE, "Thursday", "2024-05-09"),
        ("The army confirms Monday that two soldiers died.", SUN, "Monday", "2019-09-02"),
    ],
    "moved_forward": [
        ("The hearing was postponed until Thursday.", FRI, "Thursday", "2013-03-28"),
        ("The referendum was moved to Sunday.", WED, "Sunday", "2021-11-21"),
        ("The talks were set for Monday.", TUE, "Monday", "2024-05-20"),
    ],
    "until_in_a_present_clause": [
        ("The border has been closed until Saturday.", WED, "Saturday", "2021-11-20"),
        ("Schools stay shut until Monday.", FRI, "Monday", "2013-03-25"),
        ("The rebels fought until Saturday.", WED, "Saturday", "2021-11-13"),
    ],
    "headline_schedule": [
        ("Talks resume Monday in Vienna.", TUE, "Monday", "2024-05-20"),
        ("Polls open Sunday in Kenya.", WED, "Sunday", "2021-11-21"),
        ("Peace talks resume Thursday", SUN, "Thursday", "2019-09-12"),
    ],
    "arranged_event": [
        ("Oman is hosting Thursday's summit.", SUN, "Thursday's", "2019-09-12"),
        ("Iran is boycotting Friday's talks.", TUE, "Friday's", "2024-05-17"),
        ("The UN chairs Monday's meeting in Geneva.", WED, "Monday's", "2021-11-22"),
    ],
    "possessive_in_a_present_clause": [
        ("The impact of Monday's debate is still small.", FRI, "Monday's", "2013-03-18"),
        ("The outcome of Sunday's vote remains unclear.", WED, "Sunday's", "2021-11-14"),
        ("Critics question Thursday's decision by the court.", TUE, "Thursday's", "2024-05-09"),
    ],
}


@pytest.mark.parametrize(("rule", "text", "published", "expr", "value"),
                         [(rule, *case) for rule, cases in RULE_CASES.items() for case in cases])
def test_direction_rule(rule, text, published, expr, value):
    assert found(text, published)[expr] == ("DATE", value), rule


def test_every_direction_rule_is_tested():
    from communique.times.tense import DIRECTION_RULES
    assert {r.__name__ for r in DIRECTION_RULES} == set(RULE_CASES)
