//! Every string the widget's interface says, in English, Spanish, French and
//! Indonesian. The corpus itself stays English; kind labels are translated
//! here because they are part of the interface, not of the texts.

use crate::lang::Lang;
use crate::number::decimal;
use crate::vocabulary::Facet;

/// The interface strings of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strings {
    /// Accessible name of the whole widget.
    pub widget: &'static str,
    /// Label of the search box.
    pub search: &'static str,
    /// Placeholder of the search box.
    pub search_placeholder: &'static str,
    /// The filter panel's name and the toggle that shows it on narrow screens.
    pub filters: &'static str,
    /// Label of the sort menu.
    pub sort: &'static str,
    /// Sort by relevance.
    pub sort_relevance: &'static str,
    /// Newest first.
    pub sort_newest: &'static str,
    /// Oldest first.
    pub sort_oldest: &'static str,
    /// Reveals the rest of a long facet list.
    pub show_more: &'static str,
    /// Hides it again.
    pub show_fewer: &'static str,
    /// Name of the list of active filters.
    pub active_filters: &'static str,
    /// Accessible prefix of a chip's remove button.
    pub remove_filter: &'static str,
    /// Removes every filter and the query.
    pub clear_all: &'static str,
    /// Name of the result list.
    pub results: &'static str,
    /// Loads the next page of results.
    pub more_results: &'static str,
    /// Empty state headline.
    pub no_results: &'static str,
    /// Introduces the filters whose removal would give results.
    pub try_removing: &'static str,
    /// Introduces a spelling suggestion.
    pub did_you_mean: &'static str,
    /// Says a suggestion also removes the filters.
    pub without_filters: &'static str,
    /// Marker next to an inferred date.
    pub approximate: &'static str,
    /// Introduces the reason a date is approximate.
    pub approximate_note: &'static str,
    /// Returns from the reading view.
    pub back: &'static str,
    /// Introduces the signatories.
    pub signed_by: &'static str,
    /// Name of the entity tag list.
    pub tags: &'static str,
    /// Accessible prefix of a tag button.
    pub filter_by: &'static str,
    /// Shown when only the opening of a statement is held.
    pub excerpt_note: &'static str,
    /// Introduces the source document.
    pub source: &'static str,
    /// Introduces the pages the source links to.
    pub related: &'static str,
    /// The permanent link.
    pub permalink: &'static str,
    /// Copies the permanent link.
    pub copy_link: &'static str,
    /// Confirms the copy.
    pub copied: &'static str,
    /// When the clipboard refuses.
    pub copy_failed: &'static str,
    /// The statement before in time.
    pub previous: &'static str,
    /// The statement after in time.
    pub next: &'static str,
    /// Name of the previous/next navigation.
    pub in_time: &'static str,
    /// A date filter's lower bound, as a chip.
    pub from: &'static str,
    /// A date filter's upper bound, as a chip.
    pub to: &'static str,
    /// Words the search ignored.
    pub ignored: &'static str,
    /// The statement asked for is not in the archive.
    pub not_found: &'static str,
    /// Name of the slot where the chronology goes.
    pub chronology: &'static str,
    /// Heading of the statements related to the open one.
    pub related_statements: &'static str,
    /// The count of no statement at all: "No statements".
    pub count_none: &'static str,
    /// "Showing 10 of 12" under a partial list: the words before, between
    /// and after the two numbers.
    pub showing: [&'static str; 3],
    // The chronology's.
    /// Zoom in button.
    pub zoom_in: &'static str,
    /// Zoom out button.
    pub zoom_out: &'static str,
    /// Show the whole archive.
    pub fit: &'static str,
    /// Show the span of the matching statements.
    pub fit_results: &'static str,
    /// Remove the brushed dates.
    pub clear_dates: &'static str,
    /// Label of a break in the axis.
    pub no_statements: &'static str,
    /// Heading of the equivalent list.
    pub by_year: &'static str,
    /// Count prefix for matched of total: "3 of 6".
    pub of: &'static str,
    /// Filter by one year from the equivalent list.
    pub only_year: &'static str,
    /// How to use the chronology, read with it.
    pub help: &'static str,
    /// Statements drawn together as a bar.
    pub statements: &'static str,
    /// Name of the date range selector.
    pub dates: &'static str,
    /// After a count of statements a year's list leaves out: "1150 more".
    pub more: &'static str,
    /// After a count of one: "1 statement".
    pub statement: &'static str,
    /// Name of the band that shows the whole archive while zoomed in.
    pub overview: &'static str,
}

