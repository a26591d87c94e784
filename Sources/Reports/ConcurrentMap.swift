import Dispatch

extension Array {
  /// `map` on every core: each element transformed on its own, the results in order. For the
  /// report's per-analysis work (rendering and writing files, rendering page sections), where
  /// each analysis's part depends on nothing but the analysis.
  func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
      // Each worker writes only its own slot.
      nonisolated(unsafe) let slots = slots
      withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        self.withUnsafeBufferPointer { elements in
          nonisolated(unsafe) let elements = elements
          DispatchQueue.concurrentPerform(iterations: elements.count) { k in
            slots[k] = transform(elements[k])
          }
        }
      }
    }
    return results.map { $0! }
  }
}
