"""Every Dutch sentence the bot says that is not a fact, in one place: the actions' replies, the
channels' refusals and the widget's labels. One module per language (this one is Dutch).

Facts never live here: they come from the knowledge base. These are the frames around them
(intros, questions, "meer"), written at B1 level in the je-form. Where a frame states something
about the documents (how many themes, which sectors, which study years) it has a {placeholder}
that `actions.answers` fills in from the knowledge base.
"""
from typing import Sequence

LANGUAGE = "nl"
SOURCE_PREFIX = "Bron: "

SECTOR_NAMES = {
    "mbo": "het mbo",
    "hbo": "het hbo",
    "wo": "het wo",
    "ho": "het hoger onderwijs",
    "po": "het primair onderwijs",
    "vo": "het voortgezet onderwijs",
    "so": "het (voortgezet) speciaal onderwijs",
    "lerarenopleiding": "de lerarenopleidingen",
    "geneeskunde": "de medische opleidingen",
}

# Dutch writes "het mbo, hbo en wo": an article is not repeated within a list.
ARTICLES = ("het", "de")
AND = "en"
NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def number(value: int) -> str:
    """A whole number as Dutch writes it: 1.000."""
    return f"{value:,}".replace(",", ".")


def count(value: int) -> str:
    """A small count as a word ("zes thema's"), a larger one in digits."""
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else number(value)


def listing(names: Sequence[str]) -> str:
    """"het mbo", "het hbo", "de lerarenopleidingen" -> "het mbo, hbo en de lerarenopleidingen"."""
    shown, previous = [], None
    for name in names:
        article, _, rest = name.partition(" ")
        shown.append(rest if article in ARTICLES and article == previous and rest else name)
        previous = article
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {AND} {shown[-1]}"


BULLET = "• "
FOR_SECTOR = " voor {sector}"
IN_SECTOR = " ({sector})"
THEME_LINE = "Thema {number}: {title} ({sectors})"
THEME_BUTTON = "Thema {number}: {title}"
THEME_CHOICE = "{number}. {title}"

PROFILE_NOTED = "Fijn, dat onthoud ik: {who}. Wat wil je weten?"
PROFILE_NOTED_GENERIC = "Fijn, dat onthoud ik. Wat wil je weten?"
ROLE_NAMES = {"student": "je bent student", "instelling": "je werkt bij een instelling", "school": "je werkt op een school"}
PROFILE_ROLE_IN_SECTOR = "{who} in {sector}"
PROFILE_SECTOR_ONLY = "het gaat om {sector}"

THEMES_INTRO = "De keuzelijst met acties heeft {themes}{for_sector}:"
THEME_COUNT = ("{n} thema", "{n} thema's")  # one, more (digits, as the annex writes "6 thema's")
# {sectors}: the sectors of the keuzelijst's themes.
THEMES_NONE_FOR_SECTOR = (
    "De keuzelijst met acties is voor {sectors}. Voor {sector} staat er geen thema in. "
    "Scholen kiezen uit de menukaart."
)
ACTIONS_INTRO = "Acties bij thema {number}: {title}{for_sector}:"
ACTIONS_WHICH_THEME = "Over welk thema wil je de acties zien?"
ACTIONS_THEME_NOT_FOR_SECTOR = "Thema {number} is niet bedoeld voor {sector}. Deze thema's passen wel:"
EXAMPLE_PREFIX = "Bijvoorbeeld: "
DATES_INTRO = "Deze datums en periodes noemen de documenten:"
ACTION_ANSWER_INTRO = "Op de keuzelijst met acties staat bij thema {number} ({title}):"
# A Dutch answer needs no frame: the fact speaks for itself (texts_en says "in Dutch").
FACT_INTROS: dict = {}
FACT_INTRO = ""
# Near misses: the question is about the programme, but the documents do not give what it asks.
NEAR_MISS_TYPE_AND_WORDS = "De documenten noemen geen {noun} over {words}."
NEAR_MISS_TYPE = "De documenten noemen hier geen {noun} bij."
NEAR_MISS_WORDS = "De documenten noemen niets over {words}."
NEAR_MISS_PLAIN = "Dat staat niet precies in de documenten."
UNSURE = "Dat weet ik niet zeker. Meer stukken in de documenten passen bij je vraag. Dit past het best:"
NEAR_MISS_RATE_TYPE = "De documenten noemen geen {noun} {rate}."
NEAR_MISS_RATE = "De documenten noemen dit niet {rate}."
NEAR_MISS_SECTOR = "De documenten noemen dit niet voor {sector}."
RELATED_INTRO = "Wel staat erin:"

