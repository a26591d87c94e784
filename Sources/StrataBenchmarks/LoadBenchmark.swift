import Foundation
import Microdata
import SyntheticCounty

/// The load benchmark: reading files through the canonical codebook (whole, sequential,
/// chunked), verifying that the three agree, and writing test files. See main.swift for usage.
enum LoadBenchmark {
  static func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return .nan
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
      return kilobytes / 1024
    }
    return .nan
  }

  /// Resets the peak resident memory (VmHWM) to the current resident size (Linux ≥ 4.0), so that
  /// each file's peak is its own.
  static func resetPeakResidentMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }

  static func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    try timed(body).wall
  }

  /// Processor time (user + system) of this process so far, in seconds.
  static func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
  }

  /// Wall-clock and processor seconds of `body`. On a machine shared with other work the wall
  /// time varies with the load; the processor time does not.
  static func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = processorSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, processorSeconds() - cpu)
  }

  static func format(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

  static func load(paths: [String], repeats: Int, parallel: Bool) throws {
    for path in paths {
      let megabytes = Double(fileSize(path)) / 1e6
      var best = Double.infinity
      var bestCPU = Double.infinity
      var rows = 0
      var storage = 0
      resetPeakResidentMemory()
      for _ in 0..<repeats {
        let time = try timed {
          let data = try Dataset.load(
            contentsOf: URL(fileURLWithPath: path), codebook: .canonical,
            options: LoadOptions(parallel: parallel))
          rows = data.rowCount
          storage = data.storageByteCount
        }
        best = min(best, time.wall)
        bestCPU = min(bestCPU, time.cpu)
      }
      print(
        "load \(URL(fileURLWithPath: path).lastPathComponent): \(format(megabytes)) MB, \(rows) rows "
          + "(\(format(Double(storage) / 1e6)) MB as columns), "
          + "best of \(repeats): \(format(best, 3)) s = \(format(megabytes / best)) MB/s, "
          + "\(format(Double(rows) / best / 1e6, 2)) M rows/s; processor time \(format(bestCPU, 3)) s "
          + "(\(format(megabytes / bestCPU)) MB per CPU-second); peak RSS \(format(peakResidentMegabytes())) MB "
          + "(\(format(peakResidentMegabytes() / max(megabytes, 1e-9), 2))× file)\(parallel ? "" : " [sequential]")"
      )
    }
  }

  static func chunked(path: String, rowsPerChunk: Int) throws {
    let megabytes = Double(fileSize(path)) / 1e6
    var counts = [0, 0, 0]
    var chunks = 0
    let time = try seconds {
      try DatasetReader(contentsOf: URL(fileURLWithPath: path), codebook: .canonical)
        .forEachChunk(rowsPerChunk: rowsPerChunk) { chunk in
          chunks += 1
          for code in try chunk.factor("kon").codes { counts[code >= 0 ? Int(code) : 2] += 1 }
        }
    }
    print(
      "chunked \(URL(fileURLWithPath: path).lastPathComponent): \(chunks) chunks of ≤ \(rowsPerChunk) rows, "
        + "kon 1/2/missing = \(counts[0])/\(counts[1])/\(counts[2]), \(format(time, 3)) s = "
        + "\(format(megabytes / time)) MB/s, peak RSS \(format(peakResidentMegabytes())) MB")
  }

  /// Loads a file in parallel, sequentially and chunk by chunk, checks that all three agree, and
  /// times `describe()` and a few factors on it.
  static func verify(path: String) throws {
    let url = URL(fileURLWithPath: path)
    let parallel = try Dataset.load(contentsOf: url, codebook: .canonical)
    let sequential = try Dataset.load(
      contentsOf: url, codebook: .canonical, options: LoadOptions(parallel: false))
    var chunkRows = 0
    var chunksAgree = true
    try DatasetReader(contentsOf: url, codebook: .canonical).forEachChunk(rowsPerChunk: 250_000) {
      chunk in
      let whole = parallel.rows(Array(chunkRows..<(chunkRows + chunk.rowCount)))
      for name in ["kon", "alder", "utbildning", "kommun"] where chunk.hasVariable(name) {
        if try chunk.factor(name).codes != whole.factor(name).codes { chunksAgree = false }
      }
      chunkRows += chunk.rowCount
    }
    print(
      "parallel == sequential: \(parallel == sequential); chunks agree: \(chunksAgree && chunkRows == parallel.rowCount)"
    )
    let describeTime = seconds { _ = parallel.describe() }
    var factorTime = 0.0
    for name in ["kon", "aldersgrupp", "utbildningsniva", "fodelse", "kommun"]
    where parallel.hasVariable(name) {
      factorTime += try seconds { _ = try parallel.factor(name) }
    }
    let filterTime = try seconds {
      _ = try parallel.filtered("alder >= 18 && kon == 1 && fodelse == \"utrikes\"")
    }
    print(
      "describe: \(format(describeTime, 3)) s; five factors: \(format(factorTime, 3)) s; "
        + "a three-term filter: \(format(filterTime, 3)) s (\(parallel.rowCount) rows)")
  }

  /// Writes a synthetic county (SyntheticCounty) and reads every file of it through the canonical
  /// codebook: the end-to-end check that the generator's files and the reader agree.
  static func county(persons: Int, directory: String) throws {
    let url = URL(fileURLWithPath: directory)
    let summary = try CountyGenerator(
      configuration: CountyConfiguration(persons: persons, seed: 2016)
    ).write(to: url)
    var loaded: [String: Dataset] = [:]
    for file in summary.files where file.hasSuffix(".csv") {
      let path = url.appendingPathComponent(file).path
      let megabytes = Double(fileSize(path)) / 1e6
      var data: Dataset? = nil
      let time = try seconds {
        data = try Dataset.load(contentsOf: URL(fileURLWithPath: path), codebook: .canonical)
      }
      loaded[file] = data
      print(
        "\(file): \(data!.rowCount) rows, \(data!.variableNames.joined(separator: ";")), "
          + "undeclared [\(data!.loadReport.undeclaredColumns.joined(separator: ","))], "
          + "\(format(time, 3)) s = \(format(megabytes / time)) MB/s")
    }
    if let suspects = loaded["suspects.csv"], let people = loaded["persons.csv"] {
      let joined = try suspects.joined(with: people, on: "lopnr", kind: .inner)
      print(
        "suspects joined to persons: \(joined.loadReport.joins[0].matched) of \(suspects.rowCount) matched"
      )
    }
  }

  /// A persons file from a fixed-seed SplitMix64 stream: 7-digit lopnr, ar 2017, kon 1–2,
  /// alder 0–99, utbildning 1–7 or empty, fodelseland 1–9, a Stockholm county kommun.
  static func makePersons(rows: Int, path: String) throws {
    let kommuner = [
      "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138",
      "0139",
      "0140",
      "0160", "0162", "0163", "0180", "0181", "0182", "0183", "0184", "0186", "0187", "0188",
      "0191",
      "0192",
    ]
    var state: UInt64 = 20_240_601
    func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileWriteNoPermission)
    }
    var text = "lopnr;ar;kon;alder;utbildning;fodelseland;kommun\n"
    for i in 0..<rows {
      let education = next(8)
      text +=
        "\(1_000_001 + i);2017;\(1 + next(2));\(next(100));\(education == 7 ? "" : String(education + 1));"
      text += "\(1 + next(9));\(kommuner[next(kommuner.count)])\n"
      if text.utf8.count > 1 << 20 {
        handle.write(text.data(using: .utf8)!)
        text = ""
      }
    }
    handle.write(text.data(using: .utf8)!)
    try handle.close()
    print("wrote \(rows) rows, \(format(Double(fileSize(path)) / 1e6)) MB to \(path)")
  }
}
