import LinearAlgebra

/// Runs a linear-algebra computation and maps its error to `ModelError.linearAlgebra`.
@inline(__always)
func linearAlgebra<T>(_ body: () throws(LinearAlgebraError) -> T) throws(ModelError) -> T {
  do {
    return try body()
  } catch {
    throw .linearAlgebra(error)
  }
}
