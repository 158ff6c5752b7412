//! Building an engine from settings: where the knowledge is, and whether and
//! where to read word vectors. Shared by the command line, the Discord bot and
//! its `/reload`, so all three load the same way.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::engine::Engine;
use crate::knowledge::{LoadErrors, load_dir};
use crate::vectors::{DEFAULT_VECTORS_FILE, Vectors, VectorsError};

/// Knowledge directory used when none is given.
pub const DEFAULT_KNOWLEDGE_DIR: &str = "knowledge";

/// Where the engine's inputs are.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The knowledge directory.
    pub knowledge_dir: PathBuf,
    /// The word-vector file, or `None` for lexical matching only.
    pub vectors: Option<PathBuf>,
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
    /// disable) and `VECTORS_PATH`, each overridden by an explicit value.
    pub fn from_env(knowledge_dir: Option<PathBuf>, no_vectors: bool) -> Setup {
        let knowledge_dir = knowledge_dir
            .or_else(|| {
                std::env::var_os("KNOWLEDGE_DIR")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .unwrap_or_else(|| PathBuf::from(DEFAULT_KNOWLEDGE_DIR));
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
                .map(PathBuf::from)
                .unwrap_or_else(default_vectors_path)
        });
        Setup {
            knowledge_dir,
            vectors,
        }
    }

    /// Loads the vectors, if enabled.
    pub fn load_vectors(&self) -> Result<Option<Arc<Vectors>>, SetupError> {
        match &self.vectors {
            Some(path) => Ok(Some(Arc::new(Vectors::load(path)?))),
            None => Ok(None),
        }
    }

    /// Loads and validates the knowledge and builds an engine over it, with
    /// the given vectors (already loaded, so a reload need not read them again).
    pub fn engine_with(&self, vectors: Option<Arc<Vectors>>) -> Result<Engine, SetupError> {
        let knowledge = load_dir(&self.knowledge_dir)?;
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

/// The shipped vector file: relative to the working directory when run from
/// the repository, else where the crate was built.
fn default_vectors_path() -> PathBuf {
    let relative = Path::new(DEFAULT_VECTORS_FILE);
    if relative.exists() {
        return relative.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_VECTORS_FILE)
}
