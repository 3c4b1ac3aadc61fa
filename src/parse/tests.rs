//! Structure tests on dumps written for these tests, in the shapes real dumps have.

use super::*;
use super::assemble::unmark;

/// (kind, text) of every non-container block.
fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
    blocks(text)
        .filter(|b| !matches!(b.kind, BlockKind::ListStart(_) | BlockKind::ListEnd | BlockKind::ArticleStart | BlockKind::ArticleEnd))
        .map(|b| (b.kind, &text[b.span.start..b.span.end]))
        .collect()
}

fn of(text: &str, kind: BlockKind) -> Vec<&str> {
    kinds(text).into_iter().filter(|(k, _)| *k == kind).map(|(_, s)| s).collect()
}

use BlockKind::*;

#[test]
fn dash_separated_headlines_then_article() {
    let t = "-\nFirst story here\n-\nSecond story here\nTitle of the article\nThe minister said on Friday that the talks would go on.\nA second paragraph follows here with more words.\nA.Writer--ABCD";
    assert_eq!(of(t, Headline), ["First story here", "Second story here"]);
    assert_eq!(of(t, Title), ["Title of the article"]);
    assert_eq!(of(t, Paragraph).len(), 2);
    assert_eq!(of(t, Byline), ["A.Writer--ABCD"]);
    let d = document(t);
    assert_eq!(d.articles[0].byline.as_ref().unwrap().authors, ["A. Writer"]);
    assert_eq!(d.articles[0].byline.as_ref().unwrap().source.as_deref(), Some("ABCD"));
    assert_eq!(d.kind, DocumentKind::Mixed);
}

#[test]
fn dash_list_teaser() {
    let t = "-\nStorm hits coast\nThousands were left without power after the storm made landfall overnight.\n-\nMarkets fall\n";
    let d = document(t);
    assert_eq!(d.headlines.len(), 2);
    assert_eq!(d.headlines[0].teaser.as_ref().unwrap().text, "Thousands were left without power after the storm made landfall overnight.");
    assert!(d.articles.is_empty());
}

#[test]
fn subheadings_dashed_and_plain() {
    let t = "Title here\nFirst paragraph of the story says something useful today.\n- Quiet harbour -\nSecond paragraph of the story says something else again.\nWhat comes next\nThird paragraph of the story closes the piece for now.\n";
    assert_eq!(of(t, Subheading), ["Quiet harbour", "What comes next"]);
    let d = document(t);
    assert_eq!(d.articles[0].sections.len(), 3);
    assert_eq!(d.articles[0].sections[1].heading.as_ref().unwrap().text, "Quiet harbour");
}

#[test]
fn datelines_split_off_the_first_paragraph() {
    let cases = [
        ("Jakarta (AFP) – Rescuers searched for survivors on Monday after the quake.", "Jakarta", None, Some("AFP")),
        ("Tokyo, Jan. 9 (Jiji Press)--Japan's cabinet approved the plan on Friday.", "Tokyo", Some("Jan. 9"), Some("Jiji Press")),
        ("SEOUL, Feb. 10 (Yonhap) -- The assembly passed the bill on Tuesday.", "SEOUL", Some("Feb. 10"), Some("Yonhap")),
        ("LONDON (Reuters) -The pound rose on Thursday against the dollar.", "LONDON", None, Some("Reuters")),
    ];
    for (para, place, date, agency) in cases {
        let t = format!("A title for the story\n{para}\nA second paragraph with enough words to count.\n");
        let d = document(&t);
        let dl = d.articles[0].dateline.as_ref().unwrap_or_else(|| panic!("no dateline: {para}"));
        assert_eq!(dl.place.as_deref(), Some(place), "{para}");
        assert_eq!(dl.date.as_deref(), date, "{para}");
        assert_eq!(dl.agency.as_deref(), agency, "{para}");
        let p = &d.articles[0].sections[0].paragraphs[0];
        assert!(!p.text.contains(dl.text.as_str()), "dateline left in the paragraph: {}", p.text);
        assert_eq!(&t[p.span.start..p.span.end], p.text);
    }
}

