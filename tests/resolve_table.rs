//! Table tests for entity resolution: one line per case, grouped by behaviour.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::{Document, Entity, EntityLabel};
use helper::build;

fn resolved(headlines: &[&str], paras: &[&str], pairs: &[(&str, &str)]) -> Document {
    let mut b = build(headlines, None, paras, pairs);
    gleaner::eval::quotes::stages::resolve(&b.text, &mut b.doc);
    b.doc
}

fn entity<'d>(doc: &'d Document, name: &str) -> &'d Entity {
    doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name:?} in {:?}", doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()))
}

/// The canonical entity name of each mention with text `m` (in text order).
fn names_of(doc: &Document, m: &str) -> Vec<String> {
    doc.mentions.iter().filter(|x| x.text == m).map(|x| doc.entities[x.entity.unwrap()].name.clone()).collect()
}

macro_rules! joins {
    ($name:ident, $paras:expr, $pairs:expr, $mention:expr, $expected:expr) => {
        #[test]
        fn $name() {
            let doc = resolved(&[], &$paras, &$pairs);
            let got = names_of(&doc, $mention);
            assert!(!got.is_empty(), "mention {:?} not found", $mention);
            assert!(got.iter().all(|n| n == $expected), "{:?} -> {:?}", $mention, got);
        }
    };
}

// ---- aliases: surname and title+surname join the full name in the same article
joins!(surname_last, ["Sanae Takaichi met voters. Takaichi smiled."], [("Sanae Takaichi", "PER"), ("Takaichi", "PER")], "Takaichi", "Sanae Takaichi");
joins!(surname_first_asian_order, ["Lee Jae Myung arrived. Later Lee spoke."], [("Lee Jae Myung", "PER"), ("Lee", "PER")], "Lee", "Lee Jae Myung");
joins!(title_plus_surname, ["Xi Jinping hosted talks. President Xi smiled."], [("Xi Jinping", "PER"), ("President Xi", "PER")], "President Xi", "Xi Jinping");
joins!(possessive_surname, ["Sanae Takaichi won. Takaichi's rivals lost."], [("Sanae Takaichi", "PER"), ("Takaichi's", "PER")], "Takaichi's", "Sanae Takaichi");
joins!(three_word_name_last_token, ["Yee Kuang Heng teaches. Heng said so."], [("Yee Kuang Heng", "PER"), ("Heng", "PER")], "Heng", "Yee Kuang Heng");
joins!(two_of_three_words, ["Yee Kuang Heng teaches. Kuang Heng said so."], [("Yee Kuang Heng", "PER"), ("Kuang Heng", "PER")], "Kuang Heng", "Yee Kuang Heng");
joins!(surname_before_full_name, ["Ishiba left. Shigeru Ishiba was premier."], [("Shigeru Ishiba", "PER"), ("Ishiba", "PER")], "Ishiba", "Shigeru Ishiba");
joins!(mistyped_surname_joins_person, ["Sanae Takaichi spoke. Takaichi smiled."], [("Sanae Takaichi", "PER"), ("Takaichi", "LOC")], "Takaichi", "Sanae Takaichi");

// ---- ambiguity: two people sharing a surname are never merged without evidence
joins!(shared_surname_stays_apart, ["Lee Jae Myung and Lee Hae-chan met. Lee left early."], [("Lee Jae Myung", "PER"), ("Lee Hae-chan", "PER"), ("Lee", "PER")], "Lee", "Lee");
joins!(gendered_title_rules_out_full_name, ["Hillary Clinton spoke. Mr Clinton watched."], [("Hillary Clinton", "PER"), ("Mr Clinton", "PER")], "Mr Clinton", "Clinton");
joins!(gendered_title_matches_full_name, ["Hillary Clinton spoke. Mrs Clinton smiled."], [("Hillary Clinton", "PER"), ("Mrs Clinton", "PER")], "Mrs Clinton", "Hillary Clinton");
joins!(different_full_names_apart, ["Hillary Clinton and Chelsea Clinton came."], [("Hillary Clinton", "PER"), ("Chelsea Clinton", "PER")], "Chelsea Clinton", "Chelsea Clinton");

