//! Calendar arithmetic (proleptic Gregorian, days since 1970-01-01), and the resolution of a meaning to a TIMEX3 type, value and offset.

use super::*;

pub(crate) use crate::options::days_in_month;

pub(super) fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - if m <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub(super) fn civil(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + if m <= 2 { 1 } else { 0 }) as i32, m, d)
}

/// ISO weekday, Monday = 1.
pub(super) fn weekday(z: i64) -> u32 {
    ((z + 3).rem_euclid(7) + 1) as u32
}

pub(super) fn iso_week(z: i64) -> (i32, u32) {
    let thu = z - weekday(z) as i64 + 4;
    let (y, _, _) = civil(thu);
    (y, ((thu - days(y, 1, 1)) / 7 + 1) as u32)
}

pub(super) fn fmt_day(z: i64) -> String {
    let (y, m, d) = civil(z);
    format!("{y:04}-{m:02}-{d:02}")
}

pub(super) fn fmt_week(z: i64) -> String {
    let (y, w) = iso_week(z);
    format!("{y:04}-W{w:02}")
}

pub(super) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let t = y as i64 * 12 + (m as i64 - 1) + n;
    (t.div_euclid(12) as i32, (t.rem_euclid(12) + 1) as u32)
}

/// Pick the year for month `m` (day `d`) relative to the reference by tense.
pub(super) fn year_for(r: RefDate, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    let (ry, rm, rd) = r;
    let here = (m, d.unwrap_or(0));
    let now = (rm, if d.is_some() { rd } else { 0 });
    let by_tense = match tense {
        Tense::Past => Some(if here <= now { ry } else { ry - 1 }),
        Tense::Future => Some(if here >= now { ry } else { ry + 1 }),
        Tense::Unknown => None,
    };
    // tense picks the year only within nine months of the reference; further away the
    // nearest occurrence is more likely (`the Jan. 31 deadline`, written in early January)
    match by_tense {
        Some(y) if ((y as i64 * 12 + m as i64) - (ry as i64 * 12 + rm as i64)).abs() <= 9 => y,
        _ => {
            let diff = m as i32 - rm as i32;
            if diff > 6 {
                ry - 1
            } else if diff < -6 {
                ry + 1
            } else {
                ry
            }
        }
    }
}

pub(super) fn offset(unit: Unit, n: i32) -> String {
    let (n, code) = match unit {
        Unit::Day => (n, "D"),
        Unit::Week | Unit::Weekend => (n, "W"),
        Unit::Month => (n, "M"),
        Unit::Quarter => (n * 3, "M"),
        Unit::Year => (n, "Y"),
    };
    format!("{}P{}{code}", if n < 0 { '-' } else { '+' }, n.unsigned_abs())
}

/// The day a date-like meaning denotes, when it denotes one day.
pub(super) fn day_of(sem: &Sem, r: Option<RefDate>, tense: Tense) -> Option<i64> {
    let r = r?;
    let z = days(r.0, r.1, r.2);
    match sem {
        Sem::Rel { unit: Unit::Day, n } => Some(z + *n as i64),
        Sem::Weekday { wd, shift } => {
            let rw = weekday(z) as i64;
            let wd = *wd as i64;
            Some(match shift {
                Some(0) => z - rw + wd,
                Some(s) if *s < 0 => {
                    let back = (rw - wd).rem_euclid(7);
                    z - if back == 0 { 7 } else { back }
                }
                Some(_) => {
                    let fwd = (wd - rw).rem_euclid(7);
                    z + if fwd == 0 { 7 } else { fwd }
                }
                None => match tense {
                    Tense::Future => z + (wd - rw).rem_euclid(7),
                    _ => z - (rw - wd).rem_euclid(7),
                },
            })
        }
        Sem::Date { y, m, d: Some(d) } => {
            let y = y.unwrap_or_else(|| year_for(r, *m, Some(*d), tense));
            (*d <= days_in_month(y, *m)).then(|| days(y, *m, *d))
        }
        _ => None,
    }
}

