//! Table tests for quote extraction: one line per case, grouped by behaviour. Texts are
//! written for these tests in news shapes.

#[path = "resolve_helper.rs"]
mod helper;

use gleaner::eval::quotes::stages;
use gleaner::Quote;

fn quotes(paras: &[&str], pairs: &[(&str, &str)]) -> Vec<Quote> {
    let mut b = helper::build(&[], None, paras, pairs);
    stages::resolve(&b.text, &mut b.doc);
    stages::quotes(&b.text, &b.doc)
}

/// (quoted text, speaker as printed, resolved speaker name) of each quote.
fn summary(paras: &[&str], pairs: &[(&str, &str)]) -> Vec<(String, Option<String>, Option<String>)> {
    quotes(paras, pairs).into_iter().map(|q| (q.text, q.speaker, q.speaker_name)).collect()
}

macro_rules! q {
    ($name:ident, $paras:expr, $pairs:expr, [$(($t:expr, $sp:expr, $who:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got = summary(&$paras, &$pairs);
            let want: Vec<(String, Option<String>, Option<String>)> = vec![$(($t.to_string(), $sp.map(|x: &str| x.to_string()), $who.map(|x: &str| x.to_string()))),*];
            assert_eq!(got, want);
        }
    };
}

const NONE: Option<&str> = None;

// ---- cues after the quote
q!(name_said_after, [r#""We will rebuild the bridge," Maria Lopez said."#], [("Maria Lopez", "PER")], [("We will rebuild the bridge,", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(said_name_after, [r#""We will rebuild the bridge," said Maria Lopez."#], [("Maria Lopez", "PER")], [("We will rebuild the bridge,", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(told_agency, [r#""Talks broke down at dawn," Okafor told AFP."#], [("Okafor", "PER")], [("Talks broke down at dawn,", Some("Okafor"), Some("Okafor"))]);
q!(role_before_name, [r#""Nothing was agreed," government spokesman Ali Reza said on Monday."#], [("Ali Reza", "PER")], [("Nothing was agreed,", Some("government spokesman Ali Reza"), Some("Ali Reza"))]);
q!(appositive_speaker, [r#""The data is clear," Ana Silva, an economist at the central bank, said."#], [("Ana Silva", "PER")], [("The data is clear,", Some("Ana Silva"), Some("Ana Silva"))]);
q!(role_then_name_in_commas, [r#"The transport minister of the region, Jan Novak, said "the line will reopen in May"."#], [("Jan Novak", "PER")], [("the line will reopen in May", Some("Jan Novak"), Some("Jan Novak"))]);
q!(appositive_with_abbreviation, [r#""The vote is on Friday," Senator Ana Ruiz, D-Ore., said Tuesday."#], [("Ana Ruiz", "PER")], [("The vote is on Friday,", Some("Senator Ana Ruiz"), Some("Ana Ruiz"))]);
q!(curly_quotes, ["“Prices will fall,” Tan Wei said."], [("Tan Wei", "PER")], [("Prices will fall,", Some("Tan Wei"), Some("Tan Wei"))]);
q!(single_quotes_british_style, ["‘We will win this,’ Maria Lopez said."], [("Maria Lopez", "PER")], [("We will win this,", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(straight_single_quotes, ["'It's over for them,' Okafor said."], [("Okafor", "PER")], [("It's over for them,", Some("Okafor"), Some("Okafor"))]);
q!(according_to, [r#""The road is closed," according to local police."#], [], [("The road is closed,", Some("local police"), Some("local police"))]);
q!(said_then_according_to, [r#""The old treaty is void," the resolution adopted by the council said, according to state radio."#], [], [("The old treaty is void,", Some("the resolution adopted by the council"), Some("the resolution adopted by the council"))]);
q!(per_source, [r#"Members may not vote by proxy "to fill a vacancy on the ticket," per the committee's rules."#], [], [("to fill a vacancy on the ticket,", Some("the committee's rules"), Some("the committee's rules"))]);
q!(participle_subject_speaks, [r#"In March, several tenant groups filed a complaint, saying the landlord's plan was "a reckless gamble with our homes.""#], [], [("a reckless gamble with our homes.", Some("several tenant groups"), Some("several tenant groups"))]);
q!(relative_pronoun_speaker, [r#"The council thanked Ana Ruiz, who said the new bridge was "the best news this town has had in years.""#], [("Ana Ruiz", "PER")], [("the best news this town has had in years.", Some("who"), Some("Ana Ruiz"))]);
q!(described_then_name_said, [r#""The line will reopen in May," the spokesman for the city mayor, Jan Novak, said."#], [("Jan Novak", "PER")], [("The line will reopen in May,", Some("the spokesman for the city mayor, Jan Novak"), Some("Jan Novak"))]);
q!(described_then_name_cut_teaser, [r#""The talks will go on for a second week," the envoy of the regional bloc, Tomas Berg, …"#], [("Tomas Berg", "PER")], [("The talks will go on for a second week,", Some("the envoy of the regional bloc, Tomas Berg"), Some("Tomas Berg"))]);
q!(org_description_links_body_named_before, ["A spokesman for the Council for Coastal Fisheries issued a statement on Monday.", r#""The quota cuts must be reversed at once," read the statement by the Nordic agency handling the talks."#], [("Council for Coastal Fisheries", "ORG"), ("Nordic", "MISC")], [("The quota cuts must be reversed at once,", Some("the Nordic agency handling the talks"), Some("Council for Coastal Fisheries"))]);

// ---- cues before the quote
q!(name_said_colon, [r#"Mayor Jan Novak said: "We need more buses.""#], [("Jan Novak", "PER")], [("We need more buses.", Some("Mayor Jan Novak"), Some("Jan Novak"))]);
q!(told_reporters_before, [r#"On Monday, Novak told reporters "the budget is final"."#], [("Novak", "PER")], [("the budget is final", Some("Novak"), Some("Novak"))]);
q!(subject_far_before, [r#"Novak favours talks, and has said the two towns are like "cousins sharing a garden"."#], [("Novak", "PER")], [("cousins sharing a garden", Some("Novak"), Some("Novak"))]);
q!(colon_paragraph_before, ["The minister said:", r#""We will not give up on this plan.""#], [], [("We will not give up on this plan.", Some("The minister"), Some("The minister"))]);

q!(name_colon, [r#"Jeb Bush and Ana Lopez reject the idea. Lopez: "Our goal is to end it now.""#], [], [("Our goal is to end it now.", Some("Lopez"), Some("Lopez"))]);
q!(lowercase_before_colon, [r#"the plan is this: "We will rebuild it all soon.""#], [], [("We will rebuild it all soon.", NONE, NONE)]);
q!(question_then_name_cue, [r#""Why now?" Lopez asked."#], [], [("Why now?", Some("Lopez"), Some("Lopez"))]);
q!(cue_between_fragments, [r#"On the show "Morning Talk" Tuesday, he said, "I never promised that to anyone.""#, ], [], [("Morning Talk … I never promised that to anyone.", Some("he"), NONE)]);

// ---- pronouns and offices
q!(she_added, [r#""The tone was warm," spokesperson Kim Ha-na said."#, r#""No deal was signed," she added."#], [("Kim Ha-na", "PER")], [("The tone was warm,", Some("spokesperson Kim Ha-na"), Some("Kim Ha-na")), ("No deal was signed,", Some("she"), Some("Kim Ha-na"))]);
q!(he_skips_female_speaker, [r#""Yes," said Mary Brown. "We agree on all points here," she said."#, r#""Markets will react badly to this," John Smith said."#, r#""I told you so," he added."#], [("Mary Brown", "PER"), ("John Smith", "PER")], [("Yes,", Some("Mary Brown"), Some("Mary Brown")), ("We agree on all points here,", Some("she"), Some("Mary Brown")), ("Markets will react badly to this,", Some("John Smith"), Some("John Smith")), ("I told you so,", Some("he"), Some("John Smith"))]);
q!(office_then_it, [r#"Leaders will discuss "trade and security", Park Ji-won's office said."#, r#"They will seek ways to "deepen cooperation in every field," it added."#], [("Park Ji-won", "PER")], [("trade and security", Some("Park Ji-won's office"), Some("Park Ji-won")), ("deepen cooperation in every field,", Some("it"), Some("Park Ji-won"))]);
q!(his_office, [r#"Park Ji-won will travel on Friday, officials said. "The trip matters," his office added."#], [("Park Ji-won", "PER")], [("The trip matters,", Some("his office"), Some("Park Ji-won"))]);

// ---- fragments, paragraphs, continuation
q!(two_fragments_one_cue, [r#""The visit should help build a stable path" through an "early meeting after the election," his office added."#], [], [("The visit should help build a stable path … early meeting after the election,", Some("his office"), NONE)]);
q!(split_quote_around_cue, [r#""We are ready," Novak said, "and we will act soon.""#], [("Novak", "PER")], [("We are ready, … and we will act soon.", Some("Novak"), Some("Novak"))]);
q!(next_sentence_inherits, [r#""We are ready," Novak said. "The plan is on the table now.""#], [("Novak", "PER")], [("We are ready,", Some("Novak"), Some("Novak")), ("The plan is on the table now.", Some("Novak"), Some("Novak"))]);
q!(multi_paragraph_afp, [r#"Novak said: "The first part of the plan is simple."#, r#""The second part is harder and will take years."#, r#""The third part is up to voters.""#], [("Novak", "PER")], [("The first part of the plan is simple.\nThe second part is harder and will take years.\nThe third part is up to voters.", Some("Novak"), Some("Novak"))]);

// ---- what is not a quote
q!(scare_quote_no_cue, ["The so-called 'Devastated' town held a vigil."], [], []);
q!(short_quote_no_cue, [r#"Critics call the plan "reckless" and "late"."#], [], []);
// a text that reads is its own source (PolNeAR: `," the letter reads` has Source `the letter`)
q!(sign_read_is_the_source, [r#"A sign read "We will never forget the victims of this fire"."#], [], [("We will never forget the victims of this fire", Some("A sign"), Some("A sign"))]);
q!(long_quote_no_speaker, [r#"A sign by the road: "We will never forget the victims of this fire"."#], [], [("We will never forget the victims of this fire", NONE, NONE)]);
q!(apostrophes_are_not_quotes, ["Takaichi's rivals and the farmers' union met."], [], []);

#[test]
fn spans_and_parts_are_inside_the_marks() {
    let mut b = helper::build(&[], None, &[r#""We are ready," Novak said, "and we will act soon.""#], &[("Novak", "PER")]);
    stages::resolve(&b.text, &mut b.doc);
    let q = &stages::quotes(&b.text, &b.doc)[0];
    assert_eq!(q.parts.len(), 2);
    assert_eq!(&b.text[q.parts[0].start..q.parts[0].end], "We are ready,");
    assert_eq!(&b.text[q.parts[1].start..q.parts[1].end], "and we will act soon.");
    assert_eq!(q.span, q.parts[0].cover(q.parts[1]));
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.article, Some(0));
    assert!(q.entity.is_some());
}

// ---- quote styles
q!(style_two_apostrophes, ["''The levee held through the night,'' Maria Lopez said."], [("Maria Lopez", "PER")], [("The levee held through the night,", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(style_two_apostrophes_inner_apostrophe, ["''It's the council's decision now,'' said Okafor."], [("Okafor", "PER")], [("It's the council's decision now,", Some("Okafor"), Some("Okafor"))]);
q!(style_guillemets, ["«We stay until the end,» Okafor said."], [("Okafor", "PER")], [("We stay until the end,", Some("Okafor"), Some("Okafor"))]);
q!(style_low_high, ["„We stay until the end,“ Okafor said."], [("Okafor", "PER")], [("We stay until the end,", Some("Okafor"), Some("Okafor"))]);
q!(style_single_british, ["‘The tide has turned for the party,’ Ms Lopez said."], [("Lopez", "PER")], [("The tide has turned for the party,", Some("Ms Lopez"), Some("Lopez"))]);
q!(style_single_apostrophes_inside, ["‘The market isn’t closing, it’s Lee’s call,’ Okafor said."], [("Okafor", "PER")], [("The market isn’t closing, it’s Lee’s call,", Some("Okafor"), Some("Okafor"))]);
q!(style_split_around_attribution, [r#""The first step is easy," Novak said, "but the second one will take us several years.""#], [("Novak", "PER")], [("The first step is easy, … but the second one will take us several years.", Some("Novak"), Some("Novak"))]);
q!(style_said_colon_previous_line, ["At the meeting, Novak said:", "“We will not close the school this year.”"], [("Novak", "PER")], [("We will not close the school this year.", Some("Novak"), Some("Novak"))]);
q!(style_multi_paragraph_pairs, ["''The first part of the plan is simple,'' Novak said. ''The second part is harder.", "''The third part is up to voters.''"], [("Novak", "PER")], [("The first part of the plan is simple,", Some("Novak"), Some("Novak")), ("The second part is harder.\nThe third part is up to voters.", Some("Novak"), Some("Novak"))]);

#[test]
fn title_quote_with_a_speaker() {
    let mut b = helper::build(&[], Some("‘We will rebuild every school,’ says Novak"), &["The minister toured the valley on Monday."], &[("Novak", "PER")]);
    stages::resolve(&b.text, &mut b.doc);
    let q = stages::quotes(&b.text, &b.doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "We will rebuild every school,");
    assert_eq!(q[0].speaker.as_deref(), Some("Novak"));
}

#[test]
fn title_scare_quote_is_not_a_quote() {
    let mut b = helper::build(&[], Some("Minister under fire over ‘secret’ school plan"), &["The minister toured the valley on Monday."], &[]);
    stages::resolve(&b.text, &mut b.doc);
    assert!(stages::quotes(&b.text, &b.doc).is_empty());
}

#[test]
fn subheading_quote_with_a_speaker() {
    // the middle paragraph becomes a section's subheading: read on its own like a title
    let mut b = helper::build(&[], Some("Council approves budget"), &["The council met on Tuesday.", "‘We cannot afford to wait,’ says Costa", "The vote was 12 to 9."], &[("Costa", "PER")]);
    let sec = &mut b.doc.articles[0].sections;
    let rest = sec[0].paragraphs.split_off(1);
    let mut rest = rest.into_iter();
    let heading = rest.next();
    sec.push(gleaner::Section { heading, paragraphs: rest.collect() });
    stages::resolve(&b.text, &mut b.doc);
    let q = stages::quotes(&b.text, &b.doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "We cannot afford to wait,");
    assert_eq!(q[0].speaker.as_deref(), Some("Costa"));
}

q!(said_role_then_name_in_apposition, [r#""We were slow for an hour," said the club's manager, Ivo Brandt."#], [("Ivo Brandt", "PER")], [("We were slow for an hour,", Some("the club's manager, Ivo Brandt"), Some("Ivo Brandt"))]);
q!(said_role_then_place_name_in_apposition, [r#""We were slow for an hour," said the Leeds manager, Ivo Brandt."#], [("Leeds", "ORG"), ("Ivo Brandt", "PER")], [("We were slow for an hour,", Some("the Leeds manager, Ivo Brandt"), Some("Ivo Brandt"))]);

q!(pronoun_takes_the_person_named_in_its_paragraph, [r#""We were slow for an hour," said Ivo Brandt."#, r#"His opposite number, Karl Weiss, was less happy. "We gave away two goals," he said."#], [("Ivo Brandt", "PER"), ("Karl Weiss", "PER")], [("We were slow for an hour,", Some("Ivo Brandt"), Some("Ivo Brandt")), ("We gave away two goals,", Some("he"), Some("Karl Weiss"))]);

// ---- naming verbs introduce a quote: `referred to X as "…"`, `calls X "…"`
q!(referred_to_as_quote, [r#"Mayor Jan Novak referred to the plan as "a waste of money" on Monday."#], [("Jan Novak", "PER")], [("a waste of money", Some("Mayor Jan Novak"), Some("Jan Novak"))]);
q!(calls_quote, [r#"Mayor Jan Novak calls the plan "a waste of money" in his letter."#], [("Jan Novak", "PER")], [("a waste of money", Some("Mayor Jan Novak"), Some("Jan Novak"))]);
q!(dubbed_quote, [r#"Senator Ana Ruiz dubbed the new tax "a gift to the richest families" in a speech."#], [("Ana Ruiz", "PER")], [("a gift to the richest families", Some("Senator Ana Ruiz"), Some("Ana Ruiz"))]);

// ---- a time phrase between the subject and a cue before the quote
q!(time_phrase_before_cue, [r#"The City Press Office on Monday insisted "the judge had ordered that the hall be cleared of everyone" as a hearing went on."#], [("City Press Office", "ORG")], [("the judge had ordered that the hall be cleared of everyone", Some("The City Press Office"), Some("City Press Office"))]);
q!(time_phrase_that_day_before_cue, [r#"The City Press Office that day insisted "the judge had ordered that the hall be cleared of everyone" as a hearing went on."#], [("City Press Office", "ORG")], [("the judge had ordered that the hall be cleared of everyone", Some("The City Press Office"), Some("City Press Office"))]);

q!(pronoun_takes_the_person_introduced_in_the_paragraph_before, [r#""The shelves fell down around me," Ivo Brandt said."#, "A driver named Karl Weiss was hurt in the crash and taken to hospital.", r#""The road was dark and wet," he said."#], [("Ivo Brandt", "PER"), ("Karl Weiss", "PER")], [("The shelves fell down around me,", Some("Ivo Brandt"), Some("Ivo Brandt")), ("The road was dark and wet,", Some("he"), Some("Karl Weiss"))]);
q!(pronoun_keeps_the_speaker_when_the_paragraph_before_quotes, [r#""The shelves fell down around me," Ivo Brandt said."#, r#"Karl Weiss said the crash was "a shock to everyone here"."#, r#""The road was dark and wet," he said."#], [("Ivo Brandt", "PER"), ("Karl Weiss", "PER")], [("The shelves fell down around me,", Some("Ivo Brandt"), Some("Ivo Brandt")), ("a shock to everyone here", Some("Karl Weiss"), Some("Karl Weiss")), ("The road was dark and wet,", Some("he"), Some("Karl Weiss"))]);

q!(earlier_cue_inside_the_subject_run, [r#"Mayor Jan Novak also said the city asks its police "to do far too much"."#], [("Jan Novak", "PER")], [("to do far too much", Some("Mayor Jan Novak"), Some("Jan Novak"))]);

q!(pronoun_takes_a_role_led_name_the_tagger_called_an_org, ["All the field surgeon Karl al-Weiss has to work with is gauze.", r#""We do not have anything else," he said."#], [("Karl al-Weiss", "ORG")], [("We do not have anything else,", Some("he"), Some("Karl al-Weiss"))]);

// ---- a pronoun with no name before it: the described subject of the last cue
q!(it_after_described_body, ["The ministry said on Monday that exporters would get new credit lines.", r#""The money will reach farms within weeks," it added."#], [], [("The money will reach farms within weeks,", Some("it"), Some("The ministry"))]);
q!(he_after_described_person, ["A grain dealer said prices had doubled since June.", r#""Nobody is selling now," he said."#], [], [("Nobody is selling now,", Some("he"), Some("A grain dealer"))]);

// ---- descriptions and roles resolve to the person named before
q!(nominal_title_before_name, ["Prime Minister Shinzo Abe visited the port on Monday.", r#""We will rebuild the harbour," the prime minister said."#], [("Shinzo Abe", "PER")], [("We will rebuild the harbour,", Some("the prime minister"), Some("Shinzo Abe"))]);
q!(nominal_appositive_role, ["Yee Kuang Heng, a professor of law at the University of Tokyo, spoke first.", r#""The rules are clear," the professor said."#], [("Yee Kuang Heng", "PER")], [("The rules are clear,", Some("the professor"), Some("Yee Kuang Heng"))]);
q!(nominal_party_epithet, ["Senator Ana Ruiz spoke at the memorial on Tuesday.", r#"The Democrat said that none of us were "free of blame in this" and asked for calm."#, r#"She also said the city asks its police "to do far too much"."#], [("Ana Ruiz", "PER")], [("free of blame in this", Some("The Democrat"), Some("Ana Ruiz")), ("to do far too much", Some("She"), Some("Ana Ruiz"))]);
q!(indefinite_epithet_stays_unresolved, ["Senator Ana Ruiz spoke at the memorial on Tuesday.", r#"A Republican said the plan was "a waste of time and money"."#], [("Ana Ruiz", "PER")], [("a waste of time and money", Some("A Republican"), Some("A Republican"))]);
q!(org_description_by_head, ["The City Press Office issued a short note on Monday.", r#"Asked later, the press office said: "The guard cleared the hall as the judge asked.""#], [("City Press Office", "ORG")], [("The guard cleared the hall as the judge asked.", Some("the press office"), Some("City Press Office"))]);
q!(org_description_takes_the_subject, ["Harbour Watch files a second complaint with the Port Authority.", r#"The rights group has said the complaint relates to "serious breaches of the safety rules" at the docks."#], [("Harbour Watch", "ORG"), ("Port Authority", "ORG")], [("serious breaches of the safety rules", Some("The rights group"), Some("Harbour Watch"))]);
q!(nominal_age, ["Ana Ruiz, 62, was at home when the water rose.", r#""I lost everything," the 62-year-old said."#], [("Ana Ruiz", "PER")], [("I lost everything,", Some("the 62-year-old"), Some("Ana Ruiz"))]);
q!(nominal_initials, ["Akbar Pathan, deputy commissioner of police, Zone 3, briefed reporters.", r#""The two men came to sell gold," the DCP said."#], [("Akbar Pathan", "PER")], [("The two men came to sell gold,", Some("the DCP"), Some("Akbar Pathan"))]);
q!(nominal_without_antecedent, ["Ana Ruiz, a nurse, was at home.", r#""The levee failed at night," the official said."#], [("Ana Ruiz", "PER")], [("The levee failed at night,", Some("the official"), Some("the official"))]);

// ---- other attribution shapes
q!(dash_signature, ["“The town deserves better than this.” ― Maria Lopez"], [("Maria Lopez", "PER")], [("The town deserves better than this.", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(transcript_labels, [r#""HOST: Where were you on the night of the vote?"#, r#""NOVAK: I was at the depot all day long.""#], [], [("HOST: Where were you on the night of the vote?", Some("HOST"), Some("HOST")), ("NOVAK: I was at the depot all day long.", Some("NOVAK"), Some("NOVAK"))]);
q!(title_abbreviation_in_speaker, [r#""We cannot let this stand," Rep. Ana Ruiz (D-Ore.) said."#], [("Ana Ruiz", "PER")], [("We cannot let this stand,", Some("Rep. Ana Ruiz (D-Ore.)"), Some("Ana Ruiz"))]);
q!(function_word_is_not_a_speaker, [r#"Of the conditions he lived in, he said: "You are alone and it is very hot all day.""#], [], [("You are alone and it is very hot all day.", Some("he"), NONE)]);

// ---- hard-wrapped text: a wrap inside a paragraph reads as one space (spans stay in the dump)
q!(wrapped_speaker_and_quote, ["\"The harbour will reopen\n   in the spring,\" said Ewan\n   Dunmore."], [], [("The harbour will reopen in the spring,", Some("Ewan Dunmore"), Some("Ewan Dunmore"))]);
q!(wrapped_cue_and_role, ["\"We have no more beds,\" hospital\n  director Ana  Ruiz told\n  reporters."], [], [("We have no more beds,", Some("hospital director Ana Ruiz"), Some("Ana Ruiz"))]);

#[test]
fn wrapped_quote_keeps_byte_spans() {
    let mut b = helper::build(&[], None, &["\"The harbour will reopen\n   in the spring,\" said Ewan\n   Dunmore."], &[]);
    stages::resolve(&b.text, &mut b.doc);
    let q = &stages::quotes(&b.text, &b.doc)[0];
    assert_eq!(&b.text[q.span.start..q.span.end], "The harbour will reopen\n   in the spring,");
    let s = q.speaker_span.expect("speaker span");
    assert_eq!(&b.text[s.start..s.end], "Ewan\n   Dunmore");
}

// ---- more attribution shapes
q!(closing_attribution_after_clause, [r#""The search for answers" must not rush the inquiry, Maria Lopez said."#], [("Maria Lopez", "PER")], [("The search for answers", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(next_sentence_subject_is_not_the_speaker, [r#"Norway called the plan "a breach of every promise." Chile insisted that the talks "resume at once.""#], [("Norway", "LOC"), ("Chile", "LOC")], [("a breach of every promise.", Some("Norway"), Some("Norway")), ("resume at once.", Some("Chile"), Some("Chile"))]);
q!(closing_attribution_after_full_stop, [r#""We will rebuild every bridge." Maria Lopez said."#], [("Maria Lopez", "PER")], [("We will rebuild every bridge.", Some("Maria Lopez"), Some("Maria Lopez"))]);
q!(as_x_put_it_after, [r#"The rule asks for a "steady source of income," as a city memo put it."#], [], [("steady source of income,", Some("a city memo"), Some("a city memo"))]);
q!(as_x_put_it_before, [r#"As Ana Ruiz put it, "the harbour is our whole economy.""#], [("Ana Ruiz", "PER")], [("the harbour is our whole economy.", Some("Ana Ruiz"), Some("Ana Ruiz"))]);
q!(quoted_as_saying_after, [r#""Extra guards are on every platform," the agency quoted rail police chief Ravi Menon as saying."#], [("Ravi Menon", "PER")], [("Extra guards are on every platform,", Some("rail police chief Ravi Menon"), Some("Ravi Menon"))]);
q!(quoted_as_saying_before, [r#"The agency quoted Ravi Menon as saying: "Extra guards are on every platform.""#], [("Ravi Menon", "PER")], [("Extra guards are on every platform.", Some("Ravi Menon"), Some("Ravi Menon"))]);
q!(sentence_attribution_then_quote, [r#"Talks may stall while the minister travels, Okafor said. "Nobody wants to sign a deal in a hurry.""#], [("Okafor", "PER")], [("Nobody wants to sign a deal in a hurry.", Some("Okafor"), Some("Okafor"))]);
q!(described_person_colon, ["A retired teacher in Cork: ‘The town is changing faster than any of us expected’"], [], [("The town is changing faster than any of us expected", Some("A retired teacher in Cork"), Some("A retired teacher in Cork"))]);
q!(glued_sentence_stop, [r#"Ana Ruiz ran to the gate. "The blast came from behind the school," she said.Her son was safe."#], [("Ana Ruiz", "PER")], [("The blast came from behind the school,", Some("she"), Some("Ana Ruiz"))]);
q!(organisation_is_not_a_he, ["John Smith spoke at the gate.", r#""The group will file a second complaint," The press rights group said."#, r#""We have nothing else left," he said."#], [("John Smith", "PER")], [("The group will file a second complaint,", Some("The press rights group"), Some("The press rights group")), ("We have nothing else left,", Some("he"), Some("John Smith"))]);
q!(described_person_is_a_she, [r#""Traders sold early," a currency dealer said."#, r#""Many covered their positions," she added."#], [], [("Traders sold early,", Some("a currency dealer"), Some("a currency dealer")), ("Many covered their positions,", Some("she"), Some("a currency dealer"))]);
q!(role_named_in_next_sentence, [r#"The Transport Minister said he "will not close a single rural station". Jan Novak added that the budget was fixed."#], [("Jan Novak", "PER")], [("will not close a single rural station", Some("The Transport Minister"), Some("Jan Novak"))]);
q!(role_not_linked_to_a_mere_mention, [r#"The Transport Minister said he "will not close a single rural station". Jan Novak was not in the room."#], [("Jan Novak", "PER")], [("will not close a single rural station", Some("The Transport Minister"), Some("The Transport Minister"))]);
q!(said_role_then_name, [r#""The doors stay open," said chief executive Ana Ruiz."#], [("Ana Ruiz", "PER")], [("The doors stay open,", Some("chief executive Ana Ruiz"), Some("Ana Ruiz"))]);
q!(said_digit_led_descriptor_then_name, [r#""Nobody called us back," said 9/11 widow Ana Ruiz."#], [("Ana Ruiz", "PER")], [("Nobody called us back,", Some("9/11 widow Ana Ruiz"), Some("Ana Ruiz"))]);

#[test]
fn title_says_a_role() {
    let mut b = helper::build(&[], Some("‘We will rebuild every school,’ says Hamas official"), &["The minister toured the valley on Monday."], &[]);
    stages::resolve(&b.text, &mut b.doc);
    let q = stages::quotes(&b.text, &b.doc);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Hamas official"));
}
