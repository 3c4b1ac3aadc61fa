//! Table tests for the amount rules, one line per case, grouped by behaviour.
//! `a!(input, expected text, KIND, value, currency or unit)`; `no!(input, text)` asserts
//! that `text` is not (part of) an amount. Sentences are written for these tests.

use gleaner::eval::time::{amounts, document_of_lines};
use gleaner::{Amount, AmountKind};

const MONEY: AmountKind = AmountKind::Money;
const PERCENT: AmountKind = AmountKind::Percent;
const QUANTITY: AmountKind = AmountKind::Quantity;

fn run(input: &str) -> Vec<Amount> {
    amounts(input, &document_of_lines(input))
}

fn check(input: &str, text: &str, kind: AmountKind, value: f64, tag: Option<&str>) {
    let got = run(input);
    let Some(a) = got.iter().find(|a| a.text == text) else {
        panic!("{input:?}: no amount {text:?}; found {:?}", got.iter().map(|a| (&a.text, a.value)).collect::<Vec<_>>());
    };
    assert_eq!(a.kind, kind, "{input:?} → {text:?}");
    assert!((a.value - value).abs() <= value.abs() * 1e-9, "{input:?} → {text:?}: value {} ≠ {value}", a.value);
    let have = if kind == MONEY { a.currency.as_deref() } else { a.unit.as_deref() };
    assert_eq!(have, tag, "{input:?} → {text:?}");
    assert_eq!(&input[a.span.start..a.span.end], text);
}

macro_rules! a {
    ($input:expr, $text:expr, $kind:ident, $value:expr, $tag:expr) => {
        check($input, $text, $kind, $value as f64, $tag.into())
    };
}

macro_rules! no {
    ($input:expr, $text:expr) => {{
        let got = run($input);
        assert!(!got.iter().any(|a| a.text.contains($text)), "{:?}: unexpected {:?}", $input, got);
    }};
}

#[test]
fn money_symbol_first() {
    a!("Snooker star signs a record £20 million kit deal", "£20 million", MONEY, 20_000_000, "GBP");
    a!("The firm raised $1.5 million from investors.", "$1.5 million", MONEY, 1_500_000, "USD");
    a!("Brussels approved a €300m aid package.", "€300m", MONEY, 300_000_000, "EUR");
    a!("The bank lent US$5 billion to the utility.", "US$5 billion", MONEY, 5_000_000_000u64, "USD");
    a!("The state will spend Rs 500 crore on roads.", "Rs 500 crore", MONEY, 5_000_000_000u64, "INR");
    a!("Tickets cost ¥3,000 each.", "¥3,000", MONEY, 3000, "JPY");
    a!("The fund holds HK$2.4bn in bonds.", "HK$2.4bn", MONEY, 2_400_000_000u64, "HKD");
    a!("He paid USD 12,500 in fees.", "USD 12,500", MONEY, 12_500, "USD");
    a!("Shares closed at A$4.20.", "A$4.20", MONEY, 4.2, "AUD");
    a!("The deal is worth ₹1,200 crore.", "₹1,200 crore", MONEY, 12_000_000_000u64, "INR");
}

#[test]
fn money_currency_after() {
    a!("The fine was set at 2,000 yuan.", "2,000 yuan", MONEY, 2000, "CNY");
    a!("He spent seventy million dollars on the house.", "seventy million dollars", MONEY, 70_000_000, "USD");
    a!("Sales reached 3 billion Hong Kong dollars.", "3 billion Hong Kong dollars", MONEY, 3_000_000_000u64, "HKD");
    a!("The club paid 65 million euros for him.", "65 million euros", MONEY, 65_000_000, "EUR");
    a!("A loaf costs 500 EUR there.", "500 EUR", MONEY, 500, "EUR");
    a!("The bill came to 40,000 South Korean won.", "40,000 South Korean won", MONEY, 40_000, "KRW");
    a!("Bail was set at 10,000 pounds sterling.", "10,000 pounds sterling", MONEY, 10_000, "GBP");
    a!("The prize is a million dollars.", "a million dollars", MONEY, 1_000_000, "USD");
}

