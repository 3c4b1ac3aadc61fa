//! Table tests for the time-expression rules, one line per case, grouped by behaviour.
//! `t!(input, ref "YYYY-MM-DD" | noref, expected text, TYPE, expected value)`;
//! `no!(input, text)` asserts that `text` is not (part of) a time expression.
//! All sentences are written for these tests in the shapes news copy takes.

use gleaner::eval::time::{document_of_lines, times};
use gleaner::{TimeExpr, TimeType};

const DATE: TimeType = TimeType::Date;
const TIME: TimeType = TimeType::Time;
const DURATION: TimeType = TimeType::Duration;
const SET: TimeType = TimeType::Set;

fn run(input: &str, reference: Option<&str>) -> Vec<TimeExpr> {
    let r = reference.map(|r| {
        let p: Vec<u32> = r.split('-').map(|x| x.parse().unwrap()).collect();
        (p[0] as i32, p[1], p[2])
    });
    times(input, &document_of_lines(input), r)
}

fn check(input: &str, reference: Option<&str>, text: &str, kind: TimeType, value: Option<&str>) {
    let got = run(input, reference);
    let Some(t) = got.iter().find(|t| t.text == text) else {
        panic!("{input:?}: no time expression {text:?}; found {:?}", got.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>());
    };
    assert_eq!((t.kind, t.value.as_deref()), (kind, value), "{input:?} → {text:?}");
    assert_eq!(&input[t.span.start..t.span.end], text);
}

macro_rules! t {
    ($input:expr, ref $r:expr, $text:expr, $kind:ident, $value:expr) => {
        check($input, Some($r), $text, $kind, Some($value))
    };
    ($input:expr, noref, $text:expr, $kind:ident, $value:expr) => {
        check($input, None, $text, $kind, $value)
    };
}

macro_rules! no {
    ($input:expr, $text:expr) => {{
        let got = run($input, Some("2026-01-09"));
        assert!(!got.iter().any(|t| t.text.contains($text)), "{:?}: unexpected {:?}", $input, got);
    }};
}

#[test]
fn weekdays_by_tense() {
    // reference 2026-01-09 is a Friday
    t!("The president will hold talks in Nara on Tuesday, his office said.", ref "2026-01-09", "Tuesday", DATE, "2026-01-13");
    t!("On Wednesday, the minister told reporters the plan had failed.", ref "2026-01-09", "Wednesday", DATE, "2026-01-07");
    t!("The agency said Friday that exports fell.", ref "2026-01-09", "Friday", DATE, "2026-01-09");
    t!("Ministers are expected to meet on Monday.", ref "2026-01-09", "Monday", DATE, "2026-01-12");
    t!("Police arrested two men on Sunday.", ref "2026-01-09", "Sunday", DATE, "2026-01-04");
    t!("Talks resume on Thursday.", ref "2026-01-09", "Thursday", DATE, "2026-01-08");
    t!("The summit will be held on Saturday in Geneva.", ref "2026-01-09", "Saturday", DATE, "2026-01-10");
    t!("The ceasefire collapsed last Friday.", ref "2026-01-09", "last Friday", DATE, "2026-01-02");
    t!("The vote is due next Tuesday.", ref "2026-01-09", "next Tuesday", DATE, "2026-01-13");
    t!("Rescuers worked through Friday night to reach them.", ref "2026-01-09", "Friday night", DATE, "2026-01-09TNI");
    t!("Talks ran late into the weekend.", ref "2026-01-09", "the weekend", DATE, "2026-W01-WE");
    t!("The court ruled on Tuesday.", noref, "Tuesday", DATE, Some("XXXX-WXX-2"));
}

#[test]
fn tense_carries_over_sentences() {
    t!("The leader will travel to Japan next week. The visit to Nara on Tuesday and Wednesday follows drills.", ref "2026-01-09", "Wednesday", DATE, "2026-01-14");
    t!("The leader met investors. On Tuesday he spoke in Busan.", ref "2026-01-09", "Tuesday", DATE, "2026-01-06");
}

#[test]
fn months() {
    t!("The two leaders last met in October on the sidelines of a summit.", ref "2026-01-09", "October", DATE, "2025-10");
    t!("The row was triggered by her remarks in November.", ref "2026-01-09", "November", DATE, "2025-11");
    t!("Elections will be held in March.", ref "2026-01-09", "March", DATE, "2026-03");
    t!("This is his second visit since last August.", ref "2026-01-09", "last August", DATE, "2025-08");
    t!("The contract runs out next June.", ref "2026-01-09", "next June", DATE, "2026-06");
    t!("Prices rose in December 2024 after the decision.", ref "2026-01-09", "December 2024", DATE, "2024-12");
    t!("Production peaked in late November.", ref "2026-01-09", "late November", DATE, "2025-11");
    t!("The plant reopened in mid-September.", ref "2026-01-09", "mid-September", DATE, "2025-09");
    t!("Shares fell in October.", noref, "October", DATE, Some("XXXX-10"));
}

