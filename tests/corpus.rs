//! The embedded corpus holds every statement of the source documents, dated
//! honestly and tagged with the facets visitors use.
#![cfg(not(target_arch = "wasm32"))]

use ima_statements::archive::Archive;
use ima_statements::lang::Lang;
use ima_statements::vocabulary::Facet;

/// (id, title, date label, precision, approximate, excerpt)
const EXPECTED: [(&str, &str, &str, &str, bool, bool); 11] = [
    ("2015-05-asean-save-the-rohingya-at-sea", "Migrants challenge ASEAN to save the Rohingya at sea, immediately resolve the\u{a0}crisis", "May 2015", "month", true, false),
    ("2015-05-justice-for-the-26", "Justice for the 26! Investigate the jungle graves in\u{a0}Thailand!", "May 2015", "month", true, false),
    ("2015-09-let-the-pictures-break-barriers", "Let the pictures break not only hearts,\u{a0}but also barriers to\u{a0}rights", "September 2015", "month", true, false),
    ("2015-11-11-third-general-assembly-communique", "Communiqué of the Third General Assembly of the International Migrants’ Alliance (IMA)", "11–13 November 2015", "range", false, false),
    ("2015-12-10-human-rights-day-tppa", "Statement of the International Migrants’ Alliance on 2015 International Human Rights Day and for the International Campaign vs. TPPA", "10 December 2015", "day", false, false),
    ("2015-12-18-international-migrants-day-2015", "Statement on the 2015\u{a0}IMD", "18 December 2015", "day", false, true),
    ("2016-03-brussels-bombing", "IMA Statement on Brussels Bombing", "March 2016", "month", true, true),
    ("2016-12-18-international-migrants-day-2016", "IMA Statement on 2016 Migrants Day", "18 December 2016", "day", false, false),
    ("2017-07-global-compact-engagement", "IMA Pursues Engagement for Global Compact That Truly Serves the Interest of Migrants", "July 2017", "month", true, false),
    ("2017-12-04-us-withdrawal-from-gcm", "[Statement] IMA on US withdrawal from GCM", "4 December 2017", "day", false, false),
    ("2023-07-12-secretariat-meets-in-hong-kong", "IMA Global Secretariat Meet in Hong Kong", "12–17 July 2023", "range", true, false),
];

fn archive() -> Archive {
    ima_statements::archive::embedded().expect("the embedded corpus decodes")
}

#[test]
fn holds_the_eleven_statements_oldest_first_with_titles_and_dates() {
    let archive = archive();
    let summaries = archive.summaries(Lang::En);
    assert_eq!(summaries.len(), 11);
    for (summary, expected) in summaries.iter().zip(EXPECTED) {
        let (id, title, label, precision, approximate, excerpt) = expected;
        assert_eq!(summary.id, id);
        // Titles keep the no-break spaces of the source pages; compare the words.
        assert_eq!(
            summary.title.replace('\u{a0}', " "),
            title.replace('\u{a0}', " "),
            "{id}"
        );
        assert_eq!(summary.date.label, label, "{id}");
        assert_eq!(summary.date.precision, precision, "{id}");
        assert_eq!(summary.date.approximate, approximate, "{id}");
        assert_eq!(
            summary.date.reason.is_some(),
            approximate,
            "{id}: an approximate date says why"
        );
        assert_eq!(summary.excerpt, excerpt, "{id}");
    }
}

#[test]
fn bodies_are_full_text_without_page_noise() {
    let archive = archive();
    for s in archive.statements() {
        let body = s.body.paragraphs();
        assert!(!body.is_empty(), "{}", s.id);
        for p in body.iter() {
            let t = p.trim();
            assert!(!t.is_empty());
            assert!(
                !matches!(t, "Previous" | "Next"),
                "{}: navigation left in the body",
                s.id
            );
            assert!(
                !t.contains("Continue reading"),
                "{}: page noise left in the body",
                s.id
            );
            assert!(
                !t.starts_with("Reference:"),
                "{}: signature left in the body",
                s.id
            );
        }
    }
    // The longest statement keeps its many paragraphs.
    let communique = archive
        .get("2015-11-11-third-general-assembly-communique")
        .unwrap();
    let body = communique.body.paragraphs();
    assert!(body.len() >= 25, "{}", body.len());
    assert!(body.iter().any(|p| p.contains("Azra Talat Zayeed")));
    // Glued sentences of the scraped pages were split back into paragraphs, nothing else changed.
    let gcm = archive.get("2017-07-global-compact-engagement").unwrap();
    let body = gcm.body.paragraphs();
    assert!(body.len() >= 8, "{}", body.len());
    assert!(body.iter().any(|p| p.starts_with("Sringatin, chairperson")));
}

#[test]
fn signatories_carry_name_and_role() {
    let archive = archive();
    let s = archive.get("2017-12-04-us-withdrawal-from-gcm").unwrap();
    assert_eq!(s.signatories[0].name, "Eni Lestari");
    assert_eq!(s.signatories[0].role.as_deref(), Some("IMA Chairperson"));
}

fn tagged(archive: &Archive, id: &str, facet: Facet, slug: &str) -> bool {
    let v = archive.vocabulary();
    let want = v
        .find(facet, slug)
        .unwrap_or_else(|| panic!("{slug} is in the vocabulary"));
    archive.get(id).unwrap().tags.contains(&want)
}

