//! Engine tests on the shipped knowledge: the three outcomes, the guards
//! against wrong citations, typo tolerance, and hostile input.

use std::path::Path;
use std::sync::OnceLock;

use super::*;
use crate::knowledge::load_dir;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        Engine::new(load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
    })
}

/// The cited sentence, or a description of what came back instead.
fn cited(question: &str) -> String {
    match engine().answer(question) {
        Reply::Answered(a) => a.citation.sentence,
        other => format!("(not answered: {other:?})"),
    }
}

fn is_not_answered(question: &str) -> bool {
    !matches!(engine().answer(question), Reply::Answered(_))
}

#[test]
fn engine_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
}

#[test]
fn answers_with_the_verbatim_sentence_and_its_paragraph() {
    let Reply::Answered(a) = engine().answer("how much aid did the us send to ukraine?") else {
        panic!("expected an answer");
    };
    assert!(a.citation.sentence.contains("$200 million"), "{a:?}");
    assert_eq!(a.citation.paragraph, 14);
    let article = &engine().knowledge().article;
    assert!(
        article
            .paragraph(14)
            .is_some_and(|p| p.contains(&a.citation.sentence))
    );
    assert!(a.score > 0.0 && a.score <= 1.0);
}

#[test]
fn tolerates_typos_in_names_and_words() {
    assert!(
        cited("wat did blinkin say about the ball in russias court")
            .contains("ball in Russia’s court")
    );
    assert!(cited("what is the nordstream pipline").contains("Nord Stream 2"));
    assert!(cited("did the us send javlin missles").contains("Javelin missiles"));
    // "steam" is a word, but not after "nord".
    assert!(cited("what is nord steam 2").contains("Nord Stream 2"));
    assert!(is_not_answered("how much steam does germany need"));
}

#[test]
fn reads_synonyms_and_abbreviations() {
    assert!(cited("who is america's ambassador in moscow").contains("John Sullivan"));
    assert!(cited("will the U.S. deliver choppers to Ukraine soon?").contains("MI-17 helicopters"));
}

#[test]
fn names_the_article_never_mentions_stop_an_answer() {
    assert_eq!(
        engine().answer("what did Zelensky say about the letter"),
        Reply::Unknown(NoAnswer::NotMentioned("Zelensky".into()))
    );
    assert!(matches!(
        engine().answer("is poland sending troops too"),
        Reply::Unknown(NoAnswer::NotMentioned(_))
    ));
}

#[test]
fn a_count_the_article_does_not_give_is_not_answered() {
    assert!(is_not_answered("how many helicopters did germany send"));
    assert!(is_not_answered(
        "how many javelin missiles are in the package"
    ));
    // Nothing in the article names banks, so none of it says which.
    assert!(is_not_answered(
        "Which Russian banks would be hit by the sanctions?"
    ));
    // A sentence that only says "a German newspaper" does not say which.
    assert!(is_not_answered(
        "Which German newspaper did Klitschko talk to?"
    ));
    assert!(cited("which nato ally did berlin block").contains("NATO-ally Estonia"));
    // The price of one item is not the price of the whole package.
    assert!(is_not_answered("how much does a javelin cost"));
    assert!(cited("how much did the aid cost").contains("$200 million"));
}

#[test]
fn swapped_roles_are_not_answered() {
    assert!(is_not_answered(
        "who is the russian ambassador to the united states"
    ));
    // A capital the article never names stands for its country.
    assert!(cited("did berlin block tallinn from sending arms to ukraine").contains("Estonia"));
    assert!(is_not_answered("did berlin block paris from sending arms"));
    // The source of a claim is not what the answer must name.
    assert!(cited("according to washington, is it up to russia now").contains("Russia’s court"));
    // A speaker and a topic are not roles to swap.
    assert!(
        cited("what did blinken say about ukraine's sovereignty")
            .contains("Ukraine’s sovereignty and territorial integrity")
    );
}

