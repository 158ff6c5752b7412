//! General English language data: stop words, fillers, chat abbreviations,
//! irregular verbs, small grammatical word lists, everyday synonyms and a
//! gazetteer of countries. None of it belongs to any one article.
//!
//! The data ships as plain text files under `assets/lang/` (each documents
//! its own format in a header comment), is built into the binary with
//! `include_str!`, and is parsed once, on first use. A line the parser cannot
//! read is skipped and reported by [`problems`]; the unit tests keep the
//! shipped files free of such lines.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const STOPWORDS: &str = include_str!("../assets/lang/stopwords.txt");
const WORD_LISTS: &str = include_str!("../assets/lang/word-lists.txt");
const CHAT: &str = include_str!("../assets/lang/chat.txt");
const IRREGULAR_VERBS: &str = include_str!("../assets/lang/irregular-verbs.txt");
const OVERSTEMMED: &str = include_str!("../assets/lang/overstemmed.txt");
const SYNONYMS: &str = include_str!("../assets/lang/synonyms.txt");
const COUNTRIES: &str = include_str!("../assets/lang/countries.txt");

/// A named list of `assets/lang/word-lists.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    /// Words that only colour a sentence ("actually", "just").
    Fillers,
    /// Question words ("who", "why").
    Question,
    /// Auxiliary verbs that open a question ("did", "is").
    Auxiliary,
    /// A chat tag ending a question ("right", "huh").
    TagEndings,
    /// Verbs that report speech ("said", "told").
    SpeechVerbs,
    /// Verbs that attribute a quotation ("said", "quipped").
    AttributionVerbs,
    /// Abbreviations a period does not end a sentence after ("Mr", "Jan").
    Titles,
    /// Words about money ("cost", "dollars").
    Money,
    /// Verbs that ask for a price ("cost", "sell").
    CostVerbs,
    /// Prepositions, which end the phrase a number counts ("£30 million of
    /// damage across the region").
    Prepositions,
    /// Words by which a sentence prices something ("It cost 40 million").
    PriceVerbs,
    /// Units of time that measure how long something lasts ("hours").
    DurationUnits,
    /// Suffixes that make a number a time of day ("7.15am", "9pm").
    ClockSuffixes,
    /// Units of length that, after a number, say how far ("45 miles").
    DistanceUnits,
    /// Prepositions that only ever locate what follows ("near the end").
    LocatingPrepositions,
    /// Nouns of "which body", "what organisation": the question asks who.
    PersonNouns,
    /// Words by which a "who" question asks for whoever leads something,
    /// without its title ("boss", "md", "in charge", "runs").
    RoleAsking,
    /// The last word of a title whose holder leads something ("chief
    /// executive", "managing director", "harbour master").
    LeaderTitles,
    /// Time words that name no particular day ("weeks", "soon").
    Time,
    /// Words that name a day ("monday", "today").
    Days,
    /// Months, without "may".
    Months,
    /// Words that introduce a cause or purpose ("because", "amid").
    Reason,
    /// Words that ask what came of something later ("eventually").
    Later,
    /// Words that ask who wrote the article.
    PublicationAuthor,
    /// Words that ask who published the article.
    PublicationOutlet,
    /// Words that ask when the article was published.
    PublicationDate,
    /// Words that ask for a link to the article.
    PublicationLink,
    /// Other words of a question about the article as a publication
    /// ("which news outlet ran this"): no sign that it asks about the story.
    PublicationWords,
    /// Words that name the article itself ("story", "piece").
    ArticleWords,
    /// Words that ask what the article is about ("gist", "summary").
    ArticleSubject,
    /// Words that ask for the article's headline.
    ArticleHeadline,
    /// Other words a question about the article's subject may hold ("main",
    /// "point", "quickly").
    ArticleSubjectWords,
    /// Written things an article may mention ("letter", "treaty").
    WrittenThings,
    /// Words that put a topic after a speaker ("said about", "told on").
    TopicWords,
    /// Verbs whose subject undergoes rather than does ("get", "receive").
    Undergoes,
    /// Verbs of speech that ask what someone said ("say", "respond").
    AskedSpeech,
    /// Words of a question asking what someone said ("say", "according"):
    /// rule `quoted-speaker` then reads who speaks in a sentence.
    SpeakerAsking,
    /// Modals of a promise or a demand ("would never join"): what they deny
    /// is reported, not stated.
    PromiseModals,
    /// Words that open a clause inside a question ("that", "if", "say"):
    /// a negation after one denies within that clause, not what the
    /// question asks for.
    ClauseOpeners,
    /// Words that join the last item of a list ("and", "or").
    ListJoiners,
    /// Labels that open a dateline ("published", "updated").
    DatelineLabels,
    /// Words a dateline holds besides its label and date ("am", "gmt").
    DatelineWords,
    /// Words that open a byline ("by", "written by").
    BylineOpeners,
    /// Words that scale or qualify a number ("million", "percent").
    NumberScales,
    /// Numbers written in words that count the noun after them as a
    /// figure does ("three ferries", "a dozen shops").
    CountingWords,
    /// Currencies named after an amount ("euros", "kronor").
    Currencies,
    /// Signs written with an amount ("$", "£", "€").
    CurrencySigns,
    /// Nouns naming a sum of money, whose percentage is money too ("50
    /// percent of their fare").
    PricedNouns,
    /// Ordinals that, before a word of [`List::GapSince`], end a gap
    /// ("the first stoppage since 2009").
    GapOrdinals,
    /// Words after which an ordinal ends a gap ("since").
    GapSince,
    /// Verbs after which a sentence says what its subject is ("is", "became").
    LinkingVerbs,
    /// Words that open a noun phrase ("a", "the").
    Determiners,
    /// Words before a name that make it a place ("in", "at").
    PlacePrepositions,
    /// Words of motion before a name that make it a place the sentence
    /// gives ("flies to Belfast").
    MotionPrepositions,
    /// Words after "what" that ask to identify a thing ("specific").
    Identifying,
    /// Nouns of "what kind of X" ("kind", "type").
    KindNouns,
    /// Words before a noun only mentioned, not named ("a", "some").
    UnnamedMarkers,
    /// Words after "to" that start no purpose ("the", "be").
    NotPurpose,
    /// Modal verbs ("could", "might").
    Modals,
    /// Nouns that ask when ("date").
    TimeNouns,
    /// Nouns of "what time", "what hour": the question asks a time of day.
    HourNouns,
    /// Words that name a time of day ("noon", "evening").
    DayTimes,
    /// Words that ask for an exact date ("exactly").
    PreciseTime,
    /// Nouns that ask where ("venue", "city").
    PlaceNouns,
    /// Words that bound a span of time before a time ("since").
    SpanBounds,
    /// Words after a length of time that make it a time ("three hours
    /// before each departure").
    RelativeTime,
    /// Words that measure a unit of time as a span ("several").
    DurationMeasures,
    /// Words before a unit of time that make it a point in time ("last
    /// week", "next year").
    TimePointers,
    /// Words after "when" that keep it asking for a time ("exactly").
    WhenQualifiers,
    /// Verbs of speech the speaker may follow ("said").
    SpeakerFollows,
    /// Nouns that ask for a number ("percentage").
    CountNouns,
    /// Words that make a number a percentage ("percent").
    PercentWords,
    /// Words by which a sentence points back at what an earlier one named
    /// ("it", "these", "such").
    Anaphors,
    /// Words that, soon after "what", ask for a reason ("what is the
    /// reason", "what caused").
    ReasonAsking,
    /// Words of `[reason]` that give a reason only before "to" ("due to",
    /// not "due for delivery").
    ReasonBeforeTo,
    /// Verbs that report a view ("warned", "objects", "accused"): what
    /// follows may be why someone holds it (rule `reported-reason`).
    ViewVerbs,
    /// Words by which a "why" question asks why someone holds a view
    /// ("think", "worried", "according"): a quotation may then be the
    /// reason (rule `quoted-reason`).
    ViewAsking,
    /// Words that, before "that" in reported speech, join a reservation to
    /// what was said ("said the system was fair but that it had pushed
    /// ..."): the sentence reports a complaint (rule `reported-reason`).
    ReservationJoins,
    /// Titles before a person's name that are no part of it ("dr", "cllr").
    NameTitles,
    /// Pronouns that stand for a person named before when they speak
    /// ("she said"): the drafter names the speaker.
    SpeakerPronouns,
    /// Nouns for a person the question does not name, after a name that
    /// says whom they are of ("the skybridge guy"): rule `name-missing`.
    PersonOf,
    /// Nouns of "what elements", "what parts": the question asks what a
    /// thing holds, which a sentence lists without the noun.
    PartNouns,
    /// Nouns of "what X" that frame the kind of answer ("under what
    /// conditions", "what title"), not a thing it must mention.
    FramingNouns,
    /// Adjectives that, right after "how", name the measure asked for
    /// ("how big", "how serious"), which a sentence gives as a figure.
    MeasureWords,
    /// Comparatives that, right after "how much", ask a difference ("how
    /// much longer", "how much smaller"): the question counts no thing.
    Comparatives,
    /// Closing words of "what is X called": the question asks for a name.
    NameAsking,
    /// Nouns that ask for a name: "what was the name of the engineer",
    /// "whats the minister's name".
    NameNouns,
    /// The particles of a phrasal verb that may follow its object ("put
    /// the vote off").
    Particles,
    /// Stop words that may stand in a phrasal verb's object ("it", "the").
    ObjectWords,
    /// Verbs by which a question asks what someone said ("what has the
    /// company said about the closure"): rule `nothing-said`.
    SpeechAsked,
    /// Verbs that report what someone said or holds beyond
    /// `[speech-verbs]`, `[attribution-verbs]` and `[view-verbs]`
    /// ("described", "urged"): rule `nothing-said`.
    ReportingVerbs,
    /// Lower-case words that join the capitalised words of one name
    /// ("Chamber of Commerce", "Department for Transport"): a name read
    /// from the article goes on across them.
    NameJoiners,
}

