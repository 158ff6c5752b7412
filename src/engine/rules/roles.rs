//! Rule `roles-swapped`: the question names two entities in the opposite
//! order from every intent and the source that name both ("Russia's
//! ambassador to the US" against "U.S. Ambassador to Russia"): the right
//! words, the wrong roles. A passive names the doer last; a speaker and a
//! topic ("what did X say about Y") are not roles to swap.

use crate::engine::Tunables;
use crate::engine::analyze::{Analysed, TermId};
use crate::engine::index::{Doc, Index, Mention, Place};
use crate::language::{List, language};

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

/// One pair of [`pairs`] as the terms that name its entities ([`named`]),
/// with what every fact's test of it needs read once per question.
#[derive(Debug, Clone)]
pub struct Named {
    /// The terms naming the doer.
    pub doer: Vec<TermId>,
    /// The terms naming the one done to.
    pub done_to: Vec<TermId>,
    /// Whether all its terms may name an entity (`Index::may_name`): the
    /// pair is read from the facts' places, else from their sequences.
    at_places: bool,
    /// Each side's terms as bits of a word (by term modulo 64).
    bits: (u64, u64),
}

/// The terms that name each entity of the pairs: its own, and those of the
/// capitals that stand for it (`country_of`): "Berlin blocked Estonia" is
/// "Germany blocked Estonia". Read once per question, so that no fact's
/// words are looked up in `country_of` one by one.
pub fn named(pairs: Vec<(TermId, TermId)>, index: &Index) -> Vec<Named> {
    let names = |entity: TermId| -> Vec<TermId> {
        let mut out = vec![entity];
        out.extend(
            index
                .country_of
                .iter()
                .filter(|&(_, &country)| country == entity)
                .map(|(&city, _)| city),
        );
        out
    };
    pairs
        .into_iter()
        .map(|(a, b)| {
            let (doer, done_to) = (names(a), names(b));
            Named {
                at_places: doer.iter().chain(&done_to).all(|&t| index.may_name(t)),
                bits: (term_bits(&doer), term_bits(&done_to)),
                doer,
                done_to,
            }
        })
        .collect()
}

/// True when the question names two of the fact's entities the other way
/// round: some pair of [`pairs`] (as [`named`]) that the fact's intents and
/// source name both, never in the question's order. A pair whose names
/// all may name an entity (`Index::may_name`) is read from the fact's
/// kept places of them (`Doc::places`); another from its sequences.
pub fn swapped(doc: &Doc, pairs: &[Named], index: &Index) -> bool {
    pairs.iter().any(|pair| {
        let (a, b) = (&pair.doer, &pair.done_to);
        if pair.at_places {
            // A side none of whose bits the fact's places hold has no place
            // there: a pair it does not name both of cannot be swapped, and
            // most facts are passed over without searching their places.
            let held = index.place_bits(doc);
            if held & pair.bits.0 == 0 || held & pair.bits.1 == 0 {
                return false;
            }
            swapped_at_places(index.places(doc), a, b)
        } else {
            swapped_in_sequences(doc, a, b)
        }
    })
}

/// [`swapped`] for one pair, from the places of its names: some sequence
/// names `a` and `b`, and none names a `b` after its first `a` (the last
/// place of a `b` after the first of an `a`). The places of a name are
/// found by halves (they are sorted by term).
fn swapped_at_places(places: &[Place], a: &[TermId], b: &[TermId]) -> bool {
    // One name each (most pairs: no capital stands for either): their
    // places, in sequence order, are read side by side.
    if let ([a], [b]) = (a, b) {
        let (mut of_a, mut of_b) = (places_of_term(places, *a), places_of_term(places, *b));
        let (mut pa, mut pb) = (of_a.next(), of_b.next());
        let mut both = false;
        while let (Some(x), Some(y)) = (pa, pb) {
            if x.sequence < y.sequence {
                pa = of_a.next();
            } else if x.sequence > y.sequence {
                pb = of_b.next();
            } else if y.last > x.first {
                // One text naming them in the question's order settles the pair.
                return false;
            } else {
                both = true;
                (pa, pb) = (of_a.next(), of_b.next());
            }
        }
        return both;
    }
    let mut both = false;
    for pa in a.iter().flat_map(|&t| places_of_term(places, t)) {
        for &tb in b {
            for pb in places_of_term(places, tb).filter(|p| p.sequence == pa.sequence) {
                if pb.last > pa.first {
                    return false;
                }
                both = true;
            }
        }
    }
    both
}

