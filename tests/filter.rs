//! Filtering, facet counts, sorting, paging and the chronology, on the real
//! corpus (and on small hand-made corpora for dates the corpus lacks).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use ima_statements::archive::Archive;
use ima_statements::chronology::{ChronologyOptions, Granularity};
use ima_statements::corpus::Corpus;
use ima_statements::date::PartialDate;
use ima_statements::request::{Request, Sort};
use ima_statements::response::{Chronology, Response};
use ima_statements::statement::Statement;
use ima_statements::vocabulary::{Facet, Kind, PerFacet, Vocabulary};
use proptest::prelude::*;

fn archive() -> Archive {
    ima_statements::archive::embedded().expect("the embedded corpus decodes")
}

fn search(archive: &Archive, request: Request) -> Response {
    archive
        .search(&request)
        .unwrap_or_else(|e| panic!("{request:?} is refused: {e}"))
}

fn ids(response: &Response) -> Vec<&str> {
    response.hits.iter().map(|h| h.id.as_str()).collect()
}

/// Every statement on one page.
fn all() -> Request {
    Request {
        limit: Some(200),
        ..Request::default()
    }
}

fn with(facet: Facet, values: &[&str]) -> Request {
    let mut request = all();
    *request.selection.get_mut(facet) = values.iter().map(|v| v.to_string()).collect();
    request
}

fn count(response: &Response, facet: Facet, value: &str) -> u32 {
    response
        .facets
        .get(facet)
        .iter()
        .find(|v| v.value == value)
        .unwrap_or_else(|| panic!("{} has no value {value}", facet.as_str()))
        .count
}

fn error(archive: &Archive, request: Request) -> String {
    match archive.search(&request) {
        Ok(_) => panic!("{request:?} is accepted"),
        Err(e) => e.to_string(),
    }
}

/// A corpus of one kind and no entities, with statements dated as given.
fn dated(dates: &[(&str, &str)]) -> Archive {
    let statements = dates
        .iter()
        .map(|(id, date)| Statement {
            id: id.to_string(),
            title: format!("Statement {id}"),
            subtitle: None,
            kind: "statement".into(),
            date: PartialDate::parse(date).unwrap(),
            approximate: None,
            signatories: Vec::new(),
            source: "test".into(),
            excerpt: false,
            related: Vec::new(),
            tags: Vec::new(),
            body: vec![format!("The text of {id}.")].into(),
        })
        .collect();
    let vocabulary = Vocabulary {
        kinds: vec![Kind {
            slug: "statement".into(),
            label: "Statement".into(),
        }],
        entities: Vec::new(),
    };
    Archive::new(Corpus::new(statements, vocabulary))
}

#[test]
fn facets_list_every_value_with_its_label_and_total_count() {
    let facets = archive().facets();
    let kinds: Vec<_> = facets
        .kind
        .iter()
        .map(|v| (v.value.as_str(), v.label.as_str(), v.count))
        .collect();
    assert_eq!(
        kinds,
        [
            ("communique", "Communiqué", 1),
            ("news", "News", 1),
            ("statement", "Statement", 9),
        ]
    );
    let years: Vec<_> = facets
        .year
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(years, [("2015", 6), ("2016", 2), ("2017", 2), ("2023", 1)]);
    let rohingya = facets.topic.iter().find(|v| v.value == "rohingya").unwrap();
    assert_eq!((rohingya.label.as_str(), rohingya.count), ("Rohingya", 3));
    let ima = facets
        .organization
        .iter()
        .find(|v| v.value == "ima")
        .unwrap();
    assert_eq!(ima.count, 11);
    assert!(facets.person.iter().any(|v| v.value == "eni-lestari"));
    assert!(facets.place.iter().any(|v| v.value == "thailand"));
    assert!(Facet::ALL
        .into_iter()
        .all(|f| facets.get(f).iter().all(|v| !v.selected)));
}