/// Type, value and offset of a meaning.
pub(super) fn resolve(sem: &Sem, r: Option<RefDate>, tense: Tense) -> (TimeType, Option<String>, Option<String>) {
    use TimeType::*;
    let rz = r.map(|r| days(r.0, r.1, r.2));
    match sem {
        Sem::Date { y, m, d } => {
            let v = match (y, d, r) {
                (Some(y), Some(d), _) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(y), None, _) => format!("{y:04}-{m:02}"),
                (None, Some(_), Some(_)) => day_of(sem, r, tense).map(fmt_day).unwrap_or_else(|| format!("XXXX-{m:02}-{:02}", d.unwrap_or(0))),
                (None, None, Some(r)) => format!("{:04}-{m:02}", year_for(r, *m, None, tense)),
                (None, Some(d), None) => format!("XXXX-{m:02}-{d:02}"),
                (None, None, None) => format!("XXXX-{m:02}"),
            };
            (Date, Some(v), None)
        }
        Sem::Year(y) => (Date, Some(format!("{y:04}")), None),
        Sem::Range(a, b) => (Date, Some(format!("{a:04}/{b:04}")), None),
        Sem::Decade(d) => (Date, Some(format!("{d:03}")), None),
        Sem::Century(c) => (Date, Some(format!("{c:02}")), None),
        Sem::Weekday { wd, .. } => {
            let v = day_of(sem, r, tense).map(fmt_day).unwrap_or_else(|| format!("XXXX-WXX-{wd}"));
            (Date, Some(v), None)
        }
        Sem::Month { m, shift } => {
            let v = match r {
                Some((ry, rm, _)) => {
                    let y = match *shift {
                        0 => ry,
                        s if s < 0 => if *m < rm { ry } else { ry - 1 },
                        _ => if *m > rm { ry } else { ry + 1 },
                    };
                    format!("{y:04}-{m:02}")
                }
                None => format!("XXXX-{m:02}"),
            };
            (Date, Some(v), None)
        }
        Sem::Rel { unit, n } => {
            let off = Some(offset(*unit, *n));
            let v = r.zip(rz).map(|(r, z)| match unit {
                Unit::Day => fmt_day(z + *n as i64),
                Unit::Week => fmt_week(z + 7 * *n as i64),
                Unit::Weekend => format!("{}-WE", fmt_week(z + 7 * *n as i64)),
                Unit::Month => {
                    let (y, m) = add_months(r.0, r.1, *n as i64);
                    format!("{y:04}-{m:02}")
                }
                Unit::Quarter => {
                    let (y, m) = add_months(r.0, r.1, 3 * *n as i64);
                    format!("{y:04}-Q{}", (m - 1) / 3 + 1)
                }
                Unit::Year => format!("{:04}", r.0 as i64 + *n as i64),
            });
            (Date, v, off)
        }
        Sem::Quarter { q, y } => {
            let code = if *q <= 4 { format!("Q{q}") } else { format!("H{}", q - 4) };
            let v = match (y, r) {
                (Some(y), _) => format!("{y:04}-{code}"),
                (None, Some(r)) => format!("{:04}-{code}", r.0),
                (None, None) => format!("XXXX-{code}"),
            };
            (Date, Some(v), None)
        }
        Sem::Season { s, y, shift } => {
            let mid = match *s {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 1,
            };
            let v = match (y, r) {
                (Some(y), _) => format!("{y:04}-{s}"),
                (None, Some(r)) => {
                    let y = match shift {
                        Some(0) => r.0,
                        Some(k) if *k < 0 => if mid < r.1 { r.0 } else { r.0 - 1 },
                        Some(_) => if mid > r.1 { r.0 } else { r.0 + 1 },
                        None => year_for(r, mid, None, tense),
                    };
                    format!("{y:04}-{s}")
                }
                (None, None) => format!("XXXX-{s}"),
            };
            (Date, Some(v), None)
        }
        Sem::Ref(s) => (Date, Some(s.to_string()), None),
        Sem::Holiday { fixed, movable, delta } => {
            let (m, d) = fixed.unwrap_or(if *movable == 0 { (4, 5) } else { (11, 25) });
            let v = match r {
                Some(r) => {
                    let y = year_for(r, m, Some(d), tense);
                    let z = match fixed {
                        Some(_) => days(y, m, d),
                        None if *movable == 0 => easter(y) + delta,
                        None => thanksgiving(y) + delta,
                    };
                    Some(fmt_day(z))
                }
                None => Some(match fixed {
                    Some((m, d)) => format!("XXXX-{m:02}-{d:02}"),
                    None => "XXXX-XX-XX".to_string(),
                }),
            };
            (Date, v, None)
        }
        Sem::Weekend => {
            let v = rz.map(|z| {
                let rw = weekday(z);
                let week = match tense {
                    Tense::Future if rw <= 5 => z,
                    Tense::Future => z + 7,
                    _ if rw >= 6 => z,
                    _ => z - 7,
                };
                format!("{}-WE", fmt_week(week))
            });
            (Date, v.or_else(|| Some("XXXX-WXX-WE".to_string())), None)
        }
        Sem::Duration(v) => (Duration, Some(v.clone()), None),
        Sem::Set(v) => (Set, Some(v.clone()), None),
        Sem::Time { base, h, min, utc } => {
            let (date, off) = match base {
                Some(b) => {
                    let (_, v, off) = resolve(b, r, tense);
                    (day_of(b, r, tense).map(fmt_day).or(v.filter(|v| v.len() == 10)), off)
                }
                None => (rz.map(fmt_day), None),
            };
            let date = date.unwrap_or_else(|| "XXXX-XX-XX".to_string());
            (Time, Some(format!("{date}T{h:02}:{min:02}{}", if *utc { "Z" } else { "" })), off)
        }
        Sem::Part { base, part } => {
            let (_, v, off) = resolve(base, r, tense);
            let date = day_of(base, r, tense).map(fmt_day).or_else(|| v.clone());
            // TimeBank types `Friday night` as a DATE, `this morning` as a TIME
            let kind = if matches!(**base, Sem::Weekday { .. }) { Date } else { Time };
            (kind, date.map(|d| format!("{d}T{part}")), off)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(civil(days(2026, 1, 9)), (2026, 1, 9));
        assert_eq!(weekday(days(2026, 1, 9)), 5);
        assert_eq!(fmt_week(days(2026, 1, 9)), "2026-W02");
        assert_eq!(fmt_week(days(2021, 1, 3)), "2020-W53");
        assert_eq!(add_months(2026, 1, -2), (2025, 11));
        assert_eq!(fmt_day(easter(2026)), "2026-04-05");
        assert_eq!(fmt_day(easter(2024)), "2024-03-31");
        assert_eq!(fmt_day(thanksgiving(2025)), "2025-11-27");
        for z in -800_000..-799_000 {
            assert_eq!(days(civil(z).0, civil(z).1, civil(z).2), z);
        }
    }
}
