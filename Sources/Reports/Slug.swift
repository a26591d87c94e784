import Analysis
import Foundation
import Microdata
import Reporting

/// File-name slugs: lower-case ASCII letters, digits and hyphens.
///
/// ```
/// Slug.make("Misstänkta för våld mot bekant per 100 000")  // "misstankta-for-vald-mot-bekant-per-100-000"
/// ```
public enum Slug {
  /// The longest slug made (cut at a hyphen where possible).
  package static let maximumLength = 60

  package static func make(_ text: String) -> String {
    var slug = ""
    for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue  // the ring of å, the dots of ä and ö
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    if slug.count > maximumLength {
      let cut = String(slug.prefix(maximumLength))
      slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? cut
    }
    return slug.isEmpty ? "analys" : slug
  }
}