#[test]
fn values_within_a_facet_are_alternatives_and_facets_combine() {
    let a = archive();
    let rohingya = search(&a, with(Facet::Topic, &["rohingya"]));
    assert_eq!(rohingya.total, 3);
    let tppa = search(&a, with(Facet::Topic, &["tppa"]));
    assert_eq!(tppa.total, 2);
    let either = search(&a, with(Facet::Topic, &["rohingya", "tppa"]));
    assert_eq!(either.total, 5);
    let mut both = with(Facet::Topic, &["rohingya"]);
    both.selection.place = vec!["thailand".into()];
    let both = search(&a, both);
    assert_eq!(
        ids(&both),
        [
            "2015-05-justice-for-the-26",
            "2015-05-asean-save-the-rohingya-at-sea"
        ]
    );
    let mut none = with(Facet::Topic, &["rohingya"]);
    none.selection.kind = vec!["news".into()];
    assert_eq!(search(&a, none).total, 0);
}

#[test]
fn counts_ignore_their_own_facet_but_not_the_others() {
    let a = archive();
    let r = search(&a, with(Facet::Topic, &["rohingya"]));
    // Other topics are counted as if the topic selection were not there…
    assert_eq!(count(&r, Facet::Topic, "tppa"), 2);
    assert_eq!(count(&r, Facet::Topic, "rohingya"), 3);
    // …while other facets count within the three Rohingya statements.
    assert_eq!(count(&r, Facet::Place, "thailand"), 2);
    assert_eq!(count(&r, Facet::Place, "myanmar"), 3);
    assert_eq!(count(&r, Facet::Place, "hong-kong"), 0);
    assert_eq!(count(&r, Facet::Year, "2015"), 3);
    assert_eq!(count(&r, Facet::Year, "2023"), 0);
    assert_eq!(count(&r, Facet::Kind, "statement"), 3);
    let selected: Vec<_> = r
        .facets
        .topic
        .iter()
        .filter(|v| v.selected)
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(selected, ["rohingya"]);
}

#[test]
fn the_date_range_keeps_statements_whose_span_overlaps_it() {
    let a = archive();
    let range = |from: Option<&str>, to: Option<&str>| {
        let r = search(
            &a,
            Request {
                from: from.map(Into::into),
                to: to.map(Into::into),
                sort: Some(Sort::Oldest),
                ..all()
            },
        );
        ids(&r).into_iter().map(String::from).collect::<Vec<_>>()
    };
    let july = "2017-07-global-compact-engagement";
    // A month-precision statement covers the whole month, both edges included.
    assert!(range(None, Some("2017-07-01")).contains(&july.to_string()));
    assert!(!range(None, Some("2017-06-30")).contains(&july.to_string()));
    assert!(range(Some("2017-07-31"), None).contains(&july.to_string()));
    assert!(!range(Some("2017-08"), None).contains(&july.to_string()));
    assert_eq!(range(Some("2017-07-15"), Some("2017-07-15")), [july]);
    // A range-precision statement overlaps by any of its days.
    let assembly = "2015-11-11-third-general-assembly-communique";
    assert_eq!(range(Some("2015-11-13"), Some("2015-11-30")), [assembly]);
    assert_eq!(range(Some("2015-11-01"), Some("2015-11-11")), [assembly]);
    assert!(range(Some("2015-11-14"), Some("2015-11-30")).is_empty());
    // Year bounds cover the whole year.
    assert_eq!(
        range(Some("2016"), Some("2016")),
        [
            "2016-03-brussels-bombing",
            "2016-12-18-international-migrants-day-2016"
        ]
    );
    assert!(range(Some("2018"), Some("2022")).is_empty());
    assert_eq!(range(Some("2023-07-17"), None).len(), 1);
    assert_eq!(range(None, None).len(), 11);
}

