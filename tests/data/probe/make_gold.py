# Writes pages/gold.json for the probe pages (hand gold, same layout as ../shared/dumps/pages).
# Kept as a script so the gold reads as a table; run: python3 tests/data/probe/make_gold.py
import json, os

def art(title, paragraphs, dateline=None, place=None, agency=None, byline=None, date=None, date_iso=None, subheadings=()):
    return {"title": title, "dateline": dateline, "place": place, "agency": agency, "byline": byline,
            "date": date, "date_iso": date_iso, "paragraphs": paragraphs, "subheadings": list(subheadings), "truncated": False}

def h(headline, timestamp=None, dateline=None, teaser_start=None, role=None):
    d = {"headline": headline, "timestamp": timestamp, "dateline": dateline, "teaser_start": teaser_start}
    if role:
        d["role"] = role
    return d

def ents(*pairs):
    return [{"text": t, "type": k} for t, k in pairs]

def q(start, speaker):
    return {"quote_start": start, "speaker": speaker}

NAV = lambda *xs: [h(x, role="nav") for x in xs]

pages = [
 ("01.txt", "article (chromium innerText, standfirst, caption mid-body, popular list)", None,
  [art("Supreme court blocks Kenya's plan to privatise 11 state firms", 5, byline="Wanjiru Kamau",
       date="Sun 9 Feb 2025 14.02 GMT", date_iso="2025-02-09")],
  NAV("World", "Politics", "Business", "Tech", "Climate") + [
   h("Storm Darragh: thousands still without power", role="related"),
   h("How a Lagos startup is rewiring Africa's payments", role="related"),
   h("Kenyan runners sweep the Tokyo marathon", role="related")],
  ents(("Kenya", "LOC"), ("Kenya Pipeline Company", "ORG"), ("Lawrence Mugambi", "PER"), ("Mugambi", "PER"),
       ("Law Society of Kenya", "ORG"), ("John Mbadi", "PER"), ("International Monetary Fund", "ORG"),
       ("Wanjiru Kamau", "PER"), ("Nairobi", "LOC")),
  [q("The public participation was an afterthought", "Lawrence Mugambi")]),
 ("02.txt", "article (lynx -dump, link references, hard wraps, related list)", None,
  [art("Harbour town votes to rebuild sea wall after winter storms", 4, dateline="KIRKWALL, Scotland (Reuters) -",
       place="KIRKWALL, Scotland", agency="Reuters", byline="Marta Lindqvist", date="14 March 2025", date_iso="2025-03-14")],
  NAV("News", "Business", "Sport", "Opinion") + [
   h("Storm Isha leaves thousands without power", role="related"),
   h("Ferry services cancelled across Orkney", role="related"),
   h("Fishing fleet counts cost of winter", role="related")],
  ents(("Stromvik", "LOC"), ("Ewan Dunmore", "PER"), ("Dunmore", "PER"), ("Scottish Environment Protection Agency", "ORG"),
       ("Scottish Government", "ORG"), ("Marta Lindqvist", "PER"), ("KIRKWALL", "LOC"), ("Scotland", "LOC"), ("Reuters", "ORG")),
  [q("We cannot keep bailing out the", "Ewan Dunmore"), q("This is the only plan that", "Ewan Dunmore")]),
 ("03.txt", "article (markdown, linked byline, image and caption, subheading, most-read list)", None,
  [art("Chilean copper output falls for a third month as mines age", 4, dateline="SANTIAGO, Nov 4 (AP) —", place="SANTIAGO",
       agency="AP", byline="Daniel Ortega Ruiz", date="November 4, 2025", date_iso="2025-11-04", subheadings=["Prices near record"])],
  NAV("Home", "World", "Markets") + [
   h("Peso slips as central bank signals cuts", role="related"),
   h("Lithium deal draws protests in Atacama", role="related")],
  ents(("Chile", "LOC"), ("Codelco", "ORG"), ("BHP", "ORG"), ("Juana Ferreira", "PER"), ("Minera Datos", "ORG"),
       ("London", "LOC"), ("SANTIAGO", "LOC"), ("Daniel Ortega Ruiz", "PER"), ("AP", "ORG")),
  [q("The ore bodies are simply poorer", "Juana Ferreira")]),
 ("04.txt", "article (w3m -dump, two-author wire byline, hard wraps, trending list)", None,
  [art("Wildfire near Paradise Ridge forces 2,000 to leave homes", 5, dateline="PARADISE RIDGE, Calif. (AP) —",
       place="PARADISE RIDGE, Calif.", agency="AP", byline="TOMAS ALVARADO and GRACE O'NEILL",
       date="6:41 PM PDT, August 19, 2024", date_iso="2024-08-19")],
  [h("Oroville dam spillway repairs finish early", role="related"),
   h("High school football preview: five games to watch", role="related"),
   h("County fair returns with rodeo and demolition derby", role="related")],
  ents(("Sierra Nevada", "LOC"), ("California Department of Forestry and Fire Protection", "ORG"), ("Dana Whitcomb", "PER"),
       ("Gavin Newsom", "PER"), ("Butte County", "LOC"), ("Chico State University", "ORG"), ("Oroville", "LOC"),
       ("TOMAS ALVARADO", "PER"), ("GRACE O'NEILL", "PER"), ("Ridge Fire", "MISC")),
  [q("It jumped the highway in about", "Dana Whitcomb"), q("We pulled everyone back to the", "Dana Whitcomb")]),
 ("05.txt", "listing (latest news with section kickers, relative times, teasers; popular list)", "Latest news",
  [],
  [h("Dollar edges higher as traders await Fed minutes", "12 minutes ago", None, "The dollar rose against most major"),
   h("Senate passes stopgap bill hours before shutdown deadline", "38 minutes ago", "WASHINGTON —", "The Senate approved a short-term spending"),
   h("Japan's ruling party picks new leader after two rounds", "1 hour ago", "TOKYO —", "Japan's Liberal Democratic Party elected former"),
   h("Comet visible to the naked eye this weekend, astronomers say", "2 hours ago", None, "A comet discovered in March will"),
   h("Ferrari confirm driver line-up for next season", "3 hours ago", None, "Ferrari will keep both of their"),
   h("Man finds 4,000-year-old axe in his garden", role="related"),
   h("Why the price of cocoa keeps rising", role="related"),
   h("The town where nobody owns a car", role="related")],
  ents(("Federal Reserve", "ORG"), ("Senate", "ORG"), ("WASHINGTON", "LOC"), ("TOKYO", "LOC"), ("Japan", "LOC"),
       ("Liberal Democratic Party", "ORG"), ("Haruto Sakamoto", "PER"), ("Ferrari", "ORG")),
  []),
 ("06.txt", "press release (GlobeNewswire, About and safe-harbour sections, contact block)", None,
  [art("Norvale Energy Reports Third Quarter 2025 Results", 6, dateline="CALGARY, Alberta, Nov. 06, 2025 (GLOBE NEWSWIRE) --",
       place="CALGARY, Alberta", agency="GLOBE NEWSWIRE", date="November 06, 2025 07:00 ET", date_iso="2025-11-06",
       subheadings=["About Norvale Energy Inc.", "Forward-Looking Statements"])],
  [],
  ents(("Norvale Energy Inc.", "ORG"), ("Norvale", "ORG"), ("CALGARY", "LOC"), ("Alberta", "LOC"), ("TSX", "ORG"),
       ("Montney", "LOC"), ("Priya Raman", "PER"), ("British Columbia", "LOC"), ("Liam Forsythe", "PER")),
  [q("Our new wells at Montney outperformed", "Priya Raman"), q("We are raising our annual production", "Priya Raman")]),
 ("07.txt", "live blog (key events list, timestamped entries, share labels)", "Storm Kerrin live: trains cancelled and 40,000 homes without power",
  [art("Met Office extends amber warning", 1, date="14.10 GMT"),
   art(None, 2, date="13.02 GMT"),
   art("Ferries suspended", 1, date="12.15 GMT")],
  [h("Met Office extends amber warning", "2h ago"), h("Ferries suspended", "4h ago")],
  ents(("Met Office", "ORG"), ("England", "LOC"), ("Network Rail", "ORG"), ("Preston", "LOC"), ("Carlisle", "LOC"),
       ("Lancaster", "LOC"), ("CalMac", "ORG"), ("Arran", "LOC"), ("Mull", "LOC")),
  [q("Please do not travel", "Network Rail")]),
 ("08.txt", "single paragraph (no title)", None,
  [art(None, 1)], [],
  ents(("Mark Carney", "PER"), ("Ottawa", "LOC"), ("Canada", "LOC"), ("United States", "LOC")),
  [q("not be rushed", "Mark Carney")]),
 ("09.txt", "title and one paragraph", None,
  [art("Volcano erupts on Iceland's Reykjanes peninsula for the ninth time", 1)], [],
  ents(("Iceland", "LOC"), ("Reykjanes", "LOC"), ("Grindavik", "LOC"), ("Icelandic Meteorological Office", "ORG")),
  []),
 ("10.txt", "article (wire, hard-wrapped, no blank lines, no title, credit line)", None,
  [art(None, 5, dateline="GENEVA, March 3 (Reuters) -", place="GENEVA", agency="Reuters", date="March 3")], [],
  ents(("GENEVA", "LOC"), ("World Health Organization", "ORG"), ("Europe", "LOC"), ("Central Asia", "LOC"), ("WHO", "ORG"),
       ("UNICEF", "ORG"), ("Hans Kluge", "PER"), ("Romania", "LOC"), ("Kazakhstan", "LOC"), ("Emma Farge", "PER")),
  [q("Measles is back, and it's a", "Hans Kluge")]),
 ("11.txt", "article (everything glued on one line)", None,
  [art("Heavy rain floods streets in Porto Alegre again", 3, dateline="PORTO ALEGRE, Brazil (AP) —", place="PORTO ALEGRE, Brazil",
       agency="AP", byline="Carla Mendes", date="May 12, 2025", date_iso="2025-05-12")], [],
  ents(("Porto Alegre", "LOC"), ("Brazil", "LOC"), ("Rio Grande do Sul", "LOC"), ("Sebastiao Melo", "PER"), ("Carla Mendes", "PER")),
  []),
 ("12.txt", "opinion column (kicker, standfirst, author bio, comment widget)", None,
  [art("Cities should stop building car parks and start building homes", 3, byline="Ingrid Solberg",
       date="Thursday 3 April 2025", date_iso="2025-04-03")], [],
  ents(("Europe", "LOC"), ("Oslo", "LOC"), ("Munich", "LOC"), ("Ingrid Solberg", "PER"), ("Norwegian Ministry of Local Government", "ORG")),
  []),
 ("13.txt", "article (innerText, captions and ad labels inside the body, related list)", None,
  [art("Scientists map the deepest coral reef ever found off Papua New Guinea", 5, byline="Kofi Mensah",
       date="Published 21 October 2025", date_iso="2025-10-21")],
  [h("Great Barrier Reef suffers sixth mass bleaching", role="related"),
   h("How sound recordings are helping reefs recover", role="related")],
  ents(("Papua New Guinea", "LOC"), ("Bismarck Sea", "LOC"), ("Nature", "MISC"), ("Lena Hoffmann", "PER"), ("Hoffmann", "PER"),
       ("University of Queensland", "ORG"), ("Kofi Mensah", "PER")),
  [q("We expected to find a few", "Lena Hoffmann"), q("Instead we found a reef the", "Lena Hoffmann")]),
 ("14.txt", "sports round-up (results lines, fixtures)", None,
  [art("Premier League round-up: Arsenal go top as Salah double sinks Villa", 3, date="Saturday, 25 January 2025", date_iso="2025-01-25")], [],
  ents(("Premier League", "MISC"), ("Arsenal", "ORG"), ("Wolves", "ORG"), ("Emirates", "LOC"), ("Mohamed Salah", "PER"),
       ("Liverpool", "ORG"), ("Aston Villa", "ORG"), ("Anfield", "LOC"), ("Declan Rice", "PER"), ("Bukayo Saka", "PER"),
       ("Mikel Arteta", "PER")),
  [q("We controlled the game from the", "Mikel Arteta")]),
 ("15.txt", "article (Xinhua, source/editor line, Enditem, related)", None,
  [art("China launches new crewed mission to Tiangong space station", 3, dateline="JIUQUAN, April 24 (Xinhua) --", place="JIUQUAN",
       agency="Xinhua", date="2025-04-24 22:15:03", date_iso="2025-04-24T22:15:03")],
  [h("China to send Pakistani astronaut to space station", role="related"), h("Moon lander passes key test", role="related")],
  ents(("JIUQUAN", "LOC"), ("China", "LOC"), ("Shenzhou-20", "MISC"), ("Tiangong", "MISC"), ("Long March-2F", "MISC"),
       ("Jiuquan Satellite Launch Center", "LOC"), ("China Manned Space Agency", "ORG"), ("CMSA", "ORG"), ("Xinhua", "ORG")),
  []),
 ("16.txt", "article (paywall, byline name and role on separate lines)", None,
  [art("Shell to cut 400 jobs in low-carbon unit as it refocuses on gas", 2, byline="Margaret Ellison",
       date="Tuesday June 10 2025, 6.00pm", date_iso="2025-06-10T18:00")], [],
  ents(("Shell", "ORG"), ("London", "LOC"), ("The Hague", "LOC"), ("Wael Sawan", "PER"), ("Margaret Ellison", "PER")),
  []),
 ("17.txt", "article (Yonhap, no title, email and END trailer)", None,
  [art(None, 4, dateline="SEOUL, Jan. 5 (Yonhap) --", place="SEOUL", agency="Yonhap", date="Jan. 5")], [],
  ents(("SEOUL", "LOC"), ("South Korea", "LOC"), ("Ministry of Trade, Industry and Energy", "ORG")),
  []),
 ("18.txt", "listing (topic page, dated teasers, pager, popular list)", "Topics: Renewable energy",
  [],
  [h("Offshore wind farm off Norfolk gets final approval", "June 2, 2025", None, "The government has approved a 1.5-gigawatt"),
   h("Solar panels now cheaper than roof tiles in Spain, study finds", "May 28, 2025", None, "Installing solar panels on a new"),
   h("Germany's biggest battery opens in Saxony", "May 21, 2025", None, "A 200-megawatt battery storage plant opened"),
   h("Tidal power project in Scotland doubles output", "May 14, 2025", None, "The MeyGen tidal array in the"),
   h("Heat pump sales fall for a second year", role="related"),
   h("Why your electricity bill went up in April", role="related")],
  ents(("Norfolk", "LOC"), ("Spain", "LOC"), ("Madrid", "LOC"), ("Germany", "LOC"), ("Saxony", "LOC"), ("Leipzig", "LOC"),
       ("MeyGen", "MISC"), ("Pentland Firth", "LOC"), ("Scotland", "LOC")),
  []),
 ("19.txt", "article (byline with outlet and region, injected Read more lines)", None,
  [art("Police arrest two after £3m art theft from Cotswolds manor", 6, byline="Harriet Cole", date="Published 2 hours ago")],
  [h("Stolen Turner found in garage after 20 years", role="related"),
   h("Museum guard jailed over missing Roman coins", role="related")],
  ents(("Cotswolds", "LOC"), ("Gloucestershire Police", "ORG"), ("John Constable", "PER"), ("Ashcombe Manor", "LOC"),
       ("Stow-on-the-Wold", "LOC"), ("Rachel Moss", "PER"), ("Eleanor Whitby", "PER"), ("Harriet Cole", "PER"), ("BBC News", "ORG")),
  [q("We are confident we will find", "Rachel Moss")]),
 ("20.txt", "digest (briefs with house datelines)", "NEWS IN BRIEF",
  [art("Bridge closure to last until spring", 2, dateline="LEEDS —", place="LEEDS"),
   art("Library wins national award", 2, dateline="YORK —", place="YORK"),
   art("Man rescued from flooded river", 1, dateline="HARROGATE —", place="HARROGATE")],
  [h("Bridge closure to last until spring", dateline="LEEDS —", teaser_start="The Crown Point Bridge will stay"),
   h("Library wins national award", dateline="YORK —", teaser_start="York Explore, the city's library service,"),
   h("Man rescued from flooded river", dateline="HARROGATE —", teaser_start="A 62-year-old man was rescued from")],
  ents(("LEEDS", "LOC"), ("Crown Point Bridge", "LOC"), ("Leeds City Council", "ORG"), ("Victoria Bridge", "LOC"), ("YORK", "LOC"),
       ("York Explore", "ORG"), ("British Book Awards", "MISC"), ("Fiona Williams", "PER"), ("HARROGATE", "LOC"), ("River Nidd", "LOC"),
       ("North Yorkshire Fire and Rescue Service", "ORG")),
  [q("This is for every volunteer who", "Fiona Williams")]),
]

here = os.path.dirname(os.path.abspath(__file__))
out = []
for f, shape, page_title, articles, headlines, entities, quotes in pages:
    text = open(os.path.join(here, "pages", f), encoding="utf-8").read()
    flat = " ".join(text.split())  # gold strings are whitespace-normalised (hard wraps)
    for e in entities:
        assert e["text"] in flat, (f, e["text"])
    for a in articles:
        for k in ("title", "dateline", "date"):
            assert a[k] is None or a[k] in flat, (f, k, a[k])
    for x in headlines:
        assert x["headline"] in flat, (f, x["headline"])
    out.append({"file": f, "shape": shape, "bytes": len(text.encode()), "page_title": page_title, "articles": articles,
                "headlines": headlines, "entities": entities, "quotes": quotes})
with open(os.path.join(here, "pages", "gold.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
print(len(out), "pages")
