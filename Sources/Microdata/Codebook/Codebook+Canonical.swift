/// The canonical codebook (`datasets/codebook.yaml`), embedded so that the library and the
/// `strata` binary need no file at run time. `CanonicalCodebookTests` checks that this file is
/// generated from `datasets/codebook.yaml`; after editing the YAML, regenerate it with
/// `RECORD_CODEBOOK=1 swift test --filter CanonicalCodebookTests`.
extension Codebook {
  /// The canonical codebook: lopnr, ar, kon, alder, utbildning, fodelseland, brottstyp,
  /// antal_misstankar, datum, brottskod, malsagande_kon, malsagande_barn, relation, antal,
  /// kommun; the groupings aldersgrupp, aldersgrupp3, utbildningsniva, fodelse, fodelseregion
  /// and parrelation; and the synthetic county's offence code list (`code_lists: brottskod`).
  public static let canonical: Codebook = {
    do {
      // Without tag resolution: the text is fixed, and reads the same as with YAML's default
      // resolver (`CanonicalCodebookTests`); resolving tags cost about 4 ms at every start-up.
      return try Codebook(yaml: canonicalYAML, source: canonicalSource, resolver: .basic)
    } catch {
      fatalError("The embedded canonical codebook is invalid: \(error)")
    }
  }()

  /// The source name of the canonical codebook in messages.
  static let canonicalSource = "codebook.yaml (canonical)"

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
    #     With `compare: VARIABLE` the levels are `same: true` / `different: true` (the two
    #     variables' codes equal or not), for the rows that meet `only: {VARIABLE: [CODES]}`.
    #   code_lists: CODE_VARIABLE: {date, codes, periods: [{from, to, codes: {"CODE": {VARIABLE: CODE, ..., sv, en}}}]}
    #     What each code means for other variables (brottstyp, malsagande_kon, ...), one list per
    #     period; the row's `date` picks the period. The list's own `codes:` are in every period, and
    #     each period adds its own (a code in both is an error). A derived variable the file lacks is
    #     added from the codes; one it has must agree with them. A code in no list for its date is an
    #     error.
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
        range: {min: 1900-01-01, max: 2100-12-31}  # as `ar`: a date outside is a broken row
        label: {sv: Datum för beslut om misstanke, en: Date of the decision to register the suspicion}

      brottskod:
        type: text
        columns: [brottskod, offence_code]
        label: {sv: Brottskod, en: Offence code}

      malsagande_kon:
        type: categorical
        columns: [malsagande_kon, målsägande_kön, malsagande_kön, victim_sex]
        label: {sv: Målsägandens kön, en: Sex of the injured party}
        codes:
          "1": {sv: Man eller pojke, en: Man or boy}
          "2": {sv: Kvinna eller flicka, en: Woman or girl}

      malsagande_barn:
        type: categorical
        columns: [malsagande_barn, målsägande_barn, victim_child]
        label: {sv: Målsäganden är ett barn (under 18 år), en: The injured party is a child (under 18)}
        codes:
          "0": {sv: Nej, en: No}
          "1": {sv: Ja, en: Yes}

      relation:
        type: categorical
        columns: [relation, relation_malsagande, victim_relation]
        label: {sv: Relation till målsäganden, en: Relation to the injured party}
        codes:
          partner: {sv: Partner eller f.d. partner, en: Partner or former partner}
          barn: {sv: Eget barn eller styvbarn, en: Own child or stepchild}
          foralder: {sv: Förälder, en: Parent}
          syskon: {sv: Syskon, en: Sibling}
          annan_slakting: {sv: Annan släkting, en: Other relative}
          bekant: {sv: Bekant, en: Acquaintance}
          obekant: {sv: Obekant, en: Stranger}

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

      parrelation:
        from: kon
        compare: malsagande_kon
        only: {relation: [partner]}
        label: {sv: Parrelation (våld mot partner), en: Type of couple (partner violence)}
        levels:
          - {code: olikkonad, different: true, sv: Olikkönad relation, en: Different-sex relationship}
          - {code: samkonad, same: true, sv: Samkönad relation, en: Same-sex relationship}

