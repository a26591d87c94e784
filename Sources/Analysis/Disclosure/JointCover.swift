import Microdata
import Tabulation

/// The cover tables of several populations joined through the persons they count.
///
/// A report counts the same people in several files: the suspects of partner violence in
/// suspects.csv are, person for person, the persons derived from suspicions.csv for the same
/// offence type, and the index persons of recidivism. A count one population suppresses can be
/// recovered from another that publishes the same persons by the same variables, so linked
/// suppression has to see all of them as one integer program.
///
/// The joint cover has, for every population, its own cells (``PopulationCover``), now
/// holding only the persons counted in no other population, and one *joint cell* per
/// combination of cells of different populations that some person is counted in (a suspect
/// of 2016 born abroad in suspects.csv who is also in the derived table of partner violence
/// against a woman). Tables count a person once in each of their cells and sum cells into
/// margins, so a person in two cells of one population (two offence types) is two units of
/// it; a person's units in different populations are paired in cell order. A figure of a
/// population sums its own cells and every joint cell that holds one of them, each unit once.
///
/// The attacker is given every combination of populations that no one is in as a known zero
/// (only combinations that occur are unknowns), and so is a population's cell whose persons
/// are all counted elsewhere too (the second file holds no one the first does not). A reader
/// who knows how the files were made knows that much; the empty cells of a population's own
/// cover stay unknown as before. Protection against this attacker holds against a weaker one.
struct JointCover {
  /// The counts: the populations' cells in order (`offsets`), then the joint cells.
  let counts: [Int]
  /// Where each population's cells start in `counts`.
  let offsets: [Int]
  /// For each population cell (index into `counts`), the joint cells that contain it.
  private let jointCellsOf: [[Int]]
  /// Population cells whose persons are all in joint cells: a reader who knows that two
  /// files count the same persons knows these are empty, so no figure sums them.
  private let known: Set<Int>

