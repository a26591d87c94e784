/// What a report says about every analysis it publishes, beyond the analysis itself: the
/// source of its figures (the recipe's `source:`, e.g. "Brå och SCB; bearbetning") and the
/// selection in words (an entry's `selection:`/`urval:`). Without a context a publication names
/// its data files as the source and describes its filter from the codebook.
///
/// A report run binds the context while it publishes each analysis:
///
/// ```swift
/// let context = PublicationContext(source: "Brå, SCB", selection: "Misstänkta 2016")
/// let publication = try PublicationContext.$current.withValue(context) {
///   try result.publication()
/// }
/// ```
public struct PublicationContext: Sendable, Equatable {
  /// The source line of every table and chart; `nil` names the data files.
  public var source: String?
  /// The selection in words; `nil` describes the filter from the codebook's labels.
  public var selection: String?
  /// What the analysis's main data file holds, in words (the recipe's `description:` of it,
  /// e.g. "misstänkta personer per brottstyp 2016–2017"): a model's outcome names it.
  public var dataDescription: String?

  public init(source: String? = nil, selection: String? = nil, dataDescription: String? = nil) {
    self.source = source
    self.selection = selection
    self.dataDescription = dataDescription
  }

  /// The context of the publication under way (task-local; none outside a report).
  @TaskLocal public static var current: PublicationContext?
}
