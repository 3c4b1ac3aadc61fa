//! The sample dump's quotes with hand-given mentions (independent of the parser and tagger),
//! and end to end through `Gleaner::parse` once the tagger finds people.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use helper::{article_doc, sample};

#[test]
fn sample_quotes_with_hand_mentions() {
    let Some(text) = sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let mut doc = article_doc(&text);
    stages::resolve(&text, &mut doc);
    let quotes = stages::quotes(&text, &doc);
    let got: Vec<(String, Option<String>)> = quotes.iter().map(|q| (q.text.chars().take(24).collect(), q.speaker_name.clone())).collect();
    for g in &got {
        println!("{g:?}");
    }
    let expected = [
        ("regional and global issu", "Lee Jae Myung"),
        ("strengthen practical coo", "Lee Jae Myung"),
        ("The visit is expected to", "Lee Jae Myung"),
        ("neighbours sharing a fro", "Lee Jae Myung"),
        ("relations with Japan are", "Lee Jae Myung"),
        ("There was a prevailing t", "Kang Yu-jung"),
        ("President Lee, in fact, ", "Kang Yu-jung"),
        ("However, the two leaders", "Yee Kuang Heng"),
        ("Takaichi will be wary of", "Yee Kuang Heng"),
    ];
    let exp: Vec<(String, Option<String>)> = expected.iter().map(|(a, b)| (a.to_string(), Some(b.to_string()))).collect();
    assert_eq!(got, exp);
    // the split sentence is one quote with two parts
    assert_eq!(quotes[2].parts.len(), 2);
    // every speaker links to its entity
    for q in &quotes {
        let e = q.entity.expect("entity");
        assert_eq!(Some(&doc.entities[e].name), q.speaker_name.as_ref());
    }
    // pronoun speakers are kept as printed
    assert_eq!(quotes[6].speaker.as_deref(), Some("she"));
    assert_eq!(quotes[1].speaker.as_deref(), Some("it"));
}
