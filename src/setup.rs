//! Building an engine from settings: where the knowledge is, and whether and
//! where to read word vectors. Shared by the command line, the Discord bot and
//! its `/reload`, so all three load the same way.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::engine::Engine;
use crate::knowledge::{KNOWLEDGE_FILE, Knowledge, LoadErrors, load_dir, load_str};
use crate::vectors::{Vectors, VectorsError};

/// Knowledge directory used when none is given.
pub const DEFAULT_KNOWLEDGE_DIR: &str = "knowledge";

/// The sample article's knowledge, built into the binary so that a copied or
/// installed `citebot` started where there is no `./knowledge` still answers
/// (about the sample article) instead of failing.
static BUILT_IN_KNOWLEDGE: &str = include_str!("../knowledge/knowledge.toml");
/// The sample article the built-in knowledge cites.
static BUILT_IN_ARTICLE: &str = include_str!("../knowledge/article.txt");
/// How the built-in knowledge is named in messages and errors.
pub const BUILT_IN_NAME: &str = "(built-in sample knowledge)";

/// Where the engine's inputs are.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The knowledge directory.
    pub knowledge_dir: PathBuf,
    /// Where the word vectors come from, or `None` for lexical matching only.
    pub vectors: Option<VectorsSource>,
    /// Use the built-in sample knowledge when `knowledge_dir` has no
    /// `knowledge.toml`: true only when no directory was asked for (neither
    /// `--knowledge` nor `KNOWLEDGE_DIR`), so a directory an admin names is
    /// never silently replaced.
    pub built_in_when_missing: bool,
}

/// Where the word vectors are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VectorsSource {
    /// The shipped vectors, built into the binary (the default).
    Embedded,
    /// A vector file (`VECTORS_PATH`).
    File(PathBuf),
}

/// Why an engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The knowledge is missing or invalid.
    #[error("{0}")]
    Knowledge(#[from] LoadErrors),
    /// The word vectors are missing or corrupt.
    #[error("{0} (set VECTORS=off or pass --no-vectors to run without them)")]
    Vectors(#[from] VectorsError),
}

impl Setup {
    /// Settings from the environment: `KNOWLEDGE_DIR`, `VECTORS` (`off` to
    /// disable) and `VECTORS_PATH` (a vector file instead of the built-in
    /// vectors), each overridden by an explicit value.
    pub fn from_env(knowledge_dir: Option<PathBuf>, no_vectors: bool) -> Setup {
        let asked_for = knowledge_dir.or_else(|| {
            std::env::var_os("KNOWLEDGE_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        let built_in_when_missing = asked_for.is_none();
        let knowledge_dir = asked_for.unwrap_or_else(|| PathBuf::from(DEFAULT_KNOWLEDGE_DIR));
        let disabled = no_vectors
            || std::env::var("VECTORS").is_ok_and(|v| {
                matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "off" | "0" | "false" | "no"
                )
            });
        let vectors = (!disabled).then(|| {
            std::env::var_os("VECTORS_PATH")
                .filter(|v| !v.is_empty())
                .map_or(VectorsSource::Embedded, |p| VectorsSource::File(p.into()))
        });
        Setup {
            knowledge_dir,
            vectors,
            built_in_when_missing,
        }
    }

    /// True when the built-in sample knowledge stands in for a missing
    /// default directory.
    pub fn uses_built_in(&self) -> bool {
        self.built_in_when_missing && !self.knowledge_dir.join(KNOWLEDGE_FILE).exists()
    }

    /// Loads and validates the knowledge: the directory's, or the built-in
    /// sample's when [`Setup::uses_built_in`].
    pub fn load_knowledge(&self) -> Result<Knowledge, LoadErrors> {
        if self.uses_built_in() {
            tracing::warn!(
                dir = %self.knowledge_dir.display(),
                "no knowledge directory here; answering from the built-in sample article \
                 (set KNOWLEDGE_DIR or draft your own with `citebot init`)"
            );
            return load_str(
                Path::new(BUILT_IN_NAME),
                BUILT_IN_KNOWLEDGE,
                BUILT_IN_ARTICLE,
            );
        }
        load_dir(&self.knowledge_dir)
    }

    /// Loads the vectors, if enabled.
    pub fn load_vectors(&self) -> Result<Option<Arc<Vectors>>, SetupError> {
        match &self.vectors {
            Some(VectorsSource::File(path)) => Ok(Some(Arc::new(Vectors::load(path)?))),
            Some(VectorsSource::Embedded) => Ok(Some(crate::vectors::embedded()?)),
            None => Ok(None),
        }
    }

    /// Loads and validates the knowledge and builds an engine over it, with
    /// the given vectors (already loaded, so a reload need not read them again).
    pub fn engine_with(&self, vectors: Option<Arc<Vectors>>) -> Result<Engine, SetupError> {
        let knowledge = self.load_knowledge()?;
        Ok(match vectors {
            Some(v) => Engine::with_vectors(knowledge, v),
            None => Engine::new(knowledge),
        })
    }

    /// Loads everything and builds an engine.
    pub fn engine(&self) -> Result<Engine, SetupError> {
        let vectors = self.load_vectors()?;
        self.engine_with(vectors)
    }
}
