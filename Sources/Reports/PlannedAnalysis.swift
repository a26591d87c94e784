import Analysis
import Microdata
import Reporting

/// One analysis to run: a recipe entry, or one `for_each` value of it, numbered in report
/// order.
public struct PlannedAnalysis: Sendable {
  /// 1-based position in the report; files are named `<nn>-<slug>`.
  public var number: Int
  public var entry: RecipeEntry
  /// The name `--only` matches: the entry's `name` (or the slug of its title) with the
  /// for_each codes appended, e.g. `rates-vbek`.
  public var name: String
  /// The title with its placeholders filled in.
  public var title: String
  /// The codes of the for_each axes this analysis is for (its section's first).
  public var forEachValues: [CellCoordinate]
  /// The heading of its section with the placeholders filled in, if it is in one.
  public var sectionTitle: String?
  /// The published figures this analysis must reproduce.
  public var expectations: [PublishedFigure]
  /// The entry's `selection:` with its placeholders filled in, if it has one.
  public var selection: String? = nil

  /// The file-name stem: the number, then the name when the entry has one (`12-vbek-kon`),
  /// else the slug of the title (`03-misstankta-for-vald-mot-bekant`).
  package func stem(width: Int) -> String {
    let number = String(self.number)
    return String(repeating: "0", count: max(0, width - number.count)) + number + "-"
      + Slug.make(entry.name != nil ? name : title)
  }

  /// The entry's filter and the for_each conditions (the recipe's global filter is added when
  /// the job is built, since it depends on the data file).
  public var entryFilter: String? {
    var parts: [String] = []
    for filter in [entry.section?.filter, entry.filter].compactMap({ $0 })
    where !filter.trimmingCharacters(in: .whitespaces).isEmpty {
      parts.append(filter)
    }
    for value in forEachValues {
      let escaped = value.code.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
      parts.append("\(value.variable) == \"\(escaped)\"")
    }
    return Self.conjunction(parts)
  }

  /// Filters joined by `&&`, parenthesising any that contain an "or".
  package static func conjunction(_ parts: [String]) -> String? {
    let cleaned = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard cleaned.count > 1 else { return cleaned.first }
    return cleaned.map { part in
      let lowered = part.lowercased()
      return lowered.contains("|") || lowered.contains(" or ") ? "(\(part))" : part
    }.joined(separator: " && ")
  }
}

extension Recipe {
  /// Every analysis of the recipe, for_each entries expanded, numbered from 1.
  ///
  /// A for_each value `all` takes the codes of the variable (or grouping) in the codebook of
  /// the entry's data file. Titles are templated: `{VARIABLE}` is the code, `{VARIABLE_label}`
  /// its label in the report's language — lower-cased at the start when the placeholder is not
  /// at the start of the title ("Misstänkta för {brottstyp_label}" → "Misstänkta för våld mot
  /// bekant").
  ///
  /// - Throws: `RecipeError` when a for_each variable has no codes in the codebook or a code
  ///   is not one of them.
  package func plannedAnalyses(language: Language? = nil) throws(RecipeError) -> [PlannedAnalysis] {
    let language = language ?? self.language
    var planned: [PlannedAnalysis] = []
    var index = 0
    func checkCount(_ entry: RecipeEntry) throws(RecipeError) {
      guard planned.count > Self.maximumAnalyses else { return }
      throw .invalidValue(
        file: file, line: entry.line,
        message: "the recipe runs more than \(Self.maximumAnalyses) analyses up to this entry, "
          + "more than a report holds; list fewer `for_each` values or split the recipe")
    }
    while index < entries.count {
      try checkCount(entries[index])
      guard let section = entries[index].section else {
        planned += try expand(
          entries[index], prefix: [], sectionTitle: nil, language, first: planned.count + 1)
        index += 1
        continue
      }
      var end = index
      while end < entries.count, entries[end].section?.index == section.index { end += 1 }
      let members = entries[index..<end]
      let codebook = try codebook(for: members.first!)
      for combination in try combinations(section.forEach, codebook: codebook) {
        let heading = Self.fill(section.title, combination, language: language)
        for member in members {
          try checkCount(member)
          planned += try expand(
            member, prefix: combination, sectionTitle: heading, language, first: planned.count + 1)
        }
      }
      index = end
    }
    return planned
  }

  /// The most analyses one report runs (the model report runs 57): a recipe whose `for_each`
  /// values would give more is an error naming the line, not hours of work and a page no one
  /// can read.
  package static let maximumAnalyses = 2_000

  /// Every combination of the axes' codes with their labels, first axis outermost.
  package func combinations(_ axes: [ForEachAxis], codebook: Codebook) throws(RecipeError)
    -> [[(CellCoordinate, Label)]]
  {
    var combinations: [[(CellCoordinate, Label)]] = [[]]
    for axis in axes {
      let levels = try levels(of: axis, codebook: codebook)
      let (count, overflow) = combinations.count.multipliedReportingOverflow(by: levels.count)
      if overflow || count > Self.maximumAnalyses {
        throw .invalidValue(
          file: file, line: axis.line,
          message: "`for_each` repeats the entry for more than \(Self.maximumAnalyses) "
            + "combinations of values, more than a report holds; list fewer values or split the "
            + "recipe")
      }
      combinations = combinations.flatMap { prefix in
        levels.map { prefix + [(CellCoordinate(variable: axis.variable, code: $0.code), $0.label)] }
      }
    }
    return combinations
  }

