import Microdata

/// A resident aged 15 or over on 31 December of the reference year: one row of `persons.csv`.
public struct Person: Sendable, Equatable {
  /// `lopnr`: the pseudonymised person number (1000001, 1000002, …).
  public var lopnr: Int
  /// `kon`.
  public var sex: Sex
  /// `alder`: age in completed years on 31 December of the reference year.
  public var age: Int
  /// The date of birth (not written; it fixes the age at each suspicion).
  public var birthDate: CalendarDay
  /// `utbildning`: SUN 2000 level 1–7, `nil` when missing.
  public var education: Int?
  /// `fodelseland` as recorded: 1–9, `nil` when written as missing.
  public var birthRegion: Int?
  /// The true region of birth, which the model uses even when the recorded value is missing.
  public var trueBirthRegion: Int
  /// `kommun`: the four-digit municipality code.
  public var municipality: String

  /// The person's intersectional stratum in the data-generating model.
  public var stratum: Stratum {
    Stratum(
      sex: sex, ageGroup: AgeGroup(age: age)!, education: EducationLevel(sun2000: education),
      birth: Birth(birthRegion: trueBirthRegion))
  }
}

/// A person suspected of an offence type in the study period: one row of `suspects.csv`.
public struct Suspect: Sendable, Equatable {
  /// `lopnr`.
  public var lopnr: Int
  /// `ar`: the year of the first suspicion in the study period.
  public var year: Int
  /// `kon`.
  public var sex: Sex
  /// `alder`: age in completed years at the first suspicion.
  public var age: Int
  /// `utbildning`, as in `persons.csv`.
  public var education: Int?
  /// `fodelseland`, as in `persons.csv`.
  public var birthRegion: Int?
  /// `brottstyp`.
  public var offence: OffenceType
  /// `antal_misstankar`: suspicions of this type in the study period (≥ 1).
  public var suspicions: Int
}

/// One registered suspicion: one row of `suspicions.csv`.
public struct Suspicion: Sendable, Equatable {
  /// `lopnr`.
  public var lopnr: Int
  /// `datum`.
  public var date: CalendarDay
  /// `brottskod`.
  public var code: String
  /// `brottstyp`.
  public var offence: OffenceType
  /// The injured party as drawn (nil for sexköp): `malsagande_kon` is its sex,
  /// `malsagande_barn` whether it is a child.
  public var victim: Victim?
  /// `relation` as recorded: the victim's relation when the code carries it, else nil.
  public var recordedRelation: Relation?
}

/// One nonzero cell of the population table: one row of `population.csv`.
public struct PopulationCell: Sendable, Equatable {
  /// `ar`: the reference year.
  public var year: Int
  /// `kon`.
  public var sex: Sex
  /// `alder`: single year of age.
  public var age: Int
  /// `utbildning`, `nil` for missing.
  public var education: Int?
  /// `fodelseland`, `nil` for missing.
  public var birthRegion: Int?
  /// `antal`: the number of persons.
  public var count: Int
}
