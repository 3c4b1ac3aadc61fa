//! The sample dump's people, roles and places with hand-given mentions (independent of the tagger).

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use gleaner::EntityLabel;
use helper::{article_doc, sample};

#[test]
fn sample_people_roles_and_aliases() {
    let Some(text) = sample() else {
        println!("SKIPPED: ../shared/data missing");
        return;
    };
    let mut doc = article_doc(&text);
    stages::resolve(&text, &mut doc);
    let people: Vec<&str> = doc.entities.iter().filter(|e| e.label == EntityLabel::PER).map(|e| e.name.as_str()).collect();
    for e in &doc.entities {
        println!("{} {:?} {:.2} {:?} {:?}", e.name, e.label, e.salience, e.aliases, e.roles.iter().map(|r| (&r.title, &r.organization, &r.country)).collect::<Vec<_>>());
    }
    let mut sorted = people.clone();
    sorted.sort();
    assert_eq!(sorted, ["Kang Yu-jung", "Lee Jae Myung", "Sanae Takaichi", "Shigeru Ishiba", "Xi Jinping", "Yee Kuang Heng", "Yoon Suk Yeol"]);
    assert_eq!(doc.entities[0].name, "Lee Jae Myung");
    let get = |n: &str| doc.entities.iter().find(|e| e.name == n).unwrap();
    let role = |n: &str, t: &str| get(n).roles.iter().find(|r| r.title == t).map(|r| (r.organization.clone(), r.country.clone()));
    assert_eq!(role("Lee Jae Myung", "President"), Some((None, Some("South Korea".into()))));
    assert_eq!(role("Sanae Takaichi", "Prime Minister"), Some((None, None)));
    assert_eq!(role("Xi Jinping", "leader"), Some((None, Some("China".into()))));
    assert!(role("Xi Jinping", "President").is_some());
    assert_eq!(role("Kang Yu-jung", "presidential spokesperson"), Some((None, None)));
    assert_eq!(role("Yee Kuang Heng", "professor"), Some((Some("University of Tokyo".into()), None)));
    assert!(get("Lee Jae Myung").aliases.iter().any(|a| a == "Lee"));
    assert!(get("Lee Jae Myung").aliases.iter().any(|a| a == "President Lee"));
    assert!(get("Xi Jinping").aliases.iter().any(|a| a == "Xi"));
    assert!(get("Yee Kuang Heng").aliases.iter().any(|a| a == "Heng"));
    assert_eq!(get("South Korea").country_code.as_deref(), Some("KR"));
    assert_eq!(get("South Korean").related_country.as_deref(), Some("South Korea"));
    // ROK joins South Korea
    assert!(get("South Korea").aliases.iter().any(|a| a == "ROK"));
}