#[test]
fn another_doer_than_the_facts_actors_is_not_answered() {
    // The US rejected Russia's demands, sent the aid and holds the troops'
    // numbers to be Russian: asked about another doer, the fact is no answer.
    assert!(is_not_answered("did russia reject the us demands"));
    assert!(is_not_answered("did germany send javelins"));
    assert!(is_not_answered(
        "how many troops does the us have on ukraine's border"
    ));
    // Asked what someone said, a sentence where someone else speaks is no
    // answer; the secretary speaks for the US.
    assert!(is_not_answered("what did putin say in reply to blinken"));
    assert!(cited("what did biden say about sanctions").contains("Biden last week conceded"));
    assert!(cited("what did the us say about nato's open door").contains("reiterates"));
    // The right doer, a passive, or a doer that only receives still answer.
    assert!(cited("did the us send javelins").contains("Javelin missiles"));
    assert!(cited("was estonia blocked by germany").contains("blocked NATO-ally Estonia"));
    assert!(
        cited("did estonia latvia and lithuania get permission to send weapons")
            .contains("authorized Estonia, Latvia and Lithuania")
    );
}

#[test]
fn copies_of_the_facts_tell_the_same_other_doer() {
    // Knowledge holding every fact twice (the copies under other ids):
    // the other-doer check passes over the copies when it searches for the
    // named one doing what is asked, and must find what it found before.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let mut knowledge = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let copies: Vec<_> = knowledge
        .facts
        .iter()
        .map(|f| crate::knowledge::Fact {
            id: format!("{}-copy", f.id),
            ..f.clone()
        })
        .collect();
    knowledge.facts.extend(copies);
    let copied = Engine::new(knowledge);
    let doer = |e: &Engine, q: &str| match e.answer(q) {
        Reply::Unknown(NoAnswer::OtherDoer(found)) => Some((found.doer, found.citation.sentence)),
        _ => None,
    };
    let asked = [
        "did germany send javelins",
        "did russia reject the us demands",
        "did the us send javelins",
        "does russia want limits",
        "can latvia send weapons",
        "did estonia latvia and lithuania get permission to send weapons",
    ];
    assert!(doer(engine(), asked[0]).is_some());
    for question in asked {
        assert_eq!(
            doer(&copied, question),
            doer(engine(), question),
            "{question}"
        );
    }
    // Each copy reads as its original: the same terms and sequences.
    let index = &copied.index;
    for (d, doc) in index.docs.iter().enumerate() {
        let first = &index.docs[doc.reading as usize];
        assert!(doc.reading as usize <= d && first.reading == doc.reading);
        assert_eq!((&first.bag, &first.sequences), (&doc.bag, &doc.sequences));
    }
    let facts = copied.knowledge.facts.len();
    assert!((facts / 2..facts).all(|d| index.docs[d].reading == index.docs[d - facts / 2].reading));
}

#[test]
fn off_topic_chatter_is_unknown() {
    assert_eq!(
        engine().answer("who won the football match yesterday"),
        Reply::Unknown(NoAnswer::NotCovered)
    );
    assert!(is_not_answered("what's a good pizza recipe"));
}

#[test]
fn vague_questions_get_suggestions_not_answers() {
    match engine().answer("germany") {
        Reply::Unsure(s) => {
            assert!(!s.is_empty() && s.len() <= 3);
            assert!(s.windows(2).all(|w| w[0].score >= w[1].score));
        }
        other => panic!("expected suggestions, got {other:?}"),
    }
}

#[test]
fn a_chosen_suggestion_answers_its_fact() {
    let fact = &engine().knowledge().facts[0];
    let a = engine().answer_fact(&fact.id).expect("known fact");
    assert_eq!(a.fact.as_deref(), Some(fact.id.as_str()));
    assert!(engine().answer_fact("no-such-fact").is_none());
}

