/// The canonical codebook (`datasets/codebook.yaml`), embedded so that the library and the
/// `strata` binary need no file at run time. `CanonicalCodebookTests` checks that this file is
/// generated from `datasets/codebook.yaml`; after editing the YAML, regenerate it with
/// `RECORD_CODEBOOK=1 swift test --filter CanonicalCodebookTests`.
extension Codebook {
  /// The canonical codebook: lopnr, ar, kon, alder, utbildning, fodelseland, brottstyp,
  /// antal_misstankar, datum, brottskod, antal, kommun, and the groupings aldersgrupp,
  /// aldersgrupp3, utbildningsniva, fodelse, fodelseregion.
  public static let canonical: Codebook = {
    do {
      return try Codebook(yaml: canonicalYAML, source: "codebook.yaml (canonical)")
    } catch {
      fatalError("The embedded canonical codebook is invalid: \(error)")
    }
  }()

  /// The text of `datasets/codebook.yaml`.
  public static let canonicalYAML = #"""
    # The canonical codebook of Strata: Brå/SCB-style extracts (see shared spec data-format.md).
    #
    # Schema
    #   missing:    default missing-value codes of every variable
    #   variables:  NAME: {type, columns, label, codes, missing, range, required, unique, reference}
    #     type      categorical | integer | decimal | date | text | id
    #     columns   header names the variable may have (first match wins, case-insensitive)
    #     codes     "CODE": {sv: ..., en: ...}   (categorical only; order = level order)
    #     missing   the variable's own missing codes, in addition to the defaults
    #     range     {min: a, max: b}  valid values (integer, decimal, date)
    #     required  the file must have the column;  unique: values must not repeat
    #   groupings:  NAME: {from, label, levels: [{code, sv, en, range: [a, b] | min | max | codes | missing: true | otherwise: true}]}
    #     A row takes the first level whose rule covers it; a level with `missing: true` takes
    #     missing source values; a present value no level covers is "outside" (e.g. ages < 15).
    #
    # A delivery with other column names or codes gets its own codebook in this format.
    name: strata-canonical
    version: 1
    missing: ["", "..", ".", "-", "US"]

    variables:
      lopnr:
        type: id
        columns: [lopnr, lopnummer, lopnr_person, personlopnr, id]
        label: {sv: Löpnummer (pseudonymiserat personnummer), en: Person number (pseudonymised)}

      ar:
        type: integer
        columns: [ar, år, year]
        label: {sv: År, en: Year}
        range: {min: 1900, max: 2100}

      kon:
        type: categorical
        columns: [kon, kön, sex]
        label: {sv: Kön, en: Sex}
        codes:
          "1": {sv: Man, en: Man}
          "2": {sv: Kvinna, en: Woman}
        reference: "1"

      alder:
        type: integer
        columns: [alder, ålder, age]
        label: {sv: Ålder, en: Age}
        range: {min: 0, max: 120}

      utbildning:
        type: categorical
        columns: [utbildning, sun2000niva, sun2000, utbniva, education]
        label: {sv: Högsta utbildning (SUN 2000), en: Highest education (SUN 2000)}
        codes:
          "1": {sv: Förgymnasial utbildning kortare än 9 år, en: Primary and lower secondary education shorter than 9 years}
          "2": {sv: Förgymnasial utbildning 9 (10) år, en: Primary and lower secondary education 9 (10) years}
          "3": {sv: Gymnasial utbildning högst 2 år, en: Upper secondary education at most 2 years}
          "4": {sv: Gymnasial utbildning 3 år, en: Upper secondary education 3 years}
          "5": {sv: Eftergymnasial utbildning kortare än 3 år, en: Post-secondary education shorter than 3 years}
          "6": {sv: Eftergymnasial utbildning 3 år eller längre, en: Post-secondary education 3 years or longer}
          "7": {sv: Forskarutbildning, en: Postgraduate education}

      fodelseland:
        type: categorical
        columns: [fodelseland, födelseland, fodelseregion_kod, fodland, country_of_birth]
        label: {sv: Födelseregion, en: Region of birth}
        codes:
          "1": {sv: Sverige, en: Sweden}
          "2": {sv: Norden utom Sverige, en: Nordic countries except Sweden}
          "3": {sv: EU utom Norden, en: EU except the Nordic countries}
          "4": {sv: Europa utom EU och Norden, en: Europe except the EU and the Nordic countries}
          "5": {sv: Afrika, en: Africa}
          "6": {sv: Asien, en: Asia}
          "7": {sv: Nordamerika, en: North America}
          "8": {sv: Sydamerika, en: South America}
          "9": {sv: Oceanien, en: Oceania}
        reference: "1"

