//! The development question set, run through the engine as `citebot eval`
//! runs it: accuracy and precision must not drop below what we reached.

use std::path::Path;

use citebot::eval::{read_cases, run};
use citebot::setup::Setup;

fn dev_set() -> Option<Vec<citebot::eval::Case>> {
    // The dev set lives beside the repository (../shared/eval); a checkout
    // without it falls back to our own kept-aside set in tests/data.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    shared
        .exists()
        .then(|| read_cases(&shared).unwrap_or_else(|e| panic!("{e}")))
}

/// The cases of one of our own sets in `tests/data`.
fn our_set(name: &str) -> Vec<citebot::eval::Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    read_cases(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn engine(vectors: bool) -> citebot::Engine {
    let setup = Setup {
        knowledge_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"),
        vectors: vectors.then_some(citebot::setup::VectorsSource::Embedded),
        built_in_when_missing: false,
    };
    setup.engine().unwrap_or_else(|e| panic!("{e}"))
}

/// Accuracy and precision floors, as measured with `citebot eval`; raise
/// them when the engine or the knowledge improves, never lower them quietly.
/// Measured (vectors on): dev 0.944 (51/54), precision 1.000 (38/38).
const DEV_ACCURACY: f64 = 0.94;
const DEV_PRECISION: f64 = 0.97;
/// Measured: 0.916 (87/95), precision 0.971 (68/70).
const HELDOUT_ACCURACY: f64 = 0.91;
const HELDOUT_PRECISION: f64 = 0.97;
/// (file, accuracy, precision) floors of the blind sets, each a little
/// under what `citebot eval` measured (in the README).
const BLIND_FLOORS: [(&str, f64, f64); 8] = [
    ("blind-a.jsonl", 0.98, 0.99),
    ("blind-b.jsonl", 0.93, 0.96),
    ("blind-c.jsonl", 0.93, 0.98),
    ("blind-d.jsonl", 0.83, 0.94),
    ("blind-e.jsonl", 0.93, 0.94),
    ("blind-f.jsonl", 0.87, 0.98),
    ("blind-g.jsonl", 0.86, 0.92),
    // Never used to change anything: measured 0.860 (86/100), precision
    // 0.871 (61/70).
    ("blind-h.jsonl", 0.85, 0.86),
];

#[test]
fn dev_set_accuracy_does_not_drop() {
    let Some(cases) = dev_set() else {
        eprintln!("../shared/eval/dev.jsonl not found: skipping");
        return;
    };
    holds_floors("dev", &cases, DEV_ACCURACY, DEV_PRECISION);
}

/// Fails when a question set falls below its floors (vectors on).
fn holds_floors(name: &str, cases: &[citebot::eval::Case], accuracy: f64, precision: f64) {
    let report = run(&engine(true), cases);
    let (got_accuracy, got_precision) = (report.overall().rate(), report.precision().rate());
    assert!(
        got_accuracy >= accuracy,
        "{name}: accuracy {got_accuracy:.3} < {accuracy}"
    );
    assert!(
        got_precision >= precision,
        "{name}: precision {got_precision:.3} < {precision}"
    );
}

#[test]
fn kept_aside_set_accuracy_does_not_drop() {
    let cases = our_set("heldout.jsonl");
    holds_floors("heldout.jsonl", &cases, HELDOUT_ACCURACY, HELDOUT_PRECISION);
}

#[test]
fn blind_sets_accuracy_does_not_drop() {
    // Written by helpers who saw only the article, never the knowledge or
    // the engine. Each was first measured untouched, then used to find
    // what to improve (see the README).
    for (name, accuracy, precision) in BLIND_FLOORS {
        holds_floors(name, &our_set(name), accuracy, precision);
    }
}

#[test]
fn long_messages_are_answered_from_their_question() {
    // Questions after a preamble about the asker ("I've only skimmed the
    // news ... How much aid did the US send?"). Measured: 0.909 (20/22),
    // precision 1.000 (18/18); 0.182 (4/22) before the question sentence
    // was told apart from the preamble.
    let cases = our_set("long-messages.jsonl");
    holds_floors("long-messages.jsonl", &cases, 0.86, 0.99);
}

#[test]
fn vectors_do_not_cost_precision_on_the_kept_aside_set() {
    let cases = our_set("heldout.jsonl");
    let lexical = run(&engine(false), &cases);
    let combined = run(&engine(true), &cases);
    assert!(
        combined.overall().right >= lexical.overall().right,
        "vectors lost accuracy"
    );
    assert!(
        combined.precision().rate() + 0.02 >= lexical.precision().rate(),
        "vectors lost precision"
    );
}

#[test]
fn vectors_find_paraphrases_that_words_alone_miss() {
    // Questions in words the article never uses ("choppers", "punishment",
    // "baltic republics"), written for this test and kept out of tuning.
    let cases = our_set("paraphrases.jsonl");
    let lexical = run(&engine(false), &cases);
    let combined = run(&engine(true), &cases);
    // Measured: lexical 24/26, combined 25/26. The gain was 3 (21 -> 24)
    // before the knowledge learnt everyday words as synonyms; what is left
    // for the vectors is the words no one listed.
    assert!(
        combined.overall().right > lexical.overall().right,
        "vectors should answer more: lexical {}, combined {}",
        lexical.overall().right,
        combined.overall().right
    );
    assert!(
        combined.precision().rate() >= lexical.precision().rate(),
        "vectors lost precision"
    );
}

#[test]
fn guards_still_hold_with_vectors_on() {
    let engine = engine(true);
    for question in [
        "is finland going to join the alliance",
        "what did zelensky say about the letter",
        "how many javelins did the us send",
        "how many helicopters did germany send",
        "who is the russian ambassador to the united states",
        "why did berlin block estonia",
    ] {
        let reply = engine.answer(question);
        assert!(
            !matches!(reply, citebot::Reply::Answered(_)),
            "{question:?} was answered: {reply:?}"
        );
    }
}

/// The engine over `citebot init`'s unedited draft of `article`.
fn drafted_engine(article: &Path) -> citebot::Engine {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    citebot::draft::init(article, tmp.path(), false).unwrap_or_else(|e| panic!("{e}"));
    let setup = Setup {
        knowledge_dir: tmp.path().to_path_buf(),
        vectors: Some(citebot::setup::VectorsSource::Embedded),
        built_in_when_missing: false,
    };
    setup.engine().unwrap_or_else(|e| panic!("{e}"))
}

/// The overall accuracy and precision of `citebot init`'s unedited draft of
/// `article` on the questions in `questions`.
fn drafted(article: &Path, questions: &Path) -> (f64, f64) {
    let engine = drafted_engine(article);
    let cases = read_cases(questions).unwrap_or_else(|e| panic!("{e}"));
    let report = run(&engine, &cases);
    (report.overall().rate(), report.precision().rate())
}

/// Asserts that `citebot init`'s draft of the article in `tests/data/SET`
/// answers its `questions.jsonl` with at least these accuracy and
/// precision.
fn drafted_at_least(set: &str, accuracy_floor: f64, precision_floor: f64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set);
    let (accuracy, precision) = drafted(&dir.join("article.txt"), &dir.join("questions.jsonl"));
    assert!(
        accuracy >= accuracy_floor,
        "{set}: accuracy {accuracy:.3} < {accuracy_floor}"
    );
    assert!(
        precision >= precision_floor,
        "{set}: precision {precision:.3} < {precision_floor}"
    );
}

