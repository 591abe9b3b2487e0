"""Every English sentence the bot says that is not a fact: the English twin of `actions.texts`.

The same names as the Dutch module, so `actions.answers` picks one module per conversation
language (`texts_for`). Facts stay in the documents' Dutch: the frames here say so ("The letter
says (in Dutch):") and the source line follows. Numbers, dates and amounts of a fact are also said
in English, generated from the knowledge base's rows with the word table at the end.
"""
from typing import Sequence

LANGUAGE = "en"
SOURCE_PREFIX = "Source: "

SECTOR_NAMES = {
    "mbo": "mbo (secondary vocational education)",
    "hbo": "hbo (universities of applied sciences)",
    "wo": "wo (research universities)",
    "ho": "higher education",
    "po": "primary education",
    "vo": "secondary education",
    "so": "special (secondary) education",
    "lerarenopleiding": "teacher training",
    "geneeskunde": "medical programmes",
}

ARTICLES = ()
AND = "and"
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")


def number(value: int) -> str:
    """A whole number as English writes it: 1,000."""
    return f"{value:,}"


def count(value: int) -> str:
    """A small count as a word ("six themes"), a larger one in digits."""
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else number(value)


def listing(names: Sequence[str]) -> str:
    """"mbo", "hbo", "teacher training" -> "mbo, hbo and teacher training"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {AND} {names[-1]}"


BULLET = "• "
FOR_SECTOR = " for {sector}"
IN_SECTOR = " ({sector})"
# Theme titles and action texts are the annex's own Dutch words.
THEME_LINE = "Theme {number}: {title} ({sectors})"
THEME_BUTTON = "Theme {number}: {title}"
THEME_CHOICE = "{number}. {title}"

PROFILE_NOTED = "Thanks, I'll remember that: {who}. What would you like to know?"
PROFILE_NOTED_GENERIC = "Thanks, I'll remember that. What would you like to know?"
ROLE_NAMES = {"student": "you are a student", "instelling": "you work at an institution",
              "school": "you work at a school"}
PROFILE_ROLE_IN_SECTOR = "{who} in {sector}"
PROFILE_SECTOR_ONLY = "it is about {sector}"

THEMES_INTRO = "The list of actions (keuzelijst) has {themes}{for_sector}. The titles are in Dutch:"
THEME_COUNT = ("{n} theme", "{n} themes")  # one, more
THEMES_NONE_FOR_SECTOR = (
    "The list of actions (keuzelijst) is for {sectors}. It has no theme for {sector}. "
    "Schools choose from the menu of interventions (menukaart). The documents say (in Dutch):"
)
# (the Dutch title in brackets, as in ACTION_ANSWER_INTRO: after a colon it read as the reply turning Dutch)
ACTIONS_INTRO = "Actions under theme {number} ({title}){for_sector}. The annex says (in Dutch):"
ACTIONS_WHICH_THEME = "Which theme would you like to see the actions for?"
ACTIONS_THEME_NOT_FOR_SECTOR = "Theme {number} is not meant for {sector}. These themes do fit:"
EXAMPLE_PREFIX = "Bijvoorbeeld: "   # part of the annex's Dutch text
DATES_INTRO = "These dates and periods are in the documents (in Dutch):"
ACTION_ANSWER_INTRO = "The list of actions has this under theme {number} ({title}), in Dutch:"
# An answer: the fact in the documents' Dutch, introduced per document.
FACT_INTROS = {"letter": "The letter says (in Dutch):", "annex": "The annex says (in Dutch):"}
FACT_INTRO = "The documents say (in Dutch):"
# Numbers, dates and amounts of the fact, said in English (from the knowledge base's rows).
FACTS_IN_ENGLISH = "In English: {facts}."
FACT_KINDS = {"amount": "amount {value}", "date": "{value}", "figure": "{value}"}  # a date reads as itself: "this academic year"
# Near misses: the question is about the programme, but the documents do not give what it asks.
NEAR_MISS_TYPE_AND_WORDS = "The documents do not give {noun} for {words}."
NEAR_MISS_TYPE = "The documents do not give {noun} for this."
NEAR_MISS_WORDS = "The documents do not say anything about {words}."
NEAR_MISS_PLAIN = "The documents do not say exactly that."
UNSURE = "I don't know for sure. Several parts of the documents fit your question. This fits best (in Dutch):"
NEAR_MISS_RATE_TYPE = "The documents do not give {noun} {rate}."
NEAR_MISS_RATE = "The documents do not give this {rate}."
NEAR_MISS_SECTOR = "The documents do not say this for {sector}."
RELATED_INTRO = "What they do say (in Dutch):"
TYPE_NOUNS = {
    "amount": "an amount", "percentage": "a percentage", "duration": "a duration", "number": "a number",
    "date": "a date or deadline", "clock": "a time of day", "who": "the name of a person or organisation",
    "procedure": "an application procedure", "place": "a place or document", "reason": "a reason or purpose", "effect": "an effect or consequence",
    "opinion": "an opinion",
}
DONT_KNOW = (
    "The documents do not say anything about that; I can only answer from the documents about the "
    "NP Onderwijs (Nationaal Programma Onderwijs). Perhaps you mean one of these topics:"
)
MORE_QUESTION = "There is more. Type 'more' or click the button."
MORE_BUTTON = "More"
NO_MORE = "There is nothing more to show. Feel free to ask a new question."
LANGUAGE_SET = ("Sure, I will answer in English. The documents themselves are in Dutch, so I quote them in Dutch "
                "and explain in English. What would you like to know about the NP Onderwijs?")
MORE_INTRO = "More from the documents (in Dutch):"
KB_UNAVAILABLE = "Sorry, I cannot get the information right now. Please try again in a few minutes."

STUDENT_CHECK_INTRO = "This applies to you as a student in {sector}. The letter says (in Dutch):"
STUDENT_CHECK_NO_GRANT = ("You do not have a grant that stops, so the compensation for a grant that stops "
                          "does not apply to you.")
ADVISOR_INTRO = "Actions that fit {sector} under theme {number}: {title}. The annex says (in Dutch):"

ASK_STUDENT_SECTOR = "What kind of programme are you in?"
# {period}: when the grants stop, from the documents' date row (in English when its words are known).
ASK_HAS_GRANT = "Do you have a basic grant or supplementary grant that stops in the {period}?"
ASK_HAS_GRANT_NO_PERIOD = "Do you have a basic grant or supplementary grant that stops?"
ASK_ADVISOR_SECTOR = "Which sector are you looking for actions for?"
ASK_ADVISOR_THEME = "What would you like to work on? Choose a theme."
INVALID_STUDENT_SECTOR = "The schemes for students are about {sectors}. Choose one of those {count}."
INVALID_ADVISOR_SECTOR = "The list of actions is for {sectors}. Choose a sector from the list."
INVALID_THEME = "I do not know that theme. Choose one of the {count} themes."
YES = "Yes"
NO = "No"
STOP = "Stop"
FORM_STOPPED = "OK, I have stopped. Feel free to ask something else."
RESTARTED = "OK, let's start over. I have forgotten everything from this conversation. What would you like to know?"
# A typed "/command" the bot does not know (bot.channels.turn): never read as a question.
UNKNOWN_COMMAND = "I don't know that command. Just type your question. Want to start over? Type /restart."

SECTOR_BUTTONS = {"mbo": "mbo (vocational)", "hbo": "hbo (applied sciences)", "wo": "wo (university)",
                  "ho": "higher education", "lerarenopleiding": "Teacher training"}

SUGGESTIONS = [
    ("Tuition fees halved", "/ask_tuition"),
    ("Extra travel right", "/ask_travel_right"),
    ("Themes for institutions", "/ask_themes"),
    ("Budget", "/ask_budget"),
    ("Dates", "/ask_dates"),
    ("What can you do?", "/help"),
]
PROFILE_BUTTONS = [
    ("What do I get as a student?", "/student_check"),
    ("Which themes fit?", "/ask_themes"),
    ("Dates", "/ask_dates"),
]

ACT_REPLIES = {
    'greet': (
        "Hi! I am the NPO assistant. I answer questions about the Nationaal Programma Onderwijs "
        "(the Dutch national education programme after covid). The documents are in Dutch; I answer in "
        "English and quote them. What would you like to know?",
        [("I'm a student", '/student_check'), ('Themes for institutions', '/ask_themes'), ('Budget', '/ask_budget'),
         ('Dates and deadlines', '/ask_dates')],
    ),
    'help': (
        "I answer questions about the NP Onderwijs. Everything comes from these Dutch documents: {documents}.\n"
        "For example, you can ask about:\n"
        "• Students: tuition fees halved, compensation when your grant stops, extra travel right.\n"
        "• Institutions: the {theme_count} themes, actions per sector, the budget and its rules.\n"
        "• Schools: the menu of interventions, learning delays, staff shortage.\n"
        "• Dates and deadlines.",
        [('Check what I get as a student', '/student_check'), ('Advice for my institution', '/institution_advice'),
         ('Themes', '/ask_themes'), ('Dates', '/ask_dates')],
    ),
    'out_of_scope': (
        "Sorry, I cannot help you with that. It is not in the documents about the NP Onderwijs. "
        "I do know about these topics:",
        [('Students', '/student_check'), ('Themes and actions', '/ask_themes'), ('Budget', '/ask_budget'),
         ('What can you do?', '/help')],
    ),
    'goodbye': (
        'Goodbye and good luck! You can always come back with a new question.',
        [],
    ),
    'thank': (
        "You're welcome! Do you have another question about the NP Onderwijs?",
        [],
    ),
    'affirm_without_context': (
        'OK. What would you like to know about the NP Onderwijs?',
        [('What can you do?', '/help')],
    ),
}


# --------------------------------------------------------------------------- channels
# The channels refuse a message before any language is known, so they answer in Dutch; these are
# the English wording for a client that asks for it.
UNAVAILABLE = "Sorry, I am not available right now. Please try again in a few minutes."
EMPTY_MESSAGE = "Your message is empty. Ask your question in a few words."
REFUSALS = {
    "body_too_large": "Your message is too large.",
    "invalid_json": "Your message could not be read. Send a JSON object with 'sender' and 'message'.",
    "not_an_object": "Send a JSON object with the fields 'sender' and 'message'.",
    "missing_sender": "Your message has no sender. Put a name or code in the field 'sender'.",
    "missing_message": "Send your question as text in the field 'message'.",
    "invalid_sender": "Put a name or code of 1 to {max_sender} characters, without control characters, in 'sender'.",
    "invalid_conversation": "This conversation has an invalid code. Start a new conversation.",
    "invalid_metadata": "The field 'metadata' must be a JSON object.",
    "message_too_long": "Your message is too long. Use at most {limit} characters.",
    "empty_message": EMPTY_MESSAGE,
    "forbidden_origin": "This website may not use the NPO assistant.",
    "rate_limited": "You are sending many messages in a short time. Wait a moment and try again.",
    "unavailable": UNAVAILABLE,
}


# --------------------------------------------------------------------------- the website widget
# The widget's own labels on a page with lang="en" or data-lang="en" (see actions.texts.WIDGET).
WIDGET = {
    "title": "NPO assistant",
    "start": (
        "Hi! I answer your questions about the Nationaal Programma Onderwijs, in English or Dutch. "
        "For example about tuition fees, the travel right or what your school may do. Ask your question below."
    ),
    "launcher": "Ask a question",
    "launcherLabel": "Ask the {title} a question",
    "subtitle": "Answers with their source",
    "newConversation": "New conversation",
    "close": "Close chat",
    "conversation": "Conversation",
    "you": "You:",
    "bot": "{title}:",
    "inputLabel": "Your question",
    "placeholder": "Type your question…",
    "send": "Send",
    "typing": "{title} is typing…",
    "suggestions": "Suggestions",
    "newWindow": " (opens in a new window)",
    "disclaimer": "This is a digital assistant. Always check important matters with your school.",
    "blocked": "This website may not use the assistant. Please contact the owner of this website.",
    "unreachable": "The assistant cannot be reached right now. Check your internet connection and try again.",
    "noAnswer": "I did not get an answer to this. Try asking your question differently.",
    "retry": "Try again",
    "restarted": "New conversation started.",
}


# --------------------------------------------------------------------------- numbers and dates
# Words of the knowledge base's date and figure rows, in English. A row with a word not listed
# here is not said in English (the Dutch fact still is): never a half-translated date.
MONTHS = {
    "januari": "January", "februari": "February", "maart": "March", "april": "April", "mei": "May",
    "juni": "June", "juli": "July", "augustus": "August", "september": "September", "oktober": "October",
    "november": "November", "december": "December",
}
DATE_WORDS = {
    **MONTHS,
    "tot en met": "up to and including", "tot": "until", "sinds": "since", "vanaf": "from", "van": "of",
    "in het voorjaar van": "in the spring of", "in het najaar van": "in the autumn of",
    "in het voorjaar": "in the spring", "in het najaar": "in the autumn", "dit najaar": "this autumn",
    "vorig najaar": "last autumn", "voorjaar": "spring", "najaar": "autumn",
    "school- en collegejaar": "school and academic year", "schooljaar": "school year", "studiejaar": "academic year",
    "studiejaren": "academic years", "collegejaar": "academic year", "het afgelopen": "the past",
    "dit": "this", "vorig": "last", "eind": "the end of", "begin": "the beginning of", "later": "later",
    "jaar": "year", "de periode": "the period", "de komende twee jaar": "the next two years", "de jaren": "the years",
    "over het jaar": "over the year", "van dit jaar": "this year", "in": "in", "voor": "for", "en": "and",
}
FIGURE_UNITS = {
    "maanden": "months", "weken": "weeks", "%": "%", "leerlingen": "pupils", "plekken": "places",
    "onderzoekers": "researchers", "studenten": "students", "fte": "FTE", "interventies": "interventions",
    "scholen": "schools", "plannen": "plans", "pilotregio’s": "pilot regions", "pilotregio's": "pilot regions",
}
# A share the documents say in words, not digits ("ruim driekwart", "gehalveerd"), with its qualifier.
SHARE_WORDS = {"driekwart": "three quarters", "de helft": "half", "een kwart": "a quarter", "tweederde": "two thirds",
               "eenderde": "one third", "gehalveerd": "halved", "halvering": "halving", "verdubbeld": "doubled"}
SHARE_QUALIFIERS = {"meer dan": "more than", "ruim": "more than", "ongeveer": "about", "circa": "about",
                    "bijna": "almost", "minder dan": "less than", "zo'n": "about"}
FIGURE_WORDS = {"twee": "two", "drie": "three", "vier": "four", "vijf": "five", "zes": "six", "tot": "to", "en": "and"}


# --------------------------------------------------------------------------- documents
# Where documents disagree: the newest statement first, the older one marked as replaced.
VERSION_NEWEST = "According to {document} of {date}: {text}"
VERSION_SUPERSEDED = "Earlier, in {document} of {date} (now replaced): {text}"
DOCUMENT_NAMES = {"letter": "the letter", "annex": "the annex"}
DOCUMENT_NAME_OTHER = "the document"
RELATIVE_DATE = "{written} ({absolute})"


# --------------------------------------------------------------------------- referral
# The operator's referral (referral.yml), added to replies that say the bot does not know.
REFERRAL = "See also {text}: {url}"
REFERRAL_URL_ONLY = "See also {url}"


# --------------------------------------------------------------------------- feedback
FEEDBACK_THANKS = "Thank you for your feedback."
WIDGET_FEEDBACK = {
    "feedbackQuestion": "Helpful?",
    "feedbackUp": "Yes, this answer is helpful",
    "feedbackDown": "No, this answer is not helpful",
    "feedbackCommentLabel": "What was wrong? (optional)",
    "feedbackCommentSend": "Send",
    "feedbackCommentSkip": "Skip",
    "feedbackThanks": FEEDBACK_THANKS,
    "feedbackFailed": "Your feedback did not arrive. Please try again later.",
}
FEEDBACK_REFUSALS = {
    "invalid_feedback": "Send 'sender', 'answer_id' and 'rating' ('up' or 'down'), and optionally 'comment'.",
    "comment_too_long": "Your comment is too long. Use at most {limit} characters.",
    "unknown_answer": "I cannot find this answer in this conversation.",
}
