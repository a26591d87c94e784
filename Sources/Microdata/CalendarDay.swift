/// A calendar date (proleptic Gregorian) stored as the number of days since 1970-01-01.
///
/// Conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (http://howardhinnant.github.io/date_algorithms.html), exact for every representable day.
///
/// In JSON a day is the text `YYYY-MM-DD`.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public var daysSince1970: Int32

  public init(daysSince1970: Int32) {
    self.daysSince1970 = daysSince1970
  }

  /// The day `year-month-day`, or nil if there is no such day (e.g. 2017-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard let days = CalendarDay.dayNumber(year: year, month: month, day: day) else { return nil }
    self.daysSince1970 = days
  }

  /// Parses `YYYY-MM-DD` or `YYYYMMDD`.
  public init?(_ text: String) {
    var bytes = Array(text.utf8)
    guard
      let days = bytes.withUnsafeMutableBufferPointer({
        CalendarDay.parse($0.baseAddress!, count: $0.count)
      })
    else {
      return nil
    }
    self.daysSince1970 = days
  }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    a.daysSince1970 < b.daysSince1970
  }

  /// Year, month (1–12) and day (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(daysSince1970) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) { daysSince1970 = Int32(dayNumber) }

  /// Days since 1970-01-01.
  public var dayNumber: Int { Int(daysSince1970) }
  public var year: Int { components.year }
  /// 1–12.
  public var month: Int { components.month }
  /// 1–31.
  public var day: Int { components.day }

  /// Adds days.
  public func adding(days: Int) -> CalendarDay {
    CalendarDay(daysSince1970: daysSince1970 + Int32(days))
  }

  static func dayNumber(year: Int, month: Int, day: Int) -> Int32? {
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
      (1...9999).contains(year)
    else {
      return nil
    }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int32(era * 146_097 + doe - 719_468)
  }

  static func daysIn(month: Int, year: Int) -> Int { daysInMonth(year: year, month: month) }

  /// Whether `year` has a 29 February.
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days of `month` (1–12) in `year`.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Age in completed years on `date` of a person born on `self`: the birthday counts from
  /// the day itself, and a 29 February birthday is reached on 1 March in common years.
  public func age(on date: CalendarDay) -> Int {
    let (year, month, day) = components
    let other = date.components
    let hadBirthday = (other.month, other.day) >= (month, day)
    return other.year - year - (hadBirthday ? 0 : 1)
  }

  /// The first day on which a person born on `self` is `years` old (1 March for a 29 February
  /// birthday in a common year).
  public func birthday(years: Int) -> CalendarDay {
    let (year, month, day) = components
    let y = year + years
    if month == 2 && day == 29 && !Self.isLeapYear(y) {
      return CalendarDay(daysSince1970: Self.dayNumber(year: y, month: 3, day: 1)!)
    }
    return CalendarDay(daysSince1970: Self.dayNumber(year: y, month: month, day: day)!)
  }

  /// Parses `YYYY-MM-DD` or `YYYYMMDD` from raw bytes; nil if malformed or not a real day.
  @inline(__always)
  static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Int32? {
    @inline(__always) func digit(_ i: Int) -> Int? {
      let d = Int(p[i]) &- 48
      return d >= 0 && d <= 9 ? d : nil
    }
    let monthAt: Int
    if count == 10 && p[4] == UInt8(ascii: "-") && p[7] == UInt8(ascii: "-") {
      monthAt = 5
    } else if count == 8 {
      monthAt = 4
    } else {
      return nil
    }
    let dayAt = monthAt == 5 ? 8 : 6
    guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
      let m0 = digit(monthAt), let m1 = digit(monthAt + 1), let d0 = digit(dayAt),
      let d1 = digit(dayAt + 1)
    else { return nil }
    return dayNumber(
      year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
  }
}

extension CalendarDay {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = CalendarDay(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
