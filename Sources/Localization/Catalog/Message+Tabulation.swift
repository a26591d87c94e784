// Texts of cross-tabulations, rates, representation, standardisation and association tests.

extension Message {
  // MARK: Percentages and rates

  /// "Radprocent" / "Row %".
  public static let rowPercent = Message("tabulation.percent.row", sv: "Radprocent", en: "Row %")
  /// "Kolumnprocent" / "Column %".
  public static let columnPercent = Message(
    "tabulation.percent.column", sv: "Kolumnprocent", en: "Column %")
  /// "Procent av totalen" / "% of total".
  public static let totalPercent = Message(
    "tabulation.percent.total", sv: "Procent av totalen", en: "% of total")
  /// The note on row percentages.
  public static let rowPercentNote = Message(
    "tabulation.percent.row_note", sv: "Radprocent: andel av radens summa.",
    en: "Row %: share of the row's total.")
  /// The note on column percentages.
  public static let columnPercentNote = Message(
    "tabulation.percent.column_note", sv: "Kolumnprocent: andel av kolumnens summa.",
    en: "Column %: share of the column's total.")
  /// The note on percentages of the total.
  public static let totalPercentNote = Message(
    "tabulation.percent.total_note", sv: "Procent av totalen: andel av tabellens summa.",
    en: "% of total: share of the table's total.")
  /// The note on rates and their exact intervals; `per` and `level` are formatted.
  public static func rateNote(per: String, level: String) -> Message {
    Message(
      "tabulation.rate_note",
      sv: "Per \(per): antal per \(per) i befolkningen i samma grupp. KI: exakt \(level) "
        + "% konfidensintervall (Poisson, Garwood).",
      en: "Per \(per): count per \(per) of the population of the same group. CI: exact \(level) "
        + "% confidence interval (Poisson, Garwood).")
  }

  // MARK: Disclosure control and exclusions

  /// The note on disclosure control; `threshold` is formatted.
  public static func suppressionNote(threshold: String) -> Message {
    Message(
      "tabulation.suppression_note",
      sv: "Antal under \(threshold) redovisas inte (..), inte heller uppgifter som skulle göra det "
        + "möjligt att räkna fram dem.",
      en: "Counts below \(threshold) are not shown (..), nor figures from which they could be "
        + "worked out.")
  }
  /// The information loss of one table: how many of its cells disclosure control hides.
  public static func hiddenCellsNote(hidden: String, cells: String) -> Message {
    Message(
      "tabulation.hidden_cells_note",
      sv: "Av tabellens \(cells) celler redovisas \(hidden) inte.",
      en: "\(hidden) of the table's \(cells) cells are not shown.")
  }
  /// A variable shown in a coarser grouping (`TabulationRequest.coarsen`); the labels are the
  /// variables' labels in the sentence's case.
  public static func coarsenedNote(variable: String, grouping: String) -> Message {
    Message(
      "tabulation.coarsened_note",
      sv: "Tabellen visar \(grouping) i stället för \(variable): med \(variable) hade mer än "
        + "hälften av cellerna inte kunnat redovisas.",
      en: "The table shows \(grouping) instead of \(variable): with \(variable), more than half "
        + "of the cells could not have been shown.")
  }
  /// "Färre än 5 rader": an amount of rows too small to publish.
  public static func fewerThanRows(threshold: String) -> Message {
    Message(
      "tabulation.exclusion.fewer_than_rows", sv: "Färre än \(threshold) rader",
      en: "Fewer than \(threshold) rows")
  }
  /// "3 rader" / "3 rows"; `formatted` is `count` formatted.
  public static func rowCount(_ formatted: String, count: Int) -> Message {
    Message(
      "tabulation.exclusion.rows", sv: "\(formatted) \(count == 1 ? "rad" : "rader")",
      en: "\(formatted) \(count == 1 ? "row" : "rows")")
  }
  /// "3 rader ingår inte: uppgift saknas om utbildning."
  public static func excludedMissing(amount: String, variable: String) -> Message {
    Message(
      "tabulation.exclusion.missing", sv: "\(amount) ingår inte: uppgift saknas om \(variable).",
      en: "\(amount) not included: \(variable) is missing.")
  }
  /// "3 rader ingår inte: ålder utanför alla grupper."
  public static func excludedOutside(amount: String, variable: String) -> Message {
    Message(
      "tabulation.exclusion.outside",
      sv: "\(amount) ingår inte: \(variable) utanför alla grupper.",
      en: "\(amount) not included: \(variable) outside every group.")
  }