#[test]
fn top_byline_and_timestamp() {
    let t = "Thu, 03 Oct 2024 11:26:50 GMT\nPound slips after rate signal\nBy Jane Doe, Reuters\nLONDON (Reuters) - The pound fell on Thursday after the governor spoke.\nSterling was last down 0.9% at its weakest in three weeks.\n";
    let d = document(t);
    let a = &d.articles[0];
    assert_eq!(a.published.as_ref().unwrap().iso.as_deref(), Some("2024-10-03T11:26:50Z"));
    assert_eq!(a.byline.as_ref().unwrap().authors, ["Jane Doe"]);
    assert_eq!(a.byline.as_ref().unwrap().source.as_deref(), Some("Reuters"));
    assert_eq!(a.byline.as_ref().unwrap().position, BylinePosition::Top);
    assert_eq!(a.title.as_ref().unwrap().text, "Pound slips after rate signal");
}

#[test]
fn headline_times_before_after_and_glued() {
    let after = "Storm hits coast\nThu, 03 Oct 2024 11:26:50 GMT\nMarkets fall sharply\nThu, 03 Oct 2024 10:00:00 GMT\n";
    let d = document(after);
    assert_eq!(d.headlines.len(), 2);
    assert_eq!(d.headlines[0].time.as_ref().unwrap().iso.as_deref(), Some("2024-10-03T11:26:50Z"));
    assert_eq!(d.headlines[1].time.as_ref().unwrap().iso.as_deref(), Some("2024-10-03T10:00:00Z"));
    let before = "Thu, 03 Oct 2024 11:26:50 GMT\nStorm hits coast\nThu, 03 Oct 2024 10:00:00 GMT\nMarkets fall sharply\n";
    let d = document(before);
    assert_eq!(d.headlines.len(), 2);
    assert_eq!(d.headlines[0].time.as_ref().unwrap().iso.as_deref(), Some("2024-10-03T11:26:50Z"));
    assert_eq!(d.headlines[1].time.as_ref().unwrap().iso.as_deref(), Some("2024-10-03T10:00:00Z"));
    let glued = "Zoo welcomes twin chimpsWed, 30 Jul 2025 05:05:19 GMT\nHeat grips EuropeWed, 30 Jul 2025 04:00:00 GMT\n";
    let d = document(glued);
    assert_eq!(d.headlines[0].text, "Zoo welcomes twin chimps");
    assert_eq!(d.headlines[1].time.as_ref().unwrap().text, "Wed, 30 Jul 2025 04:00:00 GMT");
}

#[test]
fn chrome_lists_are_marked_not_merged() {
    let t = "Title of the story\nThe first paragraph of the story has enough words to be prose.\nThe second paragraph of the story also has enough words.\nRelated stories\nOther story one\nOther story two\nMost read\nPopular story\n";
    let d = document(t);
    assert_eq!(d.articles.len(), 1);
    assert_eq!(d.articles[0].sections[0].paragraphs.len(), 2);
    let roles: Vec<(String, ListRole)> = d.headlines.iter().map(|h| (h.text.clone(), h.role)).collect();
    assert_eq!(
        roles,
        [
            ("Other story one".to_string(), ListRole::Related),
            ("Other story two".to_string(), ListRole::Related),
            ("Popular story".to_string(), ListRole::Popular)
        ]
    );
    assert_eq!(d.headlines[2].list, 1);
}

#[test]
fn ticker_lines() {
    let t = "Breaking: Quake shakes Chile • Storm forces evacuations in Manila • Markets open lower\nRBGPF 100% 61.11 $\n";
    let d = document(t);
    assert_eq!(d.headlines.len(), 3);
    assert!(d.headlines.iter().all(|h| h.role == ListRole::Ticker));
    assert_eq!(d.boilerplate[0].kind, BoilerplateKind::Ticker);
}

#[test]
fn clutter_is_boilerplate_never_paragraphs() {
    let t = "Home | World | Business | Sport\nShare\nTitle of the story\nThe first paragraph of the story has enough words to be prose.\nPrint\nThe second paragraph of the story also has enough words.\nRead More »\nWe use cookies to improve your experience. Accept all\n";
    let d = document(t);
    let paras: Vec<&str> = d.paragraphs(0).map(|p| p.text.as_str()).collect();
    assert_eq!(paras.len(), 2, "{paras:?}");
    let kinds: Vec<BoilerplateKind> = d.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Menu, BoilerplateKind::Share, BoilerplateKind::Share, BoilerplateKind::ReadMore, BoilerplateKind::Consent]);
}