#[test]
fn greetings_get_help_not_a_citation() {
    let engine = engine();
    let knowledge = engine.knowledge();
    let Reply::Greeting(help) = engine.answer("hello") else {
        panic!("a greeting gets help");
    };
    assert!(help.contains(&knowledge.meta.title), "{help}");
    assert!(help.contains(&knowledge.facts[0].intents[0]), "{help}");
    assert!(help.contains("/summary"), "{help}");
    assert!(matches!(
        engine.answer("what can you do?"),
        Reply::Greeting(_)
    ));
}

#[test]
fn hostile_input_gets_a_clear_reply() {
    assert_eq!(engine().answer(""), Reply::Unknown(NoAnswer::Empty));
    assert_eq!(engine().answer("   \n\t "), Reply::Unknown(NoAnswer::Empty));
    assert_eq!(engine().answer("?!?"), Reply::Unknown(NoAnswer::Empty));
    assert_eq!(
        engine().answer(&"aid ".repeat(25_000)),
        Reply::Unknown(NoAnswer::TooLong)
    );
    assert_eq!(
        engine().answer("\u{0}\u{1}\u{2}abc\u{3}"),
        Reply::Unknown(NoAnswer::NotText)
    );
    // Odd but printable text is read, not refused, and never panics.
    for odd in [
        "@everyone what did blinken say",
        "ÜKRAÏNE ñato",
        "🙂🙂🙂",
        "a\u{301}",
        "u.s.-made????",
    ] {
        let _ = engine().answer(odd);
    }
}

#[test]
fn a_guessed_number_finds_the_sentence_that_counts_the_same_thing() {
    // "russian" stands between the number and what it counts.
    assert!(cited("is it like 10k russian troops or way more").contains("100,000 troops"));
}

#[test]
fn help_draws_its_examples_from_whatever_article_is_loaded() {
    let knowledge = crate::fixtures::library();
    let Reply::Greeting(help) = Engine::new(knowledge).answer("what can you do?") else {
        panic!("a help request gets help");
    };
    assert!(help.contains("“Town opens a library”"), "{help}");
    assert!(help.contains("“when did the library open?”"), "{help}");
    assert!(
        !help.to_lowercase().contains("aid"),
        "no other article's example: {help}"
    );
    assert!(!help.contains("/ask"), "the chat has no /ask: {help}");
}

#[test]
fn any_article_says_what_it_is_about_when_no_fact_does() {
    let knowledge = crate::fixtures::library();
    let engine = Engine::new(knowledge);
    for question in ["what is this article about?", "tldr", "what is it about"] {
        let Reply::Answered(a) = engine.answer(question) else {
            panic!("{question}: not answered");
        };
        assert_eq!(a.text, "A library opened in town on Monday.", "{question}");
        assert_eq!(a.citation.paragraph, 0, "cites the headline: {question}");
    }
    let Reply::Answered(a) = engine.answer("what's the headline?") else {
        panic!("the headline is not given");
    };
    assert_eq!(a.text, "The headline is “Town opens a library”.");
    let asked = crate::fixtures::library_titled("Will the town open a library?");
    let Reply::Answered(a) = Engine::new(asked).answer("what's the headline?") else {
        panic!("the headline is not given");
    };
    assert_eq!(a.text, "The headline is “Will the town open a library?”");
    assert!(!matches!(
        engine.answer("what did the mayor say about it?"),
        Reply::Answered(_)
    ));
}

#[test]
fn work_per_question_is_bounded_by_word_count_and_length() {
    // Well under the byte limit, but more words than any question has.
    let many = "ab ".repeat(MAX_QUESTION_WORDS + 1);
    assert!(many.len() < MAX_QUESTION_BYTES);
    assert_eq!(engine().answer(&many), Reply::Unknown(NoAnswer::TooLong));
    // A word longer than any knowledge word cannot match: it is passed over
    // and the rest of the question is answered.
    let padded = format!("how much aid did the us send {}", "x".repeat(500));
    let Reply::Answered(answer) = engine().answer(&padded) else {
        panic!("{:?}", engine().answer(&padded));
    };
    assert!(answer.citation.sentence.contains("$200 million"));
}

