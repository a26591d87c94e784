extension Dataset {
  /// Persons derived from event-level data (suspicions): one row per person and combination of
  /// `variables`, Brå's netto counting per combination. A person suspected of partner violence
  /// against both a man and a woman has one row with `malsagande_kon` 1 and one with 2, so a
  /// table of distinct persons counts the person once in each.
  ///
  /// ```swift
  /// let suspicions = try Dataset.load(contentsOf: suspicionsURL, codebook: .canonical)
  /// let persons = try Dataset.load(contentsOf: personsURL, codebook: .canonical)
  /// let partner = try suspicions.personLevel(
  ///   by: ["brottstyp", "parrelation"], persons: persons,
  ///   period: CalendarDay("2016-01-01")!...CalendarDay("2017-12-31")!)
  /// // lopnr, brottstyp, parrelation, ar, antal_misstankar, kon, alder, utbildning, ...
  /// ```
  /// The steps: join `persons` by `key` (rows without a person are left out; the join is in
  /// `loadReport.joins`), keep the rows dated in `period` (rows without a date are then left
  /// out), and group by person and the variables' levels (a grouping such as `parrelation`, which
  /// needs the person's `kon`, is computed after the join). Each row has the person's variables,
  /// the combination (a grouping stored as a categorical column; a row outside a grouping, such
  /// as a suspicion other than partner violence for `parrelation`, has it missing), `ar` = the
  /// year of the earliest event, and `antal_misstankar` = the number of events. The event-level
  /// columns not named in `variables` (`datum`, `brottskod`, …) are dropped (a variable both
  /// files have keeps the register's value). Rows are in the order of the key, then the
  /// combination's levels.
  /// - Throws: `MicrodataError.unknownVariable`, `.duplicateKey` (a person twice in `persons`),
  ///   `.wrongVariableKind` for a `date` that is not a date.
  /// - Parameter personsIndex: the index of `persons` by `key`, when it is built already (a
  ///   report joins the one person register several times and indexes it once).
  public func personLevel(
    by variables: [String], persons: Dataset? = nil, personsIndex: KeyIndex? = nil,
    key: String = "lopnr", date: String = "datum", period: ClosedRange<CalendarDay>? = nil
  ) throws(MicrodataError) -> Dataset {
    var events = self
    if let persons, let personsIndex {
      events = try joined(with: persons, index: personsIndex, on: key, kind: .inner)
    } else if let persons {
      events = try joined(with: persons, on: key, kind: .inner)
    }
    let days = events.column(named: date) != nil ? try events.dates(date) : nil
    if let period {
      guard let days else { throw events.unknownVariable(date) }
      let kept = (0..<events.rowCount).filter { days[$0].map(period.contains) == true }
      events = events.rows(kept)
    }
    let keptDays = events.column(named: date) != nil ? try events.dates(date) : nil
    let person = try events.factor(key)
    let factors = try variables.map { name throws(MicrodataError) in try events.factor(name) }
    struct Group {
      var row: Int
      var day: CalendarDay?
      var count: Int
    }
    var groups: [[Int32]: Group] = [:]
    for row in 0..<events.rowCount where person.codes[row] >= 0 {
      let combination = [person.codes[row]] + factors.map { max($0.codes[row], Factor.missing) }
      let day = keptDays?[row]
      if var group = groups[combination] {
        group.count += 1
        if let day, group.day.map({ day < $0 }) ?? true {
          group.day = day
          group.row = row
        }
        groups[combination] = group
      } else {
        groups[combination] = Group(row: row, day: day, count: 1)
      }
    }
    let ordered = groups.sorted { a, b in
      a.key.lexicographicallyPrecedes(b.key)
    }
    let rows = ordered.map { Int32($0.value.row) }
    var result = events.gathered(rows)
    // Event-level columns go; where the register has the same variable (a delivery whose
    // suspicions carry `kon`), the register's value stays under the plain name.
    let registered = Set(persons?.variableNames ?? [])
    for name in variableNames where name != key && !variables.contains(name) {
      result = result.removing([name])
      if registered.contains(name),
        let k = result.columns.firstIndex(where: { $0.name == name + "_y" })
      {
        result.columns[k].name = name
      }
    }
    for (name, factor) in zip(variables, factors) where events.column(named: name) == nil {
      result = result.adding(
        Factor(
          name: name, levels: factor.levels,
          codes: rows.map { max(factor.codes[Int($0)], Factor.missing) }))
    }
    if keptDays != nil {
      result = result.adding(
        "ar", numbers: ordered.map { $0.value.day.map { Double($0.year) } ?? .nan })
    }
    return result.adding(
      "antal_misstankar", numbers: ordered.map { Double($0.value.count) })
  }
}