#[test]
fn several_articles_and_end_marks() {
    let t = "First title here\nJakarta (AFP) – The first story starts here with enough words.\nIt goes on for another paragraph of words.\nEND\nSecond title here\nThe second story starts without a dateline and runs on.\nIt also has a second paragraph that is long enough.\n[Copyright Example Press]\n";
    let d = document(t);
    assert_eq!(d.kind, DocumentKind::Articles);
    assert_eq!(d.articles.len(), 2);
    assert_eq!(d.articles[0].end_mark.as_ref().unwrap().text, "END");
    assert_eq!(d.articles[1].title.as_ref().unwrap().text, "Second title here");
    assert_eq!(d.articles[1].end_mark.as_ref().unwrap().text, "[Copyright Example Press]");
}

#[test]
fn hard_wrapped_paragraphs_rejoined() {
    let t = "A title\n\nThe minister said on Friday that the talks with the\nneighbouring country would continue next week, adding\nthat no date had been set.\n\nA second paragraph, also wrapped, which goes on for\na while before it ends.\n";
    let d = document(t);
    let paras: Vec<&str> = d.paragraphs(0).map(|p| p.text.as_str()).collect();
    assert_eq!(
        paras,
        [
            "The minister said on Friday that the talks with the neighbouring country would continue next week, adding that no date had been set.",
            "A second paragraph, also wrapped, which goes on for a while before it ends."
        ]
    );
}

#[test]
fn empty_and_odd_inputs() {
    for t in ["", "\n\n", "   ", "-", "-\n-\n-", "\u{feff}", "\r\n\r\n", "—", "•"] {
        let d = document(t);
        assert!(d.articles.is_empty() && d.headlines.len() <= 1, "{t:?}");
    }
    let d = document("Just one line");
    assert_eq!(d.kind, DocumentKind::Listing);
}

#[test]
fn crlf_input() {
    let t = "-\r\nFirst story here\r\n-\r\nSecond story here\r\n";
    let d = document(t);
    assert_eq!(d.headlines.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["First story here", "Second story here"]);
}

#[test]
fn blocks_are_balanced_and_ordered() {
    let t = "-\nA headline\nTitle\nThe first paragraph of the story has enough words to be prose.\nThe second one too has enough words to be a paragraph.\nRelated\nAnother headline\n";
    let mut depth = 0i32;
    let mut last = 0;
    for b in blocks(t) {
        match b.kind {
            ListStart(_) | ArticleStart => depth += 1,
            ListEnd | ArticleEnd => depth -= 1,
            _ => {
                assert!(b.span.start >= last, "out of order: {b:?}");
                last = b.span.end;
            }
        }
        assert!((0..=1).contains(&depth));
    }
    assert_eq!(depth, 0);
}

#[test]
fn numbered_lists_label_tickers_and_teasers_with_times() {
    let t = "Most popular\n1. Heatwave sends Madrid to record heat\n2. Toyota recalls hybrids over brakes\n";
    let d = document(t);
    assert_eq!(d.headlines.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["Heatwave sends Madrid to record heat", "Toyota recalls hybrids over brakes"]);
    assert!(d.headlines.iter().all(|h| h.role == ListRole::Popular));
    let d = document("Breaking • Storm warning for the coast • Rail strike called off\n");
    assert_eq!(d.headlines.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["Storm warning for the coast", "Rail strike called off"]);
    let t = "Ports reopen after cyberattack\nRead More »\nScientists map coral bleaching\nWed, 30 Jul 2025 04:48:02 GMT\nAerial surveys found bleaching on most reefs.\nRead More »\n";
    let d = document(t);
    assert!(d.articles.is_empty(), "a headline with its time and a one-line teaser is not an article");
    assert_eq!(d.headlines[1].teaser.as_ref().unwrap().text, "Aerial surveys found bleaching on most reefs.");
    assert_eq!(d.headlines[1].time.as_ref().unwrap().iso.as_deref(), Some("2025-07-30T04:48:02Z"));
}

