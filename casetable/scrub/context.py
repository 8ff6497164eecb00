"""Context words that tell a name from a word; they are never part of a span themselves."""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """A set of the whitespace-separated words of a block of text."""
    return frozenset(block.split())


# Honorifics, family roles and professions that stand right before a person's name:
# "mevrouw Vanhoutte", "juf Hanne", "papa Dirk", "meester Lieve Nijs", "tolk, meneer Noori".
TITLES = words(
    """
    mevrouw mevr mvr mw mej juffrouw meneer mijnheer mnr dhr heer mr madame monsieur juf
    meester dokter dr docter prof professor pastoor zuster broeder mama mam mams moeder ma
    papa pap paps vader pa oma opa bomma bompa moemoe vava meme pepe tante nonkel oom nicht
    neef zus zusje zuster broer broertje zoon zoontje zoon dochter dochtertje kleinzoon
    kleindochter kleinkind baby baby'tje kindje partner vriend vriendin lief echtgenoot
    echtgenote ex ex-partner ex-man ex-vrouw stiefvader stiefmoeder pleegmoeder pleegvader
    pleegouder pleegzoon pleegdochter grootmoeder grootvader meter buurvrouw buurman huisbaas
    huisbazin advocaat advocate tolk voogd collega begeleider begeleidster consulent werker
    werkster leerkracht directeur directrice verpleegkundige vroedvrouw huisarts psycholoog
    psychologe psychiater jeugdwerker brugfiguur coördinator zorgleerkracht contactpersoon
    mentor assistent assistente kinesist logopedist logopediste therapeut
    trajectbegeleider schuldbemiddelaar bewindvoerder jeugdconsulent wijkagent agent
    inspecteur coach oudste jongste middelste tweeling tweelingzus tweelingbroer jongen meisje
    jongere heet heten genaamd noemt naam plusmama pluspapa plusmoeder plusvader stiefmama
    stiefpapa bonusmama bonuspapa vriendje vriendinnetje hr mme ir
    """
)
# Words after which the capitalised words that follow are a family name: "het gezin Yılmaz".
FAMILY = frozenset({"gezin", "familie", "gezinnen", "families", "clan"})
# Surname particles; they join a name only between/before capitalised name words.
PARTICLES = words(
    """
    van de den der vande vanden vander ter ten 't von du da das dos del della di le la el al
    ibn bou abou abu ait ould mc mac
    """
)
# Prepositions after which a capitalised word that is also a Dutch word is a place:
# "in Boom", "naar Lier", "uit Halle".
PLACE_PREPS = words(
    """
    in uit naar te van bij rond nabij richting regio gemeente stad dorp deelgemeente
    woonplaats woont wonen verhuisd vanuit tot ocmw cpas huis caw clb politiezone tussen
    """
)
# Named neighbourhoods follow these words: "de wijk Winterslag".
AREA_WORDS = frozenset(
    {"wijk", "buurt", "deelgemeente", "cité", "mijncité", "woonwijk", "politiezone", "zone"}
)
# Chat fillers that are also first names: lowercase they are words ("enzo" = en zo).
CHAT_WORDS = frozenset(
    {"enzo", "ofzo", "mega", "ma", "pa", "tis", "kga", "kzal", "da", "wa", "nie"}
)
# Honorifics after which even a lowercase particle starts the name: "dhr de wolf".
HONORIFICS = words(
    """
    mevrouw mevr mvr mw mej juffrouw meneer mijnheer mnr dhr heer mr juf meester dokter dr
    """
)