# Where documents disagree: the newest statement first, dated; the older one as replaced.
# {document}: DOCUMENT_NAMES of its kind; {date}: "17 november 2022"; {text}: the statement.
VERSION_NEWEST = "Volgens {document} van {date}: {text}"
VERSION_SUPERSEDED = "Eerder, in {document} van {date} (nu vervangen): {text}"
DOCUMENT_NAMES = {"letter": "de brief", "annex": "de bijlage"}
DOCUMENT_NAME_OTHER = "het document"
# A relative date in a statement, with the date it means: "in februari van dit jaar (februari 2021)".
RELATIVE_DATE = "{written} ({absolute})"
# The kind of answer a question asked for (knowledge.question answer types), in near-miss replies.
TYPE_NOUNS = {
    "amount": "bedrag", "percentage": "percentage", "duration": "duur", "number": "aantal",
    "date": "datum of termijn", "clock": "tijdstip", "who": "naam van een persoon of organisatie",
    "procedure": "aanvraagprocedure", "place": "plek of document", "reason": "reden of doel", "effect": "effect of gevolg", "opinion": "mening",
}
DONT_KNOW = (
    "Dat kan ik niet vinden in de documenten over het NP Onderwijs. "
    "Misschien bedoel je een van deze onderwerpen:"
)
MORE_QUESTION = "Er is nog meer. Typ 'meer' of klik op de knop."
MORE_BUTTON = "Meer"
NO_MORE = "Er is niets meer om te laten zien. Stel gerust een nieuwe vraag."
LANGUAGE_SET = "Prima, ik antwoord in het Nederlands. Wat wil je weten over het NP Onderwijs?"
MORE_INTRO = None  # the next page of Dutch facts needs no introduction in a Dutch conversation
KB_UNAVAILABLE = "Sorry, ik kan de informatie nu even niet ophalen. Probeer het over een paar minuten opnieuw."

STUDENT_CHECK_INTRO = "Dit geldt voor jou als student in {sector}:"
STUDENT_CHECK_NO_GRANT = "Je hebt geen beurs die stopt. Dan geldt de tegemoetkoming voor het wegvallen van de beurs niet voor jou."
ADVISOR_INTRO = "Passende acties voor {sector} bij thema {number}: {title}:"

ASK_STUDENT_SECTOR = "Wat voor opleiding volg je?"
# {period}: when the grants stop, as the documents say it.
ASK_HAS_GRANT = "Heb je een basisbeurs of aanvullende beurs, en stopt die in de {period}?"
ASK_HAS_GRANT_NO_PERIOD = "Heb je een basisbeurs of aanvullende beurs die stopt?"
ASK_ADVISOR_SECTOR = "Voor welke sector zoek je acties?"
ASK_ADVISOR_THEME = "Waar wil je iets aan doen? Kies een thema."
# {sectors}: the sectors the student schemes name; {count}: how many.
INVALID_STUDENT_SECTOR = "De regelingen voor studenten gaan over {sectors}. Kies een van die {count}."
# {sectors}: the sectors and programmes the keuzelijst has themes for.
INVALID_ADVISOR_SECTOR = "De keuzelijst met acties is voor {sectors}. Kies een sector uit de lijst."
INVALID_THEME = "Dat thema ken ik niet. Kies een van de {count} thema's."
YES = "Ja"
NO = "Nee"
STOP = "Stoppen"
FORM_STOPPED = "Oké, ik ben gestopt. Stel gerust een andere vraag."
RESTARTED = "Oké, we beginnen opnieuw. Ik ben alles van dit gesprek vergeten. Wat wil je weten?"
# A typed "/command" the bot does not know (bot.channels.turn): never read as a question.
UNKNOWN_COMMAND = "Dat commando ken ik niet. Typ je vraag gewoon als zin. Wil je opnieuw beginnen? Typ dan /restart."

