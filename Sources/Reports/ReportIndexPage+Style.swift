import Analysis
import Microdata
import Reporting

extension ReportIndexPage {
  /// The page's style sheet: readable text width, the table style of `HTMLRenderer`'s
  /// documents (`.strata-table`), wide tables scroll inside their box, charts scale down.
  package static let styleSheet = """
    :root{color-scheme:light}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;margin:0;line-height:1.45}
    main{max-width:80rem;margin:0 auto;padding:1.5rem 2rem 4rem}
    header.report{border-bottom:3px solid #1f4e79;margin-bottom:1.5rem;padding-bottom:0.8rem}
    h1{font-size:1.9rem;margin:0 0 0.3rem 0;color:#1f4e79}
    h2{font-size:1.35rem;margin:2.5rem 0 0.4rem 0;color:#1f4e79;border-bottom:1px solid #c8d3de;padding-bottom:0.2rem}
    h3{font-size:1.05rem;margin:1.2rem 0 0.4rem 0}
    .subtitle{font-size:1.1rem;color:#333;margin:0 0 0.3rem 0}
    .meta{color:#555;font-size:0.85rem;margin:0.2rem 0}
    .meta code{font-size:0.8rem}
    nav.toc ul{columns:2;column-gap:2.5rem;padding-left:0;list-style:none;font-size:0.92rem}
    nav.toc li{break-inside:avoid;margin-bottom:0.15rem;padding-left:2rem;text-indent:-2rem}
    nav.toc .number{display:inline-block;width:2rem;text-indent:0;color:#555}
    nav.toc li.section{padding-left:0;text-indent:0;margin-top:0.5rem;font-weight:bold;break-inside:auto}
    nav.toc li.section ul{columns:1;font-weight:normal;margin:0.2rem 0 0.4rem 0}
    h2.section{font-size:1.6rem;border-bottom:2px solid #1f4e79;margin-top:3.5rem}
    section.report-section h3{font-size:1.2rem;color:#1f4e79;margin-top:2rem}
    nav.toc .failed a{color:#a00}
    a{color:#1f4e79}
    .box{border-left:4px solid #a00;background:#fdf1f1;padding:0.6rem 1rem;margin:1rem 0}
    .box.ok{border-color:#2e7d32;background:#f0f7f0}
    .warnings{border-left:4px solid #c77700;background:#fff8ec;padding:0.4rem 1rem;margin:0.8rem 0;font-size:0.85rem}
    .warnings ul{margin:0.2rem 0;padding-left:1.2rem}
    .note{max-width:50rem}
    .table-wrap{overflow-x:auto;margin:0.8rem 0 1.6rem 0}
    .strata-table{border-collapse:collapse;font-size:0.88rem;margin:0}
    \(HTMLRenderer.captionStyle)
    .strata-title{font-weight:bold;font-size:1rem}
    \(HTMLRenderer.cellStyle)
    .strata-table tfoot td{font-size:0.78rem;color:#333;padding-top:0.3rem;max-width:60rem}
    figure.chart{margin:1rem 0 2rem 0}
    figure.chart svg{max-width:100%;height:auto;border:1px solid #e3e8ee}
    figure.chart figcaption{font-size:0.85rem;color:#333;margin-top:0.3rem}
    .files{font-size:0.8rem;color:#555}
    .files a{margin-right:0.5rem}
    dl.legend{display:grid;grid-template-columns:4rem 1fr;gap:0.2rem 1rem;font-size:0.9rem}
    dl.legend dt{font-weight:bold;text-align:right}
    dl.legend dd{margin:0}
    footer{margin-top:3rem;font-size:0.8rem;color:#555}
    @media print{nav.toc ul{columns:1} .table-wrap{overflow:visible} h2{break-before:auto}}
    """
}
