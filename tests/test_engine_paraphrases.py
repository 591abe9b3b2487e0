"""Answer-layer tests on real questions of users (probe round "para"): everyday paraphrases of what
the documents say in their own words (lexicon groups and phrases, knowledge/lexicon.yml)."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, assert_near_miss, reply_to, shown


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
    # probe round nomention: "gekoppeld aan een thema" is "toegeschreven aan thema's" (before: "geen bedrag
    # over ‘gekoppeld’"); "pabo-ers" who "jobben" are "pabostudenten" "werkzaam" (before: "niet precies")
    ("hoeveel enveloppe-geld is nog niet aan een thema gekoppeld?", "12 miljoen"),
    ("hoeveel pabo-ers jobben er in 2020 al naast hun studie in het basisonderwijs?", "17%"),
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


@pytest.mark.parametrize("question, fragment", [
    # "pa en ma" are "ouders", "niet doorgeleerd" is "laagopgeleid" (before: not found)
    ("lopen kinderen van wie pa en ma niet doorgeleerd hebben verder achter?", "anderhalf tot twee keer"),
    # "het gat tussen" schools is the "verschillen tussen scholen" (before: "niets over ‘gat’")
    ("is het gat tussen goede en slechte scholen groter geworden?", "sterker gegroeid"),
    # "kopzorgen" are "zorgen" (before: "niets over ‘kopzorgen’")
    ("om welke kinderen maken schoolhoofden zich de meeste kopzorgen?", "praktijkonderwijs"),
    # "de proef" is the pilot of the "pilotregio's" (before: "geen aantal over ‘proef’")
    ("in hoeveel regio's beginnen ze met de proef voor thuiszitters?", "drie pilotregio"),
    # "extra handen in de klas" is the regeling "extra hulp voor de klas" (before: "geen percentage over ‘handen’")
    ("hoeveel procent van het geld voor extra handen in de klas willen de regio's aan studenten besteden?", "7%"),
    # "een potje" is money (before: unsure between two passages)
    ("waarom krijgen lerarenopleidingen nog een apart potje?", "onder druk"),
    # "in elkaar zetten" is "opstellen" (before: "geen naam ... over ‘elkaar’")
    ("wie heeft dat lijstje met acties in elkaar gezet?", "Ministerie van OCW"),
    # "snuffeldagen" are "meeloopdagen/proefstuderen" (before: "niets over ‘snuffeldagen’")
    ("organiseren hogescholen ook snuffeldagen om een studie uit te proberen?", "meeloopdagen"),
    # "aan de bel trekken" is "zich melden" (before: not found)
    ("waarom moeten studenten eerder aan de bel trekken als het niet goed met ze gaat?", "niet lang met klachten"),
    # "vriendschappen" are "sociale binding" (before: "niets over ‘vriendschappen’")
    ("wat zegt onderzoek over vriendschappen op je opleiding en het halen van je studie?", "studentsucces"),
    # "verpleegsters" study "verpleegkunde" (before: not found)
    ("waarom is geen stageplek zo'n ramp voor toekomstige verpleegsters?", "aan de slag in de zorg"),
    # "stil zitten" is "stilliggen" (before: "niets over ‘stil’")
    ("waarom zaten coassistenten in de eerste lockdown stil?", "stilgelegen"),
    # a "tandarts" studies "tandheelkunde" (before: a sentence on binding students to their programme)
    ("wat krijgen studenten voor tandarts extra?", "tandheelkunde"),
    # "draaiende houden" is "doorgang laten vinden" (before: "niets over ‘draaiende’")
    ("hoe hielden universiteiten het onderzoek draaiende in de coronatijd?", "openingstijden"),
])
def test_everyday_words_of_students_and_parents(engine, question, fragment):
    assert_answers(engine, question, fragment)


def test_a_bonus_is_not_any_extra():
    """"extraatje" (a bonus: the arbeidsmarkttoelage) lemmatises to "extra" unless the lexicon says
    otherwise; with "extra" in the toelage group every "extra ..." question found the toelage
    (English: "whats the arbeidsmarkttoelage meant for" got a theme-5 action instead)."""
    reply = reply_to("whats the arbeidsmarkttoelage meant for", "en")
    assert "aantrekkelijker" in reply, reply


@pytest.mark.parametrize("singular, plural", [("werkgever", "werkgevers"), ("onderzoeker", "onderzoekers"),
                                               ("werknemer", "werknemers"), ("deelnemer", "deelnemers")])
def test_a_mans_agent_noun_is_its_own_lemma(singular, plural):
    """The lemma tables give the singular the woman's form ("werkgever" -> "werkgeefster") and the
    plural the man's ("werkgevers" -> "werkgever"): one word must have one lemma."""
    from knowledge.normalize import lemma
    assert lemma(singular) == lemma(plural) == singular


def test_one_employer_finds_the_employers(engine):
    """"aan een werkgever" finds the action that names "werkgevers" (before: "Dat staat niet precies
    in de documenten", the same action shown only as related)."""
    assert_answers(engine, "worden mbo'ers persoonlijk doorgegeven aan een werkgever als ze klaar zijn?",
                   "warme overdracht")


@pytest.mark.parametrize("question, fragment", [
    # probe round hedge3: the question's one light word the documents never use ("bang", "afdelingen")
    # is said in the sentence's own words ("als een risico", "dienstonderdelen"), which holds all the
    # rest and reads like the answer (before: "De documenten noemen niets over ‘bang’")
    ("waar zijn hogescholen en unis bang voor bij het uitvoeren van hun acties?", "krapte op de arbeidsmarkt"),
    ("wat vraagt bzk van de afdelingen waar veel mbo'ers werken?", "stapje extra"),
])
def test_a_light_word_they_never_use_is_said_in_their_own_words(engine, question, fragment):
    assert_answers(engine, question, fragment)


@pytest.mark.parametrize("question", [
    # (a case the sentence is not about stays a near miss: "vast" is not its "tijdelijk contract")
    "waar zijn onderzoekers met een vast contract bang voor?",
    # (nor does a feeling the documents never name become one they do)
    "zijn de studenten verdrietig dat de collegezalen weer vol zitten?",
])
def test_a_word_they_never_use_for_another_case_stays_a_near_miss(engine, question):
    assert_near_miss(engine, question)


def test_putting_it_in_the_report_is_reporting_in_it(engine):
    """"in hun jaarverslag zetten" is the letter's "rapporteren in hun jaarverslag": the light verb of
    placing asks nothing a sentence must hold (probe round hedge3; before: "Dat staat niet precies …")."""
    assert_answers(engine, "wanneer was het debat waarin gezegd is dat scholen de inhuur in hun jaarverslag moeten zetten?",
                   "7 oktober")


def test_a_share_put_outside_the_list_is_not_the_share_left_unassigned(engine):
    """"hoeveel procent zetten instellingen op acties die niet op de keuzelijst staan?" is not answered by
    the 2 procent of the means not yet assigned to a theme (before: shown as the answer)."""
    result = engine.answer("hoeveel procent zetten instellingen op acties die niet op de keuzelijst staan?")
    assert result.kind != "answer" or "2 procent" not in shown(result), shown(result)
