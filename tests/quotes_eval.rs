//! Accuracy floors on PolNeAR dev (direct quotes and speakers), slightly under the measured
//! numbers (`cargo run --release --bin gleaner-eval -- quotes`).

#[test]
fn polnear_dev_floors() {
    let Some(dir) = gleaner::eval::shared_data_dir() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let r = gleaner::eval::quotes::evaluate(&dir.join("polnear/dev")).expect("polnear dev readable");
    gleaner::eval::quotes::print(&r);
    assert_eq!(r.articles, 84);
    assert!(r.exact.f() >= 0.91, "content exact F {:.3}", r.exact.f());
    assert!(r.overlap.f() >= 0.91, "content overlap F {:.3}", r.overlap.f());
    assert!(r.speaker.acc() >= 0.77, "speaker accuracy {:.3}", r.speaker.acc());
}