#[test]
fn live_page_time_lines_open_entries() {
    let t = "Harbour strike live updates\n\nPORTVILLE (AP) — Dock workers walked out on Monday, halting traffic at the port for the first time in a decade.\n\n3:45 p.m.\n\nThe union said talks with the port authority would resume on Tuesday morning at the ministry.\n\nIts leader told reporters that the members had voted by a large majority for the strike.\n\n2:10 p.m.\n\nShipping companies began diverting their vessels to other ports along the coast on Monday.\n";
    let d = document(t);
    let paras: Vec<usize> = d.articles.iter().map(|a| a.sections.iter().map(|s| s.paragraphs.len()).sum()).collect();
    assert_eq!(paras, [1, 2, 1], "{:?}", d.articles);
    assert!(d.articles.iter().skip(1).all(|a| a.title.is_none()), "a time line is no title");
}

#[test]
fn relative_times_split_off_listed_headlines() {
    let t = "Key events\n\n  • 2h agoFerry service resumes after the storm\n  • 5h agoCouncil approves the new budget\n  • 1d agoLocal team wins the regional final\n";
    let d = document(t);
    let heads: Vec<(&str, Option<&str>)> = d.headlines.iter().map(|h| (h.text.as_str(), h.time.as_ref().map(|x| x.text.as_str()))).collect();
    assert!(heads.ends_with(&[("Ferry service resumes after the storm", Some("2h ago")), ("Council approves the new budget", Some("5h ago")), ("Local team wins the regional final", Some("1d ago"))]), "{heads:?}");
}

#[test]
fn listing_marks_end_entries_and_are_no_headlines() {
    // a count line printed between a listing's entries (digits change): each entry is a story
    let t = "Harbour Town News\nCouncil approves new ferry timetable for the winter season\nThe town council on Tuesday approved a winter ferry timetable that adds two early crossings.\nOfficials said the change would help workers who travel to the mainland before dawn.\nviews 355\nLibrary extends opening hours during exam weeks for students\nThe central library will stay open until midnight for three weeks from Monday.\nviews 1,204\nFishermen report record catch of mackerel off the northern coast\nBoats returning to the harbour on Sunday landed more mackerel than in any week this year.\n";
    let d = document(t);
    let titles: Vec<&str> = d.articles.iter().filter_map(|a| a.title.as_ref().map(|x| x.text.as_str())).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(d.headlines.iter().all(|h| !h.text.starts_with("views")), "{:?}", d.headlines);
}

#[test]
fn hard_wrapped_tail_and_cut_off_last_line_stay_in_the_body() {
    // the short last line of a wrapped paragraph joins it; the dump's last line, cut off inside
    // the next paragraph, is that paragraph
    let t = "Storm closes coastal road for a second day\nThe coastal road between the two villages stayed closed on Wednesday after waves washed\ngravel across the carriageway and damaged a retaining wall near the old pier.\nEngineers said repairs would take at least a week.\nResidents were told to use the inland route, which adds twenty minutes to the journey\nfor most drivers and passes through the market town, where traffic is already heavy in the\nafternoon.\nThe council said it would publish a schedule for the works once the sea had calmed and\n";
    let d = document(t);
    let paras: Vec<&str> = d.paragraphs(0).map(|p| p.text.as_str()).collect();
    assert_eq!(paras.len(), 4, "{paras:?}");
    assert!(paras[1].starts_with("Engineers said"), "{paras:?}");
    assert!(paras[2].ends_with("heavy in the afternoon."), "{paras:?}");
    assert!(paras[3].ends_with("once the sea had calmed and"), "{paras:?}");
}


/// An article page of the shape people copy: body, then a named chrome list the model reads as
/// clutter.
fn with_chrome_list(heading: &str, items: &[&str]) -> String {
    let mut t = String::from(
        "Harbour town votes for new sea wall\nBy Ewan Dunmore\nThe town council voted on Thursday to spend twelve million pounds on a new sea wall after three storms flooded the main street.\n\"We cannot keep bailing out the bakery every February,\" said the chair of the flood committee.\nWork is due to start in September and should be finished by the end of next year.\n",
    );
    t.push_str(heading);
    t.push('\n');
    for i in items {
        t.push_str(i);
        t.push('\n');
    }
    t.push_str("© 2025 The Harbour Post. All rights reserved.\n");
    t
}