const EN: Strings = Strings {
    widget: "IMA statement archive",
    search: "Search statements",
    search_placeholder: "Search statements…",
    filters: "Filters",
    sort: "Sort",
    sort_relevance: "Most relevant",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    show_more: "Show more",
    show_fewer: "Show fewer",
    active_filters: "Active filters",
    remove_filter: "Remove filter",
    clear_all: "Clear all",
    results: "Results",
    more_results: "More results",
    no_results: "No statement matches your search.",
    try_removing: "Try removing a filter:",
    did_you_mean: "Did you mean",
    without_filters: "without filters",
    approximate: "approx.",
    approximate_note: "Approximate date:",
    back: "Back to results",
    signed_by: "Reference:",
    tags: "Topics, places and names",
    filter_by: "Show statements about",
    excerpt_note: "The archive holds only the opening of this statement.",
    source: "Source:",
    related: "Linked from the source:",
    permalink: "Permalink",
    copy_link: "Copy link",
    copied: "Link copied.",
    copy_failed: "Could not copy: select the link and copy it.",
    previous: "Earlier",
    next: "Later",
    in_time: "Statements before and after",
    from: "From",
    to: "To",
    ignored: "Ignored:",
    not_found: "That statement is not in the archive.",
    chronology: "Chronology",
    related_statements: "Related statements",
    count_none: "No statements",
    showing: ["Showing ", " of ", ""],
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit: "Whole archive",
    fit_results: "Fit to results",
    clear_dates: "Clear dates",
    no_statements: "No statements",
    by_year: "Statements by year",
    of: "of",
    only_year: "Only this year",
    help: "Arrow keys move from statement to statement in time, Enter opens. Shift with the arrow keys selects the period between statements, Escape clears it; or drag along the dates.",
    statements: "statements",
    dates: "Selected period",
    more: "more",
    statement: "statement",
    overview: "Whole archive: click or drag to move the view",
};

const ES: Strings = Strings {
    widget: "Archivo de declaraciones de la IMA",
    search: "Buscar declaraciones",
    search_placeholder: "Buscar declaraciones…",
    filters: "Filtros",
    sort: "Ordenar",
    sort_relevance: "Más relevantes",
    sort_newest: "Más recientes",
    sort_oldest: "Más antiguas",
    show_more: "Ver más",
    show_fewer: "Ver menos",
    active_filters: "Filtros activos",
    remove_filter: "Quitar filtro",
    clear_all: "Quitar todo",
    results: "Resultados",
    more_results: "Más resultados",
    no_results: "Ninguna declaración coincide con la búsqueda.",
    try_removing: "Pruebe a quitar un filtro:",
    did_you_mean: "Quizás quiso decir",
    without_filters: "sin filtros",
    approximate: "aprox.",
    approximate_note: "Fecha aproximada:",
    back: "Volver a los resultados",
    signed_by: "Referencia:",
    tags: "Temas, lugares y nombres",
    filter_by: "Ver declaraciones sobre",
    excerpt_note: "El archivo solo contiene el comienzo de esta declaración.",
    source: "Fuente:",
    related: "Enlazado desde la fuente:",
    permalink: "Enlace permanente",
    copy_link: "Copiar enlace",
    copied: "Enlace copiado.",
    copy_failed: "No se pudo copiar: seleccione el enlace y cópielo.",
    previous: "Anterior",
    next: "Posterior",
    in_time: "Declaraciones anteriores y posteriores",
    from: "Desde",
    to: "Hasta",
    ignored: "Ignorado:",
    not_found: "Esa declaración no está en el archivo.",
    chronology: "Cronología",
    related_statements: "Declaraciones relacionadas",
    count_none: "Ninguna declaración",
    showing: ["Mostrando ", " de ", ""],
    zoom_in: "Acercar",
    zoom_out: "Alejar",
    fit: "Todo el archivo",
    fit_results: "Ajustar a los resultados",
    clear_dates: "Quitar fechas",
    no_statements: "Sin declaraciones",
    by_year: "Declaraciones por año",
    of: "de",
    only_year: "Solo este año",
    help: "Las flechas pasan de una declaración a otra en el tiempo; Intro la abre. Mayús con las flechas elige el periodo entre declaraciones y Esc lo quita; o arrastre sobre las fechas.",
    statements: "declaraciones",
    dates: "Periodo elegido",
    more: "más",
    statement: "declaración",
    overview: "Todo el archivo: haga clic o arrastre para mover la vista",
};

