"""Answer-layer tests on real questions of users (probe round nl12): the everyday word for what the
documents say in their own words (lexicon groups)."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, shown


@pytest.mark.parametrize("question, fragment", [
    # probe round ante: a lexicon phrase in the documents' text ("onder leiding van Kim Putters")
    # holds its word ("voorzitter") as a question's phrase does (before: "Dat kan ik niet vinden")
    ("wie is de voorzitter van het jongerenplatform?", "Kim Putters"),
    ("wie is de voorzitter van het platform?", "Kim Putters"),
    # "spaarpot" is the documents' "eigen reserves"
    ("hoeveel geld leggen instellingen zelf bij uit hun spaarpot?", "5 miljoen"),
    # "proefregio's" are the documents' "pilotregio's"
    ("wanneer beginnen ze met de proefregio's voor thuiszitters?", "najaar van 2021"),
    # "hulp bij het organiseren" is the documents' "organisatorische ondersteuning"
    ("hoeveel scholen willen hulp bij het organiseren?", "10%"),
    # what "ontbreekt", or of which there is "te weinig", is the documents' "tekort"
    ("hoeveel stageplekken ontbreken er in het mbo?", "7.800"),
    ("zijn er nog steeds te weinig stageplaatsen?", "7.800"),
    # whether it is "een succes" is what the documents say of its "effectiviteit" (before: "bewezen
    # succesvolle interventies op het gebied van studentenwelzijn", another thing's success)
    ("is het npo een succes?", "te vroeg om uitspraken"),
    # "normaal (gesproken)" is the documents' "regulier" (before: "De documenten noemen geen aantal
    # over ‘normaal’")
    ("hoeveel slaagden er normaal gesproken, dus voor corona", "92,2%"),
    # "qua" is a filler, no subject the documents would have to name (before: "niets over ‘qua’")
    ("zijn kleine basisscholen slechter af qua achterstand", "140 leerlingen"),
    # "bij elkaar" is "in total", no subject (before: "De documenten noemen geen bedrag over ‘elkaar’");
    # and "kostte" and "de kosten" are one word (the lemma tables split them into "kosten" and "kost")
    ("wat kostte de vergoeding voor studievertraging bij elkaar", "50 miljoen"),
    # a "vak" a student did not pass is the annex's "onderwijseenheid" (before: unsure, with a
    # sentence about delays that were partly made up)
    ("ik heb door corona een vak niet gehaald, hoe kan ik dat inhalen?", "onderwijseenheid een extra keer"),
    # "mn" is "mijn", no subject; "na het diploma" is the annex's "na het afstuderen" (before: not found)
    ("wat doet mijn mbo school om mij aan een baan te helpen na mn diploma", "in een baan"),
    # (probe round "pages") "gesproken met" is the letter's "in gesprek gegaan met" (before: "Dat staat
    # niet precies in de documenten" with the right sentence as the related one)
    ("Met welke partijen is gesproken over het extra inzetten van studenten in het onderwijs?", "VSNU"),
    # a "vak" a student missed is the annex's "onderwijseenheid" (before: not found)
    ("ik heb een vak gemist door corona, wat kan mijn opleiding doen om dat in te halen", "onderwijseenheid een extra keer"),
    # "meekijken" with a specialist is the annex's "bijwonen" (before: "niets over ‘meekijken’")
    ("kunnen geneeskundestudenten digitaal bij een specialist meekijken?", "Digitale poli"),
    # what institutions "belangrijk vinden" is the letter's "prioritering" (before: a near miss with the
    # sentence that plans were made)
    ("verschillen mbo, hbo en wo veel in wat ze belangrijk vinden bij de plannen?", "nauwelijks verschillen"),
    # what is "te zien" is what the letter calls "zichtbaar" (before: a near miss with the NCO's 20 procent)
    ("is in deze rapportage al te zien wat scholen echt met het npo geld gedaan hebben", "nog niet zichtbaar"),
    # a "schooltype" is the letter's "onderwijstype" (before: only the sentence on the vo as a whole)
    ("in welk schooltype maken vo-schoolleiders zich de minste zorgen over welbevinden?", "vwo het kleinst"),
    # (probe round recall) whether someone is "tevreden" is what the letter calls "positief" (before:
    # "De documenten noemen niets over ‘tevreden’" beside the right sentence)
    ("is de minister tevreden over hoe scholen met het npo aan de slag zijn gegaan?", "is positief"),
    ("is het kabinet tevreden over de start van het npo op scholen?", "is positief"),
    # whether it "iets uitgehaald" has is the letter's "effect hebben gehad" (before: unsure)
    ("heeft de inzet van scholen vorig schooljaar iets uitgehaald tegen de vertragingen?", "effect hebben gehad"),
    # (probe round para) "op tijd klaar" is the annex's "nominaal afstuderen" (before: not found)
    ("waarom moeten zorgstudenten op tijd klaar zijn met hun opleiding?", "nominaal afstuderen"),
    # whether all had "evenveel" of it is the letter's "(niet) gelijk verdeeld" (before: not found)
    ("heeft iedere leerling evenveel last gehad van corona?", "niet gelijk verdeeld"),
    # the "oudere klassen" are the letter's "hogere leerjaren" (before: not found; "bovenbouw" is left
    # out of the group: it pulled the primary-school bovenbouw sentences into questions about leerjaren)
    ("maken ze zich meer zorgen over de oudere klassen dan de jongere?", "hogere leerjaren iets groter"),
])
def test_the_everyday_word_finds_the_documents_word(engine, question, fragment):
    result = engine.answer(question)
    assert result.kind in ("answer", "actions") and fragment in shown(result)   # (a list of actions too)


def test_hiring_teacher_educators_is_the_annex_appointing_staff(engine):
    # (probe round annex; before: "Dat staat niet precies in de documenten": "aannemen" was not the
    # annex's "aanstellen van (extra) personele capaciteit van lerarenopleiders")
    assert_answers(engine, "mag een lerarenopleiding extra lerarenopleiders aannemen van het geld?", "personele capaciteit")


@pytest.mark.parametrize("question", ["hoeveel collegegeld betaal ik dit jaar?",
                                      "hoeveel collegegeld moet ik dit studiejaar precies betalen?"])
def test_paying_in_a_students_own_question_weighs_less_than_what_is_paid(engine, question):
    # "betalen" occurs once in the documents (a project "betaald met geld uit het NPO"); in "hoeveel X
    # betaal ik?" what is paid says more: no amount per person, and beside it the halving of the fee
    result = engine.answer(question)
    assert result.kind == "near_miss"
    assert "gehalveerd" in shown(result), shown(result)
