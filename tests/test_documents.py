"""Adding documents: a third letter (test data, as text and as PDF) is built, cited with its date and
wins where it disagrees; bad input stops the build with one line and leaves the previous KB alone."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from actions import answers
from bot.measure.pdf_quality import letter_pdf, write_pdf
from knowledge import api, open_kb
from knowledge.build import build, is_stale
from knowledge.parse import SourceError

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "knowledge" / "sources"
FIXTURE = REPO / "tests" / "fixtures" / "documents"
THIRD = "kamerbrief-testdata-tweede-voortgang"
THIRD_TITLE = "TESTDATA Kamerbrief tweede voortgangsrapportage NP Onderwijs (20 mei 2022)"
FIRST_TITLE = "Kamerbrief eerste voortgangsrapportage NP Onderwijs (28 oktober 2021)"


def sources_with_third(folder: Path, as_pdf: bool = False) -> Path:
    """The project's sources plus the test letter (its text, or a PDF written from it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SOURCES.iterdir():
        shutil.copy(path, folder / path.name)
    shutil.copy(FIXTURE / f"{THIRD}.yml", folder / f"{THIRD}.yml")
    if as_pdf:
        letter_pdf(folder / f"{THIRD}.pdf", FIXTURE / f"{THIRD}.txt")
    else:
        shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
    return folder


def ask(kb, question: str) -> str:
    answer = answers.respond(kb, answers.Context(intent="nlu_fallback", text=question))
    return answers.render(answer)[0]


@pytest.fixture(scope="module")
def third_kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("third")
    build(folder / "kb.sqlite", sources_dir=sources_with_third(folder / "sources"))
    return open_kb(folder / "kb.sqlite")


# ----------------------------------------------------------------------------- a third letter

def test_third_letter_is_a_dated_document(third_kb):
    doc = third_kb.documents[THIRD]
    assert (doc["date"], doc["kind"], doc["pages"]) == ("2022-05-20", "letter", 3)
    assert doc["supersedes"] == ("kamerbrief-voortgang-np-onderwijs",)
    rows = third_kb._query("SELECT text FROM passages WHERE document = ?", [THIRD])
    text = " ".join(r["text"] for r in rows)
    # Letterhead furniture is not content.
    assert "31415926" not in text and "Onze referentie" not in text and "Pagina" not in text
    assert "Datum" not in text and "20 mei 2022" not in text


def test_conflicting_fact_newest_first_older_dated_as_replaced(third_kb):
    reply = ask(third_kb, "Hoeveel maanden extra reisrecht krijgen ho-studenten?").splitlines()
    assert reply[0].startswith("Volgens de brief van 20 mei 2022: ") and "18 maanden" in reply[0]
    assert reply[1].startswith("Eerder, in de brief van 28 oktober 2021 (nu vervangen): ") and "12 maanden" in reply[1]
    assert reply[-1] == f"Bron: {THIRD_TITLE}, p. 1; {FIRST_TITLE}, p. 12"


def test_new_fact_is_answered_with_its_dated_page(third_kb):
    reply = ask(third_kb, "Tot wanneer kunnen scholen een aanvraag doen voor het Testfonds Zomerscholen?")
    assert "30 september 2022" in reply and "vervangen" not in reply
    assert reply.splitlines()[-1] == f"Bron: {THIRD_TITLE}, p. 2"


def test_fact_only_the_older_letter_has_stays_answerable(third_kb):
    reply = ask(third_kb, "Hoeveel studenten kregen een tegemoetkoming voor de extra kosten van studievertraging?")
    assert "130.000" in reply and "vervangen" not in reply
    assert reply.splitlines()[-1] == f"Bron: {FIRST_TITLE}, p. 12"


def test_relative_dates_are_read_against_the_documents_date(third_kb):
    reply = ask(third_kb, "Wanneer is besloten de looptijd van het programma te verlengen?")
    assert "In maart van dit jaar (maart 2022)" in reply
    rows = third_kb._query("SELECT text, resolved FROM dates WHERE resolved IS NOT NULL")
    resolved = {(r["text"], r["resolved"]) for r in rows}
    assert ("maart van dit jaar", "maart 2022") in resolved          # the test letter, 20 mei 2022
    assert ("februari van dit jaar", "februari 2021") in resolved    # the first letter, 28 oktober 2021
    assert ("dit studiejaar", "2021/2022") in resolved
    assert ("tot en met 24 december", "24 december 2021") in resolved  # a day without a year: the nearest


