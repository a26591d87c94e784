import RealModule
import Testing

/// Checks that `observed` agrees with `expected` within a relative tolerance, with an absolute
/// floor for values near zero, and on failure records expected, observed, the relative error
/// and the tolerance (in the manner of swift-numerics' `checkMultiply`).
///
/// ```
/// |observed − expected| ≤ max(absolute, relative · |expected|)
/// ```
public func expectApproximatelyEqual(
  _ observed: Double?,
  _ expected: Double,
  relative: Double,
  absolute: Double = 0,
  _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let observed else {
    Issue.record("\(what()): observed nil, expected \(expected)", sourceLocation: sourceLocation)
    return
  }
  let ok =
    observed.isApproximatelyEqual(
      to: expected, absoluteTolerance: absolute, relativeTolerance: relative)
    || (observed.isNaN && expected.isNaN)
    || (observed.isInfinite && observed == expected)
  if !ok {
    let relativeError = abs(observed - expected) / max(abs(expected), .leastNormalMagnitude)
    Issue.record(
      """
      \(what()) expected \(expected), observed \(observed), \
      relative error \(relativeError), tolerance rel \(relative) abs \(absolute)
      """,
      sourceLocation: sourceLocation)
  }
}

/// Element-wise `expectApproximatelyEqual` for two vectors of the same length.
public func expectApproximatelyEqual(
  _ observed: [Double],
  _ expected: [Double],
  relative: Double,
  absolute: Double = 0,
  _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard observed.count == expected.count else {
    Issue.record(
      "\(what()): length \(observed.count), expected \(expected.count)",
      sourceLocation: sourceLocation)
    return
  }
  for (index, (o, e)) in zip(observed, expected).enumerated() {
    expectApproximatelyEqual(
      o, e, relative: relative, absolute: absolute, "\(what())[\(index)]",
      sourceLocation: sourceLocation)
  }
}