#[test]
fn statements_are_tagged_with_the_facets_visitors_use() {
    let a = archive();
    let cases = [
        (
            "2017-12-04-us-withdrawal-from-gcm",
            Facet::Topic,
            "global-compact-on-migration",
        ),
        (
            "2017-12-04-us-withdrawal-from-gcm",
            Facet::Place,
            "united-states",
        ),
        (
            "2017-12-04-us-withdrawal-from-gcm",
            Facet::Person,
            "eni-lestari",
        ),
        (
            "2016-12-18-international-migrants-day-2016",
            Facet::Topic,
            "international-migrants-day",
        ),
        ("2015-05-justice-for-the-26", Facet::Topic, "rohingya"),
        ("2015-05-justice-for-the-26", Facet::Topic, "trafficking"),
        ("2015-05-justice-for-the-26", Facet::Place, "thailand"),
        (
            "2015-05-asean-save-the-rohingya-at-sea",
            Facet::Place,
            "myanmar",
        ),
        (
            "2015-05-asean-save-the-rohingya-at-sea",
            Facet::Place,
            "indonesia",
        ),
        ("2015-12-10-human-rights-day-tppa", Facet::Topic, "tppa"),
        (
            "2015-12-10-human-rights-day-tppa",
            Facet::Organization,
            "tenaganita",
        ),
        ("2015-12-10-human-rights-day-tppa", Facet::Place, "malaysia"),
        (
            "2015-11-11-third-general-assembly-communique",
            Facet::Topic,
            "neoliberal-globalization",
        ),
        (
            "2015-11-11-third-general-assembly-communique",
            Facet::Organization,
            "migrante-international",
        ),
        (
            "2015-11-11-third-general-assembly-communique",
            Facet::Place,
            "philippines",
        ),
        ("2016-03-brussels-bombing", Facet::Place, "belgium"),
        (
            "2023-07-12-secretariat-meets-in-hong-kong",
            Facet::Place,
            "hong-kong",
        ),
        (
            "2023-07-12-secretariat-meets-in-hong-kong",
            Facet::Organization,
            "apmm",
        ),
        (
            "2017-07-global-compact-engagement",
            Facet::Organization,
            "apmm",
        ),
        // Tagged from the signature alone.
        (
            "2015-09-let-the-pictures-break-barriers",
            Facet::Organization,
            "cpgsd",
        ),
    ];
    for (id, facet, slug) in cases {
        assert!(
            tagged(&a, id, facet, slug),
            "{id} should be tagged {}:{slug}",
            facet.as_str()
        );
    }
    // A city is its own place and tags its country too; a statement naming
    // only the country is not tagged with its cities.
    for city in ["quezon-city", "manila", "philippines"] {
        assert!(tagged(
            &a,
            "2015-11-11-third-general-assembly-communique",
            Facet::Place,
            city
        ));
    }
    for city in ["quezon-city", "manila"] {
        assert!(!tagged(
            &a,
            "2023-07-12-secretariat-meets-in-hong-kong",
            Facet::Place,
            city
        ));
    }
    assert!(tagged(
        &a,
        "2023-07-12-secretariat-meets-in-hong-kong",
        Facet::Place,
        "philippines"
    ));
    // Hand override: "New York" there is only the New York Declaration.
    assert!(!tagged(
        &a,
        "2017-12-04-us-withdrawal-from-gcm",
        Facet::Place,
        "new-york"
    ));
    // Acronyms match in capitals only: "us" in a text is not the United States.
    assert!(!tagged(
        &a,
        "2016-12-18-international-migrants-day-2016",
        Facet::Place,
        "united-states"
    ));
}

#[test]
fn every_entity_labels_and_every_tag_resolves() {
    let a = archive();
    for s in a.statements() {
        for t in &s.tags {
            assert!(a.vocabulary().entity(*t).is_some());
        }
        assert!(a.vocabulary().kind(&s.kind).is_some(), "{}", s.id);
    }
    let kinds: Vec<&str> = a.statements().iter().map(|s| s.kind.as_str()).collect();
    assert!(
        kinds.contains(&"communique") && kinds.contains(&"news") && kinds.contains(&"statement")
    );
}

#[test]
fn a_broader_entity_must_be_another_of_the_same_facet_without_loops() {
    use ima_statements::corpus::source::parse_vocabulary;
    let vocabulary = |places: &str| {
        let text = format!("[kinds]\nstatement = \"Statement\"\n\n{places}");
        parse_vocabulary("vocabulary.toml", &text).map_err(|e| e.to_string())
    };
    let v = vocabulary(
        "[[place]]\nslug = \"quezon-city\"\nlabel = \"Quezon City\"\nbroader = \"philippines\"\n\n\
         [[place]]\nslug = \"philippines\"\nlabel = \"Philippines\"\n",
    )
    .expect("a broader entity may come later in the file");
    assert_eq!(v.entities[0].broader, Some(1));
    assert_eq!(v.entities[1].broader, None);
    assert_eq!(
        vocabulary("[[place]]\nslug = \"manila\"\nlabel = \"Manila\"\nbroader = \"luzon\"\n")
            .unwrap_err(),
        "vocabulary.toml:7: `broader` of `manila` is `luzon`, which is not another place of this file"
    );
    // A topic is no broader place.
    let other_facet = vocabulary(
        "[[topic]]\nslug = \"asia\"\nlabel = \"Asian affairs\"\n\n\
         [[place]]\nslug = \"manila\"\nlabel = \"Manila\"\nbroader = \"asia\"\n",
    );
    assert!(other_facet.unwrap_err().contains("not another place"));
    let looped = vocabulary(
        "[[place]]\nslug = \"a\"\nlabel = \"A\"\nbroader = \"b\"\n\n\
         [[place]]\nslug = \"b\"\nlabel = \"B\"\nbroader = \"a\"\n",
    );
    assert!(looped.unwrap_err().contains("broader than itself"));
}
