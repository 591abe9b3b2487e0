"""English beside Dutch: language detection on short messages, the glossary, and English questions
answered from the Dutch documents without mixing languages (no server needed)."""
from __future__ import annotations

import re

import pytest

from actions import answers, follow_ups, texts, texts_en
from actions.facts_en import date_in_english, euros, figure_in_english
from actions.language import conversation_language, detect
from bot.measure.language_eval import load_messages
from knowledge import format_citations, open_kb
from knowledge.citation import Citation
from knowledge.english import analyse_english, dutch_text, translate
from tests.answer_layer import reply_to


@pytest.fixture(scope="module")
def kb():
    return open_kb()


@pytest.mark.parametrize("label", ["nl", "en"])
def test_clear_messages_never_switch_to_the_other_language(label):
    messages = load_messages()[label]
    detected = [detect(m) for m in messages]
    assert [m for m, d in zip(messages, detected) if d not in (label, None)] == []
    assert sum(d == label for d in detected) >= 0.6 * len(messages)  # the rest keeps the language


@pytest.mark.parametrize("text", load_messages()["keep"])
def test_short_or_mixed_messages_keep_the_conversation_language(text):
    assert conversation_language(text, "en") == "en"
    assert conversation_language(text, "nl") == "nl"


@pytest.mark.parametrize("text", ["thema 3 acties", "collegegeld halvering", "student check", "/student_check"])
def test_messages_of_the_documents_terms_or_payloads_keep_the_language(text):
    assert conversation_language(text, "en") == "en" and conversation_language(text, "nl") == "nl"


@pytest.mark.parametrize("text", ["????", "SELECT * FROM users;", "DROP TABLE students;--",
                                  "<script>alert('hi there')</script>", "!!! ???", "123 456",
                                  "asdfgh qwerty 12345 !!!", "jkl xcvb asdf", "hallo hallo", "test test"])
def test_code_symbols_and_no_words_keep_the_default_or_current_language(text):
    assert conversation_language(text, None) == "nl"
    assert conversation_language(text, "en") == "en" and conversation_language(text, "nl") == "nl"


def test_acronyms_are_no_evidence_of_a_language_but_shouting_is():
    assert conversation_language("When does the NCO pilot start in secondary education?", None) == "en"
    assert conversation_language("IS MY TUITION FEE HALVED THIS YEAR?", None) == "en"


def test_english_with_the_documents_compounds_or_chat_spelling_is_english():
    # A compound of a document term is a term ("instellingscollegegeld" ends with "collegegeld").
    assert conversation_language("Is the instellingscollegegeld for non-EU students also halved?", None) == "en"
    # The detector is unsure; English-only function words ("this", "an", "at", "a") decide.
    text = "is collegegeld halved this year?? im an international student at a uni in utrecht"
    assert conversation_language(text, None) == "en"
    assert conversation_language("wordt het collegegeld dit jaar gehalveerd voor een student", None) == "nl"


@pytest.mark.parametrize("text", ["Whats the npo", "whos eligible for reisrecht?", "whats the npo?"])
def test_short_english_chat_spelling_is_english(text):
    # ("whats" is no word of either language: the message was left with one word, "the", and started in Dutch)
    assert conversation_language(text, None) == "en"


@pytest.mark.parametrize("text", ["wat is de npo", "hoe gaat het met u", "kunt u mij helpen met de npo?"])
def test_dutch_short_messages_with_a_chat_spelling_word_stay_dutch(text):
    # ("u" is a chat spelling of "you" in the glossary, but Dutch too: no evidence of English)
    assert conversation_language(text, None) == "nl"
    assert conversation_language(text, "en") == "nl"


def test_the_singular_of_a_term_the_documents_only_use_in_the_plural_is_a_term():
    # The letter writes only "dakpanconstructies"; the singular is no evidence of Dutch either.
    assert conversation_language("what is a dakpanconstructie", None) == "en"
    assert conversation_language("what does dakpanconstructie mean", None) == "en"
    assert conversation_language("wat is een dakpanconstructie?", None) == "nl"


def test_the_language_switches_when_the_user_switches():
    assert conversation_language("Is my tuition fee halved this year?", "nl") == "en"
    assert conversation_language("krijg ik korting op mijn collegegeld?", "en") == "nl"
    assert conversation_language("ok", None) == "nl"  # a new conversation starts in Dutch
    assert conversation_language("/student_check", None) == "nl"
    assert conversation_language("hoeveel geld krijgen scholen", None) == "nl"


