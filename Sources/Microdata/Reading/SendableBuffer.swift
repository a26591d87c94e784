/// A pointer or buffer handed to concurrent workers that read it, or write disjoint elements
/// of it.
struct SendableBuffer<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
