import Foundation

/// Streams persons, suspects and suspicions to their CSV files as they are generated.
struct FileSink: CountySink {
  static let personsHeader = "lopnr;ar;kon;alder;utbildning;fodelseland;kommun"
  static let populationHeader = "ar;kon;alder;utbildning;fodelseland;antal"
  static let suspectsHeader =
    "lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar"
  static let suspicionsHeader =
    "lopnr;datum;brottskod;brottstyp;malsagande_kon;malsagande_barn;relation"

  let referenceYear: Int
  private(set) var persons: CSVOutput
  private(set) var suspects: CSVOutput
  private(set) var suspicions: CSVOutput
  private(set) var suspectCounts = Array(repeating: 0, count: OffenceType.allCases.count)
  private(set) var suspicionCount = 0

  init(directory: URL, referenceYear: Int) throws(CountyError) {
    self.referenceYear = referenceYear
    persons = try CSVOutput(url: directory.appendingPathComponent("persons.csv"))
    suspects = try CSVOutput(url: directory.appendingPathComponent("suspects.csv"))
    suspicions = try CSVOutput(url: directory.appendingPathComponent("suspicions.csv"))
    persons.append(Self.personsHeader)
    try persons.endRow()
    suspects.append(Self.suspectsHeader)
    try suspects.endRow()
    suspicions.append(Self.suspicionsHeader)
    try suspicions.endRow()
  }

  mutating func add(_ person: Person) throws(CountyError) {
    persons.append(person.lopnr)
    persons.separator()
    persons.append(referenceYear)
    persons.separator()
    persons.append(person.sex.rawValue)
    persons.separator()
    persons.append(person.age)
    persons.separator()
    persons.append(person.education)
    persons.separator()
    persons.append(person.birthRegion)
    persons.separator()
    persons.append(person.municipality)
    try persons.endRow()
  }

  mutating func add(_ suspect: Suspect) throws(CountyError) {
    suspects.append(suspect.lopnr)
    suspects.separator()
    suspects.append(suspect.year)
    suspects.separator()
    suspects.append(suspect.sex.rawValue)
    suspects.separator()
    suspects.append(suspect.age)
    suspects.separator()
    suspects.append(suspect.education)
    suspects.separator()
    suspects.append(suspect.birthRegion)
    suspects.separator()
    suspects.append(suspect.offence.rawValue)
    suspects.separator()
    suspects.append(suspect.suspicions)
    try suspects.endRow()
    suspectCounts[suspect.offence.index] += 1
  }

  mutating func add(_ suspicion: Suspicion) throws(CountyError) {
    suspicions.append(suspicion.lopnr)
    suspicions.separator()
    suspicions.append(suspicion.date.year, width: 4)
    suspicions.append("-")
    suspicions.append(suspicion.date.month, width: 2)
    suspicions.append("-")
    suspicions.append(suspicion.date.day, width: 2)
    suspicions.separator()
    suspicions.append(suspicion.code)
    suspicions.separator()
    suspicions.append(suspicion.offence.rawValue)
    suspicions.separator()
    if let victim = suspicion.victim {
      suspicions.append(victim.sex.rawValue)
      suspicions.separator()
      suspicions.append(victim.child ? 1 : 0)
    } else {
      suspicions.separator()
    }
    suspicions.separator()
    if let relation = suspicion.recordedRelation { suspicions.append(relation.rawValue) }
    try suspicions.endRow()
    suspicionCount += 1
  }

  /// Flushes and closes the three files.
  mutating func close() throws(CountyError) {
    try persons.close()
    try suspects.close()
    try suspicions.close()
  }

  /// Writes `population.csv` from the counted cells.
  static func writePopulation(_ cells: [PopulationCell], to url: URL) throws(CountyError) {
    var output = try CSVOutput(url: url)
    output.append(populationHeader)
    try output.endRow()
    for cell in cells {
      output.append(cell.year)
      output.separator()
      output.append(cell.sex.rawValue)
      output.separator()
      output.append(cell.age)
      output.separator()
      output.append(cell.education)
      output.separator()
      output.append(cell.birthRegion)
      output.separator()
      output.append(cell.count)
      try output.endRow()
    }
    try output.close()
  }
}