#[test]
fn named_chrome_lists_take_their_items() {
    let cases: &[(&str, &[&str], &[&str], ListRole)] = &[
        ("Most viewed", &["Storm leaves thousands without power", "Ferry services cancelled across the islands", "Fishing fleet counts the cost of winter"], &["Storm leaves thousands without power", "Ferry services cancelled across the islands", "Fishing fleet counts the cost of winter"], ListRole::Popular),
        // lynx: bullets and link numbers
        ("Related stories", &["  * [10]Storm leaves thousands without power", "  * [11]Ferry services cancelled across the islands"], &["Storm leaves thousands without power", "Ferry services cancelled across the islands"], ListRole::Related),
        // markdown: the heading in markup, the items links
        ("### Most read", &["- [Peso slips as the central bank signals cuts](https://example.org/a)", "- [Lithium deal draws protests in the desert](https://example.org/b)"], &["Peso slips as the central bank signals cuts", "Lithium deal draws protests in the desert"], ListRole::Popular),
        ("**Related**", &["- [Council sacked after audit finds missing millions](/news/a)", "- [Developer fined over planning breaches](/news/b)"], &["Council sacked after audit finds missing millions", "Developer fined over planning breaches"], ListRole::Related),
        // a source line printed under every item is no headline
        ("Related stories", &["Mask handout tainted by complaints over mould", "Wire Service Desk", "Rescue crews search a collapsed tower", "Wire Service Desk"], &["Mask handout tainted by complaints over mould", "Rescue crews search a collapsed tower"], ListRole::Related),
    ];
    for (heading, items, want, role) in cases {
        let t = with_chrome_list(heading, items);
        let d = document(&t);
        let got: Vec<&str> = d.headlines.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(&got, want, "{heading}");
        assert!(d.headlines.iter().all(|h| h.role == *role), "{heading}: {:?}", d.headlines);
        assert_eq!(d.articles.len(), 1, "{heading}");
        assert_eq!(d.articles[0].sections.iter().map(|s| s.paragraphs.len()).sum::<usize>(), 3, "{heading}");
    }
}

#[test]
fn one_word_menu_after_a_chrome_heading_stays_clutter() {
    let t = with_chrome_list("Most popular", &["World", "Business", "Sport", "Culture"]);
    let d = document(&t);
    assert!(d.headlines.is_empty(), "{:?}", d.headlines);
}

#[test]
fn a_chart_inside_a_body_does_not_split_the_story() {
    // a story, a chart of short labels and numbers, then the rest of the story: one article
    let mut t = String::from("Harbour tolls to double as the port expands its quays\n\nBy Ann Example\n\n");
    for p in [
        "The port authority said on Monday that the tolls paid by every ship entering the harbour would double from next spring.",
        "Officials said the money would pay for two new quays, a longer breakwater and the dredging of the main channel to a greater depth.",
        "Shipping firms said the rise came at a hard time, with freight rates already falling and fuel costs higher than last year.",
    ] {
        t.push_str(p);
        t.push_str("\n\n");
    }
    for l in ["Tolls per ship", "$900", "thousand", "600", "300", "0", "’17", "’18", "’19", "’20", "’21", "Source: Port authority"] {
        t.push_str(l);
        t.push_str("\n\n");
    }
    for p in [
        "The authority said the new quays would open in three years and that the tolls would be reviewed once the work was done.",
        "A spokesman for the shipping firms said they would ask the council to phase the rise in over several years instead.",
    ] {
        t.push_str(p);
        t.push_str("\n\n");
    }
    let d = document(&t);
    let main = d.articles.iter().max_by_key(|a| a.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>()).unwrap();
    assert_eq!(main.title.as_ref().map(|x| x.text.as_str()), Some("Harbour tolls to double as the port expands its quays"));
    assert_eq!(main.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>(), 5, "{:?}", d.articles.iter().map(|a| a.title.as_ref().map(|x| x.text.clone())).collect::<Vec<_>>());
}

