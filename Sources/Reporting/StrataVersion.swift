/// The version of Strata, printed by `strata --version` and on every report page.
public enum StrataVersion {
  public static let current = "0.1.0"
}
