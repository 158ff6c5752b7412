//! Rule `roles-swapped`: the question names two entities in the opposite
//! order from every intent and the source that name both ("Russia's
//! ambassador to the US" against "U.S. Ambassador to Russia"): the right
//! words, the wrong roles. A passive names the doer last; a speaker and a
//! topic ("what did X say about Y") are not roles to swap.

use crate::engine::Tunables;
use crate::engine::analyze::{Analysed, TermId};
use crate::engine::index::{Doc, Mention};
use crate::language::{List, language};
use rustc_hash::FxHashMap as HashMap;

/// The pairs of entities the question puts in a relation, doer first: two
/// entities close together, not an object put first, not a speaker and a
/// topic, with a passive ("by X") turned round. Read once per question.
pub fn pairs(entities: &[Mention], q: &Analysed, t: &Tunables) -> Vec<(TermId, TermId)> {
    let mut out = Vec::new();
    for (i, first) in entities.iter().enumerate() {
        for second in &entities[i + 1..] {
            let (a, b) = (first, second);
            // Only entities close together in the question stand in one relation.
            // "Which NATO ally did Berlin block": the object comes first, so
            // the order says nothing about roles.
            let object_first = a.asked_about || b.subject;
            if a.term == b.term || b.start - a.end > t.role_distance || object_first {
                continue;
            }
            let between = &q.all_words[q.tokens[a.end - 1].at + 1..q.tokens[b.start].at];
            if between
                .iter()
                .any(|w| language().in_list(List::TopicWords, w))
            {
                continue;
            }
            // A passive names the doer last: "Estonia blocked by Germany"
            // is "Germany blocked Estonia".
            let at = q.tokens[b.start].at;
            if at > 0 && q.all_words[at - 1] == "by" {
                out.push((b.term, a.term));
            } else {
                out.push((a.term, b.term));
            }
        }
    }
    out
}

/// The terms that name each entity of the pairs: its own, and those of the
/// capitals that stand for it (`country_of`): "Berlin blocked Estonia" is
/// "Germany blocked Estonia". Read once per question, so that no fact's
/// words are looked up in `country_of` one by one.
pub fn named(
    pairs: Vec<(TermId, TermId)>,
    country_of: &HashMap<TermId, TermId>,
) -> Vec<(Vec<TermId>, Vec<TermId>)> {
    let names = |entity: TermId| -> Vec<TermId> {
        let mut out = vec![entity];
        out.extend(
            country_of
                .iter()
                .filter(|&(_, &country)| country == entity)
                .map(|(&city, _)| city),
        );
        out
    };
    pairs
        .into_iter()
        .map(|(a, b)| (names(a), names(b)))
        .collect()
}

/// True when the question names two of the fact's entities the other way
/// round: some pair of [`pairs`] (as [`named`]) that the fact's intents and
/// source name both, never in the question's order.
pub fn swapped(doc: &Doc, pairs: &[(Vec<TermId>, Vec<TermId>)]) -> bool {
    // Every term of a fact's sequences is in its bag: a pair it does not
    // name both of cannot be swapped, whatever the order.
    let in_bag = |names: &[TermId]| names.iter().any(|t| doc.bag.binary_search(t).is_ok());
    for (a, b) in pairs {
        if !(in_bag(a) && in_bag(b)) {
            continue;
        }
        // Each name's terms as bits of a word (by term modulo 64): most
        // terms of a text are neither name's, and one test passes them over.
        let bits = |names: &[TermId]| names.iter().fold(0u64, |m, t| m | 1 << (t % 64));
        let (a_bits, b_bits) = (bits(a), bits(b));
        let mut both = false;
        let mut same_order = false;
        for seq in &doc.sequences {
            // In one pass: whether the text names `a`, names `b`, and
            // names `b` after its first `a` (the question's order).
            let (mut has_a, mut has_b) = (false, false);
            for t in seq.iter() {
                let bit = 1u64 << (t % 64);
                if bit & (a_bits | b_bits) == 0 {
                    continue;
                }
                if bit & b_bits != 0 && b.contains(t) {
                    has_b = true;
                    if has_a {
                        same_order = true;
                        break;
                    }
                }
                if !has_a && bit & a_bits != 0 && a.contains(t) {
                    has_a = true;
                }
            }
            both |= has_a && has_b;
            // One text naming them in the question's order settles the pair.
            if same_order {
                break;
            }
        }
        if both && !same_order {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired, tiny};

    #[test]
    fn the_same_entities_the_other_way_round_are_cut() {
        assert!(fired(
            tiny(),
            "engineers lent by france to germany",
            "engineers-loan",
            Rule::RolesSwapped
        ));
        assert!(!fired(
            tiny(),
            "engineers lent by germany to france",
            "engineers-loan",
            Rule::RolesSwapped
        ));
        assert!(answered_with(
            tiny(),
            "who lent engineers to france",
            "engineers-loan"
        ));
    }

    #[test]
    fn a_capital_stands_for_its_country_in_the_order() {
        // Berlin (Germany) barred Spain, and the sentence names Germany
        // again after Spain ("German steel"): the order is Berlin's.
        assert!(!fired(
            tiny(),
            "did germany bar spain from selling steel",
            "steel-barred",
            Rule::RolesSwapped
        ));
        assert!(answered_with(
            tiny(),
            "did germany bar spain from selling steel",
            "steel-barred"
        ));
    }

    #[test]
    fn a_passive_reads_the_other_way_round() {
        // "France helped by Germany" is Germany helping France: the fact's order.
        assert!(!fired(
            tiny(),
            "were engineers lent to france by germany",
            "engineers-loan",
            Rule::RolesSwapped
        ));
    }

    #[test]
    fn a_speaker_and_a_topic_are_not_roles() {
        assert!(!fired(
            tiny(),
            "what did france say about germany",
            "engineers-loan",
            Rule::RolesSwapped
        ));
    }
}
