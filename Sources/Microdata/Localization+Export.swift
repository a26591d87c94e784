// `Language` and the message catalog live in Localization, the bottom module; Microdata
// re-exports it so that `import Microdata` (and every module above it) keeps seeing them.
@_exported import Localization
