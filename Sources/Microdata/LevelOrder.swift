import Foundation

/// The order of levels taken from the data (an integer such as `alder` or `ar`, undeclared
/// text), as `Dataset.factor` orders distinct values and as every table counted from several
/// files or chunks must order them too.
public enum LevelOrder {
  /// Indices of `codes` in sorted order: numerically when every code is a number (a decimal
  /// comma allowed), ties by text; otherwise by Unicode scalar values.
  public static func dataOrder(_ codes: [String]) -> [Int] {
    let numbers = codes.map { Double($0.replacingOccurrences(of: ",", with: ".")) }
    if numbers.allSatisfy({ $0 != nil }) {
      return codes.indices.sorted {
        numbers[$0]! != numbers[$1]! ? numbers[$0]! < numbers[$1]! : codes[$0] < codes[$1]
      }
    }
    return codes.indices.sorted {
      Array(codes[$0].unicodeScalars.map(\.value)).lexicographicallyPrecedes(
        codes[$1].unicodeScalars.map(\.value))
    }
  }
}
