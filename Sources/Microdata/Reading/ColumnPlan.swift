/// How one header column is read: which variable it becomes, with which sink, lookup and range.
/// Built once from the header and the codebook, shared (read-only) by every part of a parse.
struct ColumnPlan: @unchecked Sendable {
  enum Sink: UInt8 {
    case skip
    case categorical8
    case categorical16
    case integer
    case decimal
    case date
    case identifier
    case text
    /// An undeclared column: whole numbers as `integer` until a value is something else, then
    /// the rows read so far become text (`FieldSink.inferredToText`) and the type is decided
    /// over the whole column when it is assembled.
    case inferred
  }

  /// The name in the file's header.
  var header: String
  /// The variable name (the header for an undeclared column).
  var name: String
  var variable: Variable?
  var kind: VariableKind
  var sink: Sink
  /// Missing-value codes (→ `CodeLookup.missing`) and, for a categorical variable, its codes.
  var lookup: CodeLookup
  /// Levels of a declared categorical variable.
  var levels: [Factor.Level]
  /// Undeclared: read as whole numbers while every value is one (sink `inferred`), else as
  /// text, then typed as integer, decimal or text.
  var inferType: Bool
  /// Categorical without declared codes: read as text, levels from the data.
  var levelsFromData: Bool
  var integerMinimum: Int64 = .min
  var integerMaximum: Int64 = .max
  var decimalMinimum: Double = -.infinity
  var decimalMaximum: Double = .infinity
  /// Own missing codes of an integer variable that are numbers (e.g. 99), checked after parsing.
  var numericMissing: [Int64] = []
  var required: Bool
}

extension ColumnPlan {
  /// The plan for a header column that maps to `variable` (or nil when undeclared).
  init(header: String, variable: Variable?, codebook: Codebook, encoding: TextEncoding) {
    self.header = header
    self.name = variable?.name ?? header
    self.variable = variable
    self.required = variable?.required ?? false
    inferType = false
    levelsFromData = false
    levels = []
    var keys: [([UInt8], Int32)] = []
    func add(_ code: String, _ value: Int32) {
      if let bytes = encoding.encode(code) { keys.append((bytes, value)) }
    }
    guard let variable else {
      kind = .text
      sink = .inferred
      inferType = true
      for code in codebook.defaultMissingCodes {
        add(code, CodeLookup.missing)
        // A missing code that reads as a number (`-9`) must be caught among the numbers too.
        let bytes = Array(code.utf8)
        let value = bytes.withUnsafeBufferPointer {
          NumberParsing.canonicalInteger($0.baseAddress!, $0.count)
        }
        if !bytes.isEmpty && value != NumberParsing.invalid { numericMissing.append(value) }
      }
      lookup = CodeLookup(keys: keys)
      return
    }
    kind = variable.kind
    // A variable's own missing codes first (they win over its codes), then its codes, then the defaults.
    for code in variable.ownMissingCodes { add(code, CodeLookup.missing) }
    var numericCodes: [Int64: Int32] = [:]
    switch variable.kind {
    case .categorical where !variable.codes.isEmpty:
      levels = variable.levels
      sink = levels.count < Int(UInt8.max) ? .categorical8 : .categorical16
      var allDigits = true
      for (index, code) in variable.codes.enumerated() {
        add(code.code, Int32(index))
        if let value = Int64(code.code), code.code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
          if numericCodes.updateValue(Int32(index), forKey: value) != nil { allDigits = false }
        } else {
          allDigits = false
        }
      }
      if !allDigits { numericCodes = [:] }
      for code in variable.ownMissingCodes {
        if let v = Int64(code), numericCodes[v] != nil { numericCodes[v] = CodeLookup.missing }
      }
    case .categorical:
      sink = .text
      levelsFromData = true
    case .integer:
      sink = .integer
      if let lo = variable.minimum { integerMinimum = lo.isFinite ? Int64(lo.rounded(.up)) : .min }
      if let hi = variable.maximum {
        integerMaximum = hi.isFinite ? Int64(hi.rounded(.down)) : .max
      }
      numericMissing = variable.ownMissingCodes.compactMap { Int64($0) }
    case .decimal:
      sink = .decimal
      decimalMinimum = variable.minimum ?? -.infinity
      decimalMaximum = variable.maximum ?? .infinity
    case .date:
      sink = .date
      if let lo = variable.minimum { integerMinimum = Int64(lo.rounded(.up)) }
      if let hi = variable.maximum { integerMaximum = Int64(hi.rounded(.down)) }
    case .id:
      sink = .identifier
    case .text:
      sink = .text
    }
    for code in variable.missingCodes where !variable.ownMissingCodes.contains(code) {
      add(code, CodeLookup.missing)
    }
    lookup = CodeLookup(keys: keys, numericCodes: numericCodes)
  }

  /// A column that is not read (`LoadOptions.variables` leaves it out).
  static func skipped(header: String) -> ColumnPlan {
    ColumnPlan(
      header: header, name: header, variable: nil, kind: .text, sink: .skip,
      lookup: CodeLookup(keys: []),
      levels: [], inferType: false, levelsFromData: false, required: false)
  }

  /// Codes of a categorical variable for error messages.
  var expectedCodes: [String] { levels.map(\.code) }

  /// What a value of this column must look like, for error messages.
  var expectedDescription: String {
    switch kind {
    case .integer: "a whole number"
    case .decimal: "a number"
    case .date: "a date written YYYY-MM-DD"
    case .categorical: "a code"
    case .id, .text: "text"
    }
  }
}