#[test]
fn year_precision_and_spans_across_years_are_filtered_and_counted_by_overlap() {
    let a = dated(&[
        ("year", "2015"),
        ("winter", "2015-12-20/2016-01-05"),
        ("summer", "2016-07"),
    ]);
    let years: Vec<_> = a
        .facets()
        .year
        .iter()
        .map(|v| (v.value.clone(), v.count))
        .collect();
    assert_eq!(years, [("2015".to_string(), 2), ("2016".to_string(), 2)]);
    let r = search(&a, with(Facet::Year, &["2016"]));
    assert_eq!(r.total, 2);
    assert_eq!(ids(&r), ["summer", "winter"]);
    let to = |to: &str| {
        let r = search(
            &a,
            Request {
                to: Some(to.into()),
                sort: Some(Sort::Oldest),
                ..Request::default()
            },
        );
        ids(&r).into_iter().map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(to("2015-01-01"), ["year"]);
    assert_eq!(to("2015-12-20"), ["year", "winter"]);
    let from_2016 = search(
        &a,
        Request {
            from: Some("2016-01-05".into()),
            ..Request::default()
        },
    );
    assert_eq!(ids(&from_2016), ["summer", "winter"]);
}

#[test]
fn sorting_is_by_date_both_ways_precision_aware_and_stable() {
    let a = archive();
    let order = |sort: Option<Sort>, text: &str| {
        let r = search(
            &a,
            Request {
                sort,
                text: text.into(),
                ..all()
            },
        );
        (
            r.sort,
            ids(&r).into_iter().map(String::from).collect::<Vec<_>>(),
        )
    };
    let (sort, oldest) = order(Some(Sort::Oldest), "");
    assert_eq!(sort, Sort::Oldest);
    let expected: Vec<String> = a.statements().iter().map(|s| s.id.clone()).collect();
    assert_eq!(oldest, expected);
    // Two statements of May 2015: same date, ordered by id, reversed for newest.
    assert_eq!(oldest[0], "2015-05-asean-save-the-rohingya-at-sea");
    assert_eq!(oldest[1], "2015-05-justice-for-the-26");
    let (sort, newest) = order(None, "");
    assert_eq!(sort, Sort::Newest, "newest is the default without text");
    let mut reversed = expected.clone();
    reversed.reverse();
    assert_eq!(newest, reversed);
    assert_eq!(order(Some(Sort::Newest), "").1, reversed);
    // Without text every score is 0: relevance falls back to newest first.
    assert_eq!(order(Some(Sort::Relevance), "").1, reversed);
    let (sort, _) = order(None, "migrants");
    assert_eq!(sort, Sort::Relevance, "relevance is the default with text");

    let b = dated(&[
        ("month", "2017-07"),
        ("mid-july", "2017-07-15"),
        ("first-july", "2017-07-01"),
        ("year", "2017"),
    ]);
    let r = search(
        &b,
        Request {
            sort: Some(Sort::Oldest),
            ..Request::default()
        },
    );
    // Same first day: the more precise date first.
    assert_eq!(ids(&r), ["year", "first-july", "month", "mid-july"]);
}

#[test]
fn an_archive_of_unordered_statements_still_sorts_by_date_then_id() {
    let ordered = dated(&[
        ("b", "2017-07"),
        ("a", "2017-07"),
        ("c", "2017-07-01"),
        ("d", "2015"),
        ("e", "2017-07-01/2017-07-31"),
        ("f", "2016-01-01"),
    ]);
    let expected: Vec<String> = ordered.statements().iter().map(|s| s.id.clone()).collect();
    let mut shuffled = ordered.corpus().clone();
    shuffled.statements.reverse();
    shuffled.statements.swap(0, 3);
    let unordered = Archive::new(shuffled);
    let r = search(
        &unordered,
        Request {
            sort: Some(Sort::Oldest),
            ..Request::default()
        },
    );
    assert_eq!(ids(&r), expected);
    assert_eq!(ids(&r), ["d", "f", "c", "a", "b", "e"]);
}

#[test]
fn relevance_orders_by_score_and_keeps_the_text_scores() {
    let a = archive();
    let r = search(
        &a,
        Request {
            text: "rohingya".into(),
            ..Request::default()
        },
    );
    assert!(r.total >= 2);
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(r.hits.iter().all(|h| h.score > 0.0));
    assert_eq!(r.query.terms, ["rohingya"]);
    let oldest = search(
        &a,
        Request {
            text: "rohingya".into(),
            sort: Some(Sort::Oldest),
            ..Request::default()
        },
    );
    assert_eq!(oldest.total, r.total);
    assert!(oldest.hits.iter().all(|h| h.score > 0.0));
    assert_eq!(oldest.hits[0].id, "2015-05-asean-save-the-rohingya-at-sea");
}

#[test]
fn paging_slices_the_sorted_list() {
    let a = archive();
    let everything = search(&a, all());
    let page = search(
        &a,
        Request {
            offset: 4,
            limit: Some(3),
            ..Request::default()
        },
    );
    assert_eq!(page.total, 11);
    assert_eq!(ids(&page), ids(&everything)[4..7]);
    let past = search(
        &a,
        Request {
            offset: 11,
            ..Request::default()
        },
    );
    assert_eq!(past.total, 11);
    assert!(past.hits.is_empty());
    let default = search(&a, Request::default());
    assert_eq!(default.hits.len(), 11);
    let text_page = search(
        &a,
        Request {
            text: "migrants".into(),
            offset: 2,
            limit: Some(2),
            ..Request::default()
        },
    );
    let text_all = search(
        &a,
        Request {
            text: "migrants".into(),
            ..all()
        },
    );
    assert_eq!(ids(&text_page), ids(&text_all)[2..4]);
}

#[test]
fn hits_carry_dates_labels_and_segments() {
    let a = archive();
    let r = search(
        &a,
        Request {
            text: "rohingya".into(),
            lang: Some("es".into()),
            sort: Some(Sort::Oldest),
            ..Request::default()
        },
    );
    let hit = &r.hits[0];
    assert_eq!(hit.id, "2015-05-asean-save-the-rohingya-at-sea");
    assert_eq!(hit.kind, "statement");
    assert_eq!(hit.kind_label, "Statement");
    assert_eq!(hit.date.label, "mayo de 2015");
    assert_eq!(hit.date.precision, "month");
    assert!(hit.date.approximate);
    assert!(hit
        .title_segments
        .iter()
        .any(|s| s.matched && s.text == "Rohingya"));
    assert!(!hit.snippet.is_empty());
    let joined: String = hit.title_segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, hit.title);
}

