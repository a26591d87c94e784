extension RowFilter {
  /// The variables the filter reads (`kon` and `alder` in `kon == 1 && alder >= 18`).
  public var variables: Set<String> {
    var names = Set<String>()
    func visit(_ operand: Operand) {
      if case .variable(let name, _) = operand { names.insert(name) }
    }
    func visit(_ node: Node) {
      switch node {
      case .or(let a, let b), .and(let a, let b):
        visit(a)
        visit(b)
      case .not(let a): visit(a)
      case .comparison(_, let a, let b, _):
        visit(a)
        visit(b)
      case .membership(let a, let list, _, _):
        visit(a)
        list.forEach(visit)
      case .truthy(let a): visit(a)
      }
    }
    visit(root)
    return names
  }
}
