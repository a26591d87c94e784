/// A list of codes whose meaning is given by other variables, one list per period: Brå's
/// offence codes (`brottskod`) carry the offence category, the injured party's sex and age
/// (child or adult) and the relation, and the list changed over the years.
///
/// ```yaml
/// code_lists:
///   brottskod:                      # the variable holding the codes
///     date: datum                   # the date that picks the period's list
///     codes:                        # optional: in every period
///       "0375": {brottstyp: vnr_partner, malsagande_kon: "2", malsagande_barn: "0",
///                relation: partner, sv: Misshandel mot kvinna, partner, inomhus}
///     periods:
///       - to: 2017-12-31            # from/to, both optional and inclusive
///         codes:                    # the period's own codes, after those of every period
///           "0379": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0",
///                    sv: Misshandel mot kvinna, annan närstående, inomhus}
///       - from: 2018-01-01
///         codes: { ... }
/// ```
/// A code's meaning names codes of other declared variables (the *derived* variables); a
/// variable a code leaves out is missing for rows with that code (unknown, or no injured
/// party). When a file is loaded, a row's code must be in the list of the period holding its
/// date (else `MicrodataError.codeNotInList`); a derived variable the file lacks is added from
/// the codes, and one the file has is checked against them
/// (`MicrodataError.contradictingCode`): where the code gives a value, the file's must equal it.
public struct CodeList: Sendable, Equatable, Hashable {
  /// The variable holding the codes (e.g. `brottskod`).
  public var variable: String
  /// The date variable whose value picks the period (e.g. `datum`).
  public var dateVariable: String
  /// The periods in order; they must not overlap.
  public var periods: [Period]

  public init(variable: String, dateVariable: String, periods: [Period]) {
    self.variable = variable
    self.dateVariable = dateVariable
    self.periods = periods
  }

  /// The list of one period: codes valid from `start` to `end` (both inclusive; nil is open).
  public struct Period: Sendable, Equatable, Hashable {
    public var start: CalendarDay?
    public var end: CalendarDay?
    /// The codes in list order: those of every period, then the period's own.
    public var codes: [Entry]

    public init(start: CalendarDay?, end: CalendarDay?, codes: [Entry]) {
      self.start = start
      self.end = end
      self.codes = codes
    }

    /// Whether the period holds a date.
    public func contains(_ day: CalendarDay) -> Bool {
      (start.map { day >= $0 } ?? true) && (end.map { day <= $0 } ?? true)
    }

    /// The entry of a code, if the period's list has it.
    public func entry(for code: String) -> Entry? { codes.first { $0.code == code } }

    /// `2016-01-01…2017-12-31`, `…2017-12-31`, `2018-01-01…` for messages.
    public var description: String {
      "\(start?.description ?? "")…\(end?.description ?? "")"
    }
  }

  /// One code and what it means.
  public struct Entry: Sendable, Equatable, Hashable {
    public var code: String
    public var label: Label
    /// Derived variable → its code for this code (`brottstyp` → `vnr_partner`), in codebook
    /// order; a derived variable not named is missing for this code.
    public var meaning: [(variable: String, value: String)] {
      get { meaningPairs.map { ($0.variable, $0.value) } }
      set { meaningPairs = newValue.map { Pair(variable: $0.variable, value: $0.value) } }
    }
    var meaningPairs: [Pair]

    public init(code: String, label: Label, meaning: [(variable: String, value: String)]) {
      self.code = code
      self.label = label
      self.meaningPairs = meaning.map { Pair(variable: $0.variable, value: $0.value) }
    }

    /// The code's value of a derived variable; nil when the code leaves it missing.
    public func value(of variable: String) -> String? {
      meaningPairs.first { $0.variable == variable }?.value
    }

    struct Pair: Sendable, Equatable, Hashable {
      var variable: String
      var value: String
    }
  }

  /// Every variable some code of some period gives a value, in first-seen order.
  public var derivedVariables: [String] {
    var seen: [String] = []
    for period in periods {
      for entry in period.codes {
        for pair in entry.meaningPairs where !seen.contains(pair.variable) {
          seen.append(pair.variable)
        }
      }
    }
    return seen
  }

  /// The period holding a date (the first, if a faulty list lets them overlap).
  public func period(for day: CalendarDay) -> Period? {
    periods.first { $0.contains(day) }
  }

  /// The entry of a code on a date: nil when the code is in no list for that date.
  public func entry(for code: String, on day: CalendarDay) -> Entry? {
    period(for: day)?.entry(for: code)
  }
}
