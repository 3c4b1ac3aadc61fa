//! NER accuracy floors on CoNLL-2003 dev, and the conlleval-compatible scorer on a toy file.

use gleaner::eval::ner::{evaluate, parse_conll, resources, score_conlleval_text};

/// Floor on CoNLL-2003 dev overall F1 (measured 93.6 when committed; see src/data/MANIFEST).
const DEV_F1_FLOOR: f64 = 93.3;

#[test]
fn conll2003_dev_f1_floor() {
    let Some(dir) = gleaner::eval::shared_data_dir() else {
        eprintln!("SKIPPED: ../shared/data missing");
        return;
    };
    let Ok(text) = std::fs::read_to_string(dir.join("conll2003/dev.txt")) else {
        eprintln!("SKIPPED: ../shared/data missing (conll2003/dev.txt)");
        return;
    };
    let docs = parse_conll(&text, None);
    assert_eq!(docs.len(), 216);
    let res = resources().expect("embedded model loads");
    let rep = evaluate(&docs, res, &|_| true);
    let total = rep.total();
    assert_eq!(total.gold, 5942, "conlleval counts 5,942 entities in dev");
    let (p, r, f) = rep.overall();
    eprintln!("{}", rep.to_conlleval());
    assert!(f >= DEV_F1_FLOOR, "dev F1 {f:.2} (P {p:.2} R {r:.2}) fell below the floor {DEV_F1_FLOOR}");
    for (ty, floor) in [("PER", 94.0), ("LOC", 94.5), ("ORG", 88.5), ("MISC", 88.0)] {
        let f = rep.of(ty).2;
        assert!(f >= floor, "{ty} F1 {f:.2} below {floor}");
    }
}

// A toy file in conlleval's input format (token, gold, guess). Hand count:
//
// sentence 1 (IOB2): gold PER[John Smith] LOC[New York]; guess PER[John Smith] LOC[New]
// sentence 2 (IOB2): gold ORG[EU] ORG[UN]; guess LOC[EU] ORG[UN] MISC[met]
// sentence 3 (IOB1): gold PER[Peter Blackburn] LOC[Paris] LOC[Rome] (B- after I- of the same
//                    type starts a new chunk); guess PER[Peter Blackburn] LOC[Paris Rome]
//
// gold 7 (PER 2, LOC 3, ORG 2); found 7 (PER 2, LOC 3, ORG 1, MISC 1);
// correct 3 (PER 2: both John Smith and Peter Blackburn; ORG 1: UN).
// overall P = 3/7 = 42.86 %, R = 3/7 = 42.86 %, F = 42.86
// PER 2/2, 2/2 -> 100/100/100; LOC 0/3, 0/3 -> 0; ORG 1/1, 1/2 -> 100/50/66.67; MISC 0/1 -> 0.
// tokens: 1 (-DOCSTART-, counted by conlleval) + 7 + 5 + 6 = 19; tags equal on
// 1 + 6 (not York) + 3 (not EU, met) + 5 (not Rome: B-LOC vs I-LOC) = 15 -> accuracy 78.95 %.
const TOY: &str = "-DOCSTART- -X- O O

John B-PER B-PER
Smith I-PER I-PER
lives O O
in O O
New B-LOC B-LOC
York I-LOC O
. O O

The O O
EU B-ORG B-LOC
and O O
UN B-ORG B-ORG
met O B-MISC

Peter I-PER I-PER
Blackburn I-PER I-PER
met O O
Paris I-LOC I-LOC
Rome B-LOC I-LOC
. O O
";

#[test]
fn conlleval_toy_file() {
    let rep = score_conlleval_text(TOY);
    let expected = "\
processed 19 tokens with 7 phrases; found: 7 phrases; correct: 3.
accuracy:  78.95%; precision:  42.86%; recall:  42.86%; FB1:  42.86
              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  3
             MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
              ORG: precision: 100.00%; recall:  50.00%; FB1:  66.67  1
              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2
";
    assert_eq!(rep.to_conlleval(), expected);
}

#[test]
fn reads_all_three_layouts() {
    let conll = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\n";
    let d = parse_conll(conll, None);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].sents[0][0], ("EU".to_string(), "I-ORG".to_string()));
    let clean = "-DOCSTART-\t-X-\tO\tO\tO\n\nCRICKET\tNNP\tO\tO\tO\nLEICESTERSHIRE\tNNP\tB-L\tB-ORG\tB-ORG\n";
    assert_eq!(parse_conll(clean, None)[0].sents[0][1].1, "B-ORG");
    let uner = "# newdoc id = a\n# sent_id = a-1\n# text = in tampa bay\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\ts\n3\tbay\tI-LOC\t-\ts\n\n# newdoc id = b\n# sent_id = b-1\n1\tHi\tO\t-\t-\n";
    let u = parse_conll(uner, None);
    assert_eq!(u.len(), 2);
    assert_eq!(u[0].sents[0][1], ("tampa".to_string(), "B-LOC".to_string()));
}

