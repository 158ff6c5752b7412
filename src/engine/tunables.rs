//! Every threshold, weight and margin of the engine in one place, with its
//! default and the range a knowledge file may set it to in its `[engine]`
//! table.
//!
//! The defaults were calibrated on our own kept-aside questions; an admin
//! whose article behaves differently can override any of them per knowledge
//! directory without touching code.

/// Declares [`Tunables`]: each field with its doc, default and allowed range.
macro_rules! tunables {
    ($( $(#[doc = $doc:expr])+ $name:ident : $ty:ident = $default:expr, $min:expr, $max:expr; )+) => {
        /// The engine's thresholds, weights and margins.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct Tunables {
            $( $(#[doc = $doc])+ pub $name: $ty, )+
        }

        impl Default for Tunables {
            fn default() -> Tunables {
                Tunables { $( $name: $default, )+ }
            }
        }

        impl Tunables {
            /// Every tunable as (name, default, min, max, what it does), for
            /// documentation and error messages.
            pub const ALL: &'static [(&'static str, f64, f64, f64, &'static str)] = &[
                $( (stringify!($name), $default as f64, $min as f64, $max as f64,
                    concat!($($doc, "\n"),+)), )+
            ];

            /// Sets the tunable `name` to `value`, checking its range (and,
            /// for counts, that it is a whole number). The error says why not.
            pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
                match name {
                    $( stringify!($name) => {
                        if !(value >= $min as f64 && value <= $max as f64) {
                            return Err(format!(
                                "`{}` must be between {} and {}, found {value}",
                                name, $min, $max
                            ));
                        }
                        self.$name = <$ty as Tunable>::from_f64(value)
                            .ok_or_else(|| format!("`{name}` must be a whole number, found {value}"))?;
                        Ok(())
                    } )+
                    _ => Err(format!(
                        "unknown engine setting `{name}` (known: {})",
                        Tunables::ALL.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
        }
    };
}

/// A number type a tunable may have.
trait Tunable: Sized {
    fn from_f64(value: f64) -> Option<Self>;
}

impl Tunable for f32 {
    fn from_f64(value: f64) -> Option<f32> {
        Some(value as f32)
    }
}

impl Tunable for usize {
    fn from_f64(value: f64) -> Option<usize> {
        (value.fract() == 0.0 && value >= 0.0).then_some(value as usize)
    }
}

tunables! {
    /// Score from which the engine answers, when the runner-up is far enough behind.
    answer: f32 = 0.42, 0.0, 1.0;
    /// Lead over the runner-up (citing another sentence) needed to answer.
    margin: f32 = 0.08, 0.0, 1.0;
    /// Score from which the engine answers with only `sure_margin` of lead.
    sure: f32 = 0.90, 0.0, 1.0;
    /// Lead needed to answer with a score of at least `sure`.
    sure_margin: f32 = 0.05, 0.0, 1.0;
    /// Score from which a fact is offered as a suggestion.
    unsure: f32 = 0.30, 0.0, 1.0;
    /// Weight of the best intent against the fact's whole bag of words.
    intent_share: f32 = 0.45, 0.0, 1.0;
    /// Share of an intent's score earned by covering the question; the rest
    /// grows with how much of the intent the question covers.
    question_share: f32 = 0.7, 0.0, 1.0;
    /// English frequency rank from which a question word gets its full weight
    /// (more common words are more likely the asker's own phrasing).
    common_rank: f32 = 1000.0, 1.0, 1000000.0;
    /// Least share of its weight a common English question word keeps.
    common_floor: f32 = 0.25, 0.0, 1.0;
    /// Share of its weight a number the knowledge never uses keeps (people guess numbers).
    guessed_number: f32 = 0.4, 0.0, 1.0;
    /// Words after a guessed number among which its noun is looked for.
    counted_span: usize = 2, 0, 8;
    /// Most facts scored in full for one question.
    candidates: usize = 96, 1, 100000;
    /// Rule `entity-missing`: share of its score a fact keeps when it lacks a
    /// person, country or organisation the question names.
    missing_entity: f32 = 0.6, 0.0, 1.0;
    /// Rule `entity-substituted`: share of its score a fact keeps when it
    /// names another entity in place of one the question names.
    substituted_entity: f32 = 0.4, 0.0, 1.0;
    /// Rule `name-missing`: share of its score a fact keeps when it lacks
    /// one of the article's own names (read from its text) that the
    /// question names (1 = off; `init` sets it for drafted knowledge, whose
    /// intents name no one a sentence leaves to its neighbours).
    missing_name: f32 = 1.0, 0.0, 1.0;
    /// Rule `name-substituted`: share of its score a fact keeps when it
    /// names another entity in place of one of the article's own names
    /// that the question names (1 = off; `init` sets it for drafted
    /// knowledge). With both at 1 the article's names are not read.
    substituted_name: f32 = 1.0, 0.0, 1.0;
    /// Rule `names-only`: share of its score a fact keeps when it meets
    /// the question only in the entities the question names, none of its
    /// other words ("which political party does Douglas Ure represent" of
    /// a sentence about his visit). 1 = off; `init` sets it for drafted
    /// knowledge, whose intents are the sentence's own words, where
    /// hand-written intents say what a fact answers in other words.
    names_only: f32 = 1.0, 0.0, 1.0;
    /// Rule `common-only`: share of its score a fact keeps when the only
    /// question words it writes are very common English (rank under
    /// `common_only_rank`), no more than `common_only_share` of the
    /// question's content words ("did anyone catch the game last night" of
    /// a sentence sharing only "last"). 1 = off; `init` sets it for drafted
    /// knowledge, whose intents are the sentence's own words, where a
    /// hand-written intent in common words says what its fact answers.
    common_only: f32 = 1.0, 0.0, 1.0;
    /// Rule `common-only`: English frequency rank under which a word is too
    /// common to rest an answer on ("last", "game", "same").
    common_only_rank: usize = 300, 0, 1000000;
    /// Rule `common-only`: the largest share of the question's content
    /// words a fact may write, all of them common, and still be cut: a
    /// sentence writing most of a question put all in common words is about
    /// it.
    common_only_share: f32 = 0.5, 0.0, 1.0;
    /// Rule `unknown-property`: share of its score every fact keeps when
    /// the question asks whether its subject is a thing the knowledge
    /// never writes ("are the german helmets kevlar": a form of "be", the
    /// subject, and last the word asked about). 1 = off.
    unknown_property: f32 = 0.5, 0.0, 1.0;
    /// Rule `answer-kind`: share of its score a fact keeps when it cannot give
    /// the kind of answer asked for (a count, a reason, a time, a place).
    wrong_kind: f32 = 0.4, 0.0, 1.0;
    /// Rule `unstated-reason`: share of its score a fact keeps when asked
    /// "why" while its only reason is a "to" of purpose ("drivers to
    /// strike"): it states no reason in words and asks no "why" in an intent.
    unstated_reason: f32 = 0.8, 0.0, 1.0;
    /// Rule `why-words`: share of the weight of the question's words that a
    /// fact holds only in intents asking "why" taken back from its whole
    /// bag when the question does not ask why (0 = off; `init` sets 1.0:
    /// a drafted sentence giving the reason for the one before carries that
    /// one's words in a "why" intent).
    why_words: f32 = 0.0, 0.0, 1.0;
    /// Rules `reported-reason` and `quoted-reason`: share of its score a
    /// fact keeps when asked "why" while it states no reason but reports a
    /// view (`[view-verbs]`: "warned that the strike would hit shops") or,
    /// asked why of a view, quotes someone, instead of `wrong_kind`
    /// (0 = off: `wrong_kind` applies; `init` sets 0.8 for drafted knowledge,
    /// whose intents never ask why of a view).
    reported_reason: f32 = 0.0, 0.0, 1.0;
    /// Rule `following-reason`: asked "why", the sentence after one of the
    /// best facts that states no reason scores at least this share of that
    /// fact's score when it gives a reason ("so", a reason word) in its
    /// paragraph or opens the next with a quotation
    /// (0 = off; `init` sets it for drafted knowledge).
    following_reason: f32 = 0.0, 0.0, 2.0;
    /// Rule `not-a-person`: share of its score a fact keeps when asked "who"
    /// while none of its intents asks who.
    no_person: f32 = 0.8, 0.0, 1.0;
    /// Rule `no-duration`: share of its score a fact keeps when asked "how
    /// long" while its sentence gives no length of time ("for three weeks",
    /// "19 years"); milder than `wrong_kind`, as a length of time takes
    /// many forms ("since 2009", "from Monday until Friday").
    no_duration: f32 = 0.55, 0.0, 1.0;
    /// Rule `roles-swapped`: share of its score a fact keeps when the question
    /// names its entities the other way round.
    swapped_roles: f32 = 0.35, 0.0, 1.0;
    /// Rule `roles-swapped`: most words between two entities of the question
    /// for them to be read as the doer and the object of one relation.
    role_distance: usize = 2, 0, 16;
    /// Rule `intent-other-kind`: share of its score an intent keeps when it
    /// asks for another kind of answer than the question.
    other_kind_intent: f32 = 0.85, 0.0, 1.0;
    /// Rule `sibling-borrowed`: a fact whose best intent scores below this
    /// share of a sibling's (citing the same sentence) only borrows the
    /// sentence's words, so the sibling's verdict stands.
    borrowed: f32 = 0.5, 0.0, 1.0;
    /// Rules `which-noun` and `what-noun`: least semantic credit for a
    /// fact's word to stand in for the noun of a "which X" or "what X"
    /// question that the knowledge never uses.
    neighbour_credit: f32 = 0.5, 0.0, 1.0;
    /// Rule `counted-thing`: least semantic credit for a thing a fact counts
    /// to stand in for the thing a "how many X" question counts ("62
    /// departures a week" for "how many flights a week").
    counted_neighbour: f32 = 0.65, 0.0, 1.0;
    /// Word vectors: cosine below which two words are not related at all.
    vector_floor: f32 = 0.60, -1.0, 1.0;
    /// Word vectors: cosine at which two words count as fully related.
    vector_ceiling: f32 = 0.85, -1.0, 1.0;
    /// Word vectors: most a related word counts, against 1.0 for the same word.
    vector_credit: f32 = 0.85, 0.0, 1.0;
    /// Rule `denied`: share of its score a fact keeps when the question denies
    /// what the clause of its sentence states.
    denied: f32 = 0.3, 0.0, 1.0;
    /// Rule `denied`: words after a negation that it denies.
    denial_span: usize = 3, 1, 16;
    /// Rule `other-number`: share of its score a fact keeps when the question
    /// names a year its sentence does not give, or another of the article's numbers.
    other_number: f32 = 0.3, 0.0, 1.0;
    /// Rule `other-time`: share of its score a fact keeps when the question
    /// points at another time than its sentence ("last year" against "this year").
    other_time: f32 = 0.3, 0.0, 1.0;
    /// Rule `asked-figure`: share of its score a fact keeps when a question
    /// asking for an amount or a count writes the only figure its sentence
    /// gives ("how much of the £300,000 fund").
    asked_figure: f32 = 0.3, 0.0, 1.0;
    /// Rule `asked-measure`: share of its score a fact keeps when a question
    /// asks for a measure ("how old", "what time") its sentence does not
    /// write.
    asked_measure: f32 = 0.3, 0.0, 1.0;
    /// Rule `nothing-said`: share of its score a fact keeps when the
    /// question asks what someone said and its sentence reports no one's
    /// words.
    nothing_said: f32 = 0.3, 0.0, 1.0;
    /// Rule `opposite-word`: share of its score a fact keeps when the question
    /// uses the opposite of one of its sentence's words.
    opposite_word: f32 = 0.3, 0.0, 1.0;
    /// Rule `other-count`: share of its score a fact keeps when the question
    /// asks for more things than its sentence and intents give.
    other_count: f32 = 0.3, 0.0, 1.0;
    /// Rule `affirms-denied`: share of its score a fact keeps when a question
    /// asking for something states what its sentence denies.
    affirmed_denied: f32 = 0.3, 0.0, 1.0;
    /// Rule `denies-unsaid`: share of its score a fact keeps when a question
    /// asking for something denies ("what is not ...") while its sentence
    /// denies nothing.
    denied_unsaid: f32 = 0.3, 0.0, 1.0;
    /// Rule `substituted-word`: share of its score a fact keeps when the
    /// question copies its words around one place but puts another word there.
    substituted_word: f32 = 0.3, 0.0, 1.0;
    /// Rule `substituted-word`: most words from one content word of the
    /// question to the next for them to be read as neighbours (2: one stop
    /// word between, "supply of random").
    substitution_span: usize = 2, 1, 8;
    /// Rule `substituted-word`: credit of the word vectors above which a
    /// question's last word, put in the place of its sentence's last word,
    /// is read as a paraphrase of it ("daily" for "newspaper"), not a
    /// substitute.
    substitute_related: f32 = 0.3, 0.0, 1.0;
    /// Rule `unknown-entity`: English frequency rank from which a word the
    /// question capitalises, and the knowledge never uses, is read as a name
    /// the article never mentions (more common words are not).
    name_rank: usize = 5000, 0, 1000000;
    /// Rule `paragraph-context`: share of the weight of the question's words
    /// that a fact's paragraph uses added to the fact's words (0 = off; `init`
    /// sets it for drafted knowledge, whose facts are single sentences).
    paragraph_context: f32 = 0.0, 0.0, 1.0;
    /// Rule `phrase-match`: share of the weight of each pair of neighbouring
    /// question words that a fact writes in the same order added to the
    /// fact's words, for ranking (0 = off; `init` sets it for drafted
    /// knowledge, whose facts are the article's sentences).
    phrase_match: f32 = 0.0, 0.0, 1.0;
    /// Rule `neighbour-context`: share of the weight of the question's words
    /// that a fact's sentence and the sentences next to it in its paragraph
    /// use added to the fact's words, for ranking (0 = off; `init` sets it
    /// for drafted knowledge).
    neighbour_context: f32 = 0.0, 0.0, 1.0;
    /// Rule `antecedent`: share of the weight of the question's words that
    /// the sentence before a fact's uses (and the fact's does not) added to
    /// the fact's words, for ranking, when the fact's sentence points back
    /// at it with "it", "these" and the like (0 = off; `init` sets it for
    /// drafted knowledge).
    antecedent: f32 = 0.0, 0.0, 1.0;
    /// Rule `antecedent`: share of that credit the decision reads as the
    /// fact's own words, not only for ranking: "she" in "She said she had
    /// offered to host a meeting" is the mayor the sentence before names, so
    /// a question naming the mayor is asked of this sentence's words
    /// (0 = ranking only, as the other context rules; measured in the README:
    /// it did not raise the tuning sets, so it stays off).
    antecedent_evidence: f32 = 0.0, 0.0, 1.0;
    /// Rule `quoted-speaker`: share of the weight of the words of a question
    /// asking what someone said that the name and role of the person
    /// speaking in a fact's sentence use (and the sentence does not), read
    /// as the fact's own words (0 = off; `init` sets it for drafted
    /// knowledge).
    quoted_speaker: f32 = 0.0, 0.0, 1.0;
    /// Rule `antecedent`: how many of a sentence's first words are read for
    /// a word that points back.
    antecedent_span: usize = 12, 1, 64;
    /// Rule `phrase-match`: most other words between a pair's two words in
    /// the fact for it to count as written side by side.
    phrase_gap: usize = 1, 0, 8;
    /// Rule `sentence-length`: how much a fact's length against the
    /// knowledge's average scales the weight of the words it matches, for
    /// ranking (BM25's `b`; 0 = off; `init` sets it for drafted knowledge,
    /// whose facts are sentences of any length).
    length_norm: f32 = 0.0, 0.0, 1.0;
    /// Rule `sentence-length`: BM25's `k1`, how far the scaling may go (a
    /// fact of no words gets `1 + length_saturation` times its weight).
    length_saturation: f32 = 1.2, 0.0, 10.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_in_range_is_taken() {
        let mut t = Tunables::default();
        assert_eq!(t.set("answer", 0.5), Ok(()));
        assert_eq!(t.answer, 0.5);
        assert_eq!(t.set("candidates", 12.0), Ok(()));
        assert_eq!(t.candidates, 12);
    }

    #[test]
    fn out_of_range_unknown_and_fractional_settings_are_refused() {
        let mut t = Tunables::default();
        assert!(
            t.set("answer", 1.5)
                .unwrap_err()
                .contains("between 0 and 1")
        );
        assert!(t.set("answer", f64::NAN).is_err());
        assert!(
            t.set("anwser", 0.5)
                .unwrap_err()
                .contains("unknown engine setting")
        );
        assert!(
            t.set("candidates", 2.5)
                .unwrap_err()
                .contains("whole number")
        );
        assert_eq!(t, Tunables::default(), "a refused setting changes nothing");
    }

    #[test]
    fn the_readme_documents_every_setting() {
        let readme = include_str!("../../README.md");
        for (name, ..) in Tunables::ALL {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "README lacks `{name}`"
            );
        }
    }

    #[test]
    fn every_setting_is_documented_and_its_default_in_range() {
        for (name, default, min, max, doc) in Tunables::ALL {
            assert!(!doc.trim().is_empty(), "{name} has no doc");
            assert!(
                (*min..=*max).contains(default),
                "{name}: default out of range"
            );
        }
    }
}
