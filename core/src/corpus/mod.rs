//! The corpus: every statement and the vocabulary they are tagged from.
//!
//! The corpus is written by people as files under `corpus/` (see `source`,
//! native only, for the format), validated by `build.rs`, and embedded into the
//! library as one binary blob (see [`blob`] for its layout).

pub mod blob;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

use crate::number::decimal;
use core::fmt;

use serde::{Deserialize, Serialize};

use crate::statement::Statement;
use crate::vocabulary::Vocabulary;

/// Every statement, oldest first, and their vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// Statements sorted by date, then id.
    pub statements: Vec<Statement>,
    /// Kinds and entities the statements refer to.
    pub vocabulary: Vocabulary,
}

/// The embedded blob could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The blob does not start with the corpus magic.
    NotACorpus,
    /// The blob was written by another version of this library.
    Version(u8),
    /// The blob is damaged.
    Malformed,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl DecodeError {
    /// The message, as [`fmt::Display`] writes it (without `to_string`'s
    /// formatting machinery in the module).
    pub fn message(&self) -> String {
        match self {
            DecodeError::NotACorpus => "the embedded corpus is missing its header".to_owned(),
            DecodeError::Version(v) => {
                "the embedded corpus has format ".to_owned()
                    + &decimal((*v).into())
                    + ", expected "
                    + &decimal(blob::VERSION.into())
            }
            DecodeError::Malformed => "the embedded corpus is damaged".to_owned(),
        }
    }
}

impl std::error::Error for DecodeError {}

impl Corpus {
    /// A corpus of these statements, sorted oldest first (ties by id).
    pub fn new(mut statements: Vec<Statement>, vocabulary: Vocabulary) -> Corpus {
        statements.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        Corpus {
            statements,
            vocabulary,
        }
    }

    /// Encodes the corpus in the embedded layout.
    pub fn to_bytes(&self) -> Vec<u8> {
        blob::encode(self)
    }

    /// Decodes a blob written by [`Corpus::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, DecodeError> {
        blob::decode(bytes)
    }

    /// The statement with this id.
    pub fn get(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}