def test_glossary_turns_english_into_the_documents_words():
    translation = translate("When does my supplementary grant stop?")
    assert "aanvullende beurs" in translation.dutch and translation.answer_type == "date"
    question = analyse_english("How much money do mbo schools get?")
    assert question.answer_type == "amount" and "mbo" in question.sectors
    # A word the documents never use is named to the user in their own words.
    assert any(c.surface == "weather" for c in analyse_english("what about the weather").concepts)


def test_documents_vocabulary_and_general_words_are_translated():
    assert "onderwijsinstelling" in translate("Which educational institutions take part?").dutch
    assert "zijinstromer" in translate("are there more career changers in schools").dutch
    assert "dit studiejaar" in translate("is the fee halved this academic year?").dutch


def test_a_dutch_function_word_in_an_english_question_is_not_translated_as_english():
    # The English lemmatizer reads "met" as "meet"; it stays the Dutch word it is.
    assert translate("how many themes are in the keuzelijst met acties").dutch.split()[-2:] == ["met", "acties"]


def test_where_the_user_read_it_is_not_a_topic_of_the_question():
    assert translate("What is theme 1 of the annex about?").dutch == "wat is thema 1?"
    assert "brief" not in translate("what does the letter say about internships").dutch


def test_a_singular_question_is_not_read_as_asking_for_a_list():
    # "is" and "are" share the lemma "be"; the words as written tell "wat is" from "wat zijn".
    assert translate("What is the purpose of the programme?").dutch.startswith("wat is ")
    assert translate("What are the themes?").dutch.startswith("wat zijn ")


@pytest.mark.parametrize("message", ["and for wo?", "what about wo students?", "same for mbo?", "what if I'm in mbo?",
                                     "does that apply to mbo too?", "and vocational students?"])
def test_english_follow_ups_that_name_a_sector_repeat_the_last_question(message):
    last = dutch_text("Is the tuition fee halved for hbo students?", "en")
    assert follow_ups.is_follow_up(dutch_text(message, "en"), last, new_details=False)


def test_an_english_follow_up_that_names_another_topic_is_a_new_question():
    last = dutch_text("Is my tuition fee halved this year?", "en")
    assert not follow_ups.is_follow_up(dutch_text("and what about my travel product?", "en"), last, new_details=True)
    assert not follow_ups.is_follow_up(dutch_text("what about the supplementary grant?", "en"), last, new_details=True)


def test_sector_names_are_not_lemmatized_as_english():
    assert translate("and for wo?").dutch == "en voor wo?"  # simplemma reads "wo" as "will"


def test_relative_pronouns_ask_nothing():
    translation = translate("What happens when my supplementary grant stops?")
    assert "wanneer" not in translation.dutch and translation.answer_type is None
    translation = translate("What does the letter say about children who stay at home?")
    assert "wie" not in translation.dutch.split() and translation.answer_type is None
    assert translate("In which year does the pilot start?").dutch.startswith("in welk jaar")
    assert translate("If the money is not spent, until when may it be used?").answer_type == "date"
    assert translate("and who signed the letter?").answer_type == "who"


def test_how_to_apply_asks_for_a_procedure_even_with_when_in_it():
    assert translate("how do i apply for the tegemoetkoming when my aanvullende beurs stops").answer_type == "procedure"
    assert translate("when does my aanvullende beurs stop").answer_type == "date"


def test_english_numbers_dates_and_amounts_come_from_the_rows():
    assert euros(516_000_000) == "€516 million" and euros(63_500_000) == "€63.5 million"
    assert figure_in_english(12.0, "maanden", "12 maanden") == "12 months"
    assert figure_in_english(94.8, "%", "94,8%") == "94.8%"
    assert date_in_english("tot en met 24 december") == "up to and including 24 December"
    assert date_in_english("op de valreep van 2021") is None  # never half translated


def test_citations_name_their_location_in_the_reply_language():
    cites = [Citation("bijlage1", "Bijlage 1", theme=3), Citation("bijlage1", "Bijlage 1", part="inleiding")]
    assert format_citations(cites) == "Bijlage 1, inleiding, Thema 3"
    assert format_citations(cites, "en") == "Bijlage 1, introduction, Theme 3"


