/// One column of a model matrix, and so one coefficient, as a typed value: the intercept, a
/// numeric variable, the indicator of a factor level, or an interaction (the product) of several
/// of those.
///
/// ```
/// (Intercept)                  .intercept
/// alder                        .numeric(variable: "alder")
/// kon: 2                       .level(FactorLevel(variable: "kon", code: "2", reference: "1"))
/// kon: 2 & fodelse: utrikes    .interaction([.level(kon 2 vs 1), .level(fodelse utrikes vs inrikes)])
/// ```
/// A fit keeps its columns as these values (``GLMFit/modelTerms``,
/// ``RandomInterceptFit/modelTerms``, ``CoefficientTable/Row/modelTerm``), so a report finds a
/// term's variables, level codes and reference levels without reading them out of its name.
/// The name (``name``) is derived from the value, in StatsModels.jl's form, and never parsed back.
public struct ModelTerm: Sendable, Hashable, Codable, CustomStringConvertible {
  /// A level of a factor whose indicator is (part of) a column.
  public struct FactorLevel: Sendable, Hashable, Codable {
    /// The factor.
    public let variable: String
    /// The level's code (`"2"`, `"utrikes"`).
    public let code: String
    /// The level the column is contrasted with under treatment (dummy) coding: the fit's
    /// reference level of the factor. `nil` under indicator coding (one column per level, e.g.
    /// a model without an intercept), where no level is left out.
    public let reference: String?

    public init(variable: String, code: String, reference: String?) {
      self.variable = variable
      self.code = code
      self.reference = reference
    }
  }

  /// One factor of a column's product.
  public enum Component: Sendable, Hashable, Codable {
    /// A numeric variable's value.
    case numeric(variable: String)
    /// The indicator of a factor level.
    case level(FactorLevel)

    /// The variable.
    public var variable: String {
      switch self {
      case .numeric(let variable): variable
      case .level(let level): level.variable
      }
    }
  }

  /// What a column is.
  public enum Kind: Sendable, Hashable {
    /// The column of ones.
    case intercept
    /// A numeric variable (a main effect).
    case numeric(variable: String)
    /// The indicator of a factor level (a main effect).
    case level(FactorLevel)
    /// The product of two or more components.
    case interaction([Component])
  }

  /// The components of the product, in formula order; empty for the intercept.
  public let components: [Component]

  /// A column from its components (none: the intercept; one: a main effect; more: an
  /// interaction).
  public init(components: [Component]) {
    self.components = components
  }

  /// The intercept.
  public static let intercept = ModelTerm(components: [])

  /// The main effect of a numeric variable.
  public static func numeric(_ variable: String) -> ModelTerm {
    ModelTerm(components: [.numeric(variable: variable)])
  }

  /// The main-effect indicator of level `code` of `variable`, contrasted with `reference`.
  public static func level(_ variable: String, code: String, reference: String?) -> ModelTerm {
    ModelTerm(
      components: [.level(FactorLevel(variable: variable, code: code, reference: reference))])
  }

  /// A column known by name only (a matrix given without its terms): `.intercept` for the
  /// intercept's name, otherwise a numeric column of that name, whose ``name`` is `name` again.
  static func untyped(_ name: String) -> ModelTerm {
    name == intercept.name ? .intercept : .numeric(name)
  }

  /// The kind of column.
  public var kind: Kind {
    switch components.count {
    case 0: return .intercept
    case 1:
      switch components[0] {
      case .numeric(let variable): return .numeric(variable: variable)
      case .level(let level): return .level(level)
      }
    default: return .interaction(components)
    }
  }

  /// The variables of the components, in order.
  public var variables: [String] { components.map(\.variable) }

  /// The factor levels among the components, in order.
  public var factorLevels: [FactorLevel] {
    components.compactMap {
      if case .level(let level) = $0 { return level }
      return nil
    }
  }

  /// The coefficient name of the CLI and JSON contract, as StatsModels.jl names columns:
  /// `(Intercept)`, `alder`, `kon: 2`, `kon: 2 & fodelse: utrikes`. The one place names are made.
  public var name: String {
    guard !components.isEmpty else { return "(Intercept)" }
    return components.map { component in
      switch component {
      case .numeric(let variable): variable
      case .level(let level): "\(level.variable): \(level.code)"
      }
    }.joined(separator: " & ")
  }

  /// ``name``.
  public var description: String { name }
}