  /// An entry for each combination of its own for_each axes, after the section's `prefix`.
  package func expand(
    _ entry: RecipeEntry, prefix: [(CellCoordinate, Label)], sectionTitle: String?,
    _ language: Language, first: Int
  ) throws(RecipeError) -> [PlannedAnalysis] {
    let codebook = try codebook(for: entry)
    let base = entry.name ?? Slug.make(entry.title)
    var result: [PlannedAnalysis] = []
    for own in try combinations(entry.forEach, codebook: codebook) {
      let combination = prefix + own
      let values = combination.map(\.0)
      let title = Self.fill(entry.title, combination, language: language)
      // A section's codes come first (`vbek-kon`), the entry's own after (`kon-vbek`).
      let name = (prefix.map { Slug.make($0.0.code) } + [base] + own.map { Slug.make($0.0.code) })
        .joined(separator: "-")
      if !entry.applies(to: values) { continue }
      let expectations = entry.expectations.filter { figure in
        figure.forEach.allSatisfy { values.contains($0) }
      }
      result.append(
        PlannedAnalysis(
          number: first + result.count, entry: entry, name: name, title: title,
          forEachValues: values, sectionTitle: sectionTitle, expectations: expectations,
          selection: entry.selection.map { Self.fill($0, combination, language: language) }))
    }
    return result
  }

  /// The codebook of an entry's main data file (the canonical one when none is named).
  package func codebook(for entry: RecipeEntry) throws(RecipeError) -> Codebook {
    let name = entry.dataName(entry.kind == .recidivism ? "suspicions" : "data", recipe: self)
    guard let file = name.flatMap(dataFile(named:)) else { return .canonical }
    do {
      return try file.input.loadCodebook()
    } catch let error as MicrodataError {
      throw .invalidValue(file: self.file, line: file.line, message: error.description)
    } catch {
      throw .invalidValue(file: self.file, line: file.line, message: "\(error)")
    }
  }

  /// The codes and labels an axis runs over.
  package func levels(of axis: ForEachAxis, codebook: Codebook) throws(RecipeError) -> [(
    code: String, label: Label
  )] {
    let declared: [(code: String, label: Label)]
    if let variable = codebook.variable(named: axis.variable) {
      declared = variable.codes.map { ($0.code, $0.label) }
    } else if let grouping = codebook.grouping(named: axis.variable) {
      declared = grouping.levels.map { ($0.code, $0.label) }
    } else {
      let names = codebook.allNames
      let hint =
        Microdata.suggestions(for: axis.variable, among: names).first.map {
          "; did you mean `\($0)`?"
        } ?? ""
      throw .invalidValue(
        file: file, line: axis.line,
        message: "`for_each` names `\(axis.variable)`, which the codebook does not declare\(hint)")
    }
    guard let values = axis.values else {
      guard !declared.isEmpty else {
        throw .invalidValue(
          file: file, line: axis.line,
          message:
            "`\(axis.variable): all` needs the codes of `\(axis.variable)` in the codebook, which lists none"
        )
      }
      return declared
    }
    var result: [(code: String, label: Label)] = []
    var seen = Set<String>()
    for value in values {
      guard seen.insert(value).inserted else {
        throw .invalidValue(
          file: file, line: axis.line,
          message: "`\(value)` is listed twice in the `for_each` values of `\(axis.variable)`")
      }
      if let level = declared.first(where: { $0.code == value }) {
        result.append(level)
      } else if declared.isEmpty {
        if let variable = codebook.variable(named: axis.variable),
          let problem = Self.outOfRange(value, of: variable)
        {
          throw .invalidValue(file: file, line: axis.line, message: problem)
        }
        result.append((value, Label(sv: value, en: value)))
      } else {
        let hint =
          Microdata.suggestions(for: value, among: declared.map(\.code)).first.map {
            "; did you mean `\($0)`?"
          } ?? ""
        throw .invalidValue(
          file: file, line: axis.line,
          message:
            "`\(value)` is not a code of `\(axis.variable)` (codes: \(declared.map(\.code).joined(separator: ", ")))\(hint)"
        )
      }
    }
    return result
  }

  /// Why a `for_each` value cannot be a value of a numeric variable (not a number, or outside
  /// the codebook's range), or nil when it can.
  static func outOfRange(_ value: String, of variable: Variable) -> String? {
    guard variable.kind == .integer || variable.kind == .decimal else { return nil }
    guard let number = Double(value), number.isFinite,
      variable.kind == .decimal || number == number.rounded()
    else {
      return "`\(value)` is not \(variable.kind == .integer ? "a whole number" : "a number"), "
        + "so no row has it as its `\(variable.name)`"
    }
    if let minimum = variable.minimum, number < minimum {
      return "`\(value)` is below the smallest valid `\(variable.name)` "
        + "(\(numberText(minimum))), so no row has it"
    }
    if let maximum = variable.maximum, number > maximum {
      return "`\(value)` is above the largest valid `\(variable.name)` "
        + "(\(numberText(maximum))), so no row has it"
    }
    return nil
  }

  /// Fills `{variable}` and `{variable_label}` placeholders.
  package static func fill(
    _ template: String, _ values: [(CellCoordinate, Label)], language: Language
  )
    -> String
  {
    var title = template
    for (coordinate, label) in values {
      let placeholder = "{\(coordinate.variable)_label}"
      var text = label.text(language)
      if text.isEmpty { text = coordinate.code }
      if let range = title.range(of: placeholder) {
        if range.lowerBound != title.startIndex { text = Self.lowercasingFirst(text) }
        title = title.replacingOccurrences(of: placeholder, with: text)
      }
      title = title.replacingOccurrences(of: "{\(coordinate.variable)}", with: coordinate.code)
    }
    return title
  }

  /// "Våld mot bekant" → "våld mot bekant"; "EU utom Norden" stays (an acronym).
  package static func lowercasingFirst(_ text: String) -> String {
    guard let first = text.first, first.isUppercase else { return text }
    let second = text.dropFirst().first
    if let second, second.isUppercase { return text }
    return first.lowercased() + text.dropFirst()
  }
}
