import Microdata

/// A warning when a filter of the data names variables that the population also has, but the
/// population was not filtered: the cases would be restricted and their denominators not.
public func populationFilterWarning(filter: String, population: Dataset) -> [String] {
  let shared = populationFilterVariables(filter: filter, population: population)
  guard !shared.isEmpty else { return [] }
  let names = shared.map { "`\($0)`" }.joined(separator: ", ")
  return [
    "The filter uses \(names), which the population file also has, but the population was not filtered: the cases are restricted and their population is not. Add --population-filter with the same condition on \(names)."
  ]
}

/// The variables of a data filter that the population also has (sorted, once each): when the
/// population is not filtered on them, the cases are restricted and their population is not.
public func populationFilterVariables(filter: String, population: Dataset) -> [String] {
  var words: [String] = []
  var current = ""
  var quoted: Character? = nil
  for character in filter + " " {
    if let q = quoted {
      if character == q { quoted = nil }
      continue
    }
    if character == "\"" || character == "'" {
      quoted = character
    } else if character.isLetter || character.isNumber || character == "_" {
      current.append(character)
      continue
    }
    if !current.isEmpty, current.first?.isLetter == true { words.append(current) }
    current = ""
  }
  return Array(Set(words.filter { population.hasVariable($0) })).sorted()
}