impl List {
    /// Every list, for checking that the data file has each.
    pub const ALL: [List; 92] = [
        List::Fillers,
        List::Question,
        List::Auxiliary,
        List::TagEndings,
        List::SpeechVerbs,
        List::AttributionVerbs,
        List::Titles,
        List::Money,
        List::CostVerbs,
        List::Prepositions,
        List::PriceVerbs,
        List::DurationUnits,
        List::ClockSuffixes,
        List::DistanceUnits,
        List::LocatingPrepositions,
        List::PersonNouns,
        List::RoleAsking,
        List::LeaderTitles,
        List::Time,
        List::Days,
        List::Months,
        List::Reason,
        List::Later,
        List::PublicationAuthor,
        List::PublicationOutlet,
        List::PublicationDate,
        List::PublicationLink,
        List::PublicationWords,
        List::ArticleWords,
        List::ArticleSubject,
        List::ArticleHeadline,
        List::ArticleSubjectWords,
        List::WrittenThings,
        List::TopicWords,
        List::Undergoes,
        List::AskedSpeech,
        List::SpeakerAsking,
        List::PromiseModals,
        List::ClauseOpeners,
        List::ListJoiners,
        List::DatelineLabels,
        List::DatelineWords,
        List::BylineOpeners,
        List::NumberScales,
        List::CountingWords,
        List::Currencies,
        List::CurrencySigns,
        List::PricedNouns,
        List::GapOrdinals,
        List::GapSince,
        List::LinkingVerbs,
        List::Determiners,
        List::PlacePrepositions,
        List::MotionPrepositions,
        List::Identifying,
        List::KindNouns,
        List::UnnamedMarkers,
        List::NotPurpose,
        List::Modals,
        List::TimeNouns,
        List::HourNouns,
        List::DayTimes,
        List::PreciseTime,
        List::PlaceNouns,
        List::SpanBounds,
        List::RelativeTime,
        List::DurationMeasures,
        List::TimePointers,
        List::WhenQualifiers,
        List::SpeakerFollows,
        List::CountNouns,
        List::PercentWords,
        List::Anaphors,
        List::ReasonAsking,
        List::ReasonBeforeTo,
        List::ViewVerbs,
        List::ViewAsking,
        List::ReservationJoins,
        List::NameTitles,
        List::SpeakerPronouns,
        List::PersonOf,
        List::PartNouns,
        List::FramingNouns,
        List::MeasureWords,
        List::Comparatives,
        List::NameAsking,
        List::NameNouns,
        List::Particles,
        List::ObjectWords,
        List::SpeechAsked,
        List::ReportingVerbs,
        List::NameJoiners,
    ];

