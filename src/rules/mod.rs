//! Rule-based extractors: time expressions and amounts.

pub mod amount;
pub mod time;