def reply(kb, text, language):
    answer = answers.respond(kb, answers.Context(intent="nlu_fallback", text=text, language=language))
    return answers.render(answer)[0]


DUTCH_FRAMES = ("Bron:", "Wel staat erin", "De documenten noemen", "Dat kan ik niet vinden", "Er is nog meer")
ENGLISH_FRAMES = ("Source:", "(in Dutch)", "The documents", "There is more", "In English")


@pytest.mark.parametrize("question, fragment, source", [
    ("Do higher education students get 12 extra months of travel rights?", "12 maanden extra reisrecht",
     "Kamerbrief eerste voortgangsrapportage NP Onderwijs (28 October 2021), p. 12"),
    ("How much money do mbo schools and higher education institutions get?", "€ 516 miljoen", "Bijlage 1"),
    ("When does my supplementary grant stop?", "aanvullende beurs", "p. 11"),
    ("What happens if my basic grant ends?", "basisbeurs", "p. 11"),  # "end" the verb, not "eind"
    ("Can schools hire external companies with the NPO money?", "inhuur van derden", "p. 6"),
])
def test_english_questions_rank_the_same_dutch_sentences(kb, question, fragment, source):
    text = reply(kb, question, "en")
    assert fragment in text
    assert text.splitlines()[0].endswith("says (in Dutch):")
    assert text.splitlines()[-1].startswith("Source: ") and source in text.splitlines()[-1]
    assert not any(frame in text for frame in DUTCH_FRAMES)


def test_an_english_amount_is_also_said_in_english(kb):
    text = reply(kb, "How much money do mbo schools and higher education institutions get?", "en")
    assert "In English: amount €516 million" in text


def test_english_out_of_scope_and_near_miss_are_honest_and_in_english(kb):
    text = reply(kb, "What is the weather in Amsterdam?", "en")
    assert text.startswith("The documents do not") and "Source:" not in text
    text = reply(kb, "How much does the municipality get for laptops?", "en")
    assert text.startswith("The documents do not give an amount")
    assert not any(frame in text for frame in DUTCH_FRAMES)


def test_a_dutch_question_never_gets_an_english_frame(kb):
    text = reply(kb, "Krijgen hbo-studenten 12 maanden extra reisrecht?", "nl")
    assert "Bron:" in text and not any(frame in text for frame in ENGLISH_FRAMES)


def test_every_dutch_text_exists_in_english():
    names = {n for n in dir(texts) if re.fullmatch(r"[A-Z][A-Z_]+", n)}
    assert names - set(dir(texts_en)) == set()
    for name in ("ACT_REPLIES", "WIDGET", "TYPE_NOUNS", "ROLE_NAMES"):
        assert set(getattr(texts, name)) <= set(getattr(texts_en, name)), name
    assert [p for _, p in texts.SUGGESTIONS] == [p for _, p in texts_en.SUGGESTIONS]


def test_english_form_question_says_the_period_in_english(kb):
    question = answers.ask_has_grant(kb, "en")
    assert question.startswith("Do you have a basic grant") and "academic years" in question
    assert "studiejaren" not in question


def test_an_english_rate_question_is_a_named_near_miss_in_english():
    from knowledge import open_kb
    from knowledge.english import analyse_english
    question = analyse_english("How much money does a school get per pupil?")
    result = open_kb().engine().answer(question.text, question=question)
    assert result.kind == "near_miss" and result.missing_rate == "per pupil"


def test_a_hyphenated_english_word_is_translated_by_its_parts():
    """"secondary-school" is "secondary school"; a Dutch hyphenated word stays as it is."""
    from knowledge.english import dutch_text
    assert "middelbare school" in dutch_text("did primary schools give lower secondary-school advice?", "en")
    assert "mbo-student" in dutch_text("is the mbo-student allowed?", "en")
    # a hyphenated word that is a glossary phrase is that phrase ("catch up"), not its parts
    assert "inhaal" in dutch_text("is there extra catch-up teaching for dentistry students", "en")


def test_a_glossary_entry_may_give_several_of_the_documents_words():
    from knowledge.english import analyse_english, load_glossary
    assert all("|" not in dutch for dutch in load_glossary().phrases.values())
    extend = next(c for c in analyse_english("can they extend the intake?").concepts if c.surface == "extend")
    assert {"verlengen", "uitbreiden"} <= extend.alternatives


