extension CrossTab {
  /// Applies a disclosure-control policy to the table's cells and margins.
  ///
  /// See ``DisclosureControl`` for the policy. The result says, for every cell and margin,
  /// whether it is published or suppressed (primarily or secondarily).
  ///
  /// - Complexity: the line rule is linear in the size of the extended table per sweep; the
  ///   audit solves a linear system in the suppressed entries (Gauss–Jordan elimination), which
  ///   is small for published tables.
  public func suppression(_ control: DisclosureControl = DisclosureControl()) -> Suppression {
    var status: [Suppression.Status] = extended.map {
      control.isBelowThreshold($0) ? .primary : .published
    }
    if weightName != nil && control.protectRows {
      // Few persons behind a large weighted count are protected too.
      let rows = Self.extend(records.map { Double($0) }, shape: shape)
      for position in rows.indices where control.isBelowThreshold(rows[position]) {
        status[position] = .primary
      }
    }
    if control.secondary && status.contains(.primary) {
      var engine = SecondarySuppression(shape: shape, values: extended, status: status)
      engine.run()
      status = engine.status
    }
    return Suppression(control: control, status: status, shape: shape)
  }
}
