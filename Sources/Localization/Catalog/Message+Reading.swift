// Texts that help a reader read model results: what the MAIHDA measures mean and how large
// they conventionally are, estimates of separated or boundary fits, and interaction effects.

extension Message {
  // MARK: Reading MAIHDA measures

  /// What the VPC is and the conventional reading of its size.
  public static let maihdaReadingVPC = Message(
    "reading.maihda.vpc",
    sv:
      "VPC (variansandelen mellan strata) är den del av den totala variationen i den underliggande risken som ligger mellan de intersektionella strata i stället för mellan personer i samma stratum. En VPC under 1 % brukar läsas som obefintlig, 1–5 % som liten, 5–10 % som måttlig, 10–20 % som stor och över 20 % som mycket stor.",
    en:
      "The VPC (variance partition coefficient) is the part of the total variation in the underlying risk that lies between the intersectional strata rather than between persons of the same stratum. A VPC below 1% is conventionally read as negligible, 1–5% as small, 5–10% as moderate, 10–20% as large and above 20% as very large."
  )
  /// What the PCV is and how it is read.
  public static let maihdaReadingPCV = Message(
    "reading.maihda.pcv",
    sv:
      "PCV (förklarad andel av variansen) är den del av nollmodellens skillnader mellan strata som variablernas huvudeffekter var för sig förklarar; resten (100 % minus PCV) beror på samspel mellan variablerna, det vill säga intersektionella effekter. En PCV nära 100 % betyder att skillnaderna mellan strata i stort sett är summan av variablernas egna effekter.",
    en:
      "The PCV (proportional change in variance) is the part of the null model's differences between strata that the main effects of the variables explain one by one; the rest (100% minus the PCV) is due to interactions between the variables, that is, intersectional effects. A PCV close to 100% means that the differences between strata are mostly the sum of the variables' own effects."
  )
  /// What the MOR is and how it is read.
  public static let maihdaReadingMOR = Message(
    "reading.maihda.mor",
    sv:
      "MOR (medianoddskvoten) är medianen av oddskvoterna när en person i ett stratum med högre risk jämförs med en person i ett stratum med lägre risk, över alla par av strata. MOR = 1 betyder att strata inte skiljer sig åt; MOR kan jämföras direkt med huvudeffekternas oddskvoter.",
    en:
      "The MOR (median odds ratio) is the median of the odds ratios when a person in a stratum of higher risk is compared with a person in a stratum of lower risk, over all pairs of strata. An MOR of 1 means that the strata do not differ; the MOR can be compared directly with the odds ratios of the main effects."
  )
  /// What the AUC is and the conventional reading of its size.
  public static let maihdaReadingAUC = Message(
    "reading.maihda.auc",
    sv:
      "AUC (arean under ROC-kurvan) mäter hur väl tillhörigheten till ett stratum skiljer personer med utfallet från personer utan det: 0,5 är inte bättre än slumpen och 1 är en perfekt åtskillnad. En AUC på 0,5–0,6 brukar läsas som obefintlig, 0,6–0,7 som liten, 0,7–0,8 som måttlig, 0,8–0,9 som stor och över 0,9 som mycket stor förmåga att skilja ut.",
    en:
      "The AUC (area under the ROC curve) measures how well membership of a stratum tells persons with the outcome from persons without it: 0.5 is no better than chance and 1 is perfect separation. An AUC of 0.5–0.6 is conventionally read as negligible, 0.6–0.7 as small, 0.7–0.8 as moderate, 0.8–0.9 as large and above 0.9 as very large discriminatory accuracy."
  )
  /// "I den här analysen är VPC 3,2 % (liten)."
  public static func maihdaReadingVPCValue(_ vpc: String, size: String) -> Message {
    Message(
      "reading.maihda.vpc_value", sv: "I den här analysen är VPC \(vpc) (\(size)).",
      en: "In this analysis the VPC is \(vpc) (\(size)).")
  }
  /// The VPC whose interval reaches down to a negligible size: "I den här analysen är VPC
  /// 13,4 % (stor), men konfidensintervallet 0–51,9 % omfattar också en obefintlig variation
  /// mellan strata."
  public static func maihdaReadingVPCValueUncertain(
    _ vpc: String, size: String, interval: String
  ) -> Message {
    Message(
      "reading.maihda.vpc_value_uncertain",
      sv:
        "I den här analysen är VPC \(vpc) (\(size)), men konfidensintervallet \(interval) omfattar också en obefintlig variation mellan strata.",
      en:
        "In this analysis the VPC is \(vpc) (\(size)), but the confidence interval \(interval) also covers negligible variation between strata."
    )
  }
  /// "PCV är 85 %: samspelen står för resten, 15 %."
  public static func maihdaReadingPCVValue(_ pcv: String, rest: String) -> Message {
    Message(
      "reading.maihda.pcv_value", sv: "PCV är \(pcv): samspelen står för resten, \(rest).",
      en: "The PCV is \(pcv): interactions account for the rest, \(rest).")
  }
  /// "AUC är 0,68 (liten)."
  public static func maihdaReadingAUCValue(_ auc: String, size: String) -> Message {
    Message(
      "reading.maihda.auc_value", sv: "AUC är \(auc) (\(size)).",
      en: "The AUC is \(auc) (\(size)).")
  }
  /// The source of the readings (the tutorial's title is quoted in its own language).
  public static let maihdaReadingSource = Message(
    "reading.maihda.source",
    sv:
      "Tolkningen följer Evans, Leckie, Subramanian, Bell och Merlo (2024), ”A tutorial for conducting intersectional multilevel analysis of individual heterogeneity and discriminatory accuracy (MAIHDA)”, SSM – Population Health 26:101664.",
    en:
      "The readings follow Evans, Leckie, Subramanian, Bell and Merlo (2024), “A tutorial for conducting intersectional multilevel analysis of individual heterogeneity and discriminatory accuracy (MAIHDA)”, SSM – Population Health 26:101664."
  )
  /// "obefintlig" / "negligible".
  public static let sizeNegligible = Message(
    "reading.size.negligible", sv: "obefintlig", en: "negligible")
  /// "liten" / "small".
  public static let sizeSmall = Message("reading.size.small", sv: "liten", en: "small")
  /// "måttlig" / "moderate".
  public static let sizeModerate = Message("reading.size.moderate", sv: "måttlig", en: "moderate")
  /// "stor" / "large".
  public static let sizeLarge = Message("reading.size.large", sv: "stor", en: "large")
  /// "mycket stor" / "very large".
  public static let sizeVeryLarge = Message(
    "reading.size.very_large", sv: "mycket stor", en: "very large")