#[test]
fn calendar_dates() {
    t!("The rally is planned for Jan. 19 in the capital.", ref "2026-01-09", "Jan. 19", DATE, "2026-01-19");
    t!("The law took effect on 9 January 2026.", ref "2026-01-09", "9 January 2026", DATE, "2026-01-09");
    t!("The filing is dated 2026-01-09.", ref "2026-01-09", "2026-01-09", DATE, "2026-01-09");
    t!("He was born on March 5, 1946, in Ohio.", ref "2026-01-09", "March 5, 1946", DATE, "1946-03-05");
    t!("The strike began on Monday, Oct. 26, 1998.", ref "2026-01-09", "Monday, Oct. 26, 1998", DATE, "1998-10-26");
    t!("Applications close on Jan. 9.", noref, "Jan. 9", DATE, Some("XXXX-01-09"));
    t!("Rates were cut on Dec. 15.", ref "2026-01-09", "Dec. 15", DATE, "2025-12-15");
}

#[test]
fn years_decades_ranges() {
    t!("Both took office in 2025.", ref "2026-01-09", "2025", DATE, "2025");
    t!("Hiring missed forecasts, capping a weak 2025.", ref "2026-01-09", "2025", DATE, "2025");
    t!("The region's harsh 1910-45 occupation of the coast", ref "2026-01-09", "1910-45", DATE, "1910/1945");
    t!("the 1998-2000 financial crisis", ref "2026-01-09", "1998-2000", DATE, "1998/2000");
    t!("Inflation was high in the 1990s.", ref "2026-01-09", "the 1990s", DATE, "199");
    t!("a style popular in the early 1960s", ref "2026-01-09", "the early 1960s", DATE, "196");
    t!("Profit rose in fiscal 1989.", ref "2026-01-09", "fiscal 1989", DATE, "1989");
    t!("the bloodiest war of the 20th century", ref "2026-01-09", "the 20th century", DATE, "19");
    t!("Prices will fall by the end of 2026.", ref "2026-01-09", "the end of 2026", DATE, "2026");
    t!("The plant will close by the end of the year.", ref "2026-01-09", "the end of the year", DATE, "2026");
}

#[test]
fn deictic() {
    t!("The leader will travel to Japan next week for talks.", ref "2026-01-09", "next week", DATE, "2026-W03");
    t!("He met the president this week in Beijing.", ref "2026-01-09", "this week", DATE, "2026-W02");
    t!("Sales fell last week.", ref "2026-01-09", "last week", DATE, "2026-W01");
    t!("The index closed higher yesterday.", ref "2026-01-09", "yesterday", DATE, "2026-01-08");
    t!("The verdict is expected tomorrow.", ref "2026-01-09", "tomorrow", DATE, "2026-01-10");
    t!("Unemployment rose last month.", ref "2026-01-09", "last month", DATE, "2025-12");
    t!("Growth will slow next year.", ref "2026-01-09", "next year", DATE, "2027");
    t!("Output fell earlier this year.", ref "2026-01-09", "earlier this year", DATE, "2026");
    t!("The bank raised rates two years ago.", ref "2026-01-09", "two years ago", DATE, "2024");
    t!("The bridge collapsed three days ago.", ref "2026-01-09", "three days ago", DATE, "2026-01-06");
    t!("Ministers meet this morning.", ref "2026-01-09", "this morning", TIME, "2026-01-09TMO");
    t!("Third-quarter profit rose 5%.", ref "2026-01-09", "Third-quarter", DATE, "2026-Q3");
    t!("Profit doubled in the first quarter of 2025.", ref "2026-01-09", "the first quarter of 2025", DATE, "2025-Q1");
    t!("Crops failed last summer.", ref "2026-01-09", "last summer", DATE, "2025-SU");
}

#[test]
fn deictic_without_reference_keep_an_offset() {
    let got = run("The leader will travel to Japan next week.", None);
    let t = got.iter().find(|t| t.text == "next week").unwrap();
    assert_eq!((t.value.as_deref(), t.offset.as_deref()), (None, Some("+P1W")));
    let got = run("The index fell yesterday.", None);
    assert_eq!(got[0].offset.as_deref(), Some("-P1D"));
    assert_eq!(got[0].value, None);
}

#[test]
fn present_past_future_refs() {
    t!("The talks are now in their third week.", ref "2026-01-09", "now", DATE, "PRESENT_REF");
    t!("He recently met the envoy.", ref "2026-01-09", "recently", DATE, "PAST_REF");
    t!("Rates could rise in the future.", ref "2026-01-09", "the future", DATE, "FUTURE_REF");
    t!("More details will emerge in the coming days.", ref "2026-01-09", "the coming days", DATE, "FUTURE_REF");
    t!("Prices have soared in recent years.", ref "2026-01-09", "recent years", DATE, "PAST_REF");
}