def test_each_sector_school_is_a_rate_per_school():
    from knowledge.english import dutch_text
    from knowledge.question import analyse
    rates = [(c.word, c.surface) for c in analyse(dutch_text("how much does each mbo school get?", "en")).concepts
             if c.kind == "rate"]
    assert rates == [("per school", "per mbo school")]


@pytest.mark.parametrize("english, dutch", [
    ("travelling", "reisrecht"),      # British doubled "l" before -ing
    ("refunded", "korting"),          # -ed that simplemma leaves on
    ("payments", "tegemoetkoming"),   # a plural simplemma leaves on
    ("biggest", "groot"),             # a superlative with a doubled consonant ("bigger" has its own entry)
    ("counseling", "begeleiding"),    # American spelling of a British entry
    ("financially", "financieel"),    # an adverb of an adjective the glossary has
])
def test_word_forms_the_lemmatizer_misses_find_their_glossary_entry(english, dutch):
    assert translate(english).dutch == dutch


def test_an_ending_is_never_cut_off_to_reach_a_stop_word():
    # "offer" minus "-er" is "off", a stop word: the word keeps its own entry
    assert translate("what do they offer").dutch.split()[-1] != "off"
    assert translate("offers").dutch == translate("offer").dutch
    assert translate("only").dutch == ""  # "-ly" never cut off to reach "on"


def test_who_gets_asks_for_whom_a_scheme_is_not_for_a_name():
    for question in ("who gets 12 extra months of travel?", "Who is eligible for the tegemoetkoming?",
                     "who qualifies for compensation?", "who can apply for the nazorg subsidy?"):
        translation = translate(question)
        assert translation.answer_type is None and "voor wie" in translation.dutch, question
    assert translate("who signed the letter?").answer_type == "who"


def test_an_ing_form_of_a_stop_word_is_a_stop_word():
    # "finding" is "find" (says nothing), not an unknown English word the documents lack
    assert "finding" not in translate("which students have a hard time finding a placement?").dutch


def test_how_much_extra_money_asks_for_an_amount():
    assert translate("how much extra money went to salaries?").answer_type == "amount"
    assert translate("how many euros do schools get?").answer_type == "amount"
    assert translate("how much subsidy is there for aftercare?").answer_type == "amount"


def test_list_as_a_noun_is_not_the_question_word_list():
    assert translate("list the themes").dutch.startswith("noem")
    assert translate("did anyone choose actions outside the list?").dutch.endswith(" lijst?")
    assert "keuzelijst" in translate("who drew up the list of actions?").dutch


def test_what_something_is_meant_to_achieve_asks_what_it_is_for():
    assert translate("what are dakpanconstructies meant to achieve?").dutch == "wat zijn dakpanconstructies?"
    assert translate("what is the arbeidsmarkttoelage supposed to do?").dutch == "wat is arbeidsmarkttoelage?"


def test_what_number_of_asks_for_a_number():
    translation = translate("schools below what number of pupils have larger delays?")
    assert translation.answer_type == "number" and "welk aantal" in translation.dutch


def test_chat_shorthand_for_are_is_a_stop_word():
    assert translate("how many themes r there").dutch == "hoeveel thema"


def test_no_glossary_entry_is_written_twice():
    # YAML keeps the last of two equal keys without a word: an entry added twice hides the first
    import re
    from knowledge.english import GLOSSARY_PATH

    seen, section = set(), None
    for line in GLOSSARY_PATH.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\w+:", line):
            section = line.split(":")[0]
        elif re.match(r"^  [^#\s][^:]*:", line):
            key = (section, line.split(":")[0].strip())
            assert key not in seen, key
            seen.add(key)


def test_everyday_question_words_are_translated_not_named_as_missing():
    assert translate("what is the main bottleneck?").dutch == "wat is knelpunt?"
    assert "aanpakken" in translate("how does the npo address youth unemployment?").dutch
    assert "bovenop" in translate("what do students get on top of the earlier compensation?").dutch
    assert translate("leerbanen held up better").dutch.startswith("leerbanen overeind blijven")