// ---- places: countries normalised with ISO codes
joins!(headline_short_form_s_africa, ["Drills off S.Africa began."], [("S.Africa", "LOC")], "S.Africa", "South Africa");
joins!(rok, ["Both ROK and Japan object."], [("ROK", "ORG")], "ROK", "South Korea");
joins!(us_dotted, ["Talks with the U.S. resumed."], [("U.S.", "LOC")], "U.S.", "United States");
joins!(us_caps, ["Talks with US negotiators."], [("US", "LOC")], "US", "United States");
joins!(britain, ["Britain voted."], [("Britain", "LOC")], "Britain", "United Kingdom");
joins!(uk, ["The UK voted."], [("UK", "LOC")], "UK", "United Kingdom");
joins!(country_possessive, ["South Korea's leader flew."], [("South Korea's", "LOC")], "South Korea's", "South Korea");

// ---- organisations: acronyms join the one name they spell
joins!(acronym_joins_full_name, ["The European Union agreed. The EU will act."], [("European Union", "ORG"), ("EU", "ORG")], "EU", "European Union");
joins!(acronym_first_and_more_often, ["The EU met. The EU and the European Union agreed."], [("European Union", "ORG"), ("EU", "ORG")], "EU", "European Union");
joins!(acronym_with_of, ["The International Olympic Committee met. The IOC said no."], [("International Olympic Committee", "ORG"), ("IOC", "ORG")], "IOC", "International Olympic Committee");
joins!(acronym_without_full_name_stays, ["The IOC said no."], [("IOC", "ORG")], "IOC", "IOC");

macro_rules! place {
    ($name:ident, $para:expr, $pairs:expr, $entity:expr, $label:expr, $code:expr, $related:expr) => {
        #[test]
        fn $name() {
            let doc = resolved(&[], &[$para], &$pairs);
            let e = entity(&doc, $entity);
            assert_eq!((e.label, e.country_code.as_deref(), e.related_country.as_deref()), ($label, $code, $related));
        }
    };
}

place!(country_code_za, "Ships sailed off S.Africa and South Africa.", [("S.Africa", "LOC"), ("South Africa", "LOC")], "South Africa", EntityLabel::LOC, Some("ZA"), None);
place!(demonym_is_related_not_merged, "Chinese ships near China.", [("Chinese", "MISC"), ("China", "LOC")], "Chinese", EntityLabel::MISC, Some("CN"), Some("China"));
place!(demonym_two_words, "A South Korean city.", [("South Korean", "MISC")], "South Korean", EntityLabel::MISC, Some("KR"), Some("South Korea"));
place!(demonym_swiss, "Swiss mourners gathered.", [("Swiss", "MISC")], "Swiss", EntityLabel::MISC, Some("CH"), Some("Switzerland"));
place!(city_has_no_code, "Talks in Nara.", [("Nara", "LOC")], "Nara", EntityLabel::LOC, None, None);

// ---- roles and affiliations
macro_rules! role {
    ($name:ident, $para:expr, $pairs:expr, $entity:expr, $title:expr, $org:expr, $country:expr) => {
        #[test]
        fn $name() {
            let doc = resolved(&[], &[$para], &$pairs);
            let e = entity(&doc, $entity);
            let r = e.roles.iter().find(|r| r.title == $title).unwrap_or_else(|| panic!("roles {:?}", e.roles));
            assert_eq!((r.organization.as_deref(), r.country.as_deref()), ($org, $country));
        }
    };
}

