//! Every string the widget's interface says, in English, Spanish, French and
//! Indonesian. The corpus itself stays English; kind labels are translated
//! here because they are part of the interface, not of the texts.
//!
//! Each string is written once with its four translations (English,
//! Spanish, French, Indonesian), and each language's strings are kept in
//! the module as one text, a line each, in that order: a table of a few
//! hundred string pointers costs the module more than the text itself.

use crate::lang::Lang;
use crate::number::decimal;
use crate::vocabulary::Facet;

/// The interface strings of one language: one line of its text for each
/// of the methods below, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strings(&'static str);

/// Declares each string, its documentation and its translations: a method
/// of [`Strings`] that reads it, and the four languages' texts.
macro_rules! strings {
    ($($(#[doc = $doc:literal])* $name:ident: $en:literal, $es:literal, $fr:literal, $id:literal;)*) => {
        /// The lines of a language's text, in order.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy)]
        enum Line {
            $($name,)*
        }

        /// How many strings a language has.
        #[cfg(test)]
        const LINES: usize = [$(Line::$name),*].len();

        const EN: Strings = Strings(concat!($($en, "\n",)*));
        const ES: Strings = Strings(concat!($($es, "\n",)*));
        const FR: Strings = Strings(concat!($($fr, "\n",)*));
        const ID: Strings = Strings(concat!($($id, "\n",)*));

        impl Strings {
            $(
                $(#[doc = $doc])*
                pub fn $name(&self) -> &'static str {
                    self.line(Line::$name)
                }
            )*
        }
    };
}

strings! {
    /// Accessible name of the whole widget.
    widget:
        "IMA statement archive",
        "Archivo de declaraciones de la IMA",
        "Archives des déclarations de l’IMA",
        "Arsip pernyataan IMA";
    /// Label of the search box.
    search:
        "Search statements",
        "Buscar declaraciones",
        "Rechercher des déclarations",
        "Cari pernyataan";
    /// Placeholder of the search box.
    search_placeholder:
        "Search statements…",
        "Buscar declaraciones…",
        "Rechercher des déclarations…",
        "Cari pernyataan…";
    /// The filter panel's name and the toggle that shows it on narrow screens.
    filters: "Filters", "Filtros", "Filtres", "Filter";
    /// Label of the sort menu.
    sort: "Sort", "Ordenar", "Trier", "Urutkan";
    /// Sort by relevance.
    sort_relevance: "Most relevant", "Más relevantes", "Les plus pertinentes", "Paling relevan";
    /// Newest first.
    sort_newest: "Newest first", "Más recientes", "Les plus récentes", "Terbaru";
    /// Oldest first.
    sort_oldest: "Oldest first", "Más antiguas", "Les plus anciennes", "Terlama";
    /// Reveals the rest of a long facet list.
    show_more: "Show more", "Ver más", "Afficher plus", "Tampilkan lebih banyak";
    /// Hides it again.
    show_fewer: "Show fewer", "Ver menos", "Afficher moins", "Tampilkan lebih sedikit";
    /// Name of the list of active filters.
    active_filters: "Active filters", "Filtros activos", "Filtres actifs", "Filter aktif";
    /// Accessible prefix of a chip's remove button.
    remove_filter: "Remove filter", "Quitar filtro", "Retirer le filtre", "Hapus filter";
    /// Removes every filter and the query.
    clear_all: "Clear all", "Quitar todo", "Tout effacer", "Hapus semua";
    /// Name of the result list.
    results: "Results", "Resultados", "Résultats", "Hasil";
    /// Loads the next page of results.
    more_results: "More results", "Más resultados", "Plus de résultats", "Hasil lainnya";
    /// Empty state headline.
    no_results:
        "No statement matches your search.",
        "Ninguna declaración coincide con la búsqueda.",
        "Aucune déclaration ne correspond à votre recherche.",
        "Tidak ada pernyataan yang cocok dengan pencarian Anda.";
    /// Introduces the filters whose removal would give results.
    try_removing:
        "Try removing a filter:",
        "Pruebe a quitar un filtro:",
        "Essayez de retirer un filtre :",
        "Coba hapus filter:";
    /// Introduces a spelling suggestion.
    did_you_mean: "Did you mean", "Quizás quiso decir", "Vouliez-vous dire", "Mungkin maksud Anda";
    /// Says a suggestion also removes the filters.
    without_filters: "without filters", "sin filtros", "sans filtres", "tanpa filter";
    /// Marker next to an inferred date.
    approximate: "approx.", "aprox.", "env.", "perk.";
    /// Introduces the reason a date is approximate.
    approximate_note:
        "Approximate date:",
        "Fecha aproximada:",
        "Date approximative :",
        "Tanggal perkiraan:";
    /// Returns from the reading view.
    back: "Back to results", "Volver a los resultados", "Retour aux résultats", "Kembali ke hasil";
    /// Introduces the signatories.
    signed_by: "Reference:", "Referencia:", "Référence :", "Referensi:";
    /// Name of the entity tag list.
    tags:
        "Topics, places and names",
        "Temas, lugares y nombres",
        "Thèmes, lieux et noms",
        "Topik, tempat dan nama";
    /// Accessible prefix of a tag button.
    filter_by:
        "Show statements about",
        "Ver declaraciones sobre",
        "Voir les déclarations sur",
        "Tampilkan pernyataan tentang";
    /// Shown when only the opening of a statement is held.
    excerpt_note:
        "The archive holds only the opening of this statement.",
        "El archivo solo contiene el comienzo de esta declaración.",
        "Les archives ne contiennent que le début de cette déclaration.",
        "Arsip hanya memuat bagian awal pernyataan ini.";
    /// Introduces the source document.
    source: "Source:", "Fuente:", "Source :", "Sumber:";
    /// Introduces the pages the source links to.
    related:
        "Linked from the source:",
        "Enlazado desde la fuente:",
        "Liens de la source :",
        "Ditautkan dari sumber:";
    /// The permanent link.
    permalink: "Permalink", "Enlace permanente", "Lien permanent", "Tautan permanen";
    /// Copies the permanent link.
    copy_link: "Copy link", "Copiar enlace", "Copier le lien", "Salin tautan";
    /// Confirms the copy.
    copied: "Link copied.", "Enlace copiado.", "Lien copié.", "Tautan disalin.";
    /// When the clipboard refuses.
    copy_failed:
        "Could not copy: select the link and copy it.",
        "No se pudo copiar: seleccione el enlace y cópielo.",
        "Copie impossible : sélectionnez le lien et copiez-le.",
        "Gagal menyalin: pilih tautan lalu salin.";
    /// The statement before in time.
    previous: "Earlier", "Anterior", "Précédente", "Sebelumnya";
    /// The statement after in time.
    next: "Later", "Posterior", "Suivante", "Sesudahnya";
    /// Name of the previous/next navigation.
    in_time:
        "Statements before and after",
        "Declaraciones anteriores y posteriores",
        "Déclarations précédente et suivante",
        "Pernyataan sebelum dan sesudahnya";
    /// A date filter's lower bound, as a chip.
    from: "From", "Desde", "Depuis", "Dari";
    /// A date filter's upper bound, as a chip.
    to: "To", "Hasta", "Jusqu’à", "Sampai";
    /// Words the search ignored.
    ignored: "Ignored:", "Ignorado:", "Ignoré :", "Diabaikan:";
    /// The statement asked for is not in the archive.
    not_found:
        "That statement is not in the archive.",
        "Esa declaración no está en el archivo.",
        "Cette déclaration n’est pas dans les archives.",
        "Pernyataan itu tidak ada di arsip.";
    /// Name of the slot where the chronology goes.
    chronology: "Chronology", "Cronología", "Chronologie", "Kronologi";
    /// Heading of the statements related to the open one.
    related_statements:
        "Related statements",
        "Declaraciones relacionadas",
        "Déclarations liées",
        "Pernyataan terkait";
    /// The count of no statement at all: "No statements".
    count_none:
        "No statements",
        "Ninguna declaración",
        "Aucune déclaration",
        "Tidak ada pernyataan";
    /// "Showing 10 of 12" under a partial list: the words before, between and after the two numbers.
    showing_before: "Showing ", "Mostrando ", "", "Menampilkan ";
    showing_between: " of ", " de ", " sur ", " dari ";
    showing_after: "", "", " affichées", "";
    // The chronology's.
    /// Zoom in button.
    zoom_in: "Zoom in", "Acercar", "Zoom avant", "Perbesar";
    /// Zoom out button.
    zoom_out: "Zoom out", "Alejar", "Zoom arrière", "Perkecil";
    /// Show the whole archive.
    fit: "Whole archive", "Todo el archivo", "Toute l’archive", "Seluruh arsip";
    /// Show the span of the matching statements.
    fit_results:
        "Fit to results",
        "Ajustar a los resultados",
        "Ajuster aux résultats",
        "Sesuaikan dengan hasil";
    /// Remove the brushed dates.
    clear_dates: "Clear dates", "Quitar fechas", "Effacer les dates", "Hapus tanggal";
    /// Label of a break in the axis.
    no_statements:
        "No statements",
        "Sin declaraciones",
        "Aucune déclaration",
        "Tidak ada pernyataan";
    /// Heading of the equivalent list.
    by_year:
        "Statements by year",
        "Declaraciones por año",
        "Déclarations par année",
        "Pernyataan per tahun";
    /// Count prefix for matched of total: "3 of 6".
    of_total: "of", "de", "sur", "dari";
    /// Filter by one year from the equivalent list.
    only_year: "Only this year", "Solo este año", "Cette année seulement", "Hanya tahun ini";
    /// How to use the chronology, read with it.
    help:
        "Arrow keys move from statement to statement in time, Enter opens. Shift with the arrow keys selects the period between statements, Escape clears it; or drag along the dates.",
        "Las flechas pasan de una declaración a otra en el tiempo; Intro la abre. Mayús con las flechas elige el periodo entre declaraciones y Esc lo quita; o arrastre sobre las fechas.",
        "Les flèches passent d’une déclaration à l’autre dans le temps ; Entrée l’ouvre. Maj avec les flèches choisit la période entre déclarations, Échap l’efface ; ou faites glisser sur les dates.",
        "Tombol panah berpindah antarpernyataan menurut waktu; Enter membukanya. Shift dengan tombol panah memilih periode antarpernyataan, Esc menghapusnya; atau seret di sepanjang tanggal.";
    /// Statements drawn together as a bar.
    statements: "statements", "declaraciones", "déclarations", "pernyataan";
    /// Name of the date range selector.
    dates: "Selected period", "Periodo elegido", "Période choisie", "Periode terpilih";
    /// After a count of statements a year's list leaves out: "1150 more".
    more: "more", "más", "de plus", "lainnya";
    /// After a count of one: "1 statement".
    statement: "statement", "declaración", "déclaration", "pernyataan";
    /// Name of the band that shows the whole archive while zoomed in.
    overview:
        "Whole archive: click or drag to move the view",
        "Todo el archivo: haga clic o arrastre para mover la vista",
        "Toute l’archive : cliquez ou faites glisser pour déplacer la vue",
        "Seluruh arsip: klik atau seret untuk memindahkan tampilan";
}

impl Strings {
    /// One line of the language's text.
    fn line(&self, line: Line) -> &'static str {
        self.0.split('\n').nth(line as usize).unwrap_or("")
    }

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
        0 => s.count_none().to_owned(),
        1 => "1 ".to_owned() + s.statement(),
        n => decimal(n.into()) + " " + s.statements(),
    }
}

