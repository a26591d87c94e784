/// Where the generation loop sends rows: files (`FileSink`) or arrays (`MemorySink`).
///
/// Rows arrive in file order: each person, then that person's suspect rows (offences in
/// `OffenceType.allCases` order), then that person's suspicions sorted by date.
protocol CountySink {
  associatedtype Failure: Error
  mutating func add(_ person: Person) throws(Failure)
  mutating func add(_ suspect: Suspect) throws(Failure)
  mutating func add(_ suspicion: Suspicion) throws(Failure)
}

/// Collects the rows in arrays for in-memory use.
struct MemorySink: CountySink {
  var persons: [Person] = []
  var suspects: [Suspect] = []
  var suspicions: [Suspicion] = []

  mutating func add(_ person: Person) { persons.append(person) }
  mutating func add(_ suspect: Suspect) { suspects.append(suspect) }
  mutating func add(_ suspicion: Suspicion) { suspicions.append(suspicion) }
}