#[test]
fn bad_requests_are_refused_naming_the_field() {
    let a = archive();
    let r = |f: fn(&mut Request)| {
        let mut request = Request::default();
        f(&mut request);
        error(&a, request)
    };
    assert_eq!(
        r(|r| r.selection.topic = vec!["x".into()]),
        "`topic`: unknown value `x`: expected a value listed by `facets()`"
    );
    assert!(r(|r| r.selection.kind = vec!["rohingya".into()]).starts_with("`kind`: unknown value"));
    assert!(
        r(|r| r.selection.year = vec!["2019".into()]).starts_with("`year`: unknown value `2019`")
    );
    assert_eq!(
        r(|r| r.from = Some("banana".into())),
        "`from`: `banana` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert_eq!(
        r(|r| {
            r.from = Some("2017-07-02".into());
            r.to = Some("2017-07-01".into());
        }),
        "`to` is before `from`"
    );
    assert_eq!(
        r(|r| r.limit = Some(201)),
        "`limit`: expected a whole number from 1 to 200"
    );
    assert!(r(|r| r.lang = Some("xx".into())).starts_with("`lang`: unknown value `xx`"));
    let options = ChronologyOptions {
        bins: 0,
        ..ChronologyOptions::default()
    };
    assert_eq!(
        a.chronology(&Request::default(), &options)
            .unwrap_err()
            .to_string(),
        "`bins`: expected a whole number from 1 to 10000"
    );
}

fn chronology(a: &Archive, request: Request, options: ChronologyOptions) -> Chronology {
    a.chronology(&request, &options).unwrap()
}

#[test]
fn the_chronology_bins_years_and_collapses_the_empty_stretch() {
    let a = archive();
    let c = search(&a, with(Facet::Topic, &["rohingya"])).chronology;
    assert_eq!(c.granularity, Granularity::Year);
    assert_eq!(
        (c.start.as_str(), c.end.as_str()),
        ("2015-01-01", "2023-12-31")
    );
    let bins: Vec<_> = c
        .bins
        .iter()
        .map(|b| (b.label.as_str(), b.total, b.matched))
        .collect();
    assert_eq!(
        bins,
        [
            ("2015", 6, 3),
            ("2016", 2, 0),
            ("2017", 2, 0),
            ("2018", 0, 0),
            ("2019", 0, 0),
            ("2020", 0, 0),
            ("2021", 0, 0),
            ("2022", 0, 0),
            ("2023", 1, 0),
        ]
    );
    assert_eq!(c.gaps.len(), 1);
    let gap = &c.gaps[0];
    assert_eq!(
        (gap.start.as_str(), gap.end.as_str()),
        ("2018-01-01", "2022-12-31")
    );
    assert_eq!((gap.first_bin, gap.last_bin), (3, 7));
    assert!(c.points.is_empty(), "search responses carry no points");
}