    /// The section name of the list in `word-lists.txt`.
    pub fn section(self) -> &'static str {
        match self {
            List::Fillers => "fillers",
            List::Question => "question",
            List::Auxiliary => "auxiliary",
            List::TagEndings => "tag-endings",
            List::SpeechVerbs => "speech-verbs",
            List::AttributionVerbs => "attribution-verbs",
            List::Titles => "titles",
            List::Money => "money",
            List::CostVerbs => "cost-verbs",
            List::Prepositions => "prepositions",
            List::PriceVerbs => "price-verbs",
            List::DurationUnits => "duration-units",
            List::ClockSuffixes => "clock-suffixes",
            List::DistanceUnits => "distance-units",
            List::LocatingPrepositions => "locating-prepositions",
            List::PersonNouns => "person-nouns",
            List::RoleAsking => "role-asking",
            List::LeaderTitles => "leader-titles",
            List::Time => "time",
            List::Days => "days",
            List::Months => "months",
            List::Reason => "reason",
            List::Later => "later",
            List::PublicationAuthor => "publication-author",
            List::PublicationOutlet => "publication-outlet",
            List::PublicationDate => "publication-date",
            List::PublicationLink => "publication-link",
            List::PublicationWords => "publication-words",
            List::ArticleWords => "article-words",
            List::ArticleSubject => "article-subject",
            List::ArticleHeadline => "article-headline",
            List::ArticleSubjectWords => "article-subject-words",
            List::WrittenThings => "written-things",
            List::TopicWords => "topic-words",
            List::Undergoes => "undergoes",
            List::AskedSpeech => "asked-speech",
            List::SpeakerAsking => "speaker-asking",
            List::PromiseModals => "promise-modals",
            List::ClauseOpeners => "clause-openers",
            List::ListJoiners => "list-joiners",
            List::DatelineLabels => "dateline-labels",
            List::DatelineWords => "dateline-words",
            List::BylineOpeners => "byline-openers",
            List::NumberScales => "number-scales",
            List::CountingWords => "counting-words",
            List::Currencies => "currencies",
            List::CurrencySigns => "currency-signs",
            List::PricedNouns => "priced-nouns",
            List::GapOrdinals => "gap-ordinals",
            List::GapSince => "gap-since",
            List::LinkingVerbs => "linking-verbs",
            List::Determiners => "determiners",
            List::PlacePrepositions => "place-prepositions",
            List::MotionPrepositions => "motion-prepositions",
            List::Identifying => "identifying",
            List::KindNouns => "kind-nouns",
            List::UnnamedMarkers => "unnamed-markers",
            List::NotPurpose => "not-purpose",
            List::Modals => "modals",
            List::TimeNouns => "time-nouns",
            List::HourNouns => "hour-nouns",
            List::DayTimes => "day-times",
            List::PreciseTime => "precise-time",
            List::PlaceNouns => "place-nouns",
            List::SpanBounds => "span-bounds",
            List::RelativeTime => "relative-time",
            List::DurationMeasures => "duration-measures",
            List::TimePointers => "time-pointers",
            List::WhenQualifiers => "when-qualifiers",
            List::SpeakerFollows => "speaker-follows",
            List::CountNouns => "count-nouns",
            List::PercentWords => "percent-words",
            List::Anaphors => "anaphors",
            List::ReasonAsking => "reason-asking",
            List::ReasonBeforeTo => "reason-before-to",
            List::ViewVerbs => "view-verbs",
            List::ViewAsking => "view-asking",
            List::ReservationJoins => "reservation-joins",
            List::NameTitles => "name-titles",
            List::SpeakerPronouns => "speaker-pronouns",
            List::PersonOf => "person-of",
            List::PartNouns => "part-nouns",
            List::FramingNouns => "framing-nouns",
            List::MeasureWords => "measure-words",
            List::Comparatives => "comparatives",
            List::NameAsking => "name-asking",
            List::NameNouns => "name-nouns",
            List::Particles => "particles",
            List::ObjectWords => "object-words",
            List::SpeechAsked => "speech-asked",
            List::ReportingVerbs => "reporting-verbs",
            List::NameJoiners => "name-joiners",
        }
    }
}