/// Of the answerable questions in `questions`, how many the best-scoring
/// fact of `citebot init`'s draft of `article` cites the right sentence
/// for, answered or not (`citebot eval --scores`, column `top_correct`),
/// and how many are answerable.
fn best_fact_right(article: &Path, questions: &Path) -> (usize, usize) {
    let engine = drafted_engine(article);
    let cases = read_cases(questions).unwrap_or_else(|e| panic!("{e}"));
    let answerable: Vec<_> = cases.iter().filter(|c| !c.cites.is_empty()).collect();
    let right = answerable
        .iter()
        .filter(|c| {
            engine.candidates(&c.q, 1).is_ok_and(|best| {
                best.first()
                    .is_some_and(|b| citebot::eval::cites_match(&b.sentence, &c.cites))
            })
        })
        .count();
    (right, answerable.len())
}

#[test]
fn the_drafts_best_fact_cites_the_right_sentence_on_the_squad_article() {
    // The ceiling of every answer on a drafted article: the best-ranked
    // fact must cite the sentence asked about. Measured: 129/197 (64 of the
    // tuning half's 100, 65 of the untouched half's 97); with rules
    // phrase-match, neighbour-context and sentence-length drafted: 136/197
    // (67 and 69); with rule antecedent drafted: 139/197 (69 and 70).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/squad-complexity");
    if !dir.exists() {
        eprintln!("../shared/eval/squad-complexity not found: skipping");
        return;
    }
    let (right, answerable) =
        best_fact_right(&dir.join("article.txt"), &dir.join("questions.jsonl"));
    assert_eq!(answerable, 197);
    assert!(
        right >= 137,
        "best fact right on {right}/{answerable} < 137"
    );
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_squad_article() {
    // 418 crowd-written questions, 221 written to look answerable; declining
    // everything scores 0.529. Measured: 0.598 (250/418), precision 0.530;
    // with definitions drafted both ways, list counts, "year" and word
    // families: 0.603 (252/418), precision 0.534 (93/174).
    // with the drafted paragraph_context and which-noun reading "what kind
    // of X" as well: 0.608 (254/418), precision 0.540 (95/176); with
    // WordNet's opposites and rule substituted-word: 0.632 (264/418),
    // precision 0.573 (94/164); with rules phrase-match, neighbour-context
    // and sentence-length drafted: 0.634 (265/418), precision 0.573 (98/171);
    // with rule other-count: 0.641 (268/418), precision 0.582 (99/170);
    // with opposite modifiers ("least difficult"): 0.648 (271/418),
    // precision 0.593 (99/167); with an unknown word beside where the
    // article writes its opposite: 0.655 (274/418), precision 0.604 (99/164);
    // with rule antecedent drafted (alone: 0.639, precision 0.583) as well:
    // 0.658 (275/418), precision 0.607 (99/163); with "can and cannot"
    // denying nothing (rule denied): 0.660 (276/418), precision 0.611
    // (99/162); with a name after "between" drafted as a place: 0.663
    // (277/418), precision 0.617 (100/162).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/squad-complexity");
    if !dir.exists() {
        eprintln!("../shared/eval/squad-complexity not found: skipping");
        return;
    }
    let (accuracy, precision) = drafted(&dir.join("article.txt"), &dir.join("questions.jsonl"));
    assert!(accuracy >= 0.66, "accuracy {accuracy:.3} < 0.66");
    assert!(precision >= 0.61, "precision {precision:.3} < 0.61");
}

#[test]
fn a_drafted_knowledge_beats_declining_on_an_article_we_never_tuned_on() {
    // A news report and questions written by a helper who saw neither
    // citebot nor its knowledge; the knowledge is `citebot init`'s draft,
    // unedited. Declining everything scores 35/90 = 0.389. Measured: 0.544
    // (49/90), precision 0.571 (28/49); with definitions drafted both ways
    // and word families: 0.556 (50/90), precision 0.583 (28/48); with
    // "year" and main's unknown-entity names: 0.567 (51/90), precision 0.596;
    // with rule counted-thing reading prices: 0.578 (52/90), precision 0.604
    // (29/48), as with rules phrase-match, neighbour-context and
    // sentence-length drafted; with "who is <name>" drafted where a body
    // sentence first names someone: 0.567 (51/90), precision 0.592 (29/49),
    // with or without the three rules.
    // With the article's own names read as entities: 0.589 (53/90),
    // precision 0.609 (28/46).
    drafted_at_least("new-article", 0.58, 0.58);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_third_article() {
    // A feature on a wildcat release, and 80 questions (32 the article does
    // not answer), written by a helper who saw neither citebot nor its
    // knowledge; nobody has read the questions since. `citebot init`'s draft,
    // unedited. Declining everything scores 32/80 = 0.400. Measured when it
    // was added: 0.550 (44/80), precision 0.605 (23/38); with the drafted
    // common_rank and rules affirms-denied and denies-unsaid: 0.562 (45/80),
    // precision 0.632; with the drafted paragraph_context: 0.588 (47/80),
    // precision 0.658 (main then: 0.575, 46/80, precision 0.658); with rules
    // phrase-match, neighbour-context and sentence-length drafted: 0.600
    // (48/80), precision 0.675 (27/40), and so with "who is <name>" drafted
    // (0.588, 47/80, without the three rules); with rule antecedent drafted
    // (on main's word lists): 0.625 (50/80), precision 0.692 (27/39); with
    // rule counted-thing taking a count of a near word and ending the
    // counted phrase at a unit of time: 0.637 (51/80), precision 0.700 (28/40);
    // with the article's own names read as entities as well (which alone
    // gave 0.613, 49/80): 0.625 (50/80), precision 0.675 (27/40). With rule
    // no-duration (stop 24, chosen on the tuning sets; over all seventeen
    // untouched articles 925 -> 933/1630 right): 0.613 (49/80), precision
    // 0.667 (26/39), so the floor moved from 0.62 to 0.61.
    drafted_at_least("article3", 0.61, 0.58);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_fourth_article() {
    // A football transfer saga, and 80 questions (32 the article does not
    // answer), written by a helper who saw neither citebot nor its
    // knowledge; nobody has read the questions since. `citebot init`'s
    // draft, unedited. Declining everything scores 32/80 = 0.400. Measured
    // when it was added: 0.425 (34/80), precision 0.452 (19/42); with the
    // drafted paragraph_context: 0.438 (35/80), precision 0.455 (20/44);
    // with rule counted-thing reading prices: 0.450 (36/80), precision 0.467
    // (21/45); with rules phrase-match, neighbour-context and
    // sentence-length drafted as well: 0.463 (37/80), precision 0.489 (22/45);
    // with a name after "on" drafted as a place ("where is <name>", not
    // "who is"): 0.475 (38/80), precision 0.512 (22/43).
    // With the article's own names read as entities: 0.487 (39/80),
    // precision 0.523 (23/44). With rule common-only drafted (decided on
    // the tuning and seed sets; the nineteen untouched articles 1,088 ->
    // 1,088, wrong answers 336 -> 334): 0.475 (38/80), precision 0.512
    // (22/43); its misses were not read.
    drafted_at_least("article4", 0.47, 0.5);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_fifth_article() {
    // A report of a (fictional) clinical trial, and 80 questions (32 the
    // article does not answer, 18 of those reusing its words), written by
    // a helper who saw neither citebot nor its data; nobody has read the
    // questions since. `citebot init`'s draft, unedited. Declining
    // everything scores 32/80 = 0.400. Measured when it was added: 0.500
    // (40/80), precision 0.500 (26/52); with rules phrase-match,
    // neighbour-context and sentence-length drafted: 0.500 (40/80),
    // precision 0.510 (26/51); with rule antecedent drafted: 0.512 (41/80),
    // precision 0.520 (26/50). With the article's own names read as
    // entities (rules name-missing, name-substituted; the tuning sets rose,
    // the untouched drafted sets 644 -> 649 questions in all): 0.487
    // (39/80), precision 0.500 (24/48), the one untouched set to fall by
    // more than a question; its misses were not read. With phrasal verbs
    // read around their object and a general list of them (phrase10,
    // decided on the tuning and seed sets; the nineteen untouched articles
    // 1,068 -> 1,068): 0.475 (38/80), precision 0.477 (21/44).
    drafted_at_least("article5", 0.47, 0.47);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_sixth_article() {
    // A court's ruling against a water company over sewage spills (1,500
    // words, fictional), and 100 questions (40 the article does not
    // answer: 20 reusing its words with one detail changed, 10 it never
    // covers, 10 with a false premise), written by a helper who saw
    // neither citebot nor its data. `citebot init`'s draft, unedited.
    // Declining everything scores 40/100 = 0.400. Measured when it was
    // added: 0.480 (48/100), precision 0.456 (26/57).
    // With the drafting of "why" intents and rules unstated-reason,
    // why-words and reported-reason: 0.500 (50/100), precision 0.491 (27/55).
    // With the article's own names read as entities: 0.510 (51/100),
    // precision 0.509 (27/53).
    drafted_at_least("article6", 0.5, 0.48);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_seventh_article() {
    // A health authority's breath-test screening pilot for lung cancer
    // (1,400 words, fictional), and 100 questions (40 the article does not
    // answer: 20 reusing its words with a detail shifted, 10 it never
    // covers, 10 with a false premise), written by a helper who saw
    // neither citebot nor its data. `citebot init`'s draft, unedited.
    // Declining everything scores 40/100 = 0.400. Measured when it was
    // added: 0.620 (62/100), precision 0.632 (36/57); with the drafting of
    // "why" intents and rules unstated-reason, why-words and
    // reported-reason: 0.650 (65/100), precision 0.673 (37/55).
    drafted_at_least("article7", 0.63, 0.65);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_an_eighth_article() {
    // A city council's vote on a disputed housing and rent plan (1,400
    // words, fictional), and 100 questions (40 the article does not
    // answer: 20 reusing its words with a detail shifted, 10 it never
    // covers, 10 with a false premise), written by a helper who saw
    // neither citebot nor its data. `citebot init`'s draft, unedited.
    // Declining everything scores 40/100 = 0.400. Measured when it was
    // added (stop 19): 0.580 (58/100), precision 0.644 (38/59).
    // With the article's own names read as entities: 0.590 (59/100),
    // precision 0.644 (38/59). With the chat forms of stop 22 ("appt",
    // "hosp", "uni"): 0.600 (60/100), precision 0.650 (39/60).
    // With names read across "of"/"for" (names15) and rule common-only
    // drafted (offtopic15), each decided on the tuning and seed sets and
    // each losing this article one question: 0.580 (58/100), precision
    // 0.636 (35/55); its misses were not read.
    drafted_at_least("article8", 0.58, 0.63);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_ninth_article() {
    // A bank's weekend outage of card payments and mobile banking after a
    // failed software update (1,400 words, fictional), and 100 questions
    // (40 the article does not answer: 20 reusing its words with a detail
    // shifted, 10 it never covers, 10 with a false premise), written by a
    // helper who saw neither citebot nor its data. `citebot init`'s draft,
    // unedited. Declining everything scores 40/100 = 0.400. Measured when
    // it was added (stop 20): 0.570 (57/100), precision 0.630 (29/46).
    // With the article's own names read as entities: 0.580 (58/100),
    // precision 0.659 (29/44); with rule counted-thing taking a count of a
    // near word and ending the counted phrase at a unit of time as well:
    // 0.590 (59/100), precision 0.667 (30/45). With a quotation's pronoun
    // read as the speaker named before (stop 23): 0.600 (60/100), precision
    // 0.674 (31/46). With the seed article's readings moved out of the
    // general synonyms (syn9; the untouched article's questions unread):
    // 0.600 (60/100), precision 0.653 (32/49), one question more answered
    // wrong than 0.610 (61/100), precision 0.667 (32/48) before. With rule
    // `quoted-speaker` on in drafts (stop 25, decided on the tuning sets:
    // strike, runway and ferry rose; the nineteen untouched articles 1,053
    // -> 1,055): 0.590 (59/100), precision 0.640 (32/50). With phrasal
    // verbs read around their object and a general list of them (phrase10,
    // the untouched articles 1,068 -> 1,068): 0.570 (57/100), precision
    // 0.615 (32/52). With rules asked-figure and nothing-said and the
    // sentence's end as a side of substituted-word (unans12, decided on the
    // tuning sets, the nineteen untouched articles 1,078 -> 1,084, wrong
    // answers 348 -> 338; this article's questions unread): 0.560
    // (56/100), precision 0.620 (31/50).
    drafted_at_least("article9", 0.56, 0.61);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_tenth_article() {
    // Archaeologists' find of a Bronze Age boat and hoard in a peat bog on
    // a reservoir site (1,400 words, fictional), and 100 questions (40 the
    // article does not answer: 20 reusing its words with a detail shifted,
    // 10 it never covers, 10 with a false premise), written by a helper who
    // saw neither citebot nor its data. `citebot init`'s draft, unedited.
    // Declining everything scores 40/100 = 0.400. Measured when it was
    // added (stop 20): 0.580 (58/100), precision 0.638 (30/47).
    // With the article's own names read as entities: 0.610 (61/100),
    // precision 0.674 (31/46).
    drafted_at_least("article10", 0.6, 0.63);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_an_eleventh_article() {
    // A hospital trust's trial of a walk-in diagnostic centre in a market
    // town (1,500 words, fictional), and 100 questions (40 the article
    // does not answer), written by a helper who saw neither citebot nor its
    // data. `citebot init`'s draft, unedited. Declining everything scores
    // 0.400. Measured when it was added (stop 21): 0.670 (67/100),
    // precision 0.690 (40/58). With the article's own names as entities
    // (rules name-missing, name-substituted): 0.660 (66/100), precision
    // 0.672 (41/61).
    drafted_at_least("article11", 0.65, 0.66);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_twelfth_article() {
    // A lower-league football club's takeover by a consortium (1,350
    // words, fictional), and 100 questions (40 the article does not
    // answer), written blind the same way. Declining everything scores
    // 0.400; the draft only just beats it. Measured when it was added
    // (stop 21): 0.440 (44/100), precision 0.453 (24/53). With the
    // article's own names as entities: 0.440 (44/100), precision 0.444
    // (20/45).
    drafted_at_least("article12", 0.43, 0.44);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_thirteenth_article() {
    // An exam board's marking error that gave thousands of A-level students
    // wrong grades (1,300 words, fictional), and 100 questions (40 the
    // article does not answer), written blind like article11. Declining
    // everything scores 0.400. Measured when it was added (stop 22): 0.540
    // (54/100), precision 0.560 (28/50).
    drafted_at_least("article13", 0.53, 0.55);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_fourteenth_article() {
    // A moorland wildfire that forced a village and a care home to evacuate
    // (1,300 words, fictional), and 100 questions (40 the article does not
    // answer), written blind the same way. Declining everything scores
    // 0.400. Measured when it was added (stop 22): 0.590 (59/100), precision
    // 0.660 (31/47). With phrasal verbs read around their object and a
    // general list of them (phrase10, the untouched articles 1,068 ->
    // 1,068): 0.610 (61/100), precision 0.647 (33/51).
    drafted_at_least("article14", 0.58, 0.64);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_fifteenth_article() {
    // A ransomware attack on a county council that held up benefit
    // payments, planning decisions and bin rounds for 17 days (1,400 words,
    // fictional), and 100 questions (40 the article does not answer),
    // written blind like article11. Declining everything scores 0.400.
    // Measured when it was added (stop 23): 0.570 (57/100), precision 0.610
    // (36/59).
    drafted_at_least("article15", 0.56, 0.6);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_sixteenth_article() {
    // A court-ordered recount that overturned a close council ward election
    // after a bundle of ballot papers was misplaced (1,350 words,
    // fictional), and 100 questions (40 the article does not answer),
    // written blind the same way. Declining everything scores 0.400; the
    // draft only just beats it, and misses 9 of its 10 "why" questions.
    // Measured when it was added (stop 23): 0.410 (41/100), precision 0.442
    // (23/52).
    drafted_at_least("article16", 0.4, 0.44);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_seventeenth_article() {
    // A rural US school district's vote to move to a four-day week over a
    // teacher shortage and a budget gap (1,470 words, fictional, US
    // spelling), and 100 questions (40 the article does not answer),
    // written blind the same way. Declining everything scores 0.400.
    // Measured when it was added (stop 24): 0.550 (55/100), precision
    // 0.519 (27/52).
    drafted_at_least("article17", 0.54, 0.51);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_an_eighteenth_article() {
    // A glass-bottle factory's closure with 480 job losses after its
    // energy bills tripled and its largest customer left (1,300 words,
    // fictional), and 100 questions (40 the article does not answer),
    // written blind the same way. Declining everything scores 0.400.
    // Measured when it was added (stop 24): 0.560 (56/100), precision
    // 0.558 (29/52).
    drafted_at_least("article18", 0.55, 0.55);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_nineteenth_article() {
    // A university's plan to close 14 degree courses and cut 300 posts
    // after a fall in overseas students, with a strike ballot, a protest and
    // a council vote ahead (1,300 words, fictional, UK spelling), and 100
    // questions (40 the article does not answer), written blind the same
    // way. Declining everything scores 0.400. Measured when it was added
    // (stop 25): 0.600 (60/100), precision 0.633 (31/49).
    drafted_at_least("article19", 0.59, 0.62);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_a_twentieth_article() {
    // A US county's 911 dispatch centre down for nearly four hours after a
    // faulty software update, a delayed ambulance under review, and a
    // backup plan with dates and costs (1,260 words, fictional, US
    // spelling), and 100 questions (40 the article does not answer),
    // written blind the same way. Declining everything scores 0.400.
    // Measured when it was added (stop 25): 0.600 (60/100), precision
    // 0.667 (30/45).
    drafted_at_least("article20", 0.59, 0.66);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_tuning_article() {
    // A transport strike report and 80 questions (32 unanswerable) written
    // the same way; its misses are read to improve drafting, so it is a
    // tuning set, not an estimate. Declining everything scores 0.400.
    // Measured when it was added: 0.487 (39/80), precision 0.479 (23/48);
    // with the general synonym groups for news English: 0.562 (45/80),
    // precision 0.574 (27/47); with the drafted paragraph_context and
    // which-noun reading "what kind of X": 0.575 (46/80), precision 0.571
    // (28/49); with WordNet's opposites: 0.588 (47/80), precision 0.583
    // (28/48); with rules phrase-match, neighbour-context and
    // sentence-length drafted: 0.600 (48/80), precision 0.583 (28/48);
    // with a name after "on" drafted as a place, and rule antecedent reading
    // a pronoun after "said" as the speaker: 0.625 (50/80), precision 0.630
    // (29/46).
    // With rule opposite-word reading the question's word as its synonym
    // ("begin" is "start", which the sentence uses beside "end"): 0.637
    // (51/80), precision 0.638 (30/47). With "how far" asking for a
    // distance (a unit of length after a number): 0.650 (52/80), precision
    // 0.667 (30/45). With the article's own names read as entities (rules
    // name-missing, name-substituted): 0.662 (53/80), precision 0.682 (30/44).
    drafted_at_least("strike", 0.66, 0.66);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_second_tuning_article() {
    // An airport's three-week runway closure (1,400 words, fictional) and
    // 100 questions written blind, weighted towards the kinds drafts miss
    // most: 25 paraphrases, 25 casual, 10 plain, 10 why and 30 the article
    // does not answer. Its misses may be read, so it is a tuning set.
    // Declining everything scores 0.300. Measured when it was added
    // (stop 20): 0.410 (41/100), precision 0.621 (18/29). With chat forms
    // read in full ("whos": "who is") and "guy" a stop word: 0.420
    // (42/100), precision 0.613 (19/31). With general synonyms for an
    // industry body, upkeep, bookings, "speak for" and "what should I do":
    // 0.460 (46/100), precision 0.657 (23/35). With "rebuild" read as
    // "reconstruction" and chat's stressing "proper" a filler: 0.470
    // (47/100), precision 0.686 (24/35). With a closing "in the first
    // place" dropped: 0.480 (48/100), precision 0.694 (25/36). With a
    // length of time before or after something read as a time: 0.490
    // (49/100), precision 0.703 (26/37). With "how far" asking for a
    // distance, and the word after "how" no substitute: 0.500 (50/100),
    // precision 0.711 (27/38). With a word that only locates ("near the
    // eastern end") giving a place: 0.510 (51/100), precision 0.718 (28/39).
    // With "which body" asking who: 0.520 (52/100), precision 0.725 (29/40).
    // With the article's own names read as entities: 0.520 (52/100),
    // precision 0.737 (28/38); and a number hyphened to its noun counting
    // it ("the 42-room Quayside Hotel"): 0.530 (53/100), precision 0.744 (29/39).
    // With rule counted-thing taking a count of a near word ("departures"
    // for "flights") and ending the counted phrase at a unit of time ("how
    // many flights a week") as well: 0.540 (54/100), precision 0.750 (30/40).
    drafted_at_least("runway", 0.54, 0.75);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_third_tuning_article() {
    // An island ferry withdrawn after an engine-room fire (1,350 words,
    // fictional) and 100 questions written blind with runway's weighting:
    // 25 paraphrases and 25 casual questions that avoid the article's own
    // key words, 10 plain, 10 why and 30 the article does not answer. A
    // tuning set: its misses may be read. Declining everything scores
    // 0.300. Measured when it was added (stop 21): 0.400 (40/100),
    // precision 0.478 (22/46).
    drafted_at_least("ferry", 0.4, 0.47);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_fourth_tuning_article() {
    // A city council's 5-4 vote to fund a downtown ballpark (1,220 words,
    // fictional, US style) and 100 questions written blind by a helper who
    // read only the article: 10 each of plain, paraphrase, casual, number,
    // who and why, and 40 the article does not answer (false premises,
    // breakdowns it never gives). A tuning set: its misses may be read.
    // Declining everything scores 0.400. Measured when it was added
    // (stop 29): 0.590 (59/100), precision 0.644 (29/45); a name after
    // "to", "at" or "in the" read as a place a sentence gives (guard18):
    // 0.600 (60/100), precision 0.652 (30/46); "The 9,000-seat" counting
    // seats and a sum stated of a thing no number counts answering "how
    // much" of it (fresh18): 0.620 (62/100), precision 0.667 (32/48).
    drafted_at_least("stadium", 0.58, 0.63);
}

#[test]
fn a_drafted_knowledge_beats_declining_on_the_fifth_tuning_article() {
    // Walkers caught by a snowstorm on a Scottish ridge and a night-long
    // mountain rescue (1,440 words, fictional, UK style) and 100 questions
    // written blind with stadium's weighting. A tuning set: its misses may
    // be read. Declining everything scores 0.400. Measured when it was
    // added (stop 29): 0.540 (54/100), precision 0.625 (35/56); with rule
    // `asked-measure`, "-ing" qualifiers and "which of the X" in
    // which-noun's reading (unans18): 0.590 (59/100), precision 0.686
    // (35/51).
    drafted_at_least("ridge", 0.58, 0.67);
}
