"""Answer-layer tests on real questions of users (probe round "para"): everyday paraphrases of what
the documents say in their own words (lexicon groups and phrases, knowledge/lexicon.yml)."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, assert_near_miss, reply_to


@pytest.mark.parametrize("question, fragment", [
    # "geld missen" is what the letter calls "gederfde ... collegegelden" (before: not found)
    ("mist mijn uni nou geld doordat wij maar de helft collegegeld betalen?", "gecompenseerd"),
    # "onder de brief staan" is signing it, "de bazen van onderwijs" are the ministers (before: not found)
    ("wie zijn de bazen van onderwijs die onder de brief staan?", "Engelshoven"),
    # "sommen" is the letter's "rekenen" (before: only the vo figures, a near miss for the po)
    ("hoeveel weken lopen basisschoolkinderen achter met sommen maken?", "10 weken"),
    # what school leaders "wakker liggen van" is what they "zich zorgen maken over" (before: "niets over ‘wakker’")
    ("waar liggen de directeuren van middelbare scholen het meest wakker van?", "welbevinden"),
    # a "dorpsschool" is the letter's "po-scholen met minder dan 140 leerlingen" (before: "niets over ‘dorpsscholen’")
    ("hebben kleine dorpsscholen met weinig leerlingen meer achterstand?", "140 leerlingen"),
    # an "uitzendbureau" is the letter's "commerciële bureaus", "binnenhalen" its "aantrekken" (before: not found)
    ("waarvoor halen scholen mensen binnen via uitzendbureaus?", "huiswerkbegeleiding"),
    # a "vaste baan" is the letter's "vast contract" (before: the sentence on job coaching for students)
    ("waarom kunnen instellingen nieuwe docenten geen vaste baan geven?", "vast contract"),
    # a "tijdelijke baan" is a "tijdelijk contract", "langer de tijd" the "verlenging" (before: "geen aantal over ‘baan’")
    ("hoeveel onderzoekers met een tijdelijke baan kregen langer de tijd?", "1.500"),
    # an "update" is the next "voortgangsrapportage" (before: not found)
    ("wanneer komt de volgende update over hoe het npo loopt?", "voorjaar van 2022"),
    # "raad geven" is "adviseren" (before: "geen naam ... over ‘raad’")
    ("wie geeft het kabinet raad over hoe het met jongeren gaat buiten school?", "Platform Perspectief Jongeren"),
    # "de hoogste groepen" of a primary school are the letter's "bovenbouw" (before: "Dat staat niet precies ...")
    ("werden kinderen in de hoogste groepen juist beter in spelling?", "meer leergroei"),
    # "meer banen" is the letter's "werkgelegenheid" (before: not found)
    ("zijn er meer banen bijgekomen nu de economie weer aantrekt?", "werkgelegenheid"),
])
def test_the_paraphrase_finds_the_documents_words(engine, question, fragment):
    assert_answers(engine, question, fragment)


def test_a_job_is_no_contract():
    """"vaste baan" and "tijdelijke baan" are phrases of the contract group, "baan" alone is not: a
    pabo student's job is no contract (with "baan" in the group the share of pabo students working as
    support staff was given as the answer)."""
    reply = reply_to("what percentage of pabo students already have a job in a primary school?", "en")
    assert "three quarters" not in reply, reply


def test_working_from_home_is_no_distance_learning(engine):
    """"thuiswerken" is what teachers do at home, not the pupils' "thuisonderwijs": it is no word of
    the distance-learning group (with it, the sentence on pupils doing well at home was the answer)."""
    assert_near_miss(engine, "moesten leraren door corona veel thuiswerken?")
