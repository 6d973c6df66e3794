"""Import progress in words: one translated sentence per step, the file apart, plurals."""

from __future__ import annotations

from privacy_audit.demo import bundled_persona_paths
from privacy_audit.gui.import_page import eta_text
from privacy_audit.i18n import translator
from privacy_audit.pipeline import load_evidence


def test_time_left_uses_the_plural_forms() -> None:
    en, it = translator("en"), translator("it")
    assert eta_text(en, 1.2) == "About 1 second left"
    assert eta_text(en, 5) == "About 5 seconds left"
    assert eta_text(it, 1.0) == "Circa 1 secondo rimanente"
    assert eta_text(it, 75) == "Circa 1 minuto rimanente"
    assert eta_text(it, 300) == "Circa 5 minuti rimanenti"
    assert eta_text(en, None) == "Estimating the time left…"


def test_each_step_is_a_sentence_in_the_language() -> None:
    steps: list[str] = []
    files: list[str] = []

    def progress(_fraction: float, label: str) -> None:
        step, _sep, file = label.partition("\n")
        if step:
            steps.append(step)
        if file:
            files.append(file)

    paths = bundled_persona_paths("giulia")
    load_evidence(paths, lang="it", progress=progress)
    distinct = list(dict.fromkeys(steps))
    total = len(paths)
    assert distinct[0].startswith("Lettura dell'esportazione di ")
    assert f"(1 di {total})" in distinct[0]
    assert any(f"({total} di {total})" in s for s in distinct)
    assert distinct[-1] == "Confronto dei numeri di telefono tra i servizi…"
    # the file being read comes apart from the sentence, never as the sentence
    assert files and not any(s.endswith((".json", ".txt", ".html", ".zip")) for s in steps)


def test_import_page_label_matches_the_bar(make_window, qtbot) -> None:
    window = make_window()
    page = window.import_page
    window.stack.setCurrentWidget(page)
    page.start(["facebook-me.zip"])
    assert page.current.text() == "Opening your export…"  # never 0 % without a file name
    assert page.file.text() == "facebook-me.zip"
    page.set_progress(0.426, "Reading Facebook export (1 of 2)…\nmessages/inbox.json")
    assert page.bar.text() == "43 %" and page.bar.value() == 426
    assert page.current.text() == "Reading Facebook export (1 of 2)…"
    assert page.file.text() == "messages/inbox.json"