  /// Joins `covers` through their persons.
  ///
  /// - Parameter sources: the source variables of a cover variable (`aldersgrupp` and
  ///   `aldersgrupp3` both come from `alder`), for telling which variables two populations
  ///   share; see ``siblings``.
  ///   - filterSources: per cover, the source variables its rows are selected by (the
  ///     filters of its tables and, for rows given as they are counted, of the analysis): a
  ///     reader knows that the index persons of recidivism among those born in Sweden were
  ///     born in Sweden.
  init(
    _ covers: [PopulationCover], sources: (String) -> Set<String> = { [$0] },
    filterSources: [Set<String>]? = nil
  ) {
    var offsets: [Int] = []
    var counts: [Int] = []
    // Each person's cells: (person, population, cell), in population and cell order.
    var personIndex: [KeyColumn.Key: Int] = [:]
    var entries: [(person: Int, cell: Int)] = []
    var populationOf: [Int] = []
    for (p, cover) in covers.enumerated() {
      offsets.append(counts.count)
      for (cell, persons) in cover.persons.enumerated() {
        for person in persons {
          let id: Int
          if let known = personIndex[person] {
            id = known
          } else {
            id = personIndex.count
            personIndex[person] = id
          }
          entries.append((id, counts.count + cell))
        }
      }
      counts += cover.counts
      populationOf += repeatElement(p, count: cover.counts.count)
    }
    // Grouped by person, keeping population and cell order (a counting sort).
    var start = [Int](repeating: 0, count: personIndex.count + 1)
    for entry in entries { start[entry.person + 1] += 1 }
    for id in 0..<personIndex.count { start[id + 1] += start[id] }
    var next = start
    var cellsByPerson = [Int](repeating: 0, count: entries.count)
    for entry in entries {
      cellsByPerson[next[entry.person]] = entry.cell
      next[entry.person] += 1
    }
    // A table counts a person once in each of its cells and sums cells into margins, so a
    // person in two cells of one population is two units there. Units of different
    // populations are paired in cell order: the k-th cell of the person in each population.
    var units: [[Int]: Int] = [:]
    var runs: [ArraySlice<Int>] = []
    for id in 0..<personIndex.count {
      let cells = cellsByPerson[start[id]..<start[id + 1]]
      // Counted in one population only: no unit joins two.
      guard let first = cells.first, populationOf[cells.last!] != populationOf[first] else {
        continue
      }
      runs.removeAll(keepingCapacity: true)
      var runStart = cells.startIndex
      for i in cells.indices.dropFirst()
      where populationOf[cells[i]] != populationOf[cells[i - 1]] {
        runs.append(cells[runStart..<i])
        runStart = i
      }
      runs.append(cells[runStart..<cells.endIndex])
      let depth = runs.reduce(0) { max($0, $1.count) }
      for k in 0..<depth {
        let unit = runs.compactMap { k < $0.count ? $0[$0.startIndex + k] : nil }
        if unit.count > 1 { units[unit, default: 0] += 1 }
      }
    }
    let before = counts
    let siblings = Self.siblings(
      of: units.keys.sorted { $0.lexicographicallyPrecedes($1) }, covers: covers,
      offsets: offsets, sources: sources,
      filterSources: filterSources ?? covers.map { _ in [] })
    for unit in siblings where units[unit] == nil { units[unit] = 0 }
    var jointCellsOf = [[Int]](repeating: [], count: counts.count)
    // Sorted, so that the joint cells (and so the suppression chosen) do not depend on the
    // order of a dictionary.
    for (cells, n) in units.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      for cell in cells {
        counts[cell] -= n
        jointCellsOf[cell].append(counts.count)
      }
      counts.append(n)
    }
    self.counts = counts
    self.offsets = offsets
    self.jointCellsOf = jointCellsOf
    known = Set(before.indices.filter { before[$0] > 0 && counts[$0] == 0 })
  }

  /// The combinations a reader cannot rule out next to the ones that occur: for each occurring
  /// combination and each of its populations, the same combination with that population's
  /// cell replaced by another occupied cell of the same population that agrees with it on the
  /// selection pattern and on every variable sharing a source with a variable or a filter of
  /// the other populations of the combination. A woman derived from suspicions as suspected of violence
  /// against a female partner could, for all a reader knows, have had a male partner, the
  /// rest of her (sex, age, birth, education, and her cell in suspects.csv) unchanged. Only
  /// occupied cells are used, so every combination added is one that can occur.
  static func siblings(
    of units: [[Int]], covers: [PopulationCover], offsets: [Int],
    sources: (String) -> Set<String>, filterSources: [Set<String>]
  ) -> [[Int]] {
    func population(of cell: Int) -> Int { offsets.lastIndex { $0 <= cell }! }
    let variableSources = covers.map { $0.variables.map(sources) }
    // Occupied cells of each population by pattern.
    var occupied: [[Int: [Int]]] = covers.map { _ in [:] }
    for (p, cover) in covers.enumerated() {
      for (cell, levels) in cover.cells.enumerated() where cover.counts[cell] > 0 {
        occupied[p][levels[0], default: []].append(cell)
      }
    }
    var added: [[Int]] = []
    let limit = 64
    // The variables of population p a combination with the populations `others` fixes (the
    // same for every combination of the same populations).
    var fixedOf: [[Int]: [Int]] = [:]
    func fixedVariables(_ p: Int, others: [Int]) -> [Int] {
      if let known = fixedOf[[p] + others] { return known }
      let shared = others.reduce(into: Set<String>()) { set, q in
        for s in variableSources[q] { set.formUnion(s) }
        set.formUnion(filterSources[q])
      }
      let fixed = covers[p].variables.indices.filter {
        !variableSources[p][$0].isDisjoint(with: shared)
      }
      fixedOf[[p] + others] = fixed
      return fixed
    }
    for unit in units {
      let members = unit.map(population(of:))
      for (position, cell) in unit.enumerated() {
        let p = members[position]
        let others = members.enumerated().filter { $0.offset != position }.map(\.element)
        let local = cell - offsets[p]
        let levels = covers[p].cells[local]
        let fixed = fixedVariables(p, others: others)
        let candidates = (occupied[p][levels[0]] ?? []).filter { other in
          other != local && fixed.allSatisfy { covers[p].cells[other][$0 + 1] == levels[$0 + 1] }
        }
        // More candidates than the limit: none (a stronger attacker, so still safe).
        guard candidates.count <= limit else { continue }
        for other in candidates {
          var sibling = unit
          sibling[position] = offsets[p] + other
          added.append(sibling)
        }
      }
    }
    return added
  }

  /// A figure of population `population` (cells of its own cover) as a figure of the joint
  /// cover: its cells and every joint cell that holds one of them (a joint cell holds at most
  /// one cell of each population).
  func figure(population: Int, _ local: CoverFigure) -> CoverFigure {
    var cells: [Int] = []
    for cell in local.cells {
      let global = offsets[population] + cell
      if !known.contains(global) { cells.append(global) }
      cells += jointCellsOf[global]
    }
    return CoverFigure(cells: cells)
  }

  /// The value of a joint figure.
  func value(_ figure: CoverFigure) -> Int {
    figure.cells.reduce(0) { $0 + counts[$1] }
  }
}