ANNEX_TEXT = """
 
Bijlage 2 (TESTDATA)
Keuzelijst met acties voor het funderend onderwijs
 
Scholen in het po en vo ontvangen in het schooljaar 2022-2023 extra middelen.
 
Thema 7: Taal en rekenen (po en vo)
Voor taal en rekenen kunnen scholen kiezen uit de volgende acties:
\uf0b7 Extra instructie in kleine groepen. Bijvoorbeeld door een remedial teacher in te zetten;
\uf0b7 Een zomerschool voor rekenen van twee weken.
"""


def test_new_annex_adds_its_themes_for_its_sectors(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    (folder / "bijlage-2-testdata.txt").write_text(ANNEX_TEXT, encoding="utf-8")
    (folder / "bijlage-2-testdata.yml").write_text("title: 'Bijlage 2: testdata'\ndate: 2022-06-01\n", encoding="utf-8")
    build(tmp_path / "kb.sqlite", sources_dir=folder)
    kb = open_kb(tmp_path / "kb.sqlite")
    assert kb.documents["bijlage-2-testdata"]["kind"] == "annex"
    assert [t.number for t in kb.themes("po")] == [7] and len(kb.themes()) == 7
    reply = ask(kb, "Welke acties horen bij thema 7?")
    assert "Een zomerschool voor rekenen van twee weken." in reply
    assert reply.splitlines()[-1] == "Bron: Bijlage 2: testdata (1 juni 2022), Thema 7"


def test_curated_layer_is_optional(tmp_path):
    folder = sources_with_third(tmp_path / "sources")
    counts = build(tmp_path / "kb.sqlite", sources_dir=folder, curated=tmp_path / "none.yml")
    assert counts["documents"] == 3 and counts["topics"] == 0
    kb = open_kb(tmp_path / "kb.sqlite")
    assert "€ 42 miljoen" in ask(kb, "Hoeveel geld is er voor het Testfonds Zomerscholen?")


def test_third_letter_as_pdf_builds_the_same_passages(tmp_path, third_kb):
    folder = sources_with_third(tmp_path / "sources", as_pdf=True)
    build(tmp_path / "kb.sqlite", sources_dir=folder)
    from_pdf = open_kb(tmp_path / "kb.sqlite")
    query = "SELECT kind, page, section_path, text, footnote_number FROM passages WHERE document = ? ORDER BY id"
    pdf_rows = [tuple(r) for r in from_pdf._query(query, [THIRD])]
    assert pdf_rows == [tuple(r) for r in third_kb._query(query, [THIRD])]
    assert from_pdf.documents[THIRD]["filename"] == f"{THIRD}.pdf"
    reply = ask(from_pdf, "Hoeveel maanden extra reisrecht krijgen ho-studenten?")
    assert reply.splitlines()[-1] == f"Bron: {THIRD_TITLE}, p. 1; {FIRST_TITLE}, p. 12"


def test_adding_a_document_makes_the_kb_stale(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    kb_path = tmp_path / "kb.sqlite"
    build(kb_path, sources_dir=folder)
    assert not is_stale(kb_path, folder)
    shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
    shutil.copy(FIXTURE / f"{THIRD}.yml", folder / f"{THIRD}.yml")
    assert is_stale(kb_path, folder)


def test_open_kb_picks_up_a_rebuilt_file(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "RELOAD_CHECK_S", 0.0)
    kb_path = tmp_path / "kb.sqlite"
    build(kb_path)
    before = open_kb(kb_path)
    assert THIRD not in before.documents
    build(kb_path, sources_dir=sources_with_third(tmp_path / "sources"))
    after = open_kb(kb_path)
    assert after is not before and THIRD in after.documents
    assert "18 maanden" in ask(after, "Hoeveel maanden extra reisrecht krijgen ho-studenten?")


# ----------------------------------------------------------------------------- bad input

def _no_text_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a scan: an image, no text layer
    pdf.output(str(path))


def _bad_inputs():
    def no_text_pdf(folder: Path) -> str:
        _no_text_pdf(folder / f"{THIRD}.pdf")
        return f"{THIRD}.pdf has no text layer"

    def binary_txt(folder: Path) -> str:
        (folder / f"{THIRD}.txt").write_bytes(bytes(range(256)) * 64)
        return f"{THIRD}.txt: not a text file"

    def empty_txt(folder: Path) -> str:
        (folder / f"{THIRD}.txt").write_text(" \n\n \n", encoding="utf-8")
        return f"{THIRD}.txt: holds no text"

    def sidecar_without_date(folder: Path) -> str:
        shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
        (folder / f"{THIRD}.yml").write_text("title: Een brief zonder datum\n", encoding="utf-8")
        return f"{THIRD}.yml: no 'date:'"

    def sidecar_bad_date(folder: Path) -> str:
        shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
        (folder / f"{THIRD}.yml").write_text("title: Brief\ndate: 20-05-2022\n", encoding="utf-8")
        return "is not an ISO date: write it as YYYY-MM-DD"

    def no_sidecar(folder: Path) -> str:
        shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
        (folder / f"{THIRD}.yml").unlink()
        return f"{THIRD}.txt: no sidecar: write"

    def duplicate_slug(folder: Path) -> str:
        shutil.copy(FIXTURE / f"{THIRD}.txt", folder / f"{THIRD}.txt")
        letter_pdf(folder / f"{THIRD}.pdf", FIXTURE / f"{THIRD}.txt")
        return f"two documents named '{THIRD}'"

    return [no_text_pdf, binary_txt, empty_txt, sidecar_without_date, sidecar_bad_date, no_sidecar, duplicate_slug]


@pytest.fixture(scope="module")
def previous_kb(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("previous") / "kb.sqlite"
    build(path)
    return path.read_bytes()


@pytest.mark.parametrize("make_bad", _bad_inputs(), ids=lambda f: f.__name__)
def test_bad_input_is_one_clear_line_and_keeps_the_previous_kb(tmp_path, previous_kb, make_bad):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    shutil.copy(FIXTURE / f"{THIRD}.yml", folder / f"{THIRD}.yml")
    expected = make_bad(folder)
    kb_path = tmp_path / "kb.sqlite"
    kb_path.write_bytes(previous_kb)
    with pytest.raises(SourceError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        build(kb_path, sources_dir=folder)
    result = subprocess.run([sys.executable, "-m", "knowledge", "build", "--sources", str(folder),
                             "--output", str(kb_path)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr
    assert kb_path.read_bytes() == previous_kb
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kb-")] == []


def test_pdf_reader_drops_running_headers_and_side_column_and_keeps_page_numbers(tmp_path):
    pages = [(["Eerste pagina met tekst over het programma.", "Tweede regel van de eerste pagina."], []),
             (["Tweede pagina."], ["1 Een voetnoot."]), (["Derde pagina."], [])]
    from knowledge.pdf import read_pdf

    read = read_pdf(write_pdf(tmp_path / "x.pdf", pages, header="Koptekst van elke pagina",
                              sidebar=["Datum", "20 mei 2022", "Onze referentie", "31415926"]))
    assert [n for n, _ in read] == [1, 2, 3]
    text = [" ".join(line.strip() for line in lines if line.strip()) for _, lines in read]
    assert text == ["Eerste pagina met tekst over het programma. Tweede regel van de eerste pagina.",
                    "Tweede pagina. 1 Een voetnoot.", "Derde pagina."]


def test_the_two_documents_never_replace_each_other(tmp_path, monkeypatch):
    """They state different facts: no reply to the conversation suite's or the eval set's questions
    calls one replaced (a short sentence with "in totaal € 50 miljoen" once 'replaced' the annex's
    € 516 miljoen)."""
    from bot.measure.conversations import load_cases
    from bot.measure.question_eval import ask_engine, load_questions

    build(tmp_path / "kb.sqlite")
    monkeypatch.setenv("NPO_KB_PATH", str(tmp_path / "kb.sqlite"))
    questions = [turn["user"] for case in load_cases() for turn in case["turns"]]
    questions += [q["q"] for q in load_questions()]
    replaced = [(q, r) for q, r in ((q, ask_engine(q)) for q in questions) if "nu vervangen" in r]
    assert len(questions) > 900 and not replaced
