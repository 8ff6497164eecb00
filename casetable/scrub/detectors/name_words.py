"""The word lists and cue patterns that tell a name from a word (used by persons.py)."""

from __future__ import annotations

import re

from casetable.scrub.context import CHAT_WORDS, FAMILY, PARTICLES, TITLES, words

AGE_AFTER = re.compile(r"\s?\((?:\d{1,2}(?!\d)(?:\s?j(?:aar)?)?|°)[^)]{0,20}\)")
INITIALS_BEFORE = re.compile(r"(?:\b[A-Z]\.\s?){1,3}$")
# After surname particles these make them a preposition: "van het derde leerjaar", "van een".
NOT_AFTER_PARTICLE = words(
    """
    het een twee drie vier vijf zes zeven acht negen tien eerste tweede derde vierde vijfde
    zesde zevende achtste laatste
    """
)
# A word with these endings is a derived noun or a language adjective, never a name:
# "OCMW'er", "CLB'ers", "Franstalige".
DERIVED_ENDS = ("'er", "'ers", "’er", "’ers", "'ertje", "’ertje", "talige", "talig")
# one initial right before a word: "B. Nowicka"
ONE_INITIAL_RE = re.compile(r"(?<![\w.])[A-Z]\.\s?$")
QUOTES = "'\"‘’“”"
IMPERATIVE_NEXT = words(
    "gerust eens even maar zeker dan me mij ons hem haar hen die dat naar op de het een"
)
# After these a word is a word ("een roos"); "die jan" is how Flemish chat names people.
DETERMINERS = words("de het een deze mijn zijn haar onze jullie hun geen elke veel wat")
# Capitalised adjectives of origin or language: Afrikaans, Congolees, Eritrese, Syrische.
DEMONYM_ENDS = ("aans", "aanse", "ees", "ese", "isch", "ische", "iaans", "iaanse")
UNKNOWN_AT_START = False  # a typo or "Eén" starts sentences too; context decides there
# Flemish first names that are also very frequent words; capitalised mid-sentence they are
# the name ("vraag het aan An", "met Jan gesproken").
FREQUENT_NAMES = frozenset({"jan", "an", "ben"})
# Compound job titles are titles, not names: "Kinderbegeleider Ilse", "Thuisbegeleider Sam".
TITLE_ENDS = (
    "begeleider",
    "begeleidster",
    "verzorger",
    "verzorgster",
    "verzorgende",
    "werker",
    "werkster",
    "consulent",
    "consulente",
    "coördinator",
    "coordinator",
    "medewerker",
    "medewerkster",
    "assistent",
    "assistente",
    "kundige",
    "bemiddelaar",
    "leider",
    "leidster",
    "trainer",
    "directeur",
    "directrice",
    "therapeut",
    "helper",
    "helpster",
    "opvoeder",
    "opvoedster",
    "leerkracht",
    "agent",
    "inspecteur",
    "bediende",
    "verantwoordelijke",
    "psycholoog",
    "pedagoog",
    "juf",
    "meester",
)
# After an honorific a lowercase first name that is also a word is still a name ("meester
# wouter", "juf an"), unless the word is one that commonly follows a title.
NOT_AFTER_TITLE = words(
    """
    die dat dit de het een en of van voor met is was zei zegt heeft had kan moet wil ook nog al
    wel niet zelf nu dan toen hier daar gaat ging komt kwam vindt vond belde
    """
)
# After these a two-letter first name is a name: "papa heet mo", "een jongen genaamd al".
NAMING_VERBS = words("heet heten genaamd noemt noemen")
# A nickname in quotes near these words: "door iedereen 'de Rosse' genoemd", "bijnaam 'PJ'".
NICKNAME_CUE_RE = re.compile(r"(?i)\b(?:bijnaam|roepnaam|alias|genoemd|genaamd|noem\w*)\b")
NICKNAME_CUES = ("bijnaam", "roepnaam", "alias", "genoemd", "genaamd", "noem")
QUOTED_RE = re.compile(r"""(?<![\w'’])['‘"“]([^'’"”\n]{1,25}?)['’"”](?!\w)""")
# Verbs that follow a subject: after a first name at the start of a sentence it is the subject.
FINITE_VERBS = words(
    """
    is was heeft had zegt zei belde woont woonde werkt werkte gaat ging komt kwam wil wilde
    kan kon moet moest vertelde vroeg vindt vond krijgt kreeg zit zat blijft bleef spreekt sprak
    slaapt sliep speelt speelde loopt liep doet deed weet wist mag zal zou wordt werd staat stond
    heeft zoekt zocht betaalt betaalde verdient verdiende leeft leefde lijdt kampt
    """
)
SEASONS = frozenset({"lente", "zomer", "herfst", "winter"})
COMMON = 4.0  # Zipf at and above which a capitalised name word is read as a word first
SURNAME_COMMON = 4.5  # after a first name, a capitalised word up to this Zipf is a surname
# Particles that only names use ("van den Bossche", "Van der Linden"), unlike "van de" or "de".
ARCHAIC_PARTICLES = frozenset({"den", "der", "ter", "ten", "vanden", "vander"})
# Chat phrases after which a lowercase first name that is also a word is the name: "vraag
# naar els", "bel jan eens", "gesproken met roos", "die van kim" (Flemish: that family).
CHAT_NAME_CUE_RE = re.compile(
    r"""
    (?:
        \bvraag\w*(?:\s\w+){0,3}?\s(?:naar|aan)
      | \bbel(?:t|de|den|len)?(?:\s\w+){0,3}?\snaar
      | \bbel(?:t|de|den|len)?
        (?:\s(?:eens|even|maar|gerust|dan|best|anders|misschien|eerst|straks|morgen)){0,3}
      | \bis\s(?:dat|da|het)(?:\snie(?:t)?)?             # "is dat niet leen van ..."
      | \b(?:gesproken|sprak|spreek|spreekt|spreken|afgesproken|gebeld|gemaild|overlegd)\smet
      | \b(?:contacteer|mail|sms)\w*(?:\s(?:eens|even|maar|gerust|best)){0,2}(?:\snaar)?
      | \bdie\svan
    )
    \s$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Lowercase words that are first names but read as words after those phrases or as the first
# word of a sentence: "bel dan", "april was zwaar", "vraag naar meer".
NOT_A_CHAT_NAME = (
    NOT_AFTER_TITLE
    | IMPERATIVE_NEXT
    | SEASONS
    | CHAT_WORDS
    | TITLES  # "bel mama", "die papa heeft"
    | FAMILY
    | words(
        """
        januari februari maart april mei juni juli augustus september oktober november december
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag morgen vandaag gisteren
        """
    )
)
# After "die jan": what makes jan the person talked about ("kan die jan niet ...", "die kim
# heeft ...", "die roos?"), not "die ben ik kwijt".
AFTER_DIE_NAME = FINITE_VERBS | words("niet ook nog al wel toch zelf moet kan zou mocht")
# Words that are never a table-known name here: particles, pronouns and other function words,
# titles ("Ze", "Er", "Haar" opening a sentence; "mama"), whatever the table has seen.
NEVER_KNOWN = (
    PARTICLES
    | NOT_AFTER_TITLE
    | TITLES
    | FAMILY
    | words("ze zij hij er haar hem hun ik je jij we wij u men ons mijn zijn eén één")
)
# Initials alone ("J.V.", "A.D.M."), not the usual dotted abbreviations.
# (The look-behind comes after the first initial, so the regex engine skips to capitals.)
INITIALS_ONLY_RE = re.compile(r"[A-Z]\.(?<![\w.]..)(?:[A-Z]\.){1,2}(?![\w.])")
DOTTED_ABBREVIATIONS = frozenset(
    {
        "N.V.",
        "B.V.",
        "V.Z.W.",
        "O.C.M.W.",
        "C.A.W.",
        "C.L.B.",
        "P.S.",
        "A.U.B.",
        "T.A.V.",
        "I.V.M.",
        "D.W.Z.",
        "B.V.B.A.",
        "E.D.",
        "O.A.",
        "M.B.T.",
        "Z.N.",
    }
)
