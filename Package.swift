// swift-tools-version: 6.0
//
// Strata: intersectional analysis of crime-register data.
//
// The modules follow the way data flows:
//   C system libraries → LinearAlgebra (the only module that touches BLAS/LAPACK pointers);
//   GLPK is seen only by one file of Tabulation (the disclosure-control solver)
//   Localization (the sv/en message catalog, no dependencies)
//   → Microdata (CSV, codebook, columns) → Tabulation / RegressionModels
//   → Reporting (tables, renderers, charts) → StrataCommands → `strata` (one line).
import PackageDescription

let package = Package(
  name: "Strata",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "strata", targets: ["strata"]),
    .library(name: "Localization", targets: ["Localization"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Distributions", targets: ["Distributions"]),
    .library(name: "Microdata", targets: ["Microdata"]),
    .library(name: "SyntheticCounty", targets: ["SyntheticCounty"]),
    .library(name: "Tabulation", targets: ["Tabulation"]),
    .library(name: "RegressionModels", targets: ["RegressionModels"]),
    .library(name: "Analysis", targets: ["Analysis"]),
    .library(name: "Reporting", targets: ["Reporting"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "StrataCommands", targets: ["StrataCommands"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // MARK: System libraries (Debian: libopenblas-dev, liblapacke-dev, zlib1g-dev, libxlsxwriter-dev,
    // libglpk-dev; scripts/install-system-deps installs them).
    // OpenBLAS, LAPACKE, libxlsxwriter and GLPK give only their headers here: they are not
    // linked but opened at their first call by CLazyLibraries (mapping them and their
    // dependencies cost about 5 ms at every start-up of `strata`).
    .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CLAPACKE", providers: [.apt(["liblapacke-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
    // GLPK (linear and integer programs) for disclosure control; only
    // Tabulation/Disclosure/LinearProgram.swift imports it. Debian ships no glpk.pc.
    .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
    // The functions of the four libraries above that Strata calls, as trampolines that open the
    // library with dlopen at the first call.
    .target(name: "CLazyLibraries"),

    // MARK: Library modules
    .target(name: "Localization"),
    .target(name: "LinearAlgebra", dependencies: ["CBLAS", "CLAPACKE", "CLazyLibraries"]),
    .target(
      name: "Distributions",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
    .target(
      name: "Microdata",
      dependencies: ["Localization", "CZlib", .product(name: "Yams", package: "Yams")]),
    .target(name: "SyntheticCounty", dependencies: ["Microdata"]),
    .target(
      name: "Tabulation", dependencies: ["Microdata", "Distributions", "CGLPK", "CLazyLibraries"]),
    .target(
      name: "RegressionModels",
      dependencies: [
        "LinearAlgebra", "Microdata", "Distributions",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(
      name: "Analysis",
      dependencies: ["Microdata", "Distributions", "Tabulation", "RegressionModels"]),
    .target(
      name: "Reporting",
      dependencies: [
        "CXLSXWriter", "CLazyLibraries", "Microdata", "Tabulation", "RegressionModels", "Analysis",
      ]),
    .target(
      name: "Reports",
      dependencies: [
        "Microdata", "Tabulation", "RegressionModels", "Analysis", "Reporting",
        .product(name: "Yams", package: "Yams"),
      ]),

    // MARK: Command-line tool
    .target(
      name: "StrataCommands",
      dependencies: [
        "LinearAlgebra", "Microdata", "SyntheticCounty", "Tabulation", "RegressionModels",
        "Analysis", "Reporting", "Reports", "Distributions",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]),
    .executableTarget(name: "strata", dependencies: ["StrataCommands"]),

    // MARK: Benchmarks (run in release mode: scripts/benchmark; never part of `swift test`)
    .executableTarget(
      name: "StrataBenchmarks",
      dependencies: ["Microdata", "SyntheticCounty", "Tabulation", "RegressionModels"]),

    // MARK: Test support
    .target(
      name: "StatsTestSupport",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")],
      path: "Tests/StatsTestSupport"),

    // MARK: Tests (one test target per module)
    .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "StatsTestSupport"]),
    .testTarget(
      name: "DistributionsTests", dependencies: ["Distributions", "StatsTestSupport"],
      exclude: ["Reference"]),
    .testTarget(
      name: "MicrodataTests", dependencies: ["Microdata", "StatsTestSupport"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(
      name: "SyntheticCountyTests", dependencies: ["SyntheticCounty", "StatsTestSupport"]),
    .testTarget(
      name: "TabulationTests", dependencies: ["Tabulation", "Microdata", "StatsTestSupport"],
      exclude: ["Reference", "Fixtures", "Snapshots"]),
    .testTarget(
      name: "RegressionModelsTests",
      dependencies: [
        "RegressionModels", "LinearAlgebra", "Microdata", "SyntheticCounty", "StatsTestSupport",
      ],
      exclude: ["Reference", "Snapshots"]),
    .testTarget(
      name: "AnalysisTests",
      dependencies: ["Analysis", "Reporting", "Microdata", "Tabulation", "StatsTestSupport"]),
    .testTarget(
      name: "ReportingTests", dependencies: ["Reporting", "Analysis", "StatsTestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "StrataCommandsTests",
      dependencies: [
        "StrataCommands", "Analysis", "Reporting", "Reports", "Microdata", "Tabulation",
        "Localization",
        "StatsTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["Fixtures", "Snapshots"]),
  ]
)