/// The places of a term, found by halves among places sorted by term.
fn places_of_term(places: &[Place], term: TermId) -> impl Iterator<Item = &Place> {
    let from = places.partition_point(|p| p.term < term);
    places[from..].iter().take_while(move |p| p.term == term)
}

/// Names' terms as bits of a word, by term modulo 64.
fn term_bits(names: &[TermId]) -> u64 {
    names.iter().fold(0u64, |m, t| m | 1 << (t % 64))
}

/// [`swapped`] for one pair, read term by term from the fact's sequences.
fn swapped_in_sequences(doc: &Doc, a: &[TermId], b: &[TermId]) -> bool {
    // Every term of a fact's sequences is in its bag: a pair it does not
    // name both of cannot be swapped, whatever the order.
    let in_bag = |names: &[TermId]| names.iter().any(|t| doc.bag.binary_search(t).is_ok());
    if !(in_bag(a) && in_bag(b)) {
        return false;
    }
    // Each name's terms as bits of a word (by term modulo 64): most
    // terms of a text are neither name's, and one test passes them over.
    let (a_bits, b_bits) = (term_bits(a), term_bits(b));
    let mut both = false;
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
                    // One text naming them in the question's order settles the pair.
                    return false;
                }
            }
            if !has_a && bit & a_bits != 0 && a.contains(t) {
                has_a = true;
            }
        }
        both |= has_a && has_b;
    }
    both
}

#[cfg(test)]
mod tests {
    use super::{named, swapped, swapped_at_places, swapped_in_sequences};
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired, tiny};

    #[test]
    fn the_kept_places_read_every_pair_as_the_sequences_do() {
        // Every pair of terms that may name an entity, either way round,
        // on every document: the places give what reading term by term
        // gives.
        let index = &tiny().index;
        let names: Vec<u32> = (0..index.idf.len() as u32)
            .filter(|&t| index.may_name(t))
            .collect();
        assert!(names.len() >= 4, "{names:?}");
        let (mut cut, mut kept, mut passed_over) = (0, 0, 0);
        for doc in &index.docs {
            for &a in &names {
                for &b in &names {
                    for (a, b) in [(vec![a], vec![b]), (vec![a, b], vec![b])] {
                        let read = swapped_in_sequences(doc, &a, &b);
                        assert_eq!(
                            swapped_at_places(index.places(doc), &a, &b),
                            read,
                            "{a:?} {b:?}"
                        );
                        // The pair as read once per question (a capital's
                        // terms join its country's) and the place bits'
                        // test first give what its sequences give.
                        let pair = named(vec![(a[0], b[0])], index);
                        let (doer, done_to) = (&pair[0].doer, &pair[0].done_to);
                        let sequences = swapped_in_sequences(doc, doer, done_to);
                        assert_eq!(swapped(doc, &pair, index), sequences, "{a:?} {b:?}");
                        let held = index.place_bits(doc);
                        passed_over += usize::from(held & pair[0].bits.1 == 0);
                        cut += usize::from(read);
                        kept +=
                            usize::from(!read && index.places(doc).iter().any(|p| p.term == a[0]));
                    }
                }
            }
        }
        // Both answers were met.
        assert!(cut > 0 && kept > 0, "{cut} {kept}");
        // And the bits passed some documents over without a search.
        assert!(passed_over > 0, "{passed_over}");
    }

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