#[test]
fn an_engine_table_in_the_knowledge_moves_the_thresholds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let mut knowledge = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let question = "how much aid did the us send to ukraine?";
    assert!(matches!(
        Engine::new(knowledge.clone()).answer(question),
        Reply::Answered(_)
    ));
    knowledge.engine.answer = 0.99;
    knowledge.engine.sure = 0.99;
    assert!(matches!(
        Engine::new(knowledge).answer(question),
        Reply::Unsure(_)
    ));
}

#[test]
fn explain_names_the_rules_that_changed_a_score_and_the_decision() {
    let explained = engine().explain("did russia reject the demands", 5);
    let text = explained.to_string();
    assert!(text.contains("other-doer: never the answer"), "{text}");
    assert!(
        text.contains("decision: unsure: other-doer vetoed the best fact"),
        "{text}"
    );
    let explained = engine().explain("how much aid did the us send to ukraine?", 5);
    assert!(explained.verdict.starts_with("answered"), "{explained}");
    let explained = engine().explain("what did Zelensky say", 5);
    assert!(explained.verdict.contains("unknown-entity"), "{explained}");
}

#[test]
fn explain_names_the_stage_that_replied_before_any_fact_was_scored() {
    // `ask --explain` must account for the reply `ask` gives: a greeting
    // or a question about the article's author is answered before scoring,
    // and no scoring verdict ("unsure: near tie") may be shown for it.
    for (message, stage) in [
        ("thanks!", "smalltalk"),
        ("hi", "smalltalk"),
        ("who wrote this?", "about-article"),
    ] {
        assert!(
            !matches!(engine().answer(message), Reply::Answered(_)),
            "{message}"
        );
        let explained = engine().explain(message, 5);
        assert_eq!(explained.cause, stage, "{message}: {explained}");
        assert!(explained.facts.is_empty(), "{message}: {explained}");
    }
    // A question about someone in the story is scored as usual.
    let explained = engine().explain("who wrote the reply?", 5);
    assert!(!explained.facts.is_empty(), "{explained}");
}

#[test]
fn candidates_decline_a_message_as_answer_does() {
    // Too many words is "too long" before any name is read, for the
    // candidates `eval` and `--explain` show as for the reply.
    let long = format!(
        "{} what did Zelensky say?",
        "word ".repeat(MAX_QUESTION_WORDS)
    );
    assert!(matches!(
        engine().answer(&long),
        Reply::Unknown(NoAnswer::TooLong)
    ));
    assert!(matches!(
        engine().candidates(&long, 3),
        Err(NoAnswer::TooLong)
    ));
    assert!(matches!(
        engine().candidates("what did Zelensky say", 3),
        Err(NoAnswer::NotMentioned(_))
    ));
}

#[test]
fn what_someone_said_is_not_who_they_are() {
    // "say" must not vanish: the question asks for a statement.
    assert!(cited("what did klitschko say").contains("Pillows?"));
    for who in ["blinken", "biden", "sullivan"] {
        let question = format!("what did {who} say");
        let Reply::Answered(a) = engine().answer(&question) else {
            continue;
        };
        assert_ne!(
            a.fact.as_deref(),
            Some(format!("{who}-role").as_str()),
            "{question}"
        );
    }
}

#[test]
fn explain_names_the_sentence_an_unsure_reply_nearly_ties_with() {
    let article = "Lanterns\n\nThe glass lantern burns whale oil. The paper lantern burns whale oil too. Lanterns were sold at the winter market on Sunday morning.\n";
    let facts = [
        ("glass", "The glass lantern burns whale oil."),
        ("paper", "The paper lantern burns whale oil too."),
        (
            "market",
            "Lanterns were sold at the winter market on Sunday morning.",
        ),
    ];
    let engine = Engine::new(crate::fixtures::drafted_like(article, &facts, ""));
    // Two sentences answer alike: the other one is named, and where it stands.
    let tie = engine.explain("which lantern burns whale oil", 5);
    assert!(
        tie.verdict.contains("near tie") && tie.verdict.contains("the sentence"),
        "{tie}"
    );
    let named = tie.facts.get(1).map(|f| f.fact.clone()).unwrap_or_default();
    assert!(tie.verdict.contains(&named), "{tie}");
    assert_eq!(tie.cause, "near-tie");
    // One sentence far ahead answers.
    let clear = engine.explain("when were lanterns sold", 5);
    assert!(clear.verdict.starts_with("answered"), "{clear}");
    assert_eq!(clear.cause, "answered");
}