  // MARK: Cross-tabulations

  /// "Antal och antal per 100 000 invånare efter kön".
  public static func crossTabRateTitle(per: String, variables: String) -> Message {
    Message(
      "crosstab.title.rate", sv: "Antal och antal per \(per) invånare efter \(variables)",
      en: "Count and rate per \(per) population by \(variables)")
  }
  /// "Antal efter kön" / "Count by sex".
  public static func countBy(variables: String) -> Message {
    Message("crosstab.title.count", sv: "Antal efter \(variables)", en: "Count by \(variables)")
  }
  /// "Procent efter kön" / "Per cent by sex".
  public static func perCentBy(variables: String) -> Message {
    Message(
      "crosstab.title.percent", sv: "Procent efter \(variables)", en: "Per cent by \(variables)")
  }
  /// The note on a weighted count.
  public static func weightedCountNote(label: String, weight: String) -> Message {
    Message(
      "crosstab.note.weighted_count",
      sv: "Antal: summan av \(label) (\(weight)), inte antal personer.",
      en: "Count: the sum of \(label) (\(weight)), not the number of persons.")
  }
  /// The note on cells with a count but no population.
  public static func unmatchedCellsNote(count: Int) -> Message {
    Message(
      "crosstab.note.unmatched_cells",
      sv:
        "\(count) \(count == 1 ? "cell" : "celler") med antal saknar befolkning; den och summorna över den har inget tal per invånare.",
      en:
        "\(count) \(count == 1 ? "cell" : "cells") with a count have no population; they and the totals over them have no rate."
    )
  }
  /// "Antal per 100 000 invånare efter kön", the title of a chart of rates.
  public static func rateChartTitle(per: String, variables: String) -> Message {
    Message(
      "crosstab.chart.rate_title", sv: "Antal per \(per) invånare efter \(variables)",
      en: "Rate per \(per) population by \(variables)")
  }
  /// "Per 100 000 invånare", the value axis of a chart of rates.
  public static func perPopulation(per: String) -> Message {
    Message(
      "crosstab.chart.rate_axis", sv: "Per \(per) invånare", en: "Per \(per) population")
  }
  /// The subtitle of a chart with groups left out.
  public static func groupsNotShown(count: Int) -> Message {
    Message(
      "chart.groups_not_shown",
      sv:
        "\(count) \(count == 1 ? "grupp redovisas" : "grupper redovisas") inte (för få observationer).",
      en: "\(count) \(count == 1 ? "group is" : "groups are") not shown (too few observations).")
  }

  // MARK: Representation

  /// "Representation efter kön".
  public static func representationTitle(variables: String) -> Message {
    Message(
      "representation.title", sv: "Representation efter \(variables)",
      en: "Representation by \(variables)")
  }
  /// "Andel av antalet, %" / "Share of count, %".
  public static let shareOfCount = Message(
    "representation.share_of_count", sv: "Andel av antalet, %", en: "Share of count, %")
  /// "Andel av befolkningen, %" / "Share of population, %".
  public static let shareOfPopulation = Message(
    "representation.share_of_population", sv: "Andel av befolkningen, %",
    en: "Share of population, %")
  /// "Representationskvot" / "Representation ratio".
  public static let representationRatio = Message(
    "representation.ratio", sv: "Representationskvot", en: "Representation ratio")
  /// The note on representation ratios; `level` is formatted (e.g. `95`).
  public static func representationNote(level: String) -> Message {
    Message(
      "representation.note",
      sv: "Representationskvot: gruppens andel av antalet delad med dess andel av befolkningen "
        + "(1 = som i befolkningen). KI: exakt \(level) % intervall, betingat "
        + "på totalen (Clopper–Pearson).",
      en: "Representation ratio: the group's share of the count divided by its share of the "
        + "population (1 = as in the population). CI: exact \(level) % interval "
        + "conditional on the total (Clopper–Pearson).")
  }

