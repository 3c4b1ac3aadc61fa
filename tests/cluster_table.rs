//! Table tests for story clusters: one line per case, grouped by behaviour. Headlines are
//! written for these tests in news shapes.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;

/// Clusters as lists of headline indices.
fn groups(headlines: &[&str]) -> Vec<Vec<usize>> {
    let b = helper::build(headlines, None, &[], &[]);
    stages::cluster(&b.text, &b.doc).into_iter().map(|c| c.headlines).collect()
}

macro_rules! c {
    ($name:ident, $heads:expr, $expected:expr) => {
        #[test]
        fn $name() {
            let want: Vec<Vec<usize>> = $expected.iter().map(|g: &&[usize]| g.to_vec()).collect();
            assert_eq!(groups(&$heads), want);
        }
    };
}

const NONE: [&[usize]; 0] = [];

// ---- duplicates and near duplicates
c!(exact_duplicate, ["Floods close Danube bridges", "Farmers protest in Madrid", "Floods close Danube bridges"], [&[0usize, 2][..]]);
c!(near_duplicate_extra_word, ["Arsenal complete move for Okafor", "Arsenal complete move for striker Okafor"], [&[0usize, 1][..]]);

// ---- variants through place normalisation
c!(headline_short_form, ["Navy ships hold drills off S.Africa", "Navy ships hold drills off South Africa"], [&[0usize, 1][..]]);
c!(demonym_matches_country, ["Swiss mourners remember ski resort fire victims", "Switzerland grieves ski resort fire"], [&[0usize, 1][..]]);
c!(us_variants, ["Talks with U.S. on tariffs stall", "Tariffs talks with US stall again"], [&[0usize, 1][..]]);

// ---- paraphrases sharing an entity and an event term
c!(paraphrase_entity_and_event, ["Lisbon declares mourning after tram crash", "Tram crash kills 15 in Lisbon"], [&[0usize, 1][..]]);
c!(three_way, ["Iran protests spread to oil towns despite blackout", "Iranians defy internet blackout as protests grow", "Markets calm in Tokyo", "Internet blackout fails to stop Iran protests"], [&[0usize, 1, 3][..]]);

// ---- what must stay apart
c!(same_country_different_stories, ["Venezuela frees jailed reporters", "Venezuela wins Copa qualifier"], NONE);
c!(shared_common_words_only, ["Man sends threatening messages to MP", "Leader sends message to rivals"], NONE);
c!(one_shared_word, ["Ski star pulls out of Olympics", "Olympic arena ready for Games"], NONE);
c!(two_countries_no_event, ["France and Germany sign rail pact", "France beats Germany in friendly"], NONE);
c!(series_for_different_countries, ["PRESS DIGEST - Iraq - Aug 22", "PRESS DIGEST - Lebanon - Aug 22"], NONE);
c!(two_word_name_only, ["Princess Diana sends message to charity", "Rugby star once linked to Princess Diana divorces"], NONE);
c!(months_are_not_names, ["Japan aluminium shipments surge in July", "German car registrations up in July"], NONE);
c!(country_and_one_word, ["Brazil police arrest wanted man", "Thai police seize heroin"], NONE);
c!(single_headline, ["Floods close Danube bridges"], NONE);

#[test]
fn titles_join_headlines_and_why_is_given() {
    let b = helper::build(&["Lisbon declares mourning after tram crash", "Farmers protest in Madrid"], Some("Tram crash in Lisbon kills 15"), &["Body text."], &[]);
    let c = stages::cluster(&b.text, &b.doc);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].headlines, vec![0]);
    assert_eq!(c[0].articles, vec![0]);
    assert_eq!(c[0].spans.len(), 2);
    assert!(c[0].shared_entities.contains(&"Lisbon".to_string()));
    assert!(c[0].shared_terms.iter().any(|t| t == "tram"));
    assert!(!c[0].label.is_empty());
}

#[test]
fn ten_thousand_headlines_are_fast_and_deterministic() {
    // 10k made-up headlines over a 3k-word vocabulary (a fixed LCG), with 50 duplicates.
    let mut x: u64 = 42;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) as usize
    };
    let vocab: Vec<String> = (0..3000).map(|i| format!("w{i}x{}", ["ta", "ro", "mi", "ke"][i % 4])).collect();
    let mut heads: Vec<String> = (0..10_000).map(|_| (0..6).map(|_| vocab[next() % vocab.len()].clone()).collect::<Vec<_>>().join(" ")).collect();
    for k in 0..50 {
        heads[k * 200 + 1] = heads[k * 200].clone();
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let b = helper::build(&refs, None, &[], &[]);
    let t = std::time::Instant::now();
    let a = stages::cluster(&b.text, &b.doc);
    assert!(t.elapsed().as_secs() < 20, "too slow: {:?}", t.elapsed());
    assert_eq!(a, stages::cluster(&b.text, &b.doc));
    for k in 0..50 {
        assert!(a.iter().any(|c| c.headlines.contains(&(k * 200)) && c.headlines.contains(&(k * 200 + 1))), "duplicate {k} not clustered");
    }
    // the same headline repeated 10k times (every term frequent) still clusters
    let same: Vec<&str> = vec!["Floods close Danube bridges"; 10_000];
    let b = helper::build(&same, None, &[], &[]);
    let c = stages::cluster(&b.text, &b.doc);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].headlines.len(), 10_000);
}
