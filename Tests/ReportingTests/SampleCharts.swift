import Reporting

/// Chart data shared by the chart tests (invented figures shaped like Brå's).
enum SampleCharts {
  static var rates: BarChart {
    BarChart(
      [
        BarDatum(label: "Män, född i Sverige", value: 132.64, lower: 123.7, upper: 142.0),
        BarDatum(label: "Män, utrikes född", value: 412.05, lower: 380.2, upper: 446.0),
        BarDatum(label: "Kvinnor, född i Sverige", value: 19.95, lower: 16.1, upper: 24.4),
        BarDatum(label: "Kvinnor, utrikes född", value: 48.3, lower: 39.9, upper: 57.9),
      ],
      labels: ChartLabels(
        title: "Misstänkta för våld i nära relation per 100 000 invånare",
        subtitle: "Efter kön och födelseland, 2023. Linjerna visar 95 % konfidensintervall.",
        source: "Brå; SCB", valueAxis: "Per 100 000 invånare"),
      options: ChartOptions(idPrefix: "rates"), valueDecimals: 1)
  }

  static var grouped: GroupedBarChart {
    let ages = ["15–17", "18–24", "25–44", "45–64", "65+"]
    let series = [
      "Män, född i Sverige", "Män, utrikes född", "Kvinnor, född i Sverige",
      "Kvinnor, utrikes född",
    ]
    let base = [
      [60.0, 180.5, 150.25, 70.0, 12.5], [110.0, 420.0, 390.5, 160.0, 30.0],
      [12.0, 30.0, 25.5, 9.0, 1.5], [20.0, 55.0, 60.0, 18.0, 3.0],
    ]
    var data: [BarDatum] = []
    for (ageIndex, age) in ages.enumerated() {
      for (seriesIndex, name) in series.enumerated() {
        let value = base[seriesIndex][ageIndex]
        data.append(
          BarDatum(label: age, value: value, lower: value * 0.85, upper: value * 1.17, series: name)
        )
      }
    }
    return GroupedBarChart(
      data,
      labels: ChartLabels(
        title: "Misstänkta per 100 000 invånare efter ålder, kön och födelseland",
        source: "Brå, misstänkta personer 2023", valueAxis: "Per 100 000"),
      options: ChartOptions(idPrefix: "grouped"))
  }

  static var forest: ForestPlot {
    ForestPlot(
      [
        ForestRow(term: "kon: 1", estimate: 4.7101, lower: 4.3534, upper: 5.0959),
        ForestRow(term: "fodelse: utrikes", estimate: 1.2605, lower: 1.0156, upper: 1.5645),
        ForestRow(
          term: "kon: 1 & fodelse: utrikes", estimate: 0.9466, lower: 0.7057, upper: 1.2698),
        ForestRow(term: "aldersgrupp: 45-64", estimate: 0.412, lower: 0.331, upper: 0.513),
        ForestRow(term: "utbildning: eftergymnasial", estimate: .nan, lower: .nan, upper: .nan),
      ],
      labels: ChartLabels(
        title: "Odds ratios for suspicion of violence against an acquaintance",
        subtitle: "Logistic regression, reference: women born in Sweden aged 25–44",
        source: "Synthetic county"),
      options: ChartOptions(language: .en, idPrefix: "forest"))
  }

  static var caterpillar: CaterpillarPlot {
    var points: [CaterpillarPoint] = []
    let sexes = ["Män", "Kvinnor"]
    let births = ["inrikes", "utrikes"]
    let ages = ["18–24", "25–44", "45–64"]
    var index = 0
    for sex in sexes {
      for birth in births {
        for age in ages {
          index += 1
          let estimate = Double((index * 37) % 23 + 1) / 1000
          points.append(
            CaterpillarPoint(
              label: "\(sex), \(birth), \(age)", estimate: estimate, lower: estimate * 0.7,
              upper: estimate * 1.4))
        }
      }
    }
    return CaterpillarPlot(
      points,
      labels: ChartLabels(
        title: "Predicerad andel misstänkta per stratum (MAIHDA)",
        subtitle: "Kön × födelseland × ålder",
        source: "Syntetiskt län", valueAxis: "Andel"),
      options: ChartOptions(idPrefix: "maihda"),
      reference: ReferenceLine(value: 0.0105, label: "Samtliga"))
  }
}
