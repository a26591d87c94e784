extension RowFilter {
  /// The condition in words for a caption, from the codebook's labels in `language`:
  /// `ar == 2016 && brottstyp == "vnr_partner"` is "År 2016, våld mot partner eller f.d.
  /// partner"; `alder >= 18` "Ålder minst 18"; `kon in (1, 2)` "Man eller kvinna". A code with
  /// a label is named by its label; a variable without one by its name.
  public func wording(codebook: Codebook, language: Language) -> String {
    let text = Self.words(root, codebook, language, top: true)
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  private static func words(_ node: Node, _ codebook: Codebook, _ l: Language, top: Bool)
    -> String
  {
    switch node {
    case .and(let a, let b):
      return words(a, codebook, l, top: top) + ", " + words(b, codebook, l, top: false)
    case .or(let a, let b):
      return l.text(
        .selectionOr(words(a, codebook, l, top: false), words(b, codebook, l, top: false)))
    case .not(let inner):
      return l.text(.selectionNot(words(inner, codebook, l, top: false)))
    case .truthy(let operand):
      return operandName(operand, codebook, l, lower: !top)
    case .membership(let operand, let values, let negated, _):
      let name = variableName(operand)
      let labels = values.map { valueText($0, of: name, codebook, l, lower: true) }
      var list = labels.first ?? ""
      for label in labels.dropFirst() { list = l.text(.selectionOr(list, label)) }
      return negated ? l.text(.selectionNot(list)) : list
    case .comparison(let op, let left, let right, _):
      // Variable on the left.
      let (op, variable, value) =
        if case .variable = left { (op, left, right) } else { (op.mirrored, right, left) }
      let name = variableName(variable)
      let label = operandName(variable, codebook, l, lower: !top)
      if case .missing = value {
        return l.text(op == .equal ? .selectionMissing(label) : .selectionKnown(label))
      }
      let hasLabel = codeLabel(valueCode(value), of: name, codebook, l) != nil
      switch op {
      case .equal:
        return hasLabel
          ? valueText(value, of: name, codebook, l, lower: !top)
          : l.text(.selectionEquals(label, valueCode(value)))
      case .notEqual:
        return hasLabel
          ? l.text(.selectionNot(valueText(value, of: name, codebook, l, lower: true)))
          : l.text(.selectionNotEquals(label, valueCode(value)))
      case .greaterOrEqual: return l.text(.selectionAtLeast(label, valueCode(value)))
      case .lessOrEqual: return l.text(.selectionAtMost(label, valueCode(value)))
      case .greater: return l.text(.selectionAbove(label, valueCode(value)))
      case .less: return l.text(.selectionBelow(label, valueCode(value)))
      }
    }
  }

  private static func variableName(_ operand: Operand) -> String {
    if case .variable(let name, _) = operand { return name }
    return ""
  }

  private static func operandName(
    _ operand: Operand, _ codebook: Codebook, _ l: Language, lower: Bool = false
  ) -> String {
    guard case .variable(let name, _) = operand else { return valueCode(operand) }
    let label =
      codebook.variable(named: name)?.label.text(l)
      ?? codebook.grouping(named: name)?.label.text(l)
    let text = label.flatMap { $0.isEmpty ? nil : $0 } ?? name
    return lower ? lowercasedFirst(text) : text
  }

  private static func valueCode(_ operand: Operand) -> String {
    switch operand {
    case .number(_, let text, _): text
    case .string(let text, _): text
    case .variable(let name, _): name
    case .missing: "NA"
    }
  }

  private static func codeLabel(
    _ code: String, of name: String, _ codebook: Codebook, _ l: Language
  )
    -> String?
  {
    let label =
      codebook.variable(named: name)?.codes.first { $0.code == code }?.label.text(l)
      ?? codebook.grouping(named: name)?.levels.first { $0.code == code }?.label.text(l)
    return label.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// A value by its label (lower-cased after the first word of a caption), else its code.
  private static func valueText(
    _ operand: Operand, of name: String, _ codebook: Codebook, _ l: Language, lower: Bool
  ) -> String {
    let code = valueCode(operand)
    guard let label = codeLabel(code, of: name, codebook, l) else { return code }
    return lower ? lowercasedFirst(label) : label
  }

  private static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    // Keep acronyms (two capitals at the start) as they are.
    if text.count > 1, text.dropFirst().first?.isUppercase == true { return text }
    return first.lowercased() + text.dropFirst()
  }
}
