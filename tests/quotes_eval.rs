//! Accuracy floors for direct quotes and speakers, slightly under the measured numbers
//! (`cargo run --release --bin gleaner-eval -- quotes`): PolNeAR dev through the product
//! pipeline, and the page dumps in `../shared/dumps/pages`.

use gleaner::eval::quotes::{evaluate, evaluate_pages, same_speaker};

#[test]
fn polnear_dev_floors() {
    let Some(dir) = gleaner::eval::shared_data_dir() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let r = evaluate(&dir.join("polnear/dev")).expect("polnear dev readable");
    gleaner::eval::quotes::print(&r);
    assert_eq!(r.articles, 84);
    assert!(r.exact.f() >= 0.93, "content exact F {:.3}", r.exact.f());
    assert!(r.overlap.f() >= 0.92, "content overlap F {:.3}", r.overlap.f());
    assert!(r.speaker.acc() >= 0.90, "speaker accuracy {:.3}", r.speaker.acc());
    let by = |form: &str| r.speaker_by_source.get(form).map_or(0.0, |a| a.acc());
    assert!(by("nominal") >= 0.74, "nominal speaker accuracy {:.3}", by("nominal"));
    assert!(by("name") >= 0.90, "name speaker accuracy {:.3}", by("name"));
    assert!(by("pronoun") >= 0.93, "pronoun speaker accuracy {:.3}", by("pronoun"));
}

#[test]
fn pages_floors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dumps/pages");
    if !dir.join("gold.json").is_file() {
        println!("SKIPPED: ../shared/dumps/pages missing");
        return;
    }
    let r = evaluate_pages(&dir, false).expect("pages readable");
    gleaner::eval::quotes::print_pages(&r);
    assert_eq!(r.dumps, 60);
    assert!(r.found.acc() >= 0.91, "quotes found {:.3}", r.found.acc());
    assert!(r.speaker.acc() >= 0.85, "speaker right {:.3}", r.speaker.acc());
}

#[test]
fn speaker_matching() {
    assert!(same_speaker("Ana Lopez", "Ana Lopez"));
    assert!(same_speaker("Ana Lopez", "Mayor Ana Lopez"));
    assert!(same_speaker("Ana Lopez", "Lopez"));
    assert!(same_speaker("a police officer", "A police officer"));
    assert!(!same_speaker("Ana Lopez", "Ana"));
    assert!(!same_speaker("Ana Lopez", "she"));
    assert!(!same_speaker("Ana Lopez", "Maria Ruiz"));
    assert!(!same_speaker("a police officer", "officer"));
}