#[test]
fn auto_granularity_picks_the_finest_that_fits() {
    let a = archive();
    let auto = |bins| {
        let options = ChronologyOptions {
            bins,
            ..ChronologyOptions::default()
        };
        chronology(&a, Request::default(), options)
    };
    // 2015–2023: 9 years, 99 months (May 2015 – July 2023), 3000-odd days.
    assert_eq!(auto(9).granularity, Granularity::Year);
    assert_eq!(auto(9).bins.len(), 9);
    assert_eq!(auto(98).granularity, Granularity::Year);
    let months = auto(99);
    assert_eq!(months.granularity, Granularity::Month);
    assert_eq!(months.bins.len(), 99);
    assert_eq!(months.bins[0].label, "May 2015");
    assert_eq!(months.bins[0].total, 2);
    assert_eq!(months.start, "2015-05-01");
    assert_eq!(months.end, "2023-07-31");
    let gaps: Vec<_> = months
        .gaps
        .iter()
        .map(|g| (g.start.as_str(), g.end.as_str()))
        .collect();
    // Eight empty months of 2016 are shorter than a year: not collapsed.
    assert_eq!(gaps, [("2018-01-01", "2023-06-30")]);
    let days = auto(10_000);
    assert_eq!(days.granularity, Granularity::Day);
    assert_eq!(days.start, "2015-05-01");
    assert_eq!(days.end, "2023-07-17");
    assert!(days
        .gaps
        .iter()
        .any(|g| g.start == "2017-12-05" && g.end == "2023-07-11"));
    // The three-day assembly counts in each of its days.
    let assembly: Vec<_> = days
        .bins
        .iter()
        .filter(|b| b.start.as_str() >= "2015-11-10" && b.start.as_str() <= "2015-11-14")
        .map(|b| b.total)
        .collect();
    assert_eq!(assembly, [0, 1, 1, 1, 0]);
}

#[test]
fn explicit_granularity_and_gap_length_are_honoured() {
    let a = archive();
    let options = ChronologyOptions {
        granularity: Some(Granularity::Month),
        min_gap_days: 200,
        ..ChronologyOptions::default()
    };
    let c = chronology(&a, Request::default(), options);
    assert_eq!(c.granularity, Granularity::Month);
    let gaps: Vec<_> = c.gaps.iter().map(|g| g.start.as_str()).collect();
    assert_eq!(gaps, ["2016-04-01", "2018-01-01"]);
    let spanish = chronology(
        &a,
        Request {
            lang: Some("es".into()),
            ..Request::default()
        },
        options,
    );
    assert_eq!(spanish.bins[0].label, "mayo de 2015");
}

#[test]
fn a_window_zooms_the_axis_in() {
    let a = archive();
    let day = |s: &str| Some(PartialDate::parse(s).unwrap().start());
    let window = |start: &str, end: &str, granularity| ChronologyOptions {
        granularity,
        start: day(start),
        end: Some(PartialDate::parse(end).unwrap().end()),
        ..ChronologyOptions::with_points()
    };
    let c = chronology(
        &a,
        Request::default(),
        window("2015-11", "2015-12", Some(Granularity::Month)),
    );
    let bins: Vec<_> = c.bins.iter().map(|b| (b.label.as_str(), b.total)).collect();
    assert_eq!(bins, [("November 2015", 1), ("December 2015", 2)]);
    assert_eq!(
        (c.start.as_str(), c.end.as_str()),
        ("2015-11-01", "2015-12-31")
    );
    let points: Vec<_> = c.points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        points,
        [
            "2015-11-11-third-general-assembly-communique",
            "2015-12-10-human-rights-day-tppa",
            "2015-12-18-international-migrants-day-2015"
        ]
    );
    // Auto fits the window: five days.
    let c = chronology(
        &a,
        Request::default(),
        window("2015-11-10", "2015-11-14", None),
    );
    assert_eq!(c.granularity, Granularity::Day);
    let totals: Vec<_> = c.bins.iter().map(|b| b.total).collect();
    assert_eq!(totals, [0, 1, 1, 1, 0]);
    // Statements dated to a month count on every day of it, inside the window only.
    let c = chronology(
        &a,
        Request {
            selection: PerFacet {
                topic: vec!["rohingya".into()],
                ..PerFacet::default()
            },
            ..Request::default()
        },
        window("2015-05-30", "2015-06-02", Some(Granularity::Day)),
    );
    let counts: Vec<_> = c.bins.iter().map(|b| (b.total, b.matched)).collect();
    assert_eq!(counts, [(2, 2), (2, 2), (0, 0), (0, 0)]);
    // An empty window is one gap when long enough.
    let c = chronology(&a, Request::default(), window("2019", "2020", None));
    assert_eq!(c.granularity, Granularity::Month);
    assert_eq!(c.bins.len(), 24);
    assert_eq!(c.gaps.len(), 1);
    assert!(c.points.is_empty());
    let reversed = a
        .chronology(&Request::default(), &window("2016", "2015", None))
        .unwrap_err();
    assert_eq!(reversed.to_string(), "`end` is before `start`");
}