const FR: Strings = Strings {
    widget: "Archives des déclarations de l’IMA",
    search: "Rechercher des déclarations",
    search_placeholder: "Rechercher des déclarations…",
    filters: "Filtres",
    sort: "Trier",
    sort_relevance: "Les plus pertinentes",
    sort_newest: "Les plus récentes",
    sort_oldest: "Les plus anciennes",
    show_more: "Afficher plus",
    show_fewer: "Afficher moins",
    active_filters: "Filtres actifs",
    remove_filter: "Retirer le filtre",
    clear_all: "Tout effacer",
    results: "Résultats",
    more_results: "Plus de résultats",
    no_results: "Aucune déclaration ne correspond à votre recherche.",
    try_removing: "Essayez de retirer un filtre :",
    did_you_mean: "Vouliez-vous dire",
    without_filters: "sans filtres",
    approximate: "env.",
    approximate_note: "Date approximative :",
    back: "Retour aux résultats",
    signed_by: "Référence :",
    tags: "Thèmes, lieux et noms",
    filter_by: "Voir les déclarations sur",
    excerpt_note: "Les archives ne contiennent que le début de cette déclaration.",
    source: "Source :",
    related: "Liens de la source :",
    permalink: "Lien permanent",
    copy_link: "Copier le lien",
    copied: "Lien copié.",
    copy_failed: "Copie impossible : sélectionnez le lien et copiez-le.",
    previous: "Précédente",
    next: "Suivante",
    in_time: "Déclarations précédente et suivante",
    from: "Depuis",
    to: "Jusqu’à",
    ignored: "Ignoré :",
    not_found: "Cette déclaration n’est pas dans les archives.",
    chronology: "Chronologie",
    related_statements: "Déclarations liées",
    count_none: "Aucune déclaration",
    showing: ["", " sur ", " affichées"],
    zoom_in: "Zoom avant",
    zoom_out: "Zoom arrière",
    fit: "Toute l’archive",
    fit_results: "Ajuster aux résultats",
    clear_dates: "Effacer les dates",
    no_statements: "Aucune déclaration",
    by_year: "Déclarations par année",
    of: "sur",
    only_year: "Cette année seulement",
    help: "Les flèches passent d’une déclaration à l’autre dans le temps ; Entrée l’ouvre. Maj avec les flèches choisit la période entre déclarations, Échap l’efface ; ou faites glisser sur les dates.",
    statements: "déclarations",
    dates: "Période choisie",
    more: "de plus",
    statement: "déclaration",
    overview: "Toute l’archive : cliquez ou faites glisser pour déplacer la vue",
};