#[test]
fn title_text_drops_markdown_inline_marks() {
    assert_eq!(unmark("New _Harbour_ bridge opens for **cyclists**"), "New Harbour bridge opens for cyclists");
    assert_eq!(unmark("Part 24\\. The end \\- almost"), "Part 24. The end - almost");
    assert_eq!(unmark("snake_case and 5*3 stay, a * b too"), "snake_case and 5*3 stay, a * b too");
    assert_eq!(unmark("More ____"), "More ____");
    assert_eq!(unmark("Plain title"), "Plain title");
}

/// A segmenter over `lines` (one a line) whose roles are set by hand, so an assembly pass is
/// tested apart from what the line-role model reads.
fn segmenter_with<'a>(text: &'a str, roles: &[Role], articles: usize) -> Segmenter<'a> {
    let mut s = Segmenter::new(text, roles::shipped());
    assert_eq!(s.lines.len(), roles.len(), "one role a line");
    s.roles = roles.iter().map(|&r| Some(r)).collect();
    s.articles = articles;
    s
}

#[test]
fn teaser_articles_beside_the_main_story_become_a_list() {
    let text = "Ferry fares rise for the winter season\nPassengers will pay more for the crossing from next month, the operator said.\nLibrary opens a new reading room for children\nThe room on the first floor has space for forty readers and a corner for story time.\nCouncil approves plan for new sea wall\nThe town council voted on Thursday to spend twelve million pounds on a new sea wall after three storms flooded the main street last winter.\n\"We cannot keep bailing out the bakery every February,\" said the chair of the flood committee, who has lived on the seafront for thirty years.\nEngineers will start work in September, beginning at the northern end of the promenade where the old wall has already cracked in two places.\nThe work should be finished by the end of next year, although the council warned that a wet spring could push the date back by several weeks.\nShop owners on the main street welcomed the vote but asked for the road to stay open while the works go on.\n";
    use Role::{Para, Title};
    let roles = [Title(0), Para(0), Title(1), Para(1), Title(2), Para(2), Para(2), Para(2), Para(2), Para(2)];
    let mut s = segmenter_with(text, &roles, 3);
    s.teasers_to_lists();
    let l = s.list_roles.len() - 1;
    assert_eq!(s.roles[..4], [Some(Role::Headline(l)), Some(Role::Teaser(l)), Some(Role::Headline(l)), Some(Role::Teaser(l))]);
    assert_eq!(s.roles[4..], roles[4..].iter().map(|&r| Some(r)).collect::<Vec<_>>()[..]);
    // one short article alone may be the rest of a story cut by a list: it stays
    let mut s = segmenter_with(text, &[Role::Boiler, Role::Boiler, Title(1), Para(1), Title(2), Para(2), Para(2), Para(2), Para(2), Para(2)], 3);
    s.teasers_to_lists();
    assert_eq!(s.roles[2], Some(Title(1)));
}

#[test]
fn a_date_with_only_punctuation_beside_it_is_a_timestamp_in_a_body() {
    let text = "Council approves plan for new sea wall\nJun 7, 2023, 8:54 PM UTC|\nThe town council voted on Thursday to spend twelve million pounds on a new sea wall.\n";
    use Role::{Para, Sub, Title};
    for role in [Para(0), Sub(0)] {
        let s = segmenter_with(text, &[Title(0), role, Para(0)], 1);
        let mut out = Vec::new();
        s.emit_line(1, &mut out);
        let got: Vec<(BlockKind, &str)> = out.iter().map(|b| (b.kind, b.span.slice(text))).collect();
        assert_eq!(got, [(Timestamp, "Jun 7, 2023, 8:54 PM UTC")], "{role:?}");
    }
}

#[test]
fn a_byline_after_the_date_is_read() {
    use super::assemble::by_line;
    assert_eq!(by_line("on March 10, 2015 by Jane Doe"), Some("by Jane Doe"));
    assert_eq!(by_line("Posted 3 May 2019, by Jane Doe"), Some("by Jane Doe"));
    assert_eq!(by_line("By Jane Doe"), Some("By Jane Doe"));
    assert_eq!(by_line("March 10, 2015 in Harbour Town"), None);
    assert_eq!(by_line("Nearby shops stayed shut"), None);
}

