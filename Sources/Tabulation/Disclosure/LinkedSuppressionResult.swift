/// Which figures of a set of linked tables are suppressed, and what that costs.
public struct LinkedSuppressionResult: Sendable, Equatable {
  /// The threshold applied: figures with `1 ≤ value < threshold` are primary.
  public let threshold: Int
  /// The protection rule applied.
  public let rule: ProtectionRule
  /// The status of every figure (``LinkedTables/figures`` order).
  public let status: [Suppression.Status]
  /// The suppressed figures (primary and secondary).
  public let suppressed: Set<Int>
  /// The figures below the threshold.
  public let primary: Set<Int>
  /// The figures suppressed to protect the primary ones.
  public let secondary: Set<Int>
  /// What is hidden, over all distinct figures.
  public let informationLoss: InformationLoss
  /// What is hidden in each table (``LinkedTables/tables`` order; empty when the linked tables
  /// were built from a list of figures).
  public let tableLoss: [InformationLoss]
  /// Whether every integer program of the selection was solved to optimality (`false` when a
  /// time limit stopped one; the result is then still protected but may hide more than needed).
  public let isOptimalPerStep: Bool
}

/// How much a suppression hides.
///
/// For a whole set of linked tables, figures are the distinct published figures and persons are
/// counted once per figure (`Σ value` over figures). For one table, figures are its cells
/// (margins not counted) and persons are the persons in its hidden cells, out of its total.
public struct InformationLoss: Sendable, Equatable, Hashable, Codable {
  /// Figures (or cells) suppressed.
  public var figuresHidden: Int
  /// Figures (or cells) in all.
  public var figures: Int
  /// Persons in the suppressed figures (or cells).
  public var personsHidden: Int
  /// Persons in all figures (or in the table).
  public var persons: Int

  public init(figuresHidden: Int, figures: Int, personsHidden: Int, persons: Int) {
    self.figuresHidden = figuresHidden
    self.figures = figures
    self.personsHidden = personsHidden
    self.persons = persons
  }

  /// The share of figures hidden (0 when there are none).
  public var figureShare: Double { figures > 0 ? Double(figuresHidden) / Double(figures) : 0 }
  /// The share of persons hidden (0 when there are none).
  public var personShare: Double { persons > 0 ? Double(personsHidden) / Double(persons) : 0 }
}