  // MARK: Separated and boundary estimates

  /// The footnote of an estimate shown as "–" because the fit is separated or at a boundary.
  public static let separatedEstimateNote = Message(
    "reading.separated.note",
    sv:
      "Skattningen redovisas inte: utfallet saknas nästan helt eller finns nästan överallt i gruppen (separation), så att den skattade effekten och dess osäkerhet saknar mening (|β| > 12 eller medelfel > 50). Slå ihop grupper eller skatta modellen med Firths metod.",
    en:
      "The estimate is not shown: the outcome is (almost) absent or universal in the group (separation), so the estimated effect and its uncertainty have no meaning (|β| > 12 or standard error > 50). Merge groups or fit the model with Firth's method."
  )

  // MARK: Interactions

  /// The title of the table of effects within interaction cells.
  public static let interactionEffectsTitle = Message(
    "reading.interaction.title", sv: "Samspelets sammanlagda oddskvoter",
    en: "Combined odds ratios of the interaction")
  /// "Effekt" / "Effect", the stub header.
  public static let effect = Message("reading.interaction.effect", sv: "Effekt", en: "Effect")
  /// "Kön: Kvinna, inom gruppen Utrikes född", an effect within levels of other variables.
  public static func effectWithin(_ effect: String, _ within: String) -> Message {
    Message(
      "reading.interaction.within", sv: "\(effect), inom gruppen \(within)",
      en: "\(effect), within \(within)")
  }
  /// The note on what a main effect means in a model with an interaction.
  public static let interactionMainEffectNote = Message(
    "reading.interaction.main_effect",
    sv:
      "Med ett samspel gäller en huvudeffekts oddskvot bara inom referensgruppen för den andra variabeln i samspelet. Tabellen med samspelets sammanlagda oddskvoter ger effekten inom varje annan grupp: exp(β huvudeffekt + β samspel), med medelfel från kovariansmatrisen (som Statas lincom).",
    en:
      "With an interaction, a main effect's odds ratio holds only within the reference group of the other variable of the interaction. The table of combined odds ratios gives the effect within every other group: exp(β main effect + β interaction), with the standard error from the covariance matrix (as Stata's lincom)."
  )
  /// The note under the table of combined odds ratios.
  public static let interactionEffectsNote = Message(
    "reading.interaction.note",
    sv:
      "Oddskvoten för effekten inom gruppen: exp(β huvudeffekt + β samspel); medelfelet √(wᵀVw) från modellens kovariansmatris, Wald-intervall.",
    en:
      "The odds ratio of the effect within the group: exp(β main effect + β interaction); the standard error √(wᵀVw) from the model's covariance matrix, Wald intervals."
  )
}

extension Message {
  // MARK: Model outcomes