/// A country of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The name every other name is read as ("us", "germany").
    pub name: String,
    /// Its capitals ("berlin").
    pub capitals: Vec<String>,
    /// Words for its people ("german", "germans").
    pub demonyms: Vec<String>,
    /// Other names ("united states", "america").
    pub aliases: Vec<String>,
}

/// A general synonym group: variants read as the canonical word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    /// The word (or words) every variant is read as.
    pub canonical: String,
    /// Words and phrases read as `canonical`.
    pub variants: Vec<String>,
}

/// All the shipped language data, parsed.
#[derive(Debug, Default)]
pub struct Language {
    stopwords: HashSet<String>,
    /// Each list's words in file order, in [`List::ALL`] order (a list's
    /// place is its discriminant).
    lists: Vec<Vec<String>>,
    /// Every word of a list or of the stop words with the [`Classes`] it
    /// belongs to: one look-up answers every membership question about a
    /// word, so a question's words are looked up once, not once per list.
    classes: ClassTable,
    /// Per list (in [`List::ALL`] order): the byte lengths its words have,
    /// bit `n` for length `n` (bit 63 for 63 and longer). A word of a
    /// length its list lacks is not in it, which [`Language::in_list`]
    /// tells without hashing the word (most look-ups).
    lengths: Vec<u64>,
    chat: HashMap<String, String>,
    /// The [`Endings`] of the chat words: the tokenizer asks about every
    /// word it reads, and most are told apart without hashing.
    chat_endings: Endings,
    irregular: HashMap<String, String>,
    overstemmed: Vec<(String, String)>,
    synonyms: Vec<SynonymGroup>,
    countries: Vec<Country>,
    problems: Vec<String>,
}

static LANGUAGE: LazyLock<Language> = LazyLock::new(Language::shipped);

/// The shipped language data, parsed on first use.
pub fn language() -> &'static Language {
    &LANGUAGE
}

/// Lines of the shipped data files that could not be read, as
/// `file:line: problem`: empty unless a data file was broken.
pub fn problems() -> &'static [String] {
    &LANGUAGE.problems
}

impl Language {
    fn shipped() -> Language {
        let mut problems = Vec::new();
        let mut lists = parse_lists("word-lists.txt", WORD_LISTS, &mut problems);
        let lists: Vec<Vec<String>> = List::ALL
            .iter()
            .map(|list| lists.remove(list.section()).unwrap_or_default())
            .collect();
        let stopwords: HashSet<String> = words_of(STOPWORDS).map(str::to_string).collect();
        let chat = parse_chat("chat.txt", CHAT, &mut problems);
        let mut chat_endings = Endings::default();
        for word in chat.keys() {
            chat_endings.add(word);
        }
        let irregular = parse_irregular(IRREGULAR_VERBS);
        let overstemmed = parse_overstemmed("overstemmed.txt", OVERSTEMMED, &mut problems);
        let synonyms = parse_synonyms("synonyms.txt", SYNONYMS, &mut problems);
        let countries = parse_countries("countries.txt", COUNTRIES, &mut problems);
        for problem in &problems {
            tracing::warn!("language data: {problem}");
        }
        Language {
            classes: ClassTable::new(classes_of(&stopwords, &lists)),
            lengths: lists.iter().map(|words| lengths_of(words)).collect(),
            stopwords,
            lists,
            chat,
            chat_endings,
            irregular,
            overstemmed,
            synonyms,
            countries,
            problems,
        }
    }

    /// True for a stop word.
    #[inline]
    pub fn is_stopword(&self, word: &str) -> bool {
        self.classes(word).is_stopword()
    }

    /// The lists `word` is in, and whether it is a stop word, from one
    /// look-up: what a caller asking several of these about one word reads.
    pub fn classes(&self, word: &str) -> Classes {
        self.classes.get(word)
    }

    /// Every stop word.
    pub fn stopwords(&self) -> impl Iterator<Item = &str> {
        self.stopwords.iter().map(String::as_str)
    }

    /// The words of a list of `word-lists.txt`.
    pub fn list(&self, list: List) -> &[String] {
        self.lists.get(list as usize).map_or(&[], Vec::as_slice)
    }

    /// True when `word` is in `list`.
    #[inline]
    pub fn in_list(&self, list: List, word: &str) -> bool {
        let lengths = self.lengths.get(list as usize).copied().unwrap_or(0);
        lengths & length_bit(word) != 0 && self.classes(word).has(list)
    }

    /// False when the word (its bytes) is surely no chat abbreviation
    /// ([`Language::chat_word`] of it is `None`), told without hashing it.
    #[inline]
    pub fn may_be_chat_word(&self, word: &[u8]) -> bool {
        self.chat_endings.may_hold_bytes(word)
    }

    /// The full word for a chat abbreviation ("govt": "government").
    pub fn chat_word(&self, word: &str) -> Option<&str> {
        if !self.chat_endings.may_hold(word) {
            return None;
        }
        self.chat.get(word).map(String::as_str)
    }

    /// The base form of an irregular verb form ("sent": "send").
    pub fn irregular_base(&self, word: &str) -> Option<&str> {
        self.irregular.get(word).map(String::as_str)
    }

    /// The stem kept for a word of an overstemmed family, by its prefix.
    pub fn overstemmed(&self, word: &str) -> Option<&str> {
        self.overstemmed
            .iter()
            .find(|(prefix, _)| word.starts_with(prefix.as_str()))
            .map(|(_, stem)| stem.as_str())
    }

