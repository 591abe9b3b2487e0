"""Answer-layer tests on real questions of users at schools and institutions (probe round nl4):
answers in the sentence after the one naming the subject, school types, rates per year, questions
embedded in a longer sentence, "zorg" (care) and "zorgen" (worries)."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # the subject is in the answer's sentence only through its neighbour: the next one is shown too
    ("hoeveel procent van de speciaal onderwijs scholen kiest interventies voor welbevinden", "92 procent"),
    ("wanneer komen de nieuwe cijfers over pabostudenten die in het onderwijs werken?", "Eind 2021"),
    ("waar hebben mbo-scholen behoefte aan nu ze met nazorg beginnen?", "kennisdeling"),
])
def test_the_next_sentence_is_shown_when_it_holds_a_word_the_answer_has_only_from_its_neighbours(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer" and expected in shown(result)


def test_the_perfect_tense_of_kosten_asks_for_an_amount(engine):
    from knowledge.question import answer_type
    question = "wat heeft het verlengen van de contracten van tijdelijke onderzoekers de universiteiten gekost?"
    assert answer_type(question) == "amount"
    result = engine.answer(question)
    # (the pointing sentence reads as its antecedent: not "unsure" between two places)
    assert result.kind == "answer" and "12 miljoen" in shown(result)


def test_a_sentence_with_daarvan_points_back_to_the_one_before():
    from knowledge.units import points_back
    before = ("Ook hebben tot en met september 2021 omtrent 130.000 studenten een tegemoetkoming aangeboden "
              "gekregen voor de extra kosten studievertraging.")
    assert points_back("De kosten daarvan bedragen in totaal circa € 50 miljoen.", before)
    assert not points_back("Daarom is met het NP Onderwijs de aanpak jeugdwerkloosheid verlengd.", before)


def test_the_total_cost_of_a_grant_is_the_sentence_after_the_one_naming_it(engine):
    result = engine.answer("wat heeft de tegemoetkoming voor studievertraging in totaal gekost")
    assert result.kind == "answer" and "50 miljoen" in shown(result)


def test_an_amount_for_an_earning_the_documents_never_name_is_a_near_miss(engine):
    # (before: the € 12 miljoen the contract extensions cost, as the researcher's pay)
    result = engine.answer("hoeveel verdient een onderzoeker met een tijdelijk contract")
    assert result.kind == "near_miss"
    # a verb further on is the user's paraphrase, not what the amount is for
    assert "kwijtraken" not in engine.answer("hoeveel geld ging er in totaal om met de tegemoetkoming voor studenten "
                                             "die hun beurs kwijtraken").missing


def test_an_amount_for_the_sector_asked_about_comes_before_one_that_does_not_name_it(engine):
    result = engine.answer("hoeveel extra krijgen de lerarenopleidingen")
    assert result.kind == "answer" and "38 miljoen" in shown(result)


@pytest.mark.parametrize("question, expected", [
    # "tweemaal (voor de jaren 2021 en 2022) € 38 miljoen" is an amount per year
    ("Ik werk bij een universitaire lerarenopleiding. Welk bedrag is er jaarlijks extra voor de lerarenopleidingen?",
     "38 miljoen"),
    # ... and so is "Voor 2022 is € 63,5 miljoen"
    ("hoeveel subsidie per jaar is er voor zorginstellingen om stagebegeleiding te vernieuwen", "63,5"),
])
def test_an_amount_for_each_year_answers_a_question_per_year(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer" and expected in shown(result)


def test_a_total_over_two_years_is_no_amount_per_year(engine):
    result = engine.answer("hoeveel krijgen mbo-scholen en hogescholen per jaar uit het nationaal programma onderwijs?")
    assert result.kind == "near_miss" and result.missing_rate and "516 miljoen" in shown(result)


def test_ik_werk_bij_with_a_sector_states_who_asks():
    from knowledge.question import analyse
    assert "werk" not in {c.word for c in analyse("Ik werk bij een roc als loopbaanbegeleider. Is nazorg nieuw?").concepts}
    # without a sector the place of work may be the subject
    assert "werk" in {c.word for c in analyse("ik werk op een klein dorpsschooltje, zijn de achterstanden groter?").concepts}


def test_the_tweede_kamer_is_the_kamer_not_the_number_two():
    # (the group's first entry was the phrase "tweede kamer": its first word "twee" became the head,
    # and every "twee" of the documents matched "de Kamer")
    from knowledge.lexicon import load_lexicon
    from knowledge.question import analyse
    assert "twee" not in load_lexicon().alternatives("kamer")
    words = {c.word for c in analyse("wanneer hoort de Tweede Kamer meer over de evaluatie?").concepts}
    assert "kamer" in words and "twee" not in words


def test_a_word_the_documents_hyphenate_is_found_and_a_pointing_sentence_reads_as_its_antecedent(engine):
    # "patiëntcontact" is "patiënt-contactmomenten"; the answer is the sentence after it ("Dat is
    # door het afschalen van de reguliere zorg veel lastiger te organiseren."), which the embedding
    # reads as the sentence it points back to
    result = engine.answer("waarom is het moeilijk om genoeg patiëntcontact te regelen tijdens coschappen")
    assert result.kind == "answer" and "afschalen van de reguliere zorg" in shown(result)


def test_a_pointing_sentence_is_as_similar_to_a_question_as_its_antecedent(engine):
    from knowledge.question import analyse
    similarity = engine._similarity(analyse("hoeveel hebben de verlengingen van tijdelijke onderzoekers gekost"))
    pointing = next(u for u in engine.units if u.text.startswith("Dit heeft de instellingen circa"))
    assert similarity[pointing.id] >= similarity[pointing.id - 1]


def test_a_separable_verb_the_documents_write_apart_is_its_verb_where_they_do(engine):
    from knowledge.question import Concept
    assert "leggen" in engine._concept_words(Concept("afleggen", "afleggen", frozenset({"afleggen"})))
    # ("een bijdrage te leveren" is no "inleveren")
    assert "leveren" not in engine._concept_words(Concept("inleveren", "ingeleverd", frozenset({"inleveren"})))


def test_a_hyphenated_word_after_a_sector_names_that_sector(engine):
    from knowledge.question import analyse
    question = analyse("hoeveel procent van de vo-scholen gebruikt de schoolrapportage van het NCO?")
    assert question.sectors == ("vo",)
    # "20 procent van de po-scholen" is a figure for the po, not the vo
    result = engine.answer(question.text)
    assert result.kind == "near_miss" and result.other_sector == "vo"
    # "de doorstroom vo-wo" is about the wo
    result = engine.answer("werken universiteiten samen met middelbare scholen aan een betere overstap van vwo naar wo?")
    assert "doorstroom vo-wo" in shown(result)


def test_the_users_words_for_school_types_are_the_documents_types(engine):
    from knowledge.ranking import school_types
    assert school_types("hebben havisten meer achterstand dan vwo'ers?") == {"havo", "vwo"}
    assert school_types("ik geef les op een praktijkschool") == {"praktijkonderwijs"}
    result = engine.answer("hebben havisten in de onderbouw meer leervertraging dan vwo'ers?")
    assert result.kind == "answer" and "vmbo en de havo meer tekenen" in shown(result)


def test_a_figure_for_all_school_types_is_no_figure_for_the_one_asked(engine):
    from knowledge.question import answer_type
    assert answer_type("wat was het slagingspercentage op de havo?") == "percentage"
    result = engine.answer("wat was het slagingspercentage op het vmbo in 2021?")
    assert result.kind == "near_miss" and result.missing == ("vmbo",) and "94,8%" in shown(result)


def test_a_time_without_a_date_answers_wanneer(engine):
    from knowledge.units import unit_types
    assert "date" in unit_types("Op korte termijn zullen de eerste calls uitgaan voor kennisontwikkeling.")
    assert "date" in unit_types("Het platform is voortvarend aan de slag gegaan en we verwachten later dit jaar het eerste advies.")
    result = engine.answer("kun je me vertellen wanneer de eerste calls voor kennisontwikkeling van het NRO uitgaan?")
    assert result.kind == "answer" and "Op korte termijn" in shown(result)


@pytest.mark.parametrize("question, kind", [
    ("moeten instellingen verantwoorden hoeveel npo-geld ze uitgeven?", None),   # whether, not how much
    ("zijn er regels over hoeveel scholen aan inhuur mogen uitgeven?", None),
    ("kun je me vertellen wanneer de eerste calls uitgaan?", "date"),            # a polite "wanneer"
    ("is al bekend hoeveel geld er echt is besteed?", "amount"),
    ("ik wil graag weten hoeveel plannen niet waren aangeleverd", "number"),
])
def test_a_yes_no_question_about_a_hoeveel_clause_asks_whether(question, kind):
    from knowledge.question import answer_type
    assert answer_type(question) == kind


def test_whether_institutions_account_for_their_spending_is_answered_by_the_annual_report(engine):
    result = engine.answer("moeten instellingen verantwoorden hoeveel npo-geld ze uitgeven?")
    assert result.kind == "answer" and "jaarverslag" in shown(result)


def test_in_totaal_asks_for_a_total_not_for_a_sentence_with_the_word(engine):
    # "in totaal € 516 miljoen" is the budget of mbo and ho, not the lerarenopleidingen' total
    result = engine.answer("hoeveel krijgen de lerarenopleidingen in totaal over 2021 en 2022")
    assert result.kind == "answer" and "38 miljoen" in shown(result)
    # an average is no total
    assert engine.answer("hoeveel interventies staan er in totaal op de menukaart?").kind == "near_miss"


def test_bekend_carries_no_topic():
    from knowledge.question import analyse
    assert "bekend" not in {c.word for c in analyse("is al bekend hoeveel geld er echt is besteed?").concepts}


def test_a_near_miss_that_only_the_embedding_relates_is_no_near_miss(engine):
    # (before: "De documenten noemen niets over 'morgen'. Wel staat erin: … leervertraging …")
    assert engine.answer("hoe laat begint de les morgen op mijn school?").kind == "unknown"


def test_a_fact_for_the_sector_asked_beats_a_close_one_for_another_sector(engine):
    # (before: the vmbo sentence, which names 'rekenen' itself, won and the reply said the documents do
    # not give it for primary education; the 10 weeks of the po sentence, after the one naming
    # rekenen, were second)
    result = engine.answer("hoeveel weken leervertraging hebben basisschoolleerlingen bij rekenen?")
    assert result.kind == "answer" and "10 weken" in shown(result) and "vmbo" not in shown(result)


def test_a_unit_for_another_sector_is_no_rival_of_one_for_the_sector_asked(engine):
    # (before: "Leraren vonden de beperkingen voor stages en praktijklessen een risico" ((v)so) was
    # "unsure" beside a close sentence about another sector)
    result = engine.answer("Wat zagen leraren in het (v)so als risico tijdens de coronaperiode?")
    assert result.kind == "answer" and "praktijklessen" in shown(result)
