import Analysis
import Microdata
import RegressionModels

/// The sentences that say why a model is withheld (``ModelDisclosure``).
enum ModelDisclosureText {
  /// The footnote in the labels' language: "The model is not shown: its estimates would reveal
  /// counts from 1 to 4 in kön: Kvinna, outside kön: Kvinna."
  static func footnote(_ disclosure: ModelDisclosure, labels: TermLabeler) -> String {
    labels.language.text(
      .modelWithheld(
        maximum: disclosure.threshold - 1,
        cells: cells(disclosure, language: labels.language, label: labels.termLabel)))
  }

  /// The JSON's `reason`: the same sentence in English with the coefficient names.
  static func reason(_ disclosure: ModelDisclosure, labels: TermLabeler) -> String {
    Language.en.text(
      .modelWithheld(
        maximum: disclosure.threshold - 1,
        cells: cells(disclosure, language: .en, label: \.name)))
  }

  /// The cells named once each, at most six, then "…".
  private static func cells(
    _ disclosure: ModelDisclosure, language: Language, label: (ModelTerm) -> String
  ) -> String {
    var names: [String] = []
    for revealed in disclosure.revealed {
      let name =
        revealed.term == .intercept
        ? language.text(.allCells)
        : revealed.complement
          ? language.text(.outsideCells(label(revealed.term))) : label(revealed.term)
      if !names.contains(name) { names.append(name) }
    }
    let shown = names.prefix(6).joined(separator: "; ")
    return names.count > 6 ? shown + "; …" : shown
  }
}
