//! Floors on the TempEval-3 training data (TimeBank + AQUAINT, `tbaq-cleaned`): the rules
//! were designed looking at this data, so these numbers are training-set measurements.
//! Full report: `cargo run --release --bin gleaner-eval -- time`.

#[test]
fn tempeval_floors() {
    let Some(dir) = gleaner::eval::shared_data_dir().map(|d| d.join("tbaq-cleaned")).filter(|d| d.is_dir()) else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let r = gleaner::eval::time::evaluate(&dir).expect("tbaq-cleaned readable");
    println!("{}", gleaner::eval::time::format_report(&r));
    assert_eq!(r.docs, 256);
    let o = &r.overall;
    assert_eq!(o.gold, 1822);
    let floors = [
        ("strict F1", o.strict().2, 0.83),
        ("relaxed F1", o.relaxed().2, 0.90),
        ("type accuracy", o.type_accuracy(), 0.95),
        ("value accuracy", o.value_accuracy(), 0.82),
        ("value F1 (TempEval-3)", o.value_f1(), 0.75),
    ];
    for (name, got, floor) in floors {
        assert!(got >= floor, "{name} {got:.3} fell below the floor {floor}");
    }
}