const ID: Strings = Strings {
    widget: "Arsip pernyataan IMA",
    search: "Cari pernyataan",
    search_placeholder: "Cari pernyataan…",
    filters: "Filter",
    sort: "Urutkan",
    sort_relevance: "Paling relevan",
    sort_newest: "Terbaru",
    sort_oldest: "Terlama",
    show_more: "Tampilkan lebih banyak",
    show_fewer: "Tampilkan lebih sedikit",
    active_filters: "Filter aktif",
    remove_filter: "Hapus filter",
    clear_all: "Hapus semua",
    results: "Hasil",
    more_results: "Hasil lainnya",
    no_results: "Tidak ada pernyataan yang cocok dengan pencarian Anda.",
    try_removing: "Coba hapus filter:",
    did_you_mean: "Mungkin maksud Anda",
    without_filters: "tanpa filter",
    approximate: "perk.",
    approximate_note: "Tanggal perkiraan:",
    back: "Kembali ke hasil",
    signed_by: "Referensi:",
    tags: "Topik, tempat dan nama",
    filter_by: "Tampilkan pernyataan tentang",
    excerpt_note: "Arsip hanya memuat bagian awal pernyataan ini.",
    source: "Sumber:",
    related: "Ditautkan dari sumber:",
    permalink: "Tautan permanen",
    copy_link: "Salin tautan",
    copied: "Tautan disalin.",
    copy_failed: "Gagal menyalin: pilih tautan lalu salin.",
    previous: "Sebelumnya",
    next: "Sesudahnya",
    in_time: "Pernyataan sebelum dan sesudahnya",
    from: "Dari",
    to: "Sampai",
    ignored: "Diabaikan:",
    not_found: "Pernyataan itu tidak ada di arsip.",
    chronology: "Kronologi",
    related_statements: "Pernyataan terkait",
    count_none: "Tidak ada pernyataan",
    showing: ["Menampilkan ", " dari ", ""],
    zoom_in: "Perbesar",
    zoom_out: "Perkecil",
    fit: "Seluruh arsip",
    fit_results: "Sesuaikan dengan hasil",
    clear_dates: "Hapus tanggal",
    no_statements: "Tidak ada pernyataan",
    by_year: "Pernyataan per tahun",
    of: "dari",
    only_year: "Hanya tahun ini",
    help: "Tombol panah berpindah antarpernyataan menurut waktu; Enter membukanya. Shift dengan tombol panah memilih periode antarpernyataan, Esc menghapusnya; atau seret di sepanjang tanggal.",
    statements: "pernyataan",
    dates: "Periode terpilih",
    more: "lainnya",
    statement: "pernyataan",
    overview: "Seluruh arsip: klik atau seret untuk memindahkan tampilan",
};

impl Strings {
    /// The strings of `lang`.
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Fr => &FR,
            Lang::Id => &ID,
        }
    }
}

/// The heading of a facet's list.
pub fn facet_name(facet: Facet, lang: Lang) -> &'static str {
    let names: [&str; 6] = match lang {
        Lang::En => ["Type", "Topic", "Place", "Organization", "Person", "Year"],
        Lang::Es => ["Tipo", "Tema", "Lugar", "Organización", "Persona", "Año"],
        Lang::Fr => ["Type", "Thème", "Lieu", "Organisation", "Personne", "Année"],
        Lang::Id => ["Jenis", "Topik", "Tempat", "Organisasi", "Tokoh", "Tahun"],
    };
    let i = match facet {
        Facet::Kind => 0,
        Facet::Topic => 1,
        Facet::Place => 2,
        Facet::Organization => 3,
        Facet::Person => 4,
        Facet::Year => 5,
    };
    names.get(i).copied().unwrap_or("")
}

/// The label of a kind of statement in `lang`, or `None` to use the vocabulary's own.
pub fn kind_label(slug: &str, lang: Lang) -> Option<&'static str> {
    let labels: [&str; 3] = match lang {
        Lang::En => return None,
        Lang::Es => ["Declaración", "Comunicado", "Noticia"],
        Lang::Fr => ["Déclaration", "Communiqué", "Actualité"],
        Lang::Id => ["Pernyataan", "Komunike", "Berita"],
    };
    let i = match slug {
        "statement" => 0,
        "communique" => 1,
        "news" => 2,
        _ => return None,
    };
    labels.get(i).copied()
}