    # The synthetic county's offence code list (datasets/README.md): illustrative codes in the style
    # of Brå's list, NOT Brå's codes. A user with real data writes the list for their years.
    code_lists:
      brottskod:
        date: datum
        codes:  # in every period; each period adds its own
          "0375": {brottstyp: vnr_partner, malsagande_kon: "2", malsagande_barn: "0", relation: partner, sv: "Misshandel, ej grov, mot kvinna, partner eller f.d. partner, inomhus", en: "Assault, not aggravated, against a woman, partner or former partner, indoors"}
          "0386": {brottstyp: vnr_partner, malsagande_kon: "1", malsagande_barn: "0", relation: partner, sv: "Misshandel, ej grov, mot man, partner eller f.d. partner, inomhus", en: "Assault, not aggravated, against a man, partner or former partner, indoors"}
          "0376": {brottstyp: vnr_partner, malsagande_kon: "2", malsagande_barn: "0", relation: partner, sv: "Misshandel, ej grov, mot kvinna, partner eller f.d. partner, utomhus", en: "Assault, not aggravated, against a woman, partner or former partner, outdoors"}
          "0387": {brottstyp: vnr_partner, malsagande_kon: "1", malsagande_barn: "0", relation: partner, sv: "Misshandel, ej grov, mot man, partner eller f.d. partner, utomhus", en: "Assault, not aggravated, against a man, partner or former partner, outdoors"}
          "0377": {brottstyp: vnr_partner, malsagande_kon: "2", malsagande_barn: "0", relation: partner, sv: "Grov misshandel mot kvinna, partner eller f.d. partner", en: "Aggravated assault against a woman, partner or former partner"}
          "0388": {brottstyp: vnr_partner, malsagande_kon: "1", malsagande_barn: "0", relation: partner, sv: "Grov misshandel mot man, partner eller f.d. partner", en: "Aggravated assault against a man, partner or former partner"}
          "0401": {brottstyp: vnr_partner, malsagande_kon: "2", malsagande_barn: "0", relation: partner, sv: "Grov kvinnofridskränkning mot partner eller f.d. partner", en: "Gross violation of a woman's integrity, partner or former partner"}
          "0403": {brottstyp: vnr_partner, malsagande_kon: "1", malsagande_barn: "0", relation: partner, sv: "Grov fridskränkning mot man, partner eller f.d. partner", en: "Gross violation of a man's integrity, partner or former partner"}
          "0371": {brottstyp: vnr_barn, malsagande_kon: "2", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot flicka 0–6 år i familjen", en: "Assault, not aggravated, against a girl aged 0–6 in the family"}
          "0391": {brottstyp: vnr_barn, malsagande_kon: "1", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot pojke 0–6 år i familjen", en: "Assault, not aggravated, against a boy aged 0–6 in the family"}
          "0372": {brottstyp: vnr_barn, malsagande_kon: "2", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot flicka 7–14 år i familjen", en: "Assault, not aggravated, against a girl aged 7–14 in the family"}
          "0392": {brottstyp: vnr_barn, malsagande_kon: "1", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot pojke 7–14 år i familjen", en: "Assault, not aggravated, against a boy aged 7–14 in the family"}
          "0373": {brottstyp: vnr_barn, malsagande_kon: "2", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot flicka 15–17 år i familjen", en: "Assault, not aggravated, against a girl aged 15–17 in the family"}
          "0393": {brottstyp: vnr_barn, malsagande_kon: "1", malsagande_barn: "1", relation: barn, sv: "Misshandel, ej grov, mot pojke 15–17 år i familjen", en: "Assault, not aggravated, against a boy aged 15–17 in the family"}
          "0374": {brottstyp: vnr_barn, malsagande_kon: "2", malsagande_barn: "1", relation: barn, sv: "Grov misshandel mot flicka i familjen", en: "Aggravated assault against a girl in the family"}
          "0394": {brottstyp: vnr_barn, malsagande_kon: "1", malsagande_barn: "1", relation: barn, sv: "Grov misshandel mot pojke i familjen", en: "Aggravated assault against a boy in the family"}
          "0383": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: bekant, sv: "Misshandel, ej grov, mot kvinna, bekant, inomhus", en: "Assault, not aggravated, against a woman, acquaintance, indoors"}
          "0389": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: bekant, sv: "Misshandel, ej grov, mot man, bekant, inomhus", en: "Assault, not aggravated, against a man, acquaintance, indoors"}
          "0422": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: obekant, sv: "Misshandel, ej grov, mot kvinna, obekant, inomhus", en: "Assault, not aggravated, against a woman, stranger, indoors"}
          "0425": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: obekant, sv: "Misshandel, ej grov, mot man, obekant, inomhus", en: "Assault, not aggravated, against a man, stranger, indoors"}
          "0384": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: bekant, sv: "Misshandel, ej grov, mot kvinna, bekant, utomhus", en: "Assault, not aggravated, against a woman, acquaintance, outdoors"}
          "0390": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: bekant, sv: "Misshandel, ej grov, mot man, bekant, utomhus", en: "Assault, not aggravated, against a man, acquaintance, outdoors"}
          "0423": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: obekant, sv: "Misshandel, ej grov, mot kvinna, obekant, utomhus", en: "Assault, not aggravated, against a woman, stranger, outdoors"}
          "0426": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: obekant, sv: "Misshandel, ej grov, mot man, obekant, utomhus", en: "Assault, not aggravated, against a man, stranger, outdoors"}
          "0385": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: bekant, sv: "Grov misshandel mot kvinna, bekant", en: "Aggravated assault against a woman, acquaintance"}
          "0398": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: bekant, sv: "Grov misshandel mot man, bekant", en: "Aggravated assault against a man, acquaintance"}
          "0424": {brottstyp: vbek, malsagande_kon: "2", malsagande_barn: "0", relation: obekant, sv: "Grov misshandel mot kvinna, obekant", en: "Aggravated assault against a woman, stranger"}
          "0427": {brottstyp: vbek, malsagande_kon: "1", malsagande_barn: "0", relation: obekant, sv: "Grov misshandel mot man, obekant", en: "Aggravated assault against a man, stranger"}
          "0664": {brottstyp: sexkop, sv: "Köp av sexuell tjänst", en: "Purchase of a sexual service"}
          "0665": {brottstyp: sexkop, sv: "Försök till köp av sexuell tjänst", en: "Attempted purchase of a sexual service"}
        periods:
          - to: 2017-12-31
            description: violence against another relative does not say which relative
            codes:
              "0379": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", sv: "Misshandel, ej grov, mot kvinna, annan närstående, inomhus", en: "Assault, not aggravated, against a woman, other close relative, indoors"}
              "0395": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", sv: "Misshandel, ej grov, mot man, annan närstående, inomhus", en: "Assault, not aggravated, against a man, other close relative, indoors"}
              "0380": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", sv: "Misshandel, ej grov, mot kvinna, annan närstående, utomhus", en: "Assault, not aggravated, against a woman, other close relative, outdoors"}
              "0396": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", sv: "Misshandel, ej grov, mot man, annan närstående, utomhus", en: "Assault, not aggravated, against a man, other close relative, outdoors"}
              "0381": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", sv: "Grov misshandel mot kvinna, annan närstående", en: "Aggravated assault against a woman, other close relative"}
              "0397": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", sv: "Grov misshandel mot man, annan närstående", en: "Aggravated assault against a man, other close relative"}
              "0402": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", sv: "Grov fridskränkning mot kvinna, annan närstående", en: "Gross violation of integrity against a woman, other close relative"}
              "0404": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", sv: "Grov fridskränkning mot man, annan närstående", en: "Gross violation of integrity against a man, other close relative"}
          - from: 2018-01-01
            description: violence against another relative distinguishes parent, sibling and other relative
            codes:
              "0410": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: foralder, sv: "Misshandel, ej grov mot kvinna, förälder", en: "Assault, not aggravated against a woman, parent"}
              "0411": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: foralder, sv: "Misshandel, ej grov mot man, förälder", en: "Assault, not aggravated against a man, parent"}
              "0412": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: syskon, sv: "Misshandel, ej grov mot kvinna, syskon", en: "Assault, not aggravated against a woman, sibling"}
              "0413": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: syskon, sv: "Misshandel, ej grov mot man, syskon", en: "Assault, not aggravated against a man, sibling"}
              "0414": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: annan_slakting, sv: "Misshandel, ej grov mot kvinna, annan släkting", en: "Assault, not aggravated against a woman, other relative"}
              "0415": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: annan_slakting, sv: "Misshandel, ej grov mot man, annan släkting", en: "Assault, not aggravated against a man, other relative"}
              "0416": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: foralder, sv: "Grov misshandel mot kvinna, förälder", en: "Aggravated assault against a woman, parent"}
              "0417": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: foralder, sv: "Grov misshandel mot man, förälder", en: "Aggravated assault against a man, parent"}
              "0418": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: syskon, sv: "Grov misshandel mot kvinna, syskon", en: "Aggravated assault against a woman, sibling"}
              "0419": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: syskon, sv: "Grov misshandel mot man, syskon", en: "Aggravated assault against a man, sibling"}
              "0420": {brottstyp: vnr_ovrig, malsagande_kon: "2", malsagande_barn: "0", relation: annan_slakting, sv: "Grov misshandel mot kvinna, annan släkting", en: "Aggravated assault against a woman, other relative"}
              "0421": {brottstyp: vnr_ovrig, malsagande_kon: "1", malsagande_barn: "0", relation: annan_slakting, sv: "Grov misshandel mot man, annan släkting", en: "Aggravated assault against a man, other relative"}

    """#
}