#[test]
fn percentages() {
    a!("Robotics start-up soars 109 percent in Shanghai debut", "109 percent", PERCENT, 109, None::<&str>);
    a!("Exports fell 11% in December.", "11%", PERCENT, 11, None::<&str>);
    a!("Inflation eased to 3.5 per cent.", "3.5 per cent", PERCENT, 3.5, None::<&str>);
    a!("The index lost twelve percent of its value.", "twelve percent", PERCENT, 12, None::<&str>);
    a!("The currency lost twenty six percent.", "twenty six percent", PERCENT, 26, None::<&str>);
    a!("Rates rose by 0.25 percentage points.", "0.25 percentage points", PERCENT, 0.25, "percentage points");
    a!("Output changed by -3% on the month.", "-3%", PERCENT, -3, None::<&str>);
}

#[test]
fn quantities_and_counts() {
    a!("Osaka wins in 58 minutes as Japan reach final", "58 minutes", QUANTITY, 58, "minutes");
    a!("Poachers killed 500 rhinos last year.", "500 rhinos", QUANTITY, 500, "rhinos");
    a!("40 yellow tulips: mourners remember the victims", "40 yellow tulips", QUANTITY, 40, "tulips");
    a!("Recalled Mensah takes Ghana past 10-man Togo", "10-man", QUANTITY, 10, "man");
    a!("Storms left 1.5 million people without power.", "1.5 million people", QUANTITY, 1_500_000, "people");
    a!("The border fence runs 120 km.", "120 km", QUANTITY, 120, "km");
    a!("Beijing will return two pandas.", "two pandas", QUANTITY, 2, "pandas");
}

#[test]
fn not_amounts() {
    no!("Both leaders took office in 2025.", "2025");
    no!("The region's harsh 1910-45 occupation", "45");
    no!("The quake struck at 10:26 GMT.", "10");
    no!("The rally is planned for Jan. 19 in the capital.", "19");
    no!("'Harbour 36' director calls the film a memory", "36");
    no!("COVID-19 cases rose sharply.", "19");
    no!("One of the buyers backed out.", "One");
    no!("He finished 3rd in the race.", "3");
}

#[test]
fn subunits_and_wire_spellings() {
    a!("Shares rose 48 cents to $19.50.", "48 cents", MONEY, 0.48, "USD");
    a!("A stamp now costs 85 pence.", "85 pence", MONEY, 0.85, "GBP");
    a!("The ministry paid 3.2 million dlrs in aid.", "3.2 million dlrs", MONEY, 3_200_000, "USD");
    a!("The bank set aside 633.8 million francs.", "633.8 million francs", MONEY, 633_800_000, "CHF");
    no!("It was a one-time charge.", "one");
    no!("No one gives up easily.", "one");
}

#[test]
fn glued_multipliers() {
    a!("Floods displaced 1.5m people.", "1.5m people", QUANTITY, 1_500_000, "people");
    a!("The club paid 65m euros for him.", "65m euros", MONEY, 65_000_000, "EUR");
    no!("She won the 100m final.", "100");
}

#[test]
fn ranges() {
    let r = |input: &str, text: &str| run(input).into_iter().find(|a| a.text == text).map(|a| (a.value, a.upper));
    assert_eq!(r("The deal is worth $5-6 million.", "$5-6 million"), Some((5e6, Some(6e6))));
    assert_eq!(r("Growth of 10-12% is forecast.", "10-12%"), Some((10.0, Some(12.0))));
    assert_eq!(r("Talks lasted 3-4 days.", "3-4 days"), Some((3.0, Some(4.0))));
    assert_eq!(r("Exports fell 11% in December.", "11%"), Some((11.0, None)));
    no!("Chelsea won 2-1 at home.", "2");
}