@pytest.mark.parametrize("question, kind", [
    ("which month was the npo launched?", "date"),
    ("npo launched which month??", "date"),          # "which" after a verb, before a question noun
    ("how soon will i get the money?", "date"),
    ("how high is the compensation?", "amount"),
    ("how much is the tuition fee?", "amount"),
    ("what is the total budget?", "amount"),
    ("how much longer do i get free travel?", "duration"),
    ("how many more months of travel do i get?", "duration"),
    ("which ministry pays for it?", "who"),
    ("what do i need to do to get compensation?", "procedure"),
])
def test_english_question_words_ask_for_their_kind_of_answer(question, kind):
    assert translate(question).answer_type == kind


def test_which_month_is_a_date_question_without_month_as_a_topic():
    assert translate("npo launched which month?").dutch == "npo presenteren welke datum?"
    assert "wie" not in translate("students who get a grant").dutch.split()  # "who" before a verb stays relative


@pytest.mark.parametrize("typed, dutch", [
    ("is my tution fee halved?", "collegegeld halvering?"),
    ("internhsip shortage", "stage tekort"),
    ("allowence", "tegemoetkoming"),
])
def test_an_english_typo_finds_the_entry_it_is_closest_to(typed, dutch):
    assert translate(typed).dutch == dutch


@pytest.mark.parametrize("word", ["collegegeld", "reisrecht", "coschappen", "thuiszitters", "menukaart", "putters"])
def test_dutch_words_and_names_are_never_corrected_as_english_typos(word):
    assert translate(word).dutch == word


def test_what_share_asks_for_a_percentage_without_share_as_a_topic():
    translation = translate("what share of the money goes to students?")
    assert translation.answer_type == "percentage" and translation.dutch.startswith("welk percentage ")


@pytest.mark.parametrize("message", ["wat betekent dat precies?", "hoe werkt dat precies?", "wat betekent dat?"])
def test_a_short_dutch_question_of_common_words_switches_back_to_dutch(message):
    # The documents' own words ("betekent", "werkt") are set aside; two Dutch function words and a
    # detector leaning Dutch decide (before: the English conversation kept English).
    assert conversation_language(message, "en") == "nl"


@pytest.mark.parametrize("message, asked", [
    ("ok en in het nederlands?", "nl"), ("in english please", "en"), ("do you speak english?", "en"),
    ("spreek je engels?", "en"), ("kun je in het Engels antwoorden?", "en"), ("can you answer in dutch?", "nl"),
])
def test_a_request_for_a_language_switches_to_it(message, asked):
    from actions.language import requested_language

    assert requested_language(message) == asked
    assert conversation_language(message, "en" if asked == "nl" else "nl") == asked


@pytest.mark.parametrize("message", ["krijgen scholen geld voor Engels?", "Nederlandse leesvaardigheid",
                                     "english or dutch?", "hoeveel studenten spreken Nederlands thuis?"])
def test_a_question_that_names_a_language_is_no_request(message):
    from actions.language import requested_language

    assert requested_language(message) is None


@pytest.mark.parametrize("text, language", [("hello", "en"), ("thanks!", "en"), ("morning", "en"),
                                            ("hoi", "nl"), ("hallo", "nl"), ("bedankt", "nl"),
                                            ("hi", "nl"), ("ok", "nl"), ("mbo", "nl"), ("Utrecht", "nl")])
def test_a_first_message_of_one_word_only_one_language_has_sets_it(text, language):
    """A new conversation that opens with "hello" is greeted in English: the detector cannot tell
    one word ("hallo" reads as English), but a word only English has can. Words both languages
    have ("hi", "ok") or neither ("mbo") start in Dutch; later one-word messages keep the language."""
    assert conversation_language(text, None) == language
    assert conversation_language(text, "nl") == "nl" and conversation_language(text, "en") == "en"


@pytest.mark.parametrize("text", ["is the lesgeld for mbo halved as well?", "do I get my lesgeld back?",
                                  "is my stufi stopping?"])
def test_the_lexicons_dutch_terms_are_no_evidence_of_dutch(text):
    """"lesgeld", "stufi" are the programme's Dutch terms that the documents do not write as such
    (they say "les-, cursus- en collegegeld"); in an English question they are set aside like the
    documents' own terms, so the English around them decides."""
    assert conversation_language(text, None) == "en" and conversation_language(text, "nl") == "en"


@pytest.mark.parametrize("text", ["what is a zij-instromer", "is the ov-chipkaart extended for hbo students?"])
def test_a_hyphenated_term_is_set_aside_whole(text):
    """"zij-instromer" is one term of the documents; split, its "zij" (Dutch for "she") made
    "what is a zij-instromer" a Dutch message answered in Dutch."""
    assert conversation_language(text, None) == "en" and conversation_language(text, "nl") == "en"
    assert conversation_language("wat is een zij-instromer?", None) == "nl"