#[test]
fn an_ascii_message_is_checked_as_any_text_is() {
    let noise = "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{e}";
    for message in [
        "How much aid did the US send?".to_string(),
        "?!... --".to_string(),
        "aid\u{b}sent\t\r\n".to_string(),
        format!("aid{noise}"),
        format!("a sentence of many words that is mostly text{noise}"),
        "\u{7f}\u{0}".to_string(),
        "\u{9}\u{c}\u{1f}\u{1f} x".to_string(),
        String::new(),
    ] {
        assert_eq!(check_message(&message), check_text(&message), "{message:?}");
    }
    assert_eq!(
        check_message(&format!("aid{noise}")),
        Some(NoAnswer::NotText)
    );
    assert_eq!(check_message("?!... --"), Some(NoAnswer::Empty));
}

#[test]
fn a_text_the_story_publishes_is_not_taken_for_the_article() {
    let article = "Harbour report\n\nThe harbour council will publish its report on Friday. Fishing boats left the harbour at dawn.\n";
    let facts = [
        (
            "report",
            "The harbour council will publish its report on Friday.",
        ),
        ("boats", "Fishing boats left the harbour at dawn."),
    ];
    let engine = Engine::new(crate::fixtures::drafted_like(article, &facts, ""));
    // The council's report is the story's: its sentence answers.
    match engine.answer("when will the council publish its report") {
        Reply::Answered(a) => assert_eq!(a.fact.as_deref(), Some("report")),
        other => panic!("expected the report's sentence, got {other:?}"),
    }
    // Questions about the article itself still get its metadata.
    for question in [
        "when was this published",
        "which news outlet ran this story",
    ] {
        assert!(
            matches!(
                engine.answer(question),
                Reply::Unknown(NoAnswer::AboutArticle(_))
            ),
            "{question}"
        );
    }
}

#[test]
fn a_chat_word_for_a_person_counts_against_no_fact() {
    // "the france guy" is France: "guy" names no one, and as a word the
    // knowledge never uses it would count against every fact.
    let tiny = super::rules::tests::tiny();
    let score = |q: &str| match tiny.answer(q) {
        Reply::Answered(a) if a.fact.as_deref() == Some("france-cost") => a.score,
        other => panic!("{q}: expected france-cost, got {other:?}"),
    };
    assert_eq!(
        score("what did the france guy say abt the bridge"),
        score("what did france say about the bridge")
    );
}

#[test]
fn a_question_scores_alike_whatever_was_asked_before_it() {
    // The scoring keeps its lists from question to question on each
    // thread; what one question leaves must not move the next one's
    // scores. A fresh thread asks each question first, another asks it
    // after questions with guessed numbers, word-vector words and many
    // candidates.
    let questions = [
        "did the us send like 10k javelins",
        "were kevlar helmets offered by berlin",
        "what did blinken say about the response to russia and nato and ukraine",
        "how many tons of ammunition",
        "why did germany block estonia",
        "who mocked the helmets offer",
    ];
    let alone = |q: &'static str| {
        std::thread::spawn(move || engine().explain(q, 5))
            .join()
            .unwrap_or_else(|_| panic!("{q}"))
    };
    let after_the_others = std::thread::spawn(move || {
        let mut out = Vec::new();
        for _ in 0..2 {
            for q in questions {
                out.push(engine().explain(q, 5));
            }
        }
        out
    })
    .join()
    .unwrap_or_else(|_| panic!("the questions in turn"));
    for (i, explained) in after_the_others.iter().enumerate() {
        let q = questions[i % questions.len()];
        assert_eq!(explained, &alone(q), "{q}");
    }
}