  /// "Utfall: antal misstankar under perioden minst 2", the outcome of rows of individual data.
  public static func outcomeOfRows(_ outcome: String) -> Message {
    Message("reading.outcome.rows", sv: "Utfall: \(outcome)", en: "Outcome: \(outcome)")
  }
  /// The outcome of persons of the data counted against the population.
  public static let outcomePersonsOfData = Message(
    "reading.outcome.persons",
    sv: "Utfall: personerna i data jämförda med befolkningen i samma grupp",
    en: "Outcome: the persons of the data against the population of the same group")
  /// The outcome of persons of the data, named by the data's description, against the population.
  public static func outcomeAmongData(_ description: String) -> Message {
    Message(
      "reading.outcome.among_data",
      sv: "Utfall: att finnas bland \(description), jämfört med befolkningen i samma grupp",
      en: "Outcome: being among \(description), against the population of the same group")
  }
  /// The outcome of persons of the data meeting a condition, against the population.
  public static func outcomePersonsWith(_ condition: String) -> Message {
    Message(
      "reading.outcome.persons_with",
      sv: "Utfall: personer i data med \(condition), jämförda med befolkningen i samma grupp",
      en: "Outcome: persons of the data with \(condition), against the population of the same group"
    )
  }
  /// The outcome of persons of person-level data meeting a condition.
  public static func outcomeAmongPersons(_ condition: String) -> Message {
    Message(
      "reading.outcome.among_persons", sv: "Utfall: \(condition), bland personerna i data",
      en: "Outcome: \(condition), among the persons of the data")
  }
}

extension Message {
  // MARK: Notices of an analysis on the report page

  /// "Att observera" / "Please note", the heading of an analysis's notices.
  public static let noticesHeading = Message(
    "reading.notices.heading", sv: "Att observera", en: "Please note")
  /// Rows of the data left out for a missing or out-of-range value of the listed variables.
  public static func noticeDataRowsLeftOut(rows: String, variables: String) -> Message {
    Message(
      "reading.notices.data_rows",
      sv:
        "\(rows) rader i data ingår inte eftersom uppgiften saknas eller ligger utanför kodlistan för: \(variables).",
      en:
        "\(rows) rows of the data are left out because the value is missing or outside the code list for: \(variables)."
    )
  }
  /// Rows of the population left out for a missing or out-of-range value.
  public static func noticePopulationRowsLeftOut(rows: String, variables: String) -> Message {
    Message(
      "reading.notices.population_rows",
      sv:
        "\(rows) rader i befolkningsuppgifterna ingår inte eftersom uppgiften saknas eller ligger utanför kodlistan för: \(variables).",
      en:
        "\(rows) rows of the population are left out because the value is missing or outside the code list for: \(variables)."
    )
  }
  /// " De raderna omfattar 106 personer." after ``noticePopulationRowsLeftOut(rows:variables:)``.
  public static func noticePopulationPersons(_ persons: String) -> Message {
    Message(
      "reading.notices.population_persons", sv: "Raderna omfattar \(persons) personer.",
      en: "These rows hold \(persons) persons.")
  }
  /// A boundary fit of a MAIHDA model.
  public static func noticeBoundaryFit(model: String) -> Message {
    Message(
      "reading.notices.boundary",
      sv:
        "\(model): variansen mellan strata skattas till noll eller nästan noll (en randlösning). Strata skiljer sig då inte åt utöver vad modellens fasta effekter förklarar.",
      en:
        "\(model): the between-stratum variance is estimated at or next to zero (a boundary fit). The strata then do not differ beyond what the model's fixed effects explain."
    )
  }
  /// Separated estimates shown as "–".
  public static func noticeSeparated(terms: String) -> Message {
    Message(
      "reading.notices.separated",
      sv:
        "Separation: utfallet saknas nästan helt eller finns nästan överallt för \(terms), så de skattningarna saknar mening och redovisas som –.",
      en:
        "Separation: the outcome is (almost) absent or universal for \(terms), so those estimates have no meaning and are shown as –."
    )
  }
  /// Separation handled by Firth's method.
  public static func noticeSeparatedFirth(terms: String) -> Message {
    Message(
      "reading.notices.separated_firth",
      sv:
        "Separation för \(terms): modellen är skattad med Firths metod (penaliserad likelihood), som ger ändliga skattningar.",
      en:
        "Separation for \(terms): the model is fitted with Firth's method (penalised likelihood), which gives finite estimates."
    )
  }
  /// The cases restricted by variables the population is not restricted by.
  public static func noticePopulationNotFiltered(variables: String) -> Message {
    Message(
      "reading.notices.population_not_filtered",
      sv:
        "Urvalet avgränsar de misstänkta efter \(variables), men befolkningen är inte avgränsad på samma sätt: jämförelsen med befolkningen gäller därför en större grupp än urvalet.",
      en:
        "The selection restricts the suspects by \(variables), but the population is not restricted in the same way: the comparison with the population is therefore with a larger group than the selection."
    )
  }
  /// A fit that did not converge.
  public static let noticeNotConverged = Message(
    "reading.notices.not_converged",
    sv: "Skattningen konvergerade inte; skattningarna kan vara osäkra.",
    en: "The fit did not converge; the estimates may be inaccurate.")
}