def test_a_typo_of_an_english_glossary_word_counts_as_english():
    """"is tuiton halfed this yr?" opened a conversation in Dutch: "tuiton" is no word of either
    language and the detector was unsure; read as "tuition" (the glossary's typo rule) it is English.
    Dutch typos of Dutch terms stay Dutch."""
    assert conversation_language("is tuiton halfed this yr?", None) == "en"
    assert conversation_language("krijg ik korting op mijn colegegeld?", None) == "nl"


def test_a_short_dutch_question_in_an_english_conversation_switches_to_dutch():
    """"wat is de menukaart?" leaves "wat is de" to read (the detector: Dutch, 0.55); two Dutch
    function words and no English one decide it. A mixed message keeps English."""
    from actions.language import conversation_language
    assert conversation_language("wat is de menukaart?", "en") == "nl"
    assert conversation_language("is the lesgeld for mbo halved?", "en") == "en"


def test_an_english_follow_up_names_what_is_missing_in_english():
    # (before: "The documents do not give the name of a person or organisation for ‘betalen’": the
    # follow-up is read in the glossary's Dutch, and the near miss named the Dutch word)
    reply = reply_to("who pays for that?", "en", last_question="wordt mijn collegegeld gehalveerd?")
    assert "‘pays for’" in reply and "betalen" not in reply


def test_a_semicolon_between_clauses_is_no_code():
    # (before: "…; do I get …" was read as code, and the first message was answered in Dutch)
    assert conversation_language("I'm an international student at a Dutch uni; do I get extra travel rights?",
                                 None) == "en"
    assert conversation_language("SELECT * FROM users;", None) == "nl"


def test_an_english_follow_up_names_a_missing_rate_in_english():
    # (before: "and per pupil?" said "… a number per leerling": the rate in the gloss's Dutch)
    reply = reply_to("and per pupil?", "en", last_question="hoeveel krijgen gemeenten")
    assert reply.startswith("The documents do not") and "per pupil" in reply and "leerling" not in reply.split("\n")[0]


def test_each_of_them_is_a_rate_of_the_noun_it_stands_for_not_of_the_verb():
    # (before: "per krijgen", "per university get")
    rates = lambda q: [c.surface for c in analyse_english(q).concepts if c.kind == "rate"]
    assert rates("how much do each of them get, the teacher training colleges?") == ["per teacher training colleges"]
    assert rates("How much does each university get?") == ["per university"]
    assert rates("how much do they each get?") == []


def test_each_university_from_the_programme_is_a_rate_per_university():
    # (before: "per university npo": the gloss drops "from the", and the programme was read as the
    # noun after a sector word, as "school" in "each mbo school")
    rates = [c.surface for c in analyse_english("How much does each university get from the NPO?").concepts
             if c.kind == "rate"]
    assert rates == ["per university"]


@pytest.mark.parametrize("language, first, then, rate", [
    ("en", "How much does each university get from the NPO?", "and per student?", "per student"),
    ("nl", "hoeveel krijgt elke universiteit uit het npo?", "en per student?", "per student"),
])
def test_a_follow_up_rate_replaces_the_last_questions_rate(language, first, then, rate):
    # (before: "and per student?" said "… per universiteit", the last question's rate in Dutch)
    asked = answers.respond(open_kb(), answers.Context(intent="nlu_fallback", text=first, language=language))
    reply = reply_to(then, language, last_question=asked.question)
    assert rate in reply.split("\n")[0] and "universit" not in reply.split("\n")[0]


def test_a_word_said_twice_is_one_word():
    # ("hallo hallo" read as English at 0.80 and switched a Dutch conversation)
    assert conversation_language("hallo hallo", "nl") == "nl"
    assert conversation_language("hello hello!", None) == "en"
    assert conversation_language("hello hello, is my tuition fee halved?", "nl") == "en"


def test_the_programmes_own_terms_are_words_of_either_language():
    # ("mbo please" as a first message is English; keyboard mashing still decides nothing)
    from actions.language import detect
    assert detect("mbo please", first=True) == "en"
    assert detect("asdfgh qwerty 12345 !!!", first=True) is None