#[test]
fn chronology_options_from_javascript_name_their_field() {
    use ima_statements::request::Input;
    let mut options = ChronologyOptions::default();
    let mut set =
        |field: &str, value: Input| options.set(field, value).map_err(|e| e.to_string()).err();
    assert_eq!(set("start", Input::Text("2015-11".into())), None);
    assert_eq!(
        set("end", Input::Text("banana".into())).as_deref(),
        Some("`end`: `banana` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    );
    assert_eq!(
        set("bins", Input::Number(0.5)).as_deref(),
        Some("`bins`: expected a whole number from 1 to 10000")
    );
    assert_eq!(
        set("points", Input::Text("yes".into())).as_deref(),
        Some("`points`: expected true or false")
    );
    assert_eq!(
        set("granularity", Input::Text("week".into())).as_deref(),
        Some("`granularity`: unknown value `week`: expected auto, year, month or day")
    );
    assert!(set("zoom", Input::Number(2.0))
        .unwrap()
        .starts_with("`zoom` is not a chronology option: expected one of granularity,"));
    let unknown = ima_statements::request::RequestError::UnknownOption("x".into()).to_string();
    assert!(unknown.ends_with(&ima_statements::chronology::OPTION_FIELDS.join(", ")));
    assert_eq!(set("granularity", Input::Text("month".into())), None);
    assert_eq!(set("minGapDays", Input::Number(30.0)), None);
    assert_eq!(options.granularity, Some(Granularity::Month));
    assert_eq!(options.min_gap_days, 30);
    assert_eq!(options.start.unwrap().to_string(), "2015-11-01");
}

#[test]
fn points_give_every_statement_for_drawing() {
    let a = archive();
    let c = chronology(
        &a,
        Request {
            selection: PerFacet {
                place: vec!["thailand".into()],
                ..PerFacet::default()
            },
            ..Request::default()
        },
        ChronologyOptions::with_points(),
    );
    assert_eq!(c.points.len(), 11);
    let first = &c.points[0];
    assert_eq!(first.id, "2015-05-asean-save-the-rohingya-at-sea");
    assert_eq!(
        (first.start.as_str(), first.end.as_str()),
        ("2015-05-01", "2015-05-31")
    );
    assert_eq!(first.precision, "month");
    assert!(first.approximate);
    assert!(first.matched);
    let assembly = &c.points[3];
    assert_eq!(assembly.precision, "range");
    assert!(!assembly.approximate);
    assert!(!assembly.matched);
    let matched: Vec<_> = c
        .points
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        matched,
        [
            "2015-05-asean-save-the-rohingya-at-sea",
            "2015-05-justice-for-the-26"
        ]
    );
}

#[test]
fn an_empty_archive_answers_empty() {
    let a = dated(&[]);
    let r = search(&a, Request::default());
    assert_eq!(r.total, 0);
    assert!(r.hits.is_empty());
    assert!(r.chronology.bins.is_empty());
    assert!(a.facets().year.is_empty());
}

// ---------------------------------------------------------------- properties

/// Values to draw random requests from.
struct Pool {
    values: Vec<Vec<String>>,
}

fn pool(a: &Archive) -> Pool {
    let facets = a.facets();
    Pool {
        values: Facet::ALL
            .into_iter()
            .map(|f| facets.get(f).iter().map(|v| v.value.clone()).collect())
            .collect(),
    }
}

const WORDS: [&str; 6] = ["", "", "migrants", "rohingya", "global compact", "workers"];
const DATES: [&str; 8] = [
    "2015",
    "2015-05",
    "2015-11-12",
    "2016",
    "2017-07-01",
    "2017-12",
    "2020",
    "2023-07-12",
];

fn request_strategy() -> impl Strategy<Value = (usize, Vec<Vec<u8>>, Option<usize>, Option<usize>)>
{
    (
        0..WORDS.len(),
        proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..3), 6),
        proptest::option::of(0..DATES.len()),
        proptest::option::of(0..DATES.len()),
    )
}

