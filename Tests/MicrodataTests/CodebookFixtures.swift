import Microdata

extension Codebook {
  /// The canonical codebook without its offence code list, for fixtures whose `brottskod`
  /// values (`0930`, `9301`, …) are arbitrary text that tests of reading use.
  static var canonicalWithoutCodeLists: Codebook {
    var codebook = Codebook.canonical
    codebook.codeLists = []
    return codebook
  }
}