    /// The general synonym groups, then one group per country of the
    /// gazetteer (its demonyms and other names read as its name).
    pub fn synonyms(&self) -> impl Iterator<Item = SynonymGroup> + '_ {
        let countries = self.countries.iter().map(|c| SynonymGroup {
            canonical: c.name.clone(),
            variants: c.demonyms.iter().chain(&c.aliases).cloned().collect(),
        });
        self.synonyms.iter().cloned().chain(countries)
    }

    /// The gazetteer's countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country whose capital `city` is ("kyiv": "ukraine").
    pub fn country_of_capital(&self, city: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.capitals.iter().any(|cap| cap == city))
            .map(|c| c.name.as_str())
    }
}

/// The classes of a word: a bit for each [`List`] it is in (its
/// discriminant) and one for a stop word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u128);

impl Classes {
    /// The bit of a stop word, above every list's.
    const STOPWORD: u128 = 1 << 127;

    /// True when the word is in `list`.
    #[inline]
    pub fn has(self, list: List) -> bool {
        self.0 & (1 << list as u128) != 0
    }

    /// True when the word is a stop word.
    #[inline]
    pub fn is_stopword(self) -> bool {
        self.0 & Classes::STOPWORD != 0
    }
}

/// Every word of the stop words and of the lists (given in [`List::ALL`]
/// order) with its classes.
fn classes_of(stopwords: &HashSet<String>, lists: &[Vec<String>]) -> HashMap<String, Classes> {
    const _: () = assert!(
        List::ALL.len() < 127,
        "a list's bit must stay below the stop word's"
    );
    let mut classes: HashMap<String, Classes> = HashMap::default();
    for word in stopwords {
        classes.entry(word.clone()).or_default().0 |= Classes::STOPWORD;
    }
    for (at, words) in lists.iter().enumerate() {
        for word in words {
            classes.entry(word.clone()).or_default().0 |= 1 << at;
        }
    }
    classes
}

/// The words of the stop words and the lists with their [`Classes`], found
/// by a slot mixed from a word's length and its first two and last two
/// bytes rather than by hashing all of its bytes: every question asks
/// about each of its words several times (~40 look-ups a question), and a
/// full hash of the word and a probe cost about twice the mix and the
/// one comparison a slot mostly needs.
#[derive(Debug)]
struct ClassTable {
    /// Per slot: where its words start in `words`; one entry more than
    /// slots, the last being `words`' length.
    starts: Box<[u32; CLASS_SLOTS + 1]>,
    /// The words with their classes, slot after slot.
    words: Vec<(Box<str>, Classes)>,
}

/// The bits of a [`ClassTable`] slot: 8,192 slots for the ~2,000 words of
/// the shipped lists, so that most slots hold one word or none.
const CLASS_SLOT_BITS: u32 = 13;

/// The slots of a [`ClassTable`].
const CLASS_SLOTS: usize = 1 << CLASS_SLOT_BITS;

impl Default for ClassTable {
    fn default() -> ClassTable {
        ClassTable::new(HashMap::default())
    }
}

impl ClassTable {
    /// The table of `classes`.
    fn new(classes: HashMap<String, Classes>) -> ClassTable {
        let mut words: Vec<(usize, Box<str>, Classes)> = classes
            .into_iter()
            .map(|(word, classes)| (ClassTable::slot(word.as_bytes()), word.into(), classes))
            .collect();
        words.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut starts = Box::new([0; CLASS_SLOTS + 1]);
        let mut at = 0;
        for (slot, start) in starts.iter_mut().enumerate() {
            while words.get(at).is_some_and(|w| w.0 < slot) {
                at += 1;
            }
            *start = at as u32;
        }
        let words = words.into_iter().map(|(_, w, c)| (w, c)).collect();
        ClassTable { starts, words }
    }

    /// The classes of `word` (none for a word of no list).
    #[inline]
    fn get(&self, word: &str) -> Classes {
        let slot = ClassTable::slot(word.as_bytes());
        let (from, to) = (self.starts[slot] as usize, self.starts[slot + 1] as usize);
        for (listed, classes) in self.words.get(from..to).unwrap_or_default() {
            if listed.as_bytes() == word.as_bytes() {
                return *classes;
            }
        }
        Classes::default()
    }

    /// A word's slot (below [`CLASS_SLOTS`]): the top bits of a Fibonacci
    /// hash of its length and its first two and last two bytes.
    #[inline]
    fn slot(bytes: &[u8]) -> usize {
        let n = bytes.len();
        let ends = match bytes {
            [a, b, ..] => {
                let (y, z) = (bytes[n - 2], bytes[n - 1]);
                u64::from_le_bytes([*a, *b, y, z, 0, 0, 0, 0])
            }
            [a] => u64::from(*a),
            [] => 0,
        };
        let key = ends | (n as u64) << 32;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CLASS_SLOT_BITS)) as usize
    }
}

/// What tells most words apart from the words of a short list without
/// hashing them: a bit for each word of the list, set in a table of 4,096
/// bits at a place mixed from its length and its first, second and last
/// byte. Most words a question or a sentence holds meet a clear bit ("the"
/// is not "teh"), and are passed over by a few loads and a multiplication.
/// [`Language::in_list`] tells a word list's words by length alone.
#[derive(Debug, Clone)]
pub struct Endings([u64; ENDINGS_WORDS]);

/// The 64-bit words of an [`Endings`] table.
const ENDINGS_WORDS: usize = 64;

impl Default for Endings {
    fn default() -> Endings {
        Endings([0; ENDINGS_WORDS])
    }
}