  // MARK: Direct standardisation

  /// The note on standardisation to the study population; `stratum` is a label in a sentence.
  public static func standardizationStudyNote(stratum: String) -> Message {
    Message(
      "standardization.note.study",
      sv: "Direkt standardisering efter \(stratum) till studiebefolkningens fördelning; KI enligt "
        + "Fay och Feuer (1997).",
      en: "Direct standardisation by \(stratum) to the distribution of the study population; CI "
        + "after Fay and Feuer (1997).")
  }
  /// The note on standardisation to a given standard population.
  public static func standardizationGivenNote(stratum: String) -> Message {
    Message(
      "standardization.note.given",
      sv: "Direkt standardisering efter \(stratum) till en given standardbefolkning; KI enligt "
        + "Fay och Feuer (1997).",
      en: "Direct standardisation by \(stratum) to a given standard population; CI after Fay and "
        + "Feuer (1997).")
  }
  /// "Standardiserade tal efter kön, standardiserat efter ålder".
  public static func standardizationTitle(variables: String, stratum: String) -> Message {
    Message(
      "standardization.title",
      sv: "Standardiserade tal efter \(variables), standardiserat efter \(stratum)",
      en: "Standardised rates by \(variables), standardised by \(stratum)")
  }
  /// "Råtal per 100 000" / "Crude rate per 100 000"; `per` is the lower-cased unit.
  public static func crudeRate(per: String) -> Message {
    Message("standardization.crude_rate", sv: "Råtal \(per)", en: "Crude rate \(per)")
  }
  /// "Standardiserat per 100 000" / "Standardised per 100 000".
  public static func standardizedRate(per: String) -> Message {
    Message(
      "standardization.standardized_rate", sv: "Standardiserat \(per)", en: "Standardised \(per)")
  }

  // MARK: Tests of association

  /// "Test av samband: kön × ålder".
  public static func associationTitle(tested: String) -> Message {
    Message(
      "association.title", sv: "Test av samband: \(tested)", en: "Test of association: \(tested)")
  }
  /// "Frihetsgrader" / "Degrees of freedom".
  public static let degreesOfFreedom = Message(
    "association.degrees_of_freedom", sv: "Frihetsgrader", en: "Degrees of freedom")
  /// "p-värde" / "p-value".
  public static let pValue = Message("association.p_value", sv: "p-värde", en: "p-value")
  /// "Cramérs V" / "Cramér's V".
  public static let cramersV = Message("association.cramers_v", sv: "Cramérs V", en: "Cramér's V")
  /// "p-värde (G²)" / "p-value (G²)".
  public static let pValueG2 = Message(
    "association.p_value_g2", sv: "p-värde (G²)", en: "p-value (G²)")
  /// "Fishers exakta test, p-värde" / "Fisher's exact test, p-value".
  public static let fisherPValue = Message(
    "association.fisher_p_value", sv: "Fishers exakta test, p-värde",
    en: "Fisher's exact test, p-value")
  /// "Oddskvot (betingad ML)" / "Odds ratio (conditional ML)".
  public static let conditionalOddsRatio = Message(
    "association.odds_ratio", sv: "Oddskvot (betingad ML)", en: "Odds ratio (conditional ML)")
  /// "Oddskvot, KI nedre" / "Odds ratio, CI lower".
  public static let oddsRatioLower = Message(
    "association.odds_ratio_lower", sv: "Oddskvot, KI nedre", en: "Odds ratio, CI lower")
  /// "Oddskvot, KI övre" / "Odds ratio, CI upper".
  public static let oddsRatioUpper = Message(
    "association.odds_ratio_upper", sv: "Oddskvot, KI övre", en: "Odds ratio, CI upper")

  /// The note of a table that counts distinct persons.
  public static let countsDistinctPersons = Message(
    "tabulation.counts_distinct_persons",
    sv:
      "Antal personer: en person räknas en gång i varje cell, hur många misstankar hen än har där.",
    en:
      "Number of persons: a person counts once in each cell, however many suspicions they have there."
  )
}
