import Microdata
import Tabulation

/// The bar chart of a tabulation result: one bar per published cell, with its confidence
/// interval where the figure has one; a suppressed cell is marked ".." and a cell without
/// cases "0" in place of its bar (the chart's legend explains both), and a chart whose cells
/// are all marked is replaced by a sentence saying why.
///
/// With one variable the bars are plain (`BarChart`); with two or more they are grouped by
/// the last variable, one series per combination of the others (`GroupedBarChart`), e.g. the
/// rates of kön × födelse within age groups.
///
/// ```swift
/// if let chart = TabulationChart(crossTab: summary, options: options) {
///   try chart.svg().write(toFile: "rates.svg", atomically: true, encoding: .utf8)
/// }
/// ```
public struct TabulationChart: Sendable, Equatable {
  /// The bars.
  public var data: [BarDatum]
  /// Title, subtitle, source and value axis.
  public var labels: ChartLabels
  /// The language of numbers and standard texts.
  public var language: Language

  public init(data: [BarDatum], labels: ChartLabels, language: Language) {
    self.data = data
    self.labels = labels
    self.language = language
  }

  /// Whether the bars are grouped (some datum has a series).
  public var isGrouped: Bool { data.contains { $0.series != nil } }

  /// The chart as SVG text.
  public func svg(width: Double = 640, idPrefix: String = "chart") -> String {
    let options = ChartOptions(language: language, width: width, idPrefix: idPrefix)
    return isGrouped
      ? GroupedBarChart(data, labels: labels, options: options).svg()
      : BarChart(data, labels: labels, options: options).svg()
  }

  /// Bars from records: the value and interval of each unsuppressed record that has a value
  /// (a suppressed record as a ".." mark, a zero value as a "0" mark), labelled by the last
  /// variable's level and, with several variables, in a series named by the other variables'
  /// levels.
  init?(
    records: [SummaryRecord], variables: [String], options: TabulationReportOptions,
    fallback: [String: [String: String]] = [:], title: String, valueAxis: String,
    value: (SummaryRecord) -> (Double, Interval?)?
  ) {
    var data: [BarDatum] = []
    var omitted = 0
    // Groups (the last variable's levels) in the order of the records, which is the codebook's
    // order of levels, suppressed records included: a level whose first records are suppressed
    // keeps its place (15–17 år before 18–24 år).
    let groupCodes = records.compactMap { record in variables.last.flatMap(record.code(of:)) }
      .uniqued()
    for record in records {
      let labels = variables.map { variable in
        record.code(of: variable).map { options.levelLabel(variable, $0, fallback: fallback) }
          ?? TabulationText.total(options.language)
      }
      let label = labels.last ?? TabulationText.total(options.language)
      let series = labels.count > 1 ? labels.dropLast().joined(separator: ", ") : nil
      if record.suppressed {
        data.append(BarDatum(label: label, value: 0, series: series, mark: .suppressed))
        continue
      }
      guard let (y, interval) = value(record), y.isFinite else {
        omitted += 1
        continue
      }
      data.append(
        BarDatum(
          label: label, value: y, lower: interval?.lower, upper: interval?.upper, series: series,
          mark: y == 0 ? .zero : nil))
    }
    guard !data.isEmpty else { return nil }
    if let last = variables.last {
      let position = Dictionary(
        groupCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      let labelPosition = Dictionary(
        groupCodes.map { (options.levelLabel(last, $0, fallback: fallback), position[$0]!) },
        uniquingKeysWith: { a, _ in a })
      data = data.enumerated().sorted { a, b in
        let (pa, pb) = (
          labelPosition[a.element.label] ?? .max, labelPosition[b.element.label] ?? .max
        )
        return pa != pb ? pa < pb : a.offset < b.offset
      }.map(\.element)
    }
    let note = omitted > 0 ? options.language.text(.groupsNotShown(count: omitted)) : nil
    self.init(
      data: data,
      labels: ChartLabels(
        title: options.title ?? title,
        subtitle: Self.sentences([options.subtitle, note].compactMap { $0 }),
        source: options.source, valueAxis: valueAxis),
      language: options.language)
  }
}

extension TabulationChart {
  /// The chart of a cross-tabulation's cells: rates with their intervals when the summary has
  /// a population, else percentages when it has them, else counts. `nil` when every cell is
  /// suppressed.
  public init?(crossTab summary: CrossTabSummary, options: TabulationReportOptions) {
    let l = options.language
    let variables = summary.rows + summary.cols
    let joined = options.joinedLabels(variables)
    if let per = summary.per {
      let perText = NumberFormat(language: l).string(per, decimals: 0)
      self.init(
        records: summary.cells, variables: variables, options: options, fallback: summary.labels,
        title: l.text(.rateChartTitle(per: perText, variables: joined)),
        valueAxis: l.text(.perPopulation(per: perText)),
        value: { record in record.rate.map { ($0, record.rateCI) } })
    } else if let base = summary.percentBase {
      self.init(
        records: summary.cells, variables: variables, options: options, fallback: summary.labels,
        title: l.text(.perCentBy(variables: joined)),
        valueAxis: TabulationText.percent(base, l), value: { $0.percent.map { ($0, nil) } })
    } else {
      self.init(
        records: summary.cells, variables: variables, options: options, fallback: summary.labels,
        title: l.text(.countBy(variables: joined)),
        valueAxis: TabulationText.count(l), value: { $0.count.map { ($0, nil) } })
    }
  }

  /// The chart of repeat offending: the share of repeat suspects in per cent with its Wilson
  /// interval, by group (the total alone without group variables).
  public init?(repeatOffending summary: RepeatOffendingSummary, options: TabulationReportOptions) {
    let joined = options.joinedLabels(summary.variables)
    self.init(
      records: summary.groups, variables: summary.variables, options: options,
      title: options.language.text(.repeatShareChartTitle(variables: joined)),
      valueAxis: options.language.text(.sharePercent),
      value: { record in
        record.share.map { (100 * $0, record.shareCI.map { $0.scaled(100) }) }
      })
  }

  /// The chart of recidivism: the share who reoffended within the window in per cent with its
  /// Wilson interval, by group.
  public init?(recidivism summary: RecidivismSummary, options: TabulationReportOptions) {
    let joined = options.joinedLabels(summary.variables)
    let days = NumberFormat(language: options.language).string(
      Double(summary.windowDays), decimals: 0)
    self.init(
      records: summary.groups, variables: summary.variables, options: options,
      title: options.language.text(.recidivismTitleBy(days: days, variables: joined)),
      valueAxis: options.language.text(.sharePercent),
      value: { record in
        record.rate.map { (100 * $0, record.rateCI.map { $0.scaled(100) }) }
      })
  }
}

extension Interval {
  /// Both limits multiplied by `factor`.
  func scaled(_ factor: Double) -> Interval {
    Interval(lower: lower * factor, upper: upper * factor)
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension TabulationChart {
  /// Texts joined as sentences: a full stop after each that lacks one.
  static func sentences(_ texts: [String]) -> String? {
    let parts = texts.filter { !$0.isEmpty }
    guard !parts.isEmpty else { return nil }
    return parts.enumerated().map { index, text in
      index < parts.count - 1 && !(text.last.map { ".!?".contains($0) } ?? false)
        ? text + "." : text
    }.joined(separator: " ")
  }
}