impl Endings {
    /// Adds a word of the list.
    pub fn add(&mut self, word: &str) {
        let (word, bit) = Endings::place(word.as_bytes());
        if let Some(bits) = self.0.get_mut(word) {
            *bits |= bit;
        }
    }

    /// False when no word of the list has this word's place in the table,
    /// so it is none of them; true when it may be one.
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        self.may_hold_bytes(word.as_bytes())
    }

    /// [`Endings::may_hold`] of a word given as its bytes.
    #[inline]
    pub fn may_hold_bytes(&self, bytes: &[u8]) -> bool {
        let (word, bit) = Endings::place(bytes);
        self.0.get(word).is_none_or(|&bits| bits & bit != 0)
    }

    /// A word's place in the table: the 64-bit word and the bit in it.
    #[inline]
    fn place(bytes: &[u8]) -> (usize, u64) {
        let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
        let key = byte(bytes.first())
            | byte(bytes.get(1)) << 8
            | byte(bytes.last()) << 16
            | (bytes.len() as u32 & 0xff) << 24;
        // The top 12 bits of a Fibonacci hash of the key.
        let place = key.wrapping_mul(0x9E37_79B9) >> 20;
        ((place >> 6) as usize, 1 << (place & 63))
    }
}

/// A set of words read from a data file, each with its place in the file,
/// that tells most other words apart by their [`Endings`] before hashing
/// them: the rules' short lists (negations, number words, counts).
#[derive(Debug)]
pub struct WordSet {
    /// Each word with its place among the words (its first, if repeated).
    places: HashMap<&'static str, u32>,
    endings: Endings,
}

impl WordSet {
    /// The set of `words`, in their order.
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let mut set = WordSet {
            places: HashMap::default(),
            endings: Endings::default(),
        };
        for (place, word) in words.into_iter().enumerate() {
            set.places.entry(word).or_insert(place as u32);
            set.endings.add(word);
        }
        set
    }

    /// The word's place among the words, when it is one of them.
    #[inline]
    pub fn place(&self, word: &str) -> Option<u32> {
        // Most words share no word's length and last byte: not hashed.
        if !self.endings.may_hold(word) {
            return None;
        }
        self.places.get(word).copied()
    }

    /// True when the word is one of the words.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.place(word).is_some()
    }

    /// The words, in no order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.places.keys().copied()
    }
}

/// The bits of the byte lengths `words` have ([`length_bit`]).
fn lengths_of(words: &[String]) -> u64 {
    words.iter().fold(0, |bits, word| bits | length_bit(word))
}

/// The bit of a word's byte length: bit `n` for length `n`, bit 63 for 63
/// and longer.
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

/// The text of a line without its comment.
fn uncommented(line: &str) -> &str {
    line.split_once('#').map_or(line, |(text, _)| text).trim()
}

/// The words of a file of words, comments left out.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .flat_map(|line| uncommented(line).split_whitespace())
}

/// The lines of a one-item-a-line data file (`number-words.txt`,
/// `negations.txt`, ...), trimmed, without blank lines and `#` comment
/// lines: what every such file's reader reads.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The phrases of one `[section]` of a sectioned phrase file
/// (`reasons.txt`, `definitions.txt`), in file order, each as its words;
/// `#` starts a comment anywhere on a line.
pub fn section_phrases(text: &'static str, section: &str) -> Vec<Vec<&'static str>> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in text.lines().map(uncommented) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name == section;
        } else if inside && !line.is_empty() {
            out.push(line.split_whitespace().collect());
        }
    }
    out
}

/// Lines with content, numbered from 1.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, uncommented(line)))
        .filter(|(_, line)| !line.is_empty())
}

/// Items of a comma-separated field, trimmed, empties left out.
fn items(field: &str) -> Vec<String> {
    field
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses a sectioned word-list file: `[name]` headers, then words.
fn parse_lists(
    file: &str,
    text: &str,
    problems: &mut Vec<String>,
) -> HashMap<&'static str, Vec<String>> {
    let mut lists: HashMap<&'static str, Vec<String>> = HashMap::default();
    let mut current: Option<&'static str> = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = List::ALL
                .iter()
                .map(|l| l.section())
                .find(|s| *s == name.trim());
            if current.is_none() {
                problems.push(format!("{file}:{n}: unknown section [{name}]"));
            }
            continue;
        }
        match current {
            Some(section) => lists
                .entry(section)
                .or_default()
                .extend(line.split_whitespace().map(str::to_string)),
            None => problems.push(format!("{file}:{n}: words outside a section")),
        }
    }
    for list in List::ALL {
        if !lists.contains_key(list.section()) {
            problems.push(format!("{file}: missing section [{}]", list.section()));
        }
    }
    lists
}

/// Parses `ABBR [ABBR...] = FULL` lines.
fn parse_chat(file: &str, text: &str, problems: &mut Vec<String>) -> HashMap<String, String> {
    let mut out = HashMap::default();
    for (n, line) in content_lines(text) {
        match line.split_once('=') {
            Some((short, full)) if !short.trim().is_empty() && !full.trim().is_empty() => {
                for abbreviation in short.split_whitespace() {
                    out.insert(abbreviation.to_string(), full.trim().to_string());
                }
            }
            _ => problems.push(format!("{file}:{n}: expected `ABBREVIATION = WORD`")),
        }
    }
    out
}

/// Parses `BASE FORM FORM...` lines into form → base.
fn parse_irregular(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::default();
    for (_, line) in content_lines(text) {
        let mut forms = line.split_whitespace();
        if let Some(base) = forms.next() {
            for form in forms {
                out.insert(form.to_string(), base.to_string());
            }
        }
    }
    out
}

