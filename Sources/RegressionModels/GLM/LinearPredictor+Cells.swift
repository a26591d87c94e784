import Foundation
import LinearAlgebra

extension PassContext {
  /// η, μ, deviance and (optionally) the cells' sums of rows `range` on a ``CellDesign``: the
  /// same rows as `run` on the model matrix, reading a cell index and the numerics per row.
  func runCells(
    _ cells: CellDesign, _ range: Range<Int>, _ rows: RowBuffers, _ offset: [Double]?
  ) -> Chunk {
    let n = cells.cellOfRow.count
    let r = cells.monomialCount
    let stride = cells.sumsPerCell
    let rhsStart = r * (r + 1) / 2
    let constant = cells.hasConstant ? 1 : 0
    var chunk = Chunk(gram: Matrix(rows: 0, columns: 0), rhs: [])
    var sums = [Double](repeating: 0, count: equations ? cells.cellCount * stride : 0)
    let blockRows = min(LinearPredictor.blockRows, range.count)
    // Working responses z and weights w of a block.
    var t = [Double](repeating: 0, count: blockRows)
    var roots = [Double](repeating: 0, count: blockRows)
    let logit = family == .binomial && link == .logit
    let shape: Shape =
      r == 1 && constant == 1 ? .factors : r == 2 && constant == 1 ? .oneNumeric : .general
    cells.cellOfRow.withUnsafeBufferPointer { cellOfRow in
      cells.monomialValues.withUnsafeBufferPointer { numerics in
        sums.withUnsafeMutableBufferPointer { sums in
          t.withUnsafeMutableBufferPointer { t in
            roots.withUnsafeMutableBufferPointer { roots in
              withUnsafeTemporaryAllocation(of: Double.self, capacity: r) { value in
                value.initialize(repeating: 1)
                // The value of monomial a in row i (a ≥ `constant`).
                @inline(__always) func load(_ i: Int) {
                  for a in constant..<r { value[a] = numerics[(a - constant) * n + i] }
                }
                var r0 = range.lowerBound
                while r0 < range.upperBound {
                  let b = min(LinearPredictor.blockRows, range.upperBound - r0)
                  let eta = rows.eta.baseAddress! + r0
                  if let cellBeta {
                    cellBeta.withUnsafeBufferPointer { table in
                      if shape == .factors {
                        for i in 0..<b { eta[i] = table[Int(cellOfRow[r0 + i])] }
                      } else if shape == .oneNumeric {
                        for i in 0..<b {
                          let k = 2 * Int(cellOfRow[r0 + i])
                          eta[i] = table[k] + table[k + 1] * numerics[r0 + i]
                        }
                      } else {
                        for i in 0..<b {
                          let row = r0 + i
                          let k = Int(cellOfRow[row]) * r
                          var e = 0.0
                          load(row)
                          for a in 0..<r { e += table[k + a] * value[a] }
                          eta[i] = e
                        }
                      }
                      if let offset {
                        for i in 0..<b { eta[i] += offset[r0 + i] }
                      }
                    }
                  }
                  let mu = rows.mu.baseAddress! + r0
                  let y = rows.y.baseAddress! + r0
                  let m = rows.m.baseAddress! + r0
                  let (tp, rp) = (t.baseAddress!, roots.baseAddress!)
                  chunk.deviance +=
                    logit
                    ? logitRows(b, eta, mu, y, m, tp, rp, offset, r0, updateMean: cellBeta != nil)
                    : generalRows(b, eta, mu, y, m, tp, rp, offset, r0, updateMean: cellBeta != nil)
                  if equations && shape == .factors {
                    for i in 0..<b {
                      let w = rp[i]
                      let base = 2 * Int(cellOfRow[r0 + i])
                      sums[base] += w
                      sums[base + 1] += w * tp[i]
                    }
                  } else if equations && shape == .oneNumeric {
                    // S(1,1), S(1,v), S(v,v), R(1), R(v).
                    for i in 0..<b {
                      let w = rp[i]
                      let v = numerics[r0 + i]
                      let wz = w * tp[i]
                      let wv = w * v
                      let base = 5 * Int(cellOfRow[r0 + i])
                      sums[base] += w
                      sums[base + 1] += wv
                      sums[base + 2] += wv * v
                      sums[base + 3] += wz
                      sums[base + 4] += wz * v
                    }
                  } else if equations {
                    for i in 0..<b {
                      let row = r0 + i
                      let w = rp[i]
                      let wz = w * tp[i]
                      let base = Int(cellOfRow[row]) * stride
                      load(row)
                      var pair = base
                      for a in 0..<r {
                        let wa = w * value[a]
                        sums[base + rhsStart + a] += wz * value[a]
                        for c in a..<r {
                          sums[pair] += wa * value[c]
                          pair += 1
                        }
                      }
                    }
                  }
                  r0 += b
                }
              }
            }
          }
        }
      }
    }
    if equations { chunk.cellSums = sums }
    return chunk
  }

  /// The designs with a specialised loop: factors only (monomial 1), and factors with one
  /// numeric (monomials 1 and v).
  private enum Shape { case factors, oneNumeric, general }
}
