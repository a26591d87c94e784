// Benchmarks for Strata (run in release mode; never part of `swift test`).
//
//   swift run -c release StrataBenchmarks load FILE [FILE...] [--repeat N] [--sequential]
//   swift run -c release StrataBenchmarks chunked FILE [--rows N]
//   swift run -c release StrataBenchmarks verify FILE
//   swift run -c release StrataBenchmarks county PERSONS DIR
//   swift run -c release StrataBenchmarks tabulate FILE   (TabulationBenchmark.swift)
//   swift run -c release StrataBenchmarks glm             (GLMBenchmark.swift)
//   swift run -c release StrataBenchmarks maihda          (MAIHDABenchmark.swift)
//   swift run -c release StrataBenchmarks maihda-gaussian (MAIHDAGaussianBenchmark.swift)
//   swift run -c release StrataBenchmarks make-persons ROWS FILE
//
// `load` reads each file through the canonical codebook into a columnar Dataset and prints the
// best time of N runs as MB/s and rows/s, plus the process's peak resident memory (VmHWM from
// /proc/self/status). `chunked` streams the file with DatasetReader and counts rows per `kon`.
// `verify` checks that parallel, sequential and chunked reading agree and times describe(),
// factors and a filter. `county` writes a synthetic county and reads its files. `make-persons`
// writes a persons file like an SCB extract (lopnr;ar;kon;alder;utbildning;fodelseland;kommun)
// from a fixed-seed generator, for measuring without real microdata. The code is in
// LoadBenchmark.swift.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> Int? {
  guard let k = arguments.firstIndex(of: name), k + 1 < arguments.count else { return nil }
  return Int(arguments[k + 1])
}
let positional = arguments.enumerated().filter { index, argument in
  !argument.hasPrefix("--")
    && (index == 0 || !["--repeat", "--rows"].contains(arguments[index - 1]))
}.map(\.element)

do {
  switch positional.first {
  case "load" where positional.count > 1:
    try LoadBenchmark.load(
      paths: Array(positional.dropFirst()), repeats: option("--repeat") ?? 3,
      parallel: !arguments.contains("--sequential"))
  case "chunked" where positional.count > 1:
    try LoadBenchmark.chunked(path: positional[1], rowsPerChunk: option("--rows") ?? 500_000)
  case "county" where positional.count > 2:
    try LoadBenchmark.county(persons: Int(positional[1]) ?? 100_000, directory: positional[2])
  case "tabulate":
    runTabulationBenchmark(arguments: Array(arguments.dropFirst()))
  case "glm":
    runGLMBenchmark()
  case "maihda":
    runMAIHDABenchmark()
    runGaussianMAIHDABenchmark()
  case "maihda-gaussian":
    runGaussianMAIHDABenchmark()
  case "verify" where positional.count > 1:
    try LoadBenchmark.verify(path: positional[1])
  case "make-persons" where positional.count > 2:
    try LoadBenchmark.makePersons(rows: Int(positional[1]) ?? 2_000_000, path: positional[2])
  default:
    print(
      """
      usage: StrataBenchmarks load FILE [FILE...] [--repeat N] [--sequential]
             StrataBenchmarks chunked FILE [--rows N]
             StrataBenchmarks verify FILE
             StrataBenchmarks county PERSONS DIR
             StrataBenchmarks tabulate FILE [--repeat N] [--rows N]
             StrataBenchmarks glm
             StrataBenchmarks maihda-gaussian
             StrataBenchmarks maihda
             StrataBenchmarks make-persons ROWS FILE
      """)
  }
} catch {
  FileHandle.standardError.write("error: \(error)\n".data(using: .utf8)!)
  exit(1)
}
