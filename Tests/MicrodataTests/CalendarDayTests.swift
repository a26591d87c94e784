import Microdata
import Testing

@Suite struct CalendarDayTests {
  @Test func dayNumbersOfKnownDates() {
    #expect(CalendarDay(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    #expect(CalendarDay(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
    #expect(CalendarDay(year: 2016, month: 1, day: 1)!.dayNumber == 16_801)
    #expect(CalendarDay(year: 1900, month: 1, day: 1)!.dayNumber == -25_567)
  }

  @Test func dayNumbersRoundTripAndAdvanceOneDayAtATime() {
    var previous = CalendarDay(year: 1899, month: 12, day: 31)!
    for n in (previous.dayNumber + 1)...CalendarDay(year: 2101, month: 1, day: 1)!.dayNumber {
      let date = CalendarDay(dayNumber: n)
      #expect(date.dayNumber == n)
      #expect(previous < date)
      // The next date is the next day of the month, or the first of the next month.
      let sameMonth = date.year == previous.year && date.month == previous.month
      if sameMonth {
        #expect(date.day == previous.day + 1)
      } else {
        #expect(date.day == 1)
        #expect(previous.day == CalendarDay.daysInMonth(year: previous.year, month: previous.month))
      }
      previous = date
    }
  }

  @Test func formatsAsISODate() {
    #expect(CalendarDay(year: 2016, month: 3, day: 7)!.description == "2016-03-07")
    #expect(CalendarDay(year: 2017, month: 12, day: 31)!.description == "2017-12-31")
  }

  @Test func agesCountCompletedYears() {
    let birth = CalendarDay(year: 2001, month: 6, day: 15)!
    #expect(birth.age(on: CalendarDay(year: 2016, month: 6, day: 14)!) == 14)
    #expect(birth.age(on: CalendarDay(year: 2016, month: 6, day: 15)!) == 15)
    #expect(birth.birthday(years: 15) == CalendarDay(year: 2016, month: 6, day: 15)!)
    let leapling = CalendarDay(year: 2000, month: 2, day: 29)!
    #expect(leapling.age(on: CalendarDay(year: 2015, month: 2, day: 28)!) == 14)
    #expect(leapling.age(on: CalendarDay(year: 2015, month: 3, day: 1)!) == 15)
    #expect(leapling.birthday(years: 15) == CalendarDay(year: 2015, month: 3, day: 1)!)
    #expect(leapling.birthday(years: 16) == CalendarDay(year: 2016, month: 2, day: 29)!)
  }

  @Test func leapYears() {
    #expect(CalendarDay.isLeapYear(2016))
    #expect(!CalendarDay.isLeapYear(2017))
    #expect(!CalendarDay.isLeapYear(1900))
    #expect(CalendarDay.isLeapYear(2000))
  }
}