# Quick-reply titles of the sectors in the forms (other sectors show their own name).
SECTOR_BUTTONS = {"wo": "wo (universiteit)", "lerarenopleiding": "Lerarenopleiding"}

# Suggested topics when the bot does not know: (title, payload).
SUGGESTIONS = [
    ("Halvering collegegeld", "/ask_tuition"),
    ("Extra reisrecht", "/ask_travel_right"),
    ("Thema's voor instellingen", "/ask_themes"),
    ("Budget", "/ask_budget"),
    ("Datums", "/ask_dates"),
    ("Wat kun je?", "/help"),
]
PROFILE_BUTTONS = [
    ("Wat krijg ik als student?", "/student_check"),
    ("Welke thema's passen?", "/ask_themes"),
    ("Datums", "/ask_dates"),
]

# Replies to dialogue acts (greeting, help, out of scope ...), said by action_answer when the
# message holds no question the documents answer. (title, payload) pairs are quick replies.
# {theme_count}: how many themes the keuzelijst has.
ACT_REPLIES = {
    'greet': (
        "Hoi! Ik ben de NPO-assistent. Ik beantwoord vragen over het Nationaal Programma Onderwijs "
        "(NP Onderwijs). Waar wil je iets over weten?",
        [('Ik ben student', '/student_check'), ("Thema's voor instellingen", '/ask_themes'), ('Budget', '/ask_budget'), ('Datums en deadlines', '/ask_dates')],
    ),
    'help': (
        "Ik beantwoord vragen over het NP Onderwijs. Alles komt uit deze documenten: {documents}.\n"
        "Je kunt bijvoorbeeld vragen:\n"
        "• Studenten: halvering van het collegegeld, tegemoetkoming als je beurs stopt, extra reisrecht.\n"
        "• Instellingen: de {theme_count} thema's, acties per sector, het budget en de regels.\n"
        "• Scholen: de menukaart, leervertragingen, personeelstekort.\n"
        "• Datums en deadlines.",
        [('Check wat ik als student krijg', '/student_check'), ('Advies voor mijn instelling', '/institution_advice'), ("Thema's", '/ask_themes'), ('Datums', '/ask_dates')],
    ),
    'out_of_scope': (
        "Sorry, daar kan ik je niet mee helpen. Dat staat niet in de documenten over het NP Onderwijs. "
        "Ik weet wel iets over deze onderwerpen:",
        [('Studenten', '/student_check'), ("Thema's en acties", '/ask_themes'), ('Budget', '/ask_budget'), ('Wat kun je?', '/help')],
    ),
    'goodbye': (
        'Dag! Succes. Je kunt altijd terugkomen met een nieuwe vraag.',
        [],
    ),
    'thank': (
        'Graag gedaan! Heb je nog een vraag over het NP Onderwijs?',
        [],
    ),
    'affirm_without_context': (
        'Oké. Wat wil je weten over het NP Onderwijs?',
        [('Wat kun je?', '/help')],
    ),
}


# --------------------------------------------------------------------------- channels

