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

    // Quotes in the headline list need a stated speaker and three words.
    let listed: Vec<(&str, Option<&str>)> = doc.quotes.iter().filter(|q| q.article.is_none()).map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    println!("headline quotes: {listed:?}");
    assert!(listed.contains(&("War is back in vogue,", Some("Pope Leo"))), "{listed:?}");
    assert!(listed.iter().all(|(t, _)| t.split_whitespace().count() >= 3), "{listed:?}");
    // Nine direct quotes in the article, each with its speaker.
    let article: Vec<&gleaner::Quote> = doc.quotes.iter().filter(|q| q.article.is_some()).collect();
    let got: Vec<(String, Option<String>, Option<String>)> =
        article.iter().map(|q| (q.text.chars().take(20).collect(), q.speaker.clone(), q.speaker_name.clone())).collect();
    for g in &got {
        println!("{g:?}");
    }
    let who: Vec<Option<String>> = got.iter().map(|g| g.2.clone()).collect();
    let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Lee's office"), Some("it"), Some("his office"), Some("Lee"), Some("Lee"), Some("presidential spokesperson Kang Yu-jung"), Some("she"), Some("Heng"), Some("he")]
    );
    let with_entities = !doc.entities.is_empty() && article.iter().all(|q| q.entity.is_some());
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

    // People, roles, aliases, places.
    let people: Vec<&str> = doc.entities.iter().filter(|e| e.label == EntityLabel::PER).map(|e| e.name.as_str()).collect();
    println!("people: {people:?}");
    for p in ["Lee Jae Myung", "Sanae Takaichi", "Xi Jinping", "Shigeru Ishiba", "Yoon Suk Yeol", "Kang Yu-jung", "Yee Kuang Heng"] {
        assert!(people.contains(&p), "{p} missing from {people:?}");
    }
    assert!(with_entities, "every quote links to its speaker's entity");
    assert_eq!(doc.entities[0].name, "Lee Jae Myung");
    let get = |n: &str| doc.entities.iter().find(|e| e.name == n).unwrap_or_else(|| panic!("no {n}"));
    let role = |n: &str, t: &str| get(n).roles.iter().find(|r| r.title == t).map(|r| (r.organization.clone(), r.country.clone()));
    assert_eq!(role("Lee Jae Myung", "President"), Some((None, Some("South Korea".into()))));
    assert!(role("Sanae Takaichi", "Prime Minister").is_some());
    assert_eq!(role("Xi Jinping", "leader"), Some((None, Some("China".into()))));
    assert!(role("Xi Jinping", "President").is_some());
    assert!(role("Kang Yu-jung", "presidential spokesperson").is_some());
    assert_eq!(role("Yee Kuang Heng", "professor"), Some((Some("University of Tokyo".into()), None)));
    for (name, alias) in [("Lee Jae Myung", "Lee"), ("Sanae Takaichi", "Takaichi"), ("Xi Jinping", "Xi"), ("Yee Kuang Heng", "Heng"), ("Yoon Suk Yeol", "Yoon")] {
        assert!(get(name).aliases.iter().any(|a| a == alias), "{name} lacks alias {alias}");
    }
    assert_eq!(get("South Africa").country_code.as_deref(), Some("ZA"));
    assert!(get("South Africa").aliases.iter().any(|a| a == "S.Africa"));
    assert!(get("South Korea").aliases.iter().any(|a| a == "ROK"));
    assert_eq!(get("Chinese").related_country.as_deref(), Some("China"));
    assert_eq!(get("South Korean").related_country.as_deref(), Some("South Korea"));
}