#[test]
fn a_digest_story_ends_at_its_agency_credit() {
    let text = "Storm closes coastal road\nThe coastal road between the two villages stayed closed on Wednesday after waves washed gravel across it.\nEngineers said repairs would take at least a week. - AP\nNORTHSHIRE\nLibrary hours\nThe central library will stay open until midnight for three weeks from Monday, its director said.\n";
    use Role::{Boiler, Para, Title};
    let mut s = segmenter_with(text, &[Title(0), Para(0), Para(0), Boiler, Boiler, Para(0)], 1);
    s.split_at_credits();
    assert_eq!(s.roles, [Title(0), Para(0), Para(0), Boiler, Title(1), Para(1)].map(Some));
    // a caption's credit with no title after it stays inside the story
    let text = "Storm closes coastal road\nThe coastal road between the two villages stayed closed on Wednesday after waves washed gravel across it.\nWaves break over the old pier on Tuesday. - AP\nEngineers said repairs would take at least a week, and the road would stay shut until then.\n";
    let mut s = segmenter_with(text, &[Title(0), Para(0), Para(0), Para(0)], 1);
    s.split_at_credits();
    assert_eq!(s.roles, [Title(0), Para(0), Para(0), Para(0)].map(Some));
}

#[test]
fn a_name_over_the_line_that_dates_it_is_the_byline() {
    let cases = [
        ("Jane Doe\n14 min read\n", "Jane Doe"),
        ("Jane Doe\nExample City\nSun 9 Feb 2025 14.02 GMT\n", "Jane Doe"),
        ("Jane Doe Jane Doe\n2 hours ago\n", "Jane Doe"),
        ("Jana Nováková\npřed 2 hodinami\n", "Jana Nováková"),
        ("**Jane Doe** at Example Park\nSaturday 22 November 2025 17.31 GMT\n", "Jane Doe"),
        ("By [Jane Doe](https://example.com/authors/jd)\n\nNovember 4, 2025 · 4 min read\n", "Jane Doe"),
    ];
    for (head, name) in cases {
        let t = format!("Harbour town opens its new ferry pier\n{head}The new pier opened on Monday after two years of building, the council said.\nA second paragraph with enough words to count as the body of the story.\n");
        let d = document(&t);
        let a = d.articles.first().unwrap_or_else(|| panic!("no article: {head:?}"));
        assert_eq!(a.byline.as_ref().map(|b| b.authors.clone()), Some(vec![name.to_string()]), "{head:?}");
    }
}

#[test]
fn an_update_gives_way_to_the_first_date() {
    let t = "Harbour town opens its new ferry pier\nDec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC\nBy Jane Doe\nThe new pier opened on Monday after two years of building, the council said.\nA second paragraph with enough words to count as the body of the story.\n";
    let d = document(t);
    let p = d.articles[0].published.as_ref().expect("a date");
    assert_eq!(p.iso.as_deref().map(|i| &i[..10]), Some("2024-12-06"), "{p:?}");
}

#[test]
fn prose_after_a_bare_head_resumes_the_body() {
    let text = "The harbour board met on Monday to discuss the winter timetable for the island ferries and the cost of new moorings.\nTimetable\nThe board agreed that the first ferry would leave at seven in the morning from November until the end of February next year.\nShare this story with your friends\nLeave your comment below and tell us what you think about the new ferry timetable for the islands.\n";
    use Role::{Boiler, Para, Sub};
    let mut s = segmenter_with(text, &[Para(0), Boiler, Boiler, Boiler, Boiler], 1);
    s.resumed_body();
    // the bare head and the sentence after it are the body's
    assert_eq!(s.roles[1], Some(Sub(0)));
    assert_eq!(s.roles[2], Some(Para(0)));
    // a short clutter prose line (< 20 words) does not resume the body
    let text = "The harbour board met on Monday to discuss the winter timetable for the island ferries and the cost of new moorings.\nMore news\nRead our other stories today.\n";
    let mut s = segmenter_with(text, &[Para(0), Boiler, Boiler], 1);
    s.resumed_body();
    assert_eq!(s.roles[1..], [Some(Boiler), Some(Boiler)]);
}