/// "No statements", "1 statement", "12 statements" — the count the live region announces.
pub fn count(n: u32, lang: Lang) -> String {
    let s = Strings::of(lang);
    match n {
        0 => s.count_none.to_owned(),
        1 => "1 ".to_owned() + s.statement,
        n => decimal(n.into()) + " " + s.statements,
    }
}

/// "Showing 10 of 12" under a partial list.
pub fn showing(shown: u32, total: u32, lang: Lang) -> String {
    let [before, between, after] = Strings::of(lang).showing;
    before.to_owned() + &decimal(shown.into()) + between + &decimal(total.into()) + after
}

/// The chronology's name for the interface strings (`Words::of(lang).zoom_in`).
pub type Words = Strings;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        for lang in Lang::ALL {
            let s = Strings::of(lang);
            let all = [
                s.widget,
                s.search,
                s.search_placeholder,
                s.filters,
                s.sort,
                s.sort_relevance,
                s.sort_newest,
                s.sort_oldest,
                s.show_more,
                s.show_fewer,
                s.active_filters,
                s.remove_filter,
                s.clear_all,
                s.results,
                s.more_results,
                s.no_results,
                s.try_removing,
                s.did_you_mean,
                s.without_filters,
                s.approximate,
                s.approximate_note,
                s.back,
                s.signed_by,
                s.tags,
                s.filter_by,
                s.excerpt_note,
                s.source,
                s.related,
                s.permalink,
                s.copy_link,
                s.copied,
                s.copy_failed,
                s.previous,
                s.next,
                s.in_time,
                s.from,
                s.to,
                s.ignored,
                s.not_found,
                s.chronology,
                s.related_statements,
                s.count_none,
                s.showing[1],
                s.zoom_in,
                s.zoom_out,
                s.fit,
                s.fit_results,
                s.clear_dates,
                s.no_statements,
                s.by_year,
                s.of,
                s.only_year,
                s.help,
                s.statements,
                s.dates,
                s.more,
                s.statement,
                s.overview,
            ];
            assert!(all.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
            for facet in Facet::ALL {
                assert!(!facet_name(facet, lang).is_empty());
            }
        }
    }

    #[test]
    fn languages_differ_where_they_should() {
        assert_ne!(Strings::of(Lang::En).search, Strings::of(Lang::Es).search);
        assert_ne!(Strings::of(Lang::Fr).back, Strings::of(Lang::Id).back);
        assert_eq!(facet_name(Facet::Topic, Lang::Es), "Tema");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(0, Lang::En), "No statements");
        assert_eq!(count(1, Lang::En), "1 statement");
        assert_eq!(count(12, Lang::En), "12 statements");
        assert_eq!(count(2, Lang::Es), "2 declaraciones");
        assert_eq!(count(1, Lang::Fr), "1 déclaration");
        assert_eq!(count(3, Lang::Id), "3 pernyataan");
        assert_eq!(count(10_000, Lang::Fr), "10000 déclarations");
    }

    #[test]
    fn partial_lists_say_how_many_are_shown() {
        assert_eq!(showing(20, 105, Lang::En), "Showing 20 of 105");
        assert_eq!(showing(20, 105, Lang::Es), "Mostrando 20 de 105");
        assert_eq!(showing(20, 105, Lang::Fr), "20 sur 105 affichées");
        assert_eq!(showing(20, 105, Lang::Id), "Menampilkan 20 dari 105");
    }

    #[test]
    fn kinds_are_translated_except_in_english() {
        assert_eq!(kind_label("communique", Lang::Es), Some("Comunicado"));
        assert_eq!(kind_label("news", Lang::En), None);
        assert_eq!(kind_label("unknown", Lang::Fr), None);
    }
}