/// Parses `PREFIX STEM` lines.
fn parse_overstemmed(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (n, line) in content_lines(text) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            [prefix, stem] => out.push((prefix.to_string(), stem.to_string())),
            _ => problems.push(format!("{file}:{n}: expected `PREFIX STEM`")),
        }
    }
    out
}

/// Parses `CANONICAL: VARIANT, VARIANT` lines.
fn parse_synonyms(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<SynonymGroup> {
    let mut out: Vec<SynonymGroup> = Vec::new();
    let mut owner: HashMap<String, String> = HashMap::default();
    for (n, line) in content_lines(text) {
        let Some((canonical, variants)) = line.split_once(':') else {
            problems.push(format!("{file}:{n}: expected `CANONICAL: VARIANT, ...`"));
            continue;
        };
        let canonical = canonical.trim().to_string();
        let variants = items(variants);
        if canonical.is_empty() || variants.is_empty() {
            problems.push(format!("{file}:{n}: a group needs a word and variants"));
            continue;
        }
        for variant in &variants {
            if let Some(first) = owner.insert(variant.clone(), canonical.clone()) {
                problems.push(format!(
                    "{file}:{n}: `{variant}` is listed under both `{first}` and `{canonical}`"
                ));
            }
        }
        out.push(SynonymGroup {
            canonical,
            variants,
        });
    }
    for group in &out {
        if let Some(other) = owner.get(&group.canonical) {
            problems.push(format!(
                "{file}: `{}` is a canonical word and a variant of `{other}`",
                group.canonical
            ));
        }
    }
    out
}

/// Parses `NAME | CAPITALS | DEMONYMS | OTHER NAMES` lines.
fn parse_countries(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<Country> {
    let mut out = Vec::new();
    for (n, line) in content_lines(text) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        match fields.as_slice() {
            [name, capitals, demonyms, aliases] if !name.is_empty() => out.push(Country {
                name: name.to_string(),
                capitals: items(capitals),
                demonyms: items(demonyms),
                aliases: items(aliases),
            }),
            _ => problems.push(format!(
                "{file}:{n}: expected `NAME | CAPITALS | DEMONYMS | OTHER NAMES`"
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_chat_filter_keeps_every_chat_word_and_passes_over_common_words() {
        let lang = super::language();
        for word in lang.chat.keys() {
            assert!(lang.may_be_chat_word(word.as_bytes()), "{word}");
        }
        let mut endings = super::Endings::default();
        let listed: Vec<&str> = ["not", "two", "", "a-very-long-word-of-more-than-32-bytes"].into();
        for word in &listed {
            endings.add(word);
        }
        assert!(listed.iter().all(|w| endings.may_hold(w)));
        // Nearly every stop word is told apart from the chat words without
        // hashing it ("the" is not "teh", "what" not "waht").
        let stopwords: Vec<&str> = lang.stopwords().collect();
        let passed = stopwords
            .iter()
            .filter(|w| !lang.chat.contains_key(**w) && lang.may_be_chat_word(w.as_bytes()))
            .count();
        assert!(
            passed * 10 < stopwords.len(),
            "{passed} of {}",
            stopwords.len()
        );
    }

    #[test]
    fn a_words_classes_are_its_lists_and_stop_word_and_nothing_else() {
        let lang = super::language();
        let map = super::classes_of(&lang.stopwords, &lang.lists);
        // Every listed word reads its own classes, as does a word without
        // its last letter or with one more (its slot's neighbours by bytes).
        for (word, &classes) in &map {
            assert_eq!(lang.classes(word), classes, "{word}");
            let mut chars = word.chars();
            chars.next_back();
            for other in [chars.as_str(), &format!("{word}s")] {
                let expected = map.get(other).copied().unwrap_or_default();
                assert_eq!(lang.classes(other), expected, "{other}");
            }
        }
        // Words of no list read none: the shipped test articles' words, and
        // words too short or too long for a slot's bytes.
        let articles = [
            "tests/data/strike/article.txt",
            "tests/data/ferry/article.txt",
        ];
        for path in articles {
            let text = std::fs::read_to_string(path).expect(path);
            for word in crate::text::words(&text) {
                let expected = map.get(&word).copied().unwrap_or_default();
                assert_eq!(lang.classes(&word), expected, "{word}");
            }
        }
        for word in ["", "x", "é", "a-word-far-longer-than-any-listed-one"] {
            let expected = map.get(word).copied().unwrap_or_default();
            assert_eq!(lang.classes(word), expected, "{word:?}");
        }
        assert!(lang.classes("the").is_stopword());
        assert!(!lang.classes("helicopter").is_stopword());
    }

    #[test]
    fn every_list_sits_at_its_own_place() {
        for (at, list) in super::List::ALL.into_iter().enumerate() {
            assert_eq!(list as usize, at, "{}", list.section());
        }
    }

    use super::*;

    #[test]
    fn a_word_set_finds_its_words_and_their_places_and_nothing_else() {
        let set = WordSet::new([
            "not",
            "never",
            "two",
            "not",
            "a-word-of-more-than-thirty-two-bytes",
        ]);
        assert_eq!(
            set.place("not"),
            Some(0),
            "a repeated word keeps its first place"
        );
        assert_eq!(set.place("never"), Some(1));
        assert_eq!(set.place("two"), Some(2));
        assert_eq!(set.place("a-word-of-more-than-thirty-two-bytes"), Some(4));
        // Sharing a word's length and last byte, or not, or neither.
        for other in [
            "nut",
            "now",
            "nevet",
            "",
            "t",
            "knot",
            "a-word-of-more-than-thirty-two-bytez",
        ] {
            assert!(!set.contains(other), "{other}");
        }
    }

    #[test]
    fn the_shipped_data_has_no_unreadable_line() {
        assert_eq!(problems(), &[] as &[String]);
    }

    #[test]
    fn stop_words_load_and_keep_content_words() {
        let lang = language();
        assert!(lang.is_stopword("the"));
        assert!(lang.is_stopword("ngl"));
        assert!(!lang.is_stopword("sanctions"));
        assert!(!lang.is_stopword("# citebot"));
    }

    #[test]
    fn a_list_holds_exactly_its_words_whatever_their_length() {
        let lang = language();
        // Every listed and stop word, the same words lengthened and
        // shortened, and words of no list, against every list.
        let mut words: Vec<String> = List::ALL
            .iter()
            .flat_map(|&list| lang.list(list).iter().cloned())
            .chain(lang.stopwords().map(str::to_string))
            .collect();
        let others: Vec<String> = words
            .iter()
            .flat_map(|w| {
                let mut shorter = w.clone();
                shorter.pop();
                [format!("{w}s"), shorter]
            })
            .chain(["".to_string(), "x".repeat(70), "sanctions".to_string()])
            .collect();
        words.extend(others);
        for list in List::ALL {
            let listed = lang.list(list);
            for word in &words {
                assert_eq!(
                    lang.in_list(list, word),
                    listed.contains(word),
                    "{word:?} in [{}]",
                    list.section()
                );
            }
        }
    }

    #[test]
    fn every_word_list_loads() {
        for list in List::ALL {
            assert!(!language().list(list).is_empty(), "[{}]", list.section());
        }
        assert!(language().in_list(List::Question, "why"));
        assert!(language().in_list(List::Titles, "Mr"));
        assert!(!language().in_list(List::Months, "may"));
    }

    #[test]
    fn a_section_lists_its_own_phrases_without_comments() {
        let text = "# a file\n[first]\nso that\n\n[second]\nbecause # a comment\n in order to \n";
        assert_eq!(super::section_phrases(text, "first"), [vec!["so", "that"]]);
        assert_eq!(
            super::section_phrases(text, "second"),
            [vec!["because"], vec!["in", "order", "to"]]
        );
        assert!(super::section_phrases(text, "third").is_empty());
    }

    #[test]
    fn chat_abbreviations_load() {
        assert_eq!(language().chat_word("govt"), Some("government"));
        assert_eq!(language().chat_word("cuz"), Some("because"));
        assert_eq!(language().chat_word("wed"), None);
        // Every chat word is found past its endings' test.
        for (word, full) in &language().chat {
            assert_eq!(language().chat_word(word), Some(full.as_str()), "{word}");
        }
    }

    #[test]
    fn irregular_verbs_load() {
        assert_eq!(language().irregular_base("sent"), Some("send"));
        assert_eq!(language().irregular_base("written"), Some("write"));
        assert_eq!(language().irregular_base("left"), None);
        // A paraphrase's "has fallen" or "broke out" meets "fall", "break".
        assert_eq!(language().irregular_base("fallen"), Some("fall"));
        assert_eq!(language().irregular_base("broke"), Some("break"));
        assert_eq!(
            crate::text::stem("underwent"),
            crate::text::stem("undergoes")
        );
    }

    #[test]
    fn overstemmed_families_load() {
        assert_eq!(language().overstemmed("authorized"), Some("authoriz"));
        assert_eq!(language().overstemmed("authorities"), Some("authorit"));
        assert_eq!(language().overstemmed("author"), None);
    }

    #[test]
    fn synonyms_load_with_countries_after_the_general_groups() {
        let groups: Vec<SynonymGroup> = language().synonyms().collect();
        let ammo = groups.iter().find(|g| g.canonical == "ammunition");
        assert!(ammo.is_some_and(|g| g.variants.contains(&"ammo".to_string())));
        let germany = groups.iter().find(|g| g.canonical == "germany");
        assert!(germany.is_some_and(|g| g.variants.contains(&"german".to_string())));
    }

    #[test]
    fn the_gazetteer_has_capitals_and_demonyms() {
        let lang = language();
        assert_eq!(lang.country_of_capital("kyiv"), Some("ukraine"));
        assert_eq!(lang.country_of_capital("washington"), Some("us"));
        assert_eq!(lang.country_of_capital("kansas"), None);
        let russia = lang.countries().iter().find(|c| c.name == "russia");
        assert!(russia.is_some_and(|c| c.demonyms.contains(&"russian".to_string())));
    }

    #[test]
    fn broken_lines_are_reported_with_file_and_line() {
        let mut problems = Vec::new();
        parse_countries("c.txt", "# x\nfrance | paris\n", &mut problems);
        parse_synonyms(
            "s.txt",
            "aid help\nmoney: cash\ncash: dough\n",
            &mut problems,
        );
        parse_chat("a.txt", "govt government\n", &mut problems);
        parse_lists("w.txt", "[nope]\nword\n", &mut problems);
        assert!(problems.iter().any(|p| p.starts_with("c.txt:2: expected")));
        assert!(problems.iter().any(|p| p.starts_with("s.txt:1: expected")));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`cash` is a canonical word and a variant of `money`"))
        );
        assert!(problems.iter().any(|p| p.starts_with("a.txt:1: expected")));
        assert!(
            problems
                .iter()
                .any(|p| p == "w.txt:1: unknown section [nope]")
        );
        assert!(
            problems
                .iter()
                .any(|p| p == "w.txt:2: words outside a section")
        );
    }
}