/// "Showing 10 of 12" under a partial list.
pub fn showing(shown: u32, total: u32, lang: Lang) -> String {
    let s = Strings::of(lang);
    s.showing_before().to_owned()
        + &decimal(shown.into())
        + s.showing_between()
        + &decimal(total.into())
        + s.showing_after()
}

/// The chronology's name for the interface strings (`Words::of(lang).zoom_in()`).
pub type Words = Strings;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        for lang in Lang::ALL {
            let s = Strings::of(lang);
            let all = [
                s.widget(),
                s.search(),
                s.search_placeholder(),
                s.filters(),
                s.sort(),
                s.sort_relevance(),
                s.sort_newest(),
                s.sort_oldest(),
                s.show_more(),
                s.show_fewer(),
                s.active_filters(),
                s.remove_filter(),
                s.clear_all(),
                s.results(),
                s.more_results(),
                s.no_results(),
                s.try_removing(),
                s.did_you_mean(),
                s.without_filters(),
                s.approximate(),
                s.approximate_note(),
                s.back(),
                s.signed_by(),
                s.tags(),
                s.filter_by(),
                s.excerpt_note(),
                s.source(),
                s.related(),
                s.permalink(),
                s.copy_link(),
                s.copied(),
                s.copy_failed(),
                s.previous(),
                s.next(),
                s.in_time(),
                s.from(),
                s.to(),
                s.ignored(),
                s.not_found(),
                s.chronology(),
                s.related_statements(),
                s.count_none(),
                s.showing_between(),
                s.zoom_in(),
                s.zoom_out(),
                s.fit(),
                s.fit_results(),
                s.clear_dates(),
                s.no_statements(),
                s.by_year(),
                s.of_total(),
                s.only_year(),
                s.help(),
                s.statements(),
                s.dates(),
                s.more(),
                s.statement(),
                s.overview(),
            ];
            assert!(all.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
            for facet in Facet::ALL {
                assert!(!facet_name(facet, lang).is_empty());
            }
        }
    }

    #[test]
    fn no_string_breaks_the_lines() {
        for lang in Lang::ALL {
            // Each string ends with its line break: one piece more than strings.
            assert_eq!(
                Strings::of(lang).0.split('\n').count(),
                LINES + 1,
                "{lang:?}"
            );
        }
    }

    #[test]
    fn languages_differ_where_they_should() {
        assert_ne!(
            Strings::of(Lang::En).search(),
            Strings::of(Lang::Es).search()
        );
        assert_ne!(Strings::of(Lang::Fr).back(), Strings::of(Lang::Id).back());
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
