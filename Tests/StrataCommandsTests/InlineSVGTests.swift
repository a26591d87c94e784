import Testing

@testable import Reports

@Suite("Charts inlined into the report page")
struct InlineSVGTests {
  @Test func everyIdAndEveryReferenceToItIsPrefixed() {
    let svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="t d other" role="img">\
      <title id="t">T</title><desc id="d">D</desc>\
      <clipPath id="plot"><rect/></clipPath><clipPath id="plot-area"><rect/></clipPath>\
      <g clip-path="url(#plot)"><use href="#plot-area"/></g>\
      <rect fill="#fff" aria-describedby="d"/><text>id="t" is text</text></svg>
      """
    let inlined = InlineSVG.prepare(svg, idPrefix: "a3-c1")
    #expect(!inlined.contains("<?xml"))
    #expect(inlined.hasPrefix("<svg "))
    #expect(inlined.contains(#"aria-labelledby="a3-c1-t a3-c1-d other""#))
    #expect(inlined.contains(#"<title id="a3-c1-t">"#))
    #expect(inlined.contains(#"<clipPath id="a3-c1-plot">"#))
    #expect(inlined.contains(#"<clipPath id="a3-c1-plot-area">"#))
    #expect(inlined.contains(#"clip-path="url(#a3-c1-plot)""#))
    #expect(inlined.contains(##"href="#a3-c1-plot-area""##))
    #expect(inlined.contains(##"fill="#fff""##))
    #expect(inlined.contains(#"aria-describedby="a3-c1-d""#))
    // Text that is not an attribute is left alone.
    #expect(inlined.contains(#"<text>id="t" is text</text>"#))
    #expect(
      Set(InlineSVG.ids(in: inlined)) == ["a3-c1-t", "a3-c1-d", "a3-c1-plot", "a3-c1-plot-area"])
  }

  @Test func anSVGWithoutIdsIsUnchanged() {
    let svg = ##"<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#000"/></svg>"##
    #expect(InlineSVG.prepare(svg, idPrefix: "x") == svg)
  }
}