      brottstyp:
        type: categorical
        columns: [brottstyp, brottskategori, offence_type]
        label: {sv: Brottstyp, en: Offence type}
        codes:
          vnr_partner: {sv: Våld mot partner eller f.d. partner, en: Violence against a partner or former partner}
          vnr_barn: {sv: Våld mot barn i familjen, en: Violence against a child in the family}
          vnr_ovrig: {sv: Våld mot annan närstående, en: Violence against another close relative}
          vbek: {sv: Våld mot bekant, en: Violence against an acquaintance}
          sexkop: {sv: Köp av sexuell tjänst, en: Purchase of a sexual service}

      antal_misstankar:
        type: integer
        columns: [antal_misstankar, antal_misstankar_period, n_suspicions]
        label: {sv: Antal misstankar under perioden, en: Number of suspicions in the period}
        range: {min: 1}

      datum:
        type: date
        columns: [datum, beslutsdatum, registreringsdatum, date]
        label: {sv: Datum för beslut om misstanke, en: Date of the decision to register the suspicion}

      brottskod:
        type: text
        columns: [brottskod, offence_code]
        label: {sv: Brottskod, en: Offence code}

      antal:
        type: integer
        columns: [antal, befolkning, folkmangd, population, n]
        label: {sv: Antal personer, en: Number of persons}
        range: {min: 0}

      kommun:
        type: categorical
        columns: [kommun, kommunkod, kom, municipality]
        label: {sv: Kommun, en: Municipality}
        codes:
          "0114": Upplands Väsby
          "0115": Vallentuna
          "0117": Österåker
          "0120": Värmdö
          "0123": Järfälla
          "0125": Ekerö
          "0126": Huddinge
          "0127": Botkyrka
          "0128": Salem
          "0136": Haninge
          "0138": Tyresö
          "0139": Upplands-Bro
          "0140": Nykvarn
          "0160": Täby
          "0162": Danderyd
          "0163": Sollentuna
          "0180": Stockholm
          "0181": Södertälje
          "0182": Nacka
          "0183": Sundbyberg
          "0184": Solna
          "0186": Lidingö
          "0187": Vaxholm
          "0188": Norrtälje
          "0191": Sigtuna
          "0192": Nynäshamn

    groupings:
      aldersgrupp:
        from: alder
        label: {sv: Åldersgrupp, en: Age group}
        levels:
          - {code: "15-17", range: [15, 17], sv: 15–17 år, en: 15–17 years}
          - {code: "18-24", range: [18, 24], sv: 18–24 år, en: 18–24 years}
          - {code: "25-34", range: [25, 34], sv: 25–34 år, en: 25–34 years}
          - {code: "35-44", range: [35, 44], sv: 35–44 år, en: 35–44 years}
          - {code: "45-54", range: [45, 54], sv: 45–54 år, en: 45–54 years}
          - {code: "55-64", range: [55, 64], sv: 55–64 år, en: 55–64 years}
          - {code: "65+", min: 65, sv: 65 år och äldre, en: 65 years and older}

      aldersgrupp3:
        from: alder
        label: {sv: Åldersgrupp (tre grupper), en: Age group (three groups)}
        levels:
          - {code: "15-34", range: [15, 34], sv: 15–34 år, en: 15–34 years}
          - {code: "35-54", range: [35, 54], sv: 35–54 år, en: 35–54 years}
          - {code: "55+", min: 55, sv: 55 år och äldre, en: 55 years and older}

      utbildningsniva:
        from: utbildning
        label: {sv: Utbildningsnivå, en: Level of education}
        levels:
          - {code: forgymnasial, codes: ["1", "2"], sv: Förgymnasial utbildning, en: Primary and lower secondary education}
          - {code: gymnasial, codes: ["3", "4"], sv: Gymnasial utbildning, en: Upper secondary education}
          - {code: eftergymnasial, codes: ["5", "6", "7"], sv: Eftergymnasial utbildning, en: Post-secondary education}
          - {code: saknas, missing: true, sv: Uppgift saknas, en: Not known}

      fodelse:
        from: fodelseland
        label: {sv: Född i Sverige eller utrikes, en: Born in Sweden or abroad}
        levels:
          - {code: inrikes, codes: ["1"], sv: Inrikes född, en: Born in Sweden}
          - {code: utrikes, codes: ["2", "3", "4", "5", "6", "7", "8", "9"], sv: Utrikes född, en: Born abroad}

      fodelseregion:
        from: fodelseland
        label: {sv: Födelseregion (fyra grupper), en: Region of birth (four groups)}
        levels:
          - {code: sverige, codes: ["1"], sv: Sverige, en: Sweden}
          - {code: norden, codes: ["2"], sv: Norden utom Sverige, en: Nordic countries except Sweden}
          - {code: europa, codes: ["3", "4"], sv: Europa utom Norden, en: Europe except the Nordic countries}
          - {code: utanfor_europa, codes: ["5", "6", "7", "8", "9"], sv: Utanför Europa, en: Outside Europe}

    """#
}