fn build(
    pool: &Pool,
    (word, picks, from, to): &(usize, Vec<Vec<u8>>, Option<usize>, Option<usize>),
) -> Request {
    let mut request = Request {
        text: WORDS[*word].into(),
        limit: Some(200),
        ..Request::default()
    };
    for ((facet, values), picks) in Facet::ALL.into_iter().zip(&pool.values).zip(picks) {
        if values.is_empty() {
            continue;
        }
        *request.selection.get_mut(facet) = picks
            .iter()
            .map(|p| values[usize::from(*p) % values.len()].clone())
            .collect();
    }
    request.from = from.map(|i| DATES[i].into());
    request.to = to.map(|i| DATES[i].into());
    request
}

/// The statements a request keeps, decided from the statements alone.
fn oracle(a: &Archive, request: &Request) -> BTreeSet<String> {
    let text: Option<BTreeSet<usize>> = a
        .index()
        .search(&request.text)
        .matches
        .map(|m| m.into_iter().map(|(d, _)| d).collect());
    let from = request
        .from
        .as_deref()
        .map(|f| PartialDate::parse(f).unwrap().start());
    let to = request
        .to
        .as_deref()
        .map(|t| PartialDate::parse(t).unwrap().end());
    let v = a.vocabulary();
    a.statements()
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let has = |facet: Facet, value: &str| match facet {
                Facet::Kind => s.kind == value,
                Facet::Year => {
                    let y: u16 = value.parse().unwrap();
                    (s.date.start().year..=s.date.end().year).contains(&y)
                }
                _ => v.find(facet, value).is_some_and(|id| s.tags.contains(&id)),
            };
            text.as_ref().map_or(true, |t| t.contains(i))
                && from.map_or(true, |f| s.date.end() >= f)
                && to.map_or(true, |t| s.date.start() <= t)
                && Facet::ALL.into_iter().all(|f| {
                    let sel = request.selection.get(f);
                    sel.is_empty() || sel.iter().any(|value| has(f, value))
                })
        })
        .map(|(_, s)| s.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn totals_hits_and_counts_agree_with_the_statements(raw in request_strategy()) {
        let a = archive();
        let pool = pool(&a);
        let request = build(&pool, &raw);
        let reversed = matches!(
            (request.from.as_deref(), request.to.as_deref()),
            (Some(f), Some(t)) if PartialDate::parse(t).unwrap().end() < PartialDate::parse(f).unwrap().start()
        );
        let response = match a.search(&request) {
            Ok(r) => r,
            Err(e) => {
                prop_assert!(reversed, "{request:?} refused: {e}");
                prop_assert_eq!(e.to_string(), "`to` is before `from`");
                return Ok(());
            }
        };
        prop_assert!(!reversed);
        let expected = oracle(&a, &request);
        let got: BTreeSet<String> = response.hits.iter().map(|h| h.id.clone()).collect();
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(response.total as usize, expected.len());

        for facet in Facet::ALL {
            let values = response.facets.get(facet);
            let selection = request.selection.get(facet);
            for v in values {
                // A value's count is the total of the request with this
                // facet's selection replaced by that value.
                let mut alone = request.clone();
                *alone.selection.get_mut(facet) = vec![v.value.clone()];
                let total = a.search(&alone).unwrap().total;
                prop_assert_eq!(v.count, total, "{}:{} in {:?}", facet.as_str(), v.value, request);
                prop_assert_eq!(v.selected, selection.contains(&v.value));
            }
            let sum: u32 = values.iter().map(|v| v.count).sum();
            if selection.is_empty() {
                prop_assert!(values.iter().all(|v| v.count <= response.total));
                match facet {
                    // Every statement has exactly one kind and at least one year.
                    Facet::Kind => prop_assert_eq!(sum, response.total),
                    Facet::Year => prop_assert!(sum >= response.total),
                    _ => {}
                }
            } else {
                let selected: u32 = values.iter().filter(|v| v.selected).map(|v| v.count).sum();
                prop_assert!(selected >= response.total);
            }
        }

        let bins = &response.chronology.bins;
        prop_assert!(bins.iter().all(|b| b.matched <= b.total));
        let matched: u32 = bins.iter().map(|b| b.matched).sum();
        prop_assert!(matched >= response.total);
        prop_assert_eq!(matched == 0, response.total == 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn pages_are_slices_of_the_list_in_the_order_asked(
        raw in request_strategy(),
        sort in proptest::option::of(0..3usize),
        offset in 0..13u32,
        limit in 1..13u32,
    ) {
        let a = archive();
        let mut request = build(&pool(&a), &raw);
        request.sort = sort.map(|i| Sort::ALL[i]);
        let Ok(full) = a.search(&request) else {
            return Ok(());
        };
        let page = a
            .search(&Request {
                offset,
                limit: Some(limit),
                ..request.clone()
            })
            .unwrap();
        prop_assert_eq!(page.total, full.total);
        let start = (offset as usize).min(full.hits.len());
        let end = (start + limit as usize).min(full.hits.len());
        prop_assert_eq!(ids(&page), &ids(&full)[start..end]);

        // Position in time of each hit (the corpus is stored oldest first).
        let position = |id: &str| a.position(id).unwrap();
        let positions: Vec<usize> = full.hits.iter().map(|h| position(&h.id)).collect();
        match full.sort {
            Sort::Oldest => prop_assert!(positions.windows(2).all(|w| w[0] < w[1])),
            Sort::Newest => prop_assert!(positions.windows(2).all(|w| w[0] > w[1])),
            Sort::Relevance => {
                // Best score first; equal scores newest first.
                let ordered = full.hits.windows(2).zip(positions.windows(2)).all(|(h, p)| {
                    h[0].score > h[1].score || (h[0].score == h[1].score && p[0] > p[1])
                });
                prop_assert!(ordered);
            }
        }
        let expected_sort = match (sort, request.text.trim().is_empty()) {
            (Some(i), _) => Sort::ALL[i],
            (None, true) => Sort::Newest,
            (None, false) => Sort::Relevance,
        };
        prop_assert_eq!(full.sort, expected_sort);
    }
}

#[test]
fn the_set_a_search_keeps_agrees_with_the_chronology_points() {
    let archive = ima_statements::archive::embedded().unwrap();
    for text in ["", "rohingya", "trafficking -rohingya", "zzzz"] {
        let request = Request {
            text: text.into(),
            from: Some("2015-06".into()),
            ..Request::default()
        };
        let points = archive
            .chronology(&request, &ChronologyOptions::with_points())
            .unwrap()
            .points;
        let flags: Vec<bool> = points.iter().map(|p| p.matched).collect();
        let (response, kept) = archive.search_matching(&request, false).unwrap();
        let matched: Vec<bool> = (0..archive.len()).map(|slot| kept.contains(slot)).collect();
        assert_eq!(matched, flags, "{text}");
        let kept = matched.iter().filter(|m| **m).count();
        assert_eq!(response.total as usize, kept, "{text}");
        // Without bins the response carries no chronology, and is
        // otherwise the plain search's.
        assert!(response.chronology.bins.is_empty());
        let (with_bins, _) = archive.search_matching(&request, true).unwrap();
        assert!(!with_bins.chronology.bins.is_empty());
        assert_eq!(archive.search(&request).unwrap(), with_bins, "{text}");
        assert_eq!(
            (response.hits, response.facets),
            (with_bins.hits, with_bins.facets)
        );
    }
    let bad = Request {
        from: Some("banana".into()),
        ..Request::default()
    };
    assert!(archive.search_matching(&bad, false).is_err());
}
