//! Rule-based extractors: time expressions and amounts.

pub mod amount;
mod currency_table;
mod numbers;
pub mod time;