UNAVAILABLE = "Sorry, ik ben even niet beschikbaar. Probeer het over een paar minuten opnieuw."
EMPTY_MESSAGE = "Je bericht is leeg. Stel je vraag in een paar woorden."
# Why a channel does not pass a message on (bot.channels.inbound), as the JSON error's "message".
# {limit}: the longest message; {max_sender}: the longest sender id.
REFUSALS = {
    "body_too_large": "Je bericht is te groot.",
    "invalid_json": "Je bericht kon niet worden gelezen. Stuur een JSON-object met 'sender' en 'message'.",
    "not_an_object": "Stuur een JSON-object met de velden 'sender' en 'message'.",
    "missing_sender": "Je bericht mist een afzender. Zet een naam of code in het veld 'sender'.",
    "missing_message": "Stuur je vraag als tekst in het veld 'message'.",
    "invalid_sender": "Zet in het veld 'sender' een naam of code van 1 tot {max_sender} tekens, zonder stuurtekens.",
    "invalid_conversation": "Dit gesprek heeft een ongeldige code. Begin een nieuw gesprek.",
    "invalid_metadata": "Het veld 'metadata' moet een JSON-object zijn.",
    "message_too_long": "Je bericht is te lang. Gebruik maximaal {limit} tekens.",
    "empty_message": EMPTY_MESSAGE,
    "forbidden_origin": "Deze website mag de NPO-assistent niet gebruiken.",
    "rate_limited": "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
    "unavailable": UNAVAILABLE,
}


# --------------------------------------------------------------------------- the website widget
# Filled into widget.js by the website channel. {title} is the widget's title (data-title).
WIDGET = {
    "title": "NPO-assistent",
    "start": (
        "Hoi! Ik beantwoord je vragen over het Nationaal Programma Onderwijs. "
        "Bijvoorbeeld over collegegeld, reisrecht of wat je school mag doen. Stel je vraag hieronder."
    ),
    "launcher": "Stel je vraag",
    "launcherLabel": "Stel je vraag aan de {title}",
    "subtitle": "Antwoorden met bronvermelding",
    "newConversation": "Nieuw gesprek",
    "close": "Chat sluiten",
    "conversation": "Gesprek",
    "you": "Jij:",
    "bot": "{title}:",
    "inputLabel": "Je vraag",
    "placeholder": "Typ je vraag…",
    "send": "Verstuur",
    "typing": "{title} typt…",
    "suggestions": "Suggesties",
    "newWindow": " (opent in een nieuw venster)",
    "disclaimer": "Dit is een digitale assistent. Check belangrijke zaken altijd bij je school.",
    "blocked": "Deze website mag de assistent niet gebruiken. Neem contact op met de beheerder van deze website.",
    "unreachable": (
        "Het lukt nu niet om de assistent te bereiken. Controleer je internetverbinding en probeer het opnieuw."
    ),
    "noAnswer": "Ik heb hierop geen antwoord gekregen. Probeer je vraag anders te stellen.",
    "retry": "Opnieuw proberen",
    "restarted": "Nieuw gesprek gestart.",
}


# --------------------------------------------------------------------------- operator's referral
# Added to replies that say the bot does not know, when an operator set one (referral.yml).
# {text}: the operator's name for the place; {url}: its address.
REFERRAL = "Kijk ook op {text}: {url}"
REFERRAL_URL_ONLY = "Kijk ook op {url}"


# --------------------------------------------------------------------------- feedback
FEEDBACK_THANKS = "Bedankt voor je reactie."
# The widget's question under a factual answer and its replies (merged into WIDGET's labels).
WIDGET_FEEDBACK = {
    "feedbackQuestion": "Nuttig?",
    "feedbackUp": "Ja, dit antwoord is nuttig",
    "feedbackDown": "Nee, dit antwoord is niet nuttig",
    "feedbackCommentLabel": "Wat klopte er niet? (mag leeg blijven)",
    "feedbackCommentSend": "Verstuur",
    "feedbackCommentSkip": "Overslaan",
    "feedbackThanks": FEEDBACK_THANKS,
    "feedbackFailed": "Je reactie is niet aangekomen. Probeer het later opnieuw.",
}
# Why the feedback URL does not take a rating, as the JSON error's "message". {limit}: longest comment.
FEEDBACK_REFUSALS = {
    "invalid_feedback": "Stuur 'sender', 'answer_id' en 'rating' ('up' of 'down'), en eventueel 'comment'.",
    "comment_too_long": "Je opmerking is te lang. Gebruik maximaal {limit} tekens.",
    "unknown_answer": "Dit antwoord kan ik niet vinden in dit gesprek.",
}
