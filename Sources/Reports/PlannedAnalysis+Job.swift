import Analysis
import Microdata
import Reporting
import Yams

/// What the report runner needs of a job: it runs and produces a `AnalysisPublication`.
public protocol RecipeJob: Sendable {
  /// Runs the analysis: a typed result to publish and to check published figures against.
  func analyse() throws -> any ReportableResult
}

/// A result a report publishes and checks figures against.
public typealias ReportableResult = PublishableResult & FigureSource

extension RecipeJob where Self: AnalysisRequest, Output: PublishableResult & FigureSource {
  public func analyse() throws -> any ReportableResult {
    try validate()
    return try run()
  }
}

extension TabulationRequest: RecipeJob {}
extension RepeatOffendingRequest: RecipeJob {}
extension RecidivismRequest: RecipeJob {}
extension LogitRequest: RecipeJob {}
extension MAIHDARequest: RecipeJob {}
extension ShareRequest: RecipeJob {}

extension PlannedAnalysis {
  /// The role of the analysis's main data file: `suspicions` for recidivism, else `data`.
  public var mainRole: String { entry.kind == .recidivism ? "suspicions" : "data" }

  /// The filter the job gets: the recipe's filter for the main data file, the entry's
  /// filter, and the for_each conditions, joined by `&&`.
  package func filter(in recipe: Recipe) -> String? {
    let main = entry.dataName(mainRole, recipe: recipe)
    return Self.conjunction(
      [main.flatMap(recipe.globalFilter(for:)), entryFilter].compactMap { $0 })
  }

  /// The population's filter: the recipe's filter for the population file and the section's
  /// and entry's `filter`, but not the for_each conditions, which select offences (an empty
  /// text means the whole population). An entry's `population_filter` overrides it.
  package func populationFilter(in recipe: Recipe, population: String) -> String {
    Self.conjunction(
      [recipe.globalFilter(for: population), entry.section?.filter, entry.filter].compactMap { $0 })
      ?? ""
  }

  /// The job of this analysis: the recipe's data files, filter, title, language and
  /// suppression threshold, then the entry's options.
  ///
  /// - Throws: `RecipeError` naming the entry's line when a data file is missing or an option
  ///   does not fit its field.
  package func makeJob(recipe: Recipe, language: Language) throws(RecipeError) -> any RecipeJob {
    let decoder = JobOptionDecoding(file: recipe.file)
    var fields: [(String, Node)] = []
    for role in entry.kind.dataRoles {
      guard let name = entry.dataName(role, recipe: recipe) else {
        if role == "population" && entry.kind == .rates {
          throw .invalidValue(
            file: recipe.file, line: entry.line,
            message:
              "a `rates` analysis needs a population file: declare `population` under `data` or name one with `population: NAME`"
          )
        }
        continue
      }
      guard let file = recipe.dataFile(named: name) else {
        throw .invalidValue(
          file: recipe.file, line: entry.line,
          message:
            "the analysis reads the data file `\(name)`, which `data` does not declare (declared: \(recipe.data.map(\.name).joined(separator: ", ")))"
        )
      }
      let field = role == "data" && entry.kind == .recidivism ? "suspicions" : role
      fields.append((field, try Self.node(file.input, recipe: recipe, line: entry.line)))
    }
    let available = Set(JobTemplates.fields(of: entry.kind))
    if let filter = filter(in: recipe) { fields.append(("filter", Node(filter))) }
    if available.contains("populationFilter"),
      !entry.options.contains(where: { $0.key == "populationFilter" }),
      let population = entry.dataName("population", recipe: recipe)
    {
      fields.append(
        ("populationFilter", Node(populationFilter(in: recipe, population: population))))
    }
    fields.append(("title", Node(title)))
    fields.append(("language", Node(language.rawValue)))
    if available.contains("suppress") && !entry.options.contains(where: { $0.key == "suppress" }) {
      fields.append(("suppress", Node(String(recipe.suppress))))
    }
    fields = fields.filter { available.contains($0.0) }
    let options = entry.options
    let line = entry.line
    switch entry.kind {
    case .tabulate, .rates:
      return try decoder.decode(
        JobTemplates.tabulation(), setting: fields, options: options, entryLine: line)
    case .repeat:
      return try decoder.decode(
        JobTemplates.repeatOffending(), setting: fields, options: options, entryLine: line)
    case .recidivism:
      return try decoder.decode(
        JobTemplates.recidivism(), setting: fields, options: options, entryLine: line)
    case .logit:
      return try decoder.decode(
        JobTemplates.logit(), setting: fields, options: options, entryLine: line)
    case .maihda:
      return try decoder.decode(
        JobTemplates.maihda(), setting: fields, options: options, entryLine: line)
    case .share:
      return try decoder.decode(
        JobTemplates.share(), setting: fields, options: options, entryLine: line)
    }
  }

  /// A data input as a YAML node.
  package static func node(_ input: DataInput, recipe: Recipe, line: Int) throws(RecipeError)
    -> Node
  {
    do {
      if let node = try Yams.compose(yaml: try YAMLEncoder().encode(input)) { return node }
    } catch {}
    throw .invalidValue(
      file: recipe.file, line: line, message: "internal: cannot encode the data input")
  }
}