#[test]
fn a_document_s_bag_holds_every_term_of_its_sequences() {
    // Rule `substituted-word` drops a neighbour a document's bag lacks
    // before it scans the document's sequences for it.
    let index = &engine().index;
    for doc in &index.docs {
        for sequence in doc.sequences.iter() {
            for term in sequence.iter() {
                assert!(
                    doc.bag.binary_search(term).is_ok(),
                    "{:?}: term {term} of a sequence is not in its bag",
                    doc.target
                );
            }
        }
    }
}

/// A made-up harbour article of two sentences alike but for the words a
/// paraphrase says otherwise, which `assets/lang/synonyms.txt` joins.
fn harbour() -> Engine {
    let article = "Harbour notes\n\n\
        The largest ferry carries up to 60 cars. \
        The smallest ferry carries up to 20 vans.\n";
    let facts = [
        ("largest", "The largest ferry carries up to 60 cars."),
        ("smallest", "The smallest ferry carries up to 20 vans."),
    ];
    Engine::new(crate::fixtures::drafted_like(article, &facts, ""))
}

/// The fact ranked first for a question.
fn best_fact(engine: &Engine, question: &str) -> String {
    let explained = engine.explain(question, 5);
    explained
        .facts
        .first()
        .map(|f| f.fact.clone())
        .unwrap_or_default()
}

#[test]
fn a_paraphrase_meets_the_sentence_in_other_words() {
    let harbour = harbour();
    // "biggest" is "largest", "automobiles" are cars.
    assert_eq!(
        best_fact(&harbour, "how many automobiles can the biggest boat take"),
        "largest"
    );
}

#[test]
fn a_phrasal_verb_split_by_its_object_meets_its_one_word() {
    // "put the parade off" is "put off", postpone, said around its object:
    // it meets the sentence that says "postponed", not the one that
    // shares the word "put".
    let article = "Parade notes\n\n\
        The mayor postponed the parade until June. \
        The mayor put up posters for the parade in May.\n";
    let facts = [
        ("postponed", "The mayor postponed the parade until June."),
        ("posters", "The mayor put up posters for the parade in May."),
    ];
    let parade = Engine::new(crate::fixtures::drafted_like(article, &facts, ""));
    assert_eq!(
        best_fact(&parade, "why did the mayor put the parade off"),
        "postponed"
    );
    assert_eq!(best_fact(&parade, "did they put it off"), "postponed");
}

#[test]
fn a_chat_idiom_meets_the_sentence_in_its_plain_word() {
    // "running out of" is a shortage, "losing out" losing: each chat
    // question meets the sentence writing the plain word, not the one
    // sharing only the question's other words.
    let article = "Village notes\n\n\
        The village shop faces a shortage of bread every winter. \
        The village shop sells bread baked in the next town. \
        Farmers in the valley expect to lose money this year. \
        Farmers in the valley sell their milk to the dairy.\n";
    let facts = [
        (
            "shortage",
            "The village shop faces a shortage of bread every winter.",
        ),
        (
            "baked",
            "The village shop sells bread baked in the next town.",
        ),
        (
            "lose",
            "Farmers in the valley expect to lose money this year.",
        ),
        (
            "dairy",
            "Farmers in the valley sell their milk to the dairy.",
        ),
    ];
    let village = Engine::new(crate::fixtures::drafted_like(article, &facts, ""));
    assert_eq!(
        best_fact(&village, "is the village shop running out of bread"),
        "shortage"
    );
    assert_eq!(best_fact(&village, "are valley farmers losing out"), "lose");
}

/// A made-up shop article: one sentence of what the shop sold at home,
/// one of what it sent abroad.
fn corner_shop() -> Engine {
    let article = "Corner shop notes\n\n\
        The corner shop sold 300 loaves of bread in May. \
        Its exports to France doubled to 40 crates in May.\n";
    let facts = [
        ("bread", "The corner shop sold 300 loaves of bread in May."),
        (
            "exports",
            "Its exports to France doubled to 40 crates in May.",
        ),
    ];
    Engine::new(crate::fixtures::drafted_like(article, &facts, ""))
}

