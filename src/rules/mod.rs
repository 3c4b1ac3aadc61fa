//! Rule-based extractors: time expressions and amounts.

pub mod amount;
mod numbers;
pub mod time;
