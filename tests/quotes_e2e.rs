//! End to end on the sample dump through `Gleaner::parse` (structure parser + tagger +
//! resolve + quotes + clusters).

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::EntityLabel;

#[test]
fn sample_end_to_end() {
    let Some(text) = helper::sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let doc = gleaner::Gleaner::new().parse(&text);

    // Nine direct quotes, each with its speaker.
    let got: Vec<(String, Option<String>, Option<String>)> =
        doc.quotes.iter().map(|q| (q.text.chars().take(20).collect(), q.speaker.clone(), q.speaker_name.clone())).collect();
    for g in &got {
        println!("{g:?}");
    }
    let who: Vec<Option<String>> = got.iter().map(|g| g.2.clone()).collect();
    let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Lee's office"), Some("it"), Some("his office"), Some("Lee"), Some("Lee"), Some("presidential spokesperson Kang Yu-jung"), Some("she"), Some("Heng"), Some("he")]
    );
    let with_entities = !doc.entities.is_empty() && doc.quotes.iter().all(|q| q.entity.is_some());
    if with_entities {
        let names: Vec<&str> = who.iter().map(|w| w.as_deref().unwrap_or("")).collect();
        assert_eq!(names, ["Lee Jae Myung", "Lee Jae Myung", "Lee Jae Myung", "Lee Jae Myung", "Lee Jae Myung", "Kang Yu-jung", "Kang Yu-jung", "Yee Kuang Heng", "Yee Kuang Heng"]);
    } else {
        // rules alone (no tagger mentions yet): names as printed
        let names: Vec<&str> = who.iter().map(|w| w.as_deref().unwrap_or("")).collect();
        assert_eq!(names, ["Lee's office", "Lee's office", "Lee's office", "Lee", "Lee", "Kang Yu-jung", "Kang Yu-jung", "Heng", "Heng"]);
    }

    // Headline clusters.
    let text_of = |h: usize| doc.headlines[h].text.as_str();
    let has = |a: &str, b: &str| doc.clusters.iter().any(|c| c.headlines.iter().any(|&h| text_of(h).starts_with(a)) && c.headlines.iter().any(|&h| text_of(h).starts_with(b)));
    assert!(has("Man City win race to sign Semenyo", "Man City win race to sign forward"));
    assert!(has("Russia joins Chinese, Iran warships for drills off South", "Russia joins Chinese, Iran warships for drills off S.Africa"));
    assert!(has("'Devastated' Switzerland grieves New", "Switzerland holds day of mourning"));
    assert!(has("Swiatek wins", "Swiatek romps"));
    assert!(has("Kyiv mayor", "Russian strikes cut heat"));
    assert!(has("Polish farmers", "EU countries override"));
    assert!(!has("Venezuela says", "Families wait"));

    // People (once the tagger finds them).
    let people: Vec<&str> = doc.entities.iter().filter(|e| e.label == EntityLabel::PER).map(|e| e.name.as_str()).collect();
    println!("people: {people:?}");
    if !doc.mentions.is_empty() {
        for p in ["Lee Jae Myung", "Sanae Takaichi", "Xi Jinping", "Shigeru Ishiba", "Yoon Suk Yeol", "Kang Yu-jung", "Yee Kuang Heng"] {
            assert!(people.contains(&p), "{p} missing from {people:?}");
        }
    }
}