#[test]
fn errors_lists_false_positives_and_negatives() {
    // gold calls Paris an organisation on purpose: the tagger's LOC is then one FP and one FN
    let docs = parse_conll("-DOCSTART- O\n\nAngela B-PER\nMerkel I-PER\nvisited O\nParis B-ORG\nin O\nMay O\n. O\n", None);
    let preds: Vec<_> = docs.iter().map(|d| gleaner::eval::ner::predict_doc(d, resources().expect("model"), &|_| true)).collect();
    let out = gleaner::eval::ner::errors(&docs, &preds);
    assert!(out.contains("FP LOC «Paris» [gold: ORG «Paris»] | Angela Merkel visited Paris in May ."), "{out}");
    assert!(out.contains("FN ORG «Paris» [guess: LOC «Paris»]"), "{out}");
    assert!(!out.contains("Merkel»"), "a correct chunk is not an error: {out}");
}

/// Floors on every dev set of `gleaner-eval ner --all` (overall F1 on the types each set
/// annotates; measured 93.6, 87.8, 69.0, 30.8, 41.9, 55.6 when committed; UNER 70.0 when its floor was last raised). Dev sets:
/// regressions fail here; the numbers are never tuned on.
const SUITE_FLOORS: [(&str, f64); 6] = [
    ("CoNLL-2003 dev", 93.3),
    ("CleanCoNLL dev", 87.5),
    ("UNER EWT dev", 69.8),
    ("BTC dev", 30.0),
    ("WNUT-17 dev", 40.5),
    ("GUM dev", 57.0),
];

#[test]
fn every_dev_set_above_its_floor() {
    let Some(dir) = gleaner::eval::shared_data_dir() else {
        eprintln!("SKIPPED: ../shared/data missing");
        return;
    };
    let res = resources().expect("embedded model loads");
    let rows = gleaner::eval::ner::dev_suite(&dir, res);
    eprintln!("{}", gleaner::eval::ner::suite_table(&rows, None));
    for (row, (name, floor)) in rows.iter().zip(SUITE_FLOORS) {
        let Ok(row) = row else {
            eprintln!("SKIPPED: {name}: {}", row.as_ref().unwrap_err());
            continue;
        };
        assert_eq!(row.name, name);
        let f = row.report.overall().2;
        assert!(f >= floor, "{name}: F1 {f:.2} fell below the floor {floor}");
    }
}

/// Key-entity recall floors on `../shared/dumps/pages` (percent of gold entities found as
/// a mention or entity with their text, whitespace squashed, and type, per type; measured
/// PER 87.0, ORG 61.9, LOC 89.2, MISC 55.7 when first committed; PER 93.1, ORG 80.2,
/// LOC 92.8, MISC 72.7 when last raised; LOC 93.2 later).
const PAGES_FLOORS: [(&str, f64); 4] = [("PER", 92.5), ("ORG", 79.5), ("LOC", 93.0), ("MISC", 71.5)];

#[test]
fn pages_key_entity_recall_floors() {
    let Some(dir) = gleaner::eval::structure::dumps_dir().map(|d| d.join("pages")).filter(|d| d.join("gold.json").is_file()) else {
        eprintln!("SKIPPED: ../shared/dumps/pages missing");
        return;
    };
    let rec = gleaner::eval::ner::pages_recall(&dir).expect("pages read");
    for (ty, floor) in PAGES_FLOORS {
        let (found, gold) = rec.per_type.get(ty).copied().unwrap_or((0, 0));
        assert!(gold > 0, "{ty}: no gold entities");
        let pct = 100.0 * found as f64 / gold as f64;
        eprintln!("pages {ty}: {found}/{gold} = {pct:.1}%");
        assert!(pct >= floor, "pages {ty} key-entity recall {pct:.1}% fell below the floor {floor}%");
    }
}

#[test]
fn set_readers_map_labels() {
    use gleaner::eval::ner::{parse_set, SetFormat};
    // BTC: the '@' tagged with its user name is dropped; every tweet is its own document
    let btc = parse_set("RT\tO\n@\tB-ORG\nAcmeNews\tB-ORG\n:\tO\n\nHi\tO\n\tO\nOslo\tB-LOC\n", SetFormat::Btc);
    assert_eq!(btc.len(), 2);
    assert_eq!(btc[0].sents[0].iter().map(|(w, t)| format!("{w}/{t}")).collect::<Vec<_>>(), ["RT/O", "AcmeNews/B-ORG", ":/O"]);
    assert_eq!(btc[1].sents[0].len(), 2, "the empty token is skipped");
    // WNUT-17: group and corporation are ORG, creative-work is MISC; a TAB-only line ends a post
    let w = parse_set("the\tO\nZorblatt\tB-group\nplayed\tO\nSky\tB-creative-work\nSong\tI-creative-work\n\t\nok\tO\n", SetFormat::Wnut);
    assert_eq!(w.len(), 2);
    let tags: Vec<&str> = w[0].sents[0].iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(tags, ["O", "B-ORG", "O", "B-MISC", "I-MISC"]);
    // GUM: `_nom` and time are O, abstract is MISC, `# newdoc` starts a document
    let g = parse_set(
        "# newdoc id = a\n# text = x\nThe\tB-person_nom\t_\nMonday\tB-time\t_\nFrobnitz\tB-abstract\t_\nLaw\tI-abstract\t_\n\n# newdoc id = b\nKarla\tB-person\tK\n",
        SetFormat::Gum,
    );
    assert_eq!(g.len(), 2);
    let tags: Vec<&str> = g[0].sents[0].iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(tags, ["O", "O", "B-MISC", "I-MISC"]);
    assert_eq!(g[1].sents[0][0].1, "B-PER");
}