/// The facts a reply offers: the one it answers, or those it suggests.
fn offered(reply: &Reply) -> Vec<String> {
    match reply {
        Reply::Answered(a) => vec![a.fact.clone().unwrap_or_default()],
        Reply::Unsure(suggestions) => suggestions.iter().map(|s| s.fact.clone()).collect(),
        Reply::Unknown(_) | Reply::Greeting(_) => Vec::new(),
    }
}

#[test]
fn a_shop_s_sales_are_not_its_exports() {
    // General English reads "sales" as selling, not exporting: a question
    // about sales is offered the sentence of what the shop sold, never the
    // one of what it sent abroad.
    let shop = corner_shop();
    let reply = shop.answer("how many sales did the shop make in may");
    assert_eq!(offered(&reply), ["bread"], "{reply:?}");
}

#[test]
fn a_known_words_names_are_found_by_its_term_as_by_its_stem() {
    // The index finds the names a known word starts from a table by its
    // term; read by the stems alone, the same names are found.
    let e = engine();
    let mut named = 0;
    for question in [
        "did the united states send javelins to ukraine",
        "what did antony blinken say about nord stream 2",
        "why did russia mass troops near belarus",
        "does nato want the us to leave eastern europe",
        "what did the kremlin in moscow reply to washington",
    ] {
        let words = crate::text::Words::read(question);
        let words = words.to_strs();
        let tokens = e.analyzer.analyse_question(&words).tokens;
        assert!(tokens.iter().any(|t| t.term.is_some()), "{question}");
        let by_stem: Vec<analyze::Token> = tokens
            .iter()
            .map(|t| analyze::Token {
                term: None,
                ..t.clone()
            })
            .collect();
        let places = |tokens: &[analyze::Token]| -> Vec<(usize, usize, bool)> {
            e.index
                .find_entities(tokens)
                .iter()
                .map(|m| (m.start, m.end, m.article))
                .collect()
        };
        let found = places(&tokens);
        named += found.len();
        assert_eq!(found, places(&by_stem), "{question}");
    }
    assert!(named >= 8, "{named}");
}

#[test]
fn the_batched_vector_credits_are_the_credits_of_each_term_bit_for_bit() {
    // Every term of the vocabulary, in an order of its own, and some past
    // its end: the batch reads each term's floats without checking it again
    // and must credit exactly the terms `credit` credits, with its figures.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let knowledge = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let vectors = crate::vectors::embedded().unwrap_or_else(|e| panic!("{e}"));
    let engine = Engine::with_vectors(knowledge, vectors);
    let Some(s) = engine.semantic.as_ref() else {
        panic!("the engine has no vectors");
    };
    let vocabulary = engine.analyzer.vocabulary_len() as analyze::TermId;
    let mut terms: Vec<analyze::TermId> = (0..vocabulary).rev().collect();
    terms.extend([vocabulary, vocabulary + 1, analyze::TermId::MAX]);
    let mut credited_in_all = 0;
    for word in ["penalties", "soldiers", "money", "planes", "harbour"] {
        let Some(v) = s.word_vector(word) else {
            panic!("no vector for {word}");
        };
        let mut batch = Vec::new();
        s.credits(&v, &terms, &mut batch);
        let alone: Vec<(analyze::TermId, u32)> = terms[..vocabulary as usize]
            .iter()
            .map(|&t| (t, s.credit(&v, t)))
            .filter(|&(_, c)| c > 0.0)
            .map(|(t, c)| (t, c.to_bits()))
            .collect();
        let batch: Vec<(analyze::TermId, u32)> =
            batch.iter().map(|&(t, c)| (t, c.to_bits())).collect();
        assert_eq!(batch, alone, "{word}");
        credited_in_all += batch.len();
    }
    assert!(credited_in_all > 10, "{credited_in_all} terms credited");
}