role!(country_possessive_title, "Ruritania will host South Korea's President Lee Jae Myung soon.", [("Lee Jae Myung", "PER")], "Lee Jae Myung", "President", None, Some("South Korea"));
role!(two_word_title, "He will meet Prime Minister Sanae Takaichi in Nara.", [("Sanae Takaichi", "PER")], "Sanae Takaichi", "Prime Minister", None, None);
role!(title_inside_mention, "He will meet Prime Minister Sanae Takaichi in Nara.", [("Prime Minister Sanae Takaichi", "PER")], "Sanae Takaichi", "Prime Minister", None, None);
role!(lowercase_description, "Those were the words of presidential spokesperson Kang Yu-jung on Friday.", [("Kang Yu-jung", "PER")], "Kang Yu-jung", "presidential spokesperson", None, None);
role!(demonym_leader, "He met Chinese leader Xi Jinping in Beijing.", [("Xi Jinping", "PER"), ("Beijing", "LOC")], "Xi Jinping", "leader", None, Some("China"));
role!(appositive_with_org, "Yee Kuang Heng, a professor of maritime law at the University of Tokyo, disagreed.", [("Yee Kuang Heng", "PER"), ("University of Tokyo", "ORG")], "Yee Kuang Heng", "professor", Some("University of Tokyo"), None);
role!(appositive_with_country, "Anna Berg, a senior Swedish diplomat, declined to comment.", [("Anna Berg", "PER")], "Anna Berg", "senior diplomat", None, Some("Sweden"));
role!(role_from_alias, "Xi Jinping hosted. President Xi smiled.", [("Xi Jinping", "PER"), ("President Xi", "PER")], "Xi Jinping", "President", None, None);

#[test]
fn one_word_name_keeps_its_title() {
    let doc = resolved(&["'War is back,' Pope Leo says"], &[], &[("Leo", "PER")]);
    let e = &doc.entities[0];
    assert_eq!(e.name, "Pope Leo");
    assert_eq!(e.aliases, vec!["Leo".to_string()]);
}

#[test]
fn no_role_without_role_word() {
    let doc = resolved(&[], &["Lee's conservative predecessor Yoon Suk Yeol left."], &[("Lee", "PER"), ("Yoon Suk Yeol", "PER")]);
    assert!(entity(&doc, "Yoon Suk Yeol").roles.is_empty());
}

// ---- headlines join the article when the evidence is clear
#[test]
fn headline_surname_joins_article_person() {
    let doc = resolved(&["Takaichi to host summit"], &["Prime Minister Sanae Takaichi will host it."], &[("Takaichi", "PER"), ("Sanae Takaichi", "PER")]);
    assert_eq!(names_of(&doc, "Takaichi"), vec!["Sanae Takaichi"]);
    assert_eq!(entity(&doc, "Sanae Takaichi").count, 2);
}

// ---- salience, ids and mention links
#[test]
fn salience_sorted_ids_and_links() {
    let doc = resolved(
        &["Lee to visit Japan"],
        &["Lee Jae Myung will visit Japan. Lee said the trip matters. Japan agreed.", "Lee met Xi Jinping in Beijing.", "Lee left."],
        &[("Lee Jae Myung", "PER"), ("Lee", "PER"), ("Japan", "LOC"), ("Xi Jinping", "PER"), ("Beijing", "LOC")],
    );
    assert_eq!(doc.entities[0].name, "Lee Jae Myung");
    assert!((doc.entities[0].salience - 1.0).abs() < 1e-6);
    for (i, e) in doc.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!((0.0..=1.0).contains(&e.salience));
        if i > 0 {
            assert!(doc.entities[i - 1].salience >= e.salience);
        }
        assert_eq!(e.count, e.mentions.len());
        for &m in &e.mentions {
            assert_eq!(doc.mentions[m].entity, Some(i));
        }
        assert_eq!(e.first, doc.mentions[e.mentions[0]].span);
    }
    assert!(doc.mentions.iter().all(|m| m.entity.is_some()));
    let lee = entity(&doc, "Lee Jae Myung");
    assert!(lee.aliases.contains(&"Lee".to_string()));
}

#[test]
fn empty_document_has_no_entities() {
    let doc = resolved(&[], &[], &[]);
    assert!(doc.entities.is_empty());
}