#[test]
fn durations() {
    t!("It was the first visit by a South Korean leader in six years.", ref "2026-01-09", "six years", DURATION, "P6Y");
    t!("They sent the pandas home one month early.", ref "2026-01-09", "one month", DURATION, "P1M");
    t!("She won in 58 minutes.", ref "2026-01-09", "58 minutes", DURATION, "PT58M");
    t!("The trip came less than a week after the drills.", ref "2026-01-09", "less than a week", DURATION, "P1W");
    // TimeML spans leave out `over`, `within`, `about` and the `the` of bare plurals
    t!("Both countries have suffered over the years.", ref "2026-01-09", "years", DURATION, "PXY");
    t!("He spoke days after the meeting.", ref "2026-01-09", "days", DURATION, "PXD");
    t!("a two-year contract", ref "2026-01-09", "two-year", DURATION, "P2Y");
    t!("The ship was held for 16 hours.", ref "2026-01-09", "16 hours", DURATION, "PT16H");
    t!("Sales rose in the past two months.", ref "2026-01-09", "the past two months", DURATION, "P2M");
    t!("Revenue for the first nine months rose.", ref "2026-01-09", "the first nine months", DURATION, "P9M");
    t!("The feud has lasted four decades.", ref "2026-01-09", "four decades", DURATION, "P40Y");
    t!("The blackout lasted twenty four hours.", ref "2026-01-09", "twenty four hours", DURATION, "PT24H");
    t!("The siege lasted several weeks.", ref "2026-01-09", "several weeks", DURATION, "PXW");
}

#[test]
fn clock_times() {
    t!("The quake struck at 10:26 GMT.", ref "2026-01-09", "10:26 GMT", TIME, "2026-01-09T10:26Z");
    t!("Polls close at 8 p.m. local time.", ref "2026-01-09", "8 p.m. local time", TIME, "2026-01-09T20:00");
    t!("The raid began at 4 a.m. Thursday.", ref "2026-01-09", "4 a.m. Thursday", TIME, "2026-01-08T04:00");
    t!("Trading halted at noon.", ref "2026-01-09", "noon", TIME, "2026-01-09T12:00");
    t!("The blast occurred at 10:35 a.m. (0735 GMT).", ref "2026-01-09", "0735 GMT", TIME, "2026-01-09T07:35Z");
    t!("Polls opened at 7.30am.", ref "2026-01-09", "7.30am", TIME, "2026-01-09T07:30");
    no!("The index closed at 2030.5 points.", "2030");
}

#[test]
fn sets() {
    t!("The paper is published daily.", ref "2026-01-09", "daily", SET, "P1D");
    t!("The council meets every week.", ref "2026-01-09", "every week", SET, "P1W");
    t!("Markets close every Friday at noon.", ref "2026-01-09", "every Friday", SET, "XXXX-WXX-5");
}

#[test]
fn not_times() {
    no!("Snooker star signs a record £20 million kit deal", "20");
    no!("Recalled Mensah takes Ghana past 10-man Togo", "10");
    no!("'Harbour 36' director calls the film a memory", "36");
    no!("A crowd of 2000 people gathered.", "2000");
    no!("Prices rose 109 percent in Hong Kong.", "109");
    no!("She may attend the meeting.", "may");
    no!("Theresa May spoke to reporters.", "May");
    no!("August Strindberg wrote plays.", "August");
    no!("It was a second attempt.", "second");
    no!("COVID-19 cases rose.", "19");
}

#[test]
fn headlines_read_to_plus_verb_as_future() {
    for (text, want) in [("Kenya president to visit Ghana on Tuesday", "2026-01-13"), ("President visited Ghana on Tuesday", "2026-01-06")] {
        let mut doc = gleaner::Document::empty(text);
        doc.headlines.push(gleaner::Headline {
            text: text.into(),
            span: gleaner::Span::new(0, text.len()),
            time: None,
            teaser: None,
            list: 0,
            role: gleaner::ListRole::Main,
        });
        let t = times(text, &doc, Some((2026, 1, 9)));
        assert_eq!(t.iter().map(|t| t.value.as_deref()).collect::<Vec<_>>(), [Some(want)], "{text}");
    }
}

#[test]
fn holidays() {
    t!("Switzerland grieves New Year fire victims", ref "2026-01-09", "New Year", DATE, "2026-01-01");
    t!("The bar was packed on New Year's Eve.", ref "2026-01-09", "New Year's Eve", DATE, "2025-12-31");
    t!("Shops will close on Christmas Day.", ref "2026-03-09", "Christmas Day", DATE, "2026-12-25");
    t!("The ceasefire collapsed over Easter.", ref "2026-05-09", "Easter", DATE, "2026-04-05");
    t!("Travel peaked before Thanksgiving.", ref "2025-12-01", "Thanksgiving", DATE, "2025-11-27");
    no!("Crowds marked the Lunar New Year.", "New Year");
}

#[test]
fn halves_and_long_compounds() {
    t!("They lived in camps for 2 1/2 years.", ref "2026-01-09", "2 1/2 years", DURATION, "P2Y6M");
    t!("She spent 5 1/2 hours in Nairobi.", ref "2026-01-09", "5 1/2 hours", DURATION, "PT5H30M");
    t!("a decades-long dispute", ref "2026-01-09", "decades-long", DURATION, "PXY");
    t!("the day-long strike", ref "2026-01-09", "day-long", DURATION, "P1D");
    t!("the eight-year war", ref "2026-01-09", "eight-year", DURATION, "P8Y");
}
