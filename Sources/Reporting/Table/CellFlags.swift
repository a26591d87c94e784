/// Per-cell qualifiers shown as a marker after the value and explained in the symbol legend.
///
/// | flag           | marker | legend (en)                                         |
/// |----------------|--------|-----------------------------------------------------|
/// | `.uncertain`   | `*`    | Uncertain estimate (few observations): interpret with caution. |
/// | `.provisional` | `p`    | Provisional figure.                                 |
/// | `.revised`     | `r`    | Revised since the previous publication.             |
public struct CellFlags: OptionSet, Sendable, Hashable, Codable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Published, but with low precision: marked `*`.
  public static let uncertain = CellFlags(rawValue: 1 << 0)
  /// Provisional figure: marked `p`.
  public static let provisional = CellFlags(rawValue: 1 << 1)
  /// Revised figure: marked `r`.
  public static let revised = CellFlags(rawValue: 1 << 2)

  /// Every flag in marker order.
  static let all: [(flag: CellFlags, marker: String, name: String)] = [
    (.uncertain, "*", "uncertain"),
    (.provisional, "p", "provisional"),
    (.revised, "r", "revised"),
  ]

  /// The markers of the flags that are set, in a fixed order.
  public var markers: [String] { Self.all.filter { contains($0.flag) }.map(\.marker) }

  /// The names of the flags that are set (`uncertain`, `provisional`, `revised`), as JSON
  /// writes them.
  public var names: [String] { Self.all.filter { contains($0.flag) }.map(\.name) }

  /// The flags with these names; unknown names are ignored.
  init(names: [String]) {
    self = CellFlags(Self.all.filter { names.contains($0.name) }.map(\.flag))
  }

  public init(from decoder: any Decoder) throws {
    self.init(names: try [String](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try names.encode(to: encoder)
  }
}
